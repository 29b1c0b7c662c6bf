package consult

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"
)

// awaitingReply returns the case of opening: the opinion letter was served
// on 27 September 2024 and its reply is due on Saturday 12 October 2024.
func awaitingReply(t *testing.T) Case {
	t.Helper()
	c := replay(t, opening())
	wantStage(t, c, AwaitingReply, d(2024, 9, 27))
	return c
}

func TestTypedNilEventRejected(t *testing.T) {
	c := awaitingReply(t)
	_, err := Default().Apply(c, (*OpinionReplied)(nil))
	if !errors.Is(err, ErrInvalidField) {
		t.Errorf("Apply(nil *OpinionReplied): error %v, want ErrInvalidField", err)
	}
	_, err = Default().Replay([]Event{(*InvestigationStarted)(nil)})
	var ee *EventError
	if !errors.As(err, &ee) || ee.Index != 0 {
		t.Errorf("Replay(nil *InvestigationStarted): error %v, want an *EventError at index 0", err)
	}
}

func TestNilEngineRejects(t *testing.T) {
	var g *Engine
	c := awaitingReply(t)
	if _, err := g.Replay(opening()); !errors.Is(err, ErrZeroEngine) {
		t.Errorf("Replay: error %v, want ErrZeroEngine", err)
	}
	if _, err := g.Apply(c, ProcuratorateInformed{Header: agency(d(2024, 10, 8))}); !errors.Is(err, ErrZeroEngine) {
		t.Errorf("Apply: error %v, want ErrZeroEngine", err)
	}
	if _, err := g.At(c, d(2024, 10, 8)); !errors.Is(err, ErrZeroEngine) {
		t.Errorf("At: error %v, want ErrZeroEngine", err)
	}
	if _, err := g.Agenda(c, d(2024, 10, 8)); !errors.Is(err, ErrZeroEngine) {
		t.Errorf("Agenda: error %v, want ErrZeroEngine", err)
	}
	if _, err := g.Project(c, d(2024, 10, 8)); !errors.Is(err, ErrZeroEngine) {
		t.Errorf("Project: error %v, want ErrZeroEngine", err)
	}
	if r := g.Rules(); r.Params() != (rules.Params{}) {
		t.Errorf("Rules() of a nil engine = %+v, want the zero Rules", r.Params())
	}
}

// TestAtCaseActsAsItsEvents checks that a case that At moved past its last
// event gives the same agenda for earlier days, and the same result for
// new events, as the case of its events.
func TestAtCaseActsAsItsEvents(t *testing.T) {
	g := Default()
	c := awaitingReply(t)
	late, err := g.At(c, d(2024, 10, 20))
	if err != nil {
		t.Fatal(err)
	}
	wantStage(t, late, Failed, d(2024, 10, 13))

	day := d(2024, 10, 11)
	want, err := g.Agenda(c, day)
	if err != nil {
		t.Fatal(err)
	}
	got, err := g.Agenda(late, day)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Agenda on %s of the case At moved to 2024-10-20 (-want +got):\n%s", day, diff)
	}

	events := []Event{
		OpinionReplied{Header: obligor(d(2024, 10, 10)), Answer: rules.Accept, Delivery: rules.ByHand},
		// Posted on the last day, received after At's day.
		OpinionReplied{Header: obligor(d(2024, 10, 21)), Answer: rules.Accept,
			Delivery: rules.ByPost, Posted: d(2024, 10, 12)},
		LawsuitFiled{Header: agency(d(2024, 10, 25))},
	}
	for _, e := range events {
		want, wantErr := g.Apply(c, e)
		got, gotErr := g.Apply(late, e)
		if (wantErr == nil) != (gotErr == nil) {
			t.Errorf("%s on %s: error %v on the case, %v on its At copy", e.Type(), e.Head().Date, wantErr, gotErr)
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s on %s: the At copy differs (-case +At copy):\n%s", e.Type(), e.Head().Date, diff)
		}
	}
}

func TestAtBeforeLastEvent(t *testing.T) {
	c := awaitingReply(t)
	got, err := Default().At(c, d(2024, 9, 1))
	if !errors.Is(err, ErrOutOfOrder) {
		t.Errorf("At before the last event: error %v, want ErrOutOfOrder", err)
	}
	if diff := cmp.Diff(c, got); diff != "" {
		t.Errorf("At before the last event changed the case (-want +got):\n%s", diff)
	}
}

// TestBadFieldsNamed applies events with one faulty field each to the case
// awaiting a reply to its opinion letter, or to that case after an
// objection, and checks the sentinel and the field the error names.
func TestBadFieldsNamed(t *testing.T) {
	served := d(2024, 9, 27)
	reply := func(day date.Date, delivery rules.Delivery, posted date.Date) OpinionReplied {
		return OpinionReplied{Header: obligor(day), Answer: rules.Object, Delivery: delivery, Posted: posted}
	}
	schedule := MeetingScheduled{Header: agency(d(2024, 10, 14)), MeetingDate: d(2024, 10, 18),
		Host: "局长", Recorder: "科员", Place: "三楼会议室"}
	noHost, noPlace := schedule, schedule
	noHost.Host = "\u3164"
	noPlace.Place = ""
	cases := []struct {
		name  string
		e     Event
		want  error
		field string
	}{
		{"no delivery", reply(d(2024, 10, 8), 0, 0), ErrMissingField, "delivery"},
		{"post without postmark", reply(d(2024, 10, 8), rules.ByPost, 0), ErrMissingField, "posted"},
		{"postmark after receipt", reply(d(2024, 10, 8), rules.ByPost, d(2024, 10, 9)), rules.ErrDateOrder, "posted"},
		{"postmark before service", reply(d(2024, 10, 8), rules.ByPost, served-1), rules.ErrDateOrder, "posted"},
		{"postmark by hand", reply(d(2024, 10, 8), rules.ByHand, d(2024, 10, 7)), ErrInvalidField, "posted"},
		{"no answer", OpinionReplied{Header: obligor(d(2024, 10, 8)), Delivery: rules.ByHand}, ErrMissingField, "answer"},
		{"no actor", OpinionReplied{Header: Header{Date: d(2024, 10, 8)}, Answer: rules.Object,
			Delivery: rules.ByHand}, ErrMissingField, "actor"},
		{"proxy named for the obligor", OpinionReplied{Header: Header{Date: d(2024, 10, 8), Actor: Obligor,
			Proxy: "王某"}, Answer: rules.Object, Delivery: rules.ByHand}, ErrInvalidField, "proxy"},
		{"authorization ends before it starts", ProxyAuthorized{Header: obligor(d(2024, 10, 8)),
			ProxyName: "王某", From: d(2024, 10, 8), Until: d(2024, 10, 1)}, ErrInvalidField, "until"},
	}
	for _, tc := range cases {
		_, err := Default().Apply(awaitingReply(t), tc.e)
		checkFieldError(t, tc.name, err, tc.want, tc.field)
	}

	// The meeting events need a case whose obligor objected.
	objected := apply(t, awaitingReply(t), reply(d(2024, 10, 8), rules.ByHand, 0))
	meetings := []struct {
		name  string
		e     Event
		want  error
		field string
	}{
		{"invisible host", noHost, ErrMissingField, "host"},
		{"no place", noPlace, ErrMissingField, "place"},
		{"agreed and continue", MeetingHeld{Header: agency(d(2024, 10, 18)), Outcome: Agreed,
			Continue: true}, ErrInvalidField, "continue"},
	}
	for _, tc := range meetings {
		c := objected
		if _, ok := tc.e.(MeetingHeld); ok {
			c = apply(t, objected, schedule)
		}
		_, err := Default().Apply(c, tc.e)
		checkFieldError(t, tc.name, err, tc.want, tc.field)
	}
}

func checkFieldError(t *testing.T, name string, err, want error, field string) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Errorf("%s: error %v, want %v", name, err, want)
		return
	}
	var ee *EventError
	if !errors.As(err, &ee) {
		t.Errorf("%s: error %v is not an *EventError", name, err)
		return
	}
	if ee.Field != field {
		t.Errorf("%s: field %q, want %q (error %v)", name, ee.Field, field, err)
	}
}

func TestOpinionLetterChecks(t *testing.T) {
	c := replay(t, opening()[:5]) // consent to the notice on 14 September 2024
	cases := []struct {
		name  string
		e     OpinionServed
		want  error
		field string
	}{
		{"negative amount", OpinionServed{Header: agency(d(2024, 9, 27)), Amount: -5, ReplyWorkdays: 7},
			ErrInvalidField, "amount_fen"},
		{"no amount", OpinionServed{Header: agency(d(2024, 9, 27)), ReplyWorkdays: 7},
			ErrMissingField, "amount_fen"},
		// 700 working days from 2024 run past the calendar's last year.
		{"reply period past the calendar", OpinionServed{Header: agency(d(2024, 9, 27)),
			Amount: rules.Yuan(100), ReplyWorkdays: 700}, nil, "reply_workdays"},
	}
	for _, tc := range cases {
		_, err := Default().Apply(c, tc.e)
		if tc.want == nil {
			var ee *EventError
			if !errors.As(err, &ee) || ee.Field != tc.field {
				t.Errorf("%s: error %v, want an *EventError on %s", tc.name, err, tc.field)
			}
			continue
		}
		checkFieldError(t, tc.name, err, tc.want, tc.field)
	}
}

func TestNegativeExpertsRejected(t *testing.T) {
	log := opening()[:2]
	e := AssessmentIssued{Header: Header{Date: d(2024, 9, 2), Actor: Institution},
		Route: RouteReport, Amount: rules.Yuan(100), Experts: -3}
	_, err := Default().Apply(replay(t, log), e)
	checkFieldError(t, "negative experts", err, ErrInvalidField, "experts")
}

func TestEventErrorText(t *testing.T) {
	cases := []struct {
		err  *EventError
		want string
	}{
		{&EventError{Index: 3, Type: TypeNoticeServed, Field: "actor", Citation: rules.Art(8),
			Err: ErrNoStanding}, "consult: event 3 notice_served: field actor: " + ErrNoStanding.Error() + " (Art. 8)"},
		{&EventError{Index: -1, Err: ErrZeroEngine}, "consult: " + ErrZeroEngine.Error()},
		{&EventError{Index: 0, Err: ErrEmptyCase}, "consult: event 0: " + ErrEmptyCase.Error()},
	}
	for _, tc := range cases {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
	}
}

func TestWrongOutcomeListsAllowed(t *testing.T) {
	c := awaitingReply(t)
	e := AssessmentIssued{Header: Header{Date: d(2024, 10, 8), Actor: Institution},
		Route: RouteReport, Amount: rules.Yuan(100)}
	_, err := Default().Apply(c, e)
	if !errors.Is(err, ErrWrongStage) {
		t.Fatalf("error %v, want ErrWrongStage", err)
	}
	if !strings.Contains(err.Error(), "assessment_issued (corrected)") {
		t.Errorf("error %q does not name the allowed outcome assessment_issued (corrected)", err)
	}
}

// TestStepDaysAgree checks that Project and Agenda give the same last day
// for each agreement step, including steps due on a day off: in the
// benchmark case, Sunday 30 June and Saturday 31 August 2024.
func TestStepDaysAgree(t *testing.T) {
	g := Default()
	c := replay(t, benchmarkLog()[:25]) // confirmed on 25 June 2024
	day := d(2024, 6, 26)
	want := map[string]date.Date{
		"支付生态环境损害赔偿金第一期":  d(2024, 7, 1),
		"支付生态环境损害赔偿金第二期":  d(2024, 9, 2),
		"完成受损河段底泥清淤和岸坡修复": d(2024, 10, 31),
	}

	items, err := g.Agenda(c, day)
	if err != nil {
		t.Fatal(err)
	}
	road, err := g.Project(c, day)
	if err != nil {
		t.Fatal(err)
	}

	agenda, project := map[string]date.Date{}, map[string]date.Date{}
	for _, it := range items {
		if _, ok := want[it.Action]; ok {
			agenda[it.Action] = it.Due
		}
	}
	for _, m := range road {
		if _, ok := want[m.Step]; ok {
			project[m.Step] = m.Latest
		}
	}

	if diff := cmp.Diff(want, agenda); diff != "" {
		t.Errorf("Agenda step days (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, project); diff != "" {
		t.Errorf("Project step days (-want +got):\n%s", diff)
	}
}

func TestTypedNilInCaseRejected(t *testing.T) {
	g := Default()
	c := awaitingReply(t)
	c.Events = append(slices.Clip(c.Events), (*NoticeServed)(nil))
	day := d(2024, 10, 8)
	if _, err := g.Apply(c, ProcuratorateInformed{Header: agency(day)}); !errors.Is(err, ErrInvalidField) {
		t.Errorf("Apply: error %v, want ErrInvalidField", err)
	}
	if _, err := g.At(c, day); !errors.Is(err, ErrInvalidField) {
		t.Errorf("At: error %v, want ErrInvalidField", err)
	}
	if _, err := g.Agenda(c, day); !errors.Is(err, ErrInvalidField) {
		t.Errorf("Agenda: error %v, want ErrInvalidField", err)
	}
	if _, err := g.Project(c, day); !errors.Is(err, ErrInvalidField) {
		t.Errorf("Project: error %v, want ErrInvalidField", err)
	}
	if _, err := c.MarshalJSON(); !errors.Is(err, ErrInvalidField) {
		t.Errorf("MarshalJSON: error %v, want ErrInvalidField", err)
	}
	if _, err := MarshalEvent((*NoticeServed)(nil)); !errors.Is(err, ErrInvalidField) {
		t.Errorf("MarshalEvent: error %v, want ErrInvalidField", err)
	}
}

func TestZeroRulesEngine(t *testing.T) {
	g := New(rules.Rules{})
	c := awaitingReply(t)
	if _, err := g.Replay(opening()); !errors.Is(err, ErrZeroEngine) {
		t.Errorf("Replay: error %v, want ErrZeroEngine", err)
	}
	if _, err := g.Agenda(c, d(2024, 10, 8)); !errors.Is(err, ErrZeroEngine) {
		t.Errorf("Agenda: error %v, want ErrZeroEngine", err)
	}
}

func TestBlankReasonsAreMissing(t *testing.T) {
	c := awaitingReply(t)
	objected := apply(t, c, OpinionReplied{Header: obligor(d(2024, 10, 8)), Answer: rules.Object,
		Delivery: rules.ByHand})
	cases := []struct {
		name  string
		c     Case
		e     Event
		field string
	}{
		{"designation without reason", objected, CaseDesignated{Header: agency(d(2024, 10, 9)),
			Reason: "\u200b "}, "reason"},
		{"objection with blank evidence", objected, AssessmentObjected{Header: obligor(d(2024, 10, 9)),
			Evidence: []string{" ", "\u3164"}}, "evidence"},
	}
	for _, tc := range cases {
		_, err := Default().Apply(tc.c, tc.e)
		checkFieldError(t, tc.name, err, ErrMissingField, tc.field)
	}
	start := opening()[0].(InvestigationStarted)
	start.District = "\u200b"
	_, err := Default().Replay([]Event{start})
	checkFieldError(t, "invisible district", err, ErrMissingField, "district")
}

func TestDecodeCaseRejectsFalseState(t *testing.T) {
	g := Default()
	c := awaitingReply(t)
	data, err := c.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	for _, edit := range []struct{ from, to string }{
		{`"since":"2024-09-27"`, `"since":"2000-01-01"`},
		{`"stage":"awaiting_reply"`, `"stage":"signed"`},
	} {
		bad := strings.Replace(string(data), edit.from, edit.to, 1)
		if bad == string(data) {
			t.Fatalf("the case JSON has no %s", edit.from)
		}
		if _, err := g.DecodeCase([]byte(bad)); !errors.Is(err, ErrInvalidField) {
			t.Errorf("DecodeCase with %s: error %v, want ErrInvalidField", edit.to, err)
		}
	}
	if _, err := g.DecodeCase(data); err != nil {
		t.Errorf("DecodeCase of the stored case: %v", err)
	}
}

func TestSyntaxErrorLineAndColumn(t *testing.T) {
	log := "{\n  \"version\": 1,\n  \"events\": [1,],\n}"
	_, err := ReadLog([]byte(log))
	if !errors.Is(err, ErrInvalidField) {
		t.Fatalf("error %v, want ErrInvalidField", err)
	}
	// The "]" after the comma is the 16th character of line 3.
	if !strings.Contains(err.Error(), "line 3, column 16") {
		t.Errorf("error %q does not place the fault at line 3, column 16", err)
	}
}
