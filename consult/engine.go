package consult

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
)

// An Engine applies events to cases under one set of rules: the
// parameters of the measures and a working-day calendar. It holds no
// state of its own beyond them and is safe for concurrent use.
type Engine struct {
	rules rules.Rules
	// entries holds the transitions of each stage and event type, at
	// stageIndex*numEventTypes+eventIndex, so a lookup needs no hashing.
	entries [][]Transition
}

// numEventTypes counts the event types, TypeDeadlinePassed included.
const numEventTypes = 26

// eventIndex numbers the event types from 0; -1 for an unknown type.
func eventIndex(t EventType) int {
	switch t {
	case TypeInvestigationStarted:
		return 0
	case TypeProcuratorateInformed:
		return 1
	case TypeAssessmentIssued:
		return 2
	case TypeNoticeServed:
		return 3
	case TypeNoticeReplied:
		return 4
	case TypeOpinionServed:
		return 5
	case TypeOpinionReplied:
		return 6
	case TypeCaseDesignated:
		return 7
	case TypeMeetingScheduled:
		return 8
	case TypeMeetingHeld:
		return 9
	case TypeAssessmentObjected:
		return 10
	case TypeAssessmentReviewed:
		return 11
	case TypeProxyAuthorized:
		return 12
	case TypeConsultationTerminated:
		return 13
	case TypeConsultationHalted:
		return 14
	case TypeAgreementSigned:
		return 15
	case TypeAgreementReported:
		return 16
	case TypeDisclosurePublished:
		return 17
	case TypeConfirmationApplied:
		return 18
	case TypeConfirmationDecided:
		return 19
	case TypeObligorReneged:
		return 20
	case TypePerformanceDone:
		return 21
	case TypeEnforcementApplied:
		return 22
	case TypeEvidencePreserved:
		return 23
	case TypeLawsuitFiled:
		return 24
	case TypeDeadlinePassed:
		return 25
	}
	return -1
}

// stageIndex numbers the stages from 0 in the order of Stages; -1 for
// an unknown stage.
func stageIndex(s Stage) int {
	switch s {
	case Investigating:
		return 0
	case AwaitingConsent:
		return 1
	case Preparing:
		return 2
	case AwaitingReply:
		return 3
	case Consulting:
		return 4
	case AwaitingSignature:
		return 5
	case Signed:
		return 6
	case Confirmed:
		return 7
	case Performed:
		return 8
	case Failed:
		return 9
	case Reneged:
		return 10
	case Defaulted:
		return 11
	case Enforcing:
		return 12
	case Litigating:
		return 13
	case Halted:
		return 14
	}
	return -1
}

// New returns an engine that decides with r. With the zero Rules, which
// cannot count a day, it returns an engine whose every method fails with
// ErrZeroEngine.
func New(r rules.Rules) *Engine {
	if r.Calendar() == nil {
		return &Engine{}
	}
	g := &Engine{rules: r, entries: make([][]Transition, len(Stages())*numEventTypes)}
	for _, tr := range Transitions() {
		i := stageIndex(tr.From)*numEventTypes + eventIndex(tr.Event)
		g.entries[i] = append(g.entries[i], tr)
	}
	return g
}

// transitions returns the entries for an event type in a stage.
func (g *Engine) transitions(from Stage, ev EventType) []Transition {
	s, e := stageIndex(from), eventIndex(ev)
	if s < 0 || e < 0 {
		return nil
	}
	return g.entries[s*numEventTypes+e]
}

// find returns the entry for an event's outcome in a stage, or nil. It
// points into the engine's table, which no one writes after New.
func (g *Engine) find(from Stage, ev EventType, branch string) *Transition {
	return findBranch(g.transitions(from, ev), branch)
}

// findBranch returns the entry of entries for branch, or nil.
func findBranch(entries []Transition, branch string) *Transition {
	for i := range entries {
		if entries[i].Branch == branch {
			return &entries[i]
		}
	}
	return nil
}

// Default returns an engine with the Hangzhou 2020 parameters over
// China's national calendar.
func Default() *Engine { return New(rules.Default()) }

// Rules returns the rules g decides with.
// A nil Engine has the zero Rules, which reject every question.
func (g *Engine) Rules() rules.Rules {
	if g == nil {
		return rules.Rules{}
	}
	return g.rules
}

// Replay builds a case from its event log, applying each event in order.
// The first event must be InvestigationStarted. An error names the index
// of the event that was rejected.
func (g *Engine) Replay(events []Event) (Case, error) {
	if len(events) == 0 {
		return Case{}, &EventError{Index: -1, Err: ErrEmptyCase}
	}
	var c Case
	var own replayStore
	c.reserve(events)
	for i, e := range events {
		// The case is Replay's own, so its slices grow in place.
		if err := g.apply(&c, e, &own); err != nil {
			if ee, ok := err.(*EventError); ok {
				copied := *ee
				copied.Index = i
				return Case{}, &copied
			}
			return Case{}, err
		}
	}
	// The returned case must not let a later Apply write into this
	// array's spare room, so Apply clips before it grows.
	return c, nil
}

// Apply returns the case after event e, or an *EventError that cites the
// provision e breaks. The case c is never changed. Apply first lets the
// calendar run up to e's day, so a deadline that passed before e has its
// consequence (see At). A reply that arrives, or was posted, in time is
// judged before that consequence. A case that At moved past its last
// event is first rebuilt from its events, so e is judged as if At had
// not run.
//
// Apply copies the slices of c that it extends, so building a case of n
// events with Apply alone costs time in proportion to n squared. To
// rebuild a stored case, use Replay, which is linear.
func (g *Engine) Apply(c Case, e Event) (Case, error) {
	if err := checkEvents(&c); err != nil {
		return Case{}, err
	}
	next, err := g.settled(c, 0)
	if err != nil {
		return Case{}, err
	}
	if err := g.apply(&next, e, nil); err != nil {
		return Case{}, err
	}
	return next, nil
}

// settled returns c as it stood at its last event when At has moved it
// past day: the consequences At added are undone by replaying the events.
// Day 0 undoes all of them. The caller has checked c with checkEvents.
func (g *Engine) settled(c Case, day date.Date) (Case, error) {
	n := len(c.History)
	if n == 0 || len(c.Events) == 0 || c.History[n-1].Date <= max(day, c.lastDate()) {
		return c, nil
	}
	return g.Replay(c.Events)
}

// apply moves *c by e. Replay, which owns its case, passes its store, so
// apply appends in place and keeps single facts in the store. Apply
// passes nil, so apply copies every slice before it grows one and the case
// *c was copied from keeps its own. On error *c may hold deadline
// consequences up to e's day but never e itself.
func (g *Engine) apply(c *Case, e Event, own *replayStore) error {
	owned := own != nil
	if g == nil || g.entries == nil {
		return &EventError{Index: -1, Err: ErrZeroEngine}
	}
	if e == nil {
		return &EventError{Index: -1, Err: fmt.Errorf("%w: nil event", ErrMissingField)}
	}
	if !isValue(e) {
		// No method of e is called: it may be a nil pointer.
		return &EventError{Index: -1, Err: fmt.Errorf(
			"%w: %T is not one of this package's event types; pass the value, "+
				"not a pointer", ErrInvalidField, e)}
	}
	// Head is called once per event, because a call through the
	// interface is among the costlier steps of a replay.
	h := e.Head()
	var last date.Date
	if owned && len(c.History) > 0 {
		// In a case that Replay builds, the last change is always the
		// last event's own, so this saves a Head call.
		last = c.History[len(c.History)-1].Date
	} else {
		last = c.lastDate()
	}
	if err := g.checkHeader(e, h, last); err != nil {
		return err
	}
	if len(c.Events) == 0 {
		return g.open(c, e, owned)
	}
	// Both callers drop *c on error, so a rejected event needs no undo.
	if !g.replyInTime(c, e) {
		if err := g.at(c, h.Date, owned); err != nil {
			return wrapRule(e, "date", err)
		}
	}
	v, err := g.decide(c, e, h)
	if err != nil {
		return err
	}
	cite := v.tr.Citation
	if v.item > 0 {
		cite = rules.Art(17).ItemOf(v.item) // the table cites the article
	}
	c.Events = grow(owned, c.Events, e)
	g.record(c, e, h, own)
	if v.warning != nil {
		c.Warnings = grow(owned, c.Warnings, *v.warning)
	}
	c.change(h.Date, e.Type(), v.branch, v.tr.To, cite, owned)
	return nil
}

// decide checks e in the case's stage and returns its transition.
func (g *Engine) decide(c *Case, e Event, h Header) (verdict, error) {
	entries := g.transitions(c.Stage, e.Type())
	if len(entries) == 0 {
		return verdict{}, reject(e, "", rules.Citation{}, ErrWrongStage,
			"the case is %s since %s; allowed now: %v", c.Stage, c.Since,
			allowedIn(c.Stage))
	}
	if err := g.checkStanding(c, e, h); err != nil {
		return verdict{}, err
	}
	var v verdict
	var err error
	switch ev := e.(type) {
	case MeetingScheduled:
		v.warning, err = g.checkSchedule(c, ev)
	case ConsultationTerminated:
		v.item = ev.Item
		v.branch, err = g.check(c, e)
	default:
		v.branch, err = g.check(c, e)
	}
	if err != nil {
		return verdict{}, err
	}
	if v.tr = findBranch(entries, v.branch); v.tr == nil {
		return verdict{}, reject(e, "", rules.Citation{}, ErrWrongStage,
			"%s, as recorded, is not possible while the case is %s; here it may be "+
				"only %s", outcomeName(e.Type(), v.branch), c.Stage, branchNames(entries))
	}
	return v, nil
}

// checkEvents rejects a case that holds something other than an event
// value, such as a nil pointer, which a caller may have put in Events.
func checkEvents(c *Case) error {
	for i, e := range c.Events {
		if !isValue(e) {
			// No method of e is called: it may be a nil pointer.
			return &EventError{Index: i, Err: fmt.Errorf("%w: the case contains %T; "+
				"a case holds only event values, as Replay and Apply build it",
				ErrInvalidField, e)}
		}
	}
	return nil
}

// A verdict is decide's finding on an accepted event.
type verdict struct {
	tr      *Transition // into the engine's table
	branch  string
	warning *rules.Warning // a departure from a default of the measures
	item    int            // the Art. 17(1) item of a termination
}

// reserve gives the empty case c room for every event of log, so that
// Replay allocates each of its slices once.
func (c *Case) reserve(log []Event) {
	var assessments, meetings, objections, reviews, proxies, preservations int
	for _, e := range log {
		switch e.(type) {
		case AssessmentIssued:
			assessments++
		case MeetingScheduled:
			meetings++
		case AssessmentObjected:
			objections++
		case AssessmentReviewed:
			reviews++
		case ProxyAuthorized:
			proxies++
		case EvidencePreserved:
			preservations++
		}
	}
	c.Events = make([]Event, 0, len(log))
	// A deadline consequence adds a change with no event; a few suffice.
	c.History = make([]Change, 0, len(log)+4)
	c.Assessments = room[AssessmentIssued](assessments)
	c.Meetings = room[Meeting](meetings)
	c.Objections = room[AssessmentObjected](objections)
	c.Reviews = room[AssessmentReviewed](reviews)
	c.Proxies = room[ProxyAuthorized](proxies)
	c.Preservations = room[EvidencePreserved](preservations)
}

// room returns an empty slice with room for n elements, or nil for n 0 so
// that a slice no event fills stays nil.
func room[E any](n int) []E {
	if n == 0 {
		return nil
	}
	return make([]E, 0, n)
}

// grow appends v to s; unless owned, it first clips s so the append
// copies and the caller's slice is left alone.
func grow[S ~[]E, E any](owned bool, s S, v E) S {
	if !owned {
		s = slices.Clip(s)
	}
	return append(s, v)
}

// change moves the case along tr and notes it in the history.
func (c *Case) change(day date.Date, ev EventType, branch string, to Stage,
	cite rules.Citation, owned bool) {
	c.History = grow(owned, c.History, Change{Date: day, Event: ev,
		Branch: branch, From: c.Stage, To: to, Citation: cite})
	if to == c.Stage {
		return
	}
	c.Stage, c.Since = to, day
	switch to {
	case Failed, Reneged, Defaulted:
		if c.Failure == nil || c.Failure.Since > day {
			c.Failure = &Failure{Since: day, Citation: cite, Reason: branchReason(ev, branch)}
		}
	case Enforcing, Litigating:
		// The failure that brought the case to court stays on record.
	default:
		c.Failure = nil
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

// open starts the case *c, which has no events yet, from its first event.
// In Replay's own case it keeps the room that reserve made.
func (g *Engine) open(c *Case, e Event, owned bool) error {
	start, ok := e.(InvestigationStarted)
	if !ok {
		return reject(e, "type", rules.Art(8).Para(1), ErrWrongStage,
			"a case starts with %s", TypeInvestigationStarted)
	}
	h := start.Head()
	switch {
	case !filled(start.CaseNumber):
		return reject(e, "case_number", rules.Citation{}, ErrMissingField,
			"give the case number")
	case !filled(start.Obligor.Name):
		return reject(e, "obligor.name", rules.Art(6), ErrMissingField,
			"name the obligor")
	}
	if _, ok := start.Obligor.Kind.rules(); !ok {
		return reject(e, "obligor.kind", rules.Art(13), ErrInvalidField,
			"kind %q: want natural_person, legal_person or other_organization",
			start.Obligor.Kind)
	}
	district, err := rules.ResolveDistrict(start.District, h.Date)
	if err != nil {
		return wrapRule(e, "district", err)
	}
	if !owned {
		*c = Case{} // fields of a case with no events are not kept
	}
	c.Number, c.Obligor, c.District = start.CaseNumber, start.Obligor, district
	c.Stage, c.Since, c.Investigation = Investigating, h.Date, h.Date
	c.Events = grow(owned, c.Events, e)
	c.History = grow(owned, c.History, Change{Date: h.Date, Event: e.Type(),
		To: Investigating, Citation: rules.Art(8).Para(1)})
	return nil
}

// outcomeName describes an event with its outcome for messages.
func outcomeName(t EventType, branch string) string {
	if branch == "" {
		return string(t)
	}
	return fmt.Sprintf("%s (%s)", t, branch)
}

// branchNames lists the outcomes that entries allow, for messages.
func branchNames(entries []Transition) string {
	names := make([]string, len(entries))
	for i, tr := range entries {
		names[i] = outcomeName(tr.Event, tr.Branch)
	}
	return strings.Join(names, " or ")
}
