package consult

import (
	"fmt"
	"reflect"
	"time"

	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"
)

// The generator opens cases between genFirstOpen and genLastOpen and
// never draws a day after genLastDay, so the deadlines it meets stay
// inside the 2008–2026 range of the working-day calendar.
var (
	genFirstOpen = date.New(2010, time.January, 1)
	genLastOpen  = date.New(2024, time.December, 31)
	genLastDay   = date.New(2026, time.December, 31)
)

// genJunkPercent is the share of drawn events that are made invalid on
// purpose: a zero or earlier date, a wrong actor, a blank field, a type
// the stage does not expect, a pointer or nil.
const genJunkPercent = 12

// genProxyName is the proxy that the generated authorizations name.
const genProxyName = "王某某（浙江某律师事务所律师）"

// caseGen draws the events of one generated case. It reads the case
// built so far to choose an event that is likely in its stage, with
// fields that mostly pass the checks and a day 0 to 15 days after the
// last event.
type caseGen struct {
	t *rapid.T
}

// genStep is one drawn event and what Apply made of it.
type genStep struct {
	Before Case
	Event  Event
	After  Case // the zero Case when Err is set
	Err    error
}

// runGenerated draws a case of 1 to maxEvents events, applying each with
// g and calling observe after each one. A rejected event leaves the case
// as it was, so the next draw continues from there. It returns the case
// the accepted events built.
func runGenerated(t *rapid.T, g *Engine, maxEvents int, observe func(genStep)) Case {
	gen := caseGen{t: t}
	n := gen.intRange(1, maxEvents, "events")
	var c Case
	for i := 0; i < n; i++ {
		e := gen.next(c)
		next, err := g.Apply(c, e)
		if observe != nil {
			observe(genStep{Before: c, Event: e, After: next, Err: err})
		}
		if err == nil {
			c = next
		}
	}
	return c
}

// generatedLog draws a case as runGenerated does and returns its accepted
// events.
func generatedLog(t *rapid.T, g *Engine, maxEvents int) []Event {
	return runGenerated(t, g, maxEvents, nil).Events
}

// weightedType is an event type and its weight in a draw.
type weightedType struct {
	typ    EventType
	weight int
}

// allEventTypes lists every type a host may record.
var allEventTypes = []EventType{
	TypeInvestigationStarted, TypeProcuratorateInformed, TypeAssessmentIssued,
	TypeNoticeServed, TypeNoticeReplied, TypeOpinionServed, TypeOpinionReplied,
	TypeCaseDesignated, TypeMeetingScheduled, TypeMeetingHeld,
	TypeAssessmentObjected, TypeAssessmentReviewed, TypeProxyAuthorized,
	TypeConsultationTerminated, TypeConsultationHalted, TypeAgreementSigned,
	TypeAgreementReported, TypeDisclosurePublished, TypeConfirmationApplied,
	TypeConfirmationDecided, TypeObligorReneged, TypePerformanceDone,
	TypeEnforcementApplied, TypeEvidencePreserved, TypeLawsuitFiled,
}

// next draws the next event for c.
func (gen caseGen) next(c Case) Event {
	if len(c.Events) == 0 {
		if gen.intRange(0, 99, "junk first") < 5 {
			typ := pick(gen, allEventTypes, "first type")
			return gen.build(c, typ, gen.day(c, typ))
		}
		return gen.build(c, TypeInvestigationStarted, gen.day(c, TypeInvestigationStarted))
	}
	if gen.intRange(0, 99, "junk roll") < genJunkPercent {
		return gen.junk(c)
	}
	typ := gen.pickType(c)
	return gen.build(c, typ, gen.day(c, typ))
}

// pickType draws an event type with weights that follow the stage.
func (gen caseGen) pickType(c Case) EventType {
	var w []weightedType
	add := func(typ EventType, weight int, when bool) {
		if when {
			w = append(w, weightedType{typ, weight})
		}
	}
	noAssessment := len(c.Assessments) == 0
	openObjection := len(c.Reviews) < len(c.Objections)
	upheld := false
	for _, r := range c.Reviews {
		upheld = upheld || r.Upheld
	}
	// Rare events that any open stage takes. Termination and halt end
	// the case, so they get less than one part in a hundred.
	rare := func() {
		ending := gen.percent(40, "ending allowed")
		add(TypeProxyAuthorized, 4, len(c.Proxies) == 0)
		add(TypeEvidencePreserved, 2, true)
		add(TypeConsultationTerminated, 1, ending)
		add(TypeConsultationHalted, 1, ending)
	}
	switch c.Stage {
	case Investigating:
		add(TypeProcuratorateInformed, 30, c.ProcuratorateInformed == 0)
		add(TypeAssessmentIssued, 40, noAssessment)
		add(TypeNoticeServed, 40, true)
		rare()
	case AwaitingConsent:
		add(TypeNoticeReplied, 80, true)
		add(TypeProcuratorateInformed, 10, c.ProcuratorateInformed == 0)
		add(TypeAssessmentIssued, 10, noAssessment)
		rare()
	case Preparing:
		add(TypeOpinionServed, 80, !noAssessment)
		add(TypeOpinionServed, 5, noAssessment)
		add(TypeAssessmentIssued, 60, noAssessment)
		add(TypeProcuratorateInformed, 10, c.ProcuratorateInformed == 0)
		add(TypeDisclosurePublished, 2, c.Disclosed == 0)
		rare()
	case AwaitingReply:
		add(TypeOpinionReplied, 80, true)
		add(TypeAssessmentObjected, 5, true)
		add(TypeAssessmentReviewed, 5, openObjection)
		rare()
	case Consulting:
		if c.pendingMeeting() >= 0 {
			add(TypeMeetingHeld, 80, true)
		} else {
			add(TypeMeetingScheduled, 70, true)
			add(TypeAgreementSigned, 5, true)
		}
		add(TypeCaseDesignated, 8, c.Designation == nil)
		add(TypeAssessmentObjected, 3, true)
		add(TypeAssessmentReviewed, 8, openObjection)
		add(TypeAssessmentIssued, 8, upheld)
		rare()
	case AwaitingSignature:
		add(TypeAgreementSigned, 80, true)
		add(TypeDisclosurePublished, 2, c.Disclosed == 0)
		rare()
	case Signed:
		add(TypeAgreementReported, 20, c.ReportedProcuratorate == 0 || c.ReportedFinance == 0)
		add(TypeDisclosurePublished, 10, c.Disclosed == 0)
		add(TypeConfirmationApplied, 30, c.ConfirmationApplied == 0)
		add(TypeConfirmationDecided, 40, c.ConfirmationApplied != 0 && c.ConfirmationDecided == nil)
		add(TypePerformanceDone, 30, true)
		add(TypeObligorReneged, 2, true)
		add(TypeEvidencePreserved, 2, true)
	case Confirmed:
		add(TypePerformanceDone, 60, true)
		add(TypeAgreementReported, 15, c.ReportedProcuratorate == 0 || c.ReportedFinance == 0)
		add(TypeDisclosurePublished, 5, c.Disclosed == 0)
		add(TypeEnforcementApplied, 3, true)
		add(TypeObligorReneged, 3, true)
		add(TypeEvidencePreserved, 2, true)
	case Defaulted:
		add(TypeEnforcementApplied, 50, true)
		add(TypePerformanceDone, 40, true)
		add(TypeAgreementReported, 5, true)
		add(TypeEvidencePreserved, 2, true)
	case Enforcing:
		add(TypePerformanceDone, 80, true)
		add(TypeAgreementReported, 10, true)
		add(TypeEvidencePreserved, 2, true)
	case Failed, Reneged:
		add(TypeLawsuitFiled, 60, true)
		add(TypeDisclosurePublished, 10, c.Disclosed == 0)
		add(TypeEvidencePreserved, 5, true)
		add(TypeNoticeReplied, 3, c.Notice != nil)
		add(TypeOpinionReplied, 3, c.Opinion != nil)
	default: // closed
		add(TypeDisclosurePublished, 30, true)
		add(TypeEvidencePreserved, 30, true)
		add(TypeAgreementReported, 10, c.Agreement != nil)
		for _, typ := range allEventTypes {
			add(typ, 1, true)
		}
	}
	total := 0
	for _, x := range w {
		total += x.weight
	}
	roll := gen.intRange(0, total-1, "type roll")
	for _, x := range w {
		if roll < x.weight {
			return x.typ
		}
		roll -= x.weight
	}
	panic("unreachable")
}

// day draws the day of an event of type typ: 0 to 15 days after the last
// event, with shorter ranges while a reply is due, and never after a
// pending meeting, so that meeting can still be held.
func (gen caseGen) day(c Case, typ EventType) date.Date {
	last := c.lastDate()
	if last == 0 {
		span := int(genLastOpen - genFirstOpen)
		return genFirstOpen + date.Date(gen.intRange(0, span, "open day"))
	}
	maxGap := 15
	if (c.Stage == AwaitingConsent || c.Stage == AwaitingReply) && !gen.percent(15, "slow") {
		maxGap = 3 // most cases meet the reply deadline
	}
	switch typ {
	case TypeNoticeReplied:
		maxGap = min(maxGap, 9) // a 5-working-day period is 7 to 9 days
	case TypeOpinionReplied:
		maxGap = min(maxGap, 11) // a 7-working-day period is 9 to 11 days
	case TypeMeetingHeld:
		if i := c.pendingMeeting(); i >= 0 {
			return c.Meetings[i].Scheduled.MeetingDate
		}
	case TypeConfirmationApplied:
		if c.Agreement != nil && c.Agreement.Effective > last {
			last = c.Agreement.Effective
		}
		maxGap = 10
	}
	day := last + date.Date(gen.intRange(0, maxGap, "gap"))
	if i := c.pendingMeeting(); i >= 0 && c.Stage == Consulting {
		day = min(day, max(last, c.Meetings[i].Scheduled.MeetingDate))
	}
	return min(day, genLastDay)
}

// obligorSide returns the header of an act by the obligor, or, once a
// proxy is authorized, by the proxy half of the time.
func (gen caseGen) obligorSide(c Case, day date.Date) Header {
	if len(c.Proxies) > 0 && gen.percent(50, "by proxy") {
		return Header{Date: day, Actor: Proxy, Proxy: genProxyName}
	}
	return Header{Date: day, Actor: Obligor}
}

// intRange draws an int from low to high, both included, spread evenly.
// rapid's own integer generators favour small values, which would skew
// every weighted choice towards its first entry, so intRange mixes the
// bits of a drawn uint64 (the splitmix64 finalizer) before reducing it.
func (gen caseGen) intRange(low, high int, label string) int {
	x := rapid.Uint64().Draw(gen.t, label) + 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	x ^= x >> 31
	return low + int(x%uint64(high-low+1))
}

// pick draws one of values, each as likely as the others.
func pick[T any](gen caseGen, values []T, label string) T {
	return values[gen.intRange(0, len(values)-1, label)]
}

// percent reports true with the given chance.
func (gen caseGen) percent(chance int, label string) bool {
	return gen.intRange(0, 99, label) < chance
}

func (gen caseGen) yuan(low, high int64, label string) rules.Amount {
	return rules.Yuan(low + int64(gen.intRange(0, int(high-low), label)))
}

func (gen caseGen) delivery(day date.Date, earliest date.Date) (rules.Delivery, date.Date) {
	d := pick(gen, []rules.Delivery{rules.ByHand, rules.ByHand,
		rules.ByPost, rules.Electronically}, "delivery")
	if d != rules.ByPost {
		return d, 0
	}
	posted := day - date.Date(gen.intRange(0, 4, "days in post"))
	return d, max(posted, earliest)
}

// build draws an event of type typ on day with fields that fit c.
func (gen caseGen) build(c Case, typ EventType, day date.Date) Event {
	agency := Header{Date: day, Actor: Agency}
	switch typ {
	case TypeInvestigationStarted:
		return gen.investigation(day)
	case TypeProcuratorateInformed:
		return ProcuratorateInformed{Header: agency}
	case TypeAssessmentIssued:
		return gen.assessment(c, day)
	case TypeNoticeServed:
		return NoticeServed{Header: agency, Method: pick(gen, []string{
			"直接送达", "邮寄送达", "电子送达"}, "service")}
	case TypeNoticeReplied:
		served := day
		if c.Notice != nil {
			served = c.Notice.Date
		}
		d, posted := gen.delivery(day, served)
		return NoticeReplied{Header: gen.obligorSide(c, day),
			Consent: gen.percent(92, "consent"), Delivery: d, Posted: posted}
	case TypeOpinionServed:
		return OpinionServed{Header: agency, Amount: gen.yuan(5_000, 8_000_000, "claim"),
			ReplyWorkdays: pick(gen, []int{7, 7, 10, 15}, "reply workdays"),
			Restoration:   gen.percent(50, "restoration")}
	case TypeOpinionReplied:
		received := day
		if c.Opinion != nil {
			received = c.Opinion.Date
		}
		d, posted := gen.delivery(day, received)
		answer := pick(gen, []rules.OpinionAnswer{rules.Accept, rules.Accept,
			rules.Accept, rules.Object, rules.Object, rules.Object, rules.Object,
			rules.Object, rules.Refuse}, "answer")
		return OpinionReplied{Header: gen.obligorSide(c, day), Answer: answer,
			Delivery: d, Posted: posted}
	case TypeCaseDesignated:
		return CaseDesignated{Header: agency, Reason: "污染跨越两个区县，需补充鉴定，案情复杂"}
	case TypeMeetingScheduled:
		return gen.schedule(day)
	case TypeMeetingHeld:
		return gen.meeting(day)
	case TypeAssessmentObjected:
		return AssessmentObjected{Header: gen.obligorSide(c, day),
			Evidence: []string{"第三方检测机构出具的土壤检测报告"}}
	case TypeAssessmentReviewed:
		return AssessmentReviewed{Header: agency,
			Method: pick(gen, []string{"explanation", "expert_review"}, "review"),
			Upheld: gen.percent(25, "upheld")}
	case TypeProxyAuthorized:
		return gen.authorization(c, day)
	case TypeConsultationTerminated:
		return ConsultationTerminated{Header: agency,
			Item:   pick(gen, []int{1, 3, 4, 6, 7}, "item"),
			Reason: "赔偿义务人明确表示不再参加磋商"}
	case TypeConsultationHalted:
		return ConsultationHalted{Header: agency,
			Conduct: pick(gen, []Conduct{Interference, FalseMaterials,
				OtherUnlawful}, "conduct"),
			Detail: "提交伪造的处置合同"}
	case TypeAgreementSigned:
		return gen.agreement(c, day)
	case TypeAgreementReported:
		to := ToProcuratorate
		if c.ReportedProcuratorate != 0 || (c.ReportedFinance == 0 && gen.percent(50, "finance first")) {
			to = ToFinance
		}
		return AgreementReported{Header: agency, To: to}
	case TypeDisclosurePublished:
		return DisclosurePublished{Header: agency, Where: "杭州市生态环境局门户网站"}
	case TypeConfirmationApplied:
		h := agency
		if gen.percent(50, "obligor applies") {
			h = gen.obligorSide(c, day)
		}
		return ConfirmationApplied{Header: h}
	case TypeConfirmationDecided:
		return ConfirmationDecided{Header: Header{Date: day, Actor: Court},
			Confirmed: gen.percent(85, "confirmed")}
	case TypeObligorReneged:
		return ObligorReneged{Header: Header{Date: day, Actor: Obligor}}
	case TypePerformanceDone:
		return PerformanceDone{Header: Header{Date: day, Actor: Obligor}, Step: gen.stepNumber(c)}
	case TypeEnforcementApplied:
		return EnforcementApplied{Header: agency}
	case TypeEvidencePreserved:
		return EvidencePreserved{Header: agency, Evidence: "排污口下游底泥",
			Risk: "汛期将冲刷底泥，污染物难以再取证"}
	case TypeLawsuitFiled:
		return LawsuitFiled{Header: agency, Court: "杭州市中级人民法院"}
	}
	panic(fmt.Sprintf("no generator for %s", typ))
}

func (gen caseGen) investigation(day date.Date) InvestigationStarted {
	districts := rules.DistrictsOn(day)
	names := make([]string, len(districts))
	for i, d := range districts {
		names[i] = d.Name
	}
	kind := pick(gen, []ObligorKind{LegalPerson, LegalPerson,
		NaturalPerson, OtherOrganization}, "obligor kind")
	name := map[ObligorKind]string{LegalPerson: "杭州某化工有限公司",
		NaturalPerson: "张某", OtherOrganization: "某村股份经济合作社"}[kind]
	return InvestigationStarted{
		Header:     Header{Date: day, Actor: Agency},
		CaseNumber: fmt.Sprintf("杭环赔〔%d〕%d号", day.Year(), gen.intRange(1, 60, "case no")),
		Obligor:    ObligorInfo{Name: name, Kind: kind, Address: "杭州市某区某路1号"},
		District:   pick(gen, names, "district"),
		Incident:   "废液经雨水管网排入河道",
	}
}

func (gen caseGen) assessment(c Case, day date.Date) AssessmentIssued {
	route := pick(gen, []Route{RouteReport, RouteReport, RouteExperts}, "route")
	a := AssessmentIssued{Header: Header{Date: day, Actor: Institution}, Route: route,
		Amount: gen.yuan(5_000, 8_000_000, "assessed")}
	if route == RouteExperts {
		a.Actor = ExpertPanel
		a.Experts = gen.intRange(3, 7, "experts")
	}
	for _, r := range c.Reviews {
		a.Corrected = a.Corrected || r.Upheld
	}
	return a
}

func (gen caseGen) schedule(day date.Date) MeetingScheduled {
	m := MeetingScheduled{Header: Header{Date: day, Actor: Agency},
		MeetingDate: min(day+date.Date(gen.intRange(1, 12, "notice days")), genLastDay),
		Host:        "区生态环境分局副局长", Recorder: "执法队员"}
	if gen.percent(50, "online") {
		m.Online = "https://meeting.example.cn/room/2031"
	} else {
		m.Place = "区生态环境分局三楼会议室"
	}
	if gen.percent(50, "invitees") {
		m.Invitees = []string{"区人民检察院", "某街道办事处"}
	}
	if gen.percent(30, "gap reason") {
		m.Reason = "赔偿义务人补充提交修复方案需要时间"
	}
	return m
}

func (gen caseGen) meeting(day date.Date) MeetingHeld {
	m := MeetingHeld{Header: Header{Date: day, Actor: Agency}}
	switch roll := gen.intRange(0, 99, "outcome"); {
	case roll < 35:
		m.Outcome = Agreed
	case roll < 80:
		m.Outcome, m.Continue = NotAgreed, true
	case roll < 86:
		m.Outcome = NotAgreed
	case roll < 94:
		m.Outcome = Absent
	default:
		m.Outcome = WalkedOut
	}
	if (m.Outcome == Absent || m.Outcome == WalkedOut) && gen.percent(50, "excused") {
		m.GoodReason = "赔偿义务人法定代表人住院治疗"
	}
	return m
}

func (gen caseGen) authorization(c Case, day date.Date) ProxyAuthorized {
	paper := func(label string) date.Date {
		return day - date.Date(gen.intRange(0, 3, label))
	}
	a := ProxyAuthorized{
		Header:               Header{Date: day, Actor: Obligor},
		ProxyName:            genProxyName,
		ObligorIDCopy:        paper("obligor id"),
		OrganizationLicence:  paper("licence"),
		RepresentativeIDCopy: paper("representative id"),
		ProxyIDCopy:          paper("proxy id"),
		PowerOfAttorney:      paper("power of attorney"),
		Matters:              []string{c.Number},
		From:                 day,
		Until:                day + date.Date(gen.intRange(30, 400, "entrusted days")),
		General:              gen.percent(50, "general"),
		Acts: []ProxyAct{ActReplyNotice, ActReplyOpinion, ActAttendMeeting,
			ActObjectAssessment, ActAgreeAndSign, ActReceiveDocuments},
	}
	if a.General && gen.percent(50, "general only") {
		a.Acts = []ProxyAct{ActAgreeAndSign}
	}
	return a
}

func (gen caseGen) agreement(c Case, day date.Date) AgreementSigned {
	h := Header{Date: day, Actor: Agency}
	if gen.percent(50, "obligor signs") {
		h = gen.obligorSide(c, day)
	}
	effective := day + date.Date(gen.intRange(0, 5, "effective after"))
	n := gen.intRange(1, 4, "steps")
	a := AgreementSigned{Header: h, Effective: effective}
	due := effective
	for i := range n {
		due += date.Date(gen.intRange(5, 60, "step gap"))
		amount := gen.yuan(1_000, 2_000_000, "step amount")
		a.Steps = append(a.Steps, Step{Description: fmt.Sprintf("第%d期赔偿金支付", i+1),
			Amount: amount, Due: min(due, genLastDay)})
		a.Amount += amount
	}
	return a
}

// stepNumber draws a step of the agreement that is not done yet, or any
// number from 0 to 5 when there is none or by chance.
func (gen caseGen) stepNumber(c Case) int {
	var open []int
	if c.Agreement != nil {
		for i := range c.Agreement.Steps {
			if i >= len(c.StepsDone) || c.StepsDone[i] == 0 {
				open = append(open, i+1)
			}
		}
	}
	if len(open) == 0 || gen.percent(5, "any step") {
		return gen.intRange(0, 5, "step number")
	}
	return pick(gen, open, "open step")
}

// junk draws an event that is likely invalid.
func (gen caseGen) junk(c Case) Event {
	typ := pick(gen, allEventTypes, "junk type")
	e := gen.build(c, typ, gen.day(c, typ))
	switch gen.intRange(0, 6, "junk kind") {
	case 0:
		return withDate(e, 0)
	case 1:
		back := date.Date(gen.intRange(1, 30, "days back"))
		return withDate(e, max(c.lastDate()-back, genFirstOpen-365))
	case 2:
		h := e.Head()
		h.Actor = Actor(gen.intRange(0, int(lastActor)+2, "actor"))
		if h.Actor == Proxy && gen.percent(50, "named proxy") {
			h.Proxy = genProxyName
		}
		return withHeader(e, h)
	case 3:
		return blankField(e, gen.intRange(0, 20, "field"),
			gen.percent(50, "spaces"))
	case 4:
		return e // a type the stage may not take, with plausible fields
	case 5:
		return pointerTo(e)
	}
	return nil
}

// withHeader returns e with its header replaced by h.
func withHeader(e Event, h Header) Event {
	v := reflect.New(reflect.TypeOf(e)).Elem()
	v.Set(reflect.ValueOf(e))
	v.FieldByName("Header").Set(reflect.ValueOf(h))
	return v.Interface().(Event)
}

func withDate(e Event, day date.Date) Event {
	h := e.Head()
	h.Date = day
	return withHeader(e, h)
}

// blankField returns e with one of its own fields (not the header) set
// to its zero value, or a string field to blanks. The field is number n
// modulo the count of such fields; an event with none is returned as is.
func blankField(e Event, n int, spaces bool) Event {
	v := reflect.New(reflect.TypeOf(e)).Elem()
	v.Set(reflect.ValueOf(e))
	var fields []reflect.Value
	for i := range v.NumField() {
		if v.Type().Field(i).Name != "Header" {
			fields = append(fields, v.Field(i))
		}
	}
	if len(fields) == 0 {
		return e
	}
	f := fields[n%len(fields)]
	if f.Kind() == reflect.String && spaces {
		f.SetString("  ")
	} else {
		f.Set(reflect.Zero(f.Type()))
	}
	return v.Interface().(Event)
}

// pointerTo returns a pointer to a copy of e, which Apply must reject.
func pointerTo(e Event) Event {
	p := reflect.New(reflect.TypeOf(e))
	p.Elem().Set(reflect.ValueOf(e))
	return p.Interface().(Event)
}

// deepCopy returns a copy of v that shares no pointer, slice or map with
// it, so a later change to v shows against the copy.
func deepCopy[T any](v T) T {
	return copyValue(reflect.ValueOf(&v).Elem()).Interface().(T)
}

func copyValue(v reflect.Value) reflect.Value {
	out := reflect.New(v.Type()).Elem()
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			p := reflect.New(v.Type().Elem())
			p.Elem().Set(copyValue(v.Elem()))
			out.Set(p)
		}
	case reflect.Slice:
		if !v.IsNil() {
			s := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
			for i := range v.Len() {
				s.Index(i).Set(copyValue(v.Index(i)))
			}
			out.Set(s)
		}
	case reflect.Map:
		if !v.IsNil() {
			m := reflect.MakeMapWithSize(v.Type(), v.Len())
			for it := v.MapRange(); it.Next(); {
				m.SetMapIndex(copyValue(it.Key()), copyValue(it.Value()))
			}
			out.Set(m)
		}
	case reflect.Interface:
		if !v.IsNil() {
			out.Set(copyValue(v.Elem()))
		}
	case reflect.Struct:
		out.Set(v) // keeps unexported fields, which hold no references here
		for i := range v.NumField() {
			if out.Field(i).CanSet() {
				out.Field(i).Set(copyValue(v.Field(i)))
			}
		}
	default:
		out.Set(v)
	}
	return out
}
