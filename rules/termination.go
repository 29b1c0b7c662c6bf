package rules

import (
	"sort"

	"github.com/rickb777/date/v2"
)

// A RecordedGround is a termination ground of Art. 17 that the agency
// records as a fact: items 1, 3, 4, 6 and 7.
type RecordedGround struct {
	Item   int
	On     date.Date
	Reason string
}

// TerminationFacts are the facts of a case for Art. 17. Items 2 and 5
// follow from dates and counts, so they are derived, never recorded.
type TerminationFacts struct {
	// OpinionReceived is the day the obligor received the opinion letter;
	// zero if not yet served.
	OpinionReceived date.Date
	// OpinionReplyWorkdays is the reply period the letter stated; 0, or
	// less than the law's, counts as the law's.
	OpinionReplyWorkdays int
	// OpinionReply is the obligor's reply, nil if none.
	OpinionReply *Reply
	// FailedRounds lists the days of meetings that ended without agreement.
	FailedRounds []date.Date
	// Designation makes the round limit Params.MaxRoundsDesignated.
	Designation *Designation
	// Agreed is set once an agreement is signed; rounds no longer count.
	Agreed bool
	// Recorded lists grounds the agency recorded.
	Recorded []RecordedGround
}

// A Ground is a reason the measures give, in force from a day on.
type Ground struct {
	Citation Citation
	Since    date.Date
	Reason   string
	// Provisional marks a ground derived from a deadline that the
	// provisional calendar rule gave.
	Provisional bool
}

// TerminationGrounds returns every Art. 17 ground that holds on day on,
// sorted by item, each with the first day it held. A ground that holds on
// a day holds on every later day. Item 2 holds from the day after the
// opinion reply deadline when no reply came in time; item 5 holds from the
// day of the last allowed meeting that ended without agreement. A recorded
// ground with an item that is not 1, 3, 4, 6 or 7 is a *Violation.
func (r Rules) TerminationGrounds(f TerminationFacts, on date.Date) ([]Ground, error) {
	if err := r.ready(); err != nil {
		return nil, err
	}
	if err := checkTerminationFacts(f, on); err != nil {
		return nil, err
	}
	first := map[int]Ground{} // item -> the earliest recorded ground
	for _, g := range f.Recorded {
		if prev, ok := first[g.Item]; g.On <= on && (!ok || g.On < prev.Since) {
			first[g.Item] = Ground{Citation: Art(17).ItemOf(g.Item), Since: g.On, Reason: g.Reason}
		}
	}
	var out []Ground
	for _, g := range first {
		out = append(out, g)
	}
	if g, ok, err := r.noReplyGround(f, on); err != nil {
		return nil, err
	} else if ok {
		out = append(out, g)
	}
	if g, ok := r.roundsGround(f, on); ok {
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].Citation.Item < out[j].Citation.Item
	})
	return out, nil
}

// checkTerminationFacts rejects facts no ground can be read from.
func checkTerminationFacts(f TerminationFacts, on date.Date) error {
	c := Art(17)
	if on == 0 {
		return violation(c, ErrMissingFact, "give the day to decide on")
	}
	for _, g := range f.Recorded {
		switch g.Item {
		case 1, 3, 4, 6, 7:
		default:
			return violation(c, ErrInvalidFact, "item %d cannot be recorded; "+
				"record item 1, 3, 4, 6 or 7, as items 2 and 5 follow from "+
				"dates and counts", g.Item)
		}
		if !filled(g.Reason) || g.On == 0 {
			return violation(c.ItemOf(g.Item), ErrReasonRequired,
				"a recorded ground needs its day and a reason (day %s)", dateString(g.On))
		}
	}
	for i, d := range f.FailedRounds {
		if d == 0 {
			return violation(c.ItemOf(5), ErrMissingFact, "meeting %d has no day", i+1)
		}
	}
	if f.OpinionReply != nil {
		if f.OpinionReceived == 0 {
			return violation(c.ItemOf(2), ErrMissingFact, "a reply is given but "+
				"not the day the opinion letter was received")
		}
		return checkReply(c.ItemOf(2), f.OpinionReceived, *f.OpinionReply)
	}
	return nil
}

// noReplyGround derives item 2: no written reply within the time the
// opinion letter set.
func (r Rules) noReplyGround(f TerminationFacts, on date.Date) (Ground, bool, error) {
	if f.OpinionReceived == 0 {
		return Ground{}, false, nil
	}
	d, err := r.OpinionReplyDeadline(f.OpinionReceived, f.OpinionReplyWorkdays)
	if err != nil {
		return Ground{}, false, err
	}
	since := d.End + 1
	if on < since {
		return Ground{}, false, nil
	}
	// As in OpinionOutcome, a reply counts once it is received.
	if f.OpinionReply != nil && f.OpinionReply.Received <= on && r.InTime(*f.OpinionReply, d) {
		return Ground{}, false, nil
	}
	return Ground{Citation: Art(17).ItemOf(2), Since: since, Reason: "no written " +
		"reply to the opinion letter by " + d.End.String(), Provisional: d.Provisional}, true, nil
}

// roundsGround derives item 5: the allowed number of meetings held without
// agreement.
func (r Rules) roundsGround(f TerminationFacts, on date.Date) (Ground, bool) {
	if f.Agreed {
		return Ground{}, false
	}
	rounds := append([]date.Date(nil), f.FailedRounds...)
	sort.Slice(rounds, func(i, j int) bool { return rounds[i] < rounds[j] })
	limit := r.MaxRounds(r.designationCounts(f.Designation, rounds))
	if len(rounds) < limit || on < rounds[limit-1] {
		return Ground{}, false
	}
	return Ground{Citation: Art(17).ItemOf(5), Since: rounds[limit-1],
		Reason: "no agreement after the allowed number of meetings"}, true
}

// designationCounts reports whether a designation raises the round limit
// for meetings held on the sorted days failed. Decision: it must be made
// no later than the day the last ordinary meeting ended without
// agreement. That meeting ends the consultation under Art. 17(1)(5) the
// same day, and a later designation cannot revive it, so the grounds of
// a case never go away as time passes.
func (r Rules) designationCounts(d *Designation, failed []date.Date) bool {
	if d == nil || !filled(d.Reason) {
		return false
	}
	last := r.params.MaxRounds
	return len(failed) < last || d.On <= failed[last-1]
}
