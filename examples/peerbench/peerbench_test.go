package peerbench

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	lunar "github.com/6tail/lunar-go/calendar"
	"github.com/ecoconsult/ecoconsult/calendar"
	"github.com/rickb777/date/v2"
)

// The days the embedded notices cover.
var (
	coverageFirst = date.New(2008, time.January, 1)
	coverageLast  = date.New(2026, time.December, 31)
)

// knownDifference is a day on which a peer's data departs from the notice
// texts that the calendar package follows.
type knownDifference struct {
	peer    string
	day     date.Date
	workday bool // what the peer's isWorkday returns, the opposite of ecoconsult's
	reason  string
}

// knownDifferences lists every day on which a peer's isWorkday differs from
// ecoconsult's. The tests fail on a difference missing here and on a row
// that no longer differs.
var knownDifferences = []knownDifference{
	{
		peer:    "lunar-go",
		day:     date.New(2013, time.April, 7),
		workday: false,
		reason: "the 2013 notice (国办发明电〔2012〕33号) makes Sunday 7 April " +
			"a working day for 清明节, and lunar-go v1.4.7's HolidayUtil " +
			"table does not list it",
	},
	{
		peer:    "lunar-go",
		day:     date.New(2013, time.October, 12),
		workday: false,
		reason: "the 2013 notice makes Saturday 12 October a working day " +
			"for 国庆节, and lunar-go v1.4.7's HolidayUtil table does not " +
			"list it",
	},
}

// differencesOf returns the peer's isWorkday result for each of its listed
// days.
func differencesOf(peerName string) map[date.Date]bool {
	out := map[date.Date]bool{}
	for _, k := range knownDifferences {
		if k.peer == peerName {
			out[k.day] = k.workday
		}
	}
	return out
}

var sharedPeers = sync.OnceValues(newPeers)

// testPeers returns ecoconsult and the peers to compare with it.
func testPeers(tb testing.TB) (ecoconsult peer, others []peer) {
	tb.Helper()
	all, err := sharedPeers()
	if err != nil {
		tb.Fatal(err)
	}
	return all[0], all[1:]
}

// model is ecoconsult with the peer's listed days flipped, so its results
// are the ones the peer should return.
type model struct {
	ecoconsult peer
	flipped    map[date.Date]bool
}

func (m model) isWorkday(d date.Date) (bool, error) {
	if work, ok := m.flipped[d]; ok {
		return work, nil
	}
	return m.ecoconsult.isWorkday(d)
}

func (m model) addWorkdays(d date.Date, n int) (date.Date, error) {
	for n > 0 {
		d++
		work, err := m.isWorkday(d)
		if err != nil {
			return 0, err
		}
		if work {
			n--
		}
	}
	return d, nil
}

// workdaysBetween corrects ecoconsult's count by the flipped days in
// (from, to]. Callers pass from <= to.
func (m model) workdaysBetween(from, to date.Date) (int, error) {
	n, err := m.ecoconsult.workdaysBetween(from, to)
	if err != nil {
		return 0, err
	}
	for d, work := range m.flipped {
		if d <= from || d > to {
			continue
		}
		if work {
			n++
		} else {
			n--
		}
	}
	return n, nil
}

func TestIsWorkdayAgreesEveryDay(t *testing.T) {
	ours, others := testPeers(t)
	names := map[string]bool{}
	for _, p := range others {
		names[p.name()] = true
	}
	for _, k := range knownDifferences {
		if !names[k.peer] {
			t.Errorf("knownDifferences row for %s names peer %q, which is not compared", k.day, k.peer)
		}
	}
	for _, p := range others {
		t.Run(p.name(), func(t *testing.T) {
			listed := differencesOf(p.name())
			seen := map[date.Date]bool{}
			for d := coverageFirst; d <= coverageLast; d++ {
				want, err := ours.isWorkday(d)
				if err != nil {
					t.Fatal(err)
				}
				got, err := p.isWorkday(d)
				if err != nil {
					t.Fatal(err)
				}
				if got == want {
					continue
				}
				if listedWork, ok := listed[d]; ok && listedWork == got {
					seen[d] = true
					continue
				}
				t.Errorf("isWorkday(%s) = %v, ecoconsult returns %v, and "+
					"the day is not in knownDifferences", d, got, want)
			}
			for _, k := range knownDifferences {
				if k.peer == p.name() && !seen[k.day] {
					t.Errorf("listed difference on %s no longer occurs, so "+
						"remove it from knownDifferences (its reason: %s)",
						k.day, k.reason)
				}
			}
		})
	}
}

func TestAddWorkdaysAgreesSampled(t *testing.T) {
	ours, others := testPeers(t)
	for _, p := range others {
		t.Run(p.name(), func(t *testing.T) {
			t.Parallel()
			m := model{ecoconsult: ours, flipped: differencesOf(p.name())}
			checked, differ := 0, 0
			for _, n := range []int{5, 30, 250} {
				// Every 7th day for the short counts. The slow peers take
				// a year of lookups for n = 250, so it starts every 17th
				// day, which still moves through the weekdays.
				step := date.Date(7)
				if n == 250 {
					step = 17
				}
				for start := coverageFirst; start <= coverageLast; start += step {
					want, err := ours.addWorkdays(start, n)
					if errors.Is(err, calendar.ErrOutOfRange) {
						continue // the n-th working day lies past 2026
					}
					if err != nil {
						t.Fatal(err)
					}
					expected, err := m.addWorkdays(start, n)
					if err != nil {
						t.Fatal(err)
					}
					got, err := p.addWorkdays(start, n)
					if err != nil {
						t.Fatal(err)
					}
					checked++
					if got != expected {
						t.Errorf("addWorkdays(%s, %d) = %s, want %s "+
							"(ecoconsult's %s with knownDifferences applied)",
							start, n, got, expected, want)
					}
					if got != want {
						differ++
					}
				}
			}
			t.Logf("%d cases checked, %d differ from ecoconsult because of knownDifferences",
				checked, differ)
			if len(m.flipped) > 0 && differ == 0 {
				t.Errorf("knownDifferences lists days for %s, but no sampled "+
					"addWorkdays result differs", p.name())
			}
		})
	}
}

func TestWorkdaysBetweenAgreesSampled(t *testing.T) {
	ours, others := testPeers(t)
	for _, years := range []int{1, 10} {
		for _, p := range others {
			t.Run(fmt.Sprintf("%dy/%s", years, p.name()), func(t *testing.T) {
				m := model{ecoconsult: ours, flipped: differencesOf(p.name())}
				checked, differ := 0, 0
				t.Parallel()
				// The slow peers look up every day of a range, so the
				// starts are 13 days apart for one year and 73 for ten.
				// Both steps are prime to 7, so the starts move through
				// the weekdays as well as the months.
				step := date.Date(13)
				if years == 10 {
					step = 73
				}
				for from := coverageFirst; ; from += step {
					to := from.AddDate(years, 0, 0)
					if to > coverageLast {
						break
					}
					want, err := ours.workdaysBetween(from, to)
					if err != nil {
						t.Fatal(err)
					}
					expected, err := m.workdaysBetween(from, to)
					if err != nil {
						t.Fatal(err)
					}
					got, err := p.workdaysBetween(from, to)
					if err != nil {
						t.Fatal(err)
					}
					checked++
					if got != expected {
						t.Errorf("workdaysBetween(%s, %s) = %d, want %d "+
							"(ecoconsult's %d with knownDifferences applied)",
							from, to, got, expected, want)
					}
					if got != want {
						differ++
					}
				}
				t.Logf("%d ranges checked, %d differ from ecoconsult because of knownDifferences",
					checked, differ)
				if len(m.flipped) > 0 && differ == 0 {
					t.Errorf("knownDifferences lists days for %s, but no "+
						"sampled workdaysBetween result differs", p.name())
				}
			})
		}
	}
}

// The adapters must follow ecoconsult's sign convention too, which the
// sampled tests do not reach.
func TestWorkdaysBetweenReversedAndEmpty(t *testing.T) {
	ours, others := testPeers(t)
	from := date.New(2024, time.September, 27)
	to := date.New(2024, time.October, 14)
	for _, p := range append([]peer{ours}, others...) {
		forward, err := p.workdaysBetween(from, to)
		if err != nil {
			t.Fatal(err)
		}
		backward, err := p.workdaysBetween(to, from)
		if err != nil {
			t.Fatal(err)
		}
		empty, err := p.workdaysBetween(from, from)
		if err != nil {
			t.Fatal(err)
		}
		// 2024-09-29 (Sunday) and 2024-10-12 (Saturday) are adjusted
		// working days; 1 to 7 October are days off.
		if forward != 8 {
			t.Errorf("%s: workdaysBetween(%s, %s) = %d, want 8", p.name(), from, to, forward)
		}
		if backward != -forward {
			t.Errorf("%s: workdaysBetween(%s, %s) = %d, want %d", p.name(), to, from, backward, -forward)
		}
		if empty != 0 {
			t.Errorf("%s: workdaysBetween(%s, %s) = %d, want 0", p.name(), from, from, empty)
		}
	}
}

// lunarGoDate returns the Gregorian date of a lunar-go Solar.
func lunarGoDate(s *lunar.Solar) date.Date {
	return date.New(s.GetYear(), time.Month(s.GetMonth()), s.GetDay())
}

// The provisional rule takes its lunar festivals and 清明 from a table
// embedded in the calendar package. The table is unexported, and a notice
// decides every day of 2008 to 2026, so the check runs through Day() on the
// provisional years only.
func TestProvisionalFestivalsMatchLunarGo(t *testing.T) {
	cal := calendar.China().WithProvisional()
	for y := 2027; y <= 2050; y++ {
		newYear := lunar.NewLunarFromYmd(y, 1, 1)
		spring := lunarGoDate(newYear.GetSolar())
		qingmingSolar, ok := newYear.GetJieQiTable()["清明"]
		if !ok {
			t.Fatalf("%d: lunar-go's JieQi table has no 清明", y)
		}
		qingming := lunarGoDate(qingmingSolar)
		midAutumn := lunarGoDate(lunar.NewLunarFromYmd(y, 8, 15).GetSolar())
		midAutumnFestival := calendar.MidAutumn
		if midAutumn.Month() == time.October && midAutumn.Day() <= 3 {
			midAutumnFestival = calendar.MidAutumnNationalDay
		}

		want := []struct {
			label    string
			day      date.Date
			festival calendar.Festival
		}{
			{"除夕", spring - 1, calendar.SpringFestival},
			{"春节", spring, calendar.SpringFestival},
			{"春节+1", spring + 1, calendar.SpringFestival},
			{"春节+2", spring + 2, calendar.SpringFestival},
			{"清明", qingming, calendar.Qingming},
			{"端午", lunarGoDate(lunar.NewLunarFromYmd(y, 5, 5).GetSolar()), calendar.DragonBoat},
			{"中秋", midAutumn, midAutumnFestival},
		}
		for _, w := range want {
			if w.day.Year() != y {
				t.Errorf("%d %s: lunar-go gives %s, outside the year", y, w.label, w.day)
				continue
			}
			day, err := cal.Day(w.day)
			if err != nil {
				t.Errorf("%d %s: Day(%s): %v", y, w.label, w.day, err)
				continue
			}
			if day.Kind != calendar.Holiday {
				t.Errorf("%d %s: Day(%s).Kind = %s, want holiday", y, w.label, w.day, day.Kind)
			}
			if day.Festival != w.festival {
				t.Errorf("%d %s: Day(%s).Festival = %q, want %q", y, w.label, w.day, day.Festival, w.festival)
			}
			if !day.Provisional {
				t.Errorf("%d %s: Day(%s).Provisional = false, want true", y, w.label, w.day)
			}
		}
	}
}
