package consult

import (
	"fmt"
	"strings"

	"github.com/ecoconsult/ecoconsult/rules"
)

// TypeDeadlinePassed names the passing of a deadline in the transition
// table. It is not an event a host records: the engine derives it from
// the calendar (see Engine.At).
const TypeDeadlinePassed EventType = "deadline_passed"

// A Transition is one entry of the procedure: in stage From, an event of
// type Event with outcome Branch moves the case to stage To, under the
// cited provision.
type Transition struct {
	From     Stage
	Event    EventType
	Branch   string // outcome of the event that selects this entry; "" if one
	To       Stage
	Citation rules.Citation
}

// Transitions returns the procedure as a table. Engine.Apply uses it to
// decide whether an event may happen and where it leads, and Graphviz and
// Mermaid draw it, so the drawings cannot drift from the code.
func Transitions() []Transition {
	var t []Transition
	add := func(from Stage, ev EventType, branch string, to Stage, c rules.Citation) {
		t = append(t, Transition{from, ev, branch, to, c})
	}
	open := []Stage{Investigating, AwaitingConsent, Preparing, AwaitingReply,
		Consulting, AwaitingSignature}
	art := rules.Art

	// Investigation and notice (Art. 8).
	add(Investigating, TypeProcuratorateInformed, "", Investigating, art(8).Para(6))
	add(Investigating, TypeAssessmentIssued, "", Investigating, art(8).Para(1))
	add(Investigating, TypeAssessmentIssued, "experts", Investigating, art(8).Para(2))
	add(Investigating, TypeNoticeServed, "", AwaitingConsent, art(8).Para(3))
	add(AwaitingConsent, TypeNoticeReplied, "consent", Preparing, art(8).Para(4))
	add(AwaitingConsent, TypeNoticeReplied, "refuse", Failed, art(8).Para(5))
	add(AwaitingConsent, TypeDeadlinePassed, "no answer", Failed, art(8).Para(3))
	add(Failed, TypeNoticeReplied, "late", Failed, art(8).Para(3))
	for _, s := range []Stage{AwaitingConsent, Preparing} {
		add(s, TypeProcuratorateInformed, "", s, art(8).Para(6))
		add(s, TypeAssessmentIssued, "", s, art(8).Para(1))
		add(s, TypeAssessmentIssued, "experts", s, art(8).Para(2))
	}

	// The opinion letter and the reply (Art. 9 to 12, 17).
	add(Preparing, TypeOpinionServed, "", AwaitingReply, art(9))
	add(AwaitingReply, TypeOpinionReplied, "accept", AwaitingSignature, art(11))
	add(AwaitingReply, TypeOpinionReplied, "object", Consulting, art(12).Para(1))
	add(AwaitingReply, TypeOpinionReplied, "refuse", Failed, art(17).ItemOf(1))
	add(AwaitingReply, TypeDeadlinePassed, "no reply", Failed, art(17).ItemOf(2))
	add(Failed, TypeOpinionReplied, "late", Failed, art(17).ItemOf(2))

	// Meetings (Art. 12 to 17).
	add(Consulting, TypeMeetingScheduled, "", Consulting, art(12).Para(1))
	add(Consulting, TypeCaseDesignated, "", Consulting, art(15))
	add(Consulting, TypeMeetingHeld, "agreed", AwaitingSignature, art(14).ItemOf(7))
	add(Consulting, TypeMeetingHeld, "continue", Consulting, art(15))
	add(Consulting, TypeMeetingHeld, "excused", Consulting, art(17).ItemOf(3))
	add(Consulting, TypeMeetingHeld, "no wish to continue", Failed, art(17).ItemOf(4))
	add(Consulting, TypeMeetingHeld, "round limit", Failed, art(17).ItemOf(5))
	add(Consulting, TypeMeetingHeld, "absent or walked out", Failed, art(17).ItemOf(3))
	for _, s := range []Stage{AwaitingReply, Consulting} {
		add(s, TypeAssessmentObjected, "", s, art(16))
		add(s, TypeAssessmentReviewed, "", s, art(16))
		add(s, TypeAssessmentIssued, "corrected", s, art(16))
	}
	add(Consulting, TypeAgreementSigned, "", Signed, art(18).Para(1))

	// Proxies, termination, halt, preservation: any open stage.
	for _, s := range open {
		add(s, TypeProxyAuthorized, "", s, art(13))
		add(s, TypeConsultationTerminated, "", Failed, art(17))
		add(s, TypeConsultationHalted, "", Halted, art(24))
	}
	add(AwaitingSignature, TypeAgreementSigned, "", Signed, art(18).Para(1))

	// The agreement and after (Art. 18 to 22).
	for _, s := range []Stage{Signed, Confirmed, Defaulted, Enforcing, Performed} {
		add(s, TypeAgreementReported, "", s, art(18).Para(1))
	}
	add(Signed, TypeConfirmationApplied, "", Signed, art(19))
	add(Signed, TypeConfirmationDecided, "confirmed", Confirmed, art(19))
	add(Signed, TypeConfirmationDecided, "not confirmed", Signed, art(19))
	add(Signed, TypeObligorReneged, "", Reneged, art(20))
	add(Confirmed, TypeObligorReneged, "", Defaulted, art(22))
	add(Confirmed, TypeDeadlinePassed, "step overdue", Defaulted, art(22))
	for _, s := range []Stage{Signed, Confirmed, Defaulted, Enforcing} {
		add(s, TypePerformanceDone, "step", s, art(21))
		add(s, TypePerformanceDone, "last step", Performed, art(21))
	}
	add(Defaulted, TypeEnforcementApplied, "", Enforcing, art(22))
	add(Failed, TypeLawsuitFiled, "", Litigating, art(20))
	add(Reneged, TypeLawsuitFiled, "", Litigating, art(20))

	// Disclosure and evidence preservation: any stage once there is
	// something to publish or to preserve.
	for _, s := range Stages() {
		if s != Investigating {
			add(s, TypeDisclosurePublished, "", s, art(26))
		}
		add(s, TypeEvidencePreserved, "", s, art(23))
	}
	return t
}

// lookup finds the entry for an event in a stage.
func lookup(from Stage, ev EventType, branch string) (Transition, bool) {
	for _, tr := range Transitions() {
		if tr.From == from && tr.Event == ev && tr.Branch == branch {
			return tr, true
		}
	}
	return Transition{}, false
}

// allowedIn lists the event types the table allows in a stage.
func allowedIn(from Stage) []string {
	seen := map[EventType]bool{}
	var out []string
	for _, tr := range Transitions() {
		if tr.From == from && tr.Event != TypeDeadlinePassed && !seen[tr.Event] {
			seen[tr.Event] = true
			out = append(out, string(tr.Event))
		}
	}
	return out
}

// edgeLabel is the text of a transition in a drawing.
func edgeLabel(tr Transition) string {
	l := string(tr.Event)
	if tr.Branch != "" {
		l += " (" + tr.Branch + ")"
	}
	return l + "\n" + tr.Citation.String()
}

// Graphviz returns the procedure as a Graphviz DOT digraph. Events that
// leave the stage unchanged are left out, so the picture shows the road.
func Graphviz() string {
	var b strings.Builder
	b.WriteString("digraph consultation {\n\trankdir=LR;\n\tnode [shape=box];\n")
	for _, s := range Stages() {
		shape := ""
		if s.Closed() {
			shape = ", peripheries=2"
		}
		fmt.Fprintf(&b, "\t%s [label=%q%s];\n", s, string(s), shape)
	}
	for _, tr := range Transitions() {
		if tr.From == tr.To {
			continue
		}
		fmt.Fprintf(&b, "\t%s -> %s [label=%q];\n", tr.From, tr.To, edgeLabel(tr))
	}
	b.WriteString("}\n")
	return b.String()
}

// Mermaid returns the procedure as a Mermaid state diagram, drawn from the
// same table as Graphviz.
func Mermaid() string {
	var b strings.Builder
	b.WriteString("stateDiagram-v2\n")
	fmt.Fprintf(&b, "    [*] --> %s: %s\n", Investigating, TypeInvestigationStarted)
	for _, tr := range Transitions() {
		if tr.From == tr.To {
			continue
		}
		label := strings.ReplaceAll(edgeLabel(tr), "\n", " ")
		fmt.Fprintf(&b, "    %s --> %s: %s\n", tr.From, tr.To, label)
	}
	for _, s := range Stages() {
		if s.Closed() {
			fmt.Fprintf(&b, "    %s --> [*]\n", s)
		}
	}
	return b.String()
}
