package calendar_test

import (
	"fmt"
	"time"

	"github.com/ecoconsult/ecoconsult/calendar"
	"github.com/rickb777/date/v2"
)

func ExampleCalendar_AddWorkdays() {
	cal := calendar.China()
	// Sunday 29 September 2024 was a working day; 1 to 7 October were off.
	r, err := cal.AddWorkdays(date.New(2024, time.September, 27), 5)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Date)
	// Output: 2024-10-10
}

func ExampleCalendar_Day() {
	day, err := calendar.China().Day(date.New(2024, time.September, 29))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(day.Kind, day.Festival, day.Workday)
	// Output: adjusted-workday 国庆节 true
}

func ExampleCalendar_WorkdaysAfter() {
	cal := calendar.China()
	// A notice served on Thursday 8 February 2024, with 5 working days to
	// reply, across the Spring Festival.
	p, err := cal.WorkdaysAfter(date.New(2024, time.February, 8), 5)
	if err != nil {
		fmt.Println(err)
		return
	}
	ex, err := cal.Explain(p)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(ex)
	// Output:
	// period: 5 workdays from 2024-02-08 (Thursday)
	// first day counted: 2024-02-09 (Friday)
	// days off: 2024-02-10 to 2024-02-17 (8 days, 春节)
	// counted: 13 days, 5 of them working days
	// end: 2024-02-21 (Wednesday)
}

func ExampleCalendar_DaysFrom() {
	cal := calendar.China()
	// 30 days from 1 January 2025 land on 31 January, inside the Spring
	// Festival holiday, so the period runs to the next working day.
	p, err := cal.DaysFrom(date.New(2025, time.January, 1), 30)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Nominal, p.End, p.Extended())
	// Output: 2025-01-31 2025-02-05 true
}

func ExampleCalendar_WorkdaysBetween() {
	n, err := calendar.China().WorkdaysBetween(
		date.New(2023, time.December, 31), date.New(2024, time.December, 31))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(n.Workdays)
	// Output: 251
}

func ExampleCalendar_WithProvisional() {
	cal := calendar.China()
	_, err := cal.Day(date.New(2027, time.October, 1))
	fmt.Println(err != nil)

	day, err := cal.WithProvisional().Day(date.New(2027, time.October, 1))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(day.Kind, day.Festival, day.Provisional)
	// Output:
	// true
	// holiday 国庆节 true
}

func ExampleParse() {
	// A host adds a local overlay from its own file: here, a city that
	// gave its offices Friday 12 June 2026 off and had them work Saturday
	// 13 June instead.
	f, err := calendar.ParseString(`local 2026 - - example city notice
off 2026-06-12 地方调休
work 2026-06-13 地方调休
`)
	if err != nil {
		fmt.Println(err)
		return
	}
	cal, err := calendar.China().With(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	r, _ := cal.AddWorkdays(date.New(2026, time.June, 11), 1)
	fmt.Println(r.Date)
	// Output: 2026-06-13
}

func ExampleChinaDate() {
	t := time.Date(2024, time.September, 30, 18, 0, 0, 0, time.UTC)
	fmt.Println(calendar.ChinaDate(t))
	// Output: 2024-10-01
}
