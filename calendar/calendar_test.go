package calendar

import (
	"errors"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
)

// d is a short date constructor for test tables.
func d(y int, m time.Month, day int) date.Date { return date.New(y, m, day) }

func TestAddWorkdaysWorkedCases(t *testing.T) {
	cal := China()
	cases := []struct {
		name  string
		start date.Date
		n     int
		want  date.Date
	}{
		// 2024-09-28 is a plain Saturday, 29 September an adjusted working
		// Sunday, 1 to 7 October the National Day holiday.
		{"national day 2024 with working sunday", d(2024, 9, 27), 5, d(2024, 10, 10)},
		// 10 to 17 February 2024 off, Sunday 18 February a working day.
		{"spring festival 2024", d(2024, 2, 8), 5, d(2024, 2, 21)},
		// Sunday 26 January and Saturday 8 February 2025 are working days,
		// 28 January to 4 February off.
		{"spring festival 2025 opinion reply", d(2025, 1, 24), 7, d(2025, 2, 10)},
		// The 2020 extension moved the end of the holiday to 2 February,
		// so Saturday 1 February was no longer worked.
		{"spring festival 2020 extended", d(2020, 1, 23), 5, d(2020, 2, 7)},
		// A start inside the holiday: 3 to 6 October 2023 off, Saturday 7
		// and Sunday 8 October worked.
		{"start on a holiday 2023", d(2023, 10, 2), 5, d(2023, 10, 11)},
		// 1 to 3 January 2026 off, Sunday 4 January worked.
		{"new year into 2026", d(2025, 12, 29), 5, d(2026, 1, 6)},
		// Saturday 5 January 2013 was a working day.
		{"adjusted saturday 2013", d(2013, 1, 4), 1, d(2013, 1, 5)},
		// Saturday 29 December 2018 worked, 30 December to 1 January off.
		{"new year 2019 from december", d(2018, 12, 28), 2, d(2019, 1, 2)},
		// 2015-09-03 to 05 off for the victory anniversary, Sunday 6 worked.
		{"victory day 2015", d(2015, 9, 2), 2, d(2015, 9, 7)},
		// Labour Day 2019 as amended: 1 to 4 May off, 5 May (Sunday) worked.
		{"labour day 2019 amended", d(2019, 4, 30), 1, d(2019, 5, 5)},
		{"backwards over national day 2024", d(2024, 10, 10), -5, d(2024, 9, 27)},
		{"backwards from a holiday", d(2024, 10, 3), -1, d(2024, 9, 30)},
		{"zero is the start itself", d(2024, 10, 3), 0, d(2024, 10, 3)},
	}
	for _, tc := range cases {
		got, err := cal.AddWorkdays(tc.start, tc.n)
		if err != nil {
			t.Errorf("%s: AddWorkdays(%s, %d): %v", tc.name, tc.start, tc.n, err)
			continue
		}
		if got.Date != tc.want {
			t.Errorf("%s: AddWorkdays(%s, %d) = %s, want %s",
				tc.name, tc.start, tc.n, got.Date, tc.want)
		}
		if got.Provisional {
			t.Errorf("%s: AddWorkdays(%s, %d) is provisional inside the notices",
				tc.name, tc.start, tc.n)
		}
	}
}

func TestDaysFromWorkedCases(t *testing.T) {
	cal := China()
	cases := []struct {
		name         string
		trigger      date.Date
		n            int
		nominal, end date.Date
	}{
		// Day 30 is 31 January 2025, inside the Spring Festival holiday
		// (28 January to 4 February), so the period runs to 5 February.
		{"lands in spring festival 2025", d(2025, 1, 1), 30, d(2025, 1, 31), d(2025, 2, 5)},
		// Day 30 is Saturday 8 February 2025, an adjusted working day.
		{"lands on adjusted saturday", d(2025, 1, 9), 30, d(2025, 2, 8), d(2025, 2, 8)},
		{"lands on a sunday", d(2024, 5, 31), 30, d(2024, 6, 30), d(2024, 7, 1)},
		// 1 to 7 October 2019 off.
		{"lands on national day 2019", d(2019, 9, 1), 30, d(2019, 10, 1), d(2019, 10, 8)},
		{"lands on a workday", d(2024, 3, 1), 30, d(2024, 3, 31), d(2024, 4, 1)},
		{"plain friday", d(2024, 3, 4), 4, d(2024, 3, 8), d(2024, 3, 8)},
		// 1 to 3 January 2026 off; Sunday 4 January worked.
		{"across new year 2026", d(2025, 12, 2), 30, d(2026, 1, 1), d(2026, 1, 4)},
	}
	for _, tc := range cases {
		p, err := cal.DaysFrom(tc.trigger, tc.n)
		if err != nil {
			t.Errorf("%s: DaysFrom(%s, %d): %v", tc.name, tc.trigger, tc.n, err)
			continue
		}
		if p.Nominal != tc.nominal || p.End != tc.end {
			t.Errorf("%s: DaysFrom(%s, %d) lands %s ends %s, want %s and %s",
				tc.name, tc.trigger, tc.n, p.Nominal, p.End, tc.nominal, tc.end)
		}
		if p.First != tc.trigger+1 {
			t.Errorf("%s: First = %s, want the day after %s", tc.name, p.First, tc.trigger)
		}
	}
}

func TestDayKinds(t *testing.T) {
	cal := China()
	cases := []struct {
		day      date.Date
		kind     Kind
		festival Festival
		workday  bool
	}{
		{d(2024, 9, 29), AdjustedWorkday, NationalDay, true},
		{d(2024, 9, 28), Weekend, "", false},
		{d(2024, 10, 5), Holiday, NationalDay, false},
		{d(2024, 10, 8), Workday, "", true},
		{d(2020, 2, 1), Holiday, SpringFestival, false},
		{d(2020, 2, 3), Workday, "", true},
		{d(2023, 12, 30), Holiday, NewYear, false},
		{d(2015, 9, 3), Holiday, VictoryDay, false},
		{d(2023, 10, 1), Holiday, MidAutumnNationalDay, false},
		{d(2008, 1, 1), Holiday, NewYear, false},
	}
	for _, tc := range cases {
		got, err := cal.Day(tc.day)
		if err != nil {
			t.Errorf("Day(%s): %v", tc.day, err)
			continue
		}
		want := Day{Date: tc.day, Kind: tc.kind, Festival: tc.festival, Workday: tc.workday}
		if got != want {
			t.Errorf("Day(%s) = %+v, want %+v", tc.day, got, want)
		}
	}
}

func TestWorkdaysBetweenYear(t *testing.T) {
	cal := China()
	// Working days per year, counted by hand from each notice: 261 or 262
	// weekdays, less the weekday holidays, plus the adjusted working days.
	cases := []struct {
		year int
		want int
	}{
		{2019, 250}, {2020, 249}, {2023, 249}, {2024, 251}, {2025, 248}, {2026, 248},
	}
	for _, tc := range cases {
		got, err := cal.WorkdaysBetween(d(tc.year-1, 12, 31), d(tc.year, 12, 31))
		if err != nil {
			t.Fatalf("WorkdaysBetween for %d: %v", tc.year, err)
		}
		if got.Workdays != tc.want {
			t.Errorf("working days in %d = %d, want %d", tc.year, got.Workdays, tc.want)
		}
	}
}

func TestOutOfRange(t *testing.T) {
	cal := China()
	cov := cal.Coverage()
	cases := []struct {
		name string
		call func() error
	}{
		{"day before the data", func() error { _, err := cal.Day(cov.First - 1); return err }},
		{"day after the data", func() error { _, err := cal.Day(cov.Last + 1); return err }},
		{"add past the end", func() error { _, err := cal.AddWorkdays(cov.Last-3, 10); return err }},
		{"add before the start", func() error { _, err := cal.AddWorkdays(cov.First+3, -10); return err }},
		{"days past the end", func() error { _, err := cal.DaysFrom(cov.Last-3, 30); return err }},
		{"count past the end", func() error {
			_, err := cal.WorkdaysBetween(cov.First, cov.Last+1)
			return err
		}},
	}
	for _, tc := range cases {
		err := tc.call()
		if !errors.Is(err, ErrOutOfRange) {
			t.Errorf("%s: error %v, want ErrOutOfRange", tc.name, err)
			continue
		}
		var re *RangeError
		if !errors.As(err, &re) {
			t.Errorf("%s: error %T is not a *RangeError", tc.name, err)
			continue
		}
		if re.First != cov.First || re.Last != cov.Last {
			t.Errorf("%s: range %s..%s, want %s..%s", tc.name, re.First, re.Last,
				cov.First, cov.Last)
		}
	}
}

func TestInvalidPeriod(t *testing.T) {
	cal := China()
	for _, n := range []int{0, -1} {
		if _, err := cal.WorkdaysAfter(d(2024, 1, 2), n); !errors.Is(err, ErrInvalidPeriod) {
			t.Errorf("WorkdaysAfter(_, %d) error = %v, want ErrInvalidPeriod", n, err)
		}
		if _, err := cal.DaysFrom(d(2024, 1, 2), n); !errors.Is(err, ErrInvalidPeriod) {
			t.Errorf("DaysFrom(_, %d) error = %v, want ErrInvalidPeriod", n, err)
		}
	}
}

func TestWithoutAdjustedWorkdays(t *testing.T) {
	cal := China().WithoutAdjustedWorkdays()
	// Sunday 29 September 2024 no longer counts: 30 September, then 8 to 11
	// October.
	got, err := cal.AddWorkdays(d(2024, 9, 27), 5)
	if err != nil {
		t.Fatal(err)
	}
	if got.Date != d(2024, 10, 11) {
		t.Errorf("AddWorkdays(2024-09-27, 5) = %s, want 2024-10-11", got.Date)
	}
	day, err := cal.Day(d(2024, 9, 29))
	if err != nil {
		t.Fatal(err)
	}
	if day.Kind != AdjustedWorkday || day.Workday {
		t.Errorf("Day(2024-09-29) = %+v, want an adjusted working day not worked", day)
	}
	// The national calendar itself is unchanged.
	if ok, _ := China().IsWorkday(d(2024, 9, 29)); !ok {
		t.Error("WithoutAdjustedWorkdays changed the calendar China returns")
	}
}

func TestHangzhouG20Overlay(t *testing.T) {
	g20, err := HangzhouG20()
	if err != nil {
		t.Fatal(err)
	}
	local, err := China().With(g20)
	if err != nil {
		t.Fatal(err)
	}
	// 1 to 7 September 2016 off; Saturday 10 and Sunday 11 worked.
	got, err := local.AddWorkdays(d(2016, 8, 31), 5)
	if err != nil {
		t.Fatal(err)
	}
	if got.Date != d(2016, 9, 12) {
		t.Errorf("with G20 overlay: AddWorkdays(2016-08-31, 5) = %s, want 2016-09-12", got.Date)
	}
	got, err = China().AddWorkdays(d(2016, 8, 31), 5)
	if err != nil {
		t.Fatal(err)
	}
	if got.Date != d(2016, 9, 7) {
		t.Errorf("national: AddWorkdays(2016-08-31, 5) = %s, want 2016-09-07", got.Date)
	}
	day, err := local.Day(d(2016, 8, 28))
	if err != nil {
		t.Fatal(err)
	}
	if day.Kind != AdjustedWorkday || day.Festival != "G20杭州峰会" {
		t.Errorf("with G20 overlay: Day(2016-08-28) = %+v", day)
	}
}

func TestChinaDate(t *testing.T) {
	cases := []struct {
		instant time.Time
		want    date.Date
	}{
		{time.Date(2024, 9, 30, 18, 0, 0, 0, time.UTC), d(2024, 10, 1)},
		{time.Date(2024, 9, 30, 15, 59, 59, 0, time.UTC), d(2024, 9, 30)},
		{time.Date(2024, 9, 30, 16, 0, 0, 0, time.UTC), d(2024, 10, 1)},
		{time.Date(1969, 12, 31, 15, 0, 0, 0, time.UTC), d(1969, 12, 31)},
		{time.Date(1969, 12, 31, 16, 0, 0, 0, time.UTC), d(1970, 1, 1)},
		{time.Date(2024, 10, 1, 7, 0, 0, 0, time.FixedZone("PDT", -7*3600)), d(2024, 10, 1)},
	}
	for _, tc := range cases {
		if got := ChinaDate(tc.instant); got != tc.want {
			t.Errorf("ChinaDate(%s) = %s, want %s", tc.instant, got, tc.want)
		}
	}
}

func TestExplain(t *testing.T) {
	cal := China()
	p, err := cal.WorkdaysAfter(d(2024, 9, 27), 5)
	if err != nil {
		t.Fatal(err)
	}
	ex, err := cal.Explain(p)
	if err != nil {
		t.Fatal(err)
	}
	want := []Stretch{
		{First: d(2024, 9, 28), Last: d(2024, 9, 28)},
		{First: d(2024, 10, 1), Last: d(2024, 10, 7), Festival: NationalDay},
	}
	if len(ex.Skipped) != len(want) {
		t.Fatalf("Skipped = %+v, want %+v", ex.Skipped, want)
	}
	for i := range want {
		if ex.Skipped[i] != want[i] {
			t.Errorf("Skipped[%d] = %+v, want %+v", i, ex.Skipped[i], want[i])
		}
	}
	if ex.Days != 13 || ex.Workdays != 5 {
		t.Errorf("Days, Workdays = %d, %d, want 13, 5", ex.Days, ex.Workdays)
	}
}
