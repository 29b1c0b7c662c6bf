package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/ecoconsult/ecoconsult/consult"
	"github.com/rickb777/date/v2"
)

// report is what casefile prints, in a shape that encodes to JSON with
// dates as YYYY-MM-DD and citations in both forms.
type report struct {
	AsOf     string        `json:"as_of"`
	Number   string        `json:"case_number"`
	Obligor  string        `json:"obligor"`
	Kind     string        `json:"obligor_kind"`
	District string        `json:"district"`
	Stage    string        `json:"stage"`
	Since    string        `json:"since"`
	Failure  *failure      `json:"failure,omitempty"`
	Later    int           `json:"events_after_as_of"`
	History  []historyLine `json:"history"`
	Agenda   []agendaLine  `json:"agenda"`
	Road     []roadLine    `json:"road"`
	// RoadEnd says why the road ahead stops short, if it does.
	RoadEnd  string   `json:"road_end,omitempty"`
	Warnings []string `json:"warnings,omitempty"`
}

type failure struct {
	Since   string `json:"since"`
	Article string `json:"article"`
	Chinese string `json:"article_zh"`
	Reason  string `json:"reason"`
}

type historyLine struct {
	Date    string `json:"date"`
	Event   string `json:"event"`
	Branch  string `json:"outcome,omitempty"`
	From    string `json:"from"`
	To      string `json:"to"`
	Article string `json:"article"`
	Chinese string `json:"article_zh"`
	Note    string `json:"note,omitempty"`
}

type agendaLine struct {
	Party       string `json:"party"`
	Action      string `json:"action"`
	Due         string `json:"due"` // YYYY-MM-DD or "promptly"
	Overdue     bool   `json:"overdue"`
	Option      bool   `json:"option"`
	Provisional bool   `json:"provisional"`
	Article     string `json:"article"`
	Chinese     string `json:"article_zh"`
}

type roadLine struct {
	Latest      string `json:"latest"`
	Step        string `json:"step"`
	Assumed     bool   `json:"assumed"`
	Provisional bool   `json:"provisional"`
	Article     string `json:"article"`
}

func newReport(c consult.Case, day date.Date, later int, agenda []consult.Item, road []consult.Milestone) *report {
	r := &report{AsOf: day.String(), Number: c.Number, Obligor: c.Obligor.Name,
		Kind: string(c.Obligor.Kind), District: c.District.Name, Stage: string(c.Stage),
		Since: c.Since.String(), Later: later, History: []historyLine{},
		Agenda: []agendaLine{}, Road: []roadLine{}}
	if f := c.Failure; f != nil {
		r.Failure = &failure{f.Since.String(), f.Citation.String(), f.Citation.Chinese(), f.Reason}
	}
	notes := map[int]string{} // history index -> note of the event behind it
	ev := 0
	for i, h := range c.History {
		if h.Event != consult.TypeDeadlinePassed && ev < len(c.Events) {
			notes[i] = c.Events[ev].Head().Note
			ev++
		}
	}
	for i, h := range c.History {
		r.History = append(r.History, historyLine{h.Date.String(), string(h.Event), h.Branch,
			string(h.From), string(h.To), h.Citation.String(), h.Citation.Chinese(), notes[i]})
	}
	for _, it := range agenda {
		due := "promptly"
		if !it.Promptly {
			due = it.Due.String()
		}
		r.Agenda = append(r.Agenda, agendaLine{it.Party.String(), it.Action, due, it.Overdue,
			it.Option, it.Provisional, it.Citation.String(), it.Citation.Chinese()})
	}
	for _, m := range road {
		r.Road = append(r.Road, roadLine{m.Latest.String(), m.Step, m.Assumed,
			m.Provisional, m.Citation.String()})
	}
	for _, w := range c.Warnings {
		r.Warnings = append(r.Warnings, w.String())
	}
	return r
}

// write prints r as text for a person. Control and format characters
// from the case file are dropped, so a case file cannot move the cursor,
// change colours or reorder text on the reader's terminal.
func (r *report) write(out io.Writer) error {
	var w bytes.Buffer
	if err := r.writeText(&w); err != nil {
		return err
	}
	_, err := io.WriteString(out, terminalSafe(w.String()))
	return err
}

// terminalSafe drops from s every control or format character except the
// line feed and tab that the report's layout uses, and turns the Unicode
// line and paragraph separators into spaces.
func terminalSafe(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\u2028' || r == '\u2029':
			return ' '
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, s)
}

// writeText prints r as text, as it is.
func (r *report) writeText(w io.Writer) error {
	fmt.Fprintf(w, "Case %s\nObligor %s (%s), %s\n", r.Number, r.Obligor, r.Kind, r.District)
	fmt.Fprintf(w, "As of %s: %s since %s\n", r.AsOf, r.Stage, r.Since)
	if r.Failure != nil {
		fmt.Fprintf(w, "To court since %s under %s (%s): %s\n", r.Failure.Since,
			r.Failure.Article, r.Failure.Chinese, r.Failure.Reason)
	}
	switch {
	case r.Later == 1:
		fmt.Fprintln(w, "1 later event in the file is not applied")
	case r.Later > 1:
		fmt.Fprintf(w, "%d later events in the file are not applied\n", r.Later)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "\nHistory")
	for _, h := range r.History {
		step := h.Event
		if h.Branch != "" {
			step += " (" + h.Branch + ")"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", h.Date, step, h.To, h.Article)
	}
	fmt.Fprintln(tw, "\nAgenda")
	if len(r.Agenda) == 0 {
		fmt.Fprintln(tw, "  nothing is open")
	}
	for _, a := range r.Agenda {
		due := a.Due
		if a.Due != "promptly" {
			due = "by " + a.Due
		}
		mark := ""
		switch {
		case a.Overdue:
			mark = "OVERDUE"
		case a.Option:
			mark = "option"
		}
		if a.Provisional {
			mark += " provisional"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", a.Party, a.Action, due, strings.TrimSpace(a.Article+"  "+mark))
	}
	fmt.Fprintln(tw, "\nRoad ahead (latest days if every party uses its full time)")
	if len(r.Road) == 0 && r.RoadEnd == "" {
		fmt.Fprintln(tw, "  the case is closed")
	}
	for _, m := range r.Road {
		mark := ""
		if m.Assumed {
			mark = "no fixed period: same day assumed"
		}
		if m.Provisional {
			mark = strings.TrimSpace(mark + "  provisional")
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", m.Latest, m.Step, strings.TrimSpace(m.Article+"  "+mark))
	}
	if r.RoadEnd != "" {
		fmt.Fprintf(tw, "  (the road stops here: %s; -provisional counts past it)\n", r.RoadEnd)
	}
	for _, warn := range r.Warnings {
		fmt.Fprintf(tw, "\nWarning: %s\n", warn)
	}
	return tw.Flush()
}
