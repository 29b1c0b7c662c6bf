package documents

import (
	"fmt"

	"github.com/ecoconsult/ecoconsult/consult"
	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
)

// AgreementFacts holds the contents of the agreement that the parties
// supply and the case does not record. The fields follow the items of
// Art. 18(2), and each line of a text field is a paragraph.
type AgreementFacts struct {
	Agency Agency
	// Number is the number of the agreement; optional.
	Number string

	DamageFacts string   // item 2: the facts of the damage
	Evidence    []string // item 2: one piece of evidence each
	Grounds     string   // item 2: the grounds for compensation

	// Positions states each party's position on the opinion letter
	// (item 3).
	Positions string

	// PerformanceManner is the manner of meeting liability (item 4). The
	// steps and their due days come from the case.
	PerformanceManner string
	// StepWording, when given, replaces the description of each step of
	// the case's agreement_signed event in the document, in order, for a
	// log that records them in another language. A blank or absent entry
	// keeps the log's description.
	StepWording []string

	// RestorationAssessment is the arrangement for assessing restoration
	// and its effect (item 5).
	RestorationAssessment string

	DisputeResolution string // item 6
	ForceMajeure      string // item 6
	Other             string // item 6: other matters; optional
}

// Agreement is the compensation agreement (生态环境损害赔偿协议) that the
// parties sign when they reach consensus (Art. 18): the six items of
// Art. 18(2), the note that the agency informs the procuratorate and the
// finance department (Art. 18(1)), and the last day to apply for judicial
// confirmation (Art. 19).
type Agreement struct {
	AgreementFacts
	CaseNumber string
	Obligor    consult.ObligorInfo
	// Signed, Effective, Amount and Steps come from the case's
	// agreement_signed event, with StepWording applied to the steps.
	Signed    date.Date
	Effective date.Date
	Amount    rules.Amount
	Steps     []consult.Step
	// ConfirmationDeadline is the last day either party may apply for
	// judicial confirmation, counted from Effective.
	ConfirmationDeadline rules.Deadline
	// Accepted is the day the agency received the obligor's acceptance of
	// the opinion letter (Art. 11), zero when the terms came from
	// meetings; Meetings is the number of meetings held.
	Accepted date.Date
	Meetings int
	// OpinionServed is the day the obligor received the opinion letter.
	OpinionServed date.Date

	rules rules.Rules
}

const agreementDocument = "agreement (生态环境损害赔偿协议)"

// NewAgreement builds the agreement of c. The days, the amount and the
// steps come from the case's agreement_signed event: to draft the
// agreement before signing, apply the planned event to a copy of the case
// with consult.Engine.Apply. It returns an error naming each missing item
// (rules.CheckAgreement decides the items of Art. 18(2)), or the error of
// computing the confirmation deadline on r's calendar.
func NewAgreement(r rules.Rules, c consult.Case, f AgreementFacts) (Agreement, error) {
	a := Agreement{AgreementFacts: f, CaseNumber: c.Number, Obligor: c.Obligor, rules: r}
	if c.Opinion != nil {
		a.OpinionServed = c.Opinion.Date
	}
	if c.OpinionReply != nil && c.OpinionReply.Answer == rules.Accept {
		a.Accepted = c.OpinionReply.Date
	}
	for _, m := range c.Meetings {
		if m.Held != nil {
			a.Meetings++
		}
	}
	if s := c.Agreement; s != nil {
		a.Signed, a.Effective, a.Amount = s.Date, s.Effective, s.Amount
		a.Steps = make([]consult.Step, len(s.Steps))
		copy(a.Steps, s.Steps)
		for i := range a.Steps {
			if i < len(f.StepWording) && filled(f.StepWording[i]) {
				a.Steps[i].Description = f.StepWording[i]
			}
		}
		dl, err := r.ConfirmationDeadline(s.Effective)
		if err != nil {
			return Agreement{}, fmt.Errorf("documents: %s: confirmation deadline: %w",
				agreementDocument, err)
		}
		a.ConfirmationDeadline = dl
	}
	if err := a.Check(); err != nil {
		return Agreement{}, err
	}
	return a, nil
}

// contents returns the items that rules.CheckAgreement checks.
func (a Agreement) contents() rules.Agreement {
	steps := make([]rules.PerformanceStep, len(a.Steps))
	for i, s := range a.Steps {
		steps[i] = rules.PerformanceStep{Description: s.Description, Amount: s.Amount, Due: s.Due}
	}
	return rules.Agreement{
		AgencyName: a.Agency.Name, AgencyAddress: a.Agency.Address,
		ObligorName: a.Obligor.Name, ObligorAddress: a.Obligor.Address,
		DamageFacts: a.DamageFacts, Evidence: a.Evidence, Grounds: a.Grounds,
		Positions: a.Positions, PerformanceManner: a.PerformanceManner, Steps: steps,
		RestorationAssessment: a.RestorationAssessment,
		DisputeResolution:     a.DisputeResolution, ForceMajeure: a.ForceMajeure,
	}
}

// Check returns an error naming each missing item, with the six items of
// Art. 18(2) decided by rules.CheckAgreement, and a *rules.Violation when
// the payments of the steps add up to more than the agreed amount.
func (a Agreement) Check() error {
	var l itemList
	l.need(a.Signed != date.Zero, rules.Art(18).Para(1),
		"day of signing (record agreement_signed in the case)", "签订日期")
	l.need(a.Effective != date.Zero, rules.Art(19), "day the agreement takes effect", "生效日期")
	l.need(a.ConfirmationDeadline.End != date.Zero, rules.Art(19),
		"last day to apply for judicial confirmation", "申请司法确认的期限")
	var errs []error
	item4 := rules.Art(18).Para(2).ItemOf(4)
	if a.Amount < 0 {
		errs = append(errs, &rules.Violation{Citation: item4, Err: rules.ErrInvalidFact,
			Detail: fmt.Sprintf("the agreed amount %s is negative", a.Amount)})
	} else if a.overpaid() {
		errs = append(errs, &rules.Violation{Citation: item4, Err: rules.ErrInvalidFact,
			Detail: fmt.Sprintf("the steps pay more than the agreed amount %s; "+
				"correct the steps or the amount", a.Amount)})
	}
	errs = append(errs, rules.CheckAgreement(a.contents()))
	errs = append(errs, sameDeadline(rules.Art(19), a.ConfirmationDeadline, a.Effective,
		a.rules.ConfirmationDeadline))
	return combine(agreementDocument, l, errs...)
}

// overpaid reports whether the payments of the steps add up to more than
// a non-negative Amount, without adding past it.
func (a Agreement) overpaid() bool {
	var paid rules.Amount
	for _, s := range a.Steps {
		if s.Amount <= 0 {
			continue
		}
		if s.Amount > a.Amount-paid {
			return true
		}
		paid += s.Amount
	}
	return false
}

func (a Agreement) layout() page {
	p := page{Title: "生态环境损害赔偿协议"}
	if filled(a.Number) {
		p.field("协议编号", a.Number)
	}
	p.field("甲方（赔偿权利人）", a.Agency.Name)
	p.field("地址", a.Agency.Address)
	p.field("乙方（赔偿义务人）", a.Obligor.Name)
	p.field("地址", a.Obligor.Address)

	switch {
	case a.Accepted != date.Zero && a.OpinionServed != date.Zero:
		p.para(fmt.Sprintf("甲方于%s向乙方送达生态环境损害赔偿意见书，乙方于%s书面答复"+
			"同意按该意见书进行赔偿。根据%s第十一条、第十八条，双方签订本协议。",
			ChineseDate(a.OpinionServed), ChineseDate(a.Accepted), measures))
	case a.Meetings > 0:
		p.para(fmt.Sprintf("甲乙双方经%d次磋商，就生态环境损害赔偿事宜达成一致意见。根据%s"+
			"第十八条，双方签订本协议。", a.Meetings, measures))
	default:
		p.para(fmt.Sprintf("甲乙双方就生态环境损害赔偿事宜达成一致意见。根据%s第十八条，"+
			"双方签订本协议。", measures))
	}

	k := 0
	article := func(s string) { k++; p.heading("第" + chineseCount(k) + "条　" + s) }

	article("生态环境损害事实、证据及赔偿理由")
	p.subheading("（一）损害事实")
	p.paragraphs(a.DamageFacts)
	p.subheading("（二）有关证据")
	numbered(&p, a.Evidence)
	p.subheading("（三）赔偿理由")
	p.paragraphs(a.Grounds)

	article("双方对赔偿意见书的意见")
	p.paragraphs(a.Positions)

	article("履行赔偿责任的方式、时间与期限")
	p.para(fmt.Sprintf("乙方应承担的生态环境损害赔偿金额共计%s。", yuanText(a.Amount)))
	p.field("履行方式", a.PerformanceManner)
	p.para("乙方按下列事项和期限履行：")
	rows := make([][]string, len(a.Steps))
	for i, s := range a.Steps {
		amount := "—"
		if s.Amount > 0 {
			amount = yuanFigures(s.Amount) + "（" + CapitalAmount(s.Amount) + "）"
		}
		rows[i] = []string{fmt.Sprint(i + 1), s.Description, amount,
			ChineseDate(s.Due) + "前（含当日）"}
	}
	p.table([]string{"序号", "履行事项", "金额", "履行期限"}, rows, 0)

	article("生态环境损害修复及治理效果的评估")
	p.paragraphs(a.RestorationAssessment)

	article("争议解决、不可抗力及其他事项")
	p.subheading("（一）争议的解决")
	p.paragraphs(a.DisputeResolution)
	p.para("本协议经司法确认前，乙方反悔、拒不履行本协议的，甲方将依法提起生态环境损害" +
		"赔偿诉讼；本协议经司法确认后，乙方不履行或者不完全履行的，甲方将依法向人民法院" +
		"申请强制执行。")
	p.subheading("（二）不可抗力因素的处理")
	p.paragraphs(a.ForceMajeure)
	if filled(a.Other) {
		p.subheading("（三）其他事项")
		p.paragraphs(a.Other)
	}

	article("协议生效与司法确认")
	p.para(fmt.Sprintf("本协议自%s起生效。双方可以在%s（含当日）前，向有管辖权的人民法院"+
		"申请司法确认（%s）。", ChineseDate(a.Effective),
		ChineseDate(a.ConfirmationDeadline.End), cite(rules.Art(19))))

	article("告知")
	p.para(fmt.Sprintf("本协议签订后，甲方将本协议告知同级检察机关和财政主管部门（%s）。",
		cite(rules.Art(18).Para(1))))

	p.Signers = []signer{
		{Label: "甲方（盖章）", Value: a.Agency.Name},
		{Label: "法定代表人或者授权代表（签字）"},
	}
	if a.Obligor.Kind == consult.NaturalPerson {
		// A natural person signs by hand: the name, then a blank line.
		p.Signers = append(p.Signers, signer{Label: "乙方", Value: a.Obligor.Name},
			signer{Label: "乙方（签字）"})
	} else {
		p.Signers = append(p.Signers, signer{Label: "乙方（盖章）", Value: a.Obligor.Name},
			signer{Label: "法定代表人或者授权代表（签字）"})
	}
	p.Signers = append(p.Signers, signer{Label: "签订日期", Value: ChineseDate(a.Signed)})
	if a.ConfirmationDeadline.Provisional {
		p.Notes = append(p.Notes, provisionalNote)
	}
	return p
}
