package consult

// Stage is where a consultation stands.
type Stage string

// The stages of a consultation.
const (
	// Investigating: the agency is investigating and assessing the damage
	// (Art. 8(1)).
	Investigating Stage = "investigating"
	// AwaitingConsent: the notice is served and the obligor's answer is
	// due (Art. 8(3)).
	AwaitingConsent Stage = "awaiting_consent"
	// Preparing: the obligor consented; the opinion letter is next
	// (Art. 8(4), Art. 9).
	Preparing Stage = "preparing"
	// AwaitingReply: the opinion letter is served and the reply is due
	// (Art. 10(3)).
	AwaitingReply Stage = "awaiting_reply"
	// Consulting: the obligor objected; meetings are held (Art. 12 to 16).
	Consulting Stage = "consulting"
	// AwaitingSignature: the terms are agreed and the agreement is to be
	// signed (Art. 11, Art. 18).
	AwaitingSignature Stage = "awaiting_signature"
	// Signed: the agreement is signed and being performed (Art. 18, 21).
	Signed Stage = "signed"
	// Confirmed: a court confirmed the agreement (Art. 19).
	Confirmed Stage = "confirmed"
	// Performed: every step of the agreement is done. The case is closed.
	Performed Stage = "performed"
	// Failed: consultation did not start, or ended without agreement; the
	// agency must sue (Art. 8(5), Art. 17, Art. 20).
	Failed Stage = "failed"
	// Reneged: the obligor went back on the agreement before judicial
	// confirmation; the agency must sue (Art. 20).
	Reneged Stage = "reneged"
	// Defaulted: a confirmed agreement is not performed; the agency must
	// apply for enforcement (Art. 22).
	Defaulted Stage = "defaulted"
	// Enforcing: enforcement was applied for (Art. 22).
	Enforcing Stage = "enforcing"
	// Litigating: the agency filed its lawsuit (Art. 20). The case is
	// closed as a consultation.
	Litigating Stage = "litigating"
	// Halted: the agency stopped consultation for the obligor's unlawful
	// conduct (Art. 24). The case is closed.
	Halted Stage = "halted"
)

// Stages returns every stage in the order of the procedure.
func Stages() []Stage {
	return []Stage{Investigating, AwaitingConsent, Preparing, AwaitingReply,
		Consulting, AwaitingSignature, Signed, Confirmed, Performed, Failed,
		Reneged, Defaulted, Enforcing, Litigating, Halted}
}

// Closed reports whether s ends the consultation: after it the case takes
// only the events the measures still allow: disclosure, evidence
// preservation and, after a performed agreement, the report of the
// agreement to the procuratorate and the finance department.
func (s Stage) Closed() bool {
	return s == Performed || s == Litigating || s == Halted
}

func (s Stage) valid() bool {
	for _, t := range Stages() {
		if s == t {
			return true
		}
	}
	return false
}
