package consult

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
)

// benchCaseNumber is the case number of benchmarkLog.
const benchCaseNumber = "杭环赔〔2024〕15号"

// benchAgendaDay is the day benchmarkLog's agenda is computed for: the
// agreement is confirmed and its last step is due on 31 October 2024.
var benchAgendaDay = date.New(2024, time.October, 15)

// benchmarkLog returns a 30-event case that runs from the investigation
// through an objection, a designation and three meetings to a confirmed
// agreement with two of its three steps performed.
func benchmarkLog() []Event {
	on := func(month time.Month, day int) date.Date { return date.New(2024, month, day) }
	agency := func(day date.Date) Header { return Header{Date: day, Actor: Agency} }
	proxy := func(day date.Date) Header { return Header{Date: day, Actor: Proxy, Proxy: "王某某"} }
	steps := []Step{
		{Description: "支付生态环境损害赔偿金第一期", Amount: rules.Yuan(600_000), Due: on(time.June, 30)},
		{Description: "支付生态环境损害赔偿金第二期", Amount: rules.Yuan(600_000), Due: on(time.August, 31)},
		{Description: "完成受损河段底泥清淤和岸坡修复", Amount: rules.Yuan(660_000), Due: on(time.October, 31)},
	}
	return []Event{
		InvestigationStarted{Header: agency(on(time.March, 4)), CaseNumber: benchCaseNumber,
			Obligor: ObligorInfo{Name: "杭州某印染有限公司", Kind: LegalPerson,
				Address: "杭州市余杭区某街道某路8号"},
			District: "余杭区", Incident: "印染废水经雨水管网排入南苕溪支流"},
		ProcuratorateInformed{Header: agency(on(time.March, 5))},
		EvidencePreserved{Header: agency(on(time.March, 6)), Evidence: "排污口下游底泥和水样",
			Risk: "汛期冲刷后污染物难以再取证"},
		EvidencePreserved{Header: Header{Date: on(time.March, 20), Actor: Procuratorate},
			Evidence: "企业污水处理设施运行台账", Risk: "台账可能被改写"},
		AssessmentIssued{Header: Header{Date: on(time.April, 8), Actor: Institution},
			Route: RouteReport, Amount: rules.Yuan(1_860_000)},
		NoticeServed{Header: agency(on(time.April, 10)), Method: "直接送达"},
		ProxyAuthorized{Header: Header{Date: on(time.April, 12), Actor: Obligor},
			ProxyName: "王某某", OrganizationLicence: on(time.April, 12),
			RepresentativeIDCopy: on(time.April, 12), ProxyIDCopy: on(time.April, 12),
			PowerOfAttorney: on(time.April, 12), Matters: []string{benchCaseNumber},
			From: on(time.April, 12), Until: on(time.December, 31),
			Acts: []ProxyAct{ActReplyNotice, ActReplyOpinion, ActAttendMeeting,
				ActObjectAssessment, ActAgreeAndSign, ActReceiveDocuments}},
		NoticeReplied{Header: proxy(on(time.April, 15)), Consent: true, Delivery: rules.ByHand},
		OpinionServed{Header: agency(on(time.April, 22)), Amount: rules.Yuan(1_860_000),
			ReplyWorkdays: 7, Restoration: true},
		OpinionReplied{Header: proxy(on(time.April, 29)), Answer: rules.Object,
			Delivery: rules.Electronically},
		AssessmentObjected{Header: proxy(on(time.April, 29)),
			Evidence: []string{"第三方检测机构出具的水质检测报告"}},
		AssessmentReviewed{Header: agency(on(time.May, 8)), Method: "explanation"},
		MeetingScheduled{Header: agency(on(time.May, 9)), MeetingDate: on(time.May, 14),
			Host: "区生态环境分局副局长", Recorder: "执法队员", Place: "区生态环境分局三楼会议室",
			Invitees: []string{"区人民检察院"}},
		MeetingHeld{Header: agency(on(time.May, 14)), Outcome: NotAgreed, Continue: true},
		CaseDesignated{Header: agency(on(time.May, 15)), Reason: "修复方案涉及两个区县，案情复杂"},
		MeetingScheduled{Header: agency(on(time.May, 16)), MeetingDate: on(time.May, 22),
			Host: "区生态环境分局副局长", Recorder: "执法队员",
			Online: "https://meeting.example.cn/room/2031"},
		MeetingHeld{Header: agency(on(time.May, 22)), Outcome: NotAgreed, Continue: true},
		MeetingScheduled{Header: agency(on(time.May, 23)), MeetingDate: on(time.May, 29),
			Host: "区生态环境分局副局长", Recorder: "执法队员", Place: "区生态环境分局三楼会议室"},
		MeetingHeld{Header: agency(on(time.May, 29)), Outcome: Agreed},
		AgreementSigned{Header: proxy(on(time.June, 5)), Effective: on(time.June, 5),
			Amount: rules.Yuan(1_860_000), Steps: steps},
		AgreementReported{Header: agency(on(time.June, 6)), To: ToProcuratorate},
		AgreementReported{Header: agency(on(time.June, 6)), To: ToFinance},
		DisclosurePublished{Header: agency(on(time.June, 7)), Where: "杭州市生态环境局门户网站"},
		ConfirmationApplied{Header: agency(on(time.June, 11))},
		ConfirmationDecided{Header: Header{Date: on(time.June, 25), Actor: Court}, Confirmed: true},
		PerformanceDone{Header: Header{Date: on(time.June, 28), Actor: Obligor}, Step: 1},
		EvidencePreserved{Header: Header{Date: on(time.July, 15), Actor: Procuratorate},
			Evidence: "修复工程施工记录", Risk: "施工后原状无法复原"},
		PerformanceDone{Header: Header{Date: on(time.August, 30), Actor: Obligor}, Step: 2},
		DisclosurePublished{Header: agency(on(time.September, 2)), Where: "余杭区人民政府门户网站"},
		EvidencePreserved{Header: agency(on(time.September, 10)), Evidence: "清淤前的河段航拍影像",
			Risk: "清淤开工后河段原貌消失"},
	}
}

// TestBenchmarkLog checks that the benchmarks measure what they claim: 30
// accepted events, a confirmed case and an agenda with the open step.
func TestBenchmarkLog(t *testing.T) {
	g := Default()
	log := benchmarkLog()
	if len(log) != 30 {
		t.Fatalf("benchmarkLog has %d events, want 30", len(log))
	}
	c, err := g.Replay(log)
	if err != nil {
		t.Fatalf("Replay: %v", err)
	}
	if c.Stage != Confirmed {
		t.Fatalf("the case is %s, want %s", c.Stage, Confirmed)
	}
	items, err := g.Agenda(c, benchAgendaDay)
	if err != nil {
		t.Fatalf("Agenda: %v", err)
	}
	if len(items) != 1 || items[0].Due != date.New(2024, time.October, 31) {
		t.Fatalf("Agenda on %s: %+v, want the third step due 2024-10-31", benchAgendaDay, items)
	}
}

// benchSinkCase and benchSinkItems keep results alive so the compiler
// cannot drop the calls.
var (
	benchSinkCase  Case
	benchSinkItems []Item
)

func BenchmarkReplay30(b *testing.B) {
	g := Default()
	log := benchmarkLog()
	b.ReportAllocs()
	for b.Loop() {
		c, err := g.Replay(log)
		if err != nil {
			b.Fatal(err)
		}
		benchSinkCase = c
	}
}

func BenchmarkAgenda(b *testing.B) {
	g := Default()
	c, err := g.Replay(benchmarkLog())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		items, err := g.Agenda(c, benchAgendaDay)
		if err != nil {
			b.Fatal(err)
		}
		benchSinkItems = items
	}
}

func BenchmarkReplayAndAgenda(b *testing.B) {
	g := Default()
	log := benchmarkLog()
	b.ReportAllocs()
	for b.Loop() {
		c, err := g.Replay(log)
		if err != nil {
			b.Fatal(err)
		}
		items, err := g.Agenda(c, benchAgendaDay)
		if err != nil {
			b.Fatal(err)
		}
		benchSinkItems = items
	}
}

// BenchmarkReadLog30 decodes the JSON of benchmarkLog, as a host does
// before it replays a stored case.
func BenchmarkReadLog30(b *testing.B) {
	data, err := json.Marshal(Log{Events: benchmarkLog()})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadLog(data); err != nil {
			b.Fatal(err)
		}
	}
}
