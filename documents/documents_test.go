package documents

import (
	"errors"
	"html"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/ecoconsult/ecoconsult/calendar"
	"github.com/ecoconsult/ecoconsult/consult"
	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
)

// missingItems returns the items of the IncompleteError in err, failing
// the test if there is none.
func missingItems(t *testing.T, err error) []rules.MissingItem {
	t.Helper()
	var incomplete *rules.IncompleteError
	if !errors.As(err, &incomplete) {
		t.Fatalf("error %v is not an IncompleteError", err)
	}
	if !errors.Is(err, rules.ErrMissingItem) {
		t.Errorf("error %v does not match rules.ErrMissingItem", err)
	}
	return incomplete.Missing
}

// wantItems fails t unless items name exactly the Chinese items in want,
// in order, each under its citation.
func wantItems(t *testing.T, items []rules.MissingItem, want map[string]rules.Citation, order ...string) {
	t.Helper()
	var got []string
	for _, m := range items {
		got = append(got, m.Chinese)
		if c, ok := want[m.Chinese]; !ok || c != m.Citation {
			t.Errorf("missing item %s under %s, want it under %s", m.Chinese, m.Citation, c)
		}
	}
	if strings.Join(got, "，") != strings.Join(order, "，") {
		t.Errorf("missing items %v, want %v", got, order)
	}
}

// meetingCase builds a case that reaches consultation and holds the given
// meetings, each scheduled three days ahead, for an obligor of kind.
func meetingCase(t *testing.T, kind consult.ObligorKind, outcomes ...consult.MeetingHeld) consult.Case {
	t.Helper()
	agency := func(day date.Date) consult.Header { return consult.Header{Date: day, Actor: consult.Agency} }
	obligor := func(day date.Date) consult.Header { return consult.Header{Date: day, Actor: consult.Obligor} }
	events := []consult.Event{
		consult.InvestigationStarted{Header: agency(d(2024, time.March, 1)), CaseNumber: "西环赔〔2024〕2号",
			Obligor:  consult.ObligorInfo{Name: "张三", Kind: kind, Address: "杭州市西湖区某街道某小区1幢101室"},
			District: "西湖区"},
		consult.AssessmentIssued{Header: consult.Header{Date: d(2024, time.March, 4), Actor: consult.ExpertPanel},
			Route: consult.RouteExperts, Experts: 3, Amount: rules.Yuan(50000)},
		consult.NoticeServed{Header: agency(d(2024, time.March, 5))},
		consult.NoticeReplied{Header: obligor(d(2024, time.March, 6)), Consent: true, Delivery: rules.ByHand},
		consult.OpinionServed{Header: agency(d(2024, time.March, 11)), Amount: rules.Yuan(50000), ReplyWorkdays: 7},
		consult.OpinionReplied{Header: obligor(d(2024, time.March, 13)), Answer: rules.Object, Delivery: rules.ByHand},
	}
	day := d(2024, time.March, 14)
	for _, held := range outcomes {
		events = append(events, consult.MeetingScheduled{Header: agency(day), MeetingDate: day + 3,
			Host: "周某", Recorder: "钱某", Place: "本机关第一会议室", Invitees: []string{"孙某"}})
		held.Header = agency(day + 3)
		events = append(events, held)
		day += 4
	}
	c, err := consult.Default().Replay(events)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestNoticeMissingItems(t *testing.T) {
	c := replayUntil(t, fire, d(2021, time.October, 31))
	_, err := NewNotice(rules.Default(), c, NoticeFacts{})
	a := rules.Art(8).Para(3)
	wantItems(t, missingItems(t, err), map[string]rules.Citation{
		"赔偿权利人（送达机关）名称": a, "经调查发现的生态环境损害": a, "送达日期": a,
		"书面答复期限": a, "书面答复方式": a},
		"赔偿权利人（送达机关）名称", "经调查发现的生态环境损害", "送达日期", "书面答复期限", "书面答复方式")
}

func TestNoticeReplyDeadline(t *testing.T) {
	doc, err := fireNotice(t)
	if err != nil {
		t.Fatal(err)
	}
	n := doc.(Notice)
	if n.ReplyDeadline.End != d(2021, time.November, 8) {
		t.Errorf("reply deadline %s, want 2021-11-08, the 5th working day after 1 November", n.ReplyDeadline.End)
	}
	text, _ := Text(n)
	for _, want := range []string{"2021年11月8日（含当日）前", "第5个工作日", "按你单位不同意磋商处理"} {
		if !strings.Contains(text, want) {
			t.Errorf("notice text lacks %q", want)
		}
	}
}

func TestNoticeAddressesNaturalPerson(t *testing.T) {
	c := meetingCase(t, consult.NaturalPerson)
	n, err := NewNotice(rules.Default(), c, NoticeFacts{Agency: Agency{Name: "西湖区某局"},
		Damage: "损害", ReplyMethod: "当面递交"})
	if err != nil {
		t.Fatal(err)
	}
	text, _ := Text(n)
	if !strings.Contains(text, "请你将是否同意磋商") || strings.Contains(text, "你单位") {
		t.Errorf("a natural person is not addressed as 你:\n%s", text)
	}
}

func TestRenderRejectsIncompleteValues(t *testing.T) {
	docs := map[string]Document{
		"notice": Notice{}, "opinion": Opinion{}, "meeting notice": MeetingNotice{},
		"minutes": Minutes{}, "proxy checklist": ProxyChecklist{}, "agreement": Agreement{},
		"disclosure": Disclosure{}, "cooperation": CooperationRecord{},
	}
	for name, doc := range docs {
		if s, err := Text(doc); err == nil || s != "" {
			t.Errorf("Text(%s{}) = %d bytes, %v; want an error and nothing", name, len(s), err)
		}
		if s, err := HTML(doc); err == nil || s != "" {
			t.Errorf("HTML(%s{}) = %d bytes, %v; want an error and nothing", name, len(s), err)
		}
	}
}

func TestRenderRechecksChangedDocument(t *testing.T) {
	doc, err := fireNotice(t)
	if err != nil {
		t.Fatal(err)
	}
	n := doc.(Notice)
	n.ReplyMethod = " "
	if s, err := Text(n); !errors.Is(err, rules.ErrMissingItem) || s != "" {
		t.Errorf("Text of a notice whose reply method was cleared: %d bytes, %v", len(s), err)
	}
	if s, err := HTML(n); !errors.Is(err, rules.ErrMissingItem) || s != "" {
		t.Errorf("HTML of a notice whose reply method was cleared: %d bytes, %v", len(s), err)
	}
}

func TestNoticeProvisionalDeadline(t *testing.T) {
	r, err := rules.New(calendar.China().WithProvisional(), rules.Hangzhou2020())
	if err != nil {
		t.Fatal(err)
	}
	agency := func(day date.Date) consult.Header { return consult.Header{Date: day, Actor: consult.Agency} }
	c, err := consult.New(r).Replay([]consult.Event{
		consult.InvestigationStarted{Header: agency(d(2027, time.March, 1)), CaseNumber: "临环赔〔2027〕1号",
			Obligor: consult.ObligorInfo{Name: "某公司", Kind: consult.LegalPerson}, District: "临平区"},
		consult.NoticeServed{Header: agency(d(2027, time.March, 3))},
	})
	if err != nil {
		t.Fatal(err)
	}
	n, err := NewNotice(r, c, NoticeFacts{Agency: Agency{Name: "某局"}, Damage: "损害", ReplyMethod: "当面递交"})
	if err != nil {
		t.Fatal(err)
	}
	if !n.ReplyDeadline.Provisional {
		t.Fatal("a deadline in 2027 is not marked provisional")
	}
	text, _ := Text(n)
	if !strings.Contains(text, provisionalNote) {
		t.Errorf("notice with a provisional deadline lacks the note:\n%s", text)
	}
	if _, err := NewNotice(rules.Default(), c, NoticeFacts{Agency: Agency{Name: "某局"}, Damage: "损害",
		ReplyMethod: "当面递交"}); err == nil {
		t.Error("the national calendar without the provisional rule gave a deadline in 2027")
	}
}

func TestRenderNilDocument(t *testing.T) {
	var typedNil *Notice
	for _, doc := range []Document{nil, typedNil} {
		if _, err := Text(doc); !errors.Is(err, ErrNoDocument) {
			t.Errorf("Text(%#v) error %v, want ErrNoDocument", doc, err)
		}
		if _, err := HTML(doc); !errors.Is(err, ErrNoDocument) {
			t.Errorf("HTML(%#v) error %v, want ErrNoDocument", doc, err)
		}
	}
}

func TestOpinionRestorationItems(t *testing.T) {
	_, err := NewOpinion(rules.Default(), loadCase(t, fire), OpinionFacts{
		Agency: hangzhouAgency(), Cause: "案由", DamageFacts: "事实", Evidence: []string{"证据"},
		RestorationGoal: "目标", GoalBasis: "依据", CalculationBasis: "计算",
		PerformanceManner: "一次性支付", PerformanceDeadline: d(2022, time.June, 30),
		ReplyMethod: "当面递交"})
	r := rules.Art(10).Para(2)
	wantItems(t, missingItems(t, err), map[string]rules.Citation{
		"修复方案": r, "修复启动时间": r, "修复期限": r}, "修复方案", "修复启动时间", "修复期限")
}

func TestOpinionItemsOfArticle10(t *testing.T) {
	_, err := NewOpinion(rules.Default(), loadCase(t, stream), OpinionFacts{Agency: hangzhouAgency()})
	items := missingItems(t, err)
	if len(items) != 9 {
		t.Errorf("%d missing items, want the 9 of Art. 10(1) items 2 to 6 that the facts supply: %+v",
			len(items), items)
	}
	for _, m := range items {
		if m.Citation.Article != 10 || m.Citation.Paragraph != 1 {
			t.Errorf("missing item %s under %s, want Art. 10(1)", m.Chinese, m.Citation)
		}
	}
}

func TestOpinionReplyDeadline(t *testing.T) {
	doc, err := fireOpinion(t)
	if err != nil {
		t.Fatal(err)
	}
	o := doc.(Opinion)
	if o.ReplyDeadline.End != d(2021, time.November, 16) || o.ReplyDeadline.Citation != rules.Art(10).Para(3) {
		t.Errorf("reply deadline %s under %s, want 2021-11-16 under Art. 10(3)",
			o.ReplyDeadline.End, o.ReplyDeadline.Citation)
	}
}

func TestOpinionWithoutAssessment(t *testing.T) {
	doc, err := fireOpinion(t)
	if err != nil {
		t.Fatal(err)
	}
	o := doc.(Opinion)
	o.Route = ""
	var v *rules.Violation
	if err := o.Check(); !errors.As(err, &v) || v.Citation != rules.Art(9) {
		t.Errorf("Check without assessment: %v, want a violation of Art. 9", err)
	}
	if _, err := Text(o); err == nil {
		t.Error("Text rendered a letter without an assessment")
	}
}

func TestOpinionBuiltByHand(t *testing.T) {
	doc, err := fireOpinion(t)
	if err != nil {
		t.Fatal(err)
	}
	o := doc.(Opinion)
	o.rules = rules.Rules{}
	if err := o.Check(); !errors.Is(err, rules.ErrZeroRules) {
		t.Errorf("Check of an Opinion without rules: %v, want rules.ErrZeroRules", err)
	}
}

func TestMeetingNoticeFirstMeeting(t *testing.T) {
	c := meetingCase(t, consult.LegalPerson, consult.MeetingHeld{Outcome: consult.NotAgreed, Continue: true})
	n, err := NewMeetingNotice(c, MeetingNoticeFacts{Agency: Agency{Name: "西湖区某局"}, Meeting: 1})
	if err != nil {
		t.Fatal(err)
	}
	text, _ := Text(n)
	for _, want := range []string{"本机关于2024年3月13日收到你单位对生态环境损害赔偿意见书提出异议",
		"会议时间：2024年3月17日", "受邀参与磋商人：孙某", "营业执照、法定代表人身份证明复印件、授权委托书、受委托人身份证复印件",
		"明确授权代表参加"} {
		if !strings.Contains(text, want) {
			t.Errorf("meeting notice lacks %q:\n%s", want, text)
		}
	}
}

func TestMeetingNoticeUnknownMeeting(t *testing.T) {
	c := meetingCase(t, consult.NaturalPerson)
	_, err := NewMeetingNotice(c, MeetingNoticeFacts{Agency: Agency{Name: "西湖区某局"}, Meeting: 2})
	wantItems(t, missingItems(t, err), map[string]rules.Citation{"磋商会议安排": rules.Art(12).Para(1)},
		"磋商会议安排")
}

// fullRecords records every step of Art. 14(1) before the signing.
func fullRecords() map[int]string {
	return map[int]string{1: "核对", 2: "开始", 3: "陈述", 4: "说明", 5: "意见", 6: "受邀意见", 7: "磋商"}
}

func TestMinutesSignatures(t *testing.T) {
	c := meetingCase(t, consult.NaturalPerson, consult.MeetingHeld{Outcome: consult.Agreed})
	facts := MinutesFacts{Agency: Agency{Name: "西湖区某局"}, Records: fullRecords(),
		Attendees: []Attendee{{Name: "周某", Role: RoleHost}, {Name: "张三", Role: RoleObligor}},
		Signed:    []string{"周某"}}
	_, err := NewMinutes(c, facts)
	var v *rules.Violation
	if !errors.As(err, &v) || v.Citation != rules.Art(14).ItemOf(8) || !errors.Is(err, rules.ErrMissingItem) {
		t.Fatalf("an unsigned attendee without the host's note: %v, want a violation of Art. 14(1)(8)", err)
	}
	facts.HostNote = "张三对赔偿数额有保留意见，拒绝签字。"
	m, err := NewMinutes(c, facts)
	if err != nil {
		t.Fatal(err)
	}
	text, _ := Text(m)
	for _, want := range []string{"张三（赔偿义务人）：未签字，见主持人说明", "（主持人说明：张三对赔偿数额有保留意见，拒绝签字。）"} {
		if !strings.Contains(text, want) {
			t.Errorf("minutes lack %q:\n%s", want, text)
		}
	}
}

func TestMinutesForSigning(t *testing.T) {
	c := meetingCase(t, consult.NaturalPerson, consult.MeetingHeld{Outcome: consult.Agreed})
	m, err := NewMinutes(c, MinutesFacts{Agency: Agency{Name: "西湖区某局"}, Records: fullRecords(),
		Attendees:  []Attendee{{Name: "周某", Role: RoleHost}, {Name: "张三", Role: RoleObligor}},
		ForSigning: true})
	if err != nil {
		t.Fatal(err)
	}
	text, _ := Text(m)
	if !strings.Contains(text, "张三（赔偿义务人）签字：＿＿＿＿＿＿＿＿") {
		t.Errorf("minutes for signing lack a blank line for 张三:\n%s", text)
	}
}

func TestMinutesStepRecords(t *testing.T) {
	attendees := []Attendee{{Name: "张三", Role: RoleObligor}}
	c := meetingCase(t, consult.NaturalPerson, consult.MeetingHeld{Outcome: consult.Agreed})
	_, err := NewMinutes(c, MinutesFacts{Agency: Agency{Name: "西湖区某局"}, Attendees: attendees,
		Signed: []string{"张三"}})
	var want []string
	cites := map[string]rules.Citation{}
	for _, item := range []int{1, 2, 3, 4, 5, 6, 7} {
		name := "第" + chineseCount(item) + "项程序的记录"
		want = append(want, name)
		cites[name] = rules.Art(14).ItemOf(item)
	}
	wantItems(t, missingItems(t, err), cites, want...)

	_, err = NewMinutes(c, MinutesFacts{Agency: Agency{Name: "西湖区某局"}, Attendees: attendees,
		Signed: []string{"张三"}, Simplified: true})
	wantItems(t, missingItems(t, err), cites, "第一项程序的记录", "第二项程序的记录", "第七项程序的记录")

	absent := meetingCase(t, consult.NaturalPerson, consult.MeetingHeld{Outcome: consult.Absent})
	m, err := NewMinutes(absent, MinutesFacts{Agency: Agency{Name: "西湖区某局"},
		Attendees: []Attendee{{Name: "周某", Role: RoleHost}}, Signed: []string{"周某"},
		Records: map[int]string{1: "赔偿义务人未到会。"}})
	if err != nil {
		t.Fatalf("minutes of a meeting the obligor missed: %v", err)
	}
	text, _ := Text(m)
	if !strings.Contains(text, "赔偿义务人无正当理由缺席磋商会议，磋商程序终止") {
		t.Errorf("minutes of an absence lack its consequence:\n%s", text)
	}
}

func TestMinutesObligorSide(t *testing.T) {
	records := fullRecords()
	natural := meetingCase(t, consult.NaturalPerson, consult.MeetingHeld{Outcome: consult.Agreed})
	_, err := NewMinutes(natural, MinutesFacts{Agency: Agency{Name: "西湖区某局"}, Records: records,
		Attendees: []Attendee{{Name: "周某", Role: RoleHost}}, Signed: []string{"周某"}})
	wantItems(t, missingItems(t, err), map[string]rules.Citation{
		"赔偿义务人或其受委托人到会情况": rules.Art(14).ItemOf(1)}, "赔偿义务人或其受委托人到会情况")

	legal := meetingCase(t, consult.LegalPerson, consult.MeetingHeld{Outcome: consult.Agreed})
	_, err = NewMinutes(legal, MinutesFacts{Agency: Agency{Name: "西湖区某局"}, Records: records,
		Attendees: []Attendee{{Name: "周某", Role: RoleHost}}, Signed: []string{"周某"}})
	wantItems(t, missingItems(t, err), map[string]rules.Citation{"授权代表": rules.Art(12).Para(3)}, "授权代表")

	_, err = NewMinutes(legal, MinutesFacts{Agency: Agency{Name: "西湖区某局"}, Records: records,
		Attendees: []Attendee{{Name: "周某", Role: RoleHost}, {Name: "李律师", Role: RoleProxy}},
		Signed:    []string{"周某", "李律师"}})
	var v *rules.Violation
	if !errors.As(err, &v) || !errors.Is(err, rules.ErrProxy) || v.Citation != rules.Art(13) {
		t.Errorf("a proxy without papers at the meeting: %v, want a violation of Art. 13", err)
	}
}

func TestMinutesRoundLimit(t *testing.T) {
	c := meetingCase(t, consult.NaturalPerson, consult.MeetingHeld{Outcome: consult.NotAgreed, Continue: true},
		consult.MeetingHeld{Outcome: consult.NotAgreed, Continue: true})
	m, err := NewMinutes(c, MinutesFacts{Agency: Agency{Name: "西湖区某局"}, Records: fullRecords(),
		Attendees: []Attendee{{Name: "张三", Role: RoleObligor}}, Signed: []string{"张三"}})
	if err != nil {
		t.Fatal(err)
	}
	if m.Citation != rules.Art(17).ItemOf(5) {
		t.Errorf("outcome cited %s, want Art. 17(1)(5) for the second failed meeting", m.Citation)
	}
	text, _ := Text(m)
	if !strings.Contains(text, "磋商程序终止（《杭州市生态环境损害赔偿磋商办法》第十七条第一款第五项）") {
		t.Errorf("minutes lack the end of consultation:\n%s", text)
	}
}

func TestProxyChecklistStates(t *testing.T) {
	doc, err := spillProxyChecklist(t)
	if err != nil {
		t.Fatal(err)
	}
	l := doc.(ProxyChecklist)
	if l.Result.OK() || len(l.Result.Problems) != 2 {
		t.Errorf("problems %+v, want the legal representative's ID and the special power", l.Result.Problems)
	}

	c := replayUntil(t, spill, d(2024, time.April, 10))
	none, err := NewProxyChecklist(c, ProxyFacts{Agency: Agency{Name: "某局"}, Proxy: "赵某",
		Act: rules.ActAttendMeeting, Day: d(2024, time.April, 12)})
	if err != nil {
		t.Fatal(err)
	}
	text, _ := Text(none)
	if none.OnFile {
		t.Error("a proxy with no authorization is reported on file")
	}
	for _, row := range []string{"1　营业执照　缺少", "2　法定代表人身份证明复印件　缺少", "3　授权委托书　缺少",
		"4　委托事项　待收到授权委托书后核对", "7　受委托人身份证复印件　缺少"} {
		if !strings.Contains(text, row) {
			t.Errorf("checklist of a proxy with no papers lacks the row %q:\n%s", row, text)
		}
	}

	_, err = NewProxyChecklist(c, ProxyFacts{Agency: Agency{Name: "某局"}, Proxy: "赵某",
		Act: rules.ActAttendMeeting})
	var v *rules.Violation
	if !errors.As(err, &v) || !errors.Is(err, rules.ErrInvalidFact) {
		t.Errorf("a checklist without the day of the act: %v, want rules.ErrInvalidFact", err)
	}
}

func TestProxyChecklistComplete(t *testing.T) {
	c := replayUntil(t, spill, d(2024, time.April, 10))
	day := d(2024, time.April, 12)
	c, err := consult.Default().Apply(c, consult.ProxyAuthorized{
		Header:    consult.Header{Date: day, Actor: consult.Obligor},
		ProxyName: "陈某", OrganizationLicence: day, RepresentativeIDCopy: day, ProxyIDCopy: day,
		PowerOfAttorney: day, Matters: []string{c.Number}, From: day, Until: d(2024, time.June, 30),
		Acts: []consult.ProxyAct{consult.ActAgreeAndSign}})
	if err != nil {
		t.Fatal(err)
	}
	l, err := NewProxyChecklist(c, ProxyFacts{Agency: Agency{Name: "某局"}, Proxy: "陈某",
		Act: rules.ActAgreeAndSign, Day: d(2024, time.April, 19)})
	if err != nil {
		t.Fatal(err)
	}
	text, _ := Text(l)
	if !l.Result.OK() || !strings.Contains(text, "结论：上述材料齐备") ||
		!strings.Contains(text, "已写明：逐项授权：同意赔偿条款、签署赔偿协议") {
		t.Errorf("complete papers not shown as complete:\n%s", text)
	}
}

func TestAgreementMissingItems(t *testing.T) {
	_, err := NewAgreement(rules.Default(), loadCase(t, fire), AgreementFacts{Agency: Agency{Name: "杭州市生态环境局"}})
	items := missingItems(t, err)
	want := []string{"赔偿权利人地址", "生态环境损害事实", "有关证据", "赔偿理由", "双方对赔偿意见书的意见",
		"履行方式", "修复及治理效果的评估事宜", "争议的解决途径", "不可抗力因素的处理"}
	var got []string
	for _, m := range items {
		got = append(got, m.Chinese)
		if m.Citation.Article != 18 || m.Citation.Paragraph != 2 {
			t.Errorf("missing item %s under %s, want Art. 18(2)", m.Chinese, m.Citation)
		}
	}
	if strings.Join(got, "，") != strings.Join(want, "，") {
		t.Errorf("missing items %v, want %v", got, want)
	}

	_, err = NewAgreement(rules.Default(), replayUntil(t, fire, d(2021, time.November, 18)), AgreementFacts{})
	found := false
	for _, m := range missingItems(t, err) {
		found = found || (m.Chinese == "签订日期" && m.Citation == rules.Art(18).Para(1))
	}
	if !found {
		t.Error("an agreement of a case with no agreement_signed does not name the day of signing")
	}
}

func TestAgreementDeadlineAndNotices(t *testing.T) {
	doc, err := fireAgreement(t)
	if err != nil {
		t.Fatal(err)
	}
	a := doc.(Agreement)
	// Effective 2021-11-19: day 30 is Sunday 19 December, so the period
	// ends on Monday 20 December.
	if a.ConfirmationDeadline.End != d(2021, time.December, 20) {
		t.Errorf("confirmation deadline %s, want 2021-12-20", a.ConfirmationDeadline.End)
	}
	text, _ := Text(a)
	for _, want := range []string{"2021年12月20日（含当日）前，向有管辖权的人民法院申请司法确认",
		"告知同级检察机关和财政主管部门", "贰佰叁拾万肆仟元整", "支付第一期赔偿款"} {
		if !strings.Contains(text, want) {
			t.Errorf("agreement lacks %q", want)
		}
	}
	a.Amount = rules.Yuan(100)
	var v *rules.Violation
	if err := a.Check(); !errors.As(err, &v) || v.Citation != rules.Art(18).Para(2).ItemOf(4) {
		t.Errorf("steps paying more than the amount: %v, want a violation of Art. 18(2)(4)", err)
	}
}

func TestDisclosureMasksNaturalPerson(t *testing.T) {
	c := meetingCase(t, consult.NaturalPerson, consult.MeetingHeld{Outcome: consult.NotAgreed, Continue: false})
	facts := DisclosureFacts{Agency: Agency{Name: "西湖区某局", Phone: "13900000000"},
		Date: d(2024, time.April, 1), Summary: "倾倒废水污染河道。"}
	doc, err := NewDisclosure(c, facts)
	if err != nil {
		t.Fatal(err)
	}
	text, _ := Text(doc)
	page, _ := HTML(doc)
	if !strings.Contains(text, "赔偿义务人：张某") {
		t.Error("text does not name the obligor as 张某")
	}
	for name, out := range map[string]string{"text": text, "HTML": html.UnescapeString(page)} {
		for _, secret := range []string{"张三", "西湖区某街道某小区1幢101室"} {
			if strings.Contains(out, secret) {
				t.Errorf("%s shows %q", name, secret)
			}
		}
		if !strings.Contains(out, "本机关将依法提起生态环境损害赔偿诉讼") {
			t.Errorf("%s of a failed consultation lacks the lawsuit", name)
		}
	}

	leaks := map[string]string{
		"full name":       "张三倾倒废水。",
		"home address":    "废水来自杭州市西湖区某街道某小区1幢101室。",
		"identity number": "当事人身份证号11010519491231002X。",
		"mobile number":   "联系电话１３８１２３４５６７８。",
		// Invisible characters vanish from the printed text and must not
		// hide a number from the check.
		"split identity number": "身份证号110105\u200b19491231002X。",
		"hyphenated mobile":     "手机138-1234-5678。",
		"mobile with +86":       "手机+8613812345678。",
		"spaced full name":      "张 三倾倒废水。",
	}
	for what, summary := range leaks {
		f := facts
		f.Summary = summary
		if _, err := NewDisclosure(c, f); !errors.Is(err, ErrPersonalData) {
			t.Errorf("a summary with the %s: %v, want ErrPersonalData", what, err)
		}
	}
	numbered := facts
	numbered.Number = "13812345678"
	if _, err := NewDisclosure(c, numbered); !errors.Is(err, ErrPersonalData) {
		t.Errorf("a mobile number as the document number: %v, want ErrPersonalData", err)
	}
}

func TestDisclosurePublishesOrganization(t *testing.T) {
	doc, err := spillDisclosure(t)
	if err != nil {
		t.Fatal(err)
	}
	text, _ := Text(doc)
	if !strings.Contains(text, "赔偿义务人：宁波纽倍特金属制品有限公司") ||
		!strings.Contains(text, "2024年4月30日已履行") {
		t.Errorf("disclosure of a legal person:\n%s", text)
	}
}

func TestCooperationRecordNeedsPerformance(t *testing.T) {
	c := replayUntil(t, fire, d(2022, time.July, 1))
	_, err := NewCooperationRecord(rules.Default(), c, CooperationFacts{Agency: hangzhouAgency(),
		Date: d(2022, time.July, 1), Recipient: "杭州市临平区人民法院"})
	if !errors.Is(err, ErrNotEligible) || !strings.Contains(err.Error(), "step 3") {
		t.Errorf("a record before the last step is done: %v, want ErrNotEligible naming step 3", err)
	}

	doc, err := fireCooperation(t)
	if err != nil {
		t.Fatal(err)
	}
	rec := doc.(CooperationRecord)
	if !rec.TookPart || !rec.Performed || rec.Paid != rules.Yuan(2304000) {
		t.Errorf("record of case 01: took part %v, performed %v, paid %s; want true, true, 2,304,000.00",
			rec.TookPart, rec.Performed, rec.Paid)
	}
	for _, a := range rec.Acts {
		if a.Due != 0 && !a.InTime {
			t.Errorf("act %q of %s marked late against %s", a.What, a.Date, a.Due)
		}
	}
}

func TestCooperationRecordRefusal(t *testing.T) {
	c := meetingCase(t, consult.NaturalPerson, consult.MeetingHeld{Outcome: consult.WalkedOut})
	_, err := NewCooperationRecord(rules.Default(), c, CooperationFacts{Agency: Agency{Name: "某局"},
		Date: d(2024, time.April, 1), Recipient: "某局"})
	if !errors.Is(err, ErrNotEligible) || !strings.Contains(err.Error(), "walked_out") {
		t.Errorf("a record after a walk-out: %v, want ErrNotEligible naming it", err)
	}
}

// TestTextAndHTMLAgree checks that both renderings of every golden
// document carry every string of its page.
func TestTextAndHTMLAgree(t *testing.T) {
	for _, g := range goldenDocuments {
		doc, err := g.build(t)
		if err != nil {
			t.Fatal(err)
		}
		text, _ := Text(doc)
		page, _ := HTML(doc)
		page = html.UnescapeString(page)
		p := doc.layout()
		p.sanitize()
		for _, s := range strings.Split(pageText(p), "\n") {
			if s == "" {
				continue
			}
			if !strings.Contains(text, s) {
				t.Errorf("%s: text lacks %q", g.name, s)
			}
			if !strings.Contains(page, s) {
				t.Errorf("%s: HTML lacks %q", g.name, s)
			}
		}
	}
}

func TestAgreementNaturalPersonSignsByHand(t *testing.T) {
	c := loadCase(t, stream)
	a, err := NewAgreement(rules.Default(), c, AgreementFacts{
		Agency: hangzhouAgency(), DamageFacts: "x", Evidence: []string{"y"}, Grounds: "z",
		Positions: "无异议", PerformanceManner: "一次性支付", RestorationAssessment: "无需修复",
		DisputeResolution: "协商解决", ForceMajeure: "顺延",
	})
	if err != nil {
		t.Fatal(err)
	}
	text, err := Text(a)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "乙方（签字）：＿") {
		t.Errorf("a natural person's agreement has no blank signature line:\n%s", text)
	}
}

func TestRecordsDatedBeforeTheirEvents(t *testing.T) {
	c := loadCase(t, fire)
	// The agreement of case 01 was signed on 19 November 2021.
	_, err := NewDisclosure(c, DisclosureFacts{Agency: hangzhouAgency(), Summary: "火灾",
		Date: d(2021, time.November, 10)})
	if !errors.Is(err, rules.ErrDateOrder) {
		t.Errorf("disclosure dated before the signing: %v, want ErrDateOrder", err)
	}
	_, err = NewCooperationRecord(rules.Default(), c, CooperationFacts{Agency: hangzhouAgency(),
		Date: d(2021, time.November, 10), Recipient: "某法院"})
	if !errors.Is(err, rules.ErrDateOrder) {
		t.Errorf("cooperation record dated before the case's events: %v, want ErrDateOrder", err)
	}
}

func TestOpinionDaysAfterReceipt(t *testing.T) {
	doc, err := fireOpinion(t)
	if err != nil {
		t.Fatal(err)
	}
	o := doc.(Opinion)
	early := o
	early.PerformanceDeadline = o.Received - 1
	if err := early.Check(); !errors.Is(err, rules.ErrDateOrder) {
		t.Errorf("performance deadline before receipt: error %v, want ErrDateOrder", err)
	}
	moved := o
	moved.ReplyDeadline.End = d(2020, time.January, 1)
	if err := moved.Check(); !errors.Is(err, rules.ErrInvalidFact) {
		t.Errorf("hand-set reply deadline: error %v, want ErrInvalidFact", err)
	}
	if err := o.Check(); err != nil {
		t.Errorf("the letter as built: %v", err)
	}
}

func TestMinutesAbsentObligorListed(t *testing.T) {
	absent := meetingCase(t, consult.NaturalPerson, consult.MeetingHeld{Outcome: consult.Absent})
	_, err := NewMinutes(absent, MinutesFacts{Agency: Agency{Name: "西湖区某局"},
		Attendees: []Attendee{{Name: "周某", Role: RoleHost}, {Name: "张三", Role: RoleObligor}},
		Signed:    []string{"周某", "张三"}, Records: map[int]string{1: "赔偿义务人未到会。"}})
	if !errors.Is(err, rules.ErrInvalidFact) {
		t.Errorf("minutes listing an absent obligor: error %v, want ErrInvalidFact", err)
	}
}

func TestMinutesInvalidRoleAndStep(t *testing.T) {
	c := meetingCase(t, consult.NaturalPerson, consult.MeetingHeld{Outcome: consult.Agreed})
	base := MinutesFacts{Agency: Agency{Name: "西湖区某局"}, Records: fullRecords(),
		Attendees: []Attendee{{Name: "周某", Role: RoleHost}, {Name: "张三", Role: RoleObligor}},
		Signed:    []string{"周某", "张三"}}
	if _, err := NewMinutes(c, base); err != nil {
		t.Fatalf("the minutes as given: %v", err)
	}
	badRole := base
	badRole.Attendees = []Attendee{{Name: "周某", Role: 77}, {Name: "张三", Role: RoleObligor}}
	if _, err := NewMinutes(c, badRole); !errors.Is(err, rules.ErrInvalidFact) {
		t.Errorf("role 77: error %v, want ErrInvalidFact", err)
	}
	badStep := base
	badStep.Records = maps.Clone(base.Records)
	badStep.Records[9] = "多余的记录"
	if _, err := NewMinutes(c, badStep); !errors.Is(err, rules.ErrInvalidFact) {
		t.Errorf("record of step 9: error %v, want ErrInvalidFact", err)
	}
	simplified := base
	simplified.Simplified = true
	if _, err := NewMinutes(c, simplified); !errors.Is(err, rules.ErrInvalidFact) {
		t.Errorf("simplified meeting with records of steps 3 to 6: error %v, want ErrInvalidFact", err)
	}
}

func TestHandSetDeadlinesRejected(t *testing.T) {
	doc, err := fireNotice(t)
	if err != nil {
		t.Fatal(err)
	}
	n := doc.(Notice)
	n.ReplyDeadline.End++
	if err := n.Check(); !errors.Is(err, rules.ErrInvalidFact) {
		t.Errorf("notice with a moved reply deadline: error %v, want ErrInvalidFact", err)
	}
	if (Notice{}).Check() == nil {
		t.Error("the zero Notice passes Check")
	}
	doc, err = fireAgreement(t)
	if err != nil {
		t.Fatal(err)
	}
	a := doc.(Agreement)
	a.ConfirmationDeadline.End--
	if err := a.Check(); !errors.Is(err, rules.ErrInvalidFact) {
		t.Errorf("agreement with a moved confirmation deadline: error %v, want ErrInvalidFact", err)
	}
}
