package consult

import (
	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
)

// A Case is one consultation with one obligor, as its events have shaped
// it. It is a value: Engine.Apply returns a new Case and never changes the
// one it is given, so a host may keep old versions. Treat the slices and
// pointers inside as read-only.
type Case struct {
	Number   string         `json:"number"`
	Obligor  ObligorInfo    `json:"obligor"`
	District rules.District `json:"district"`
	Stage    Stage          `json:"stage"`
	// Since is the day the case entered its stage.
	Since date.Date `json:"since"`

	// Events is the log applied so far, in order.
	Events []Event `json:"-"`
	// History lists every change of the case with the provision behind it,
	// including those that the passing of a deadline caused.
	History []Change `json:"history"`

	Investigation         date.Date               `json:"investigation"`
	ProcuratorateInformed date.Date               `json:"procuratorate_informed,omitzero"`
	Assessments           []AssessmentIssued      `json:"assessments,omitempty"`
	Notice                *NoticeServed           `json:"notice,omitempty"`
	NoticeReply           *NoticeReplied          `json:"notice_reply,omitempty"`
	Opinion               *OpinionServed          `json:"opinion,omitempty"`
	OpinionReply          *OpinionReplied         `json:"opinion_reply,omitempty"`
	Designation           *rules.Designation      `json:"designation,omitempty"`
	Meetings              []Meeting               `json:"meetings,omitempty"`
	Objections            []AssessmentObjected    `json:"objections,omitempty"`
	Reviews               []AssessmentReviewed    `json:"reviews,omitempty"`
	Proxies               []ProxyAuthorized       `json:"proxies,omitempty"`
	Termination           *ConsultationTerminated `json:"termination,omitempty"`
	Halt                  *ConsultationHalted     `json:"halt,omitempty"`
	Agreement             *AgreementSigned        `json:"agreement,omitempty"`
	ReportedProcuratorate date.Date               `json:"reported_procuratorate,omitzero"`
	ReportedFinance       date.Date               `json:"reported_finance,omitzero"`
	Disclosed             date.Date               `json:"disclosed,omitzero"`
	ConfirmationApplied   date.Date               `json:"confirmation_applied,omitzero"`
	ConfirmationDecided   *ConfirmationDecided    `json:"confirmation_decided,omitempty"`
	RenegedOn             date.Date               `json:"reneged_on,omitzero"`
	StepsDone             []date.Date             `json:"steps_done,omitempty"`
	EnforcementApplied    date.Date               `json:"enforcement_applied,omitzero"`
	LawsuitFiled          date.Date               `json:"lawsuit_filed,omitzero"`
	Preservations         []EvidencePreserved     `json:"preservations,omitempty"`
	// Warnings lists the departures from defaults of the measures, each
	// with the reason the agency recorded (Art. 15's usual gap).
	Warnings []rules.Warning `json:"warnings,omitempty"`
	// Failure records why and since when the case needs a court: the
	// provision that obliges the agency to sue or to apply for enforcement.
	// It is set in the Failed, Reneged and Defaulted stages, kept once the
	// agency is Litigating or Enforcing, and cleared when the case moves on
	// otherwise, as when a defaulted agreement is performed after all.
	Failure *Failure `json:"failure,omitempty"`
}

// A Meeting is a consultation meeting as scheduled and, once held, its
// outcome.
type Meeting struct {
	Scheduled MeetingScheduled `json:"scheduled"`
	Held      *MeetingHeld     `json:"held,omitempty"`
}

// A Failure is the reason a case needs a court.
type Failure struct {
	Since    date.Date      `json:"since"`
	Citation rules.Citation `json:"citation"`
	Reason   string         `json:"reason"`
}

// Change is one change in a case's history.
type Change struct {
	Date date.Date `json:"date"`
	// Event is the type of the event applied, or TypeDeadlinePassed for a
	// change the calendar caused.
	Event    EventType      `json:"event"`
	Branch   string         `json:"branch,omitempty"`
	From     Stage          `json:"from"`
	To       Stage          `json:"to"`
	Citation rules.Citation `json:"citation"`
}

// heldMeetings counts the meetings held that count as rounds: an absence
// or walk-out with a good reason does not.
func (c *Case) heldMeetings() (n int, last date.Date) {
	for i := range c.Meetings {
		held := c.Meetings[i].Held
		if held == nil || (held.Outcome != Agreed && held.Outcome != NotAgreed &&
			filled(held.GoodReason)) {
			continue
		}
		n++
		last = held.Date
	}
	return n, last
}

// pendingMeeting returns the index of the scheduled meeting not yet held,
// or -1.
func (c *Case) pendingMeeting() int {
	for i := range c.Meetings {
		if c.Meetings[i].Held == nil {
			return i
		}
	}
	return -1
}

// lastDate returns the day of the last event applied.
func (c *Case) lastDate() date.Date {
	if len(c.Events) == 0 {
		return 0
	}
	return c.Events[len(c.Events)-1].Head().Date
}
