package rules

import "errors"

// Errors that the fact checks of Art. 2, 3, 13, 16, 23, 24 and 26 wrap in
// a *Violation, next to the shared ones in errors.go.
var (
	// ErrInvalidFact reports a fact that no rule can read: an enum value
	// outside its constants, a zero date where a day is required, or two
	// fields that contradict each other.
	ErrInvalidFact = errors.New("invalid fact")
	// ErrDistrictNotCreated reports a district name used for a day before
	// the district existed.
	ErrDistrictNotCreated = errors.New("district not yet created")
)
