package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// groundItems returns the items of Art. 3 that r cites, in order.
func groundItems(r Requirement) []int {
	var items []int
	for _, g := range r.Grounds {
		items = append(items, g.Citation.Item)
	}
	return items
}

func TestConsultationRequiredItems(t *testing.T) {
	national := Zone{"千岛湖", ZoneKeyEcologicalFunction, PlanNational}
	provincial := Zone{"", ZoneProhibitedDevelopment, PlanProvincial}
	lower := Zone{"区级公园", ZoneProhibitedDevelopment, PlanLower}
	cases := []struct {
		name  string
		facts DamageFacts
		want  []int // items of Art. 3(1) that hold
	}{
		{"art3 no facts", DamageFacts{}, nil},
		{"art3(1)(1) ordinary grade alone", DamageFacts{Grade: GradeOrdinary}, nil},
		{"art3(1)(1) larger grade", DamageFacts{Grade: GradeLarger}, []int{1}},
		{"art3(1)(1) extra-major grade", DamageFacts{Grade: GradeExtraMajor}, []int{1}},
		{"art3(1)(2) national zone", DamageFacts{Zones: []Zone{national}}, []int{2}},
		{"art3(1)(2) provincial zone", DamageFacts{Zones: []Zone{provincial}}, []int{2}},
		{"art3(1)(2) lower plan zone", DamageFacts{Zones: []Zone{lower}}, nil},
		{"art3(1)(2) two zones one ground",
			DamageFacts{Zones: []Zone{national, lower, provincial}}, []int{2}},
		{"art3(1)(3) red line", DamageFacts{InRedLine: true}, []int{3}},
		{"art3(1)(4) crime and serious",
			DamageFacts{SuspectedCrime: true, SeriousDamage: true}, []int{4}},
		{"art3(1)(4) crime alone", DamageFacts{SuspectedCrime: true}, nil},
		{"art3(1)(4) serious alone", DamageFacts{SeriousDamage: true}, nil},
		{"art3(1)(5) other with reason",
			DamageFacts{OtherSerious: true, OtherSeriousReason: "水源地受污染"},
			[]int{5}},
		{"art3 every item", DamageFacts{
			Grade: GradeMajor, Zones: []Zone{national}, InRedLine: true,
			SuspectedCrime: true, SeriousDamage: true,
			OtherSerious: true, OtherSeriousReason: "饮用水中断",
		}, []int{1, 2, 3, 4, 5}},
	}
	for _, tc := range cases {
		got, err := ConsultationRequired(tc.facts)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if diff := cmp.Diff(tc.want, groundItems(got)); diff != "" {
			t.Errorf("%s: items (-want +got):\n%s", tc.name, diff)
		}
		if got.Required() != (len(tc.want) > 0) {
			t.Errorf("%s: Required() = %v with grounds %v", tc.name, got.Required(), got)
		}
	}
}

func TestConsultationRequiredGroundText(t *testing.T) {
	// Art. 3(1)(2) and (5): the reason names the zone and the stated
	// consequence, and the citation is the item of paragraph 1.
	got, err := ConsultationRequired(DamageFacts{
		Zones:        []Zone{{"千岛湖", ZoneKeyEcologicalFunction, PlanNational}},
		OtherSerious: true, OtherSeriousReason: "  饮用水中断 ",
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []RequirementGround{
		{Art(3).ItemOf(2), "damage in a zone of a national or provincial " +
			"main functional area plan: key ecological function zone " +
			"\"千岛湖\" of a national plan"},
		{Art(3).ItemOf(5), "another serious consequence for the " +
			"environment: 饮用水中断"},
	}
	if diff := cmp.Diff(want, got.Grounds); diff != "" {
		t.Errorf("grounds (-want +got):\n%s", diff)
	}
	if s := got.String(); !strings.HasPrefix(s, "required: Art. 3(1)(2): ") {
		t.Errorf("String() = %q, want it to start with the first ground", s)
	}
	if s := (Requirement{}).String(); s != "not required (Art. 3)" {
		t.Errorf("String() of no grounds = %q", s)
	}
}

func TestConsultationRequiredErrors(t *testing.T) {
	cases := []struct {
		name    string
		facts   DamageFacts
		wantErr error
		cite    Citation
	}{
		{"art3(1)(5) flag without reason", DamageFacts{OtherSerious: true},
			ErrReasonRequired, Art(3).ItemOf(5)},
		{"art3(1)(5) blank reason",
			DamageFacts{OtherSerious: true, OtherSeriousReason: " \t"},
			ErrReasonRequired, Art(3).ItemOf(5)},
		{"art3(1)(5) reason without flag", DamageFacts{OtherSeriousReason: "x"},
			ErrInvalidFact, Art(3).ItemOf(5)},
		{"art3(1)(1) unknown grade", DamageFacts{Grade: 9},
			ErrInvalidFact, Art(3).ItemOf(1)},
		{"art3(1)(2) zero zone type", DamageFacts{Zones: []Zone{{Plan: PlanNational}}},
			ErrInvalidFact, Art(3).ItemOf(2)},
		{"art3(1)(2) zero plan level",
			DamageFacts{Zones: []Zone{{Type: ZoneProhibitedDevelopment}}},
			ErrInvalidFact, Art(3).ItemOf(2)},
	}
	for _, tc := range cases {
		_, err := ConsultationRequired(tc.facts)
		checkViolation(t, tc.name, err, tc.wantErr, tc.cite)
	}
}

// drawDamageFacts draws valid facts for Art. 3.
func drawDamageFacts(t *rapid.T) DamageFacts {
	f := DamageFacts{
		Grade: IncidentGrade(rapid.IntRange(0, int(GradeExtraMajor)).
			Draw(t, "grade")),
		Zones:          rapid.SliceOfN(drawZone(), 0, 3).Draw(t, "zones"),
		InRedLine:      rapid.Bool().Draw(t, "redLine"),
		SuspectedCrime: rapid.Bool().Draw(t, "crime"),
		SeriousDamage:  rapid.Bool().Draw(t, "serious"),
	}
	if rapid.Bool().Draw(t, "other") {
		f.OtherSerious = true
		f.OtherSeriousReason = "reason " + rapid.StringN(0, 5, -1).Draw(t, "reason")
	}
	return f
}

func drawZone() *rapid.Generator[Zone] {
	return rapid.Custom(func(t *rapid.T) Zone {
		return Zone{
			Name: rapid.StringN(0, 4, -1).Draw(t, "name"),
			Type: ZoneType(rapid.IntRange(1, 2).Draw(t, "type")),
			Plan: PlanLevel(rapid.IntRange(1, 3).Draw(t, "plan")),
		}
	})
}

// addFacts returns f with more facts drawn: a higher grade, more zones
// and flags set, never a fact taken away.
func addFacts(t *rapid.T, f DamageFacts) DamageFacts {
	g := f
	g.Grade = IncidentGrade(rapid.IntRange(int(f.Grade), int(GradeExtraMajor)).
		Draw(t, "higherGrade"))
	g.Zones = append(slices.Clone(f.Zones),
		rapid.SliceOfN(drawZone(), 0, 2).Draw(t, "moreZones")...)
	g.InRedLine = f.InRedLine || rapid.Bool().Draw(t, "addRedLine")
	g.SuspectedCrime = f.SuspectedCrime || rapid.Bool().Draw(t, "addCrime")
	g.SeriousDamage = f.SeriousDamage || rapid.Bool().Draw(t, "addSerious")
	if !f.OtherSerious && rapid.Bool().Draw(t, "addOther") {
		g.OtherSerious, g.OtherSeriousReason = true, "added"
	}
	return g
}

func TestConsultationRequiredMonotonic(t *testing.T) {
	// Art. 3: each item is a sufficient condition, so adding a fact can
	// only add grounds.
	rapid.Check(t, func(t *rapid.T) {
		f := drawDamageFacts(t)
		g := addFacts(t, f)
		before, err := ConsultationRequired(f)
		if err != nil {
			t.Fatalf("facts %+v: %v", f, err)
		}
		after, err := ConsultationRequired(g)
		if err != nil {
			t.Fatalf("facts %+v: %v", g, err)
		}
		for _, item := range groundItems(before) {
			if !slices.Contains(groundItems(after), item) {
				t.Fatalf("item %d held for %+v but not for %+v", item, f, g)
			}
		}
	})
}

func TestConsultationRequiredSortedUnique(t *testing.T) {
	// Art. 3: grounds come in item order, one per item, all citing
	// paragraph 1 of Art. 3.
	rapid.Check(t, func(t *rapid.T) {
		r, err := ConsultationRequired(drawDamageFacts(t))
		if err != nil {
			t.Fatal(err)
		}
		items := groundItems(r)
		for i := 1; i < len(items); i++ {
			if items[i-1] >= items[i] {
				t.Fatalf("items %v are not strictly increasing", items)
			}
		}
		for _, g := range r.Grounds {
			if g.Citation.Article != 3 || g.Citation.Paragraph != 1 {
				t.Fatalf("ground cites %s, want Art. 3(1)(n)", g.Citation)
			}
		}
		if r.Required() != (len(items) > 0) {
			t.Fatalf("Required() = %v with %d grounds", r.Required(), len(items))
		}
	})
}
