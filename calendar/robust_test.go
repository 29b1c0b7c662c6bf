package calendar

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/rickb777/date/v2"
)

func TestZeroCalendarReturnsErrors(t *testing.T) {
	var c Calendar
	if _, err := c.Day(0); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("zero Calendar Day: error %v, want ErrOutOfRange", err)
	}
	if _, err := c.AddWorkdays(d(2024, 1, 2), 1); err == nil {
		t.Error("zero Calendar AddWorkdays: no error")
	}
	if _, err := c.DaysFrom(d(2024, 1, 2), 1); err == nil {
		t.Error("zero Calendar DaysFrom: no error")
	}
	if _, err := New(nil); err == nil {
		t.Error("New(nil): no error")
	}
	if _, err := China().With(nil); err == nil {
		t.Error("China().With(nil): no error")
	}
}

func TestNewValidatesHandMadeFiles(t *testing.T) {
	notice := func(entries ...Entry) *File {
		return &File{Notices: []Notice{{Type: Annual, Year: 2024, Title: "t", Entries: entries}}}
	}
	cases := []struct {
		name string
		file *File
		want error
	}{
		{"huge range", notice(Entry{First: date.Date(math.MinInt64), Last: date.Date(math.MaxInt64), Festival: NewYear}), ErrBadDate},
		{"work on a tuesday", notice(Entry{Work: true, First: d(2024, 10, 8), Last: d(2024, 10, 8), Festival: NationalDay}), ErrNotWeekend},
		{"unknown festival", notice(Entry{First: d(2024, 10, 1), Last: d(2024, 10, 1), Festival: "x"}), ErrFestival},
		{"entry in another year", notice(Entry{First: d(2030, 10, 1), Last: d(2030, 10, 1), Festival: NationalDay}), ErrWrongYear},
		{"year zero", &File{Notices: []Notice{{Type: Annual, Year: 0, Title: "t"}}}, ErrSyntax},
		{"title with newline", &File{Notices: []Notice{{Type: Annual, Year: 2024, Title: "a\nwork 2024-10-08 国庆节"}}}, ErrSyntax},
		{"no title", &File{Notices: []Notice{{Type: Annual, Year: 2024}}}, ErrSyntax},
	}
	for _, tc := range cases {
		_, err := New(tc.file)
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: New error %v, want %v", tc.name, err, tc.want)
		}
	}
}

func TestParseLineEnds(t *testing.T) {
	text := "notice 2024 - - t\roff 2024-10-01..2024-10-07 国庆节\r"
	for name, s := range map[string]string{
		"bare CR": text,
		"CRLF":    strings.ReplaceAll(text, "\r", "\r\n"),
		"BOM":     "\ufeff" + strings.ReplaceAll(text, "\r", "\n"),
	} {
		f, err := ParseString(s)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(f.Notices) != 1 || len(f.Notices[0].Entries) != 1 || f.Notices[0].Title != "t" {
			t.Errorf("%s: parsed %+v, want one notice titled t with one entry", name, f.Notices)
		}
	}
}

func TestParseErrorClipsLongLines(t *testing.T) {
	_, err := ParseString(strings.Repeat("x", 5000))
	if err == nil || len(err.Error()) > 400 {
		t.Errorf("error for a 5000-byte line is %d bytes long", len(err.Error()))
	}
}

func TestHugeCountsPointForward(t *testing.T) {
	cal := China()
	start := d(2024, 9, 27)
	_, err := cal.AddWorkdays(start, math.MaxInt)
	var re *RangeError
	if !errors.As(err, &re) || re.Date != cal.Coverage().Last+1 {
		t.Errorf("AddWorkdays(_, MaxInt) error %v, want the day after the data", err)
	}
	_, err = cal.AddWorkdays(start, math.MinInt)
	if !errors.As(err, &re) || re.Date != cal.Coverage().First-1 {
		t.Errorf("AddWorkdays(_, MinInt) error %v, want the day before the data", err)
	}
	for _, n := range []int{math.MaxInt, 1 << 62} {
		_, err = cal.DaysFrom(start, n)
		if !errors.As(err, &re) || re.Date != cal.Coverage().Last+1 {
			t.Errorf("DaysFrom(_, %d) error %v, want the day after the data", n, err)
		}
	}
}

func TestExplainRejectsForeignPeriod(t *testing.T) {
	cal := China()
	p, err := cal.WorkdaysAfter(d(2024, 9, 27), 5)
	if err != nil {
		t.Fatal(err)
	}
	p.End = d(2024, 10, 1)
	if _, err := cal.Explain(p); err == nil {
		t.Error("Explain accepted a period with a changed end")
	}
	p.Unit = 99
	if _, err := cal.Explain(p); err == nil {
		t.Error("Explain accepted a period with an invalid unit")
	}
}

func TestProvisionalNeedsLunarTable(t *testing.T) {
	f, err := ParseString("notice 1998 - - t\n")
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(f)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.WithProvisional().Day(d(1999, 10, 1))
	if !errors.Is(err, ErrOutOfRange) {
		t.Errorf("1999 under the provisional rule with a table from 2000: %v", err)
	}
}

func TestRangeErrorAdvice(t *testing.T) {
	cases := []struct {
		cal  *Calendar
		day  date.Date
		want string
	}{
		{China(), d(2027, 1, 1), "allow the provisional rule"},
		{China().WithProvisional(), d(2051, 1, 1), "ends in 2050"},
		{China(), d(2007, 12, 31), "no notice before 2008-01-01"},
	}
	for _, tc := range cases {
		_, err := tc.cal.Day(tc.day)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Day(%s) error %q, want it to say %q", tc.day, err, tc.want)
		}
	}
}
