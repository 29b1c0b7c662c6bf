package documents

import (
	"fmt"
	"strings"

	"github.com/ecoconsult/ecoconsult/consult"
	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
)

// MeetingNoticeFacts holds the parts of a meeting notice that the
// official supplies and the case does not record.
type MeetingNoticeFacts struct {
	Agency Agency
	// Number is the document number (发文字号); optional.
	Number string
	// Date is the date of the document (成文日期); zero means the day the
	// agency notified the obligor, the date of the meeting_scheduled event.
	Date date.Date
	// Meeting is the number of the meeting in the case, from 1 in the
	// order scheduled; 0 means the last one scheduled.
	Meeting int
	// Time is the time of day the meeting starts, such as 上午9:30;
	// optional.
	Time string
	// Departments lists the departments that take part (Art. 12(2));
	// optional.
	Departments []string
}

// MeetingNotice is the notice of a consultation meeting (磋商会议通知),
// served on the obligor in advance. It gives the time, the place or
// online link, the host, the recorder and the invitees (Art. 12), and the
// papers the obligor or its proxy must bring (Art. 12(3), Art. 13).
type MeetingNotice struct {
	MeetingNoticeFacts
	CaseNumber string
	Obligor    consult.ObligorInfo
	// Round is the number of the meeting in the case; 0 when the case
	// has no meeting of that number.
	Round     int
	Scheduled consult.MeetingScheduled
	// Objected is the day the agency received the obligor's objection to
	// the opinion letter, which calls for the first meeting (Art. 12(1)).
	Objected date.Date
	// Previous is the day of the meeting before this one, for a further
	// meeting (Art. 15); zero for the first.
	Previous date.Date
}

const meetingNoticeDocument = "meeting notice (生态环境损害赔偿磋商会议通知)"

// NewMeetingNotice builds the notice of a meeting that the case records
// as scheduled. It returns an error naming each missing item, with the
// arrangements of Art. 12(1) checked by rules.CheckMeetingPlan.
func NewMeetingNotice(c consult.Case, f MeetingNoticeFacts) (MeetingNotice, error) {
	n := MeetingNotice{MeetingNoticeFacts: f, CaseNumber: c.Number, Obligor: c.Obligor}
	if i, ok := meetingIndex(c, f.Meeting); ok {
		n.Round, n.Scheduled = i+1, c.Meetings[i].Scheduled
		if i > 0 && c.Meetings[i-1].Held != nil {
			n.Previous = c.Meetings[i-1].Held.Date
		}
	}
	if c.OpinionReply != nil && c.OpinionReply.Answer == rules.Object {
		n.Objected = c.OpinionReply.Date
	}
	if n.Date == date.Zero {
		n.Date = n.Scheduled.Date
	}
	if err := n.Check(); err != nil {
		return MeetingNotice{}, err
	}
	return n, nil
}

// meetingIndex returns the index in c.Meetings of meeting number n, from
// 1, or of the last meeting when n is 0.
func meetingIndex(c consult.Case, n int) (int, bool) {
	if n == 0 {
		n = len(c.Meetings)
	}
	return n - 1, n >= 1 && n <= len(c.Meetings)
}

// plan returns the arrangements that rules.CheckMeetingPlan checks.
func plan(s consult.MeetingScheduled) rules.MeetingPlan {
	return rules.MeetingPlan{Host: s.Host, Recorder: s.Recorder, Invitees: s.Invitees,
		Date: s.MeetingDate, Place: s.Place, Online: s.Online, ObligorNotified: s.Date}
}

// Check returns an error naming each missing item: the agency, the
// meeting itself, and the arrangements of Art. 12(1).
func (n MeetingNotice) Check() error {
	c := rules.Art(12).Para(1)
	var l itemList
	l.need(filled(n.Agency.Name), c, "agency's name", "组织磋商的机关名称")
	if n.Round == 0 {
		l.need(false, c, meetingWanted(n.Meeting), "磋商会议安排")
		return combine(meetingNoticeDocument, l)
	}
	return combine(meetingNoticeDocument, l, rules.CheckMeetingPlan(plan(n.Scheduled)))
}

func (n MeetingNotice) layout() page {
	who := you(n.Obligor)
	s := n.Scheduled
	p := page{Issuer: n.Agency.Name, Number: n.Number, Title: "生态环境损害赔偿磋商会议通知",
		Recipient: n.Obligor.Name, Closing: n.Agency.Name, Date: ChineseDate(n.Date)}
	switch {
	case n.Round > 1 && n.Previous != date.Zero:
		p.para(fmt.Sprintf("%s召开的磋商会议未能达成一致意见，经商定再次进行磋商。根据%s"+
			"第十五条，现将第%d次磋商会议的有关事项通知如下：",
			ChineseDate(n.Previous), measures, n.Round))
	case n.Round > 1:
		p.para(fmt.Sprintf("根据%s第十二条、第十五条，现将第%d次磋商会议的有关事项通知如下：",
			measures, n.Round))
	case n.Objected != date.Zero:
		p.para(fmt.Sprintf("本机关于%s收到%s对生态环境损害赔偿意见书提出异议、要求磋商的"+
			"书面答复。根据%s，本机关决定召开磋商会议，现将有关事项通知如下：",
			ChineseDate(n.Objected), who, cite(rules.Art(12).Para(1))))
	default:
		p.para(fmt.Sprintf("根据%s，本机关决定召开磋商会议，现将有关事项通知如下：",
			cite(rules.Art(12).Para(1))))
	}

	k := 0
	heading := func(s string) { k++; p.heading(chineseCount(k) + "、" + s) }
	when := ChineseDate(s.MeetingDate)
	if filled(n.Time) {
		when += n.Time
	}
	heading("会议时间：" + when)
	if filled(s.Place) {
		heading("会议地点：" + s.Place)
	}
	if filled(s.Online) {
		heading("线上会议：" + s.Online)
	}
	heading("主持人：" + s.Host)
	heading("记录员：" + s.Recorder)
	heading("受邀参与磋商人：" + joinOrNone(s.Invitees))
	if anyFilled(n.Departments) {
		heading("参加会议的相关部门：" + joinOrNone(n.Departments))
	}
	heading("参会要求")
	j := 0
	item := func(s string) { j++; p.para("（" + chineseCount(j) + "）" + s) }
	if n.Obligor.Kind == consult.NaturalPerson {
		item("请你本人携带身份证件按时参加。")
	} else {
		item(fmt.Sprintf("请%s法定代表人（负责人）携带身份证明参加，或者明确授权代表参加"+
			"（%s）。", who, cite(rules.Art(12).Para(3))))
	}
	item(fmt.Sprintf("委托他人参加的，请在会议召开前向本机关递交下列材料：%s。"+
		"授权委托书中须写明委托的事项、期限和权限（%s）。",
		strings.Join(proxyPaperNames(obligorType(n.Obligor.Kind)), "、"), cite(rules.Art(13))))
	if filled(s.Online) {
		item("以线上方式参会的，请提前调试设备，确保会议期间音视频畅通。")
	}
	item(fmt.Sprintf("%s或者受委托人无正当理由缺席或者中途离开磋商会议的，本机关将终止"+
		"磋商程序，并依法提起生态环境损害赔偿诉讼（%s）。", who, cite(rules.Art(17).ItemOf(3))))
	p.para("特此通知。")
	if line := contactLine(n.Agency); line != "" {
		p.para(line)
	}
	return p
}

// joinOrNone joins the filled strings of ss with 、, or returns 无.
func joinOrNone(ss []string) string {
	var out []string
	for _, s := range ss {
		if filled(s) {
			out = append(out, cleanLine(s))
		}
	}
	if len(out) == 0 {
		return "无"
	}
	return strings.Join(out, "、")
}

// proxyPaperNames lists in Chinese the papers that Art. 13 requires for a
// proxy of an obligor of type t, in checklist order.
func proxyPaperNames(t rules.ObligorType) []string {
	var names []string
	for _, item := range proxyItems(t) {
		if item != rules.ProxyMattersEntrusted && item != rules.ProxyPeriod &&
			item != rules.ProxyPowersGranted {
			names = append(names, item.Chinese())
		}
	}
	return names
}

// proxyItems lists the checklist items of Art. 13 for an obligor of type
// t, in the order rules.CheckProxy checks them: the obligor's identity
// papers, the power of attorney and its three statements, and the copy of
// the proxy's identity card. An unknown type gets the papers of another
// organization, as rules does.
func proxyItems(t rules.ObligorType) []rules.ProxyItem {
	var items []rules.ProxyItem
	switch t {
	case rules.ObligorNaturalPerson:
		items = []rules.ProxyItem{rules.ProxyObligorIDCopy}
	case rules.ObligorLegalPerson:
		items = []rules.ProxyItem{rules.ProxyBusinessLicence, rules.ProxyRepresentativeIDCopy}
	default:
		items = []rules.ProxyItem{rules.ProxyRegistrationCertificate, rules.ProxyPrincipalIDCopy}
	}
	return append(items, rules.ProxyPowerOfAttorney, rules.ProxyMattersEntrusted,
		rules.ProxyPeriod, rules.ProxyPowersGranted, rules.ProxyIDCardCopy)
}
