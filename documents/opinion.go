package documents

import (
	"fmt"

	"github.com/ecoconsult/ecoconsult/consult"
	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
)

// OpinionFacts holds the contents of the opinion letter that the official
// supplies and the case does not record. The fields follow the items of
// Art. 10(1), and each line of a text field is a paragraph.
type OpinionFacts struct {
	Agency Agency
	// Number is the document number (发文字号); optional.
	Number string
	// Date is the date of the document (成文日期); zero means the day the
	// obligor received the letter.
	Date date.Date
	// Basis names the assessment report or expert opinion the letter is
	// written from, such as its title in book-title marks; optional. When
	// blank, the letter names the kind of the case's latest assessment.
	Basis string

	Cause       string   // item 2: the cause of the case (案由)
	DamageFacts string   // item 2: the main facts of the damage
	Evidence    []string // item 2: one piece of evidence each

	RestorationGoal string // item 3
	GoalBasis       string // item 3: the basis of the restoration goal

	CalculationBasis string // item 4: how the amount was calculated

	PerformanceManner   string    // item 5: how liability is met
	PerformanceDeadline date.Date // item 5: the last day to meet it

	ReplyMethod string // item 6: how to reply; the period comes from the case

	Other string // item 7: other matters; optional

	// The restoration plan, its start and its deadline, required when the
	// case's opinion_served event marks restoration (Art. 10(2)).
	RestorationPlan     string
	RestorationStart    date.Date
	RestorationDeadline date.Date
}

// Opinion is the compensation opinion letter (生态环境损害赔偿意见书) that
// the agency writes from the assessment and serves on the obligor (Art. 9,
// Art. 10): the seven items of Art. 10(1), the restoration plan when
// restoration is involved, and the last day to reply.
type Opinion struct {
	OpinionFacts
	CaseNumber string
	Obligor    consult.ObligorInfo
	// Route is the route of the case's latest assessment, "" if there is
	// none; Art. 9 requires one.
	Route consult.Route
	// Amount, ReplyWorkdays and Restoration come from the case's
	// opinion_served event, and Received is its day: the day the obligor
	// received the letter.
	Amount        rules.Amount
	ReplyWorkdays int
	Restoration   bool
	Received      date.Date
	// ReplyDeadline is the last day for the written reply, ReplyWorkdays
	// working days after Received.
	ReplyDeadline rules.Deadline
	// SigningWorkdays is the agency's time to sign after an acceptance
	// (Art. 11). PostedInTime adds the statement that a reply posted by
	// the last day is in time.
	SigningWorkdays int
	PostedInTime    bool

	rules rules.Rules
}

const opinionDocument = "opinion letter (生态环境损害赔偿意见书)"

// NewOpinion builds the opinion letter of c. The amount, the reply period,
// whether restoration is involved and the day of receipt come from the
// case's opinion_served event: to draft a letter before serving it, apply
// the planned event to a copy of the case with consult.Engine.Apply. It
// returns an error naming each missing item (rules.Rules.CheckOpinionLetter
// decides the items of Art. 10), a *rules.Violation for a letter without
// an assessment (Art. 9) or with a reply period shorter than the law's,
// or the error of computing the reply deadline on r's calendar.
func NewOpinion(r rules.Rules, c consult.Case, f OpinionFacts) (Opinion, error) {
	o := Opinion{OpinionFacts: f, CaseNumber: c.Number, Obligor: c.Obligor,
		SigningWorkdays: r.Params().SigningWorkdays,
		PostedInTime:    r.Params().PostedReplyInTime, rules: r}
	if k := len(c.Assessments); k > 0 {
		o.Route = c.Assessments[k-1].Route
	}
	if c.Opinion != nil {
		o.Amount, o.ReplyWorkdays = c.Opinion.Amount, c.Opinion.ReplyWorkdays
		o.Restoration, o.Received = c.Opinion.Restoration, c.Opinion.Date
		dl, err := r.OpinionReplyDeadline(o.Received, o.ReplyWorkdays)
		if err != nil {
			return Opinion{}, fmt.Errorf("documents: %s: reply deadline: %w", opinionDocument, err)
		}
		o.ReplyDeadline = dl
	}
	if o.Date == date.Zero {
		o.Date = o.Received
	}
	if err := o.Check(); err != nil {
		return Opinion{}, err
	}
	return o, nil
}

// letter returns the contents that rules.Rules.CheckOpinionLetter checks.
func (o Opinion) letter() rules.OpinionLetter {
	return rules.OpinionLetter{
		ObligorName: o.Obligor.Name, ObligorAddress: o.Obligor.Address,
		Cause: o.Cause, DamageFacts: o.DamageFacts, Evidence: o.Evidence,
		RestorationGoal: o.RestorationGoal, GoalBasis: o.GoalBasis,
		Amount: o.Amount, CalculationBasis: o.CalculationBasis,
		PerformanceManner: o.PerformanceManner, PerformanceDeadline: o.PerformanceDeadline,
		ReplyMethod: o.ReplyMethod, ReplyWorkdays: o.ReplyWorkdays, Other: o.Other,
		InvolvesRestoration: o.Restoration, RestorationPlan: o.RestorationPlan,
		RestorationStart: o.RestorationStart, RestorationDeadline: o.RestorationDeadline,
	}
}

// Check returns an error naming each item of the letter that is missing,
// with the items of Art. 10 decided by rules.Rules.CheckOpinionLetter. An
// Opinion that NewOpinion did not build has no rules to check with and
// fails with rules.ErrZeroRules.
func (o Opinion) Check() error {
	var l itemList
	l.need(filled(o.Agency.Name), rules.Art(9), "agency's name", "赔偿权利人名称")
	l.need(o.Received != date.Zero, rules.Art(9),
		"day the obligor received the letter (record opinion_served in the case)", "送达日期")
	l.need(o.ReplyDeadline.End != date.Zero, rules.Art(10).Para(3), "reply deadline", "答复期限")
	basis := rules.CheckOpinionLetterBasis(o.Route == consult.RouteReport,
		o.Route == consult.RouteExperts)
	reply := sameDeadline(rules.Art(10).Para(3), o.ReplyDeadline, o.Received,
		func(received date.Date) (rules.Deadline, error) {
			return o.rules.OpinionReplyDeadline(received, o.ReplyWorkdays)
		})
	return combine(opinionDocument, l, basis, o.rules.CheckOpinionLetter(o.letter()),
		reply, o.checkDaysAfterReceipt())
}

// checkDaysAfterReceipt rejects a deadline of performance or restoration
// that falls before the obligor received the letter, because a letter
// cannot set a day already past (Art. 10(1)(5), Art. 10(2)).
func (o Opinion) checkDaysAfterReceipt() error {
	if o.Received == date.Zero {
		return nil // the missing day is reported by Check
	}
	days := []struct {
		cite rules.Citation
		name string
		day  date.Date
	}{
		{rules.Art(10).ItemOf(5), "the deadline of performance", o.PerformanceDeadline},
		{rules.Art(10).Para(2), "the start of restoration", o.RestorationStart},
		{rules.Art(10).Para(2), "the restoration deadline", o.RestorationDeadline},
	}
	for _, d := range days {
		if d.day != date.Zero && d.day < o.Received {
			return &rules.Violation{Citation: d.cite, Err: rules.ErrDateOrder, Detail: fmt.Sprintf(
				"%s, %s, is before the obligor received the letter on %s; give a later day",
				d.name, d.day, o.Received)}
		}
	}
	return nil
}

func (o Opinion) layout() page {
	who := you(o.Obligor)
	p := page{Issuer: o.Agency.Name, Number: o.Number, Title: "生态环境损害赔偿意见书",
		Recipient: o.Obligor.Name, Closing: o.Agency.Name, Date: ChineseDate(o.Date)}
	basis := o.Basis
	if !filled(basis) {
		basis = "鉴定评估机构出具的生态环境损害鉴定评估报告"
		if o.Route == consult.RouteExperts {
			basis = "专家组出具的专家论证意见"
		}
	}
	p.para(fmt.Sprintf("本机关依据%s等材料拟定了磋商方案。根据%s第九条、第十条，"+
		"现就%s向%s提出赔偿意见如下：", basis, measures, o.Cause, who))

	n := 0
	heading := func(s string) { n++; p.heading(chineseCount(n) + "、" + s) }

	heading("赔偿义务人")
	name := "名称"
	if o.Obligor.Kind == consult.NaturalPerson {
		name = "姓名"
	}
	p.field(name, o.Obligor.Name)
	p.field("地址", o.Obligor.Address)

	heading("磋商案由、主要损害事实及证据")
	p.field("案由", o.Cause)
	p.para("主要损害事实：")
	p.paragraphs(o.DamageFacts)
	p.para("证据：")
	numbered(&p, o.Evidence)

	heading("受损生态环境的修复目标及依据")
	p.field("修复目标", o.RestorationGoal)
	p.field("依据", o.GoalBasis)

	heading("损害赔偿金数额及计算依据")
	p.field("损害赔偿金数额", yuanText(o.Amount))
	p.field("计算依据", o.CalculationBasis)

	heading("履行赔偿责任的方式、时间和期限")
	p.field("履行方式", o.PerformanceManner)
	p.field("履行期限", ChineseDate(o.PerformanceDeadline)+"（含当日）前履行完毕")

	if o.Restoration {
		heading("修复方案、修复启动时间与期限")
		p.field("修复方案", o.RestorationPlan)
		p.field("修复启动时间", ChineseDate(o.RestorationStart)+"前启动")
		p.field("修复期限", ChineseDate(o.RestorationDeadline)+"（含当日）前完成")
	}

	heading("提交答复意见的方式和时限")
	p.para(fmt.Sprintf("请%s于%s（含当日）前向本机关提交书面答复意见。该日为%s收到"+
		"本意见书之日（%s）后的第%d个工作日。", who, ChineseDate(o.ReplyDeadline.End),
		who, ChineseDate(o.Received), o.ReplyDeadline.N))
	p.field("答复方式", o.ReplyMethod)
	if o.PostedInTime {
		p.para("以邮寄方式答复的，以寄出时的邮戳日期为准。")
	}
	p.para(fmt.Sprintf("%s书面同意按本意见书赔偿的，本机关将自收到该答复之日起%d个工作日内"+
		"与%s签署生态环境损害赔偿协议；%s书面提出异议、要求磋商的，本机关将组织召开"+
		"磋商会议；%s书面答复不同意赔偿，或者期满未提交书面答复意见的，本机关将终止"+
		"磋商程序，并依法提起生态环境损害赔偿诉讼。", who, o.SigningWorkdays, who, who, who))

	heading("其他有关事项")
	if filled(o.Other) {
		p.paragraphs(o.Other)
	} else {
		p.para("无。")
	}

	if line := contactLine(o.Agency); line != "" {
		p.para(line)
	}
	if o.ReplyDeadline.Provisional {
		p.Notes = append(p.Notes, provisionalNote)
	}
	return p
}

// numbered adds the filled items of list as paragraphs numbered 1., 2., …
func numbered(p *page, list []string) {
	n := 0
	for _, s := range list {
		if filled(s) {
			n++
			p.para(fmt.Sprintf("%d. %s", n, cleanLine(s)))
		}
	}
}
