package calendar

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/rickb777/date/v2"
)

// lunarYear holds the Gregorian dates of one year's festivals that follow
// the lunar calendar or a solar term.
type lunarYear struct {
	chuxi     date.Date // 除夕, the eve of the Spring Festival
	spring    date.Date // 春节, the first day of the first lunar month
	qingming  date.Date // 清明, the solar term
	dragon    date.Date // 端午, the fifth day of the fifth lunar month
	midAutumn date.Date // 中秋, the fifteenth day of the eighth lunar month
}

// lunarTable is the parsed data/lunar.txt: one row per year from first to
// last, with no gap.
type lunarTable struct {
	first, last int
	years       []lunarYear
}

// parseLunar reads the lunar table: comment lines start with "#", and each
// other line is a year and five MM-DD days: 除夕, 春节, 清明, 端午, 中秋.
func parseLunar(s string) (*lunarTable, error) {
	t := &lunarTable{}
	sc := bufio.NewScanner(strings.NewReader(s))
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		row, year, err := parseLunarRow(text)
		if err != nil {
			return nil, fmt.Errorf("calendar: lunar table line %d: %w", line, err)
		}
		if len(t.years) > 0 && year != t.last+1 {
			return nil, fmt.Errorf("calendar: lunar table line %d: year %d "+
				"after %d", line, year, t.last)
		}
		if len(t.years) == 0 {
			t.first = year
		}
		t.last = year
		t.years = append(t.years, row)
	}
	if len(t.years) == 0 {
		return nil, fmt.Errorf("calendar: lunar table is empty")
	}
	return t, nil
}

func parseLunarRow(text string) (lunarYear, int, error) {
	f := strings.Fields(text)
	if len(f) != 6 {
		return lunarYear{}, 0, fmt.Errorf("want YEAR and five MM-DD days, got %q", text)
	}
	year, err := strconv.Atoi(f[0])
	if err != nil {
		return lunarYear{}, 0, fmt.Errorf("year %q: %w", f[0], err)
	}
	var days [5]date.Date
	for i, md := range f[1:] {
		d, err := parseDate(f[0] + "-" + md)
		if err != nil {
			return lunarYear{}, 0, err
		}
		days[i] = d
	}
	if days[1] != days[0]+1 {
		return lunarYear{}, 0, fmt.Errorf("除夕 %s is not the day before 春节 %s",
			days[0], days[1])
	}
	return lunarYear{days[0], days[1], days[2], days[3], days[4]}, year, nil
}

type statutoryHoliday struct {
	day      date.Date
	festival Festival
}

// holidays returns the public holidays that the national holiday
// regulation, as revised in 2024, fixes for year y: 13 days.
func (t *lunarTable) holidays(y int) []statutoryHoliday {
	if y < t.first || y > t.last {
		return nil
	}
	l := t.years[y-t.first]
	out := []statutoryHoliday{
		{date.New(y, time.January, 1), NewYear},
		{l.chuxi, SpringFestival},
		{l.spring, SpringFestival},
		{l.spring + 1, SpringFestival},
		{l.spring + 2, SpringFestival},
		{l.qingming, Qingming},
		{date.New(y, time.May, 1), LabourDay},
		{date.New(y, time.May, 2), LabourDay},
		{l.dragon, DragonBoat},
		{l.midAutumn, MidAutumn},
	}
	for d := 1; d <= 3; d++ {
		day := date.New(y, time.October, d)
		f := NationalDay
		if day == l.midAutumn {
			f = MidAutumnNationalDay
		}
		out = append(out, statutoryHoliday{day, f})
	}
	return out
}
