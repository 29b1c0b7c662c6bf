package calendar

import (
	"fmt"
	"time"

	"github.com/rickb777/date/v2"
)

// build fills c's day tables from c.files.
func (c *Calendar) build() error {
	firstYear, lastYear, err := c.checkYears()
	if err != nil {
		return err
	}
	lunar, err := parseLunar(lunarData)
	if err != nil {
		return err
	}
	c.first = date.New(firstYear, time.January, 1)
	c.known = date.New(lastYear, time.December, 31)
	// The provisional rule needs the lunar table for every year past the
	// notices, so it is available only when the table starts by then.
	c.end = c.known
	if lastYear < lunar.last && lastYear+1 >= lunar.first {
		c.end = date.New(lunar.last, time.December, 31)
	}

	// Every day starts as a weekday or a weekend day.
	n := int(c.end-c.first) + 1
	c.kinds = make([]Kind, n)
	c.fest = make([]uint8, n)
	c.festivals = []Festival{""}
	firstWeekday := int(c.first.Weekday())
	for i := range c.kinds {
		switch time.Weekday((firstWeekday + i) % 7) {
		case time.Saturday, time.Sunday:
			c.kinds[i] = Weekend
		default:
			c.kinds[i] = Workday
		}
	}

	// The years past the notices get the statutory holidays.
	for y := lastYear + 1; c.end > c.known && y <= lunar.last; y++ {
		for _, h := range lunar.holidays(y) {
			if err := c.set(h.day, Holiday, h.festival); err != nil {
				return err
			}
		}
	}

	// The notices, in order, so amendments and local notices win.
	for _, f := range c.files {
		for _, no := range f.Notices {
			for _, e := range no.Entries {
				k := Holiday
				if e.Work {
					k = AdjustedWorkday
				}
				for d := e.First; d <= e.Last; d++ {
					if err := c.set(d, k, e.Festival); err != nil {
						return err
					}
				}
			}
		}
	}
	c.index()
	return nil
}

// checkYears returns the first and last year of the annual notices and
// checks that they leave no gap and that every other notice falls in them.
func (c *Calendar) checkYears() (first, last int, err error) {
	years := map[int]bool{}
	for _, f := range c.files {
		for _, no := range f.Notices {
			if no.Type != Annual {
				continue
			}
			if years[no.Year] {
				return 0, 0, fmt.Errorf("calendar: %w: two annual notices for %d",
					ErrDuplicateYear, no.Year)
			}
			if len(years) == 0 {
				first, last = no.Year, no.Year
			}
			years[no.Year] = true
			first, last = min(first, no.Year), max(last, no.Year)
		}
	}
	if len(years) == 0 {
		return 0, 0, fmt.Errorf("calendar: %w: the files hold no annual notice",
			ErrMissingYear)
	}
	for y := first; y <= last; y++ {
		if !years[y] {
			return 0, 0, fmt.Errorf("calendar: %w: no annual notice for %d "+
				"between %d and %d; the calendar never guesses a year inside "+
				"its range", ErrMissingYear, y, first, last)
		}
	}
	for _, f := range c.files {
		for _, no := range f.Notices {
			if !years[no.Year] {
				return 0, 0, fmt.Errorf("calendar: %w: %s notice %s for %d; "+
					"add the annual notice for %d first",
					ErrMissingYear, no.Type, no.Number, no.Year, no.Year)
			}
		}
	}
	return first, last, nil
}

// set records d's kind and festival; days outside the tables (the
// previous December of the first year's New Year entry) are dropped.
func (c *Calendar) set(d date.Date, k Kind, f Festival) error {
	if d < c.first || d > c.end {
		return nil
	}
	i := int(d - c.first)
	c.kinds[i] = k
	for j, g := range c.festivals {
		if g == f {
			c.fest[i] = uint8(j)
			return nil
		}
	}
	if len(c.festivals) == maxFestivals {
		return fmt.Errorf("calendar: more than %d festival names; %q is one "+
			"too many", maxFestivals-1, f)
	}
	c.festivals = append(c.festivals, f)
	c.fest[i] = uint8(len(c.festivals) - 1)
	return nil
}

// maxFestivals is the number of festival names a day's uint8 index can
// hold, the empty name included.
const maxFestivals = 256

// index rebuilds the running count and the list of working days from the
// kinds, under c's rule for adjusted working days.
func (c *Calendar) index() {
	c.cum = make([]int32, len(c.kinds)+1)
	c.work = c.work[:0:0]
	for i, k := range c.kinds {
		isWork := k == Workday || (k == AdjustedWorkday && !c.adjustedOff)
		c.cum[i+1] = c.cum[i]
		if isWork {
			c.cum[i+1]++
			c.work = append(c.work, int32(i))
		}
	}
}
