package consult

import (
	"fmt"
	"slices"

	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
)

// An Engine applies events to cases under one set of rules: the
// parameters of the measures and a working-day calendar. It holds no
// state of its own beyond them and is safe for concurrent use.
type Engine struct {
	rules rules.Rules
	table map[transitionKey]Transition
	// stages maps a stage and an event type to whether any entry exists,
	// so a wrong stage is told apart from a wrong outcome.
	stages map[stageEvent]bool
}

type transitionKey struct {
	from   Stage
	event  EventType
	branch string
}

type stageEvent struct {
	from  Stage
	event EventType
}

// New returns an engine that decides with r.
func New(r rules.Rules) *Engine {
	g := &Engine{rules: r, table: map[transitionKey]Transition{},
		stages: map[stageEvent]bool{}}
	for _, tr := range Transitions() {
		g.table[transitionKey{tr.From, tr.Event, tr.Branch}] = tr
		g.stages[stageEvent{tr.From, tr.Event}] = true
	}
	return g
}

// Default returns an engine with the Hangzhou 2020 parameters over
// China's national calendar.
func Default() *Engine { return New(rules.Default()) }

// Rules returns the rules g decides with.
func (g *Engine) Rules() rules.Rules { return g.rules }

// Replay builds a case from its event log, applying each event in order.
// The first event must be InvestigationStarted. An error names the index
// of the event that was rejected.
func (g *Engine) Replay(events []Event) (Case, error) {
	var c Case
	for i, e := range events {
		next, err := g.Apply(c, e)
		if err != nil {
			if ee, ok := err.(*EventError); ok {
				copied := *ee
				copied.Index = i
				return Case{}, &copied
			}
			return Case{}, err
		}
		c = next
	}
	return c, nil
}

// Apply returns the case after event e, or an *EventError that cites the
// provision e breaks. The case c is never changed. Apply first lets the
// calendar run up to e's day, so a deadline that passed before e has its
// consequence (see At); a reply that arrives, or was posted, in time is
// judged before that.
func (g *Engine) Apply(c Case, e Event) (Case, error) {
	if e == nil {
		return Case{}, &EventError{Index: -1, Err: fmt.Errorf("%w: nil event", ErrMissingField)}
	}
	if !isValue(e) {
		return Case{}, &EventError{Index: -1, Type: e.Type(), Err: fmt.Errorf(
			"%w: %T is not one of this package's event types; pass the value, "+
				"not a pointer", ErrInvalidField, e)}
	}
	h := e.Head()
	if err := g.checkHeader(&c, e); err != nil {
		return Case{}, err
	}
	if len(c.Events) == 0 {
		return g.open(e)
	}
	base := c
	if !g.replyInTime(&c, e) {
		var err error
		if base, err = g.At(c, h.Date); err != nil {
			return Case{}, wrapRule(e, "date", err)
		}
	}
	if !g.stages[stageEvent{base.Stage, e.Type()}] {
		return Case{}, reject(e, "", rules.Citation{}, ErrWrongStage,
			"the case is %s since %s; allowed now: %v", base.Stage, base.Since,
			allowedIn(base.Stage))
	}
	if err := g.checkStanding(&base, e); err != nil {
		return Case{}, err
	}
	branch, err := g.check(&base, e)
	if err != nil {
		return Case{}, err
	}
	tr, ok := g.table[transitionKey{base.Stage, e.Type(), branch}]
	if !ok {
		return Case{}, reject(e, "", rules.Citation{}, ErrWrongStage,
			"outcome %q is not possible while the case is %s", branch, base.Stage)
	}
	next := base
	next.Events = append(slices.Clip(base.Events), e)
	g.record(&next, e)
	next.change(h.Date, e.Type(), branch, tr)
	return next, nil
}

// change moves the case along tr and notes it in the history.
func (c *Case) change(day date.Date, ev EventType, branch string, tr Transition) {
	c.History = append(slices.Clip(c.History), Change{Date: day, Event: ev,
		Branch: branch, From: c.Stage, To: tr.To, Citation: tr.Citation})
	if tr.To == c.Stage {
		return
	}
	c.Stage, c.Since = tr.To, day
	switch tr.To {
	case Failed, Reneged, Defaulted:
		if c.Failure == nil || c.Failure.Since > day {
			c.Failure = &Failure{Since: day, Citation: tr.Citation, Reason: branchReason(ev, branch)}
		}
	}
}

// branchReason is the English reason a transition to a failed stage
// gives.
func branchReason(ev EventType, branch string) string {
	if branch == "" {
		return string(ev)
	}
	return string(ev) + ": " + branch
}

// open starts a case from its first event.
func (g *Engine) open(e Event) (Case, error) {
	start, ok := e.(InvestigationStarted)
	if !ok {
		return Case{}, reject(e, "type", rules.Art(8).Para(1), ErrWrongStage,
			"a case starts with %s", TypeInvestigationStarted)
	}
	h := start.Head()
	switch {
	case !filled(start.CaseNumber):
		return Case{}, reject(e, "case_number", rules.Citation{}, ErrMissingField,
			"give the case number")
	case !filled(start.Obligor.Name):
		return Case{}, reject(e, "obligor.name", rules.Art(6), ErrMissingField,
			"name the obligor")
	}
	if _, ok := start.Obligor.Kind.rules(); !ok {
		return Case{}, reject(e, "obligor.kind", rules.Art(13), ErrInvalidField,
			"kind %q: want natural_person, legal_person or other_organization",
			start.Obligor.Kind)
	}
	district, err := rules.ResolveDistrict(start.District, h.Date)
	if err != nil {
		return Case{}, wrapRule(e, "district", err)
	}
	c := Case{
		Number:        start.CaseNumber,
		Obligor:       start.Obligor,
		District:      district,
		Stage:         Investigating,
		Since:         h.Date,
		Events:        []Event{e},
		Investigation: h.Date,
		History: []Change{{Date: h.Date, Event: e.Type(), To: Investigating,
			Citation: rules.Art(8).Para(1)}},
	}
	return c, nil
}
