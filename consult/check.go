package consult

import (
	"fmt"
	"slices"

	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
)

// filled reports whether s has a visible character, as package rules
// decides for every required text.
func filled(s string) bool { return !rules.Blank(s) }

// actorsFor lists who may perform each type of event. A proxy acts for
// the obligor only within its power of attorney (Art. 13).
func actorsFor(t EventType) []Actor {
	switch t {
	case TypeAssessmentIssued:
		return []Actor{Institution, ExpertPanel}
	case TypeNoticeReplied, TypeOpinionReplied, TypeAssessmentObjected:
		return []Actor{Obligor, Proxy}
	case TypeProxyAuthorized, TypeObligorReneged, TypePerformanceDone:
		return []Actor{Obligor}
	case TypeAgreementSigned, TypeConfirmationApplied:
		return []Actor{Agency, Obligor, Proxy}
	case TypeConfirmationDecided:
		return []Actor{Court}
	case TypeEvidencePreserved:
		return []Actor{Agency, Obligor, Proxy, Procuratorate}
	}
	return []Actor{Agency}
}

// checkHeader checks what every event needs: a day in the years that
// firstDay and lastDay bound, no earlier than last, the day of the case's
// last event, and an actor who may perform it.
func (g *Engine) checkHeader(e Event, h Header, last date.Date) error {
	switch {
	case h.Date == 0:
		return reject(e, "date", rules.Citation{}, ErrMissingField, "give the day of the event")
	case h.Date < firstDay || h.Date > lastDay:
		return reject(e, "date", rules.Citation{}, ErrInvalidField,
			"%s is outside the years %d to %d that a case can fall in; check the year",
			h.Date, firstDay.Year(), lastDay.Year())
	case h.Actor == 0:
		return reject(e, "actor", rules.Citation{}, ErrMissingField,
			"give the actor: one of %v", actorsFor(e.Type()))
	case h.Date < last:
		return reject(e, "date", rules.Citation{}, ErrOutOfOrder,
			"%s is before the last event, on %s; record events in date order",
			h.Date, last)
	case !slices.Contains(actorsFor(e.Type()), h.Actor):
		return reject(e, "actor", rules.Citation{}, ErrNoStanding,
			"%s cannot record %s; the actors are %v", h.Actor, e.Type(), actorsFor(e.Type()))
	case h.Actor == Proxy && !filled(h.Proxy):
		return reject(e, "proxy", rules.Art(13), ErrMissingField, "name the proxy")
	case h.Actor != Proxy && h.Proxy != "":
		return reject(e, "proxy", rules.Art(13), ErrInvalidField,
			"proxy %q is given, but the actor is %s; set the actor to proxy or "+
				"leave proxy out", h.Proxy, h.Actor)
	}
	return nil
}

// firstDay and lastDay bound the days of events. The measures date from
// 2020 and China's holiday notices in their present form from 2008, so a
// day before 2000 or after 2099 is taken for a typing error in the year.
const (
	firstDay = date.Date(730119) // 2000-01-01
	lastDay  = date.Date(766643) // 2099-12-31
)

// actFor is the Art. 13 act an event by a proxy performs.
func actFor(e Event) rules.ProxyAct {
	switch ev := e.(type) {
	case NoticeReplied:
		return rules.ActReplyToNotice
	case OpinionReplied:
		if ev.Answer == rules.Accept {
			return rules.ActAgreeAndSign
		}
		return rules.ActReplyToOpinion
	case AssessmentObjected:
		return rules.ActObjectToAssessment
	case AgreementSigned:
		return rules.ActAgreeAndSign
	}
	return rules.ActAttendMeeting
}

// checkStanding checks a proxy's power of attorney for the act (Art. 13).
func (g *Engine) checkStanding(c *Case, e Event, h Header) error {
	if h.Actor != Proxy {
		return nil
	}
	var auth *ProxyAuthorized
	for i := range c.Proxies {
		if c.Proxies[i].ProxyName == h.Proxy {
			auth = &c.Proxies[i]
		}
	}
	if auth == nil {
		return reject(e, "proxy", rules.Art(13), ErrNoStanding,
			"no power of attorney for %q is on file; record proxy_authorized first", h.Proxy)
	}
	// CheckProxy's error covers every problem that its result lists.
	_, err := rules.CheckProxy(c.proxyPapers(auth), rules.ProxyRequest{Act: actFor(e),
		Matter: c.Number, Day: h.Date})
	if err != nil {
		ee := wrapRule(e, "proxy", err).(*EventError)
		ee.Err = errorsJoin(ErrNoStanding, err)
		return ee
	}
	return nil
}

// proxyPapers converts a recorded authorization into the facts of Art. 13.
func (c *Case) proxyPapers(a *ProxyAuthorized) rules.ProxyPapers {
	kind, _ := c.Obligor.Kind.rules()
	var acts []rules.ProxyAct
	for _, x := range a.Acts {
		if r, ok := x.rules(); ok {
			acts = append(acts, r)
		}
	}
	return rules.ProxyPapers{
		Obligor:              kind,
		ObligorIDCopy:        a.ObligorIDCopy,
		OrganizationLicence:  a.OrganizationLicence,
		RepresentativeIDCopy: a.RepresentativeIDCopy,
		ProxyIDCopy:          a.ProxyIDCopy,
		PowerOfAttorney: rules.PowerOfAttorney{
			Received: a.PowerOfAttorney, Matters: a.Matters, From: a.From,
			Until: a.Until, Powers: rules.AttorneyPowers{General: a.General, Acts: acts},
		},
	}
}

// replyInTime reports whether e is a reply that meets its deadline, so
// it is judged before the deadline's consequence.
//
// NOTE: this holds only while the case still awaits the reply. A reply
// posted in time finds the case already failed, and is kept as late, when
// another event was recorded after the deadline first. So the host must
// record such a reply before any later event for it to count.
func (g *Engine) replyInTime(c *Case, e Event) bool {
	switch ev := e.(type) {
	case NoticeReplied:
		if c.Stage != AwaitingConsent || c.Notice == nil {
			return false
		}
		dl, err := g.rules.NoticeReplyDeadline(c.Notice.Date)
		return err == nil && g.rules.InTime(ev.reply(), dl)
	case OpinionReplied:
		if c.Stage != AwaitingReply || c.Opinion == nil {
			return false
		}
		dl, err := g.rules.OpinionReplyDeadline(c.Opinion.Date, c.Opinion.ReplyWorkdays)
		return err == nil && g.rules.InTime(ev.reply(), dl)
	}
	return false
}

func (r NoticeReplied) reply() rules.Reply {
	return rules.Reply{Received: r.Date, Delivery: r.Delivery, Posted: r.Posted}
}

func (r OpinionReplied) reply() rules.Reply {
	return rules.Reply{Received: r.Date, Delivery: r.Delivery, Posted: r.Posted}
}

// At returns the case as it is on day: a deadline that passed by then
// without the awaited act has its consequence. Silence on the notice
// counts as refusal (Art. 8(3)), no reply to the opinion letter ends
// consultation (Art. 17(1)(2)), and a step of a confirmed agreement left
// undone past its due day calls for enforcement (Art. 22). c is not
// changed. A day before the case's last event returns c with an error
// that wraps ErrOutOfOrder. A case that At already moved past day is
// first rebuilt from its events, so the result does not depend on earlier
// calls.
func (g *Engine) At(c Case, day date.Date) (Case, error) {
	if err := g.checkDay(&c, day); err != nil {
		return c, err
	}
	out, err := g.settled(c, day)
	if err != nil {
		return c, err
	}
	err = g.at(&out, day, false)
	return out, err
}

// checkDay rejects a zero engine, an empty case, and a day before the
// case's last event, which the case cannot describe: its events after that
// day would have to be undone.
func (g *Engine) checkDay(c *Case, day date.Date) error {
	switch {
	case g == nil || g.entries == nil:
		return ErrZeroEngine
	case len(c.Events) == 0:
		return ErrEmptyCase
	}
	if err := checkEvents(c); err != nil {
		return err
	}
	switch {
	case day < c.lastDate():
		return fmt.Errorf("consult: %w: %s is before the case's last event on %s; "+
			"replay only the events up to that day", ErrOutOfOrder, day, c.lastDate())
	}
	return nil
}

// at moves *c through the deadline consequences due by day.
func (g *Engine) at(c *Case, day date.Date, owned bool) error {
	for {
		tr, since, ok, err := g.lapse(c, day)
		if err != nil || !ok {
			return err
		}
		c.change(since, TypeDeadlinePassed, tr.Branch, tr.To, tr.Citation, owned)
	}
}

// lapse finds the next deadline consequence due by day, if any.
func (g *Engine) lapse(c *Case, day date.Date) (*Transition, date.Date, bool, error) {
	var branch string
	var since date.Date
	switch c.Stage {
	case AwaitingConsent:
		dl, err := g.rules.NoticeReplyDeadline(c.Notice.Date)
		if err != nil {
			return nil, 0, false, err
		}
		branch, since = "no answer", dl.End+1
	case AwaitingReply:
		dl, err := g.rules.OpinionReplyDeadline(c.Opinion.Date, c.Opinion.ReplyWorkdays)
		if err != nil {
			return nil, 0, false, err
		}
		branch, since = "no reply", dl.End+1
	case Confirmed:
		due, ok := c.firstOpenStep()
		if !ok {
			return nil, 0, false, nil
		}
		last, err := g.lastDay(due)
		if err != nil {
			return nil, 0, false, err
		}
		branch, since = "step overdue", last+1
	default:
		return nil, 0, false, nil
	}
	// A consequence cannot take effect before the stage it ends began: a
	// step due before the court confirmed the agreement is overdue from
	// the confirmation on.
	since = max(since, c.Since)
	if day < since {
		return nil, 0, false, nil
	}
	tr := g.find(c.Stage, TypeDeadlinePassed, branch)
	return tr, since, tr != nil, nil
}

// lastDay returns the last day to perform a step due on due. Decision:
// the rule of Civil Code Art. 203 that moves the end of a period off a
// day off applies to a performance deadline too, so a step due on a
// holiday may be performed on the next working day.
func (g *Engine) lastDay(due date.Date) (date.Date, error) {
	p, err := g.rules.Calendar().DaysFrom(due-1, 1)
	if err != nil {
		return 0, err
	}
	return p.End, nil
}

// firstOpenStep returns the earliest due day among the steps not done.
func (c *Case) firstOpenStep() (date.Date, bool) {
	if c.Agreement == nil {
		return 0, false
	}
	var due date.Date
	for i, s := range c.Agreement.Steps {
		if i < len(c.StepsDone) && c.StepsDone[i] != 0 {
			continue
		}
		if due == 0 || s.Due < due {
			due = s.Due
		}
	}
	return due, due != 0
}
