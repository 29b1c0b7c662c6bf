// Package peerbench compares the calendar package with the Go libraries a
// user might pick instead for China's working days: github.com/rickar/cal/v2
// fed with the same notices, and the holiday table of
// github.com/6tail/lunar-go. Its tests check that the libraries agree day
// by day and list the known disagreements; its benchmarks time the same
// operations in each library. The package has no API of its own.
package peerbench

import (
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/6tail/lunar-go/HolidayUtil"
	lunar "github.com/6tail/lunar-go/calendar"
	"github.com/ecoconsult/ecoconsult/calendar"
	"github.com/rickar/cal/v2"
	"github.com/rickb777/date/v2"
)

// peer is one library seen through the three working-day operations, all
// taking and returning date.Date so the callers compare like with like.
type peer interface {
	name() string
	// isWorkday reports whether d is a working day.
	isWorkday(d date.Date) (bool, error)
	// addWorkdays returns the n-th working day after d, for n > 0.
	addWorkdays(d date.Date, n int) (date.Date, error)
	// workdaysBetween counts the working days in (from, to], negated when
	// to is before from.
	workdaysBetween(from, to date.Date) (int, error)
}

// ecoconsultPeer is the calendar package itself.
type ecoconsultPeer struct {
	cal *calendar.Calendar
}

func newEcoconsultPeer() ecoconsultPeer {
	return ecoconsultPeer{cal: calendar.China()}
}

func (p ecoconsultPeer) name() string { return "ecoconsult" }

func (p ecoconsultPeer) isWorkday(d date.Date) (bool, error) {
	return p.cal.IsWorkday(d)
}

func (p ecoconsultPeer) addWorkdays(d date.Date, n int) (date.Date, error) {
	r, err := p.cal.AddWorkdays(d, n)
	return r.Date, err
}

func (p ecoconsultPeer) workdaysBetween(from, to date.Date) (int, error) {
	c, err := p.cal.WorkdaysBetween(from, to)
	return c.Workdays, err
}

// chinaZone is China Standard Time, UTC+8 with no daylight saving.
var chinaZone = time.FixedZone("CST", 8*60*60)

// toTime returns noon of d in China Standard Time, so no offset arithmetic
// can move the instant onto another civil day.
func toTime(d date.Date) time.Time {
	y, m, day := d.Date()
	return time.Date(y, m, day, 12, 0, 0, 0, chinaZone)
}

// nationalDays applies the notices of f in order, as the calendar package
// does, so an amendment's entry replaces an earlier entry for the same day.
// It returns the festival of every day off and the set of adjusted working
// days.
func nationalDays(f *calendar.File) (off map[date.Date]calendar.Festival, work map[date.Date]bool) {
	off = map[date.Date]calendar.Festival{}
	work = map[date.Date]bool{}
	for _, notice := range f.Notices {
		for _, e := range notice.Entries {
			for d := e.First; d <= e.Last; d++ {
				if e.Work {
					work[d] = true
					delete(off, d)
				} else {
					off[d] = e.Festival
					delete(work, d)
				}
			}
		}
	}
	return off, work
}

// civilDay is the map key the rickar/cal adapter uses for a time.Time.
type civilDay struct {
	year  int
	month time.Month
	day   int
}

// rickarPeer is a github.com/rickar/cal/v2 BusinessCalendar given China's
// days off as one cal.Holiday per day and the adjusted working days
// through its WorkdayFunc.
type rickarPeer struct {
	label string
	bc    *cal.BusinessCalendar
}

// newRickarPeer builds the BusinessCalendar from the notices of f. With
// cacheable set it turns on rickar/cal's Calendar.Cacheable, which keeps
// up to cal.CacheMaxSize (365*3 in v2.1.32) IsHoliday results in a map.
func newRickarPeer(f *calendar.File, cacheable bool) *rickarPeer {
	off, work := nationalDays(f)
	bc := cal.NewBusinessCalendar()
	bc.Name = "CN"
	bc.Description = "China, State Council holiday notices"
	bc.Cacheable = cacheable
	// One holiday per day off, in date order, because IsHoliday scans the
	// list from the start.
	for _, d := range slices.Sorted(maps.Keys(off)) {
		y, m, day := d.Date()
		// CalcDayOfMonth gives Month and Day in every year, so StartYear and
		// EndYear confine the holiday to the one year the notice set it for.
		bc.AddHoliday(&cal.Holiday{
			Name:      string(off[d]),
			Type:      cal.ObservancePublic,
			StartYear: y,
			EndYear:   y,
			Month:     m,
			Day:       day,
			Func:      cal.CalcDayOfMonth,
		})
	}

	adjusted := make(map[civilDay]bool, len(work))
	for d := range work {
		y, m, day := d.Date()
		adjusted[civilDay{y, m, day}] = true
	}
	// The WorkdayFunc replaces the Monday-to-Friday flags. IsWorkday then
	// calls IsHoliday only for the days this function reports as working.
	bc.WorkdayFunc = func(t time.Time) bool {
		switch t.Weekday() {
		case time.Saturday, time.Sunday:
			y, m, day := t.Date()
			return adjusted[civilDay{y, m, day}]
		}
		return true
	}

	label := "rickar-cal"
	if cacheable {
		label = "rickar-cal-cached"
	}
	return &rickarPeer{label: label, bc: bc}
}

func (p *rickarPeer) name() string { return p.label }

// isWorkday calls cal.BusinessCalendar.IsWorkday.
func (p *rickarPeer) isWorkday(d date.Date) (bool, error) {
	return p.bc.IsWorkday(toTime(d)), nil
}

// addWorkdays calls cal.BusinessCalendar.WorkdaysFrom, which like
// AddWorkdays starts counting on the day after d.
func (p *rickarPeer) addWorkdays(d date.Date, n int) (date.Date, error) {
	if n <= 0 {
		return 0, fmt.Errorf("addWorkdays: invalid n %d: it must be at least 1", n)
	}
	return date.NewAt(p.bc.WorkdaysFrom(toTime(d), n)), nil
}

// workdaysBetween calls cal.BusinessCalendar.WorkdaysInRange, which counts
// both ends, on the days after from through to.
func (p *rickarPeer) workdaysBetween(from, to date.Date) (int, error) {
	switch {
	case to > from:
		return p.bc.WorkdaysInRange(toTime(from+1), toTime(to)), nil
	case to < from:
		return -p.bc.WorkdaysInRange(toTime(to+1), toTime(from)), nil
	}
	return 0, nil
}

// lunarPeer is the holiday table of github.com/6tail/lunar-go: a day
// listed by HolidayUtil.GetHolidayByYmd is a working day when its entry
// IsWork, and any other day is a working day from Monday to Friday.
type lunarPeer struct{}

func (lunarPeer) name() string { return "lunar-go" }

// isWorkday calls HolidayUtil.GetHolidayByYmd and applies the weekend rule
// to days it does not list.
func (lunarPeer) isWorkday(d date.Date) (bool, error) {
	y, m, day := d.Date()
	h := HolidayUtil.GetHolidayByYmd(y, int(m), day)
	if h != nil {
		return h.IsWork(), nil
	}
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday, nil
}

// addWorkdays calls lunar-go's Solar.Next(n, true), which steps one day at a
// time and applies the same rule as isWorkday to each day.
func (lunarPeer) addWorkdays(d date.Date, n int) (date.Date, error) {
	if n <= 0 {
		return 0, fmt.Errorf("addWorkdays: invalid n %d: it must be at least 1", n)
	}
	y, m, day := d.Date()
	s := lunar.NewSolarFromYmd(y, int(m), day).Next(n, true)
	return date.New(s.GetYear(), time.Month(s.GetMonth()), s.GetDay()), nil
}

// workdaysBetween is the loop a user of lunar-go writes, because lunar-go
// v1.4.7 has no function that counts working days: one isWorkday call, so
// one GetHolidayByYmd lookup, for each day of the range.
func (p lunarPeer) workdaysBetween(from, to date.Date) (int, error) {
	sign := 1
	if to < from {
		from, to, sign = to, from, -1
	}
	n := 0
	for d := from + 1; d <= to; d++ {
		work, err := p.isWorkday(d)
		if err != nil {
			return 0, err
		}
		if work {
			n++
		}
	}
	return sign * n, nil
}

// newPeers returns the adapters in a fixed order, ecoconsult first, so
// tests and benchmarks compare every library with it.
func newPeers() ([]peer, error) {
	f, err := calendar.NationalData()
	if err != nil {
		return nil, fmt.Errorf("peerbench: national data: %w", err)
	}
	return []peer{
		newEcoconsultPeer(),
		newRickarPeer(f, false),
		newRickarPeer(f, true),
		lunarPeer{},
	}, nil
}
