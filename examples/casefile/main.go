// Command casefile replays a consultation's event log and prints where the
// case stands on a day: its stage, its history with the article behind
// each step, the agenda of what is due and by whom, and the road ahead.
//
// Usage:
//
//	casefile [-today YYYY-MM-DD] [-json] [-provisional] [FILE]
//	casefile [-today YYYY-MM-DD] -doc NAME [-facts FACTS] [-html] [FILE]
//
// FILE is a JSON event log of package consult ({"version": 1, "events":
// [...]}). Without it, casefile runs an embedded real case: the 2021
// chemical warehouse fire in Hangzhou's 临平 district, whose agreement was
// the first in Hangzhou to be judicially confirmed. -today sets the day
// (default: today in China Standard Time); only events dated on or before
// it are applied, after the whole file has been checked. -json prints the
// same report as JSON. -provisional counts days past the calendar's last
// year (2026) under the provisional rule, marking what depends on them;
// without it, a road ahead that reaches those days stops short. Flags go
// before FILE.
//
// -doc NAME renders one official document of the case as of the day, as
// plain text or, with -html, as an HTML page for A4: notice, opinion,
// meeting_notice, minutes, proxy_checklist, agreement, disclosure or
// cooperation. The parts only the official supplies (the agency's name and
// address, the damage as written, the evidence) come from a facts file,
// -facts FACTS: a JSON object with one section per document name, holding
// the fields of the documents package's Facts types (see `go doc
// ./documents`). The embedded case comes with its facts file. A missing
// item is an error that names it and its article, and nothing is printed.
//
// Exit status: 0 on success, 1 when the case file is invalid or a date
// lies outside the calendar, 2 for bad usage. Errors name the file, the
// event's index, its field and the article the event breaks.
package main

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/ecoconsult/ecoconsult/calendar"
	"github.com/ecoconsult/ecoconsult/consult"
	"github.com/ecoconsult/ecoconsult/documents"
	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
)

//go:embed testdata/01-hangzhou-linping-chemical-fire.json
var embeddedCase []byte

//go:embed testdata/facts/01-hangzhou-linping-chemical-fire.json
var embeddedFacts []byte

const embeddedName = "embedded case 01-hangzhou-linping-chemical-fire.json"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, time.Now()))
}

// run is the whole command, so tests can call it with a fixed clock; it
// returns the exit status.
func run(args []string, stdout, stderr io.Writer, now time.Time) int {
	fs := flag.NewFlagSet("casefile", flag.ContinueOnError)
	fs.SetOutput(stderr)
	today := fs.String("today", "", "the `day` to report on, as YYYY-MM-DD (default today in China)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	provisional := fs.Bool("provisional", false, "count days past the calendar's data under the provisional rule")
	docName := fs.String("doc", "", "render the `document` of this name instead of the report")
	factsPath := fs.String("facts", "", "the facts `file` for -doc (default: the embedded case's)")
	asHTML := fs.Bool("html", false, "with -doc, print the document as HTML")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: casefile [-today YYYY-MM-DD] [-json] [-provisional] [FILE]\n"+
			"       casefile [-today YYYY-MM-DD] [-provisional] -doc NAME [-facts FACTS] [-html] [FILE]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	docSet := false
	fs.Visit(func(f *flag.Flag) { docSet = docSet || f.Name == "doc" })
	if docSet && !slices.Contains(strings.Split(docNames, ", "), *docName) {
		fmt.Fprintf(stderr, "casefile: -doc %q: want one of %s\n", *docName, docNames)
		return 2
	}
	if fs.NArg() > 1 {
		fmt.Fprintf(stderr, "casefile: give one case file at most, and flags before it (got %q)\n", fs.Args())
		return 2
	}
	day := calendar.ChinaDate(now)
	if *today != "" {
		d, err := calendar.ParseDate(*today)
		if err != nil {
			fmt.Fprintf(stderr, "casefile: -today: %v\n", err)
			return 2
		}
		day = d
	}
	if (*factsPath != "" || *asHTML) && *docName == "" {
		fmt.Fprintln(stderr, "casefile: -facts and -html go with -doc")
		return 2
	}
	if *asJSON && *docName != "" {
		fmt.Fprintln(stderr, "casefile: -json is for the report; a document prints as text or, with -html, HTML")
		return 2
	}
	name, data, factsData := embeddedName, embeddedCase, embeddedFacts
	if fs.NArg() == 1 {
		factsData = nil
		name = fs.Arg(0)
		var err error
		if data, err = os.ReadFile(name); err != nil {
			fmt.Fprintln(stderr, "casefile:", err)
			return 1
		}
	}
	g := consult.Default()
	if *provisional {
		r, err := rules.New(calendar.China().WithProvisional(), rules.Hangzhou2020())
		if err != nil {
			fmt.Fprintln(stderr, "casefile:", err)
			return 1
		}
		g = consult.New(r)
	}
	if *docName != "" {
		if *factsPath != "" {
			var err error
			if factsData, err = os.ReadFile(*factsPath); err != nil {
				fmt.Fprintln(stderr, "casefile:", err)
				return 1
			}
		}
		factsName := *factsPath
		if factsName == "" {
			factsName = "the embedded facts file"
		}
		return renderDocument(g, data, factsData, day, *docName, *asHTML, name, factsName, stdout, stderr)
	}
	rep, err := buildReport(g, data, day)
	if err != nil {
		fmt.Fprintf(stderr, "casefile: %s: %v%s\n", name, err, provisionalHint(err, *provisional))
		return 1
	}
	out := bufio.NewWriter(stdout)
	if *asJSON {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		err = enc.Encode(rep)
	} else {
		err = rep.write(out)
	}
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		fmt.Fprintln(stderr, "casefile:", err)
		return 1
	}
	return 0
}

// buildReport replays the log up to day and gathers what the command
// prints.
func buildReport(g *consult.Engine, data []byte, day date.Date) (*report, error) {
	c, later, err := caseOn(g, data, day)
	if err != nil {
		return nil, err
	}
	agenda, err := g.Agenda(c, day)
	if err != nil {
		return nil, err
	}
	// The road ahead may run past the calendar; report it as far as it
	// goes instead of failing the whole report.
	road, roadErr := g.Project(c, day)
	rep := newReport(c, day, later, agenda, road)
	if roadErr != nil {
		rep.RoadEnd = roadErr.Error()
	}
	return rep, nil
}

// provisionalHint returns advice to add to err when it comes from a day
// past the calendar's data and the command did not count such days.
func provisionalHint(err error, provisional bool) string {
	var outside *calendar.RangeError
	if provisional || !errors.As(err, &outside) {
		return ""
	}
	return "; run with -provisional to count past the calendar's data"
}

// caseOn reads the case file data and returns the case as of day, with
// the deadlines passed by then, and the number of later events it leaves
// out. It replays the whole file first, so an error names the event at
// fault even when that event is dated after day.
func caseOn(g *consult.Engine, data []byte, day date.Date) (consult.Case, int, error) {
	log, err := consult.ReadLog(data)
	if err != nil {
		return consult.Case{}, 0, err
	}
	if _, err := g.Replay(log.Events); err != nil {
		return consult.Case{}, 0, err
	}
	var applied []consult.Event
	for _, e := range log.Events {
		if e.Head().Date <= day {
			applied = append(applied, e)
		}
	}
	if len(applied) == 0 {
		return consult.Case{}, 0, fmt.Errorf("no event on or before %s; the case starts "+
			"on %s, so give -today that day or later", day, log.Events[0].Head().Date)
	}
	c, err := g.Replay(applied)
	if err == nil {
		c, err = g.At(c, day)
	}
	return c, len(log.Events) - len(applied), err
}

// renderDocument prints one document of the case as of day; name and
// factsName name the case file and the facts file in errors.
func renderDocument(g *consult.Engine, data, factsData []byte, day date.Date,
	doc string, asHTML bool, name, factsName string, stdout, stderr io.Writer) int {
	fail := func(err error) int {
		fmt.Fprintf(stderr, "casefile: %s: %v%s\n", name, err, provisionalHint(err, false))
		return 1
	}
	if factsData == nil {
		return fail(fmt.Errorf("-doc needs the case's facts file; give it with -facts"))
	}
	f, err := readFacts(factsData)
	if err != nil {
		fmt.Fprintf(stderr, "casefile: %s: %v\n", factsName, err)
		return 1
	}
	c, _, err := caseOn(g, data, day)
	if err != nil {
		return fail(err)
	}
	d, err := buildDocument(g.Rules(), c, doc, f)
	if err != nil {
		return fail(err)
	}
	render := documents.Text
	if asHTML {
		render = documents.HTML
	}
	out, err := render(d)
	if err != nil {
		return fail(err)
	}
	if _, err := io.WriteString(stdout, out); err != nil {
		return fail(err)
	}
	return 0
}
