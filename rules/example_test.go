package rules_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
)

func ExampleCitation() {
	c := rules.Art(17).ItemOf(5)
	fmt.Println(c, c.Chinese(), c.Label())
	// Output: Art. 17(1)(5) 第十七条第一款第五项 不启动或终止磋商
}

func ExampleParseCitation() {
	c, err := rules.ParseCitation("第八条第三款")
	fmt.Println(c, err)
	// Output: Art. 8(3) <nil>
}

func ExampleRules_CheckExpertRoute() {
	err := rules.Default().CheckExpertRoute(rules.ExpertRouteFacts{
		DamageClear:        true,
		EstimatedDamage:    rules.Yuan(20000),
		AssessmentCost:     rules.Yuan(150000),
		ClearlyLowerReason: "assessment would cost seven times the damage",
		Experts:            2,
	})
	fmt.Println(errors.Is(err, rules.ErrTooFewExperts))
	// Output: true
}

func ExampleRules_NoticeReplyDeadline() {
	// Served on Thursday 8 February 2024, just before the Spring Festival.
	dl, err := rules.Default().NoticeReplyDeadline(date.New(2024, time.February, 8))
	fmt.Println(dl.End, dl.Citation, err)
	// Output: 2024-02-21 Art. 8(3) <nil>
}

func ExampleRules_NoticeOutcome() {
	r := rules.Default()
	served := date.New(2024, time.February, 8)
	out, err := r.NoticeOutcome(served, nil, date.New(2024, time.February, 22))
	fmt.Println(out.Outcome, out.Citation, err)
	// Output: deemed refused Art. 8(3) <nil>
}

func ExampleProcuratorateNotice() {
	o := rules.ProcuratorateNotice(date.New(2024, time.March, 1))
	fmt.Println(o.Party, o.Promptly, o.Citation)
	// Output: agency true Art. 8(6)
}

func ExampleCheckOpinionLetterBasis() {
	fmt.Println(rules.CheckOpinionLetterBasis(false, false) != nil)
	// Output: true
}

func ExampleRules_CheckOpinionLetter() {
	err := rules.Default().CheckOpinionLetter(rules.OpinionLetter{
		ObligorName: "某化工有限公司",
	})
	var inc *rules.IncompleteError
	if errors.As(err, &inc) {
		fmt.Println(len(inc.Missing), inc.Missing[0].Chinese, inc.Missing[0].Citation)
	}
	// Output: 12 赔偿义务人地址 Art. 10(1)(1)
}

func ExampleRules_OpinionOutcome() {
	r := rules.Default()
	reply := &rules.OpinionReply{
		Reply:  rules.Reply{Received: date.New(2024, time.October, 12), Delivery: rules.ByHand},
		Answer: rules.Object,
	}
	// Received on Friday 27 September 2024; the 7th working day is the
	// adjusted working Saturday 12 October.
	out, err := r.OpinionOutcome(date.New(2024, time.September, 27), 0, reply,
		date.New(2024, time.October, 12))
	fmt.Println(out.Outcome, out.Deadline.End, out.Citation, err)
	// Output: objected 2024-10-12 Art. 12(1) <nil>
}

func ExampleRules_SigningDeadline() {
	dl, _ := rules.Default().SigningDeadline(date.New(2026, time.February, 13))
	fmt.Println(dl.End)
	// Output: 2026-03-02
}

func ExampleCheckMeetingPlan() {
	err := rules.CheckMeetingPlan(rules.MeetingPlan{
		Host: "王某", Recorder: "李某", Date: date.New(2024, time.November, 5),
		Place: "第一会议室", ObligorNotified: date.New(2024, time.November, 5),
	})
	fmt.Println(errors.Is(err, rules.ErrDateOrder))
	// Output: true
}

func ExampleMeetingSteps() {
	for _, s := range rules.MeetingSteps(true) {
		fmt.Println(s.Citation.Chinese(), s.Chinese)
	}
	// Output:
	// 第十四条第一款第一项 核对身份和到会情况，宣布会议纪律，介绍主持人和参会人
	// 第十四条第一款第二项 主持人宣布开始，介绍案由，告知权利义务
	// 第十四条第一款第七项 双方就具体问题平等磋商
	// 第十四条第一款第八项 参会各方核对签字，拒签的由主持人写明情况
}

func ExampleRules_NextRound() {
	r := rules.Default()
	dec, err := r.NextRound(rules.RoundFacts{
		Held:        1,
		LastMeeting: date.New(2023, time.September, 27),
		Proposed:    date.New(2023, time.October, 20),
		Reason:      "waiting for the expert review",
	})
	fmt.Println(dec.Round, dec.Latest.End, dec.Warning != nil, err)
	// Output: 2 2023-10-12 true <nil>
}

func ExampleRules_TerminationGrounds() {
	r := rules.Default()
	grounds, err := r.TerminationGrounds(rules.TerminationFacts{
		FailedRounds: []date.Date{
			date.New(2024, time.November, 5), date.New(2024, time.November, 14),
		},
	}, date.New(2024, time.December, 1))
	for _, g := range grounds {
		fmt.Println(g.Citation, g.Since)
	}
	fmt.Println(err)
	// Output:
	// Art. 17(1)(5) 2024-11-14
	// <nil>
}

func ExampleCheckAgreement() {
	err := rules.CheckAgreement(rules.Agreement{AgencyName: "杭州市生态环境局"})
	fmt.Println(errors.Is(err, rules.ErrMissingItem))
	// Output: true
}

func ExampleAgreementNotices() {
	for _, o := range rules.AgreementNotices(date.New(2024, time.December, 2)) {
		fmt.Println(o.Citation, o.Action)
	}
	// Output:
	// Art. 18(1) inform the procuratorate of the agreement
	// Art. 18(1) inform the finance department of the agreement
}

func ExampleRules_ConfirmationDeadline() {
	// Day 30 after 1 January 2025 is inside the Spring Festival holiday.
	dl, _ := rules.Default().ConfirmationDeadline(date.New(2025, time.January, 1))
	fmt.Println(dl.Nominal, dl.End)
	// Output: 2025-01-31 2025-02-05
}

func ExampleCourtDuty() {
	duty, ok := rules.CourtDuty(rules.CourtFacts{
		Reneged: date.New(2024, time.May, 1),
	}, date.New(2024, time.May, 2))
	fmt.Println(ok, duty.Citation, duty.Action)
	// Output: true Art. 20 file a compensation lawsuit
}

func ExamplePerformanceDue() {
	steps := []rules.PerformanceStep{{
		Description: "pay the compensation", Amount: rules.Yuan(1200000),
		Due: date.New(2024, time.December, 31),
	}}
	for _, s := range rules.PerformanceDue(steps, date.New(2025, time.January, 2)) {
		fmt.Println(s.Step.Description, s.Step.Amount, s.Overdue, s.Citation)
	}
	// Output: pay the compensation 1,200,000.00 元 true Art. 21
}

func ExampleMayReportCooperation() {
	ok, c := rules.MayReportCooperation(rules.CooperationFacts{TookPart: true, Performed: true})
	fmt.Println(ok, c)
	// Output: true Art. 28
}

func ExampleHangzhou2020() {
	p := rules.Hangzhou2020()
	fmt.Println(p.NoticeReplyWorkdays, p.OpinionReplyWorkdays, p.MaxRounds, p.ConfirmationDays)
	// Output: 5 7 2 30
}

func ExampleInvestigationDuty() {
	o := rules.InvestigationDuty(date.New(2021, time.April, 6))
	fmt.Println(o.Citation, o.Promptly, o.Action)
	// Output: Art. 8(1) true start the investigation of the damage
}

func ExamplePublicationDuty() {
	o := rules.PublicationDuty(date.New(2024, time.December, 2))
	fmt.Println(o.Citation, o.Party, o.Action)
	// Output: Art. 26 agency publish the consultation and the agreement
}
