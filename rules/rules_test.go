package rules

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/ecoconsult/ecoconsult/calendar"
	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"
)

func d(y int, m time.Month, day int) date.Date { return date.New(y, m, day) }

func TestCitationForms(t *testing.T) {
	cases := []struct {
		c       Citation
		english string
		chinese string
	}{
		{Art(17).ItemOf(5), "Art. 17(1)(5)", "第十七条第一款第五项"},
		{Art(8).Para(3), "Art. 8(3)", "第八条第三款"},
		{Art(15), "Art. 15", "第十五条"},
		{Art(10).Para(2), "Art. 10(2)", "第十条第二款"},
		{Art(20), "Art. 20", "第二十条"},
		{Art(21), "Art. 21", "第二十一条"},
		{Art(30), "Art. 30", "第三十条"},
		{Art(18).Para(2).ItemOf(6), "Art. 18(2)(6)", "第十八条第二款第六项"},
	}
	for _, tc := range cases {
		if got := tc.c.String(); got != tc.english {
			t.Errorf("%#v.String() = %q, want %q", tc.c, got, tc.english)
		}
		if got := tc.c.Chinese(); got != tc.chinese {
			t.Errorf("%#v.Chinese() = %q, want %q", tc.c, got, tc.chinese)
		}
		for _, s := range []string{tc.english, tc.chinese} {
			got, err := ParseCitation(s)
			if err != nil || got != tc.c {
				t.Errorf("ParseCitation(%q) = %#v, %v, want %#v", s, got, err, tc.c)
			}
		}
	}
}

func TestParseCitationRejects(t *testing.T) {
	for _, s := range []string{"", "Art.", "Art. 0", "Art. x", "Art. 8(", "Art. 8()",
		"Art. 8(1)(2)(3)", "Art. 08", "第零条", "第十七条第五项款", "第十七条第", "Article 8",
		"第一百条", "Art. 8(0)", "Art. 8 (1)", "Art. 8(100)", "Art. 8(1)(100)"} {
		if c, err := ParseCitation(s); err == nil {
			t.Errorf("ParseCitation(%q) = %#v, want an error", s, c)
		}
	}
}

func TestCitationLabels(t *testing.T) {
	for n := 1; n <= 30; n++ {
		if Art(n).Label() == "" {
			t.Errorf("article %d has no label", n)
		}
	}
	if Art(31).Label() != "" || Art(0).Label() != "" {
		t.Error("labels exist outside articles 1 to 30")
	}
}

func TestDeadlinesWorkedCases(t *testing.T) {
	r := Default()
	cases := []struct {
		name    string
		fn      func(date.Date) (Deadline, error)
		trigger date.Date
		want    date.Date
		cite    Citation
	}{
		// Art. 8(3): 10 to 17 February 2024 off, Sunday 18 February worked.
		{"notice reply across spring festival 2024", r.NoticeReplyDeadline, d(2024, 2, 8), d(2024, 2, 21), Art(8).Para(3)},
		// Sunday 26 January 2025 worked; 28 January to 4 February off.
		{"notice reply across spring festival 2025", r.NoticeReplyDeadline, d(2025, 1, 24), d(2025, 2, 7), Art(8).Para(3)},
		// Served on a Saturday: counting starts with Sunday 29 September,
		// an adjusted working day.
		{"notice served on saturday 2024", r.NoticeReplyDeadline, d(2024, 9, 28), d(2024, 10, 10), Art(8).Para(3)},
		// Art. 10(3): the seventh working day is Saturday 12 October 2024.
		{"opinion reply ends on adjusted saturday", opinionDeadline(r), d(2024, 9, 27), d(2024, 10, 12), Art(10).Para(3)},
		{"opinion reply across spring festival 2025", opinionDeadline(r), d(2025, 1, 24), d(2025, 2, 10), Art(10).Para(3)},
		// Art. 11: Saturday 14 February 2026 worked, 15 to 23 off, Saturday
		// 28 February worked.
		{"signing across spring festival 2026", r.SigningDeadline, d(2026, 2, 13), d(2026, 3, 2), Art(11)},
		// Art. 19: day 30 is 31 January 2025, inside the Spring Festival.
		{"confirmation lands in spring festival", r.ConfirmationDeadline, d(2025, 1, 1), d(2025, 2, 5), Art(19)},
		// Day 30 is 1 October 2024; the holiday runs to 7 October.
		{"confirmation lands on national day", r.ConfirmationDeadline, d(2024, 9, 1), d(2024, 10, 8), Art(19)},
		// Day 30 is Saturday 8 February 2025, an adjusted working day.
		{"confirmation on adjusted saturday", r.ConfirmationDeadline, d(2025, 1, 9), d(2025, 2, 8), Art(19)},
	}
	for _, tc := range cases {
		got, err := tc.fn(tc.trigger)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if got.End != tc.want || got.Citation != tc.cite {
			t.Errorf("%s: deadline %s under %s, want %s under %s", tc.name,
				got.End, got.Citation, tc.want, tc.cite)
		}
	}
}

func TestDeadlineOutsideCalendar(t *testing.T) {
	_, err := Default().NoticeReplyDeadline(d(2030, 1, 2))
	if err == nil {
		t.Fatal("NoticeReplyDeadline(2030-01-02) gave a date past the notices")
	}
	if !errors.Is(err, errOutOfRange()) {
		t.Errorf("error %v does not wrap the calendar's range error", err)
	}
}

func TestNoticeOutcome(t *testing.T) {
	r := Default()
	served := d(2024, 2, 8) // reply deadline 2024-02-21
	reply := func(recv date.Date, consent bool) *NoticeReply {
		return &NoticeReply{Reply: Reply{Received: recv, Delivery: ByHand}, Consent: consent}
	}
	posted := &NoticeReply{Reply: Reply{Received: d(2024, 2, 26), Delivery: ByPost,
		Posted: d(2024, 2, 21)}, Consent: true}
	cases := []struct {
		name  string
		reply *NoticeReply
		on    date.Date
		want  NoticeOutcome
		cite  Citation
		late  bool
	}{
		{"silence within the period", nil, d(2024, 2, 21), NoticePending, Art(8).Para(3), false},
		{"silence past the period", nil, d(2024, 2, 22), NoticeDeemedRefused, Art(8).Para(3), false},
		{"consent on the last day", reply(d(2024, 2, 21), true), d(2024, 2, 21), NoticeConsented, Art(8).Para(4), false},
		{"refusal in time", reply(d(2024, 2, 9), false), d(2024, 2, 9), NoticeRefused, Art(8).Para(5), false},
		{"reply not yet received", reply(d(2024, 2, 20), true), d(2024, 2, 19), NoticePending, Art(8).Para(3), false},
		{"late consent", reply(d(2024, 2, 22), true), d(2024, 2, 23), NoticeDeemedRefused, Art(8).Para(3), true},
		{"posted on the last day", posted, d(2024, 2, 26), NoticeConsented, Art(8).Para(4), false},
	}
	for _, tc := range cases {
		got, err := r.NoticeOutcome(served, tc.reply, tc.on)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if got.Outcome != tc.want || got.Citation != tc.cite || got.Late != tc.late {
			t.Errorf("%s: %s under %s late=%v, want %s under %s late=%v", tc.name,
				got.Outcome, got.Citation, got.Late, tc.want, tc.cite, tc.late)
		}
	}
}

func TestPostedReplyParameter(t *testing.T) {
	p := Hangzhou2020()
	p.PostedReplyInTime = false
	r, err := New(Default().Calendar(), p)
	if err != nil {
		t.Fatal(err)
	}
	posted := &NoticeReply{Reply: Reply{Received: d(2024, 2, 26), Delivery: ByPost,
		Posted: d(2024, 2, 21)}, Consent: true}
	got, err := r.NoticeOutcome(d(2024, 2, 8), posted, d(2024, 2, 26))
	if err != nil {
		t.Fatal(err)
	}
	if got.Outcome != NoticeDeemedRefused {
		t.Errorf("posted reply without PostedReplyInTime: %s, want deemed refused", got.Outcome)
	}
}

func TestReplyChecks(t *testing.T) {
	r := Default()
	cases := []struct {
		name  string
		reply NoticeReply
		want  error
	}{
		{"received before service", NoticeReply{Reply: Reply{Received: d(2024, 2, 7), Delivery: ByHand}}, ErrDateOrder},
		{"no delivery", NoticeReply{Reply: Reply{Received: d(2024, 2, 9)}}, ErrMissingFact},
		{"post without postmark", NoticeReply{Reply: Reply{Received: d(2024, 2, 9), Delivery: ByPost}}, ErrMissingFact},
		{"postmark after receipt", NoticeReply{Reply: Reply{Received: d(2024, 2, 9), Delivery: ByPost, Posted: d(2024, 2, 10)}}, ErrDateOrder},
	}
	for _, tc := range cases {
		_, err := r.NoticeOutcome(d(2024, 2, 8), &tc.reply, d(2024, 2, 9))
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: error %v, want %v", tc.name, err, tc.want)
		}
		var v *Violation
		if !errors.As(err, &v) || v.Citation != Art(8).Para(3) {
			t.Errorf("%s: error %v does not cite Art. 8(3)", tc.name, err)
		}
	}
}

func TestExpertRoute(t *testing.T) {
	r := Default()
	ok := ExpertRouteFacts{DamageClear: true, EstimatedDamage: Yuan(20000),
		AssessmentCost: Yuan(150000), ClearlyLowerReason: "cost is 7 times the damage", Experts: 3}
	if err := r.CheckExpertRoute(ok); err != nil {
		t.Errorf("ExpertRoute(%+v) = %v, want allowed", ok, err)
	}
	cases := []struct {
		name   string
		change func(*ExpertRouteFacts)
		want   error
	}{
		{"damage unclear", func(f *ExpertRouteFacts) { f.DamageClear = false }, ErrExpertRoute},
		{"amount not lower", func(f *ExpertRouteFacts) { f.EstimatedDamage = Yuan(150000) }, ErrExpertRoute},
		{"no reason for clearly lower", func(f *ExpertRouteFacts) { f.ClearlyLowerReason = " " }, ErrReasonRequired},
		{"two experts", func(f *ExpertRouteFacts) { f.Experts = 2 }, ErrTooFewExperts},
	}
	for _, tc := range cases {
		f := ok
		tc.change(&f)
		err := r.CheckExpertRoute(f)
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: ExpertRoute error %v, want %v", tc.name, err, tc.want)
		}
		var v *Violation
		if !errors.As(err, &v) || v.Citation != Art(8).Para(2) {
			t.Errorf("%s: error %v does not cite Art. 8(2)", tc.name, err)
		}
	}
}

func fullLetter() OpinionLetter {
	return OpinionLetter{
		ObligorName: "某化工有限公司", ObligorAddress: "杭州市临平区某路1号",
		Cause: "fire and runoff", DamageFacts: "river polluted", Evidence: []string{"monitoring report"},
		RestorationGoal: "baseline water quality", GoalBasis: "GB 3838-2002",
		Amount: Yuan(1200000), CalculationBasis: "assessment report",
		PerformanceManner: "payment", PerformanceDeadline: d(2024, 12, 31),
		ReplyMethod: "in writing to the bureau", ReplyWorkdays: 7,
	}
}

func TestCheckOpinionLetter(t *testing.T) {
	r := Default()
	if err := r.CheckOpinionLetter(fullLetter()); err != nil {
		t.Fatalf("complete letter: %v", err)
	}
	l := fullLetter()
	l.ObligorAddress = ""
	l.Evidence = []string{" "}
	l.InvolvesRestoration = true
	l.RestorationPlan = "replant"
	err := r.CheckOpinionLetter(l)
	var inc *IncompleteError
	if !errors.As(err, &inc) {
		t.Fatalf("incomplete letter: error %v, want *IncompleteError", err)
	}
	var got []Citation
	for _, m := range inc.Missing {
		got = append(got, m.Citation)
	}
	want := []Citation{Art(10).ItemOf(1), Art(10).ItemOf(2), Art(10).Para(2), Art(10).Para(2)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("missing items (-want +got):\n%s", diff)
	}
	if !errors.Is(err, ErrMissingItem) {
		t.Errorf("error %v does not match ErrMissingItem", err)
	}

	short := fullLetter()
	short.ReplyWorkdays = 5
	if err := r.CheckOpinionLetter(short); !errors.Is(err, ErrReplyLimitTooShort) {
		t.Errorf("5-day reply limit: error %v, want ErrReplyLimitTooShort", err)
	}
	longer := fullLetter()
	longer.ReplyWorkdays = 10
	if err := r.CheckOpinionLetter(longer); err != nil {
		t.Errorf("10-day reply limit is longer than the law's: %v", err)
	}
}

func TestOpinionOutcome(t *testing.T) {
	r := Default()
	received := d(2024, 9, 27) // reply deadline 2024-10-12
	rep := func(recv date.Date, a OpinionAnswer) *OpinionReply {
		return &OpinionReply{Reply: Reply{Received: recv, Delivery: ByHand}, Answer: a}
	}
	cases := []struct {
		name  string
		reply *OpinionReply
		on    date.Date
		want  OpinionOutcome
		cite  Citation
	}{
		{"pending", nil, d(2024, 10, 12), OpinionPending, Art(10).Para(3)},
		{"no reply", nil, d(2024, 10, 13), OpinionNoReply, Art(17).ItemOf(2)},
		{"accepted", rep(d(2024, 10, 12), Accept), d(2024, 10, 12), OpinionAccepted, Art(11)},
		{"objected", rep(d(2024, 10, 8), Object), d(2024, 10, 9), OpinionObjected, Art(12).Para(1)},
		{"refused", rep(d(2024, 10, 8), Refuse), d(2024, 10, 9), OpinionRefused, Art(17).ItemOf(1)},
		{"late acceptance", rep(d(2024, 10, 14), Accept), d(2024, 10, 14), OpinionNoReply, Art(17).ItemOf(2)},
	}
	for _, tc := range cases {
		got, err := r.OpinionOutcome(received, 0, tc.reply, tc.on)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if got.Outcome != tc.want || got.Citation != tc.cite {
			t.Errorf("%s: %s under %s, want %s under %s", tc.name, got.Outcome,
				got.Citation, tc.want, tc.cite)
		}
	}
	if _, err := r.OpinionOutcome(received, 0, rep(d(2024, 10, 8), 0), d(2024, 10, 9)); !errors.Is(err, ErrMissingFact) {
		t.Errorf("reply without answer: error %v, want ErrMissingFact", err)
	}
}

func TestCheckOpinionLetterBasis(t *testing.T) {
	if err := CheckOpinionLetterBasis(false, false); !errors.Is(err, ErrMissingFact) {
		t.Errorf("no report: error %v, want ErrMissingFact", err)
	}
	if err := CheckOpinionLetterBasis(true, false); err != nil {
		t.Errorf("with report: %v", err)
	}
	if err := CheckOpinionLetterBasis(false, true); err != nil {
		t.Errorf("with expert opinion: %v", err)
	}
}

func TestNextRound(t *testing.T) {
	r := Default()
	// Last meeting Wednesday 27 September 2023: 29 September to 6 October
	// off, 7 and 8 October worked, so the 7th working day is 12 October.
	last := d(2023, 9, 27)
	des := &Designation{On: d(2023, 9, 27), Reason: "three rivers, five obligors"}
	cases := []struct {
		name    string
		facts   RoundFacts
		err     error
		latest  date.Date
		warning bool
	}{
		{"second round in the gap", RoundFacts{Held: 1, LastMeeting: last, Proposed: d(2023, 10, 12)}, nil, d(2023, 10, 12), false},
		{"later without reason", RoundFacts{Held: 1, LastMeeting: last, Proposed: d(2023, 10, 13)}, ErrReasonRequired, 0, false},
		{"later with reason", RoundFacts{Held: 1, LastMeeting: last, Proposed: d(2023, 10, 20), Reason: "expert review"}, nil, d(2023, 10, 12), true},
		{"third round undesignated", RoundFacts{Held: 2, LastMeeting: last, Proposed: d(2023, 10, 9)}, ErrRoundLimit, 0, false},
		{"third round designated", RoundFacts{Held: 2, LastMeeting: last, Proposed: d(2023, 10, 9), Designation: des}, nil, d(2023, 10, 12), false},
		{"designated too late", RoundFacts{Held: 2, LastMeeting: last, Proposed: d(2023, 10, 9),
			Designation: &Designation{On: d(2023, 9, 28), Reason: "late"}}, ErrRoundLimit, 0, false},
		{"fourth round designated", RoundFacts{Held: 3, LastMeeting: last, Proposed: d(2023, 10, 9), Designation: des}, ErrRoundLimit, 0, false},
		{"proposed before last", RoundFacts{Held: 1, LastMeeting: last, Proposed: last}, ErrDateOrder, 0, false},
		{"no meeting held", RoundFacts{LastMeeting: last, Proposed: d(2023, 10, 9)}, ErrMissingFact, 0, false},
	}
	for _, tc := range cases {
		got, err := r.NextRound(tc.facts)
		if !errors.Is(err, tc.err) {
			t.Errorf("%s: error %v, want %v", tc.name, err, tc.err)
			continue
		}
		if err != nil {
			var v *Violation
			if !errors.As(err, &v) || v.Citation.Article != 15 {
				t.Errorf("%s: error %v does not cite Art. 15", tc.name, err)
			}
			continue
		}
		if got.Latest.End != tc.latest || (got.Warning != nil) != tc.warning {
			t.Errorf("%s: latest %s warning %v, want %s warning %v", tc.name,
				got.Latest.End, got.Warning, tc.latest, tc.warning)
		}
	}
}

func TestTerminationGrounds(t *testing.T) {
	r := Default()
	facts := TerminationFacts{
		OpinionReceived: d(2024, 9, 27), // reply deadline 2024-10-12
		FailedRounds:    []date.Date{d(2024, 11, 5), d(2024, 11, 14)},
		Recorded:        []RecordedGround{{Item: 6, On: d(2024, 11, 20), Reason: "insolvent"}},
	}
	want := []Ground{
		{Citation: Art(17).ItemOf(2), Since: d(2024, 10, 13), Reason: "no written reply to the opinion letter by 2024-10-12"},
		{Citation: Art(17).ItemOf(5), Since: d(2024, 11, 14), Reason: "no agreement after the allowed number of meetings"},
		{Citation: Art(17).ItemOf(6), Since: d(2024, 11, 20), Reason: "insolvent"},
	}
	got, err := r.TerminationGrounds(facts, d(2024, 12, 1))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("grounds (-want +got):\n%s", diff)
	}
	got, err = r.TerminationGrounds(facts, d(2024, 10, 12))
	if err != nil || len(got) != 0 {
		t.Errorf("grounds on the reply deadline = %v, %v, want none", got, err)
	}

	// A reply in time removes item 2; a designation made in time needs a
	// third failed meeting for item 5.
	facts.OpinionReply = &Reply{Received: d(2024, 10, 10), Delivery: ByHand}
	facts.Designation = &Designation{On: d(2024, 11, 14), Reason: "complex"}
	facts.Recorded = nil
	got, err = r.TerminationGrounds(facts, d(2024, 12, 1))
	if err != nil || len(got) != 0 {
		t.Errorf("grounds with reply and designation = %v, %v, want none", got, err)
	}
	facts.Designation.On = d(2024, 11, 15)
	got, err = r.TerminationGrounds(facts, d(2024, 12, 1))
	if err != nil || len(got) != 1 || got[0].Citation != Art(17).ItemOf(5) {
		t.Errorf("grounds with a late designation = %v, %v, want item 5", got, err)
	}

	bad := TerminationFacts{Recorded: []RecordedGround{{Item: 5, On: d(2024, 1, 2), Reason: "x"}}}
	if _, err := r.TerminationGrounds(bad, d(2024, 1, 3)); !errors.Is(err, ErrInvalidFact) {
		t.Errorf("recording item 5: error %v, want ErrInvalidFact", err)
	}
	noReason := TerminationFacts{Recorded: []RecordedGround{{Item: 3, On: d(2024, 1, 2)}}}
	if _, err := r.TerminationGrounds(noReason, d(2024, 1, 3)); !errors.Is(err, ErrReasonRequired) {
		t.Errorf("ground without reason: error %v, want ErrReasonRequired", err)
	}
}

func TestCheckMeetingPlan(t *testing.T) {
	ok := MeetingPlan{Host: "王某", Recorder: "李某", Date: d(2024, 11, 5),
		Online: "https://meeting.example/1", ObligorNotified: d(2024, 11, 1)}
	if err := CheckMeetingPlan(ok); err != nil {
		t.Errorf("complete plan: %v", err)
	}
	noRep := ok
	noRep.LegalPersonObligor = true
	if err := CheckMeetingPlan(noRep); !errors.Is(err, ErrMissingItem) {
		t.Errorf("legal person without representative: %v, want ErrMissingItem", err)
	}
	late := ok
	late.ObligorNotified = d(2024, 11, 5)
	if err := CheckMeetingPlan(late); !errors.Is(err, ErrDateOrder) {
		t.Errorf("told on the meeting day: %v, want ErrDateOrder", err)
	}
}

func TestMeetingStepsAndMinutes(t *testing.T) {
	if n := len(MeetingSteps(false)); n != 8 {
		t.Errorf("full meeting has %d steps, want 8", n)
	}
	simple := MeetingSteps(true)
	var items []int
	for _, s := range simple {
		items = append(items, s.Citation.Item)
	}
	if diff := cmp.Diff([]int{1, 2, 7, 8}, items); diff != "" {
		t.Errorf("simplified steps (-want +got):\n%s", diff)
	}
	m := Minutes{Attendees: []string{"王某", "张某"}, Signed: []string{"王某"}}
	if err := CheckMinutes(m); !errors.Is(err, ErrMissingItem) {
		t.Errorf("unsigned minutes without note: %v", err)
	}
	m.HostNote = "张某 refused to sign"
	if err := CheckMinutes(m); err != nil {
		t.Errorf("unsigned minutes with note: %v", err)
	}
}

func TestCheckAgreement(t *testing.T) {
	a := Agreement{AgencyName: "杭州市生态环境局", AgencyAddress: "杭州市",
		ObligorName: "某公司", ObligorAddress: "临平区", DamageFacts: "x",
		Evidence: []string{"report"}, Grounds: "Civil Code Art. 1234", Positions: "accepted",
		PerformanceManner: "payment", Steps: []PerformanceStep{{Description: "pay", Amount: Yuan(100), Due: d(2024, 12, 31)}},
		RestorationAssessment: "third party", DisputeResolution: "court", ForceMajeure: "extend"}
	if err := CheckAgreement(a); err != nil {
		t.Fatalf("complete agreement: %v", err)
	}
	a.ForceMajeure = ""
	a.Steps = append(a.Steps, PerformanceStep{Description: "replant"})
	var inc *IncompleteError
	if err := CheckAgreement(a); !errors.As(err, &inc) || len(inc.Missing) != 2 {
		t.Errorf("agreement missing two items: %v", err)
	}
}

func TestCourtDuty(t *testing.T) {
	cases := []struct {
		name  string
		facts CourtFacts
		on    date.Date
		want  Citation
		duty  bool
	}{
		{"nothing yet", CourtFacts{}, d(2024, 5, 1), Citation{}, false},
		{"failed consultation", CourtFacts{Failed: d(2024, 5, 1)}, d(2024, 5, 1), Art(20), true},
		{"failure in the future", CourtFacts{Failed: d(2024, 5, 2)}, d(2024, 5, 1), Citation{}, false},
		{"reneged before confirmation", CourtFacts{Reneged: d(2024, 5, 1)}, d(2024, 5, 3), Art(20), true},
		{"reneged after confirmation", CourtFacts{Confirmed: d(2024, 4, 1), Reneged: d(2024, 5, 1)}, d(2024, 5, 3), Art(22), true},
		{"not performed after confirmation", CourtFacts{Confirmed: d(2024, 4, 1), NotPerformed: d(2024, 6, 1)}, d(2024, 6, 1), Art(22), true},
		{"not performed without confirmation", CourtFacts{NotPerformed: d(2024, 6, 1)}, d(2024, 6, 1), Citation{}, false},
	}
	for _, tc := range cases {
		got, ok := CourtDuty(tc.facts, tc.on)
		if ok != tc.duty || got.Citation != tc.want {
			t.Errorf("%s: duty %v under %s, want %v under %s", tc.name, ok,
				got.Citation, tc.duty, tc.want)
		}
	}
}

func TestPerformanceDue(t *testing.T) {
	steps := []PerformanceStep{
		{Description: "pay first half", Amount: Yuan(600000), Due: d(2024, 6, 30), Done: d(2024, 6, 20)},
		{Description: "pay second half", Amount: Yuan(600000), Due: d(2024, 12, 31)},
	}
	got := PerformanceDue(steps, d(2025, 1, 2))
	if len(got) != 1 || !got[0].Overdue || got[0].Citation != Art(21) {
		t.Errorf("PerformanceDue = %+v, want the second step overdue", got)
	}
}

func TestParamsValidate(t *testing.T) {
	if err := Hangzhou2020().Validate(); err != nil {
		t.Fatal(err)
	}
	p := Hangzhou2020()
	p.MaxRoundsDesignated = 1
	if err := p.Validate(); !errors.Is(err, ErrInvalidParams) {
		t.Errorf("designated limit below ordinary: %v", err)
	}
	p = Hangzhou2020()
	p.ConfirmationDays = 0
	if _, err := New(Default().Calendar(), p); !errors.Is(err, ErrInvalidParams) {
		t.Errorf("zero confirmation days: %v", err)
	}
	if _, err := New(nil, Hangzhou2020()); !errors.Is(err, ErrInvalidParams) {
		t.Errorf("nil calendar: %v", err)
	}
}

func TestAmountString(t *testing.T) {
	cases := map[Amount]string{
		Yuan(1200000): "1,200,000.00 元",
		Amount(5):     "0.05 元",
		Yuan(-1000):   "-1,000.00 元",
		Amount(12345): "123.45 元",
	}
	for a, want := range cases {
		if got := a.String(); got != want {
			t.Errorf("Amount(%d).String() = %q, want %q", int64(a), got, want)
		}
	}
}

// errOutOfRange returns the calendar's range sentinel, so the test names
// it once.
func errOutOfRange() error { return calendar.ErrOutOfRange }

// opinionDeadline is OpinionReplyDeadline with the law's period.
func opinionDeadline(r Rules) func(date.Date) (Deadline, error) {
	return func(x date.Date) (Deadline, error) { return r.OpinionReplyDeadline(x, 0) }
}

func TestOpinionLetterLongerPeriod(t *testing.T) {
	r := Default()
	// The letter of 4 July 2025 gives 10 working days: 18 July, not the
	// law's 15 July. An objection received 17 July is in time.
	reply := &OpinionReply{Reply: Reply{Received: d(2025, 7, 17), Delivery: ByHand}, Answer: Object}
	got, err := r.OpinionOutcome(d(2025, 7, 4), 10, reply, d(2025, 7, 18))
	if err != nil || got.Outcome != OpinionObjected || got.Deadline.End != d(2025, 7, 18) {
		t.Errorf("OpinionOutcome with 10 stated days = %+v, %v, want objected by 2025-07-18", got, err)
	}
	grounds, err := r.TerminationGrounds(TerminationFacts{OpinionReceived: d(2025, 7, 4),
		OpinionReplyWorkdays: 10, OpinionReply: &reply.Reply}, d(2025, 7, 21))
	if err != nil || len(grounds) != 0 {
		t.Errorf("grounds with a reply in the stated period = %v, %v, want none", grounds, err)
	}
	// A shorter stated period counts as the law's.
	dl, err := r.OpinionReplyDeadline(d(2025, 7, 4), 3)
	if err != nil || dl.End != d(2025, 7, 15) {
		t.Errorf("OpinionReplyDeadline with 3 stated days = %s, %v, want 2025-07-15", dl.End, err)
	}
}

func TestZeroRules(t *testing.T) {
	var z Rules
	if _, err := z.TerminationGrounds(TerminationFacts{}, d(2024, 1, 2)); !errors.Is(err, ErrZeroRules) {
		t.Errorf("zero Rules TerminationGrounds: %v, want ErrZeroRules", err)
	}
	if err := z.CheckExpertRoute(ExpertRouteFacts{DamageClear: true}); !errors.Is(err, ErrZeroRules) {
		t.Errorf("zero Rules CheckExpertRoute: %v, want ErrZeroRules", err)
	}
	if _, err := z.NoticeReplyDeadline(d(2024, 1, 2)); !errors.Is(err, ErrZeroRules) {
		t.Errorf("zero Rules NoticeReplyDeadline: %v, want ErrZeroRules", err)
	}
}

func TestTerminationFactsValidated(t *testing.T) {
	r := Default()
	cases := []struct {
		name  string
		facts TerminationFacts
		on    date.Date
		want  error
	}{
		{"zero day", TerminationFacts{}, 0, ErrMissingFact},
		{"reply without a day", TerminationFacts{OpinionReceived: d(2024, 9, 27), OpinionReply: &Reply{}}, d(2024, 10, 20), ErrMissingFact},
		{"reply before the letter", TerminationFacts{OpinionReceived: d(2024, 9, 27),
			OpinionReply: &Reply{Received: d(2024, 9, 1), Delivery: ByHand}}, d(2024, 10, 20), ErrDateOrder},
		{"unknown delivery", TerminationFacts{OpinionReceived: d(2024, 9, 27),
			OpinionReply: &Reply{Received: d(2024, 10, 1), Delivery: 9}}, d(2024, 10, 20), ErrInvalidFact},
		{"meeting without a day", TerminationFacts{FailedRounds: []date.Date{0, 0}}, d(2024, 10, 20), ErrMissingFact},
	}
	for _, tc := range cases {
		if _, err := r.TerminationGrounds(tc.facts, tc.on); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
}

func TestRecordedGroundsMerged(t *testing.T) {
	got, err := Default().TerminationGrounds(TerminationFacts{Recorded: []RecordedGround{
		{Item: 3, On: d(2024, 3, 5), Reason: "walked out"},
		{Item: 1, On: d(2024, 3, 3), Reason: "refused"},
		{Item: 3, On: d(2024, 3, 1), Reason: "absent"},
	}}, d(2024, 3, 10))
	want := []Ground{
		{Citation: Art(17).ItemOf(1), Since: d(2024, 3, 3), Reason: "refused"},
		{Citation: Art(17).ItemOf(3), Since: d(2024, 3, 1), Reason: "absent"},
	}
	if diff := cmp.Diff(want, got); err != nil || diff != "" {
		t.Errorf("grounds (-want +got):\n%s %v", diff, err)
	}
}

func TestMeetingPlanLateAndMissing(t *testing.T) {
	err := CheckMeetingPlan(MeetingPlan{Host: "a", Date: d(2025, 7, 22), ObligorNotified: d(2025, 7, 23)})
	if !errors.Is(err, ErrDateOrder) || !errors.Is(err, ErrMissingItem) {
		t.Errorf("plan missing items and told late: %v, want both errors", err)
	}
}

func TestCitationEdgeForms(t *testing.T) {
	if got := (Citation{Article: 17, Item: 5}).String(); got != "Art. 17(1)(5)" {
		t.Errorf("item without paragraph prints %q, want Art. 17(1)(5)", got)
	}
	for _, s := range []string{"第十七条第五项", "第十七条第（五）项"} {
		c, err := ParseCitation(s)
		if err != nil || c != Art(17).ItemOf(5) {
			t.Errorf("ParseCitation(%q) = %v, %v, want Art. 17(1)(5)", s, c, err)
		}
	}
	for _, s := range []string{"Art. 31", "Art. 1000", "Art. 9223372036854775807"} {
		if _, err := ParseCitation(s); err == nil {
			t.Errorf("ParseCitation(%q) accepted an article the measures lack", s)
		}
	}
	if _, err := ParseCitation(strings.Repeat("第", 100000)); err == nil || len(err.Error()) > 200 {
		t.Errorf("a huge citation gave a %d-byte error", len(err.Error()))
	}
	if (Citation{}).String() != "(no citation)" {
		t.Errorf("zero citation prints %q", Citation{}.String())
	}
}

func TestAmountExtremes(t *testing.T) {
	if got := Amount(math.MinInt64).String(); got != "-92,233,720,368,547,758.08 元" {
		t.Errorf("minimum amount prints %q", got)
	}
	if err := Default().CheckExpertRoute(ExpertRouteFacts{DamageClear: true, EstimatedDamage: -5,
		AssessmentCost: -1, ClearlyLowerReason: "x", Experts: 3}); !errors.Is(err, ErrInvalidFact) {
		t.Errorf("negative amounts: %v, want ErrInvalidFact", err)
	}
}

func TestCheckMinutesAttendance(t *testing.T) {
	if err := CheckMinutes(Minutes{}); !errors.Is(err, ErrMissingFact) {
		t.Errorf("minutes with no attendees: %v", err)
	}
	if err := CheckMinutes(Minutes{Attendees: []string{"王某"}, Signed: []string{"王某", "赵某"}}); !errors.Is(err, ErrInvalidFact) {
		t.Errorf("a signer who did not attend: %v", err)
	}
}

func TestFilledIgnoresInvisible(t *testing.T) {
	if _, err := Designate(d(2024, 1, 2), "\u200b\x00 "); !errors.Is(err, ErrReasonRequired) {
		t.Errorf("invisible reason: %v, want ErrReasonRequired", err)
	}
	if _, err := Designate(0, "complex"); !errors.Is(err, ErrMissingFact) {
		t.Errorf("designation without a day: %v, want ErrMissingFact", err)
	}
}

func TestCourtDutyConfirmedWins(t *testing.T) {
	got, ok := CourtDuty(CourtFacts{Failed: d(2024, 3, 1), Confirmed: d(2024, 4, 1),
		NotPerformed: d(2024, 6, 1)}, d(2024, 6, 2))
	if !ok || got.Citation != Art(22) {
		t.Errorf("confirmed and not performed: %+v, want Art. 22", got)
	}
}

func TestProxyActText(t *testing.T) {
	want := map[ProxyAct]string{ActReplyToNotice: "reply_notice", ActReplyToOpinion: "reply_opinion",
		ActAttendMeeting: "attend_meeting", ActObjectToAssessment: "object_assessment",
		ActAgreeAndSign: "agree_and_sign", ActReceiveDocuments: "receive_documents"}
	for act, name := range want {
		text, err := act.MarshalText()
		if err != nil || string(text) != name {
			t.Errorf("%v.MarshalText() = %q, %v, want %q", act, text, err, name)
		}
		var back ProxyAct
		if err := back.UnmarshalText([]byte(name)); err != nil || back != act {
			t.Errorf("UnmarshalText(%q) = %v, %v, want %v", name, back, err, act)
		}
	}
	var a ProxyAct
	if err := a.UnmarshalText([]byte("sign")); err == nil || !strings.Contains(err.Error(), "agree_and_sign") {
		t.Errorf("UnmarshalText(\"sign\"): error %v, want one listing the acts", err)
	}
	if _, err := ProxyAct(0).MarshalText(); err == nil {
		t.Error("ProxyAct(0).MarshalText: no error, want one")
	}
}
