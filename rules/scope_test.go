package rules

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"
)

func TestResolveDistrictFound(t *testing.T) {
	before := factsDay(2021, 4, 8)
	change := factsDay(2021, 4, 9)
	district := func(name string) District { return District{name, KindDistrict} }
	cases := []struct {
		name  string
		input string
		on    date.Date
		want  District
	}{
		// Art. 2: every case below names a unit of Hangzhou on its day.
		{"art2 short name old map", "余杭", before, district("余杭区")},
		{"art2 full name new map", "余杭区", change, district("余杭区")},
		{"art2 padded with spaces", "  西湖区 ", change, district("西湖区")},
		{"art2 full-width spaces", "\u3000滨 江\u3000", before, district("滨江区")},
		{"art2 city prefix", "杭州市西湖区", change, district("西湖区")},
		{"art2 province prefix", "浙江省杭州市萧山区", before, district("萧山区")},
		{"art2 county", "桐庐", change, District{"桐庐县", KindCounty}},
		{"art2 county-level city", "建德市", before,
			District{"建德市", KindCountyCity}},
		{"art2 xiacheng last old day", "下城", before, district("下城区")},
		{"art2 jianggan last old day", "江干区", before, district("江干区")},
		{"art2 linping first day", "临平", change, district("临平区")},
		{"art2 qiantang first day", "钱塘区", change, district("钱塘区")},
		{"art2 merged shangcheng", "上城", factsDay(2024, 1, 2),
			district("上城区")},
	}
	for _, tc := range cases {
		got, err := ResolveDistrict(tc.input, tc.on)
		if err != nil {
			t.Errorf("%s: ResolveDistrict(%q, %s): %v",
				tc.name, tc.input, tc.on, err)
			continue
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s: ResolveDistrict(%q, %s) (-want +got):\n%s",
				tc.name, tc.input, tc.on, diff)
		}
	}
}

func TestResolveDistrictErrors(t *testing.T) {
	before := factsDay(2021, 4, 8)
	change := factsDay(2021, 4, 9)
	cases := []struct {
		name     string
		input    string
		on       date.Date
		wantErr  error
		mentions []string // text the message must contain
	}{
		// Art. 2: names from the old map after the change.
		{"art2 xiacheng renamed", "下城区", change, ErrDistrictRenamed,
			[]string{"拱墅区"}},
		{"art2 jianggan renamed", "江干", factsDay(2023, 6, 1),
			ErrDistrictRenamed, []string{"上城区", "钱塘区", "下沙", "白杨"}},
		// Art. 2: names from the new map before the change.
		{"art2 linping not yet", "临平区", before, ErrDistrictNotCreated,
			[]string{"余杭区"}},
		{"art2 qiantang not yet", "钱塘", before, ErrDistrictNotCreated,
			[]string{"江干区", "萧山区", "2021-04-09"}},
		// Art. 2: places outside Hangzhou, with the valid units listed.
		{"art2 huzhou after", "湖州", change, ErrOutOfScope,
			[]string{"湖州", "临平区", "钱塘区"}},
		{"art2 changxing before", "长兴县", before, ErrOutOfScope,
			[]string{"长兴县", "下城区", "江干区"}},
		{"art2 wrong suffix", "建德区", change, ErrOutOfScope,
			[]string{"建德市"}},
		{"art2 lone suffix", "区", change, ErrOutOfScope,
			[]string{"上城区"}},
		// Art. 2: facts missing.
		{"art2 blank name", "  ", change, ErrMissingFact,
			[]string{"no district recorded"}},
		{"art2 city only", "杭州市", change, ErrMissingFact,
			[]string{"names only the city"}},
		{"art2 zero day", "西湖区", date.Zero, ErrMissingFact,
			[]string{"2021-04-09"}},
	}
	for _, tc := range cases {
		_, err := ResolveDistrict(tc.input, tc.on)
		checkViolation(t, tc.name, err, tc.wantErr, Art(2))
		if err == nil {
			continue
		}
		for _, m := range tc.mentions {
			if !strings.Contains(err.Error(), m) {
				t.Errorf("%s: message %q does not mention %q",
					tc.name, err, m)
			}
		}
	}
}

func TestDistrictsOnCounts(t *testing.T) {
	// Art. 2: 13 units on both maps, 余杭区 on both.
	for _, on := range []date.Date{factsDay(2021, 4, 8), factsDay(2021, 4, 9)} {
		units := DistrictsOn(on)
		if len(units) != 13 {
			t.Errorf("DistrictsOn(%s) has %d units, want 13", on, len(units))
		}
		if !containsDistrict(units, "余杭区") {
			t.Errorf("DistrictsOn(%s) lacks 余杭区", on)
		}
	}
}

func TestDistrictsOnFreshSlice(t *testing.T) {
	on := factsDay(2022, 1, 1)
	first := DistrictsOn(on)
	first[0].Name = "changed"
	if got := DistrictsOn(on)[0].Name; got != "上城区" {
		t.Errorf("DistrictsOn shares its slice: first unit is %q after a "+
			"caller's change, want 上城区", got)
	}
}

func containsDistrict(units []District, name string) bool {
	for _, d := range units {
		if d.Name == name {
			return true
		}
	}
	return false
}

// drawScopeDay draws a day from 2000 to 2040, a range around the change.
func drawScopeDay(t *rapid.T, label string) date.Date {
	lo, hi := factsDay(2000, 1, 1), factsDay(2040, 12, 31)
	return lo + date.Date(rapid.Int64Range(0, int64(hi-lo)).Draw(t, label))
}

func TestResolveDistrictRoundTrip(t *testing.T) {
	// Art. 2: every unit valid on a day resolves to itself, with or
	// without its suffix and with spaces around it.
	rapid.Check(t, func(t *rapid.T) {
		on := drawScopeDay(t, "on")
		want := rapid.SampledFrom(DistrictsOn(on)).Draw(t, "unit")
		name := want.Name
		if rapid.Bool().Draw(t, "short") {
			name = strings.TrimSuffix(name, want.Kind.suffix())
		}
		pad := rapid.SampledFrom([]string{"", " ", "\t", "\u3000"}).Draw(t, "pad")
		got, err := ResolveDistrict(pad+name+pad, on)
		if err != nil {
			t.Fatalf("ResolveDistrict(%q, %s): %v", name, on, err)
		}
		if got != want {
			t.Fatalf("ResolveDistrict(%q, %s) = %v, want %v", name, on, got, want)
		}
	})
}

func TestResolveDistrictAnyInput(t *testing.T) {
	// Art. 2: any string either resolves to a unit valid on the day or
	// fails with a violation citing Art. 2.
	rapid.Check(t, func(t *rapid.T) {
		on := drawScopeDay(t, "on")
		runes := []rune("上下城江干拱墅余杭临平钱塘区县市 杭州")
		name := rapid.OneOf(rapid.String(),
			rapid.StringOf(rapid.RuneFrom(runes))).Draw(t, "name")
		got, err := ResolveDistrict(name, on)
		if err != nil {
			checkViolation(t, "any input", err, err, Art(2))
			return
		}
		if !containsDistrict(DistrictsOn(on), got.Name) {
			t.Fatalf("ResolveDistrict(%q, %s) = %v, not a unit on that day",
				name, on, got)
		}
	})
}
