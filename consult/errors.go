package consult

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ecoconsult/ecoconsult/rules"
)

// Errors an *EventError wraps. Test for them with errors.Is; a rule of
// the measures that an event breaks is wrapped too, so errors.As also
// finds a *rules.Violation where there is one.
var (
	ErrOutOfOrder   = errors.New("event out of date order")
	ErrWrongStage   = errors.New("event not allowed in this stage")
	ErrNoStanding   = errors.New("actor has no standing for this event")
	ErrMissingField = errors.New("missing field")
	ErrInvalidField = errors.New("invalid field")
	// ErrZeroEngine reports an Engine that New or Default did not make.
	ErrZeroEngine = errors.New("zero Engine value; build it with consult.Default or consult.New")
	// ErrEmptyCase reports a Case no event has opened.
	ErrEmptyCase = errors.New("empty case; replay a log that starts with investigation_started")
)

// An EventError reports an event that Apply rejected. The case it was
// applied to is unchanged.
type EventError struct {
	// Index is the event's position in the log, from 0; -1 when the event
	// was applied on its own.
	Index    int
	Type     EventType
	Field    string // the JSON name of the field at fault, if one is
	Citation rules.Citation
	Err      error
}

// Error names the event, its field and the provision, with the cause.
func (e *EventError) Error() string {
	var b strings.Builder
	b.WriteString("consult: ")
	var where []string
	if e.Index >= 0 {
		where = append(where, fmt.Sprintf("event %d", e.Index))
	}
	if e.Type != "" {
		where = append(where, string(e.Type))
	}
	if len(where) > 0 {
		b.WriteString(strings.Join(where, " ") + ": ")
	}
	if e.Field != "" {
		b.WriteString("field " + e.Field + ": ")
	}
	fmt.Fprint(&b, e.Err)
	if !e.Citation.IsZero() {
		b.WriteString(" (" + e.Citation.String() + ")")
	}
	return b.String()
}

// Unwrap returns the cause, for errors.Is and errors.As.
func (e *EventError) Unwrap() error { return e.Err }

// reject builds an *EventError for event e.
func reject(e Event, field string, c rules.Citation, err error, format string, args ...any) error {
	return &EventError{Index: -1, Type: e.Type(), Field: field, Citation: c,
		Err: fmt.Errorf("%w: "+format, append([]any{err}, args...)...)}
}

// wrapRule turns an error from package rules into an *EventError that
// keeps the rule's citation. A missing or invalid fact also matches
// ErrMissingField or ErrInvalidField, so a caller can test for those
// whichever package found the fault.
func wrapRule(e Event, field string, err error) error {
	c := rules.Citation{}
	var v *rules.Violation
	var inc *rules.IncompleteError
	switch {
	case errors.As(err, &v):
		c = v.Citation
	case errors.As(err, &inc) && len(inc.Missing) > 0:
		c = inc.Missing[0].Citation
	}
	switch {
	case errors.Is(err, rules.ErrMissingFact) || inc != nil,
		errors.Is(err, rules.ErrReasonRequired), errors.Is(err, rules.ErrNoEvidence):
		err = errorsJoin(ErrMissingField, err)
	case errors.Is(err, rules.ErrInvalidFact):
		err = errorsJoin(ErrInvalidField, err)
	}
	return &EventError{Index: -1, Type: e.Type(), Field: field, Citation: c, Err: err}
}

// errorsJoin wraps both errors so errors.Is and errors.As find either.
func errorsJoin(a, b error) error { return fmt.Errorf("%w: %w", a, b) }
