package consult

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"
)

func d(y int, m time.Month, day int) date.Date { return date.New(y, m, day) }

func agency(day date.Date) Header  { return Header{Date: day, Actor: Agency} }
func obligor(day date.Date) Header { return Header{Date: day, Actor: Obligor} }

// opening returns the events up to an objection to the opinion letter
// received on 27 September 2024; its reply deadline is the adjusted
// working Saturday 12 October 2024.
func opening() []Event {
	return []Event{
		InvestigationStarted{Header: agency(d(2024, 8, 1)), CaseNumber: "杭环赔〔2024〕7号",
			Obligor:  ObligorInfo{Name: "某化工有限公司", Kind: LegalPerson, Address: "杭州市临平区某路1号"},
			District: "临平区", Incident: "warehouse fire, runoff into a ditch"},
		ProcuratorateInformed{Header: agency(d(2024, 8, 2))},
		AssessmentIssued{Header: Header{Date: d(2024, 9, 2), Actor: Institution},
			Route: RouteReport, Amount: rules.Yuan(2304000)},
		// Served Monday 9 September; the 5th working day after is 14
		// September, an adjusted working Saturday (中秋节).
		NoticeServed{Header: agency(d(2024, 9, 9)), Method: "by hand"},
		NoticeReplied{Header: obligor(d(2024, 9, 14)), Consent: true, Delivery: rules.ByHand},
		OpinionServed{Header: agency(d(2024, 9, 27)), Amount: rules.Yuan(2304000), ReplyWorkdays: 7},
	}
}

func replay(t *testing.T, log []Event) Case {
	t.Helper()
	c, err := Default().Replay(log)
	if err != nil {
		t.Fatalf("Replay: %v", err)
	}
	return c
}

func apply(t *testing.T, c Case, events ...Event) Case {
	t.Helper()
	for _, e := range events {
		var err error
		if c, err = Default().Apply(c, e); err != nil {
			t.Fatalf("Apply(%s on %s): %v", e.Type(), e.Head().Date, err)
		}
	}
	return c
}

func wantStage(t *testing.T, c Case, stage Stage, since date.Date) {
	t.Helper()
	if c.Stage != stage || c.Since != since {
		t.Errorf("case is %s since %s, want %s since %s", c.Stage, c.Since, stage, since)
	}
}

// agendaDue returns the agenda item whose action is action, failing if
// there is none.
func agendaItem(t *testing.T, c Case, day date.Date, action string) Item {
	t.Helper()
	items, err := Default().Agenda(c, day)
	if err != nil {
		t.Fatalf("Agenda(%s): %v", day, err)
	}
	for _, it := range items {
		if it.Action == action {
			return it
		}
	}
	t.Fatalf("Agenda(%s) has no %q: %+v", day, action, items)
	return Item{}
}

func TestHappyPath(t *testing.T) {
	c := replay(t, []Event{
		InvestigationStarted{Header: agency(d(2024, 1, 8)), CaseNumber: "杭环赔〔2024〕1号",
			Obligor: ObligorInfo{Name: "某公司", Kind: LegalPerson, Address: "余杭区"}, District: "余杭"},
		ProcuratorateInformed{Header: agency(d(2024, 1, 9))},
		AssessmentIssued{Header: Header{Date: d(2024, 1, 26), Actor: Institution}, Route: RouteReport, Amount: rules.Yuan(900000)},
		// Served Thursday 8 February 2024: 10 to 17 February off, Sunday
		// 18 February worked, so the answer is due 21 February.
		NoticeServed{Header: agency(d(2024, 2, 8))},
	})
	due := agendaItem(t, c, d(2024, 2, 9), "answer the consultation notice in writing")
	if due.Due != d(2024, 2, 21) || due.Citation != rules.Art(8).Para(3) || due.Party != rules.Obligor {
		t.Errorf("notice answer item %+v, want obligor by 2024-02-21 under Art. 8(3)", due)
	}

	c = apply(t, c,
		NoticeReplied{Header: obligor(d(2024, 2, 20)), Consent: true, Delivery: rules.ByHand},
		// Received Monday 26 February: the reply is due 6 March.
		OpinionServed{Header: agency(d(2024, 2, 26)), Amount: rules.Yuan(900000), ReplyWorkdays: 7},
		OpinionReplied{Header: obligor(d(2024, 3, 6)), Answer: rules.Accept, Delivery: rules.ByHand},
	)
	wantStage(t, c, AwaitingSignature, d(2024, 3, 6))
	// Art. 11: 7 working days after 6 March is 15 March.
	sign := agendaItem(t, c, d(2024, 3, 7), "sign the agreement with the obligor")
	if sign.Due != d(2024, 3, 15) || sign.Citation != rules.Art(11) {
		t.Errorf("signing item %+v, want 2024-03-15 under Art. 11", sign)
	}

	c = apply(t, c, AgreementSigned{Header: agency(d(2024, 3, 15)), Effective: d(2024, 3, 15),
		Amount: rules.Yuan(900000), Steps: []Step{
			{Description: "pay the first instalment", Amount: rules.Yuan(500000), Due: d(2024, 6, 30)},
			{Description: "pay the second instalment", Amount: rules.Yuan(400000), Due: d(2024, 12, 31)},
		}})
	// Art. 19: day 30 after 15 March is Sunday 14 April, so the option runs
	// to Monday 15 April.
	conf := agendaItem(t, c, d(2024, 3, 16), "apply to the court for judicial confirmation")
	if conf.Due != d(2024, 4, 15) || !conf.Option || conf.Party != rules.EitherParty {
		t.Errorf("confirmation item %+v, want an option to 2024-04-15", conf)
	}
	agendaItem(t, c, d(2024, 3, 16), "inform the procuratorate of the agreement")
	agendaItem(t, c, d(2024, 3, 16), "inform the finance department of the agreement")

	c = apply(t, c,
		AgreementReported{Header: agency(d(2024, 3, 18)), To: ToProcuratorate},
		AgreementReported{Header: agency(d(2024, 3, 18)), To: ToFinance},
		DisclosurePublished{Header: agency(d(2024, 3, 20)), Where: "bureau website"},
		ConfirmationApplied{Header: agency(d(2024, 4, 10))},
		ConfirmationDecided{Header: Header{Date: d(2024, 5, 20), Actor: Court}, Confirmed: true},
		PerformanceDone{Header: obligor(d(2024, 6, 28)), Step: 1},
		PerformanceDone{Header: obligor(d(2024, 12, 20)), Step: 2},
	)
	wantStage(t, c, Performed, d(2024, 12, 20))
	if items, _ := Default().Agenda(c, d(2024, 12, 21)); len(items) != 0 {
		t.Errorf("a performed case has agenda items: %+v", items)
	}
	if _, err := Default().Apply(c, ObligorReneged{Header: obligor(d(2024, 12, 22))}); !errors.Is(err, ErrWrongStage) {
		t.Errorf("reneging after performance: %v, want ErrWrongStage", err)
	}
}

func TestNoticeSilenceIsRefusal(t *testing.T) {
	log := opening()[:4]
	c := replay(t, log)
	// Served Monday 9 September 2024; the 5th working day after is the
	// adjusted working Saturday 14 September.
	at, err := Default().At(c, d(2024, 9, 14))
	if err != nil {
		t.Fatal(err)
	}
	wantStage(t, at, AwaitingConsent, d(2024, 9, 9))
	at, err = Default().At(c, d(2024, 9, 15))
	if err != nil {
		t.Fatal(err)
	}
	wantStage(t, at, Failed, d(2024, 9, 15))
	if at.Failure == nil || at.Failure.Citation != rules.Art(8).Para(3) {
		t.Errorf("failure %+v, want Art. 8(3)", at.Failure)
	}
	sue := agendaItem(t, c, d(2024, 9, 16), "file a compensation lawsuit")
	if sue.Citation != rules.Art(20) || !sue.Promptly || sue.Trigger != d(2024, 9, 15) {
		t.Errorf("lawsuit item %+v, want promptly from 2024-09-15 under Art. 20", sue)
	}
	// A consent after the deadline changes nothing.
	late, err := Default().Apply(c, NoticeReplied{Header: obligor(d(2024, 9, 18)), Consent: true, Delivery: rules.ByHand})
	if err != nil {
		t.Fatal(err)
	}
	wantStage(t, late, Failed, d(2024, 9, 15))
	// The case given to At and Apply is unchanged.
	wantStage(t, c, AwaitingConsent, d(2024, 9, 9))
}

func TestArticle17Grounds(t *testing.T) {
	object := OpinionReplied{Header: obligor(d(2024, 10, 8)), Answer: rules.Object, Delivery: rules.ByHand}
	meeting := func(told, on date.Date) MeetingScheduled {
		return MeetingScheduled{Header: agency(told), MeetingDate: on, Host: "王某",
			Recorder: "李某", Place: "第一会议室"}
	}
	cases := []struct {
		name   string
		events []Event
		since  date.Date
		cite   rules.Citation
	}{
		{"1 refuses in writing", []Event{
			OpinionReplied{Header: obligor(d(2024, 10, 8)), Answer: rules.Refuse, Delivery: rules.ByHand},
		}, d(2024, 10, 8), rules.Art(17).ItemOf(1)},
		// 2: the 7th working day after 27 September is Saturday 12
		// October; the ground holds from 13 October.
		{"2 no reply in time", []Event{
			DisclosurePublished{Header: agency(d(2024, 10, 14))},
		}, d(2024, 10, 13), rules.Art(17).ItemOf(2)},
		{"3 absent without reason", []Event{object, meeting(d(2024, 10, 9), d(2024, 10, 15)),
			MeetingHeld{Header: agency(d(2024, 10, 15)), Outcome: Absent},
		}, d(2024, 10, 15), rules.Art(17).ItemOf(3)},
		{"4 no wish to continue", []Event{object, meeting(d(2024, 10, 9), d(2024, 10, 15)),
			MeetingHeld{Header: agency(d(2024, 10, 15)), Outcome: NotAgreed},
		}, d(2024, 10, 15), rules.Art(17).ItemOf(4)},
		// 5: two meetings without agreement; the second is within 7
		// working days of the first (15 October + 7 = 24 October).
		{"5 two rounds", []Event{object, meeting(d(2024, 10, 9), d(2024, 10, 15)),
			MeetingHeld{Header: agency(d(2024, 10, 15)), Outcome: NotAgreed, Continue: true},
			meeting(d(2024, 10, 16), d(2024, 10, 24)),
			MeetingHeld{Header: agency(d(2024, 10, 24)), Outcome: NotAgreed, Continue: true},
		}, d(2024, 10, 24), rules.Art(17).ItemOf(5)},
		{"6 cannot bear the liability", []Event{object,
			ConsultationTerminated{Header: agency(d(2024, 10, 10)), Item: 6, Reason: "bankruptcy ruling"},
		}, d(2024, 10, 10), rules.Art(17).ItemOf(6)},
		{"7 other request to end", []Event{object,
			ConsultationTerminated{Header: agency(d(2024, 10, 10)), Item: 7, Reason: "obligor asked to end"},
		}, d(2024, 10, 10), rules.Art(17).ItemOf(7)},
	}
	for _, tc := range cases {
		c, err := Default().Replay(append(opening(), tc.events...))
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if c.Stage != Failed || c.Failure == nil {
			t.Errorf("%s: case is %s, want failed", tc.name, c.Stage)
			continue
		}
		if c.Failure.Since != tc.since || c.Failure.Citation != tc.cite {
			t.Errorf("%s: failed since %s under %s, want %s under %s", tc.name,
				c.Failure.Since, c.Failure.Citation, tc.since, tc.cite)
		}
	}
}

func TestDesignatedThirdRound(t *testing.T) {
	c := replay(t, append(opening(),
		OpinionReplied{Header: obligor(d(2024, 10, 8)), Answer: rules.Object, Delivery: rules.ByHand},
		MeetingScheduled{Header: agency(d(2024, 10, 14)), MeetingDate: d(2024, 10, 18),
			Host: "王某", Recorder: "李某", Online: "https://meet.example/1"},
		MeetingHeld{Header: agency(d(2024, 10, 18)), Outcome: NotAgreed, Continue: true},
		CaseDesignated{Header: agency(d(2024, 10, 21)), Reason: "five rivers and groundwater"},
		// 7 working days after 18 October is 29 October.
		MeetingScheduled{Header: agency(d(2024, 10, 21)), MeetingDate: d(2024, 10, 29),
			Host: "王某", Recorder: "李某", Place: "第一会议室"},
		MeetingHeld{Header: agency(d(2024, 10, 29)), Outcome: NotAgreed, Continue: true},
	))
	wantStage(t, c, Consulting, d(2024, 10, 8))
	// The third meeting: the usual gap after 29 October ends 7 November.
	next := agendaItem(t, c, d(2024, 10, 30), "hold the next meeting within the usual gap (a later day needs a recorded reason)")
	if next.Due != d(2024, 11, 7) || next.Citation != rules.Art(15) {
		t.Errorf("next meeting item %+v, want 2024-11-07 under Art. 15", next)
	}
	late := MeetingScheduled{Header: agency(d(2024, 11, 4)), MeetingDate: d(2024, 11, 12),
		Host: "王某", Recorder: "李某", Place: "第一会议室"}
	if _, err := Default().Apply(c, late); !errors.Is(err, rules.ErrReasonRequired) {
		t.Errorf("third meeting after the gap without reason: %v, want ErrReasonRequired", err)
	}
	late.Reason = "waiting for the expert review"
	c = apply(t, c, late)
	if len(c.Warnings) != 1 || c.Warnings[0].Citation != rules.Art(15) {
		t.Errorf("warnings %+v, want one under Art. 15", c.Warnings)
	}
	c = apply(t, c, MeetingHeld{Header: agency(d(2024, 11, 12)), Outcome: Agreed})
	wantStage(t, c, AwaitingSignature, d(2024, 11, 12))
	// A fourth meeting is never possible.
	n, _ := c.heldMeetings()
	if n != 3 {
		t.Errorf("%d rounds counted, want 3", n)
	}
}

func TestObjectionToAssessment(t *testing.T) {
	c := replay(t, append(opening(),
		OpinionReplied{Header: obligor(d(2024, 10, 8)), Answer: rules.Object, Delivery: rules.ByHand}))
	if _, err := Default().Apply(c, AssessmentObjected{Header: obligor(d(2024, 10, 9))}); !errors.Is(err, rules.ErrNoEvidence) {
		t.Errorf("objection without evidence: %v, want ErrNoEvidence", err)
	}
	c = apply(t, c,
		AssessmentObjected{Header: obligor(d(2024, 10, 9)), Evidence: []string{"second lab's soil samples"}},
		AssessmentReviewed{Header: agency(d(2024, 10, 16)), Method: "expert_review", Upheld: true},
		AssessmentIssued{Header: Header{Date: d(2024, 10, 25), Actor: Institution}, Route: RouteReport,
			Amount: rules.Yuan(2100000), Corrected: true},
	)
	wantStage(t, c, Consulting, d(2024, 10, 8))
	if len(c.Assessments) != 2 || !c.Assessments[1].Corrected {
		t.Errorf("assessments %+v, want the corrected report second", c.Assessments)
	}
	// A corrected report without an upheld review is rejected.
	c2 := replay(t, append(opening(),
		OpinionReplied{Header: obligor(d(2024, 10, 8)), Answer: rules.Object, Delivery: rules.ByHand}))
	_, err := Default().Apply(c2, AssessmentIssued{Header: Header{Date: d(2024, 10, 25), Actor: Institution},
		Route: RouteReport, Amount: rules.Yuan(1), Corrected: true})
	if !errors.Is(err, ErrWrongStage) {
		t.Errorf("corrected report without review: %v, want ErrWrongStage", err)
	}
}

func TestProxyOutsidePeriod(t *testing.T) {
	c := replay(t, append(opening(),
		ProxyAuthorized{Header: obligor(d(2024, 10, 8)), ProxyName: "张律师",
			OrganizationLicence: d(2024, 10, 8), RepresentativeIDCopy: d(2024, 10, 8),
			ProxyIDCopy: d(2024, 10, 8), PowerOfAttorney: d(2024, 10, 8),
			Matters: []string{"杭环赔〔2024〕7号"}, From: d(2024, 10, 1), Until: d(2024, 10, 10),
			Acts: []ProxyAct{ActReplyOpinion, ActAttendMeeting}},
	))
	byProxy := func(day date.Date, a rules.OpinionAnswer) OpinionReplied {
		return OpinionReplied{Header: Header{Date: day, Actor: Proxy, Proxy: "张律师"},
			Answer: a, Delivery: rules.ByHand}
	}
	_, err := Default().Apply(c, byProxy(d(2024, 10, 11), rules.Object))
	var v *rules.Violation
	if !errors.Is(err, ErrNoStanding) || !errors.As(err, &v) || v.Citation != rules.Art(13) {
		t.Errorf("proxy after its period: %v, want ErrNoStanding under Art. 13", err)
	}
	// Accepting the letter binds the obligor and needs a special power.
	if _, err := Default().Apply(c, byProxy(d(2024, 10, 9), rules.Accept)); !errors.Is(err, ErrNoStanding) {
		t.Errorf("proxy accepting without the power to agree: %v, want ErrNoStanding", err)
	}
	got := apply(t, c, byProxy(d(2024, 10, 9), rules.Object))
	wantStage(t, got, Consulting, d(2024, 10, 9))
	// A proxy with no papers on file has no standing.
	_, err = Default().Apply(c, OpinionReplied{Header: Header{Date: d(2024, 10, 9), Actor: Proxy, Proxy: "李某"},
		Answer: rules.Object, Delivery: rules.ByHand})
	if !errors.Is(err, ErrNoStanding) {
		t.Errorf("unknown proxy: %v, want ErrNoStanding", err)
	}
}

func signedCase(t *testing.T) Case {
	t.Helper()
	return replay(t, append(opening(),
		OpinionReplied{Header: obligor(d(2024, 10, 8)), Answer: rules.Accept, Delivery: rules.ByHand},
		AgreementSigned{Header: agency(d(2024, 10, 15)), Effective: d(2024, 10, 15),
			Amount: rules.Yuan(2304000), Steps: []Step{
				{Description: "pay the compensation", Amount: rules.Yuan(2304000), Due: d(2024, 12, 31)},
			}},
	))
}

func TestRenegeBeforeConfirmation(t *testing.T) {
	c := apply(t, signedCase(t), ObligorReneged{Header: obligor(d(2024, 10, 20))})
	wantStage(t, c, Reneged, d(2024, 10, 20))
	sue := agendaItem(t, c, d(2024, 10, 21), "file a compensation lawsuit")
	if sue.Citation != rules.Art(20) {
		t.Errorf("lawsuit item %+v, want Art. 20", sue)
	}
	c = apply(t, c, LawsuitFiled{Header: agency(d(2024, 11, 1)), Court: "杭州市中级人民法院"})
	wantStage(t, c, Litigating, d(2024, 11, 1))
	if !c.Stage.Closed() {
		t.Error("litigating is not closed")
	}
	if _, err := Default().Apply(c, PerformanceDone{Header: obligor(d(2024, 11, 2)), Step: 1}); !errors.Is(err, ErrWrongStage) {
		t.Errorf("performance after the lawsuit: %v, want ErrWrongStage", err)
	}
	c = apply(t, c, EvidencePreserved{Header: agency(d(2024, 11, 3)), Evidence: "soil samples", Risk: "rain"})
	wantStage(t, c, Litigating, d(2024, 11, 1))
}

func TestEnforcementAfterConfirmation(t *testing.T) {
	c := apply(t, signedCase(t),
		ConfirmationApplied{Header: agency(d(2024, 10, 30))},
		ConfirmationDecided{Header: Header{Date: d(2024, 12, 2), Actor: Court}, Confirmed: true},
	)
	wantStage(t, c, Confirmed, d(2024, 12, 2))
	at, err := Default().At(c, d(2025, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	wantStage(t, at, Defaulted, d(2025, 1, 1))
	enf := agendaItem(t, c, d(2025, 1, 2), "apply to the court for enforcement")
	if enf.Citation != rules.Art(22) {
		t.Errorf("enforcement item %+v, want Art. 22", enf)
	}
	c = apply(t, c,
		EnforcementApplied{Header: agency(d(2025, 1, 6))},
		PerformanceDone{Header: obligor(d(2025, 2, 10)), Step: 1},
	)
	wantStage(t, c, Performed, d(2025, 2, 10))
}

func TestConfirmationAfterDeadline(t *testing.T) {
	// Effective 15 October 2024: day 30 is Thursday 14 November.
	_, err := Default().Apply(signedCase(t), ConfirmationApplied{Header: agency(d(2024, 11, 15))})
	if !errors.Is(err, ErrInvalidField) {
		t.Errorf("late application: %v, want ErrInvalidField", err)
	}
	var ee *EventError
	if !errors.As(err, &ee) || ee.Citation != rules.Art(19) || ee.Field != "date" {
		t.Errorf("late application: %+v, want field date under Art. 19", ee)
	}
}

func TestRejectionsLeaveCaseUnchanged(t *testing.T) {
	c := replay(t, opening())
	before, err := c.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		e    Event
		want error
	}{
		{"out of order", NoticeServed{Header: agency(d(2024, 9, 1))}, ErrOutOfOrder},
		{"obligor records the agency's act", DisclosurePublished{Header: obligor(d(2024, 10, 1))}, ErrNoStanding},
		{"wrong stage", AgreementSigned{Header: agency(d(2024, 10, 1))}, ErrWrongStage},
		{"missing date", OpinionReplied{Header: Header{Actor: Obligor}, Answer: rules.Object, Delivery: rules.ByHand}, ErrMissingField},
		{"missing answer", OpinionReplied{Header: obligor(d(2024, 10, 1)), Delivery: rules.ByHand}, rules.ErrMissingFact},
		{"pointer event", &DisclosurePublished{Header: agency(d(2024, 10, 1))}, ErrInvalidField},
	}
	for _, tc := range cases {
		_, err := Default().Apply(c, tc.e)
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: error %v, want %v", tc.name, err, tc.want)
		}
		after, _ := c.MarshalJSON()
		if diff := cmp.Diff(string(before), string(after)); diff != "" {
			t.Errorf("%s: the case changed:\n%s", tc.name, diff)
		}
	}
}

func TestReplayNamesTheEvent(t *testing.T) {
	log := opening()
	log[3] = NoticeServed{Header: Header{Date: d(2024, 9, 9), Actor: Obligor}}
	_, err := Default().Replay(log)
	var ee *EventError
	if !errors.As(err, &ee) || ee.Index != 3 || ee.Field != "actor" {
		t.Errorf("Replay error %v, want event 3 field actor", err)
	}
}

func TestProjection(t *testing.T) {
	c := replay(t, opening()[:4]) // notice served 9 September 2024
	ms, err := Default().Project(c, d(2024, 9, 10))
	if err != nil {
		t.Fatal(err)
	}
	var got []date.Date
	for _, m := range ms {
		got = append(got, m.Latest)
	}
	// Answer by the adjusted Saturday 14 September; the opinion letter the
	// same day; its reply by 26 September (15 to 17 September off);
	// meeting 1 that day and meeting 2 seven working days later, 11
	// October (29 September a working Sunday, 1 to 7 October off); the
	// agreement and performance that day; judicial confirmation by Monday
	// 11 November (day 30 is a Sunday). Milestones come in date order.
	want := []date.Date{d(2024, 9, 14), d(2024, 9, 14), d(2024, 9, 26), d(2024, 9, 26),
		d(2024, 10, 11), d(2024, 10, 11), d(2024, 10, 11), d(2024, 11, 11)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("projected days (-want +got):\n%s\n%+v", diff, ms)
	}
}

func TestStepPaymentsOverflow(t *testing.T) {
	c := replay(t, append(opening(),
		OpinionReplied{Header: obligor(d(2024, 10, 8)), Answer: rules.Accept, Delivery: rules.ByHand}))
	_, err := Default().Apply(c, AgreementSigned{Header: agency(d(2024, 10, 15)),
		Effective: d(2024, 10, 15), Amount: 10000, Steps: []Step{
			{Description: "a", Amount: math.MaxInt64, Due: d(2024, 12, 31)},
			{Description: "b", Amount: math.MaxInt64, Due: d(2024, 12, 31)},
			{Description: "c", Amount: 10002, Due: d(2024, 12, 31)},
		}})
	if !errors.Is(err, ErrInvalidField) {
		t.Errorf("steps whose sum wraps around to the amount: %v, want ErrInvalidField", err)
	}
}

func TestInvisibleTextIsMissing(t *testing.T) {
	for _, blank := range []string{"", "  ", "\u200b\u200b", "\u3000", "\t\u202e"} {
		log := opening()
		start := log[0].(InvestigationStarted)
		start.CaseNumber = blank
		log[0] = start
		_, err := Default().Replay(log)
		var ee *EventError
		if !errors.As(err, &ee) {
			t.Fatalf("case number %q: error %v, want an *EventError", blank, err)
		}
		if ee.Field != "case_number" {
			t.Errorf("case number %q: field %q, want case_number", blank, ee.Field)
		}
		if !errors.Is(err, ErrMissingField) {
			t.Errorf("case number %q: error %v, want ErrMissingField", blank, err)
		}
	}
}

func TestEventDayBounds(t *testing.T) {
	if want := d(2000, 1, 1); firstDay != want {
		t.Errorf("firstDay = %s, want %s", firstDay, want)
	}
	if want := d(2099, 12, 31); lastDay != want {
		t.Errorf("lastDay = %s, want %s", lastDay, want)
	}
	for _, day := range []date.Date{firstDay - 1, lastDay + 1, d(-5, 1, 1), d(9999, 1, 1)} {
		log := opening()
		start := log[0].(InvestigationStarted)
		start.Date = day
		_, err := Default().Replay([]Event{start})
		if !errors.Is(err, ErrInvalidField) {
			t.Errorf("investigation on %s: error %v, want ErrInvalidField", day, err)
		}
	}
}
