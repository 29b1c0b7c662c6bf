package rules

import (
	"errors"
	"fmt"
)

// Errors that a *Violation wraps, one for each kind of rule broken. Test
// for them with errors.Is; use errors.As with *Violation for the citation.
var (
	ErrOutOfScope         = errors.New("outside the scope of the measures")
	ErrDistrictRenamed    = errors.New("district renamed")
	ErrMissingFact        = errors.New("missing fact")
	ErrTooFewExperts      = errors.New("too few experts")
	ErrExpertRoute        = errors.New("expert route not open")
	ErrMissingItem        = errors.New("missing required item")
	ErrReplyLimitTooShort = errors.New("reply limit shorter than the law's")
	ErrRoundLimit         = errors.New("round limit reached")
	ErrReasonRequired     = errors.New("reason required")
	ErrNoEvidence         = errors.New("objection without evidence")
	ErrProxy              = errors.New("proxy may not act")
	ErrDateOrder          = errors.New("dates out of order")
)

// A Violation is a rule of the measures that a fact or a request breaks.
// Its message is English; Citation.Chinese and Citation.Label give the
// Chinese forms for display.
type Violation struct {
	Citation Citation
	Err      error  // one of the Err… values above
	Detail   string // the value and what to do about it
}

// Error names the provision, the sentinel and the detail.
func (v *Violation) Error() string {
	return fmt.Sprintf("rules: %s: %v: %s", v.Citation, v.Err, v.Detail)
}

// Unwrap returns the sentinel, for errors.Is.
func (v *Violation) Unwrap() error { return v.Err }

// violation builds a *Violation with a formatted detail.
func violation(c Citation, err error, format string, args ...any) error {
	return &Violation{Citation: c, Err: err, Detail: fmt.Sprintf(format, args...)}
}

// A Warning reports a departure from a default of the measures (a
// provision that says "generally" or "in principle"). It is not an
// error: the step is allowed, with the recorded reason.
type Warning struct {
	Citation Citation
	Message  string // what departs from the default, in English
	Reason   string // the reason the agency recorded
}

// String returns the departure and the reason recorded for it.
func (w Warning) String() string {
	return fmt.Sprintf("%s: %s (reason recorded: %s)", w.Citation, w.Message, w.Reason)
}
