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

func (e *ParseError) Error() string {
	return fmt.Sprintf("calendar: line %d: %v (line %q)", e.Line, e.Err, e.Text)
}

func (e *ParseError) Unwrap() error { return e.Err }

// A RangeError reports a date, or the end of a count, that falls outside
// the days the calendar can answer for. First and Last are the first and
// last days it covers; with the provisional rule allowed, Last is the end
// of the provisional range.
type RangeError struct {
	Date        date.Date // the date asked for, or the first day past the range
	First, Last date.Date
	// Provisional reports whether the calendar allowed the provisional rule,
	// so the date lies past even that.
	Provisional bool
}

func (e *RangeError) Error() string {
	msg := fmt.Sprintf("calendar: %s is outside the covered days %s to %s",
		e.Date, e.First, e.Last)
	switch {
	case e.Date < e.First:
		return msg + "; the calendar holds no notice before " + e.First.String()
	case e.Provisional:
		return msg + "; the provisional rule ends there because the lunar " +
			"table ends there"
	}
	return msg + "; add the State Council notice for that year to the " +
		"calendar data, or allow the provisional rule with WithProvisional"
}

// Is reports whether target is ErrOutOfRange.
func (e *RangeError) Is(target error) bool { return target == ErrOutOfRange }
