package rules

import "strings"

// PreservationRequest is an application to a people's court to preserve
// evidence during consultation (证据保全, Art. 23).
type PreservationRequest struct {
	// Applicant is the party that applies. Art. 23 lets any party
	// concerned apply: the agency, the obligor or another party.
	Applicant string
	// Evidence describes the evidence to preserve.
	Evidence string
	// Risk is the reason the evidence may be lost or be hard to obtain
	// later, the condition that Art. 23 sets.
	Risk string
}

// CheckPreservation checks that a request names the applicant, the
// evidence and the risk to it. Every blank field is listed in one
// *Violation citing Art. 23 and wrapping ErrMissingFact.
//
// A request may come at any stage of consultation and never changes the
// stage, so this function neither takes nor returns one. The court, not
// the agency, decides whether to preserve.
func CheckPreservation(r PreservationRequest) error {
	var blank []string
	fields := []struct{ name, value string }{
		{"applicant", r.Applicant},
		{"evidence", r.Evidence},
		{"risk of loss", r.Risk},
	}
	for _, f := range fields {
		if Blank(f.value) {
			blank = append(blank, f.name)
		}
	}
	if blank == nil {
		return nil
	}
	return violation(Art(23), ErrMissingFact,
		"evidence preservation request lacks %s: state who applies, "+
			"which evidence, and why it may be lost or be hard to "+
			"obtain later", strings.Join(blank, ", "))
}
