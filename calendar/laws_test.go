package calendar

import (
	"testing"

	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"
)

// calendars returns the calendars the laws must hold for: the national
// one, the same with the provisional rule, and with adjusted working
// days off.
func lawCalendars() map[string]*Calendar {
	return map[string]*Calendar{
		"china":       China(),
		"provisional": China().WithProvisional(),
		"no-adjusted": China().WithoutAdjustedWorkdays(),
	}
}

// genDay draws a day the calendar covers.
func genDay(c *Calendar, label string) *rapid.Generator[date.Date] {
	cov := c.Coverage()
	return rapid.Custom(func(t *rapid.T) date.Date {
		return cov.First + date.Date(rapid.IntRange(0, int(cov.ProvisionalLast-cov.First)).Draw(t, label))
	})
}

func genN(label string) *rapid.Generator[int] {
	return rapid.Custom(func(t *rapid.T) int {
		n := rapid.IntRange(-3000, 3000).Draw(t, label)
		if n == 0 {
			n = 1
		}
		return n
	})
}

// naiveAdd is the day-by-day definition of AddWorkdays, the oracle the
// constant-time version must match.
func naiveAdd(t *rapid.T, c *Calendar, d date.Date, n int) (date.Date, bool) {
	step := date.Date(1)
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		d += step
		day, err := c.Day(d)
		if err != nil {
			return 0, false
		}
		if day.Workday {
			n--
		}
	}
	return d, true
}

func TestLawAddMatchesDayByDay(t *testing.T) {
	for name, c := range lawCalendars() {
		t.Run(name, func(t *testing.T) {
			rapid.Check(t, func(t *rapid.T) {
				d := genDay(c, "d").Draw(t, "start")
				n := rapid.IntRange(-400, 400).Draw(t, "n")
				got, err := c.AddWorkdays(d, n)
				want, ok := naiveAdd(t, c, d, n)
				if !ok {
					if err == nil {
						t.Fatalf("AddWorkdays(%s, %d) = %s, want a range error", d, n, got.Date)
					}
					return
				}
				if err != nil || got.Date != want {
					t.Fatalf("AddWorkdays(%s, %d) = %s, %v; day by day %s", d, n, got.Date, err, want)
				}
			})
		})
	}
}

func TestLawAddThenCount(t *testing.T) {
	for name, c := range lawCalendars() {
		t.Run(name, func(t *testing.T) {
			rapid.Check(t, func(t *rapid.T) {
				d := genDay(c, "d").Draw(t, "start")
				n := genN("n").Draw(t, "n")
				r, err := c.AddWorkdays(d, n)
				if err != nil {
					t.Skip("past the covered days")
				}
				// Forward, the count covers (d, r]; backward it covers
				// [r, d), which is (r-1, d-1] in WorkdaysBetween's terms.
				from, to, want := d, r.Date, n
				if n < 0 {
					from, to, want = r.Date-1, d-1, -n
				}
				cnt, err := c.WorkdaysBetween(from, to)
				if err != nil {
					t.Skip("count reaches past the covered days")
				}
				if cnt.Workdays != want {
					t.Fatalf("AddWorkdays(%s, %d) = %s but WorkdaysBetween(%s, %s) = %d",
						d, n, r.Date, from, to, cnt.Workdays)
				}
				ok, err := c.IsWorkday(r.Date)
				if err != nil || !ok {
					t.Fatalf("AddWorkdays(%s, %d) = %s is not a working day", d, n, r.Date)
				}
			})
		})
	}
}

func TestLawAddMonotonic(t *testing.T) {
	for name, c := range lawCalendars() {
		t.Run(name, func(t *testing.T) {
			rapid.Check(t, func(t *rapid.T) {
				d1 := genDay(c, "d").Draw(t, "d1")
				d2 := genDay(c, "d").Draw(t, "d2")
				n1 := genN("n").Draw(t, "n1")
				n2 := genN("n").Draw(t, "n2")
				if d2 < d1 {
					d1, d2 = d2, d1
				}
				if n2 < n1 {
					n1, n2 = n2, n1
				}
				a, err1 := c.AddWorkdays(d1, n1)
				b, err2 := c.AddWorkdays(d1, n2)
				if err1 == nil && err2 == nil && n1 < n2 && a.Date >= b.Date {
					t.Fatalf("AddWorkdays(%s, %d) = %s not before AddWorkdays(%s, %d) = %s",
						d1, n1, a.Date, d1, n2, b.Date)
				}
				e, err3 := c.AddWorkdays(d2, n1)
				if err1 == nil && err3 == nil && a.Date > e.Date {
					t.Fatalf("AddWorkdays(%s, %d) = %s after AddWorkdays(%s, %d) = %s",
						d1, n1, a.Date, d2, n1, e.Date)
				}
			})
		})
	}
}

func TestLawCountAdditive(t *testing.T) {
	for name, c := range lawCalendars() {
		t.Run(name, func(t *testing.T) {
			rapid.Check(t, func(t *rapid.T) {
				a := genDay(c, "d").Draw(t, "a")
				b := genDay(c, "d").Draw(t, "b")
				m := genDay(c, "d").Draw(t, "m")
				ab, err1 := c.WorkdaysBetween(a, b)
				am, err2 := c.WorkdaysBetween(a, m)
				mb, err3 := c.WorkdaysBetween(m, b)
				if err1 != nil || err2 != nil || err3 != nil {
					t.Fatalf("WorkdaysBetween inside coverage: %v %v %v", err1, err2, err3)
				}
				if am.Workdays+mb.Workdays != ab.Workdays {
					t.Fatalf("count(%s,%s)=%d + count(%s,%s)=%d != count(%s,%s)=%d",
						a, m, am.Workdays, m, b, mb.Workdays, a, b, ab.Workdays)
				}
			})
		})
	}
}

func TestLawPeriodEndsOnWorkday(t *testing.T) {
	for name, c := range lawCalendars() {
		t.Run(name, func(t *testing.T) {
			rapid.Check(t, func(t *rapid.T) {
				x := genDay(c, "d").Draw(t, "trigger")
				n := rapid.IntRange(1, 60).Draw(t, "n")
				var p Period
				var err error
				if rapid.Bool().Draw(t, "days") {
					p, err = c.DaysFrom(x, n)
				} else {
					p, err = c.WorkdaysAfter(x, n)
				}
				if err != nil {
					t.Skip("past the covered days")
				}
				if p.End <= p.Trigger || p.End < p.Nominal || p.First != x+1 {
					t.Fatalf("period %+v: end before trigger or nominal", p)
				}
				if ok, _ := c.IsWorkday(p.End); !ok {
					t.Fatalf("period %+v ends on a day off", p)
				}
				// Every day from Nominal up to End is a day off, so the end
				// moved no further than the next working day.
				for d := p.Nominal; d < p.End; d++ {
					if ok, _ := c.IsWorkday(d); ok {
						t.Fatalf("period %+v skipped working day %s", p, d)
					}
				}
				if p.Unit == Days && p.Nominal != x+date.Date(n) {
					t.Fatalf("period %+v: nominal is not trigger + %d", p, n)
				}
			})
		})
	}
}

func TestLawProvisionalMarked(t *testing.T) {
	c := China().WithProvisional()
	known := c.Coverage().Last
	rapid.Check(t, func(t *rapid.T) {
		d := genDay(c, "d").Draw(t, "d")
		n := genN("n").Draw(t, "n")
		r, err := c.AddWorkdays(d, n)
		if err != nil {
			t.Skip("past the covered days")
		}
		want := max(d, r.Date) > known
		if r.Provisional != want {
			t.Fatalf("AddWorkdays(%s, %d) = %+v, provisional want %v", d, n, r, want)
		}
		day, _ := c.Day(d)
		if day.Provisional != (d > known) {
			t.Fatalf("Day(%s).Provisional = %v", d, day.Provisional)
		}
	})
}
