package rules

import (
	"fmt"
)

// Objection is the obligor's objection to the assessment conclusion,
// raised during consultation (Art. 16).
type Objection struct {
	// Evidence lists the evidence offered, one item each. Blank items
	// are ignored.
	Evidence []string
}

// CheckObjection checks that an objection comes with evidence, as Art. 16
// requires. An objection with no evidence, or only blank items, is a
// *Violation wrapping ErrNoEvidence. Whether consultation is under way is
// for the caller to check.
func CheckObjection(o Objection) error {
	for _, e := range o.Evidence {
		if filled(e) {
			return nil
		}
	}
	listed := "the objection lists no evidence"
	if n := len(o.Evidence); n > 0 {
		listed = fmt.Sprintf("all %d evidence entries of the objection "+
			"are blank", n)
	}
	return violation(Art(16), ErrNoEvidence,
		"%s: the obligor must offer evidence for its objection to the "+
			"assessment", listed)
}

// AssessmentRoute is the form of the assessment conclusion (Art. 8).
type AssessmentRoute uint8

// The assessment routes. The zero AssessmentRoute is invalid.
const (
	// RouteInstitution is an assessment report by an assessment
	// institution (鉴定评估报告, Art. 8(1)).
	RouteInstitution AssessmentRoute = iota + 1
	// RouteExperts is the opinion of an expert panel in place of the
	// report (专家论证意见, Art. 8(2)).
	RouteExperts
)

// String returns the English name of r.
func (r AssessmentRoute) String() string {
	switch r {
	case RouteInstitution:
		return "assessment report"
	case RouteExperts:
		return "expert opinion"
	}
	return fmt.Sprintf("unknown route %d", int(r))
}

// ObjectionResponse is a step the agency may take on an objection.
type ObjectionResponse uint8

// The responses of Art. 16. The zero ObjectionResponse is invalid.
const (
	// ResponseExplanation is an in-person explanation and clarification
	// of the conclusion by the assessment institution.
	ResponseExplanation ObjectionResponse = iota + 1
	// ResponseExpertReview is a review of the conclusion by experts.
	ResponseExpertReview
)

// String returns the English name of r.
func (r ObjectionResponse) String() string {
	switch r {
	case ResponseExplanation:
		return "in-person explanation by the institution"
	case ResponseExpertReview:
		return "expert review"
	}
	return fmt.Sprintf("unknown response %d", int(r))
}

// ObjectionResponses returns the responses open to the agency on the
// given route, as a new slice. Art. 16 lets the agency choose, and it
// need not take either.
//
// On the expert route there is no institution to explain, so only expert
// review is open. The panel's own account of its opinion at the meeting
// is a step of Art. 14(1)(4), not a response to an objection.
func ObjectionResponses(route AssessmentRoute) ([]ObjectionResponse, error) {
	switch route {
	case RouteInstitution:
		return []ObjectionResponse{ResponseExplanation, ResponseExpertReview}, nil
	case RouteExperts:
		return []ObjectionResponse{ResponseExpertReview}, nil
	}
	return nil, invalidRoute(route)
}

// Corrector is who reissues a corrected conclusion.
type Corrector uint8

// The correctors of Art. 16. CorrectorNone means nothing is reissued.
const (
	CorrectorNone Corrector = iota
	// CorrectorOriginalInstitution corrects the report and issues it
	// again.
	CorrectorOriginalInstitution
	// CorrectorOriginalExperts review their opinion and issue it again.
	CorrectorOriginalExperts
)

// String returns the English name of c.
func (c Corrector) String() string {
	switch c {
	case CorrectorNone:
		return "none"
	case CorrectorOriginalInstitution:
		return "original institution"
	case CorrectorOriginalExperts:
		return "original experts"
	}
	return fmt.Sprintf("unknown corrector %d", int(c))
}

// ObjectionOutcome is the result of an objection to the assessment.
type ObjectionOutcome struct {
	Citation    Citation
	Upheld      bool      // the conclusion was found to be wrong
	CorrectedBy Corrector // CorrectorNone when the objection is rejected
	Description string    // English
}

// DecideObjection returns the outcome of an objection on the given route.
// When the conclusion is found to be wrong, Art. 16 has the original
// institution correct the report and issue it again, or on the expert
// route the original experts review their opinion and issue it again.
// Otherwise the objection is rejected and the conclusion remains in force. An
// unknown route is a *Violation wrapping ErrInvalidFact.
//
// A corrected report does not reset the count of consultation meetings
// (Art. 15, Art. 17(1)(5)): the objection is raised during consultation,
// and no article starts the count again.
func DecideObjection(route AssessmentRoute, upheld bool) (ObjectionOutcome, error) {
	if route != RouteInstitution && route != RouteExperts {
		return ObjectionOutcome{}, invalidRoute(route)
	}
	out := ObjectionOutcome{Citation: Art(16), Upheld: upheld}
	switch {
	case !upheld:
		out.Description = fmt.Sprintf("objection rejected: the %s remains in force",
			route)
	case route == RouteInstitution:
		out.CorrectedBy = CorrectorOriginalInstitution
		out.Description = "objection upheld: the original institution " +
			"corrects the assessment report and issues it again"
	default:
		out.CorrectedBy = CorrectorOriginalExperts
		out.Description = "objection upheld: the original experts review " +
			"their opinion and issue it again"
	}
	return out, nil
}

func invalidRoute(route AssessmentRoute) error {
	return violation(Art(16), ErrInvalidFact,
		"%s: use RouteInstitution for an assessment report or "+
			"RouteExperts for an expert opinion", route)
}
