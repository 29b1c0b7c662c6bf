package calendar

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
)

// checkEntry is one day of an independent data set.
type checkEntry struct {
	off  bool
	name string
}

// readCheckSet reads a testdata file of lines date<TAB>off|work<TAB>…,
// skipping comments.
func readCheckSet(t *testing.T, path string) map[date.Date]checkEntry {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[date.Date]checkEntry{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 3 {
			t.Fatalf("%s: malformed line %q", path, line)
		}
		day, err := parseDate(fields[0])
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out[day] = checkEntry{off: fields[1] == "off", name: fields[2]}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkSet is an independent public data set of the notices, kept in
// testdata, with the years it holds days for and the days on which it is
// known to depart from the notice text.
type checkSet struct {
	path        string
	first, last int
	// departures maps each day the set gets wrong, as settled by the
	// notice text, to what the notice says.
	departures map[date.Date]string
}

func checkSets() []checkSet {
	return []checkSet{
		{path: "testdata/holiday-cn.tsv", first: 2008, last: 2021,
			departures: map[date.Date]string{
				d(2020, 2, 3): "extension notice: first day back at work, an ordinary Monday",
			}},
		{path: "testdata/lunar-go.tsv", first: 2008, last: 2026,
			departures: map[date.Date]string{
				d(2012, 5, 2):   "2012 notice: a plain Wednesday, not an adjusted working day",
				d(2012, 10, 8):  "2012 notice: a plain Monday, not an adjusted working day",
				d(2013, 4, 7):   "2013 notice: Sunday 7 April worked (清明节)",
				d(2013, 10, 12): "2013 notice: Saturday 12 October worked (国庆节)",
			}},
		{path: "testdata/chinese-days.tsv", first: 2008, last: 2026,
			departures: map[date.Date]string{}},
	}
}

// TestCheckSets compares the embedded calendar, day by day, with each
// independent data set. Whether a day is a working day must agree except
// on the listed departures. The kind may also differ on a weekend day that
// one side puts inside a run of days off and the other leaves a plain
// weekend, because the sets read "与周末连休" differently; nothing else.
func TestCheckSets(t *testing.T) {
	cal := China()
	for _, set := range checkSets() {
		entries := readCheckSet(t, set.path)
		seen := map[date.Date]bool{}
		for day := d(set.first, 1, 1); day <= d(set.last, 12, 31); day++ {
			ours, err := cal.Day(day)
			if err != nil {
				t.Fatalf("%s: Day(%s): %v", set.path, day, err)
			}
			e, listed := entries[day]
			weekend := day.Weekday() == time.Saturday || day.Weekday() == time.Sunday
			theirWork := !weekend
			if listed {
				theirWork = !e.off
			}
			if ours.Workday != theirWork {
				if _, ok := set.departures[day]; !ok {
					t.Errorf("%s: %s: ours %s %s, theirs %+v", set.path, day,
						ours.Kind, ours.Festival, e)
				}
				seen[day] = true
				continue
			}
			ourListed := ours.Kind == Holiday || ours.Kind == AdjustedWorkday
			if ourListed != listed && !(weekend && !ours.Workday) &&
				set.departures[day] == "" {
				t.Errorf("%s: %s: ours %s, theirs listed=%v %+v", set.path, day,
					ours.Kind, listed, e)
			}
			if listed && set.departures[day] != "" {
				seen[day] = true
			}
		}
		for day, why := range set.departures {
			if !seen[day] {
				t.Errorf("%s: departure %s (%s) no longer differs; remove it",
					set.path, day, why)
			}
		}
	}
}
