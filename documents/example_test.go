package documents_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ecoconsult/ecoconsult/consult"
	"github.com/ecoconsult/ecoconsult/documents"
	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
)

// servedCase returns a case whose consultation notice was served on
// Thursday 8 February 2024, just before the Spring Festival holiday.
func servedCase() consult.Case {
	day := func(m time.Month, d int) date.Date { return date.New(2024, m, d) }
	agency := func(d date.Date) consult.Header { return consult.Header{Date: d, Actor: consult.Agency} }
	c, err := consult.Default().Replay([]consult.Event{
		consult.InvestigationStarted{Header: agency(day(time.January, 8)), CaseNumber: "示例〔2024〕1号",
			Obligor: consult.ObligorInfo{Name: "某化工有限公司", Kind: consult.LegalPerson,
				Address: "杭州市临平区某路1号"},
			District: "临平区"},
		consult.AssessmentIssued{Header: consult.Header{Date: day(time.January, 26),
			Actor: consult.Institution}, Route: consult.RouteReport, Amount: rules.Yuan(900000)},
		consult.NoticeServed{Header: agency(day(time.February, 8))},
	})
	if err != nil {
		panic(err)
	}
	return c
}

func noticeFacts() documents.NoticeFacts {
	return documents.NoticeFacts{
		Agency:      documents.Agency{Name: "杭州市生态环境局", Address: "杭州市某区某路某号"},
		Number:      "杭环赔告〔2024〕1号",
		Damage:      "你单位仓库火灾的消防废水流入河道，造成水体污染。",
		ReplyMethod: "当面递交或者邮寄至本机关",
	}
}

func ExampleCapitalAmount() {
	for _, yuan := range []float64{1200000, 1000001, 0.5, 10.05} {
		a := rules.Amount(yuan*100 + 0.5)
		fmt.Println(a, documents.CapitalAmount(a))
	}
	// Output:
	// 1,200,000.00 元 壹佰贰拾万元整
	// 1,000,001.00 元 壹佰万零壹元整
	// 0.50 元 伍角
	// 10.05 元 壹拾元零伍分
}

func ExampleChineseDate() {
	fmt.Println(documents.ChineseDate(date.New(2026, time.December, 4)))
	// Output: 2026年12月4日
}

func ExampleNewNotice() {
	n, err := documents.NewNotice(rules.Default(), servedCase(), noticeFacts())
	if err != nil {
		fmt.Println(err)
		return
	}
	// Five working days after 8 February 2024, across the holiday.
	fmt.Println(n.ReplyDeadline.End, n.ReplyDeadline.Citation)
	// Output: 2024-02-21 Art. 8(3)
}

func ExampleNewNotice_missingItems() {
	_, err := documents.NewNotice(rules.Default(), servedCase(), documents.NoticeFacts{
		Agency: documents.Agency{Name: "杭州市生态环境局"}})
	var incomplete *rules.IncompleteError
	if errors.As(err, &incomplete) {
		for _, m := range incomplete.Missing {
			fmt.Println(m.Citation.Chinese(), m.Chinese)
		}
	}
	// Output:
	// 第八条第三款 经调查发现的生态环境损害
	// 第八条第三款 书面答复方式
}

func ExampleText() {
	n, err := documents.NewNotice(rules.Default(), servedCase(), noticeFacts())
	if err != nil {
		fmt.Println(err)
		return
	}
	text, err := documents.Text(n)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(text)
	// Output:
	// 　　　　　　　　　　杭州市生态环境局
	// 　　　　　　　　　杭环赔告〔2024〕1号
	// ━━━━━━━━━━━━━━━━━━━━━━━━━━━━
	//
	// 　　　　　　　 生态环境损害赔偿磋商告知书
	//
	// 某化工有限公司：
	// 　　经调查，本机关发现下列生态环境损害：
	// 　　你单位仓库火灾的消防废水流入河道，造成水体污染。
	// 　　根据鉴定评估机构出具的鉴定评估报告（2024年1月26日），量化的生态环境损害数额为900,000.00元（大写：人民币玖拾万元整）。
	// 　　上述损害应当予以修复或者赔偿。根据《杭州市生态环境损害赔偿磋商办法》第八条第三款，本机关告知你单位：本机关拟就上述损害的修复和赔偿事宜与你单位进行磋商。
	// 　　请你单位将是否同意磋商的书面意见于2024年2月21日（含当日）前送达本机关。该日为本告知书送达之日（2024年2月8日）后的第5个工作日。
	// 　　书面答复方式：当面递交或者邮寄至本机关
	// 　　以邮寄方式答复的，以寄出时的邮戳日期为准。
	// 　　期满本机关未收到你单位书面答复的，按你单位不同意磋商处理。
	// 　　你单位同意磋商的，本机关将启动磋商程序，并向你单位送达生态环境损害赔偿意见书。你单位不同意磋商，或者按不同意磋商处理的，本机关将依法提起生态环境损害赔偿诉讼。
	// 　　特此告知。
	// 　　地址：杭州市某区某路某号
	//
	// 　　　　　　　　　　　　　　　　　杭州市生态环境局
	// 　　　　　　　　　　　　　　　　　　2024年2月8日
}

func ExampleHTML() {
	facts := noticeFacts()
	facts.ReplyMethod = "<script>alert(1)</script>"
	n, err := documents.NewNotice(rules.Default(), servedCase(), facts)
	if err != nil {
		fmt.Println(err)
		return
	}
	page, err := documents.HTML(n)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Contains(page, "<script>"), strings.Contains(page, "&lt;script&gt;"))
	fmt.Println(strings.Contains(page, "size: A4"))
	// Output:
	// false true
	// true
}

func ExampleNewAgreement() {
	g := consult.Default()
	c := servedCase()
	day := func(m time.Month, d int) date.Date { return date.New(2024, m, d) }
	for _, e := range []consult.Event{
		consult.NoticeReplied{Header: consult.Header{Date: day(time.February, 19), Actor: consult.Obligor},
			Consent: true, Delivery: rules.ByHand},
		consult.OpinionServed{Header: consult.Header{Date: day(time.February, 26), Actor: consult.Agency},
			Amount: rules.Yuan(900000), ReplyWorkdays: 7},
		consult.OpinionReplied{Header: consult.Header{Date: day(time.February, 28), Actor: consult.Obligor},
			Answer: rules.Accept, Delivery: rules.ByHand},
		consult.AgreementSigned{Header: consult.Header{Date: day(time.March, 6), Actor: consult.Agency},
			Effective: day(time.March, 6), Amount: rules.Yuan(900000),
			Steps: []consult.Step{{Description: "支付赔偿金", Amount: rules.Yuan(900000), Due: day(time.June, 30)}}},
	} {
		var err error
		if c, err = g.Apply(c, e); err != nil {
			fmt.Println(err)
			return
		}
	}
	a, err := documents.NewAgreement(g.Rules(), c, documents.AgreementFacts{
		Agency:                documents.Agency{Name: "杭州市生态环境局", Address: "杭州市某区某路某号"},
		DamageFacts:           "仓库火灾的消防废水污染河道。",
		Evidence:              []string{"鉴定评估报告"},
		Grounds:               "乙方造成生态环境损害，应当赔偿。",
		Positions:             "乙方同意赔偿意见书。",
		PerformanceManner:     "一次性支付",
		RestorationAssessment: "由甲方委托第三方评估。",
		DisputeResolution:     "协商解决。",
		ForceMajeure:          "双方协商调整期限。",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	// Day 30 from 6 March is 5 April, the Qingming holiday, so the last
	// day moves to the next working day.
	fmt.Println(a.ConfirmationDeadline.Nominal, a.ConfirmationDeadline.End)
	// Output: 2024-04-05 2024-04-07
}

func ExampleNewDisclosure() {
	agency := consult.Header{Date: date.New(2024, time.March, 1), Actor: consult.Agency}
	served := consult.Header{Date: date.New(2024, time.March, 4), Actor: consult.Agency}
	c, err := consult.Default().Replay([]consult.Event{
		consult.InvestigationStarted{Header: agency, CaseNumber: "西环赔〔2024〕3号",
			Obligor: consult.ObligorInfo{Name: "张三", Kind: consult.NaturalPerson,
				Address: "杭州市西湖区某街道某小区1幢101室"},
			District: "西湖区"},
		consult.NoticeServed{Header: served},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := documents.NewDisclosure(c, documents.DisclosureFacts{
		Agency:  documents.Agency{Name: "杭州市生态环境局西湖分局"},
		Date:    date.New(2024, time.April, 1),
		Summary: "个人倾倒废机油污染河道。",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s %q\n", d.Obligor.Name, d.Obligor.Address)

	// The record refuses a summary that names the person.
	_, err = documents.NewDisclosure(c, documents.DisclosureFacts{
		Agency: documents.Agency{Name: "杭州市生态环境局西湖分局"},
		Date:   date.New(2024, time.April, 1), Summary: "张三倾倒废机油污染河道。",
	})
	fmt.Println(errors.Is(err, documents.ErrPersonalData))
	// Output:
	// 张某 ""
	// true
}
