package documents

import (
	"fmt"
	"strings"

	"github.com/ecoconsult/ecoconsult/consult"
	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
)

// CooperationFacts holds the parts of the cooperation record that the
// official supplies and the case does not record.
type CooperationFacts struct {
	Agency Agency
	// Number is the document number (发文字号); optional.
	Number string
	// Date is the date of the record.
	Date date.Date
	// Recipient is the court or agency the record is for, such as
	// 杭州市临平区人民法院.
	Recipient string
	// StepWording, when given, replaces the description of each step of
	// the agreement, as in AgreementFacts.
	StepWording []string
}

// Act is one thing the obligor did, or failed to do, in a consultation.
type Act struct {
	Date date.Date
	// What is the act, described in Chinese.
	What string
	// Due is the last day the measures or the agreement set for the act;
	// zero when none applies. InTime reports whether the act met it.
	Due    date.Date
	InTime bool
	// Citation is the provision that governs the act.
	Citation rules.Citation
}

// CooperationRecord is the record of how the obligor took part in
// consultation and performed the agreement, which the agency may give a
// court or another agency as a reference for judgement or penalty
// (Art. 28). It lists what the obligor did and when, against each
// deadline.
type CooperationRecord struct {
	CooperationFacts
	CaseNumber string
	Obligor    consult.ObligorInfo
	// Acts are the obligor's acts, in the order of the case's log, with
	// the deadlines that passed without an act.
	Acts []Act
	// TookPart and Performed are the two conditions of Art. 28, as
	// rules.CooperationFacts defines them; Reasons lists in English why
	// one does not hold.
	TookPart  bool
	Performed bool
	Reasons   []string
	// Meetings is the number of meetings held, and Paid the sum of the
	// payments of the steps performed.
	Meetings int
	Paid     rules.Amount
}

const cooperationDocument = "cooperation record (赔偿义务人参与磋商和履行协议情况)"

// NewCooperationRecord builds the record of c from its log, judging each
// reply and each performance step against its deadline on r's calendar.
// Build it from the case as of the record's day (consult.Engine.At), so
// every deadline passed by then counts. It returns an error naming each
// missing item, an error wrapping ErrNotEligible when the obligor did not
// both take part and perform (rules.MayReportCooperation), or the error
// of computing a deadline.
func NewCooperationRecord(r rules.Rules, c consult.Case, f CooperationFacts) (CooperationRecord, error) {
	rec := CooperationRecord{CooperationFacts: f, CaseNumber: c.Number, Obligor: c.Obligor}
	if err := datedAfterCase(rules.Art(28), f.Date, c); err != nil {
		return CooperationRecord{}, err
	}
	acts, err := obligorActs(r, c, f.StepWording)
	if err != nil {
		return CooperationRecord{}, fmt.Errorf("documents: %s: %w", cooperationDocument, err)
	}
	rec.Acts = acts
	rec.TookPart, rec.Performed, rec.Reasons = cooperation(r, c)
	for _, m := range c.Meetings {
		if m.Held != nil {
			rec.Meetings++
		}
	}
	if c.Agreement != nil {
		for i, s := range c.Agreement.Steps {
			if i < len(c.StepsDone) && c.StepsDone[i] != date.Zero && s.Amount > 0 &&
				s.Amount <= c.Agreement.Amount-rec.Paid {
				rec.Paid += s.Amount
			}
		}
	}
	if err := rec.Check(); err != nil {
		return CooperationRecord{}, err
	}
	return rec, nil
}

// Check returns an error naming each missing item (the agency, the
// recipient, the date and the acts), or an error wrapping ErrNotEligible
// when the conditions of Art. 28 do not both hold.
func (rec CooperationRecord) Check() error {
	c := rules.Art(28)
	var l itemList
	l.need(filled(rec.Agency.Name), c, "agency's name", "提供情况的机关名称")
	l.need(filled(rec.Obligor.Name), c, "obligor's name", "赔偿义务人名称（姓名）")
	l.need(filled(rec.Recipient), c, "court or agency the record is for", "接收机关")
	l.need(rec.Date != date.Zero, c, "date of the record", "成文日期")
	l.need(len(rec.Acts) > 0, c, "obligor's acts (the case records none)", "赔偿义务人参与磋商和履行协议的情况")
	if err := combine(cooperationDocument, l); err != nil {
		return err
	}
	ok, cited := rules.MayReportCooperation(rules.CooperationFacts{TookPart: rec.TookPart,
		Performed: rec.Performed})
	if !ok {
		reasons := strings.Join(rec.Reasons, "; ")
		if reasons == "" {
			reasons = "the record does not show both"
		}
		return fmt.Errorf("documents: %s: %w: it needs active participation and "+
			"performance of the agreement: %s", cited, ErrNotEligible, reasons)
	}
	return nil
}

// cooperation decides the two conditions of Art. 28 from the case, with
// the reasons, in English, that one fails.
func cooperation(r rules.Rules, c consult.Case) (tookPart, performed bool, reasons []string) {
	fail := func(format string, args ...any) { reasons = append(reasons, fmt.Sprintf(format, args...)) }
	switch {
	case c.NoticeReply == nil:
		fail("no answer to the consultation notice")
	case !c.NoticeReply.Consent:
		fail("refused consultation on %s", c.NoticeReply.Date)
	case c.Notice != nil && !noticeReplyInTime(r, c):
		fail("answered the notice late, on %s", c.NoticeReply.Date)
	}
	switch {
	case c.Opinion == nil:
		fail("no opinion letter was served, so the consultation did not get that far")
	case c.OpinionReply == nil:
		fail("no reply to the opinion letter")
	case c.OpinionReply.Answer == rules.Refuse:
		fail("refused compensation on %s", c.OpinionReply.Date)
	case c.Opinion != nil && !opinionReplyInTime(r, c):
		fail("replied to the opinion letter late, on %s", c.OpinionReply.Date)
	}
	for i, m := range c.Meetings {
		if h := m.Held; h != nil && (h.Outcome == consult.Absent || h.Outcome == consult.WalkedOut) &&
			!filled(h.GoodReason) {
			fail("meeting %d on %s: %s without good reason", i+1, h.Date, h.Outcome)
		}
	}
	if t := c.Termination; t != nil && (t.Item == 1 || t.Item == 3) {
		fail("consultation terminated under %s", rules.Art(17).ItemOf(t.Item))
	}
	if c.Halt != nil {
		fail("consultation halted on %s for the obligor's conduct (Art. 24)", c.Halt.Date)
	}
	if c.RenegedOn != date.Zero {
		fail("went back on the agreement on %s", c.RenegedOn)
	}
	tookPart = len(reasons) == 0

	before := len(reasons)
	if c.Agreement == nil {
		fail("no agreement signed")
	} else {
		for i, s := range c.Agreement.Steps {
			var done date.Date
			if i < len(c.StepsDone) {
				done = c.StepsDone[i]
			}
			switch {
			case done == date.Zero:
				fail("step %d, due %s, not performed", i+1, s.Due)
			case done > s.Due:
				fail("step %d performed on %s, after its due day %s", i+1, done, s.Due)
			}
		}
	}
	performed = len(reasons) == before
	return tookPart, performed, reasons
}

func noticeReplyInTime(r rules.Rules, c consult.Case) bool {
	dl, err := r.NoticeReplyDeadline(c.Notice.Date)
	return err == nil && r.InTime(rules.Reply{Received: c.NoticeReply.Date,
		Delivery: c.NoticeReply.Delivery, Posted: c.NoticeReply.Posted}, dl)
}

func opinionReplyInTime(r rules.Rules, c consult.Case) bool {
	dl, err := r.OpinionReplyDeadline(c.Opinion.Date, c.Opinion.ReplyWorkdays)
	return err == nil && r.InTime(rules.Reply{Received: c.OpinionReply.Date,
		Delivery: c.OpinionReply.Delivery, Posted: c.OpinionReply.Posted}, dl)
}

// obligorActs lists what the obligor did, from the case's log, and the
// deadlines that passed without its act, from the case's history.
func obligorActs(r rules.Rules, c consult.Case, wording []string) ([]Act, error) {
	var acts []Act
	meeting := 0
	for _, e := range c.Events {
		h := e.Head()
		switch ev := e.(type) {
		case consult.NoticeReplied:
			if c.Notice == nil {
				continue
			}
			dl, err := r.NoticeReplyDeadline(c.Notice.Date)
			if err != nil {
				return nil, err
			}
			what := "书面答复磋商告知书，同意磋商"
			if !ev.Consent {
				what = "书面答复磋商告知书，不同意磋商"
			}
			acts = append(acts, Act{Date: h.Date, What: what, Due: dl.End, Citation: dl.Citation,
				InTime: r.InTime(rules.Reply{Received: h.Date, Delivery: ev.Delivery,
					Posted: ev.Posted}, dl)})
		case consult.OpinionReplied:
			if c.Opinion == nil {
				continue
			}
			dl, err := r.OpinionReplyDeadline(c.Opinion.Date, c.Opinion.ReplyWorkdays)
			if err != nil {
				return nil, err
			}
			acts = append(acts, Act{Date: h.Date, What: "书面答复赔偿意见书，" + answerChinese(ev.Answer),
				Due: dl.End, Citation: dl.Citation, InTime: r.InTime(rules.Reply{Received: h.Date,
					Delivery: ev.Delivery, Posted: ev.Posted}, dl)})
		case consult.ProxyAuthorized:
			acts = append(acts, Act{Date: h.Date, What: "委托" + ev.ProxyName + "参加磋商",
				Citation: rules.Art(13)})
		case consult.AssessmentObjected:
			acts = append(acts, Act{Date: h.Date, What: fmt.Sprintf("对鉴定评估结论提出异议，"+
				"提交证据%d项", countFilled(ev.Evidence)), Citation: rules.Art(16)})
		case consult.MeetingHeld:
			meeting++
			acts = append(acts, Act{Date: h.Date, What: meetingAct(meeting, ev), Citation: rules.Art(14)})
		case consult.AgreementSigned:
			acts = append(acts, Act{Date: h.Date, What: "签订生态环境损害赔偿协议，赔偿金额" +
				yuanText(ev.Amount), Citation: rules.Art(18)})
		case consult.ConfirmationApplied:
			acts = append(acts, Act{Date: h.Date, What: "申请司法确认", Citation: rules.Art(19)})
		case consult.ConfirmationDecided:
			what := "人民法院裁定确认协议有效"
			if !ev.Confirmed {
				what = "人民法院裁定不予确认协议"
			}
			acts = append(acts, Act{Date: h.Date, What: what, Citation: rules.Art(19)})
		case consult.PerformanceDone:
			acts = append(acts, performanceAct(c, ev, wording))
		case consult.ObligorReneged:
			acts = append(acts, Act{Date: h.Date, What: "反悔，拒不履行协议", Citation: rules.Art(20)})
		}
	}
	for _, ch := range c.History {
		if ch.Event != consult.TypeDeadlinePassed {
			continue
		}
		what := map[string]string{"no answer": "期满未书面答复磋商告知书",
			"no reply": "期满未提交赔偿意见书答复意见", "step overdue": "逾期未履行协议"}[ch.Branch]
		if what != "" {
			acts = append(acts, Act{Date: ch.Date, What: what, Citation: ch.Citation})
		}
	}
	return acts, nil
}

func countFilled(ss []string) int {
	n := 0
	for _, s := range ss {
		if filled(s) {
			n++
		}
	}
	return n
}

// meetingAct describes the obligor's part in meeting number n.
func meetingAct(n int, h consult.MeetingHeld) string {
	var what string
	switch h.Outcome {
	case consult.Agreed:
		what = fmt.Sprintf("参加第%d次磋商会议，达成一致意见", n)
	case consult.NotAgreed:
		what = fmt.Sprintf("参加第%d次磋商会议，未达成一致意见", n)
	case consult.Absent:
		what = fmt.Sprintf("未参加第%d次磋商会议", n)
	case consult.WalkedOut:
		what = fmt.Sprintf("中途退出第%d次磋商会议", n)
	default:
		what = fmt.Sprintf("第%d次磋商会议", n)
	}
	if filled(h.GoodReason) {
		what += "（有正当理由：" + cleanLine(h.GoodReason) + "）"
	}
	return what
}

// performanceAct describes a performed step with its due day.
func performanceAct(c consult.Case, ev consult.PerformanceDone, wording []string) Act {
	act := Act{Date: ev.Date, What: fmt.Sprintf("履行协议第%d项", ev.Step), Citation: rules.Art(21)}
	if c.Agreement == nil || ev.Step < 1 || ev.Step > len(c.Agreement.Steps) {
		return act
	}
	s := c.Agreement.Steps[ev.Step-1]
	text := s.Description
	if ev.Step <= len(wording) && filled(wording[ev.Step-1]) {
		text = wording[ev.Step-1]
	}
	act.What += "：" + cleanLine(text)
	if s.Amount > 0 {
		act.What += "，" + yuanFigures(s.Amount)
	}
	act.Due, act.InTime = s.Due, ev.Date <= s.Due
	return act
}

func (rec CooperationRecord) layout() page {
	p := page{Issuer: rec.Agency.Name, Number: rec.Number,
		Title: "赔偿义务人参与生态环境损害赔偿磋商和履行协议情况", Recipient: rec.Recipient,
		Closing: rec.Agency.Name, Date: ChineseDate(rec.Date)}
	yours := "贵单位"
	if strings.Contains(rec.Recipient, "法院") {
		yours = "贵院"
	}
	p.para(fmt.Sprintf("%s（以下称赔偿义务人）就%s与本机关进行了生态环境损害赔偿磋商，"+
		"并签订了生态环境损害赔偿协议。根据%s，现将赔偿义务人参与磋商和履行协议的情况"+
		"提供给%s，供裁判或者量罚时参考。", rec.Obligor.Name, rec.CaseNumber,
		cite(rules.Art(28)), yours))

	rows := make([][]string, len(rec.Acts))
	for i, a := range rec.Acts {
		due, state := "—", "—"
		if a.Due != date.Zero {
			due = ChineseDate(a.Due)
			state = "逾期"
			if a.InTime {
				state = "按期"
			}
		}
		rows[i] = []string{ChineseDate(a.Date), a.What, due, state}
	}
	p.table([]string{"日期", "事项", "期限", "是否按期"}, rows, 0, 2, 3)

	meetings := ""
	if rec.Meetings > 0 {
		meetings = fmt.Sprintf("参加了%d次磋商会议，", rec.Meetings)
	}
	p.para(fmt.Sprintf("综上，赔偿义务人按期答复了磋商告知书和赔偿意见书，%s并在约定期限内"+
		"履行了协议约定的全部义务，累计支付%s。", meetings, yuanText(rec.Paid)))
	p.para("特此说明。")
	if line := contactLine(rec.Agency); line != "" {
		p.para(line)
	}
	return p
}
