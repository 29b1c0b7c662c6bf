package peerbench

import (
	"fmt"
	"testing"
	"time"

	"github.com/rickb777/date/v2"
)

// Sinks keep the results alive so the compiler cannot drop the calls.
var (
	sinkBool  bool
	sinkDate  date.Date
	sinkCount int
)

// Every benchmark runs once per library, as sub-benchmarks named lib=NAME,
// so `benchstat -col /lib` puts the libraries side by side. All calls go
// through the peer interface, ecoconsult's included.

// BenchmarkIsWorkdayYear checks whether each day of one year is a working
// day. One op is the whole year, and the year moves through 2008 to 2026
// from one op to the next.
func BenchmarkIsWorkdayYear(b *testing.B) {
	var years [][2]date.Date
	for y := 2008; y <= 2026; y++ {
		years = append(years, [2]date.Date{
			date.New(y, time.January, 1),
			date.New(y, time.December, 31),
		})
	}
	forEachPeer(b, func(b *testing.B, p peer) {
		for i := 0; b.Loop(); i++ {
			year := years[i%len(years)]
			n := 0
			for d := year[0]; d <= year[1]; d++ {
				work, err := p.isWorkday(d)
				if err != nil {
					b.Fatal(err)
				}
				if work {
					n++
				}
			}
			sinkCount = n
		}
	})
}

// BenchmarkAddWorkdays returns the n-th working day after a date. The start
// moves through 2008 to 2021 from one op to the next, so the results stay
// inside the data for n = 250.
func BenchmarkAddWorkdays(b *testing.B) {
	starts := spreadDates(date.New(2008, time.January, 1), 14)
	for _, n := range []int{5, 30, 250} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			forEachPeer(b, func(b *testing.B, p peer) {
				for i := 0; b.Loop(); i++ {
					d, err := p.addWorkdays(starts[i%len(starts)], n)
					if err != nil {
						b.Fatal(err)
					}
					sinkDate = d
				}
			})
		})
	}
}

// BenchmarkWorkdaysBetween counts the working days between two dates one or
// ten years apart. The first date moves through 2008 to 2015.
func BenchmarkWorkdaysBetween(b *testing.B) {
	starts := spreadDates(date.New(2008, time.January, 1), 8)
	for _, years := range []int{1, 10} {
		ends := make([]date.Date, len(starts))
		for i, d := range starts {
			ends[i] = d.AddDate(years, 0, 0)
		}
		b.Run(fmt.Sprintf("years=%d", years), func(b *testing.B) {
			forEachPeer(b, func(b *testing.B, p peer) {
				for i := 0; b.Loop(); i++ {
					j := i % len(starts)
					n, err := p.workdaysBetween(starts[j], ends[j])
					if err != nil {
						b.Fatal(err)
					}
					sinkCount = n
				}
			})
		})
	}
}

// spreadDates returns one date in every 11 days over the given number of
// years from first, so consecutive ops start on different weekdays and
// months and no single cached result is measured.
func spreadDates(first date.Date, years int) []date.Date {
	last := first.AddDate(years, 0, 0)
	var out []date.Date
	for d := first; d < last; d += 11 {
		out = append(out, d)
	}
	return out
}

// forEachPeer runs body as one sub-benchmark per library.
func forEachPeer(b *testing.B, body func(b *testing.B, p peer)) {
	ours, others := testPeers(b)
	for _, p := range append([]peer{ours}, others...) {
		b.Run("lib="+p.name(), func(b *testing.B) {
			b.ReportAllocs()
			body(b, p)
		})
	}
}
