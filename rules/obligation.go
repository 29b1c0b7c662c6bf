package rules

import "github.com/rickb777/date/v2"

// Party is a participant the measures give a duty or a right.
type Party uint8

// The parties of a consultation.
const (
	// Agency is the rights holder: the city government or the department
	// it designates, or the district body it hands the case to (Art. 5).
	Agency Party = iota + 1
	// Obligor is the unit or person liable for the damage (Art. 6).
	Obligor
	// EitherParty is the agency or the obligor, whichever acts.
	EitherParty
	// Procuratorate is the procuratorate of the same level.
	Procuratorate
	// Court is the competent people's court.
	Court
)

// String returns the English name of p.
func (p Party) String() string {
	switch p {
	case Agency:
		return "agency"
	case Obligor:
		return "obligor"
	case EitherParty:
		return "either party"
	case Procuratorate:
		return "procuratorate"
	case Court:
		return "court"
	}
	return "invalid party"
}

// An Obligation is something a party must do, from a day on, either by a
// deadline or promptly (及时) where the measures fix no number of days.
type Obligation struct {
	Party    Party
	Action   string // what to do, in English
	Citation Citation
	From     date.Date // the day the duty arises
	// Promptly is true when the measures fix no period; Deadline is then
	// the zero value.
	Promptly bool
	Deadline Deadline
}
