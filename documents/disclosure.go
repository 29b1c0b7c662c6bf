package documents

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ecoconsult/ecoconsult/consult"
	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
)

// DisclosureFacts holds the parts of the public record that the official
// supplies and the case does not record.
type DisclosureFacts struct {
	Agency Agency
	// Number is the document number (发文字号); optional.
	Number string
	// Date is the day of publication; zero means the day of the case's
	// disclosure_published event. The record states performance as of
	// this day.
	Date date.Date
	// Summary describes the damage for the public, in Chinese; each line
	// is a paragraph. It must not name a natural person or give personal
	// data.
	Summary string
	// StepWording, when given, replaces the description of each step of
	// the agreement, as in AgreementFacts.
	StepWording []string
}

// Disclosure is the public record of a consultation and its agreement
// (生态环境损害赔偿磋商情况及赔偿协议公开) that the agency publishes for
// public scrutiny (Art. 26). A natural person is named by surname only,
// as 张某 (rules.MaskForPublication), and the record gives no identity
// number, telephone or home address.
type Disclosure struct {
	DisclosureFacts
	CaseNumber string
	// District is the district, county or county-level city where the
	// damage happened (Art. 2).
	District string
	// Obligor is the obligor as published: rules.MaskForPublication of
	// the case's obligor, which for a natural person keeps only the
	// masked name.
	Obligor rules.Person

	c        consult.Case
	withheld personalData
}

// personalData holds the data of a natural person that a public record
// must not show.
type personalData struct {
	name, address string
}

const disclosureDocument = "disclosure record (生态环境损害赔偿磋商情况及赔偿协议公开)"

// NewDisclosure builds the public record of c. It returns an error naming
// each missing item, or an error wrapping ErrPersonalData when the record
// would show a natural person's personal data (see Disclosure.Check).
func NewDisclosure(c consult.Case, f DisclosureFacts) (Disclosure, error) {
	person := rules.Person{Name: c.Obligor.Name, Address: c.Obligor.Address,
		Organization: c.Obligor.Kind == consult.LegalPerson ||
			c.Obligor.Kind == consult.OtherOrganization}
	d := Disclosure{DisclosureFacts: f, CaseNumber: c.Number, District: c.District.Name,
		Obligor: rules.MaskForPublication(person), c: c}
	if !person.Organization {
		d.withheld = personalData{name: strings.TrimSpace(c.Obligor.Name),
			address: strings.TrimSpace(c.Obligor.Address)}
	}
	if d.Date == date.Zero {
		d.Date = c.Disclosed
	}
	// Performance is stated as of the record's day; the events that do not
	// appear in it do not count either.
	if err := datedAfterCase(rules.Art(26), d.Date, c, consult.TypePerformanceDone,
		consult.TypeEvidencePreserved, consult.TypeDisclosurePublished,
		consult.TypeAgreementReported, consult.TypeProxyAuthorized,
		consult.TypeProcuratorateInformed); err != nil {
		return Disclosure{}, err
	}
	if err := d.Check(); err != nil {
		return Disclosure{}, err
	}
	return d, nil
}

// Check returns an error naming each missing item: the agency, the
// summary, the day of publication and a consultation to publish, which
// starts with the notice. It then fails with ErrPersonalData when a
// natural person's full name appears anywhere in the record. It also
// fails when the text from the official or the log (the case number, the
// summary, the steps) contains the person's address, or a run of digits
// shaped like a resident identity number or a mainland mobile number.
//
// NOTE: the check for numbers is a safety net for mistakes, not a proof:
// digits split by spaces or written in words pass it.
func (d Disclosure) Check() error {
	c := rules.Art(26)
	var l itemList
	l.need(filled(d.Agency.Name), c, "agency's name", "公开机关名称")
	l.need(filled(d.Obligor.Name), c, "obligor's name", "赔偿义务人名称（姓名）")
	l.need(filled(d.Summary), c, "summary of the damage", "生态环境损害情况")
	l.need(d.Date != date.Zero, c, "day of publication (record disclosure_published or give Date)",
		"公开日期")
	l.need(d.c.Notice != nil, c, "consultation to publish (the case records no notice_served)",
		"磋商情况")
	if err := combine(disclosureDocument, l); err != nil {
		return err
	}
	return d.checkPersonalData()
}

func (d Disclosure) checkPersonalData() error {
	fail := func(what string) error {
		return fmt.Errorf("documents: %s: %w: the record contains %s; remove it from the "+
			"text that holds it: the agency, the numbers, the summary, or a step of the "+
			"agreement, which StepWording can reword", rules.Art(26), ErrPersonalData, what)
	}
	p := d.layout()
	p.sanitize()
	// A role written in place of a name (MaskName keeps it) names nobody.
	// Spaces are dropped on both sides, so 张 三 is caught as 张三.
	page := compact(pageText(p))
	if name := compact(cleanLine(d.withheld.name)); utf8.RuneCountInString(name) >= 2 &&
		rules.MaskName(name) != name {
		if strings.Contains(page, name) {
			return fail("the obligor's full name")
		}
		// The given name alone identifies a person too: 三丰 of 张三丰.
		if given := givenName(name); utf8.RuneCountInString(given) >= 2 && strings.Contains(page, given) {
			return fail("the obligor's given name")
		}
	}
	inputs := append([]string{d.CaseNumber, d.Number, d.Summary}, d.StepWording...)
	if d.c.Agreement != nil {
		for _, s := range d.c.Agreement.Steps {
			inputs = append(inputs, s.Description)
		}
	}
	for _, s := range inputs {
		if a := cleanLine(d.withheld.address); a != "" && strings.Contains(cleanLine(s), a) {
			return fail("the obligor's address")
		}
		// Check the text as it will be printed: cleaning removes invisible
		// characters that could split a number.
		if what := personalNumber(digitsOnly(cleanLine(s))); what != "" {
			return fail(what)
		}
	}
	return nil
}

// pageText joins every string of p, for searching.
func pageText(p page) string {
	parts := []string{p.Issuer, p.Number, p.Title, p.Recipient, p.Closing, p.Date}
	parts = append(parts, p.Notes...)
	for _, b := range p.Blocks {
		parts = append(parts, b.Label, b.Text)
		parts = append(parts, b.Head...)
		for _, row := range b.Rows {
			parts = append(parts, row...)
		}
	}
	for _, s := range p.Signers {
		parts = append(parts, s.Label, s.Value)
	}
	return strings.Join(parts, "\n")
}

// personalNumber returns "an identity number" when s has a run of digits
// shaped like a resident identity number: 15 digits, or 17 digits and a
// check digit or X. It returns "a mobile number" for a run of 11 digits
// that starts 13 to 19, and "" otherwise. Full-width digits count.
func personalNumber(s string) string {
	var run []rune
	check := func(next rune) string {
		n := len(run)
		switch {
		case n == 17 && (next == 'X' || next == 'x' || next == 'Ｘ' || next == 'ｘ'):
			return "an identity number"
		case n == 15 || n == 18:
			return "an identity number"
		case n == 11 && run[0] == '1' && run[1] >= '3':
			return "a mobile number"
		case n == 13 && run[0] == '8' && run[1] == '6' && run[2] == '1':
			return "a mobile number" // with the country code 86
		}
		return ""
	}
	for _, r := range s + " " {
		if r >= '０' && r <= '９' {
			r = '0' + (r - '０')
		}
		if r >= '0' && r <= '9' {
			run = append(run, r)
			continue
		}
		if what := check(r); what != "" {
			return what
		}
		run = run[:0]
	}
	return ""
}

func (d Disclosure) layout() page {
	c := d.c
	p := page{Issuer: d.Agency.Name, Number: d.Number,
		Title: "生态环境损害赔偿磋商情况及赔偿协议公开", Closing: d.Agency.Name,
		Date: ChineseDate(d.Date)}
	p.para(fmt.Sprintf("根据%s，现将下列生态环境损害赔偿磋商情况及赔偿协议的有关信息"+
		"予以公开，欢迎社会各界监督。", cite(rules.Art(26))))

	p.heading("一、基本情况")
	p.field("案件", d.CaseNumber)
	p.field("赔偿义务人", d.Obligor.Name)
	if filled(d.District) {
		p.field("损害发生地", "杭州市"+d.District)
	}
	p.para("损害情况：")
	p.paragraphs(d.Summary)

	p.heading("二、磋商情况")
	for _, s := range d.consultation() {
		p.para(s)
	}

	if c.Agreement != nil {
		p.heading("三、赔偿协议")
		d.agreement(&p)
		p.heading("四、监督方式")
	} else {
		p.heading("三、监督方式")
	}
	p.para("对上述信息有意见或者建议的，可以向本机关反映。")
	if filled(d.Agency.Phone) {
		p.field("联系电话", d.Agency.Phone)
	}
	if filled(d.Agency.Address) {
		p.field("通讯地址", d.Agency.Address)
	}
	return p
}

// consultation describes the course of the consultation in Chinese, one
// paragraph per step, without naming any person.
func (d Disclosure) consultation() []string {
	c := d.c
	var out []string
	if c.Notice != nil {
		s := ChineseDate(c.Notice.Date) + "，本机关向赔偿义务人送达生态环境损害赔偿磋商告知书"
		switch {
		case c.NoticeReply != nil && c.NoticeReply.Consent:
			s += "；" + ChineseDate(c.NoticeReply.Date) + "，赔偿义务人书面同意磋商。"
		case c.NoticeReply != nil:
			s += "；" + ChineseDate(c.NoticeReply.Date) + "，赔偿义务人书面答复不同意磋商。"
		default:
			s += "。"
		}
		out = append(out, s)
	}
	if c.Opinion != nil {
		s := fmt.Sprintf("%s，本机关向赔偿义务人送达生态环境损害赔偿意见书，赔偿金额为%s",
			ChineseDate(c.Opinion.Date), yuanText(c.Opinion.Amount))
		if r := c.OpinionReply; r != nil {
			s += "；" + ChineseDate(r.Date) + "，赔偿义务人书面" + answerChinese(r.Answer)
		}
		out = append(out, s+"。")
	}
	var held []string
	for _, m := range c.Meetings {
		if m.Held != nil {
			held = append(held, ChineseDate(m.Held.Date))
		}
	}
	if len(held) > 0 {
		out = append(out, fmt.Sprintf("双方于%s召开磋商会议，共%d次。",
			strings.Join(held, "、"), len(held)))
	}
	switch {
	case c.Agreement != nil:
		out = append(out, ChineseDate(c.Agreement.Date)+"，双方达成一致，签订生态环境损害赔偿协议。")
	case c.Halt != nil:
		out = append(out, fmt.Sprintf("%s，因赔偿义务人%s，本机关停止"+
			"磋商，并将案件移交有关部门依法处理（%s）。", ChineseDate(c.Halt.Date),
			haltChinese(c.Halt.Conduct), cite(rules.Art(24))))
	case c.Failure != nil:
		out = append(out, fmt.Sprintf("%s起，%s（%s）。", ChineseDate(c.Failure.Since),
			failureChinese(c.Failure.Citation), cite(c.Failure.Citation)))
	}
	switch {
	case c.LawsuitFiled != date.Zero:
		out = append(out, ChineseDate(c.LawsuitFiled)+"，本机关提起生态环境损害赔偿诉讼。")
	case c.EnforcementApplied != date.Zero:
		out = append(out, ChineseDate(c.EnforcementApplied)+"，本机关向人民法院申请强制执行。")
	case c.Stage == consult.Defaulted:
		out = append(out, "本机关将依法向人民法院申请强制执行。")
	case c.Failure != nil && c.Agreement == nil || c.Stage == consult.Reneged:
		out = append(out, "本机关将依法提起生态环境损害赔偿诉讼。")
	}
	if len(out) == 0 {
		out = append(out, "磋商正在进行。")
	}
	return out
}

// answerChinese describes an answer to the opinion letter as a predicate.
func answerChinese(a rules.OpinionAnswer) string {
	switch a {
	case rules.Accept:
		return "同意按赔偿意见书进行赔偿"
	case rules.Object:
		return "提出异议并要求磋商"
	case rules.Refuse:
		return "答复不同意赔偿"
	}
	return "作出答复"
}

// agreement adds the terms of the agreement and their performance as of
// the day of publication.
func (d Disclosure) agreement(p *page) {
	a := d.c.Agreement
	p.field("签订日期", ChineseDate(a.Date))
	p.field("生效日期", ChineseDate(a.Effective))
	p.field("赔偿金额", yuanText(a.Amount))
	var rows [][]string
	for i, s := range a.Steps {
		text := s.Description
		if i < len(d.StepWording) && filled(d.StepWording[i]) {
			text = d.StepWording[i]
		}
		amount := "—"
		if s.Amount > 0 {
			amount = yuanFigures(s.Amount)
		}
		rows = append(rows, []string{fmt.Sprint(i + 1), text, amount,
			ChineseDate(s.Due), d.stepState(i, s)})
	}
	p.table([]string{"序号", "履行事项", "金额", "履行期限", "履行情况"}, rows, 0, 2, 3)
	p.field("司法确认", d.confirmation())
}

// stepState describes in Chinese whether step i was performed by the day
// of publication.
func (d Disclosure) stepState(i int, s consult.Step) string {
	var done date.Date
	if i < len(d.c.StepsDone) {
		done = d.c.StepsDone[i]
	}
	switch {
	case done != date.Zero && done <= d.Date && done <= s.Due:
		return ChineseDate(done) + "已履行"
	case done != date.Zero && done <= d.Date:
		return ChineseDate(done) + "已履行（逾期）"
	case d.Date > s.Due:
		return "逾期未履行"
	}
	return "尚未到期"
}

// confirmation describes the state of judicial confirmation on the day
// of publication.
func (d Disclosure) confirmation() string {
	c := d.c
	switch {
	case c.ConfirmationDecided != nil && c.ConfirmationDecided.Date <= d.Date:
		verdict := "人民法院裁定确认协议有效"
		if !c.ConfirmationDecided.Confirmed {
			verdict = "人民法院裁定不予确认"
		}
		return ChineseDate(c.ConfirmationDecided.Date) + verdict
	case c.ConfirmationApplied != date.Zero && c.ConfirmationApplied <= d.Date:
		return ChineseDate(c.ConfirmationApplied) + "已申请，尚待人民法院裁定"
	}
	return "未申请"
}

// compact removes the white space from s.
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// digitsOnly drops the separators people write inside numbers (spaces,
// hyphens, dots and a leading plus), so 138-1234-5678 and +86 138… are
// read as the runs of digits they are.
func digitsOnly(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '－', '.', '+', '＋', '\u3000':
			return -1
		}
		return r
	}, s)
}

// givenName returns name without its surname, as rules.MaskName reads
// the surname.
func givenName(name string) string {
	masked := []rune(rules.MaskName(name))
	runes := []rune(name)
	surname := len(masked) - 1 // MaskName keeps the surname and adds 某
	if surname <= 0 || surname >= len(runes) {
		return ""
	}
	return string(runes[surname:])
}

// failureChinese states, for the public record, why consultation ended,
// by the provision the case's failure cites.
func failureChinese(c rules.Citation) string {
	switch {
	case c == rules.Art(8).Para(3):
		return "赔偿义务人逾期未书面答复，视为不同意磋商"
	case c == rules.Art(8).Para(5):
		return "赔偿义务人书面答复不同意磋商"
	case c == rules.Art(17).ItemOf(1):
		return "赔偿义务人书面答复不同意赔偿或者不同意磋商"
	case c == rules.Art(17).ItemOf(2):
		return "赔偿义务人未在规定时间内对赔偿意见书提交书面答复意见"
	case c == rules.Art(17).ItemOf(3):
		return "赔偿义务人无正当理由未按规定参加或者中途退出磋商会议"
	case c == rules.Art(17).ItemOf(6):
		return "赔偿义务人无力承担赔偿责任，磋商终止"
	case c == rules.Art(20):
		return "赔偿义务人在协议经司法确认前反悔，拒不履行赔偿协议"
	case c == rules.Art(22):
		return "经司法确认的赔偿协议未得到履行"
	}
	return "磋商未能达成一致"
}

// haltChinese names the obligor's conduct that halted consultation.
func haltChinese(c consult.Conduct) string {
	switch c {
	case consult.FalseMaterials:
		return "提供虚假材料"
	case consult.OtherUnlawful:
		return "有影响磋商的其他违法行为"
	}
	return "非法干预磋商"
}
