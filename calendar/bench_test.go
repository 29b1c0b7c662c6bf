package calendar

import (
	"testing"

	"github.com/rickb777/date/v2"
)

// sink keeps results alive so the compiler cannot drop the calls.
var sink Result

func benchmarkAdd(b *testing.B, n int) {
	cal := China()
	start := d(2010, 3, 1)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		r, err := cal.AddWorkdays(start+dateOffset(i), n)
		if err != nil {
			b.Fatal(err)
		}
		sink = r
	}
}

// dateOffset spreads the start over a year so no single day is measured.
func dateOffset(i int) date.Date { return date.Date(i % 365) }

func BenchmarkAddWorkdays5(b *testing.B)    { benchmarkAdd(b, 5) }
func BenchmarkAddWorkdays250(b *testing.B)  { benchmarkAdd(b, 250) }
func BenchmarkAddWorkdays2500(b *testing.B) { benchmarkAdd(b, 2500) }

func benchmarkBetween(b *testing.B, years int) {
	cal := China()
	from := d(2010, 1, 1)
	to := d(2010+years, 1, 1)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		c, err := cal.WorkdaysBetween(from+dateOffset(i), to+dateOffset(i))
		if err != nil {
			b.Fatal(err)
		}
		sink.Provisional = c.Provisional
	}
}

func BenchmarkWorkdaysBetween1Year(b *testing.B)   { benchmarkBetween(b, 1) }
func BenchmarkWorkdaysBetween10Years(b *testing.B) { benchmarkBetween(b, 10) }

func BenchmarkDay(b *testing.B) {
	cal := China()
	start := d(2020, 1, 1)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		day, err := cal.Day(start + dateOffset(i))
		if err != nil {
			b.Fatal(err)
		}
		sink.Provisional = day.Workday
	}
}

func BenchmarkDaysFrom30(b *testing.B) {
	cal := China()
	start := d(2020, 1, 1)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		p, err := cal.DaysFrom(start+dateOffset(i), 30)
		if err != nil {
			b.Fatal(err)
		}
		sink.Date = p.End
	}
}
