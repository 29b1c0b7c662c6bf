package calendar

import (
	"errors"
	"fmt"

	"github.com/rickb777/date/v2"
)

// Errors that a ParseError wraps, one for each problem the parser finds.
// Test for them with errors.Is.
var (
	ErrSyntax        = errors.New("malformed line")
	ErrUnknownKind   = errors.New("unknown line kind")
	ErrBadDate       = errors.New("invalid date")
	ErrWrongYear     = errors.New("date outside its notice's year")
	ErrDuplicateDay  = errors.New("day listed twice")
	ErrNotWeekend    = errors.New("adjusted working day on a weekday")
	ErrOrder         = errors.New("notice out of order")
	ErrFestival      = errors.New("unknown festival")
	ErrNoNotice      = errors.New("entry before any notice")
	ErrDuplicateYear = errors.New("year has two annual notices")
)

// ErrMissingYear reports a gap in the annual notices, or an amendment or
// local notice for a year that has no annual notice.
var ErrMissingYear = errors.New("year without an annual notice")

// ErrOutOfRange is the error that a RangeError matches with errors.Is.
var ErrOutOfRange = errors.New("date outside the calendar")

// ErrInvalidPeriod reports a period whose length is below 1.
var ErrInvalidPeriod = errors.New("invalid period length")

// A ParseError reports a problem on one line of a calendar file.
type ParseError struct {
	Line int    // 1-based line number
	Text string // the line as read
	Err  error  // wraps one of the Err… values above
}

// Error returns the line number, the problem and the text of the line.
func (e *ParseError) Error() string {
	return fmt.Sprintf("calendar: line %d: %s (line %q)", e.Line,
		clip(e.Err.Error()), clip(e.Text))
}

// Unwrap returns the problem, for errors.Is and errors.As.
func (e *ParseError) Unwrap() error { return e.Err }

// A RangeError reports a date, or the end of a count, that falls outside
// the days the calendar can answer for.
type RangeError struct {
	Date date.Date // the date asked for, or the first day past the range
	// First and Last are the first and last days the calendar answers for;
	// Last is ProvisionalEnd when the provisional rule is allowed.
	First, Last date.Date
	// Known is the last day the notices cover.
	Known date.Date
	// ProvisionalEnd is the last day the provisional rule could cover, the
	// end of its lunar table; Known if the table ends first.
	ProvisionalEnd date.Date
	// Provisional reports whether the calendar allowed the provisional rule.
	Provisional bool
}

// Error names the date, the range the calendar covers and what to add.
func (e *RangeError) Error() string {
	msg := fmt.Sprintf("calendar: %s is outside the covered days %s to %s",
		e.Date, e.First, e.Last)
	switch {
	case e.Date < e.First:
		return msg + "; the calendar holds no notice before " + e.First.String()
	case e.Date <= e.ProvisionalEnd && !e.Provisional:
		return fmt.Sprintf("%s; add the State Council notice for %d, or allow "+
			"the provisional rule, which covers years without a notice through %d",
			msg, e.Date.Year(), e.ProvisionalEnd.Year())
	case e.ProvisionalEnd > e.Known:
		return fmt.Sprintf("%s; add the State Council notice for %d: the "+
			"provisional rule ends in %d with its lunar table", msg,
			e.Date.Year(), e.ProvisionalEnd.Year())
	}
	return fmt.Sprintf("%s; add the State Council notice for %d", msg, e.Date.Year())
}

// Is reports whether target is ErrOutOfRange.
func (e *RangeError) Is(target error) bool { return target == ErrOutOfRange }
