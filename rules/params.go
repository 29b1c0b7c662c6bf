package rules

import (
	"errors"
	"fmt"
)

// Params holds every number of the measures that a rule reads. The rules
// take it as a value, so a host can apply another city's set or a later
// amendment without changing code (the measures yield to higher-level
// rules, Art. 29).
type Params struct {
	// Name identifies the set in messages and records.
	Name string
	// NoticeReplyWorkdays is the time the obligor has to answer the
	// consultation notice, in working days after service (Art. 8(3)).
	NoticeReplyWorkdays int
	// OpinionReplyWorkdays is the time the obligor has to answer the
	// opinion letter, in working days after receiving it (Art. 10(3)).
	OpinionReplyWorkdays int
	// SigningWorkdays is the time the agency has to sign the agreement,
	// in working days after receiving a written acceptance (Art. 11).
	SigningWorkdays int
	// RoundGapWorkdays is the usual longest gap between two consultation
	// meetings, in working days (Art. 15). It is a default: a longer gap
	// needs a recorded reason and draws a warning.
	RoundGapWorkdays int
	// MaxRounds is the number of consultation meetings a case may have
	// (Art. 15, Art. 17(1)(5)).
	MaxRounds int
	// MaxRoundsDesignated is that number for a case the agency designates
	// major, complex or difficult.
	MaxRoundsDesignated int
	// ConfirmationDays is the time either party has to apply for judicial
	// confirmation, in days from the day the agreement takes effect
	// (Art. 19).
	ConfirmationDays int
	// MinExperts is the smallest expert panel whose opinion may replace
	// the assessment report (Art. 8(2)).
	MinExperts int
	// PostedReplyInTime makes a reply sent by post in time when it was
	// posted by the last day, as the Civil Procedure Law excludes time in
	// transit. The measures are silent; on by default.
	PostedReplyInTime bool
}

// Hangzhou2020 returns the numbers of the 2020 Hangzhou measures, the
// default set. Higher-level laws and rules prevail over the measures
// (Art. 29), so a host facing a different number passes its own Params.
func Hangzhou2020() Params {
	return Params{
		Name:                 "杭州市生态环境损害赔偿磋商办法（2020）",
		NoticeReplyWorkdays:  5,
		OpinionReplyWorkdays: 7,
		SigningWorkdays:      7,
		RoundGapWorkdays:     7,
		MaxRounds:            2,
		MaxRoundsDesignated:  3,
		ConfirmationDays:     30,
		MinExperts:           3,
		PostedReplyInTime:    true,
	}
}

// ErrInvalidParams reports a parameter set that no rule can apply.
var ErrInvalidParams = errors.New("invalid parameters")

// Validate reports whether every number in p is usable: periods and counts
// at least 1, and the designated round limit not below the ordinary one.
func (p Params) Validate() error {
	checks := []struct {
		name  string
		value int
	}{
		{"NoticeReplyWorkdays", p.NoticeReplyWorkdays},
		{"OpinionReplyWorkdays", p.OpinionReplyWorkdays},
		{"SigningWorkdays", p.SigningWorkdays},
		{"RoundGapWorkdays", p.RoundGapWorkdays},
		{"MaxRounds", p.MaxRounds},
		{"MaxRoundsDesignated", p.MaxRoundsDesignated},
		{"ConfirmationDays", p.ConfirmationDays},
		{"MinExperts", p.MinExperts},
	}
	for _, c := range checks {
		if c.value < 1 {
			return fmt.Errorf("rules: %w: %s is %d; it must be at least 1",
				ErrInvalidParams, c.name, c.value)
		}
	}
	if p.MaxRoundsDesignated < p.MaxRounds {
		return fmt.Errorf("rules: %w: MaxRoundsDesignated %d is below MaxRounds %d",
			ErrInvalidParams, p.MaxRoundsDesignated, p.MaxRounds)
	}
	return nil
}
