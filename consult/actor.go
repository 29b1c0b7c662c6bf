package consult

import "fmt"

// Actor is who performs an event.
type Actor uint8

// The actors of a consultation.
const (
	// Agency is the rights holder or the department acting for it (Art. 5).
	Agency Actor = iota + 1
	// Obligor is the party liable for the damage, acting itself or through
	// its authorized representative (Art. 6, Art. 12(3)).
	Obligor
	// Proxy is someone the obligor authorized in writing (Art. 13); an
	// event by a proxy names it in Header.Proxy.
	Proxy
	// Institution is the assessment institution (Art. 8(1)).
	Institution
	// ExpertPanel is the panel of experts on the expert route (Art. 8(2)).
	ExpertPanel
	// Procuratorate is the procuratorate of the same level.
	Procuratorate
	// Court is the competent people's court.
	Court
	lastActor = Court
)

// String returns the name of a as it appears in JSON.
func (a Actor) String() string {
	switch a {
	case Agency:
		return "agency"
	case Obligor:
		return "obligor"
	case Proxy:
		return "proxy"
	case Institution:
		return "institution"
	case ExpertPanel:
		return "expert_panel"
	case Procuratorate:
		return "procuratorate"
	case Court:
		return "court"
	}
	return fmt.Sprintf("actor(%d)", uint8(a))
}

// MarshalText writes a by name.
func (a Actor) MarshalText() ([]byte, error) {
	if a < Agency || a > lastActor {
		return nil, fmt.Errorf("consult: invalid actor %d", uint8(a))
	}
	return []byte(a.String()), nil
}

// UnmarshalText reads an actor name.
func (a *Actor) UnmarshalText(b []byte) error {
	for x := Agency; x <= lastActor; x++ {
		if x.String() == string(b) {
			*a = x
			return nil
		}
	}
	return fmt.Errorf("consult: unknown actor %q: want agency, obligor, proxy, "+
		"institution, expert_panel, procuratorate or court", b)
}
