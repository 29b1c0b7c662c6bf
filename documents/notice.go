package documents

import (
	"fmt"

	"github.com/ecoconsult/ecoconsult/consult"
	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
)

// NoticeFacts holds the parts of the consultation notice that the official
// supplies and the case does not record.
type NoticeFacts struct {
	Agency Agency
	// Number is the document number (发文字号), such as
	// 杭环赔告〔2021〕1号; optional.
	Number string
	// Date is the date of the document (成文日期); zero means the day of
	// service.
	Date date.Date
	// Damage describes, in Chinese, the damage the investigation found
	// and why it needs restoration or compensation. Each line is a
	// paragraph.
	Damage string
	// ReplyMethod is the way to answer in writing: where to hand in or
	// send the answer, or the system to send it to.
	ReplyMethod string
}

// Notice is the consultation notice (生态环境损害赔偿磋商告知书) that the
// agency serves on the obligor once the investigation finds damage that
// needs restoration or compensation (Art. 8(3)). It names the parties and
// the damage, gives the last day for a written answer and says that
// silence counts as refusal.
type Notice struct {
	NoticeFacts
	CaseNumber string
	Obligor    consult.ObligorInfo
	// Assessment is the latest assessment report or expert opinion of the
	// case, nil if there is none yet; the notice gives its amount.
	Assessment *consult.AssessmentIssued
	// Served is the day of service, from the case's notice_served event.
	Served date.Date
	// ReplyDeadline is the last day for the written answer,
	// Params.NoticeReplyWorkdays working days after Served.
	ReplyDeadline rules.Deadline
	// PostedInTime adds the statement that an answer posted by the last
	// day is in time (Params.PostedReplyInTime).
	PostedInTime bool

	rules rules.Rules
}

const noticeDocument = "consultation notice (生态环境损害赔偿磋商告知书)"

// NewNotice builds the consultation notice of c. The day of service comes
// from the case's notice_served event: to draft a notice before serving
// it, apply the planned event to a copy of the case with
// consult.Engine.Apply, which leaves the original unchanged. It returns
// an error naming each missing item, or the error of computing the reply
// deadline on r's calendar.
func NewNotice(r rules.Rules, c consult.Case, f NoticeFacts) (Notice, error) {
	n := Notice{NoticeFacts: f, CaseNumber: c.Number, Obligor: c.Obligor, rules: r}
	// The notice cites the latest assessment issued by the day of service,
	// not a corrected report that came after it.
	for _, a := range c.Assessments {
		if c.Notice == nil || a.Date <= c.Notice.Date {
			latest := a
			n.Assessment = &latest
		}
	}
	if c.Notice != nil {
		n.Served = c.Notice.Date
		dl, err := r.NoticeReplyDeadline(n.Served)
		if err != nil {
			return Notice{}, fmt.Errorf("documents: %s: reply deadline: %w", noticeDocument, err)
		}
		n.ReplyDeadline = dl
		n.PostedInTime = r.Params().PostedReplyInTime
	}
	if n.Date == date.Zero {
		n.Date = n.Served
	}
	if err := n.Check(); err != nil {
		return Notice{}, err
	}
	return n, nil
}

// Check returns an error naming each item of the notice that is missing:
// the agency's and the obligor's names, the damage, the day of service
// with the reply deadline, and how to answer (Art. 8(3)).
func (n Notice) Check() error {
	c := rules.Art(8).Para(3)
	var l itemList
	l.need(filled(n.Agency.Name), c, "agency's name", "赔偿权利人（送达机关）名称")
	l.need(filled(n.Obligor.Name), c, "obligor's name", "赔偿义务人名称（姓名）")
	l.need(filled(n.Damage), c, "damage found by the investigation", "经调查发现的生态环境损害")
	l.need(n.Served != date.Zero, c, "day of service (record notice_served in the case)", "送达日期")
	l.need(n.ReplyDeadline.End != date.Zero, c, "reply deadline", "书面答复期限")
	l.need(filled(n.ReplyMethod), c, "how to answer in writing", "书面答复方式")
	return combine(noticeDocument, l, sameDeadline(c, n.ReplyDeadline, n.Served,
		n.rules.NoticeReplyDeadline))
}

func (n Notice) layout() page {
	who := you(n.Obligor)
	p := page{Issuer: n.Agency.Name, Number: n.Number, Title: "生态环境损害赔偿磋商告知书",
		Recipient: n.Obligor.Name, Closing: n.Agency.Name, Date: ChineseDate(n.Date)}

	p.para("经调查，本机关发现下列生态环境损害：")
	p.paragraphs(n.Damage)
	if a := n.Assessment; a != nil && a.Amount > 0 {
		source := "鉴定评估机构出具的鉴定评估报告"
		if a.Route == consult.RouteExperts {
			source = "专家组出具的专家论证意见"
		}
		p.para(fmt.Sprintf("根据%s（%s），量化的生态环境损害数额为%s。",
			source, ChineseDate(a.Date), yuanText(a.Amount)))
	}
	p.para(fmt.Sprintf("上述损害应当予以修复或者赔偿。根据%s，本机关告知%s：本机关拟就"+
		"上述损害的修复和赔偿事宜与%s进行磋商。", cite(rules.Art(8).Para(3)), who, who))

	p.para(fmt.Sprintf("请%s将是否同意磋商的书面意见于%s（含当日）前送达本机关。"+
		"该日为本告知书送达之日（%s）后的第%d个工作日。", who,
		ChineseDate(n.ReplyDeadline.End), ChineseDate(n.Served), n.ReplyDeadline.N))
	p.field("书面答复方式", n.ReplyMethod)
	if n.PostedInTime {
		p.para("以邮寄方式答复的，以寄出时的邮戳日期为准。")
	}

	p.para(fmt.Sprintf("期满本机关未收到%s书面答复的，按%s不同意磋商处理。", who, who))
	p.para(fmt.Sprintf("%s同意磋商的，本机关将启动磋商程序，并向%s送达生态环境损害"+
		"赔偿意见书。%s不同意磋商，或者按不同意磋商处理的，本机关将依法提起生态环境"+
		"损害赔偿诉讼。", who, who, who))

	p.para("特此告知。")
	if line := contactLine(n.Agency); line != "" {
		p.para(line)
	}
	if n.ReplyDeadline.Provisional {
		p.Notes = append(p.Notes, provisionalNote)
	}
	return p
}
