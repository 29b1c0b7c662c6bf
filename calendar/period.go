package calendar

import (
	"fmt"
	"strings"

	"github.com/rickb777/date/v2"
)

// Unit is the unit a period is counted in.
type Unit uint8

// The units of the regulation's periods.
const (
	// WorkingDays counts only working days (工作日).
	WorkingDays Unit = iota + 1
	// Days counts every calendar day (日).
	Days
)

// String returns "workdays" or "days", the words the workdays command
// takes.
func (u Unit) String() string {
	switch u {
	case WorkingDays:
		return "workdays"
	case Days:
		return "days"
	}
	return "invalid"
}

// A Period is the result of counting a legal time limit from the day of
// the event that starts it.
type Period struct {
	Trigger date.Date // the day of the event; never counted itself
	N       int
	Unit    Unit
	// First is the first day counted: the day after Trigger.
	First date.Date
	// Nominal is the day the count lands on: Trigger+N for Days, the N-th
	// working day for WorkingDays.
	Nominal date.Date
	// End is the last day of the period. For Days it is Nominal, or the
	// next working day when Nominal is a day off; for WorkingDays it is
	// always Nominal.
	End date.Date
	// Provisional reports whether the provisional rule decided a day that
	// the period depends on.
	Provisional bool
}

// Extended reports whether the end moved past a day off (Days only).
func (p Period) Extended() bool { return p.End != p.Nominal }

// WorkdaysAfter returns the period "within n working days after trigger":
// it ends at the end of the n-th working day strictly after trigger. An
// event on a weekend or holiday therefore starts the count on the next
// working day. n must be at least 1.
func (c *Calendar) WorkdaysAfter(trigger date.Date, n int) (Period, error) {
	if n < 1 {
		return Period{}, periodError(n, WorkingDays)
	}
	r, err := c.AddWorkdays(trigger, n)
	if err != nil {
		return Period{}, err
	}
	return Period{
		Trigger: trigger, N: n, Unit: WorkingDays, First: trigger + 1,
		Nominal: r.Date, End: r.Date, Provisional: r.Provisional,
	}, nil
}

// DaysFrom returns the period "within n days from trigger": the count
// starts the next day and lands on trigger+n. If that day is not a working
// day (a weekend or a holiday), the period ends on the next working day
// (Civil Code Art. 203). An adjusted working day is a working day, so a
// period landing on one is not extended, unless the calendar was built
// WithoutAdjustedWorkdays. n must be at least 1.
func (c *Calendar) DaysFrom(trigger date.Date, n int) (Period, error) {
	if n < 1 {
		return Period{}, periodError(n, Days)
	}
	i, err := c.indexOf(trigger)
	if err != nil {
		return Period{}, err
	}
	// Compare before adding, so a huge n cannot overflow the date.
	if n > len(c.kinds)-1-i {
		return Period{}, c.rangeError(c.limit() + 1)
	}
	nominal := trigger + date.Date(n)
	if i, err = c.indexOf(nominal); err != nil {
		return Period{}, err
	}
	k := int(c.cum[i]) // index in work of the first working day >= nominal
	if k >= int(c.cum[int(c.limit()-c.first)+1]) {
		return Period{}, c.rangeError(c.limit() + 1)
	}
	end := c.first + date.Date(c.work[k])
	return Period{
		Trigger: trigger, N: n, Unit: Days, First: trigger + 1,
		Nominal: nominal, End: end, Provisional: end > c.known,
	}, nil
}

func periodError(n int, u Unit) error {
	return fmt.Errorf("calendar: %w: %d %s; a period counts at least 1 day",
		ErrInvalidPeriod, n, u)
}

// A Stretch is a run of consecutive days off inside a period.
type Stretch struct {
	First, Last date.Date
	// Festival is the festival of the holidays in the run; empty for a
	// plain weekend.
	Festival Festival
}

// Days returns the number of days in s.
func (s Stretch) Days() int { return int(s.Last-s.First) + 1 }

// An Explanation spells a Period out for display.
type Explanation struct {
	Period Period
	// Days is the number of calendar days from First through End.
	Days int
	// Workdays is the number of working days from First through End.
	Workdays int
	// Skipped lists the runs of days off from First through End, in order.
	Skipped []Stretch
}

// Explain returns p spelled out: the days counted and each run of days off
// skipped, with its festival. It walks the period day by day, so unlike
// the other methods it takes time in proportion to the period's length.
func (c *Calendar) Explain(p Period) (Explanation, error) {
	var want Period
	var err error
	switch p.Unit {
	case WorkingDays:
		want, err = c.WorkdaysAfter(p.Trigger, p.N)
	case Days:
		want, err = c.DaysFrom(p.Trigger, p.N)
	default:
		return Explanation{}, fmt.Errorf("calendar: period has invalid unit %d", p.Unit)
	}
	if err != nil {
		return Explanation{}, err
	}
	if want != p {
		return Explanation{}, fmt.Errorf("calendar: period %+v is not what this "+
			"calendar computes for %d %s from %s (%+v); explain a period from "+
			"the same calendar", p, p.N, p.Unit, p.Trigger, want)
	}
	count, err := c.WorkdaysBetween(p.Trigger, p.End)
	if err != nil {
		return Explanation{}, err
	}
	ex := Explanation{Period: p, Days: int(p.End - p.Trigger), Workdays: count.Workdays}
	var cur *Stretch
	for d := p.First; d <= p.End; d++ {
		day, err := c.Day(d)
		if err != nil {
			return Explanation{}, err
		}
		if day.Workday {
			cur = nil
			continue
		}
		if cur == nil {
			ex.Skipped = append(ex.Skipped, Stretch{First: d, Last: d})
			cur = &ex.Skipped[len(ex.Skipped)-1]
		}
		cur.Last = d
		if cur.Festival == "" {
			cur.Festival = day.Festival
		}
	}
	return ex, nil
}

// String returns the explanation as lines of English text, the way the
// workdays command prints it.
func (e Explanation) String() string {
	p := e.Period
	var b strings.Builder
	fmt.Fprintf(&b, "period: %d %s from %s (%s)\n", p.N, p.Unit, p.Trigger,
		p.Trigger.Weekday())
	fmt.Fprintf(&b, "first day counted: %s (%s)\n", p.First, p.First.Weekday())
	for _, s := range e.Skipped {
		what := "weekend"
		if s.Festival != "" {
			what = string(s.Festival)
		}
		if s.Days() == 1 {
			fmt.Fprintf(&b, "day off: %s (%s)\n", s.First, what)
		} else {
			fmt.Fprintf(&b, "days off: %s to %s (%d days, %s)\n", s.First, s.Last,
				s.Days(), what)
		}
	}
	if p.Unit == Days && p.Extended() {
		fmt.Fprintf(&b, "day %d: %s (%s) is a day off, so the period runs "+
			"to the next working day\n", p.N, p.Nominal, p.Nominal.Weekday())
	}
	fmt.Fprintf(&b, "counted: %d days, %d of them working days\n", e.Days, e.Workdays)
	fmt.Fprintf(&b, "end: %s (%s)", p.End, p.End.Weekday())
	if p.Provisional {
		b.WriteString(", provisional: no notice covers a day it depends on")
	}
	b.WriteString("\n")
	return b.String()
}
