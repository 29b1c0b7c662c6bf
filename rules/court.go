package rules

import "github.com/rickb777/date/v2"

// CourtFacts are the facts that decide whether the agency must go to
// court.
type CourtFacts struct {
	// Failed is the day consultation failed: not started after a refusal
	// or silence (Art. 8(5)), terminated (Art. 17), or ended without
	// agreement; zero if it has not failed.
	Failed date.Date
	// Reneged is the day the obligor went back on a signed agreement and
	// refused to perform; zero if not.
	Reneged date.Date
	// Confirmed is the day a court judicially confirmed the agreement;
	// zero if not.
	Confirmed date.Date
	// NotPerformed is the day a confirmed agreement was found not, or not
	// fully, performed; zero if not.
	NotPerformed date.Date
}

// A Duty is an obligation of the agency with the reason it arises.
type Duty struct {
	Obligation
	Reason string
}

// CourtDuty returns what the agency must ask of a court on day on, if
// anything. It must sue promptly when consultation failed, or when the
// obligor reneged before the agreement was judicially confirmed
// (Art. 20, Art. 8(5)). Once the agreement is confirmed, non-performance
// calls for an application for enforcement instead (Art. 22).
func CourtDuty(f CourtFacts, on date.Date) (Duty, bool) {
	sue := func(from date.Date, c Citation, reason string) (Duty, bool) {
		return Duty{Obligation: Obligation{Party: Agency, Citation: c,
			Action: "file a compensation lawsuit", From: from, Promptly: true},
			Reason: reason}, true
	}
	confirmed := f.Confirmed != 0 && f.Confirmed <= on
	enforce := func(from date.Date, reason string) (Duty, bool) {
		return Duty{Obligation: Obligation{Party: Agency, Citation: Art(22),
			Action: "apply to the court for enforcement", From: from,
			Promptly: true}, Reason: reason}, true
	}
	switch {
	// A confirmed agreement is enforced, whatever came before it.
	case confirmed && f.NotPerformed != 0 && f.NotPerformed <= on:
		return enforce(f.NotPerformed, "the judicially confirmed agreement was "+
			"not fully performed")
	case confirmed && f.Reneged != 0 && f.Reneged >= f.Confirmed && f.Reneged <= on:
		return enforce(f.Reneged, "the obligor refuses to perform a judicially "+
			"confirmed agreement")
	case f.Failed != 0 && f.Failed <= on && !confirmed:
		return sue(f.Failed, Art(20), "consultation did not reach an agreement")
	case f.Reneged != 0 && f.Reneged <= on && (!confirmed || f.Reneged < f.Confirmed):
		return sue(f.Reneged, Art(20), "the obligor went back on the agreement "+
			"before judicial confirmation")
	}
	return Duty{}, false
}
