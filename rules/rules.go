package rules

import (
	"errors"
	"fmt"

	"github.com/ecoconsult/ecoconsult/calendar"
	"github.com/rickb777/date/v2"
)

// Rules applies the measures with one parameter set over one working-day
// calendar. The zero value is not usable; use Default or New. A Rules
// value is immutable and safe for concurrent use.
type Rules struct {
	params Params
	cal    *calendar.Calendar
}

// New returns rules that read their numbers from p and count periods on
// cal. It rejects a parameter set that fails Params.Validate.
func New(cal *calendar.Calendar, p Params) (Rules, error) {
	if cal == nil {
		return Rules{}, fmt.Errorf("rules: %w: nil calendar", ErrInvalidParams)
	}
	if err := p.Validate(); err != nil {
		return Rules{}, err
	}
	return Rules{params: p, cal: cal}, nil
}

// Default returns the Hangzhou 2020 parameters over China's national
// calendar.
func Default() Rules {
	return Rules{params: Hangzhou2020(), cal: calendar.China()}
}

// Params returns the parameter set r applies.
func (r Rules) Params() Params { return r.params }

// Calendar returns the calendar r counts periods on.
func (r Rules) Calendar() *calendar.Calendar { return r.cal }

// A Deadline is the last day of a period the measures set, with the
// provision that sets it. The period ends at 24:00 China Standard Time on
// End; a filing at an office ends at the office's closing time.
type Deadline struct {
	Citation Citation
	calendar.Period
}

// ErrZeroRules reports a Rules value that New or Default did not make.
var ErrZeroRules = errors.New("rules: zero Rules value; build it with rules.Default or rules.New")

// ready rejects the zero Rules value, which has no calendar or numbers.
func (r Rules) ready() error {
	if r.cal == nil {
		return ErrZeroRules
	}
	return nil
}

// workdaysAfter counts a period of n working days after trigger.
func (r Rules) workdaysAfter(c Citation, trigger date.Date, n int) (Deadline, error) {
	if err := r.ready(); err != nil {
		return Deadline{}, err
	}
	p, err := r.cal.WorkdaysAfter(trigger, n)
	if err != nil {
		return Deadline{}, fmt.Errorf("rules: %s: %w", c, err)
	}
	return Deadline{Citation: c, Period: p}, nil
}

// daysFrom counts a period of n days from trigger.
func (r Rules) daysFrom(c Citation, trigger date.Date, n int) (Deadline, error) {
	if err := r.ready(); err != nil {
		return Deadline{}, err
	}
	p, err := r.cal.DaysFrom(trigger, n)
	if err != nil {
		return Deadline{}, fmt.Errorf("rules: %s: %w", c, err)
	}
	return Deadline{Citation: c, Period: p}, nil
}
