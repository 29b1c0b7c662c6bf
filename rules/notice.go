package rules

import "github.com/rickb777/date/v2"

// ExpertRouteFacts are the facts behind choosing an expert panel over an
// assessment institution (Art. 8(2)).
type ExpertRouteFacts struct {
	// DamageClear records the agency's finding that the damage is fairly
	// clear.
	DamageClear bool
	// EstimatedDamage is the likely amount of the damage.
	EstimatedDamage Amount
	// AssessmentCost is the fee a qualified institution would charge to
	// assess it.
	AssessmentCost Amount
	// ClearlyLowerReason is the agency's reason for finding the damage
	// clearly lower than the cost. The measures give no ratio, so the
	// judgement is the agency's and must be recorded.
	ClearlyLowerReason string
	// Experts is the number of experts commissioned.
	Experts int
}

// CheckExpertRoute decides whether an expert panel's opinion may replace the
// assessment report (Art. 8(2)). Both conditions must hold: the damage is
// fairly clear, and its amount is clearly lower than the cost of an
// assessment. The panel needs at least Params.MinExperts experts.
func (r Rules) CheckExpertRoute(f ExpertRouteFacts) error {
	if err := r.ready(); err != nil {
		return err
	}
	c := Art(8).Para(2)
	switch {
	case f.EstimatedDamage < 0 || f.AssessmentCost < 0:
		return violation(c, ErrInvalidFact, "amounts must not be negative: "+
			"damage %s, cost %s", f.EstimatedDamage, f.AssessmentCost)
	case !f.DamageClear:
		return violation(c, ErrExpertRoute, "the damage is not recorded as "+
			"fairly clear; commission an assessment institution")
	case f.EstimatedDamage >= f.AssessmentCost:
		return violation(c, ErrExpertRoute, "estimated damage %s is not below "+
			"the assessment cost %s; commission an assessment institution",
			f.EstimatedDamage, f.AssessmentCost)
	case Blank(f.ClearlyLowerReason):
		return violation(c, ErrReasonRequired, "record why damage of %s is "+
			"clearly lower than the assessment cost of %s",
			f.EstimatedDamage, f.AssessmentCost)
	case f.Experts < r.params.MinExperts:
		return violation(c, ErrTooFewExperts, "%d experts commissioned; the "+
			"panel needs at least %d", f.Experts, r.params.MinExperts)
	}
	return nil
}

// InvestigationDuty returns the agency's duty, on learning of damage
// (an incident, a discovery, a report or a referral), to start the
// investigation at once and, once it is done, to write the investigation
// report (Art. 8(1)).
func InvestigationDuty(learned date.Date) Obligation {
	return Obligation{Party: Agency, Action: "start the investigation of the damage",
		Citation: Art(8).Para(1), From: learned, Promptly: true}
}

// ProcuratorateNotice returns the agency's duty, on starting an
// investigation and assessment, to inform the procuratorate of the same
// level. The measures fix no number of days, so it is due promptly
// (Art. 8(6)).
func ProcuratorateNotice(started date.Date) Obligation {
	return Obligation{
		Party:    Agency,
		Action:   "inform the procuratorate of the same level of the investigation",
		Citation: Art(8).Para(6),
		From:     started,
		Promptly: true,
	}
}

// NoticeReplyDeadline returns the last day for the obligor's written answer
// to the consultation notice: Params.NoticeReplyWorkdays working days after
// the day of service (Art. 8(3)).
func (r Rules) NoticeReplyDeadline(served date.Date) (Deadline, error) {
	return r.workdaysAfter(Art(8).Para(3), served, r.params.NoticeReplyWorkdays)
}

// NoticeReply is the obligor's written answer to the consultation notice.
type NoticeReply struct {
	Reply
	Consent bool // true: agrees to consult; false: refuses
}

// NoticeOutcome is the state of a consultation notice.
type NoticeOutcome uint8

// The outcomes of a consultation notice.
const (
	// NoticePending: no answer yet and the reply period still runs.
	NoticePending NoticeOutcome = iota + 1
	// NoticeConsented: written consent in time; consultation starts
	// (Art. 8(4)).
	NoticeConsented
	// NoticeRefused: written refusal; the agency must sue (Art. 8(5),
	// Art. 17(1)(1)).
	NoticeRefused
	// NoticeDeemedRefused: no answer in time counts as refusal (Art. 8(3)).
	NoticeDeemedRefused
)

// String returns the English name of o.
func (o NoticeOutcome) String() string {
	switch o {
	case NoticePending:
		return "pending"
	case NoticeConsented:
		return "consented"
	case NoticeRefused:
		return "refused"
	case NoticeDeemedRefused:
		return "deemed refused"
	}
	return "invalid outcome"
}

// NoticeDecision is the outcome of a consultation notice on one day.
type NoticeDecision struct {
	Outcome  NoticeOutcome
	Citation Citation
	Deadline Deadline
	// Late reports an answer that arrived after the deadline; it does not
	// undo the deemed refusal.
	Late bool
}

// NoticeOutcome decides where a consultation notice served on served
// stands on day on, given the obligor's answer (nil if none). An answer
// counts from the day the agency receives it. A consent that comes late
// does not undo the refusal the silence already produced (Art. 8(3)),
// except a consent posted by the last day: time in transit does not count
// (Params.PostedReplyInTime), so on the day it arrives the outcome turns
// from deemed refused to consented.
func (r Rules) NoticeOutcome(served date.Date, reply *NoticeReply, on date.Date) (NoticeDecision, error) {
	d, err := r.NoticeReplyDeadline(served)
	if err != nil {
		return NoticeDecision{}, err
	}
	out := NoticeDecision{Deadline: d}
	if reply != nil {
		if err := checkReply(d.Citation, served, reply.Reply); err != nil {
			return NoticeDecision{}, err
		}
	}
	var got *Reply
	if reply != nil {
		got = &reply.Reply
	}
	switch {
	case known(got, on) && r.InTime(reply.Reply, d) && reply.Consent:
		out.Outcome, out.Citation = NoticeConsented, Art(8).Para(4)
	case known(got, on) && r.InTime(reply.Reply, d):
		out.Outcome, out.Citation = NoticeRefused, Art(8).Para(5)
	case on > d.End:
		out.Outcome, out.Citation = NoticeDeemedRefused, Art(8).Para(3)
		out.Late = known(got, on)
	default:
		out.Outcome, out.Citation = NoticePending, Art(8).Para(3)
	}
	return out, nil
}
