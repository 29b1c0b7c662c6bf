package rules

import (
	"errors"
	"time"

	"github.com/rickb777/date/v2"
)

// factsDay is a short date constructor for the fact tests' tables.
func factsDay(y int, m time.Month, d int) date.Date { return date.New(y, m, d) }

// errorReporter is the part of *testing.T and *rapid.T that the checks
// below use.
type errorReporter interface {
	Helper()
	Errorf(format string, args ...any)
}

// checkViolation fails the test, naming the case, unless err is a
// *Violation that wraps want and cites c.
func checkViolation(t errorReporter, name string, err, want error, c Citation) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Errorf("%s: error %v, want one wrapping %q", name, err, want)
		return
	}
	var v *Violation
	if !errors.As(err, &v) {
		t.Errorf("%s: error %v is not a *Violation", name, err)
		return
	}
	if v.Citation != c {
		t.Errorf("%s: citation %s, want %s", name, v.Citation, c)
	}
}
