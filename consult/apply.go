package consult

import (
	"errors"
	"math"
	"slices"

	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
)

// check validates an event's own fields against the case, and returns the
// outcome that selects its transition.
func (g *Engine) check(c *Case, e Event) (string, error) {
	switch ev := e.(type) {
	case InvestigationStarted:
		return "", reject(e, "type", rules.Art(8).Para(1), ErrWrongStage,
			"the case was opened on %s", c.Investigation)
	case AssessmentIssued:
		return g.checkAssessment(c, ev)
	case NoticeReplied:
		return g.checkNoticeReply(c, ev)
	case OpinionServed:
		if err := rules.CheckOpinionLetterBasis(len(c.Assessments) > 0, false); err != nil {
			return "", wrapRule(e, "type", err)
		}
		if least := g.rules.Params().OpinionReplyWorkdays; ev.ReplyWorkdays < least {
			return "", reject(e, "reply_workdays", rules.Art(10).Para(3),
				rules.ErrReplyLimitTooShort, "the letter gives %d working days; "+
					"the obligor has at least %d", ev.ReplyWorkdays, least)
		}
		if ev.Amount < 0 {
			return "", reject(e, "amount_fen", rules.Art(10).ItemOf(4), ErrInvalidField,
				"amount %s is negative", ev.Amount)
		}
		if ev.Amount == 0 {
			return "", reject(e, "amount_fen", rules.Art(10).ItemOf(4), ErrMissingField,
				"state the amount of compensation")
		}
		// The deadline must be countable now, or every later event of the
		// case would fail on it.
		if _, err := g.rules.OpinionReplyDeadline(ev.Date, ev.ReplyWorkdays); err != nil {
			return "", wrapRule(e, "reply_workdays", err)
		}
	case OpinionReplied:
		return g.checkOpinionReply(c, ev)
	case CaseDesignated:
		if c.Designation != nil {
			return "", reject(e, "", rules.Art(15), ErrInvalidField,
				"the case was designated on %s already", c.Designation.On)
		}
		if _, err := rules.Designate(ev.Date, ev.Reason); err != nil {
			return "", wrapRule(e, "reason", err)
		}
	case MeetingHeld:
		return g.checkMeeting(c, ev)
	case AssessmentObjected:
		if err := rules.CheckObjection(rules.Objection{Evidence: ev.Evidence}); err != nil {
			return "", wrapRule(e, "evidence", err)
		}
	case AssessmentReviewed:
		if len(c.Reviews) >= len(c.Objections) {
			return "", reject(e, "", rules.Art(16), ErrWrongStage,
				"no objection waits for review")
		}
		if ev.Method != "explanation" && ev.Method != "expert_review" {
			return "", reject(e, "method", rules.Art(16), ErrInvalidField,
				"method %q: want explanation or expert_review", ev.Method)
		}
	case ProxyAuthorized:
		return "", checkAuthorization(ev)
	case ConsultationTerminated:
		switch ev.Item {
		case 1, 3, 4, 6, 7:
		default:
			return "", reject(e, "item", rules.Art(17), ErrInvalidField,
				"item %d: record item 1, 3, 4, 6 or 7; items 2 and 5 follow "+
					"from dates and counts", ev.Item)
		}
		if !filled(ev.Reason) {
			return "", reject(e, "reason", rules.Art(17).ItemOf(ev.Item),
				ErrMissingField, "record the reason")
		}
	case ConsultationHalted:
		conduct, ok := ev.Conduct.rules()
		if !ok {
			return "", reject(e, "conduct", rules.Art(24), ErrInvalidField,
				"conduct %q: want interference, false_materials or other_unlawful", ev.Conduct)
		}
		if _, err := rules.Halt(rules.HaltGround{Conduct: conduct, Description: ev.Detail}); err != nil {
			return "", wrapRule(e, "detail", err)
		}
	case AgreementSigned:
		return "", checkAgreement(ev)
	case AgreementReported:
		return "", checkReported(c, ev)
	case ConfirmationApplied:
		return "", g.checkConfirmationApplied(c, ev)
	case ConfirmationDecided:
		if c.ConfirmationApplied == 0 || c.ConfirmationDecided != nil {
			return "", reject(e, "", rules.Art(19), ErrWrongStage,
				"no application for judicial confirmation waits for a ruling")
		}
		if ev.Confirmed {
			return "confirmed", nil
		}
		return "not confirmed", nil
	case PerformanceDone:
		return checkPerformance(c, ev)
	case EvidencePreserved:
		err := rules.CheckPreservation(rules.PreservationRequest{
			Applicant: ev.Actor.String(), Evidence: ev.Evidence, Risk: ev.Risk})
		if err != nil {
			return "", wrapRule(e, "evidence", err)
		}
	}
	return "", nil
}

func (g *Engine) checkAssessment(c *Case, ev AssessmentIssued) (string, error) {
	switch {
	case ev.Route == RouteReport && ev.Actor != Institution,
		ev.Route == RouteExperts && ev.Actor != ExpertPanel:
		return "", reject(ev, "actor", rules.Art(8), ErrNoStanding,
			"a %s comes from the %s", ev.Route, map[Route]Actor{
				RouteReport: Institution, RouteExperts: ExpertPanel}[ev.Route])
	case ev.Route != RouteReport && ev.Route != RouteExperts:
		return "", reject(ev, "route", rules.Art(8), ErrInvalidField,
			"route %q: want report or expert_opinion", ev.Route)
	case ev.Experts < 0:
		return "", reject(ev, "experts", rules.Art(8).Para(2), ErrInvalidField,
			"%d experts is negative", ev.Experts)
	case ev.Route == RouteExperts && ev.Experts < g.rules.Params().MinExperts:
		return "", reject(ev, "experts", rules.Art(8).Para(2), rules.ErrTooFewExperts,
			"%d experts; the panel needs at least %d", ev.Experts, g.rules.Params().MinExperts)
	case ev.Amount < 0:
		return "", reject(ev, "amount_fen", rules.Art(8).Para(1), ErrInvalidField,
			"amount %s is negative", ev.Amount)
	}
	if !ev.Corrected && ev.Route == RouteExperts {
		return "experts", nil
	}
	if !ev.Corrected {
		return "", nil
	}
	upheld := slices.ContainsFunc(c.Reviews, func(r AssessmentReviewed) bool { return r.Upheld })
	if !upheld {
		return "", reject(ev, "corrected", rules.Art(16), ErrWrongStage,
			"no review found the assessment wrong; a corrected report follows one")
	}
	return "corrected", nil
}

func (g *Engine) checkNoticeReply(c *Case, ev NoticeReplied) (string, error) {
	if c.Notice == nil {
		return "", reject(ev, "", rules.Art(8).Para(3), ErrWrongStage, "no notice was served")
	}
	reply := rules.NoticeReply{Reply: ev.reply(), Consent: ev.Consent}
	out, err := g.rules.NoticeOutcome(c.Notice.Date, &reply, ev.Date)
	if err != nil {
		return "", wrapRule(ev, replyField(reply.Reply, c.Notice.Date, "consent"), err)
	}
	switch out.Outcome {
	case rules.NoticeConsented:
		return "consent", nil
	case rules.NoticeRefused:
		return "refuse", nil
	}
	return "late", nil
}

func (g *Engine) checkOpinionReply(c *Case, ev OpinionReplied) (string, error) {
	if c.Opinion == nil {
		return "", reject(ev, "", rules.Art(10).Para(3), ErrWrongStage, "no opinion letter was served")
	}
	reply := rules.OpinionReply{Reply: ev.reply(), Answer: ev.Answer}
	out, err := g.rules.OpinionOutcome(c.Opinion.Date, c.Opinion.ReplyWorkdays, &reply, ev.Date)
	if err != nil {
		return "", wrapRule(ev, replyField(reply.Reply, c.Opinion.Date, "answer"), err)
	}
	switch out.Outcome {
	case rules.OpinionAccepted:
		return "accept", nil
	case rules.OpinionObjected:
		return "object", nil
	case rules.OpinionRefused:
		return "refuse", nil
	}
	return "late", nil
}

// planField names the JSON field of MeetingScheduled that an error of
// rules.CheckMeetingPlan is about: the first item missing, or else the
// meeting date, which a notice on or after it breaks.
//
// NOTE: it matches the English item names that rules gives, so a renamed
// item falls back to meeting_date. TestBadFieldsNamed guards the names.
func planField(err error) string {
	var inc *rules.IncompleteError
	if !errors.As(err, &inc) || len(inc.Missing) == 0 {
		return "meeting_date"
	}
	switch inc.Missing[0].Name {
	case "host":
		return "host"
	case "recorder":
		return "recorder"
	case "place or online link":
		return "place"
	case "notice to the obligor":
		return "date"
	}
	return "meeting_date"
}

// replyField names the JSON field of a reply that a rules error is about:
// the delivery method, the postmark, the day, or else outcome, the field
// of the reply's content. It tests in the order that package rules checks
// a reply, where served is the day the document was served.
func replyField(r rules.Reply, served date.Date, outcome string) string {
	switch {
	case r.Delivery == 0 || r.Delivery > rules.Electronically:
		return "delivery"
	case r.Received < served:
		return "date"
	case r.Delivery != rules.ByPost && r.Posted != 0,
		r.Delivery == rules.ByPost && (r.Posted == 0 || r.Posted > r.Received || r.Posted < served):
		return "posted"
	}
	return outcome
}

// checkSchedule checks a meeting's plan (Art. 12) and, after a first
// round, its date against Art. 15. It returns the warning of a date past
// the usual gap, which the agency has given a reason for.
func (g *Engine) checkSchedule(c *Case, ev MeetingScheduled) (*rules.Warning, error) {
	// A meeting not yet held may be moved: the new schedule replaces it.
	plan := rules.MeetingPlan{Host: ev.Host, Recorder: ev.Recorder, Invitees: ev.Invitees,
		Date: ev.MeetingDate, Place: ev.Place, Online: ev.Online, ObligorNotified: ev.Date}
	if err := rules.CheckMeetingPlan(plan); err != nil {
		return nil, wrapRule(ev, planField(err), err)
	}
	held, last := c.heldMeetings()
	if held == 0 {
		return nil, nil
	}
	dec, err := g.rules.NextRound(rules.RoundFacts{Held: held, LastMeeting: last,
		Designation: c.Designation, Proposed: ev.MeetingDate, Reason: ev.Reason})
	if err != nil {
		return nil, wrapRule(ev, "meeting_date", err)
	}
	return dec.Warning, nil
}

func (g *Engine) checkMeeting(c *Case, ev MeetingHeld) (string, error) {
	i := c.pendingMeeting()
	if i < 0 {
		return "", reject(ev, "", rules.Art(12).Para(1), ErrWrongStage,
			"no meeting is scheduled; record meeting_scheduled first")
	}
	if want := c.Meetings[i].Scheduled.MeetingDate; ev.Date != want {
		return "", reject(ev, "date", rules.Art(12).Para(1), ErrInvalidField,
			"the meeting was scheduled for %s; record a new meeting_scheduled, "+
				"which replaces it, to hold it on %s", want, ev.Date)
	}
	switch ev.Outcome {
	case Agreed:
		if ev.Continue {
			return "", reject(ev, "continue", rules.Art(15), ErrInvalidField,
				"continue is for a meeting without agreement; leave it out when the parties agreed")
		}
		return "agreed", nil
	case Absent, WalkedOut:
		if filled(ev.GoodReason) {
			return "excused", nil
		}
		return "absent or walked out", nil
	case NotAgreed:
	default:
		return "", reject(ev, "outcome", rules.Art(14), ErrInvalidField,
			"outcome %q: want agreed, not_agreed, absent or walked_out", ev.Outcome)
	}
	held, _ := c.heldMeetings()
	p := g.rules.Params()
	designated := c.Designation != nil && (held+1 < p.MaxRounds || c.Designation.On <= ev.Date)
	switch {
	case held+1 >= g.rules.MaxRounds(designated):
		return "round limit", nil
	case ev.Continue:
		return "continue", nil
	}
	return "no wish to continue", nil
}

func checkAuthorization(ev ProxyAuthorized) error {
	if !filled(ev.ProxyName) {
		return reject(ev, "proxy_name", rules.Art(13), ErrMissingField, "name the proxy")
	}
	if ev.From != 0 && ev.Until != 0 && ev.Until < ev.From {
		return reject(ev, "until", rules.Art(13), ErrInvalidField,
			"the power of attorney ends on %s, before it starts on %s; check both days",
			ev.Until, ev.From)
	}
	for _, a := range ev.Acts {
		if _, ok := a.rules(); !ok {
			return reject(ev, "acts", rules.Art(13), ErrInvalidField,
				"act %q: want reply_notice, reply_opinion, attend_meeting, "+
					"object_assessment, agree_and_sign or receive_documents", a)
		}
	}
	return nil
}

func checkAgreement(ev AgreementSigned) error {
	switch {
	case ev.Effective == 0:
		return reject(ev, "effective", rules.Art(19), ErrMissingField,
			"give the day the agreement takes effect")
	case ev.Effective < ev.Date:
		return reject(ev, "effective", rules.Art(19), ErrInvalidField,
			"takes effect %s, before it was signed on %s", ev.Effective, ev.Date)
	case len(ev.Steps) == 0:
		return reject(ev, "steps", rules.Art(18).Para(2).ItemOf(4), ErrMissingField,
			"list how and by when liability is met")
	case ev.Amount < 0:
		return reject(ev, "amount_fen", rules.Art(18).Para(2), ErrInvalidField,
			"amount %s is negative", ev.Amount)
	}
	var sum rules.Amount
	for i, s := range ev.Steps {
		if s.Amount > 0 && sum > math.MaxInt64-s.Amount {
			return reject(ev, "steps", rules.Art(21), ErrInvalidField,
				"step %d makes the payments overflow; amounts are in fen", i+1)
		}
		sum += s.Amount
	}
	if sum != 0 && sum != ev.Amount {
		return reject(ev, "steps", rules.Art(18).Para(2).ItemOf(4), ErrInvalidField,
			"the steps' payments add up to %s, the agreement's amount is %s", sum, ev.Amount)
	}
	for i, s := range ev.Steps {
		if !filled(s.Description) || s.Due == 0 {
			return reject(ev, "steps", rules.Art(18).Para(2).ItemOf(4), ErrMissingField,
				"step %d needs a description and a due day", i+1)
		}
		if s.Due < ev.Effective {
			return reject(ev, "steps", rules.Art(21), ErrInvalidField,
				"step %d is due %s, before the agreement takes effect on %s",
				i+1, s.Due, ev.Effective)
		}
		if s.Amount < 0 {
			return reject(ev, "steps", rules.Art(21), ErrInvalidField,
				"step %d has a negative amount", i+1)
		}
	}
	return nil
}

func checkReported(c *Case, ev AgreementReported) error {
	var done bool
	switch ev.To {
	case ToProcuratorate:
		done = c.ReportedProcuratorate != 0
	case ToFinance:
		done = c.ReportedFinance != 0
	default:
		return reject(ev, "to", rules.Art(18).Para(1), ErrInvalidField,
			"recipient %q: want procuratorate or finance", ev.To)
	}
	if done {
		return reject(ev, "to", rules.Art(18).Para(1), ErrInvalidField,
			"the %s was informed already", ev.To)
	}
	return nil
}

func (g *Engine) checkConfirmationApplied(c *Case, ev ConfirmationApplied) error {
	if c.ConfirmationApplied != 0 {
		return reject(ev, "", rules.Art(19), ErrWrongStage,
			"an application was made on %s already", c.ConfirmationApplied)
	}
	if ev.Date < c.Agreement.Effective {
		return reject(ev, "date", rules.Art(19), ErrInvalidField,
			"the agreement takes effect on %s", c.Agreement.Effective)
	}
	dl, err := g.rules.ConfirmationDeadline(c.Agreement.Effective)
	if err != nil {
		return wrapRule(ev, "date", err)
	}
	if ev.Date > dl.End {
		return reject(ev, "date", rules.Art(19), ErrInvalidField,
			"the period to apply ended on %s", dl.End)
	}
	return nil
}

func checkPerformance(c *Case, ev PerformanceDone) (string, error) {
	steps := c.Agreement.Steps
	if ev.Step < 1 || ev.Step > len(steps) {
		return "", reject(ev, "step", rules.Art(21), ErrInvalidField,
			"step %d: the agreement has steps 1 to %d", ev.Step, len(steps))
	}
	if ev.Step <= len(c.StepsDone) && c.StepsDone[ev.Step-1] != 0 {
		return "", reject(ev, "step", rules.Art(21), ErrInvalidField,
			"step %d was done on %s", ev.Step, c.StepsDone[ev.Step-1])
	}
	open := 0
	for i := range steps {
		if i+1 != ev.Step && (i >= len(c.StepsDone) || c.StepsDone[i] == 0) {
			open++
		}
	}
	if open == 0 {
		return "last step", nil
	}
	return "step", nil
}

// record stores an accepted event's facts in the case. Slices are copied
// before they grow, so the case Apply was given keeps its own.
func (g *Engine) record(c *Case, e Event, h Header, own *replayStore) {
	owned := own != nil
	switch ev := e.(type) {
	case ProcuratorateInformed:
		if c.ProcuratorateInformed == 0 {
			c.ProcuratorateInformed = h.Date
		}
	case AssessmentIssued:
		c.Assessments = grow(owned, c.Assessments, ev)
	case NoticeServed:
		c.Notice = keep(own, func(f *caseFacts) *NoticeServed { return &f.notice }, ev)
	case NoticeReplied:
		if c.NoticeReply == nil {
			c.NoticeReply = keep(own, func(f *caseFacts) *NoticeReplied { return &f.noticeReply }, ev)
		}
	case OpinionServed:
		c.Opinion = keep(own, func(f *caseFacts) *OpinionServed { return &f.opinion }, ev)
	case OpinionReplied:
		if c.OpinionReply == nil {
			c.OpinionReply = keep(own, func(f *caseFacts) *OpinionReplied { return &f.opinionReply }, ev)
		}
	case CaseDesignated:
		c.Designation = keep(own, func(f *caseFacts) *rules.Designation { return &f.designation },
			rules.Designation{On: h.Date, Reason: ev.Reason})
	case MeetingScheduled:
		if i := c.pendingMeeting(); i >= 0 {
			// The postponed meeting is replaced. Unless owned, grow copies.
			c.Meetings = c.Meetings[:i]
		}
		c.Meetings = grow(owned, c.Meetings, Meeting{Scheduled: ev})
	case MeetingHeld:
		i := c.pendingMeeting()
		if !owned {
			c.Meetings = slices.Clone(c.Meetings)
		}
		c.Meetings[i].Held = keep(own, (*caseFacts).nextHeld, ev)
	case AssessmentObjected:
		c.Objections = grow(owned, c.Objections, ev)
	case AssessmentReviewed:
		c.Reviews = grow(owned, c.Reviews, ev)
	case ProxyAuthorized:
		c.Proxies = grow(owned, c.Proxies, ev)
	case ConsultationTerminated:
		c.Termination = keep(own, func(f *caseFacts) *ConsultationTerminated { return &f.termination }, ev)
	case ConsultationHalted:
		c.Halt = keep(own, func(f *caseFacts) *ConsultationHalted { return &f.halt }, ev)
	case AgreementSigned:
		c.Agreement = keep(own, func(f *caseFacts) *AgreementSigned { return &f.agreement }, ev)
		c.StepsDone = make([]date.Date, len(ev.Steps))
	case AgreementReported:
		if ev.To == ToProcuratorate {
			c.ReportedProcuratorate = h.Date
		} else {
			c.ReportedFinance = h.Date
		}
	case DisclosurePublished:
		if c.Disclosed == 0 {
			c.Disclosed = h.Date
		}
	case ConfirmationApplied:
		c.ConfirmationApplied = h.Date
	case ConfirmationDecided:
		c.ConfirmationDecided = keep(own, func(f *caseFacts) *ConfirmationDecided { return &f.decided }, ev)
	case ObligorReneged:
		c.RenegedOn = h.Date
	case PerformanceDone:
		if !owned {
			c.StepsDone = slices.Clone(c.StepsDone)
		}
		c.StepsDone[ev.Step-1] = h.Date
	case EnforcementApplied:
		c.EnforcementApplied = h.Date
	case EvidencePreserved:
		c.Preservations = grow(owned, c.Preservations, ev)
	case LawsuitFiled:
		c.LawsuitFiled = h.Date
	}
}

// A replayStore is the storage that Replay keeps beside the case it
// builds.
type replayStore struct {
	facts *caseFacts // allocated when the first such fact is recorded
}

// caseFacts holds in one allocation the facts that a case keeps behind
// pointers, so that Replay allocates once for all of them. Only the case
// that Replay builds points into it. When an event type recurs, its slot
// takes the newer fact, the one that the case's field then points to.
type caseFacts struct {
	notice       NoticeServed
	noticeReply  NoticeReplied
	opinion      OpinionServed
	opinionReply OpinionReplied
	designation  rules.Designation
	termination  ConsultationTerminated
	halt         ConsultationHalted
	agreement    AgreementSigned
	decided      ConfirmationDecided
	// held has room for the rounds of a designated case. Meetings beyond
	// them, such as absences with a good reason, get their own allocation.
	held  [3]MeetingHeld
	nheld int
}

// nextHeld returns a free slot for a held meeting, or nil when none is
// left.
func (f *caseFacts) nextHeld() *MeetingHeld {
	if f.nheld == len(f.held) {
		return nil
	}
	f.nheld++
	return &f.held[f.nheld-1]
}

// keep stores v in the slot of own's facts that slot picks, and returns a
// pointer to it. Without a store, as in Apply, or when slot returns nil,
// v gets an allocation of its own.
func keep[T any](own *replayStore, slot func(*caseFacts) *T, v T) *T {
	var p *T
	if own != nil {
		if own.facts == nil {
			own.facts = new(caseFacts)
		}
		p = slot(own.facts)
	}
	if p == nil {
		// new, not &v: taking v's address would move v to the heap on
		// every call.
		p = new(T)
	}
	*p = v
	return p
}
