package rules

import (
	"fmt"

	"github.com/rickb777/date/v2"
)

// Delivery is the way a written reply reached the agency.
type Delivery uint8

// The ways a reply can be delivered.
const (
	// ByHand is a reply handed in at the agency's office.
	ByHand Delivery = iota + 1
	// ByPost is a reply sent by post; Reply.Posted is its postmark day.
	ByPost
	// Electronically is a reply sent to the agency's designated system.
	Electronically
)

// String returns the English name of d.
func (d Delivery) String() string {
	switch d {
	case ByHand:
		return "by hand"
	case ByPost:
		return "by post"
	case Electronically:
		return "electronically"
	}
	return "invalid delivery"
}

// A Reply is a written answer from the obligor and when it arrived.
type Reply struct {
	Received date.Date // the day it reached the agency
	Delivery Delivery
	// Posted is the postmark day of a reply sent ByPost; zero otherwise.
	Posted date.Date
}

// InTime reports whether reply meets a deadline ending on d.End. A reply is
// in time when it reaches the agency by the end of the last day; with
// Params.PostedReplyInTime, a reply posted by the last day is in time too,
// because time in transit does not count.
func (r Rules) InTime(reply Reply, d Deadline) bool {
	if reply.Received == 0 {
		return false
	}
	if reply.Received <= d.End {
		return true
	}
	return r.params.PostedReplyInTime && reply.Delivery == ByPost &&
		reply.Posted != 0 && reply.Posted <= d.End
}

// checkReply rejects a reply dated before the document it answers, or a
// postmark after its receipt.
func checkReply(c Citation, served date.Date, reply Reply) error {
	switch {
	case reply.Received == 0:
		return violation(c, ErrMissingFact, "the reply has no day of receipt; "+
			"record the day it reached the agency")
	case reply.Delivery == 0:
		return violation(c, ErrMissingFact, "reply of %s has no delivery "+
			"method; record delivery by hand, by post or electronically", reply.Received)
	case reply.Delivery > Electronically:
		return violation(c, ErrInvalidFact, "delivery %d of the reply of %s is "+
			"not by hand, by post or electronically", reply.Delivery, reply.Received)
	case reply.Received < served:
		return violation(c, ErrDateOrder, "reply received %s before the "+
			"document was served on %s; check both dates", reply.Received, served)
	case reply.Delivery != ByPost && reply.Posted != 0:
		return violation(c, ErrInvalidFact, "reply of %s delivered %s has a "+
			"postmark day %s; a postmark goes only with delivery by post", reply.Received,
			reply.Delivery, reply.Posted)
	case reply.Delivery == ByPost && reply.Posted == 0:
		return violation(c, ErrMissingFact, "reply by post received %s has no "+
			"postmark day; record the day it was posted", reply.Received)
	case reply.Delivery == ByPost && reply.Posted > reply.Received:
		return violation(c, ErrDateOrder, "postmark %s is after receipt %s",
			reply.Posted, reply.Received)
	case reply.Delivery == ByPost && reply.Posted < served:
		return violation(c, ErrDateOrder, "postmark %s is before the document "+
			"was served on %s; check both dates", reply.Posted, served)
	}
	return nil
}

// known reports whether the agency holds reply on day on. A reply posted
// in time but not yet received is not known, so a decision may change
// when it arrives.
func known(reply *Reply, on date.Date) bool {
	return reply != nil && reply.Received <= on
}

// dateString formats a day for messages, or "(none)" for the zero day.
func dateString(d date.Date) string {
	if d == 0 {
		return "(none)"
	}
	return fmt.Sprint(d)
}
