package calendar

import (
	"testing"
	"time"

	"github.com/rickb777/date/v2"
)

// TestLunarTableMatchesNotices checks the lunar table, which only the
// provisional rule uses, against the notices: in every year they cover,
// the Spring Festival, Qingming, Dragon Boat and Mid-Autumn days of the
// table fall on days off of the festival's run.
func TestLunarTableMatchesNotices(t *testing.T) {
	table, err := parseLunar(lunarData)
	if err != nil {
		t.Fatal(err)
	}
	if table.last != 2050 {
		t.Errorf("lunar table ends in %d, want 2050", table.last)
	}
	cal := China()
	cov := cal.Coverage()
	for y := cov.First.Year(); y <= cov.Last.Year(); y++ {
		row := table.years[y-table.first]
		checks := []struct {
			day  date.Date
			want []Festival
		}{
			{row.spring, []Festival{SpringFestival}},
			{row.qingming, []Festival{Qingming}},
			{row.dragon, []Festival{DragonBoat}},
			{row.midAutumn, []Festival{MidAutumn, MidAutumnNationalDay}},
		}
		for _, c := range checks {
			day, err := cal.Day(c.day)
			if err != nil {
				t.Fatal(err)
			}
			if day.Kind != Holiday || !contains(c.want, day.Festival) {
				t.Errorf("%d: lunar table gives %s for %v, the notice says %s %s",
					y, c.day, c.want, day.Kind, day.Festival)
			}
		}
	}
}

func contains(fs []Festival, f Festival) bool {
	for _, g := range fs {
		if g == f {
			return true
		}
	}
	return false
}

func TestProvisionalRule(t *testing.T) {
	cal := China().WithProvisional()
	last := China().Coverage().Last
	if last != d(2026, 12, 31) {
		t.Fatalf("national data ends %s; update this test's 2027 days", last)
	}
	// 2027: 除夕 5 February, 春节 6 February, 清明 5 April, 端午 9 June,
	// 中秋 15 September, by the lunar table.
	cases := []struct {
		day      date.Date
		kind     Kind
		festival Festival
	}{
		{d(2027, 1, 1), Holiday, NewYear},
		{d(2027, 2, 5), Holiday, SpringFestival},
		{d(2027, 2, 8), Holiday, SpringFestival},
		{d(2027, 2, 9), Workday, ""},
		{d(2027, 4, 5), Holiday, Qingming},
		{d(2027, 5, 2), Holiday, LabourDay},
		{d(2027, 5, 3), Workday, ""},
		{d(2027, 6, 9), Holiday, DragonBoat},
		{d(2027, 9, 15), Holiday, MidAutumn},
		{d(2027, 10, 3), Holiday, NationalDay},
		{d(2027, 10, 4), Workday, ""},
		{d(2027, 10, 9), Weekend, ""},
		// 2028: 中秋 falls on 3 October.
		{d(2028, 10, 3), Holiday, MidAutumnNationalDay},
	}
	for _, tc := range cases {
		got, err := cal.Day(tc.day)
		if err != nil {
			t.Errorf("Day(%s): %v", tc.day, err)
			continue
		}
		if got.Kind != tc.kind || got.Festival != tc.festival || !got.Provisional {
			t.Errorf("Day(%s) = %+v, want provisional %s %s", tc.day, got,
				tc.kind, tc.festival)
		}
	}
	// Counting from the notices into the provisional years is provisional.
	r, err := cal.AddWorkdays(d(2026, 12, 30), 3)
	if err != nil {
		t.Fatal(err)
	}
	if r.Date != d(2027, 1, 5) || !r.Provisional {
		t.Errorf("AddWorkdays(2026-12-30, 3) = %+v, want provisional 2027-01-05", r)
	}
	// The lunar table ends the provisional rule.
	if _, err := cal.Day(d(2051, 1, 1)); err == nil {
		t.Error("Day(2051-01-01) answered past the lunar table")
	}
	if got := cal.Coverage().ProvisionalLast; got != date.New(2050, time.December, 31) {
		t.Errorf("ProvisionalLast = %s, want 2050-12-31", got)
	}
}
