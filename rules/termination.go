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
}

// TerminationGrounds returns every Art. 17 ground that holds on day on,
// sorted by item, each with the first day it held. A ground that holds on
// a day holds on every later day. Item 2 holds from the day after the
// opinion reply deadline when no reply came in time; item 5 holds from the
// day of the last allowed meeting that ended without agreement. A recorded
// ground with an item that is not 1, 3, 4, 6 or 7 is a *Violation.
func (r Rules) TerminationGrounds(f TerminationFacts, on date.Date) ([]Ground, error) {
	var out []Ground
	for _, g := range f.Recorded {
		switch g.Item {
		case 1, 3, 4, 6, 7:
		default:
			return nil, violation(Art(17), ErrMissingFact, "item %d cannot be "+
				"recorded; items 2 and 5 follow from dates and counts", g.Item)
		}
		if !filled(g.Reason) {
			return nil, violation(Art(17).ItemOf(g.Item), ErrReasonRequired,
				"ground recorded on %s has no reason", g.On)
		}
		if g.On <= on {
			out = append(out, Ground{Art(17).ItemOf(g.Item), g.On, g.Reason})
		}
	}
	if g, ok, err := r.noReplyGround(f, on); err != nil {
		return nil, err
	} else if ok {
		out = append(out, g)
	}
	if g, ok := r.roundsGround(f, on); ok {
		out = append(out, g)
	}
	sort.SliceStable(out, func(i, j int) bool {
		return out[i].Citation.Item < out[j].Citation.Item
	})
	return out, nil
}

// noReplyGround derives item 2: no written reply within the time the
// opinion letter set.
func (r Rules) noReplyGround(f TerminationFacts, on date.Date) (Ground, bool, error) {
	if f.OpinionReceived == 0 {
		return Ground{}, false, nil
	}
	d, err := r.OpinionReplyDeadline(f.OpinionReceived)
	if err != nil {
		return Ground{}, false, err
	}
	since := d.End + 1
	if on < since {
		return Ground{}, false, nil
	}
	if f.OpinionReply != nil && r.InTime(*f.OpinionReply, d) {
		return Ground{}, false, nil
	}
	return Ground{Art(17).ItemOf(2), since, "no written reply to the opinion " +
		"letter by " + d.End.String()}, true, nil
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
	return Ground{Art(17).ItemOf(5), rounds[limit-1], "no agreement after " +
		"the allowed number of meetings"}, true
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
