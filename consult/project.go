package consult

import (
	"cmp"
	"slices"

	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
)

// A Milestone is a step still ahead of a case, with the latest day it can
// come if every party uses its full time.
type Milestone struct {
	Step     string // in English
	Latest   date.Date
	Citation rules.Citation
	// Assumed marks a step the measures give no period for ("promptly"):
	// the projection puts it on the day of the step before.
	Assumed bool
	// Provisional marks a day the provisional calendar rule gave.
	Provisional bool
}

// Project returns the rest of the procedure from day, along the longest
// road to a performed agreement: every reply on its last day, an
// objection rather than an acceptance, and every meeting the rules allow,
// each on the last day of the usual gap. A case on its way to court gets
// the lawsuit instead. An official sees the whole road at once; each
// event recorded later shortens it.
func (g *Engine) Project(c Case, day date.Date) ([]Milestone, error) {
	c, err := g.At(c, day)
	if err != nil {
		return nil, err
	}
	if c.Stage.Closed() {
		return nil, nil
	}
	p := projection{g: g, t: max(day, c.Since), day: day}
	err = p.run(&c)
	slices.SortStableFunc(p.out, func(a, b Milestone) int { return cmp.Compare(a.Latest, b.Latest) })
	return p.out, err
}

type projection struct {
	day date.Date // the day projected from
	g   *Engine
	t   date.Date // the day the road has reached
	out []Milestone
}

func (p *projection) assumed(step string, c rules.Citation) {
	p.out = append(p.out, Milestone{Step: step, Latest: p.t, Citation: c, Assumed: true})
}

func (p *projection) at(step string, dl rules.Deadline) {
	p.t = max(p.t, dl.End)
	p.out = append(p.out, Milestone{Step: step, Latest: dl.End, Citation: dl.Citation,
		Provisional: dl.Provisional})
}

func (p *projection) run(c *Case) error {
	r := p.g.rules
	stage := c.Stage
	switch stage {
	case Failed, Reneged:
		p.assumed("file a compensation lawsuit", rules.Art(20))
		return nil
	case Defaulted:
		p.assumed("apply to the court for enforcement", rules.Art(22))
		return nil
	case Investigating:
		p.assumed("serve the consultation notice", rules.Art(8).Para(3))
		stage = AwaitingConsent
	}
	if stage == AwaitingConsent {
		served := p.t
		if c.Notice != nil {
			served = c.Notice.Date
		}
		dl, err := r.NoticeReplyDeadline(served)
		if err != nil {
			return err
		}
		p.at("obligor consents to consult", dl)
		stage = Preparing
	}
	if stage == Preparing {
		p.assumed("serve the opinion letter", rules.Art(9))
		stage = AwaitingReply
	}
	if stage == AwaitingReply {
		received, stated := p.t, 0
		if c.Opinion != nil {
			received, stated = c.Opinion.Date, c.Opinion.ReplyWorkdays
		}
		dl, err := r.OpinionReplyDeadline(received, stated)
		if err != nil {
			return err
		}
		p.at("obligor objects and asks to consult", dl)
		stage = Consulting
	}
	if stage == Consulting {
		if err := p.meetings(c); err != nil {
			return err
		}
		stage = AwaitingSignature
	}
	if stage == AwaitingSignature {
		if err := p.signing(c); err != nil {
			return err
		}
		stage = Signed
	}
	return p.afterSigning(c, stage)
}

// meetings projects the meetings left, each on the last day of the usual
// gap after the one before.
func (p *projection) meetings(c *Case) error {
	r := p.g.rules
	held, last := c.heldMeetings()
	designated := c.Designation != nil
	limit := r.MaxRounds(designated)
	if i := c.pendingMeeting(); i >= 0 {
		last = c.Meetings[i].Scheduled.MeetingDate
		held++
		p.t = max(p.t, last)
		p.out = append(p.out, Milestone{Step: "consultation meeting", Latest: last,
			Citation: rules.Art(14)})
	} else if held == 0 {
		p.assumed("first consultation meeting", rules.Art(12).Para(1))
		last, held = p.t, 1
	}
	for ; held < limit; held++ {
		dl, err := r.NextRound(rules.RoundFacts{Held: held, LastMeeting: last,
			Designation: c.Designation, Proposed: last + 1})
		if err != nil {
			return err
		}
		p.at("next consultation meeting", dl.Latest)
		last = dl.Latest.End
	}
	return nil
}

func (p *projection) signing(c *Case) error {
	if c.OpinionReply != nil && c.OpinionReply.Answer == rules.Accept && len(c.Meetings) == 0 {
		dl, err := p.g.rules.SigningDeadline(c.OpinionReply.Date)
		if err != nil {
			return err
		}
		p.at("sign the agreement", dl)
		return nil
	}
	p.assumed("sign the agreement", rules.Art(18).Para(1))
	return nil
}

func (p *projection) afterSigning(c *Case, stage Stage) error {
	effective := p.t
	if c.Agreement != nil {
		effective = c.Agreement.Effective
	}
	if stage == Signed && c.ConfirmationApplied == 0 {
		dl, err := p.g.rules.ConfirmationDeadline(effective)
		if err != nil {
			return err
		}
		// Once the option has lapsed, nothing of it lies ahead.
		if dl.End >= p.day {
			p.out = append(p.out, Milestone{Step: "last day to apply for judicial " +
				"confirmation", Latest: dl.End, Citation: dl.Citation, Provisional: dl.Provisional})
		}
	}
	if c.Agreement == nil {
		p.assumed("perform the agreement's steps by their due days", rules.Art(21))
		return nil
	}
	for i, s := range c.Agreement.Steps {
		if i < len(c.StepsDone) && c.StepsDone[i] != 0 {
			continue
		}
		// A step due on a day off may be done on the next working day, as
		// At and Agenda count it.
		last, err := p.g.lastDay(s.Due)
		if err != nil {
			return err
		}
		p.out = append(p.out, Milestone{Step: s.Description, Latest: last,
			Citation: rules.Art(21)})
	}
	return nil
}
