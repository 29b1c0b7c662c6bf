package documents

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/ecoconsult/ecoconsult/consult"
	"github.com/ecoconsult/ecoconsult/rules"
)

// Role is the capacity in which someone attends a consultation meeting.
type Role uint8

// The roles at a consultation meeting. The zero Role is invalid.
const (
	RoleHost     Role = iota + 1 // 主持人
	RoleRecorder                 // 记录员
	// RoleAgency is a member of staff of the agency (赔偿权利人代表).
	RoleAgency
	// RoleObligor is the obligor in person: a natural person, or the
	// legal representative or principal of an organization.
	RoleObligor
	// RoleProxy is someone the obligor authorized in writing, including
	// the authorized representative of an organization (Art. 12(3),
	// Art. 13). The agency must hold the papers of Art. 13 for them.
	RoleProxy
	// RoleAssessor speaks for the assessment institution (Art. 14(1)(4)).
	RoleAssessor
	// RoleExpert is a member of the expert panel (Art. 14(1)(4)).
	RoleExpert
	// RoleInvitee is an invited participant (受邀参与磋商人, Art. 7).
	RoleInvitee
	// RoleDepartment represents a department that takes part (Art. 12(2)).
	RoleDepartment
)

// Chinese returns the Chinese name of r, or "" for an unknown role.
func (r Role) Chinese() string {
	switch r {
	case RoleHost:
		return "主持人"
	case RoleRecorder:
		return "记录员"
	case RoleAgency:
		return "赔偿权利人代表"
	case RoleObligor:
		return "赔偿义务人"
	case RoleProxy:
		return "赔偿义务人的受委托人"
	case RoleAssessor:
		return "鉴定评估机构代表"
	case RoleExpert:
		return "专家组成员"
	case RoleInvitee:
		return "受邀参与磋商人"
	case RoleDepartment:
		return "相关部门代表"
	}
	return ""
}

// roleNames lists the text form of each role, indexed by Role.
func roleNames() []string {
	return []string{"", "host", "recorder", "agency", "obligor", "proxy",
		"assessor", "expert", "invitee", "department"}
}

// String returns the text form of r, such as "host", or "Role(N)" for an
// unknown role.
func (r Role) String() string {
	if names := roleNames(); int(r) < len(names) && r != 0 {
		return names[r]
	}
	return fmt.Sprintf("Role(%d)", r)
}

// MarshalText writes r in its text form, so facts in JSON name the role.
func (r Role) MarshalText() ([]byte, error) {
	if r.Chinese() == "" {
		return nil, fmt.Errorf("documents: cannot write role %d: it is not one of the Role constants", r)
	}
	return []byte(r.String()), nil
}

// UnmarshalText reads a role in its text form, such as "recorder".
func (r *Role) UnmarshalText(b []byte) error {
	for i, name := range roleNames() {
		if i > 0 && name == string(b) {
			*r = Role(i)
			return nil
		}
	}
	return fmt.Errorf("documents: unknown role %q: want one of %s", b,
		strings.Join(roleNames()[1:], ", "))
}

// Attendee is one person at a consultation meeting.
type Attendee struct {
	Name string
	Role Role
	// Organization is the attendee's unit or position; optional.
	Organization string
}

// MinutesFacts holds the parts of the minutes that the recorder supplies
// and the case does not record.
type MinutesFacts struct {
	Agency Agency
	// Number is the number of the record; optional.
	Number string
	// Meeting is the number of the meeting in the case, from 1 in the
	// order scheduled; 0 means the last one scheduled.
	Meeting int
	// Start and End are the times of day the meeting began and ended;
	// optional.
	Start, End string
	// Simplified records a meeting that went straight to the points in
	// dispute, as Art. 14 allows; rules.MeetingSteps gives its steps.
	Simplified bool
	Attendees  []Attendee
	// Records holds what the recorder wrote for each step of the meeting,
	// keyed by its item of Art. 14(1), 1 to 7. Item 8, the checking and
	// signing of the minutes, is the signature part of the document.
	Records map[int]string
	// Signed lists the attendees who signed the minutes, by name, and
	// HostNote is the host's note on anyone who refused (Art. 14(1)(8)).
	Signed   []string
	HostNote string
	// ForSigning prints the minutes for signing at the end of the
	// meeting: every attendee gets a blank signature line and Signed and
	// HostNote are not checked. Otherwise the minutes are the record to
	// file, which rules.CheckMinutes checks.
	ForSigning bool
}

// Minutes is the record of a consultation meeting (磋商会议记录): the
// arrangements of Art. 12, the steps of Art. 14 in their order with the
// record of each, and the outcome. It ends with the signatures of the
// attendees and the host's note on anyone who refused to sign
// (Art. 14(1)(8)).
type Minutes struct {
	MinutesFacts
	CaseNumber string
	Obligor    consult.ObligorInfo
	// Route is the route of the case's latest assessment, which decides
	// who explains it at step 4.
	Route consult.Route
	// Round is the number of the meeting in the case; 0 when the case has
	// no meeting of that number.
	Round     int
	Scheduled consult.MeetingScheduled
	// Held is the outcome the case records, nil if the meeting is not
	// recorded as held.
	Held *consult.MeetingHeld
	// Citation is the provision the case history gives the outcome, such
	// as Art. 17(1)(5) when the last allowed meeting failed.
	Citation rules.Citation
	// Proxies are the case's authorizations, which an attendee in the
	// role of proxy needs (Art. 13).
	Proxies []consult.ProxyAuthorized
}

const minutesDocument = "meeting minutes (生态环境损害赔偿磋商会议记录)"

// NewMinutes builds the minutes of a meeting that the case records as
// held. To print the minutes for signing before the outcome is recorded,
// apply the meeting_held event to a copy of the case with
// consult.Engine.Apply. It returns an error naming each missing item, a
// *rules.Violation from rules.CheckMinutes for signatures that do not
// match the attendees, or from rules.CheckProxy for an attending proxy
// whose papers are not in order.
func NewMinutes(c consult.Case, f MinutesFacts) (Minutes, error) {
	m := Minutes{MinutesFacts: f, CaseNumber: c.Number, Obligor: c.Obligor,
		Proxies: c.Proxies}
	if k := len(c.Assessments); k > 0 {
		m.Route = c.Assessments[k-1].Route
	}
	if i, ok := meetingIndex(c, f.Meeting); ok {
		m.Round, m.Scheduled, m.Held = i+1, c.Meetings[i].Scheduled, c.Meetings[i].Held
	}
	if m.Held != nil {
		for _, ch := range c.History {
			if ch.Event == consult.TypeMeetingHeld && ch.Date == m.Held.Date {
				m.Citation = ch.Citation
			}
		}
	}
	if err := m.Check(); err != nil {
		return Minutes{}, err
	}
	return m, nil
}

// attended reports whether the obligor's side was at the meeting, by the
// outcome the case records.
func (m Minutes) attended() bool {
	return m.Held != nil && m.Held.Outcome != consult.Absent
}

// steps returns the steps of the meeting before the signing, in order.
func (m Minutes) steps() []rules.MeetingStep {
	all := rules.MeetingSteps(m.Simplified)
	return all[:len(all)-1]
}

// Check returns an error naming each missing item: the meeting and its
// outcome, the attendance of the obligor's side, the record of each step
// held, and the signatures. Every step needs a record when the obligor's
// side attended to the end; after an absence or a walk-out only the check
// of attendance (Art. 14(1)(1)) does.
func (m Minutes) Check() error {
	var l itemList
	l.need(filled(m.Agency.Name), rules.Art(12).Para(1), "agency's name", "组织磋商的机关名称")
	if m.Round == 0 {
		l.need(false, rules.Art(12).Para(1), meetingWanted(m.Meeting), "磋商会议安排")
		return combine(minutesDocument, l)
	}
	l.need(m.Held != nil, rules.Art(14), "outcome of the meeting (record meeting_held "+
		"in the case)", "会议结果")

	var errs []error
	for i, a := range m.Attendees {
		l.need(a.Role != 0, rules.Art(14).ItemOf(1),
			fmt.Sprintf("role of attendee %d", i+1), "参会人员身份")
		if a.Role != 0 && a.Role.Chinese() == "" {
			errs = append(errs, &rules.Violation{Citation: rules.Art(14).ItemOf(1),
				Err: rules.ErrInvalidFact, Detail: fmt.Sprintf("attendee %d, %s, has role %d, "+
					"which is none of the Role constants", i+1, a.Name, a.Role)})
		}
	}
	var items []int // the Art. 14(1) items of this meeting's steps
	for _, s := range m.steps() {
		items = append(items, s.Citation.Item)
	}
	for _, step := range slices.Sorted(maps.Keys(m.Records)) {
		if !slices.Contains(items, step) {
			errs = append(errs, &rules.Violation{Citation: rules.Art(14), Err: rules.ErrInvalidFact,
				Detail: fmt.Sprintf("Records has step %d, which this meeting does not have; "+
					"its steps before the signing are %v, so move or remove that record", step, items)})
		}
	}
	errs = append(errs, m.checkObligorSide(&l)...)

	full := m.Held != nil && (m.Held.Outcome == consult.Agreed || m.Held.Outcome == consult.NotAgreed)
	for _, s := range m.steps() {
		if s.Citation.Item == 6 && !anyFilled(m.Scheduled.Invitees) {
			continue // with no invitees, the layout writes this record itself
		}
		required := full || s.Citation.Item == 1
		l.need(!required || filled(m.Records[s.Citation.Item]), s.Citation,
			fmt.Sprintf("record of step %d", s.Citation.Item),
			fmt.Sprintf("第%s项程序的记录", chineseCount(s.Citation.Item)))
	}

	names := make([]string, len(m.Attendees))
	for i, a := range m.Attendees {
		names[i] = a.Name
	}
	signed, note := m.Signed, m.HostNote
	if m.ForSigning {
		// With every attendee counted as signed, CheckMinutes checks only
		// the list of attendees.
		signed, note = names, ""
	}
	errs = append(errs, rules.CheckMinutes(rules.Minutes{Attendees: names, Signed: signed,
		HostNote: note}))
	return combine(minutesDocument, l, errs...)
}

// checkObligorSide requires someone for the obligor when it attended: the
// obligor in person or a proxy, and for an organization an authorized
// representative (Art. 12(3)). Every attending proxy needs its papers in
// order for attending on the meeting day (Art. 13).
func (m Minutes) checkObligorSide(l *itemList) []error {
	var errs []error
	representative := ""
	for _, a := range m.Attendees {
		if a.Role != RoleObligor && a.Role != RoleProxy {
			continue
		}
		if representative == "" {
			representative = a.Name
		}
		if a.Role == RoleProxy {
			errs = append(errs, m.checkProxy(a.Name))
		}
	}
	if !m.attended() {
		if m.Held != nil && representative != "" {
			// The case records the obligor as absent (Art. 17(1)(3)), so
			// minutes listing its side would contradict the case.
			errs = append(errs, &rules.Violation{Citation: rules.Art(14).ItemOf(1),
				Err: rules.ErrInvalidFact, Detail: fmt.Sprintf("%s is listed for the "+
					"obligor, but the case records the obligor as absent; remove them "+
					"from the attendees or correct the meeting_held event", representative)})
		}
		return errs
	}
	if m.Obligor.Kind == consult.NaturalPerson {
		l.need(filled(representative), rules.Art(14).ItemOf(1),
			"obligor or its proxy among the attendees", "赔偿义务人或其受委托人到会情况")
		return errs
	}
	p := plan(m.Scheduled)
	p.LegalPersonObligor, p.Representative = true, representative
	return append(errs, rules.CheckMeetingPlan(p))
}

// checkProxy checks the papers of the proxy named name for attending the
// meeting (Art. 13).
func (m Minutes) checkProxy(name string) error {
	var auth consult.ProxyAuthorized
	for _, a := range m.Proxies {
		if strings.TrimSpace(a.ProxyName) == strings.TrimSpace(name) {
			auth = a
		}
	}
	check, err := rules.CheckProxy(proxyPapers(m.Obligor.Kind, auth),
		rules.ProxyRequest{Act: rules.ActAttendMeeting, Matter: m.CaseNumber,
			Day: m.Scheduled.MeetingDate})
	if err != nil && !errors.Is(err, rules.ErrProxy) {
		return err
	}
	return check.Err()
}

func (m Minutes) layout() page {
	s := m.Scheduled
	p := page{Number: m.Number, Title: "生态环境损害赔偿磋商会议记录"}
	p.field("组织磋商的机关", m.Agency.Name)
	p.field("案件", m.CaseNumber)
	p.field("赔偿义务人", m.Obligor.Name)
	round := fmt.Sprintf("第%d次磋商会议", m.Round)
	if m.Simplified {
		round += "（简化程序，直接就争议问题进行磋商）"
	}
	p.field("会议", round)
	when := ChineseDate(s.MeetingDate)
	switch {
	case filled(m.Start) && filled(m.End):
		when += m.Start + "至" + m.End
	case filled(m.Start):
		when += m.Start + "起"
	}
	p.field("时间", when)
	if filled(s.Place) {
		p.field("地点", s.Place)
	}
	if filled(s.Online) {
		p.field("线上会议", s.Online)
	}
	p.field("主持人", s.Host)
	p.field("记录员", s.Recorder)
	p.field("受邀参与磋商人", joinOrNone(s.Invitees))
	p.para("参会人员：")
	rows := make([][]string, len(m.Attendees))
	for i, a := range m.Attendees {
		organization := a.Organization
		if !filled(organization) {
			organization = "—"
		}
		rows[i] = []string{a.Name, a.Role.Chinese(), organization}
	}
	p.table([]string{"姓名", "身份", "单位或职务"}, rows)

	p.heading("会议过程")
	for i, step := range m.steps() {
		heading := step.Chinese
		if step.Citation == rules.Art(14).ItemOf(4) {
			// Art. 14(1)(4): who explains depends on the assessment route.
			heading = "鉴定评估机构说明鉴定评估情况"
			if m.Route == consult.RouteExperts {
				heading = "专家组成员说明论证意见"
			}
		}
		p.subheading(fmt.Sprintf("（%s）%s", chineseCount(i+1), heading))
		record := m.Records[step.Citation.Item]
		switch {
		case filled(record):
			p.paragraphs(record)
		case step.Citation.Item == 6 && !anyFilled(s.Invitees):
			p.para("本次会议无受邀参与磋商人。")
		default:
			p.para("未进行。")
		}
	}

	p.heading("会议结果")
	p.para(m.outcome())

	p.heading("核对签字")
	if m.ForSigning {
		p.para("请参会各方核对本记录，确认无误后签字。")
	} else {
		p.para("参会各方已核对本记录。")
	}
	signed := map[string]bool{}
	for _, name := range m.Signed {
		signed[strings.TrimSpace(name)] = true
	}
	for _, a := range m.Attendees {
		sig := signer{Label: a.Name + "（" + a.Role.Chinese() + "）"}
		switch {
		case m.ForSigning:
			sig.Label += "签字"
		case signed[strings.TrimSpace(a.Name)]:
			sig.Value = "已签字"
		default:
			sig.Value = "未签字，见主持人说明"
		}
		p.Signers = append(p.Signers, sig)
	}
	if !m.ForSigning && filled(m.HostNote) {
		p.Notes = append(p.Notes, "主持人说明："+cleanLine(m.HostNote))
	}
	return p
}

// outcome describes in Chinese how the meeting ended, from the outcome
// and the provision the case records.
func (m Minutes) outcome() string {
	h := m.Held
	switch {
	case h == nil:
		return ""
	case h.Outcome == consult.Agreed:
		return "经磋商，双方对损害事实和程度、修复目标、赔偿数额以及履行的方式和期限" +
			"达成一致意见，将据此签订生态环境损害赔偿协议。"
	case h.Outcome == consult.NotAgreed && m.Citation == rules.Art(17).ItemOf(5):
		return fmt.Sprintf("本次会议未能达成一致意见。本次为本案可以进行的最后一次磋商，"+
			"磋商程序终止（%s）。", cite(m.Citation))
	case h.Outcome == consult.NotAgreed && h.Continue:
		return fmt.Sprintf("本次会议未能达成一致意见。双方同意另定时间继续磋商（%s）。",
			cite(rules.Art(15)))
	case h.Outcome == consult.NotAgreed:
		return fmt.Sprintf("本次会议未能达成一致意见，双方均不愿继续磋商，磋商程序终止"+
			"（%s）。", cite(rules.Art(17).ItemOf(4)))
	}
	what := "缺席磋商会议"
	if h.Outcome == consult.WalkedOut {
		what = "中途离开磋商会议"
	}
	if filled(h.GoodReason) {
		return fmt.Sprintf("赔偿义务人%s，理由为：%s。该理由经认定为正当理由，本次会议不计入"+
			"磋商次数。", what, cleanLine(h.GoodReason))
	}
	return fmt.Sprintf("赔偿义务人无正当理由%s，磋商程序终止（%s）。", what,
		cite(rules.Art(17).ItemOf(3)))
}
