// Command workdays answers working-day questions from China's official
// holiday calendar at a shell.
//
// Usage:
//
//	workdays [-data FILE] [-provisional] kind DATE
//	workdays [-data FILE] [-provisional] year YEAR
//	workdays [-data FILE] [-provisional] add DATE N
//	workdays [-data FILE] [-provisional] between FROM TO
//	workdays [-data FILE] [-provisional] period DATE N workdays|days
//
// Dates are YYYY-MM-DD. Every subcommand but year prints its answer alone
// on the first line (the kind, the date or the count) and any explanation
// after it; year prints one line a day, date, kind and festival separated
// by tabs. Kinds are workday, weekend, holiday and adjusted-workday.
//
// add prints the date N working days after DATE (before it for N < 0).
// between counts the working days after FROM up to and including TO.
// period prints the end of "within N working days after DATE" or "within
// N days from DATE" under Chinese law, then how it was counted.
//
// -data FILE uses a calendar file in the package calendar format in place
// of the embedded national data. -provisional allows the provisional rule
// for years past the data; answers that depend on it say so. A date
// outside the data, an invalid data file or a failed write exits with
// status 1; bad usage exits with status 2.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/ecoconsult/ecoconsult/calendar"
	"github.com/rickb777/date/v2"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// errUsage marks errors in the command line, which exit with status 2.
var errUsage = errors.New("usage")

const usage = `usage: workdays [-data FILE] [-provisional] COMMAND ARGS
  kind DATE                      the kind of a day and its festival
  year YEAR                      every day of a year: date, kind, festival
  add DATE N                     the date N working days after DATE
  between FROM TO                working days after FROM up to and including TO
  period DATE N workdays|days    the end of a legal period, explained
Dates are YYYY-MM-DD.`

// run is the whole command, so tests can call it; it returns the exit
// status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("workdays", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, usage)
		fmt.Fprintln(stderr, "Flags:")
		fs.PrintDefaults()
	}
	dataFile := fs.String("data", "", "calendar `file` to use in place of the embedded national data")
	provisional := fs.Bool("provisional", false, "allow the provisional rule for years past the data")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	dataSet := false
	fs.Visit(func(f *flag.Flag) { dataSet = dataSet || f.Name == "data" })
	if dataSet && *dataFile == "" {
		fmt.Fprintln(stderr, "workdays: -data needs a file name")
		return 2
	}
	cal, err := load(*dataFile)
	if err != nil {
		fmt.Fprintln(stderr, "workdays:", err)
		return 1
	}
	if *provisional {
		cal = cal.WithProvisional()
	}
	out := bufio.NewWriter(stdout)
	err = dispatch(cal, fs.Args(), out)
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		fmt.Fprintln(stderr, "workdays:", err)
		var re *calendar.RangeError
		switch {
		case errors.Is(err, errUsage):
			fmt.Fprintln(stderr, "run 'workdays -h' for usage")
			return 2
		case errors.As(err, &re) && !re.Provisional && re.Date > re.Known &&
			re.Date <= re.ProvisionalEnd:
			fmt.Fprintln(stderr, "workdays: run with -provisional to count that year under the provisional rule")
		}
		return 1
	}
	return 0
}

func load(path string) (*calendar.Calendar, error) {
	if path == "" {
		return calendar.China(), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := calendar.Parse(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	cal, err := calendar.New(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return cal, nil
}

func dispatch(cal *calendar.Calendar, args []string, w io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: no command given", errUsage)
	}
	want := map[string]int{"kind": 1, "year": 1, "add": 2, "between": 2, "period": 3}
	n, ok := want[args[0]]
	if !ok {
		return fmt.Errorf("%w: unknown command %q", errUsage, args[0])
	}
	if len(args)-1 != n {
		return fmt.Errorf("%w: %s takes %d %s, got %d", errUsage, args[0], n,
			plural(n, "argument"), len(args)-1)
	}
	switch args[0] {
	case "kind":
		return kind(cal, args[1], w)
	case "year":
		return year(cal, args[1], w)
	case "add":
		return add(cal, args[1], args[2], w)
	case "between":
		return between(cal, args[1], args[2], w)
	}
	return period(cal, args[1], args[2], args[3], w)
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

func parseDay(s string) (date.Date, error) {
	d, err := calendar.ParseDate(s)
	if err != nil {
		return 0, fmt.Errorf("%w: %v", errUsage, err)
	}
	return d, nil
}

func parseN(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("%w: %q is not a whole number of days", errUsage, s)
	}
	return n, nil
}

func kind(cal *calendar.Calendar, arg string, w io.Writer) error {
	d, err := parseDay(arg)
	if err != nil {
		return err
	}
	day, err := cal.Day(d)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, day.Kind)
	if day.Festival != "" {
		fmt.Fprintln(w, "festival:", day.Festival)
	}
	fmt.Fprintf(w, "%s, %s\n", d.Weekday(), workdayWord(day.Workday))
	if day.Provisional {
		fmt.Fprintln(w, "provisional: no notice covers this year yet")
	}
	return nil
}

func workdayWord(work bool) string {
	if work {
		return "a working day"
	}
	return "a day off"
}

func year(cal *calendar.Calendar, arg string, w io.Writer) error {
	y, err := strconv.Atoi(arg)
	if err != nil || y < 1 || y > 9999 {
		return fmt.Errorf("%w: year %q is not a number from 1 to 9999", errUsage, arg)
	}
	first := date.New(y, time.January, 1)
	last := date.New(y, time.December, 31)
	// Check both ends first, so a year half outside prints nothing.
	for _, d := range []date.Date{first, last} {
		if _, err := cal.Day(d); err != nil {
			return err
		}
	}
	for d := first; d <= last; d++ {
		day, err := cal.Day(d)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", d, day.Kind, day.Festival)
	}
	return nil
}

func add(cal *calendar.Calendar, dayArg, nArg string, w io.Writer) error {
	d, err := parseDay(dayArg)
	if err != nil {
		return err
	}
	n, err := parseN(nArg)
	if err != nil {
		return err
	}
	r, err := cal.AddWorkdays(d, n)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, r.Date)
	fmt.Fprintln(w, r.Date.Weekday())
	if r.Provisional {
		fmt.Fprintln(w, "provisional: the count crosses a year no notice covers yet")
	}
	return nil
}

func between(cal *calendar.Calendar, fromArg, toArg string, w io.Writer) error {
	from, err := parseDay(fromArg)
	if err != nil {
		return err
	}
	to, err := parseDay(toArg)
	if err != nil {
		return err
	}
	c, err := cal.WorkdaysBetween(from, to)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, c.Workdays)
	if c.Provisional {
		fmt.Fprintln(w, "provisional: the count crosses a year no notice covers yet")
	}
	return nil
}

func period(cal *calendar.Calendar, dayArg, nArg, unit string, w io.Writer) error {
	d, err := parseDay(dayArg)
	if err != nil {
		return err
	}
	n, err := parseN(nArg)
	if err != nil {
		return err
	}
	var p calendar.Period
	switch unit {
	case "workdays":
		p, err = cal.WorkdaysAfter(d, n)
	case "days":
		p, err = cal.DaysFrom(d, n)
	default:
		return fmt.Errorf("%w: unit %q: want workdays or days", errUsage, unit)
	}
	if errors.Is(err, calendar.ErrInvalidPeriod) {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if err != nil {
		return err
	}
	ex, err := cal.Explain(p)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, p.End)
	fmt.Fprint(w, ex)
	return nil
}
