package rules

import (
	"fmt"
	"slices"
)

// HaltConduct is unlawful conduct of the obligor that lets the agency
// stop consultation (Art. 24).
type HaltConduct uint8

// The conducts of Art. 24. The zero HaltConduct is no conduct.
const (
	ConductInterference   HaltConduct = iota + 1 // 非法干预
	ConductFalseMaterials                        // 提供虚假材料
	// ConductOtherUnlawful is other unlawful conduct that affects the
	// consultation. It needs a description.
	ConductOtherUnlawful
)

// String returns the English name of c.
func (c HaltConduct) String() string {
	switch c {
	case ConductInterference:
		return "unlawful interference"
	case ConductFalseMaterials:
		return "false materials"
	case ConductOtherUnlawful:
		return "other unlawful conduct"
	}
	return fmt.Sprintf("unknown conduct %d", int(c))
}

// HaltGround is one conduct of the obligor, as the agency records it.
type HaltGround struct {
	Conduct     HaltConduct
	Description string // optional, except for ConductOtherUnlawful
}

// HaltDecision is the agency's decision to stop consultation at once.
type HaltDecision struct {
	Citation Citation     // Art. 24
	Grounds  []HaltGround // a copy of the grounds given
	// EndsCase is true in every decision Halt returns: the case ends
	// as halted.
	EndsCase bool
	// Referral is the next step for the matter, in English.
	Referral string
}

// Halt decides to stop consultation at once because of the obligor's
// unlawful conduct, and hands the matter to the competent department
// (Art. 24). Art. 24 lets the agency halt but does not oblige it, so call
// Halt once the agency has decided to.
//
// Each error is a *Violation citing Art. 24. No ground, or a ground
// without conduct, wraps ErrMissingFact. An unknown conduct wraps
// ErrInvalidFact. Other unlawful conduct without a description wraps
// ErrReasonRequired.
//
// NOTE: Art. 24 does not say whether the agency then sues. Whether a
// halted case goes to court under Art. 8(5) or Art. 20 is left to the
// caller.
func Halt(grounds ...HaltGround) (HaltDecision, error) {
	if len(grounds) == 0 {
		return HaltDecision{}, violation(Art(24), ErrMissingFact,
			"no ground given: record the obligor's interference, false "+
				"materials or other unlawful conduct")
	}
	for i, g := range grounds {
		if err := checkHaltGround(i, g); err != nil {
			return HaltDecision{}, err
		}
	}
	return HaltDecision{
		Citation: Art(24),
		Grounds:  slices.Clone(grounds),
		EndsCase: true,
		Referral: "hand the matter to the competent department to deal " +
			"with under the law",
	}, nil
}

func checkHaltGround(i int, g HaltGround) error {
	switch {
	case g.Conduct == 0:
		return violation(Art(24), ErrMissingFact,
			"grounds[%d] names no conduct: record interference, false "+
				"materials or other unlawful conduct", i)
	case g.Conduct > ConductOtherUnlawful:
		return violation(Art(24), ErrInvalidFact,
			"grounds[%d]: %s: use ConductInterference, "+
				"ConductFalseMaterials or ConductOtherUnlawful", i, g.Conduct)
	case g.Conduct == ConductOtherUnlawful &&
		Blank(g.Description):
		return violation(Art(24), ErrReasonRequired,
			"grounds[%d] is other unlawful conduct with no description: "+
				"describe the conduct and how it affects consultation", i)
	}
	return nil
}
