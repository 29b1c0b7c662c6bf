package consult

import (
	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
)

// An Item is something open on a day: a duty of a party, or an option it
// may use, with its last day or "promptly" where the measures fix none.
type Item struct {
	Party    rules.Party
	Action   string // in English
	Citation rules.Citation
	// Trigger is the day the duty or option arose.
	Trigger date.Date
	// Due is the last day; zero when Promptly.
	Due      date.Date
	Promptly bool
	// Overdue reports a Due before the day asked about.
	Overdue bool
	// Provisional reports a Due that the provisional calendar rule gave.
	Provisional bool
	// Option marks a right the party may use, not a duty.
	Option bool
}

// Agenda returns everything open in the case on day: who must act, what,
// by when and under which provision, and the options a party may still
// use. It first lets the calendar run to day (see At).
func (g *Engine) Agenda(c Case, day date.Date) ([]Item, error) {
	c, err := g.At(c, day)
	if err != nil {
		return nil, err
	}
	a := agenda{g: g, c: c, day: day}
	a.build()
	return a.items, a.err
}

type agenda struct {
	g     *Engine
	c     Case
	day   date.Date
	items []Item
	err   error
}

func (a *agenda) promptly(p rules.Party, action string, cite rules.Citation, trigger date.Date) {
	a.items = append(a.items, Item{Party: p, Action: action, Citation: cite,
		Trigger: trigger, Promptly: true})
}

func (a *agenda) due(p rules.Party, action string, dl rules.Deadline, option bool) {
	a.items = append(a.items, Item{Party: p, Action: action, Citation: dl.Citation,
		Trigger: dl.Trigger, Due: dl.End, Overdue: a.day > dl.End,
		Provisional: dl.Provisional, Option: option})
}

func (a *agenda) build() {
	c := &a.c
	if c.Stage == Performed {
		a.reports() // the duties of Art. 18(1) and 26 outlive performance
		return
	}
	if c.Stage == "" || c.Stage.Closed() {
		return
	}
	if c.ProcuratorateInformed == 0 && c.Stage != Failed && c.Stage != Reneged {
		a.promptly(rules.Agency, "inform the procuratorate of the investigation",
			rules.Art(8).Para(6), c.Investigation)
	}
	switch c.Stage {
	case Investigating:
		if len(c.Assessments) == 0 {
			a.promptly(rules.Agency, "commission the assessment of the damage "+
				"(or an expert panel)", rules.Art(8).Para(1), c.Investigation)
		}
		a.promptly(rules.Agency, "serve the consultation notice", rules.Art(8).Para(3),
			c.Investigation)
	case AwaitingConsent:
		dl, err := a.g.rules.NoticeReplyDeadline(c.Notice.Date)
		a.keep(err)
		a.due(rules.Obligor, "answer the consultation notice in writing", dl, false)
	case Preparing:
		if len(c.Assessments) == 0 {
			a.promptly(rules.Agency, "obtain the assessment report or expert "+
				"opinion", rules.Art(9), c.Since)
		}
		a.promptly(rules.Agency, "serve the opinion letter", rules.Art(9), c.Since)
	case AwaitingReply:
		dl, err := a.g.rules.OpinionReplyDeadline(c.Opinion.Date, c.Opinion.ReplyWorkdays)
		a.keep(err)
		a.due(rules.Obligor, "reply to the opinion letter in writing", dl, false)
	case AwaitingSignature:
		a.signing()
	case Consulting:
		a.consulting()
	case Signed, Confirmed, Enforcing:
		a.agreement()
	case Failed, Reneged:
		a.promptly(rules.Agency, "file a compensation lawsuit", rules.Art(20), c.Failure.Since)
	case Defaulted:
		a.promptly(rules.Agency, "apply to the court for enforcement", rules.Art(22),
			c.Failure.Since)
		a.steps()
	}
}

func (a *agenda) keep(err error) {
	if err != nil && a.err == nil {
		a.err = err
	}
}

func (a *agenda) signing() {
	c := &a.c
	if c.OpinionReply != nil && c.OpinionReply.Answer == rules.Accept && len(c.Meetings) == 0 {
		dl, err := a.g.rules.SigningDeadline(c.OpinionReply.Date)
		a.keep(err)
		a.due(rules.Agency, "sign the agreement with the obligor", dl, false)
		return
	}
	a.promptly(rules.Agency, "sign the agreement with the obligor", rules.Art(18).Para(1), c.Since)
}

func (a *agenda) consulting() {
	c := &a.c
	if len(c.Reviews) < len(c.Objections) {
		o := c.Objections[len(c.Reviews)]
		a.promptly(rules.Agency, "have the assessment explained or reviewed by "+
			"experts", rules.Art(16), o.Date)
	}
	if i := c.pendingMeeting(); i >= 0 {
		s := c.Meetings[i].Scheduled
		a.items = append(a.items, Item{Party: rules.Agency, Action: "hold the " +
			"consultation meeting", Citation: rules.Art(14), Trigger: s.Date,
			Due: s.MeetingDate, Overdue: a.day > s.MeetingDate})
		return
	}
	held, last := c.heldMeetings()
	if held == 0 {
		a.promptly(rules.Agency, "organize the consultation meeting and tell the "+
			"obligor in advance", rules.Art(12).Para(1), c.Since)
		return
	}
	dec, err := a.g.rules.NextRound(rules.RoundFacts{Held: held, LastMeeting: last,
		Designation: c.Designation, Proposed: last + 1})
	if err != nil {
		a.keep(err)
		return
	}
	a.due(rules.Agency, "hold the next meeting within the usual gap (a later "+
		"day needs a recorded reason)", dec.Latest, false)
}

func (a *agenda) agreement() {
	c := &a.c
	a.reports()
	if c.Stage == Signed && c.ConfirmationApplied == 0 {
		dl, err := a.g.rules.ConfirmationDeadline(c.Agreement.Effective)
		a.keep(err)
		if err == nil && a.day <= dl.End {
			a.due(rules.EitherParty, "apply to the court for judicial confirmation", dl, true)
		}
	}
	a.steps()
}

// reports lists the agency's duties to report and publish an agreement.
func (a *agenda) reports() {
	c := &a.c
	if c.ReportedProcuratorate == 0 {
		a.promptly(rules.Agency, "inform the procuratorate of the agreement",
			rules.Art(18).Para(1), c.Agreement.Date)
	}
	if c.ReportedFinance == 0 {
		a.promptly(rules.Agency, "inform the finance department of the agreement",
			rules.Art(18).Para(1), c.Agreement.Date)
	}
	if c.Disclosed == 0 {
		a.promptly(rules.Agency, "publish the consultation and the agreement",
			rules.Art(26), c.Agreement.Date)
	}
}

func (a *agenda) steps() {
	c := &a.c
	for i, s := range c.Agreement.Steps {
		if i < len(c.StepsDone) && c.StepsDone[i] != 0 {
			continue
		}
		last, err := a.g.lastDay(s.Due)
		a.keep(err)
		a.items = append(a.items, Item{Party: rules.Obligor, Action: s.Description,
			Citation: rules.Art(21), Trigger: c.Agreement.Effective, Due: last,
			Overdue: err == nil && a.day > last})
	}
}
