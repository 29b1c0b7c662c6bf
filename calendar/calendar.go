package calendar

import (
	_ "embed"
	"fmt"
	"sync"
	"time"

	"github.com/rickb777/date/v2"
)

// A Calendar answers working-day questions for the days its notices cover.
// It is immutable and safe for concurrent use. Build one with China or
// New; the With methods return changed copies and leave the receiver as
// it was.
type Calendar struct {
	files []*File

	first date.Date // 1 January of the first annual notice's year
	known date.Date // 31 December of the last annual notice's year
	end   date.Date // last day of the provisional rule, known if none

	provisional bool // answer for days in (known, end]
	adjustedOff bool // adjusted working days count as days off

	kinds     []Kind  // by day index from first through end
	fest      []uint8 // by day index: index into festivals
	festivals []Festival
	// cum[i] is the number of working days among day indexes [0, i), so
	// any count is one subtraction.
	cum []int32
	// work lists the day index of every working day in order, so the N-th
	// working day after a date is one lookup.
	work []int32

	err error // set only on the calendar China returns if its data is bad
}

// A Day holds the calendar's facts about one date.
type Day struct {
	Date     date.Date
	Kind     Kind
	Festival Festival // empty unless the day belongs to a festival
	// Workday reports whether the day counts as a working day. It is true
	// for a Workday, and for an AdjustedWorkday unless the calendar was
	// built WithoutAdjustedWorkdays.
	Workday bool
	// Provisional reports whether the provisional rule decided the day,
	// because no notice covers its year.
	Provisional bool
}

// Coverage is the range of days a Calendar answers for.
type Coverage struct {
	// First and Last are the first and last days that the notices cover:
	// 1 January of the first notice's year and 31 December of the last's.
	First, Last date.Date
	// ProvisionalLast is the last day of the provisional rule; it equals
	// Last when the calendar does not allow the rule.
	ProvisionalLast date.Date
}

//go:embed data/china.txt
var chinaData string

//go:embed data/lunar.txt
var lunarData string

//go:embed data/hangzhou-g20-2016.txt
var g20Data string

// china builds the national calendar on first use and keeps it; a
// Calendar is immutable, so all callers can share it.
var china = sync.OnceValue(func() *Calendar {
	f, err := ParseString(chinaData)
	if err == nil {
		var c *Calendar
		if c, err = New(f); err == nil {
			return c
		}
	}
	return &Calendar{err: fmt.Errorf("calendar: embedded national data: %w", err)}
})

// China returns the national working-day calendar built from the State
// Council's holiday notices embedded in this package (data/china.txt).
// It does not allow the provisional rule; see WithProvisional.
//
// The package's tests parse the embedded data, so China always succeeds
// in a released build. Should the data ever be invalid, the calendar it
// returns answers every call with the parse error, never with a guess.
func China() *Calendar { return china() }

// NationalData returns the parsed national calendar file that China is
// built from, for a host that wants to print it or build on it.
func NationalData() (*File, error) { return ParseString(chinaData) }

// HangzhouG20 returns the local overlay for the 2016 G20 summit in
// Hangzhou (杭政办函〔2016〕75号): government bodies and public institutions
// in nine urban districts were off from 1 to 7 September 2016 and worked
// on Sunday 28 August and on 10 and 11 September. It is not part of China;
// a host that handles a case in one of those districts adds it with With.
func HangzhouG20() (*File, error) { return ParseString(g20Data) }

// New builds a calendar from calendar files applied in order: annual
// notices set a year's days, and amendments and local notices override
// the days they list. The annual notices must cover consecutive years.
func New(files ...*File) (*Calendar, error) {
	for i, f := range files {
		if err := f.Validate(); err != nil {
			return nil, fmt.Errorf("calendar: file %d: %w", i+1, err)
		}
	}
	c := &Calendar{files: files}
	if err := c.build(); err != nil {
		return nil, err
	}
	return c, nil
}

// With returns a calendar built from c's files followed by files, keeping
// c's options. Use it to add a year whose notice came out after this
// release, or a local overlay such as HangzhouG20. An annual notice
// replaces the provisional rule for its whole year, so it must list every
// day off of that year.
func (c *Calendar) With(files ...*File) (*Calendar, error) {
	if c.err != nil {
		return nil, c.err
	}
	out, err := New(append(append([]*File(nil), c.files...), files...)...)
	if err != nil {
		return nil, err
	}
	out.provisional = c.provisional
	if c.adjustedOff {
		out.adjustedOff = true
		out.index()
	}
	return out, nil
}

// WithProvisional returns a copy of c that answers for the years after
// its last notice, through the end of its lunar table (2050), under the
// provisional rule: Saturdays and Sundays are days off, and so are the
// public holidays that the national holiday regulation as revised in 2024
// fixes by date (New Year's Day; New Year's Eve to the third day of the
// Spring Festival; Qingming; 1 and 2 May; the Dragon Boat Festival; the
// Mid-Autumn Festival; 1 to 3 October). The adjusted working days and
// bridging days of those years are unknown until their notice appears, so
// every result that depends on such a day is marked Provisional.
func (c *Calendar) WithProvisional() *Calendar {
	out := *c
	out.provisional = true
	return &out
}

// WithoutAdjustedWorkdays returns a copy of c in which the adjusted
// working days (weekend days a notice makes working days) count as days
// off. By default they count as working days, because government offices
// work on them; no statute settles the point, so a host may choose.
func (c *Calendar) WithoutAdjustedWorkdays() *Calendar {
	out := *c
	if c.err == nil && !c.adjustedOff {
		out.adjustedOff = true
		out.index()
	}
	return &out
}

// Coverage returns the days c answers for.
func (c *Calendar) Coverage() Coverage {
	return Coverage{First: c.first, Last: c.known, ProvisionalLast: c.limit()}
}

// Notices returns the notices c was built from, in the order they apply.
func (c *Calendar) Notices() []Notice {
	var out []Notice
	for _, f := range c.files {
		out = append(out, f.Notices...)
	}
	return out
}

func (c *Calendar) limit() date.Date {
	if c.provisional {
		return c.end
	}
	return c.known
}

// Day returns the kind of d and the festival it belongs to. A date outside
// the coverage returns a *RangeError.
func (c *Calendar) Day(d date.Date) (Day, error) {
	i, err := c.indexOf(d)
	if err != nil {
		return Day{}, err
	}
	k := c.kinds[i]
	return Day{
		Date:        d,
		Kind:        k,
		Festival:    c.festivals[c.fest[i]],
		Workday:     c.cum[i+1] > c.cum[i],
		Provisional: d > c.known,
	}, nil
}

// IsWorkday reports whether d counts as a working day.
func (c *Calendar) IsWorkday(d date.Date) (bool, error) {
	i, err := c.indexOf(d)
	if err != nil {
		return false, err
	}
	return c.cum[i+1] > c.cum[i], nil
}

// A Result is a date the calendar computed.
type Result struct {
	Date date.Date
	// Provisional reports whether a day that only the provisional rule
	// decides lies between the start and Date, so Date may move once the
	// notice for that year appears.
	Provisional bool
}

// AddWorkdays returns the n-th working day after d, or for n < 0 the
// |n|-th working day before it. Whether d itself is a working day does not
// matter: counting starts on the next day (the day before, for n < 0). For
// n == 0 it returns d. It takes constant time for any n.
//
// If the count runs past the covered days, or d lies outside them, the
// error is a *RangeError.
func (c *Calendar) AddWorkdays(d date.Date, n int) (Result, error) {
	i, err := c.indexOf(d)
	if err != nil {
		return Result{}, err
	}
	if n == 0 {
		return Result{Date: d, Provisional: d > c.known}, nil
	}
	// No count longer than the list of working days can land inside it;
	// checking first also keeps the index below from overflowing.
	if total := len(c.work); n > total {
		return Result{}, c.rangeError(c.limit() + 1)
	} else if n < -total {
		return Result{}, c.rangeError(c.first - 1)
	}
	k := int(c.cum[i+1]) + n - 1 // index in work of the answer
	if n < 0 {
		k = int(c.cum[i]) + n
	}
	if k < 0 {
		return Result{}, c.rangeError(c.first - 1)
	}
	if k >= int(c.cum[int(c.limit()-c.first)+1]) {
		return Result{}, c.rangeError(c.limit() + 1)
	}
	r := c.first + date.Date(c.work[k])
	return Result{Date: r, Provisional: max(r, d) > c.known}, nil
}

// A Count is a number of working days the calendar counted.
type Count struct {
	Workdays int
	// Provisional reports whether the provisional rule decided a day that
	// was counted.
	Provisional bool
}

// WorkdaysBetween counts the working days after from, up to and including
// to: 2024-01-01 to 2024-01-02 counts one. If to is before from, the count
// is negative: minus the working days after to up to and including from.
// So WorkdaysBetween(a, b) + WorkdaysBetween(b, c) == WorkdaysBetween(a, c)
// for any covered days, and it takes constant time.
func (c *Calendar) WorkdaysBetween(from, to date.Date) (Count, error) {
	i, err := c.indexOf(from)
	if err != nil {
		return Count{}, err
	}
	j, err := c.indexOf(to)
	if err != nil {
		return Count{}, err
	}
	n := int(c.cum[j+1]) - int(c.cum[i+1])
	return Count{Workdays: n, Provisional: max(from, to) > c.known}, nil
}

func (c *Calendar) indexOf(d date.Date) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	if c.kinds == nil {
		return 0, errNotBuilt
	}
	if d < c.first || d > c.limit() {
		return 0, c.rangeError(d)
	}
	return int(d - c.first), nil
}

func (c *Calendar) rangeError(d date.Date) error {
	return &RangeError{Date: d, First: c.first, Last: c.limit(), Known: c.known,
		ProvisionalEnd: c.end, Provisional: c.provisional}
}

// errNotBuilt is returned by a Calendar that no constructor made.
var errNotBuilt = fmt.Errorf("calendar: %w: the Calendar was not built; "+
	"use China or New", ErrOutOfRange)

// ChinaDate returns the civil date in China Standard Time (UTC+8, no
// daylight saving since 1991) of the instant t, without the machine's time
// zone database: 2024-09-30T18:00:00Z is 2024-10-01.
func ChinaDate(t time.Time) date.Date {
	const offset = 8 * 60 * 60
	const day = 24 * 60 * 60
	secs := t.Unix() + offset
	days := secs / day
	if secs < 0 && secs%day != 0 {
		days-- // floor, not truncation, before 1970
	}
	return date.ZeroOffset + date.Date(days)
}
