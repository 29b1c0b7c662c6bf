package rules

import (
	"fmt"
	"strings"
)

// IncidentGrade is the grade of a sudden environmental incident on the
// national four-level scale, where level I is the most severe.
type IncidentGrade uint8

// The grades of a sudden environmental incident. The zero value, GradeNone,
// records that no such incident happened.
const (
	GradeNone       IncidentGrade = iota // no sudden environmental incident
	GradeOrdinary                        // 一般, level IV
	GradeLarger                          // 较大, level III
	GradeMajor                           // 重大, level II
	GradeExtraMajor                      // 特别重大, level I
)

// String returns the English name and level of g, such as "larger (III)".
func (g IncidentGrade) String() string {
	switch g {
	case GradeNone:
		return "none"
	case GradeOrdinary:
		return "ordinary (IV)"
	case GradeLarger:
		return "larger (III)"
	case GradeMajor:
		return "major (II)"
	case GradeExtraMajor:
		return "extra-major (I)"
	}
	return fmt.Sprintf("unknown grade %d", int(g))
}

// Chinese returns the Chinese name of g, or "" for GradeNone and unknown
// values.
func (g IncidentGrade) Chinese() string {
	switch g {
	case GradeOrdinary:
		return "一般"
	case GradeLarger:
		return "较大"
	case GradeMajor:
		return "重大"
	case GradeExtraMajor:
		return "特别重大"
	}
	return ""
}

// ZoneType is a kind of zone that a main functional area plan (主体功能区
// 规划) draws and that Art. 3(1)(2) names.
type ZoneType uint8

// The zone types of Art. 3(1)(2). The zero ZoneType is invalid.
const (
	ZoneKeyEcologicalFunction ZoneType = iota + 1 // 重点生态功能区
	ZoneProhibitedDevelopment                     // 禁止开发区
)

// String returns the English name of z.
func (z ZoneType) String() string {
	switch z {
	case ZoneKeyEcologicalFunction:
		return "key ecological function zone"
	case ZoneProhibitedDevelopment:
		return "prohibited development zone"
	}
	return fmt.Sprintf("unknown zone type %d", int(z))
}

// PlanLevel is the level of government whose plan draws a zone.
type PlanLevel uint8

// The plan levels. Art. 3(1)(2) counts only national and provincial plans.
// The zero PlanLevel is invalid.
const (
	PlanNational   PlanLevel = iota + 1 // national plan
	PlanProvincial                      // provincial plan
	PlanLower                           // city, county or other lower plan
)

// String returns the English name of l.
func (l PlanLevel) String() string {
	switch l {
	case PlanNational:
		return "national plan"
	case PlanProvincial:
		return "provincial plan"
	case PlanLower:
		return "plan below provincial level"
	}
	return fmt.Sprintf("unknown plan level %d", int(l))
}

// Zone is a zone where the damage happened.
type Zone struct {
	Name string // optional, for the reason text
	Type ZoneType
	Plan PlanLevel
}

// DamageFacts holds the facts that decide whether consultation is
// required under Art. 3. The zero value is valid and requires nothing.
type DamageFacts struct {
	// Grade is the grade of the sudden environmental incident, if any.
	Grade IncidentGrade
	// Zones lists the planned zones where the damage happened.
	Zones []Zone
	// InRedLine records damage inside Hangzhou's ecological protection
	// red line (生态保护红线).
	InRedLine bool
	// SuspectedCrime records conduct suspected of being a crime of
	// environmental pollution or of destroying natural resources.
	SuspectedCrime bool
	// SeriousDamage records that the damage to the environment is
	// serious. Art. 3(1)(4) needs it together with SuspectedCrime.
	SeriousDamage bool
	// OtherSerious records another serious consequence for the
	// environment (Art. 3(1)(5)). It needs OtherSeriousReason.
	OtherSerious bool
	// OtherSeriousReason describes that consequence. It must be blank
	// when OtherSerious is false.
	OtherSeriousReason string
}

// RequirementGround is one item of Art. 3 that holds, with the reason in
// English.
type RequirementGround struct {
	Citation Citation
	Reason   string
}

// Requirement is the result of Art. 3: the grounds that require
// consultation, sorted by item, at most one per item.
type Requirement struct {
	Grounds []RequirementGround
}

// Required reports whether at least one ground holds.
func (r Requirement) Required() bool { return len(r.Grounds) > 0 }

// String returns "not required (Art. 3)" or "required: " followed by the
// grounds.
func (r Requirement) String() string {
	if !r.Required() {
		return "not required (Art. 3)"
	}
	parts := make([]string, len(r.Grounds))
	for i, g := range r.Grounds {
		parts[i] = fmt.Sprintf("%s: %s", g.Citation, g.Reason)
	}
	return "required: " + strings.Join(parts, "; ")
}

// ConsultationRequired returns every ground of Art. 3 that the facts meet.
// Consultation is required when any one holds. An incident of grade 一般
// (ordinary) alone meets none. Adding a fact never removes a ground.
//
// The error is a *Violation citing the item concerned. It wraps
// ErrInvalidFact for a grade, zone type or plan level outside its
// constants, or for a reason without OtherSerious. It wraps
// ErrReasonRequired for OtherSerious with a blank reason.
func ConsultationRequired(f DamageFacts) (Requirement, error) {
	if err := validateDamageFacts(f); err != nil {
		return Requirement{}, err
	}
	var r Requirement
	checks := []func(DamageFacts) (RequirementGround, bool){
		incidentGround, zoneGround, redLineGround, crimeGround, otherGround,
	}
	for _, check := range checks {
		if g, ok := check(f); ok {
			r.Grounds = append(r.Grounds, g)
		}
	}
	return r, nil
}

func validateDamageFacts(f DamageFacts) error {
	if f.Grade > GradeExtraMajor {
		return violation(Art(3).ItemOf(1), ErrInvalidFact,
			"incident grade %d is not a grade: use GradeNone to "+
				"GradeExtraMajor", int(f.Grade))
	}
	for i, z := range f.Zones {
		if err := validateZone(i, z); err != nil {
			return err
		}
	}
	reason := strings.TrimSpace(f.OtherSeriousReason)
	switch {
	case f.OtherSerious && reason == "":
		return violation(Art(3).ItemOf(5), ErrReasonRequired,
			"another serious consequence is claimed without a reason: "+
				"describe the consequence in OtherSeriousReason")
	case !f.OtherSerious && reason != "":
		return violation(Art(3).ItemOf(5), ErrInvalidFact,
			"reason %q is given but OtherSerious is false: set "+
				"OtherSerious or clear the reason", reason)
	}
	return nil
}

func validateZone(i int, z Zone) error {
	if z.Type != ZoneKeyEcologicalFunction && z.Type != ZoneProhibitedDevelopment {
		return violation(Art(3).ItemOf(2), ErrInvalidFact,
			"Zones[%d] (%q) has %s: use ZoneKeyEcologicalFunction or "+
				"ZoneProhibitedDevelopment", i, z.Name, z.Type)
	}
	if z.Plan < PlanNational || z.Plan > PlanLower {
		return violation(Art(3).ItemOf(2), ErrInvalidFact,
			"Zones[%d] (%q) has %s: use PlanNational, PlanProvincial or "+
				"PlanLower", i, z.Name, z.Plan)
	}
	return nil
}

// Art. 3(1)(1): a sudden environmental incident of grade 较大 or above.
func incidentGround(f DamageFacts) (RequirementGround, bool) {
	if f.Grade < GradeLarger {
		return RequirementGround{}, false
	}
	return RequirementGround{Art(3).ItemOf(1), fmt.Sprintf(
		"a sudden environmental incident of grade %s, which is larger "+
			"or above", f.Grade)}, true
}

// Art. 3(1)(2): pollution or ecological damage in a key ecological
// function zone or a prohibited development zone that a national or
// provincial main functional area plan draws.
func zoneGround(f DamageFacts) (RequirementGround, bool) {
	var zones []string
	for _, z := range f.Zones {
		if z.Plan != PlanNational && z.Plan != PlanProvincial {
			continue
		}
		s := z.Type.String()
		if name := strings.TrimSpace(z.Name); name != "" {
			s += fmt.Sprintf(" %q", name)
		}
		zones = append(zones, s+" of a "+z.Plan.String())
	}
	if len(zones) == 0 {
		return RequirementGround{}, false
	}
	return RequirementGround{Art(3).ItemOf(2),
		"damage in a zone of a national or provincial main functional " +
			"area plan: " + strings.Join(zones, ", ")}, true
}

// Art. 3(1)(3): pollution or ecological damage inside the city's
// ecological protection red line.
func redLineGround(f DamageFacts) (RequirementGround, bool) {
	if !f.InRedLine {
		return RequirementGround{}, false
	}
	return RequirementGround{Art(3).ItemOf(3),
		"damage inside Hangzhou's ecological protection red line"}, true
}

// Art. 3(1)(4): a suspected crime of pollution or of destroying natural
// resources that caused serious damage. Either fact alone is not enough.
func crimeGround(f DamageFacts) (RequirementGround, bool) {
	if !f.SuspectedCrime || !f.SeriousDamage {
		return RequirementGround{}, false
	}
	return RequirementGround{Art(3).ItemOf(4),
		"suspected crime of environmental pollution or of destroying " +
			"natural resources that caused serious damage"}, true
}

// Art. 3(1)(5): another serious consequence, with its stated reason.
func otherGround(f DamageFacts) (RequirementGround, bool) {
	if !f.OtherSerious {
		return RequirementGround{}, false
	}
	reason := strings.TrimSpace(f.OtherSeriousReason)
	return RequirementGround{Art(3).ItemOf(5),
		"another serious consequence for the environment: " + reason}, true
}
