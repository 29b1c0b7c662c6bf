package documents

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ecoconsult/ecoconsult/consult"
	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"
)

// The generator opens cases from genFirstDay on and stops drawing events
// after genLastDay, so every deadline it meets, the longest being the 30
// days of judicial confirmation, stays inside the 2008–2026 range of the
// national calendar.
var (
	genFirstDay = date.New(2010, time.January, 1)
	genLastDay  = date.New(2026, time.September, 30)
)

// genFilled are the filled strings the generator puts in names and facts:
// ordinary, hostile and long.
var genFilled = []string{
	"某化工有限公司", "张三", "欧阳修", "杭州市西湖区某路1号",
	"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "{{.Title}}",
	"第一行\n第二行\r\n第三行", "\u202e反向文字\u202c", "\x1b[31m红色\x1b[0m", "\xff\xfe无效",
	"11010519491231002X", "13812345678", strings.Repeat("很长的文字", 2000),
}

// genBlank are strings that count as blank: nothing visible in them.
var genBlank = []string{"", "   ", "\u200b", "\x00\x1b", "\u3000\n"}

// drawText draws a filled string four times in five, else a blank one.
func drawText(t *rapid.T, label string) string {
	if rapid.IntRange(0, 4).Draw(t, label+" blank") == 4 {
		return rapid.SampledFrom(genBlank).Draw(t, label)
	}
	return rapid.SampledFrom(genFilled).Draw(t, label)
}

func drawTexts(t *rapid.T, label string) []string {
	n := rapid.IntRange(0, 3).Draw(t, label+" count")
	out := make([]string, n)
	for i := range out {
		out[i] = drawText(t, label)
	}
	return out
}

// drawDay draws zero or a day in the generator's range.
func drawDay(t *rapid.T, label string) date.Date {
	if rapid.IntRange(0, 4).Draw(t, label+" zero") == 4 {
		return date.Zero
	}
	return date.Date(rapid.Int64Range(int64(genFirstDay), int64(genLastDay)).Draw(t, label))
}

// logGen draws the events of a case, mostly ones that its stage allows,
// each a few days after the last. A case drawn on the happy path takes
// the step that moves it towards a performed agreement, with replies in
// time and answers that continue the consultation; its names and facts
// are still drawn freely.
type logGen struct {
	t     *rapid.T
	c     consult.Case
	happy bool
}

// drawCase applies up to maxEvents drawn events with the default engine
// and returns every case it passed through, the last one included. A
// rejected event leaves the case as it was.
func drawCase(t *rapid.T, maxEvents int) []consult.Case {
	g := logGen{t: t, happy: rapid.Bool().Draw(t, "happy path")}
	engine := consult.Default()
	cases := []consult.Case{}
	// rapid favours small numbers, so the count is drawn from the top.
	n := maxEvents - rapid.IntRange(0, maxEvents-1).Draw(t, "events short of the maximum")
	for i := 0; i < n; i++ {
		e := g.next()
		if e == nil {
			break
		}
		next, err := engine.Apply(g.c, e)
		if err == nil {
			g.c = next
			cases = append(cases, next)
		}
	}
	return cases
}

func (g *logGen) last() date.Date {
	if len(g.c.Events) == 0 {
		return date.Date(rapid.Int64Range(int64(genFirstDay),
			int64(date.New(2024, time.December, 31))).Draw(g.t, "opening day"))
	}
	return g.c.Events[len(g.c.Events)-1].Head().Date
}

// natural lists the event types likely in each stage, the one that moves
// the case on first, because rapid favours the first elements.
func natural(s consult.Stage) []consult.EventType {
	switch s {
	case consult.Investigating:
		return []consult.EventType{consult.TypeAssessmentIssued, consult.TypeNoticeServed,
			consult.TypeProcuratorateInformed, consult.TypeProxyAuthorized}
	case consult.AwaitingConsent:
		return []consult.EventType{consult.TypeNoticeReplied, consult.TypeProxyAuthorized}
	case consult.Preparing:
		return []consult.EventType{consult.TypeOpinionServed, consult.TypeAssessmentIssued}
	case consult.AwaitingReply:
		return []consult.EventType{consult.TypeOpinionReplied, consult.TypeAssessmentObjected}
	case consult.Consulting:
		return []consult.EventType{consult.TypeMeetingScheduled, consult.TypeMeetingHeld,
			consult.TypeAgreementSigned, consult.TypeCaseDesignated, consult.TypeProxyAuthorized,
			consult.TypeAssessmentObjected, consult.TypeAssessmentReviewed}
	case consult.AwaitingSignature:
		return []consult.EventType{consult.TypeAgreementSigned}
	case consult.Signed, consult.Confirmed, consult.Defaulted, consult.Enforcing:
		return []consult.EventType{consult.TypePerformanceDone, consult.TypeAgreementReported,
			consult.TypeConfirmationApplied, consult.TypeConfirmationDecided,
			consult.TypeDisclosurePublished, consult.TypeEnforcementApplied,
			consult.TypeObligorReneged}
	case consult.Failed, consult.Reneged:
		return []consult.EventType{consult.TypeLawsuitFiled, consult.TypeDisclosurePublished}
	}
	return []consult.EventType{consult.TypeDisclosurePublished, consult.TypeEvidencePreserved}
}

// anyType lists the types drawn now and then in any stage.
var anyType = []consult.EventType{consult.TypeConsultationTerminated,
	consult.TypeConsultationHalted, consult.TypeEvidencePreserved,
	consult.TypeDisclosurePublished, consult.TypeDisclosurePublished,
	consult.TypeProxyAuthorized, consult.TypeProxyAuthorized, consult.TypeNoticeServed}

// next draws the next event, or nil when the case has reached the last
// day the generator uses.
func (g *logGen) next() consult.Event {
	t := g.t
	if len(g.c.Events) == 0 {
		return g.open()
	}
	gap := rapid.SampledFrom([]int{0, 1, 2, 3, 4, 12, 40}).Draw(t, "gap")
	if g.happy {
		gap = rapid.IntRange(0, 2).Draw(t, "short gap")
	}
	day := g.last() + date.Date(gap)
	if day > genLastDay {
		return nil
	}
	types := natural(g.c.Stage)
	switch {
	case g.happy && rapid.IntRange(0, 3).Draw(t, "side step") > 0:
		return g.build(types[0], day)
	case !g.happy && rapid.IntRange(0, 24).Draw(t, "any type") == 24:
		return g.build(rapid.SampledFrom(anyType).Draw(t, "other type"), day)
	}
	return g.build(rapid.SampledFrom(types).Draw(t, "type"), day)
}

func (g *logGen) open() consult.Event {
	t := g.t
	kind := rapid.SampledFrom([]consult.ObligorKind{consult.NaturalPerson,
		consult.LegalPerson, consult.OtherOrganization}).Draw(t, "kind")
	name := rapid.SampledFrom([]string{"张三", "欧阳修", "某化工有限公司", "<b>某公司</b>",
		"\u202e某企业", "赔偿义务人甲"}).Draw(t, "obligor")
	return consult.InvestigationStarted{
		Header:     consult.Header{Date: g.last(), Actor: consult.Agency},
		CaseNumber: rapid.SampledFrom([]string{"杭环赔〔2024〕7号", "<i>案</i>", "案\n号"}).Draw(t, "number"),
		Obligor:    consult.ObligorInfo{Name: name, Kind: kind, Address: drawText(t, "address")},
		District: rapid.SampledFrom([]string{"上城区", "拱墅区", "西湖区", "滨江区", "萧山区",
			"余杭区", "富阳区", "临安区", "桐庐县", "淳安县", "建德市"}).Draw(t, "district"),
	}
}

func (g *logGen) build(typ consult.EventType, day date.Date) consult.Event {
	t := g.t
	agency := consult.Header{Date: day, Actor: consult.Agency}
	obligor := consult.Header{Date: day, Actor: consult.Obligor}
	amount := func(label string) rules.Amount {
		return rules.Amount(rapid.Int64Range(0, 1e10).Draw(t, label))
	}
	switch typ {
	case consult.TypeProcuratorateInformed:
		return consult.ProcuratorateInformed{Header: agency}
	case consult.TypeAssessmentIssued:
		if rapid.Bool().Draw(t, "experts") {
			return consult.AssessmentIssued{Header: consult.Header{Date: day,
				Actor: consult.ExpertPanel}, Route: consult.RouteExperts, Experts: 3,
				Amount: amount("assessed"), Corrected: rapid.Bool().Draw(t, "corrected")}
		}
		return consult.AssessmentIssued{Header: consult.Header{Date: day, Actor: consult.Institution},
			Route: consult.RouteReport, Amount: amount("assessed"),
			Corrected: rapid.Bool().Draw(t, "corrected")}
	case consult.TypeNoticeServed:
		return consult.NoticeServed{Header: agency}
	case consult.TypeNoticeReplied:
		return consult.NoticeReplied{Header: obligor, Consent: g.happy || rapid.Bool().Draw(t, "consent"),
			Delivery: rules.ByHand}
	case consult.TypeOpinionServed:
		return consult.OpinionServed{Header: agency, Amount: amount("opinion amount") + 1,
			ReplyWorkdays: rapid.IntRange(7, 10).Draw(t, "reply workdays"),
			Restoration:   rapid.Bool().Draw(t, "restoration")}
	case consult.TypeOpinionReplied:
		return consult.OpinionReplied{Header: obligor, Delivery: rules.ByHand,
			Answer: rapid.SampledFrom(g.answers()).Draw(t, "answer")}
	case consult.TypeCaseDesignated:
		return consult.CaseDesignated{Header: agency, Reason: drawText(t, "reason")}
	case consult.TypeMeetingScheduled:
		return consult.MeetingScheduled{Header: agency,
			MeetingDate: day + date.Date(rapid.IntRange(1, 7).Draw(t, "meeting in")),
			Host:        drawText(t, "host"), Recorder: drawText(t, "recorder"),
			Place: drawText(t, "place"), Online: drawText(t, "online"),
			Invitees: drawTexts(t, "invitees"), Reason: drawText(t, "gap reason")}
	case consult.TypeMeetingHeld:
		for _, m := range g.c.Meetings {
			if m.Held == nil {
				day = m.Scheduled.MeetingDate
			}
		}
		return consult.MeetingHeld{Header: consult.Header{Date: day, Actor: consult.Agency},
			Outcome:  rapid.SampledFrom(g.outcomes()).Draw(t, "outcome"),
			Continue: g.happy || rapid.Bool().Draw(t, "continue"), GoodReason: drawText(t, "good reason")}
	case consult.TypeAssessmentObjected:
		return consult.AssessmentObjected{Header: obligor, Evidence: drawTexts(t, "objection evidence")}
	case consult.TypeAssessmentReviewed:
		return consult.AssessmentReviewed{Header: agency, Method: "expert_review",
			Upheld: rapid.Bool().Draw(t, "upheld")}
	case consult.TypeProxyAuthorized:
		return consult.ProxyAuthorized{Header: obligor,
			ProxyName:            rapid.SampledFrom([]string{"李某", "王某某", "<b>律师</b>"}).Draw(t, "proxy"),
			ObligorIDCopy:        drawDay(t, "obligor id"),
			OrganizationLicence:  drawDay(t, "licence"),
			RepresentativeIDCopy: drawDay(t, "representative id"),
			ProxyIDCopy:          drawDay(t, "proxy id"),
			PowerOfAttorney:      drawDay(t, "power of attorney"),
			Matters:              append(drawTexts(t, "matters"), g.c.Number),
			From:                 drawDay(t, "from"), Until: drawDay(t, "until"),
			General: rapid.Bool().Draw(t, "general"),
			Acts: rapid.SliceOfN(rapid.SampledFrom([]consult.ProxyAct{consult.ActAttendMeeting,
				consult.ActAgreeAndSign, consult.ActReplyOpinion}), 0, 3).Draw(t, "acts")}
	case consult.TypeConsultationTerminated:
		return consult.ConsultationTerminated{Header: agency,
			Item: rapid.SampledFrom([]int{1, 3, 4, 6, 7}).Draw(t, "item"), Reason: "无意愿继续"}
	case consult.TypeConsultationHalted:
		return consult.ConsultationHalted{Header: agency, Conduct: consult.FalseMaterials}
	case consult.TypeAgreementSigned:
		effective := day + date.Date(rapid.IntRange(0, 3).Draw(t, "effective in"))
		var steps []consult.Step
		for i := rapid.IntRange(1, 3).Draw(t, "steps"); i > 0; i-- {
			steps = append(steps, consult.Step{Description: drawText(t, "step") + "支付",
				Amount: amount("step amount"),
				Due:    effective + date.Date(rapid.IntRange(0, 400).Draw(t, "due in"))})
		}
		return consult.AgreementSigned{Header: agency, Effective: effective,
			Amount: amount("agreed"), Steps: steps}
	case consult.TypeAgreementReported:
		return consult.AgreementReported{Header: agency,
			To: rapid.SampledFrom([]consult.Recipient{consult.ToProcuratorate, consult.ToFinance}).Draw(t, "to")}
	case consult.TypeDisclosurePublished:
		return consult.DisclosurePublished{Header: agency}
	case consult.TypeConfirmationApplied:
		return consult.ConfirmationApplied{Header: agency}
	case consult.TypeConfirmationDecided:
		return consult.ConfirmationDecided{Header: consult.Header{Date: day, Actor: consult.Court},
			Confirmed: g.happy || rapid.Bool().Draw(t, "confirmed")}
	case consult.TypeObligorReneged:
		return consult.ObligorReneged{Header: obligor}
	case consult.TypePerformanceDone:
		return consult.PerformanceDone{Header: obligor, Step: rapid.IntRange(1, 3).Draw(t, "step done")}
	case consult.TypeEnforcementApplied:
		return consult.EnforcementApplied{Header: agency}
	case consult.TypeEvidencePreserved:
		return consult.EvidencePreserved{Header: agency, Evidence: "水样", Risk: "随水流失"}
	case consult.TypeLawsuitFiled:
		return consult.LawsuitFiled{Header: agency}
	}
	t.Fatalf("generator has no builder for %s", typ)
	return nil
}

// answers lists the answers to the opinion letter that g draws from.
func (g *logGen) answers() []rules.OpinionAnswer {
	if g.happy {
		return []rules.OpinionAnswer{rules.Object, rules.Accept}
	}
	return []rules.OpinionAnswer{rules.Object, rules.Accept, rules.Refuse}
}

// outcomes lists the outcomes of a meeting that g draws from.
func (g *logGen) outcomes() []consult.MeetingOutcome {
	if g.happy {
		return []consult.MeetingOutcome{consult.Agreed, consult.NotAgreed}
	}
	return []consult.MeetingOutcome{consult.Agreed, consult.NotAgreed, consult.Absent,
		consult.WalkedOut}
}

// drawAgency draws an agency whose fields may be blank or hostile.
func drawAgency(t *rapid.T) Agency {
	return Agency{Name: drawText(t, "agency"), Address: drawText(t, "agency address"),
		Contact: drawText(t, "contact"), Phone: drawText(t, "phone")}
}

// buildDrawn builds each kind of document from c with drawn facts.
func buildDrawn(t *rapid.T, c consult.Case) map[string]func() (Document, error) {
	r := rules.Default()
	return map[string]func() (Document, error){
		"notice": func() (Document, error) {
			return NewNotice(r, c, NoticeFacts{Agency: drawAgency(t), Number: drawText(t, "number"),
				Date: drawDay(t, "date"), Damage: drawText(t, "damage"),
				ReplyMethod: drawText(t, "reply method")})
		},
		"opinion": func() (Document, error) {
			return NewOpinion(r, c, OpinionFacts{Agency: drawAgency(t), Basis: drawText(t, "basis"),
				Cause: drawText(t, "cause"), DamageFacts: drawText(t, "facts"),
				Evidence: drawTexts(t, "evidence"), RestorationGoal: drawText(t, "goal"),
				GoalBasis: drawText(t, "goal basis"), CalculationBasis: drawText(t, "calculation"),
				PerformanceManner:   drawText(t, "manner"),
				PerformanceDeadline: drawDay(t, "performance deadline"),
				ReplyMethod:         drawText(t, "reply method"), Other: drawText(t, "other"),
				RestorationPlan: drawText(t, "plan"), RestorationStart: drawDay(t, "start"),
				RestorationDeadline: drawDay(t, "restoration deadline")})
		},
		"meeting notice": func() (Document, error) {
			return NewMeetingNotice(c, MeetingNoticeFacts{Agency: drawAgency(t),
				Meeting: rapid.IntRange(-1, 4).Draw(t, "meeting"), Time: drawText(t, "time"),
				Departments: drawTexts(t, "departments")})
		},
		"minutes": func() (Document, error) {
			var attendees []Attendee
			if rapid.Bool().Draw(t, "obligor attends") {
				attendees = append(attendees, Attendee{Name: c.Obligor.Name, Role: RoleObligor})
			}
			for i := rapid.IntRange(0, 3).Draw(t, "attendees"); i > 0; i-- {
				role := Role(rapid.IntRange(1, 9).Draw(t, "role"))
				if rapid.IntRange(0, 9).Draw(t, "invalid role") == 9 {
					role = rapid.SampledFrom([]Role{0, 10, 255}).Draw(t, "invalid")
				}
				attendees = append(attendees, Attendee{
					Name: rapid.SampledFrom([]string{"周某", "李某", "王某某", "", "<b>某</b>"}).Draw(t, "attendee"),
					Role: role, Organization: drawText(t, "organization")})
			}
			var signed []string
			if rapid.Bool().Draw(t, "all signed") {
				for _, a := range attendees {
					signed = append(signed, a.Name)
				}
			} else {
				signed = drawTexts(t, "signed")
			}
			records := map[int]string{}
			for item := 1; item <= 7; item++ {
				records[item] = drawText(t, "record")
			}
			return NewMinutes(c, MinutesFacts{Agency: drawAgency(t),
				Meeting: rapid.IntRange(0, 4).Draw(t, "meeting"), Start: drawText(t, "start"),
				End: drawText(t, "end"), Simplified: rapid.Bool().Draw(t, "simplified"),
				Attendees: attendees, Records: records, Signed: signed,
				HostNote: drawText(t, "host note"), ForSigning: rapid.Bool().Draw(t, "for signing")})
		},
		"proxy checklist": func() (Document, error) {
			return NewProxyChecklist(c, ProxyFacts{Agency: drawAgency(t),
				Proxy: rapid.SampledFrom([]string{"李某", "王某某", "", "<b>律师</b>"}).Draw(t, "proxy"),
				Act:   rules.ProxyAct(rapid.IntRange(0, 7).Draw(t, "act")),
				Day:   drawDay(t, "act day"), Matter: drawText(t, "matter")})
		},
		"agreement": func() (Document, error) {
			return NewAgreement(r, c, AgreementFacts{Agency: drawAgency(t),
				DamageFacts: drawText(t, "facts"), Evidence: drawTexts(t, "evidence"),
				Grounds: drawText(t, "grounds"), Positions: drawText(t, "positions"),
				PerformanceManner: drawText(t, "manner"), StepWording: drawTexts(t, "wording"),
				RestorationAssessment: drawText(t, "assessment"),
				DisputeResolution:     drawText(t, "disputes"), ForceMajeure: drawText(t, "force majeure"),
				Other: drawText(t, "other")})
		},
		"disclosure": func() (Document, error) {
			return NewDisclosure(c, DisclosureFacts{Agency: drawAgency(t), Date: drawDay(t, "published"),
				Summary: drawText(t, "summary"), StepWording: drawTexts(t, "wording")})
		},
		"cooperation": func() (Document, error) {
			return NewCooperationRecord(r, c, CooperationFacts{Agency: drawAgency(t),
				Date: drawDay(t, "date"), Recipient: drawText(t, "recipient"),
				StepWording: drawTexts(t, "wording")})
		},
	}
}

// checkNamedError fails t unless err names what is wrong with a
// citation: every missing item of an IncompleteError, a rule's Violation,
// or one of this package's errors, which cite their article in the
// message.
func checkNamedError(t *rapid.T, kind string, err error) {
	var incomplete *rules.IncompleteError
	if errors.As(err, &incomplete) {
		if len(incomplete.Missing) == 0 {
			t.Fatalf("%s: IncompleteError lists no item: %v", kind, err)
		}
		for _, m := range incomplete.Missing {
			if m.Citation.IsZero() || m.Name == "" || m.Chinese == "" {
				t.Fatalf("%s: missing item without citation or name: %+v", kind, m)
			}
		}
		return
	}
	var v *rules.Violation
	if errors.As(err, &v) {
		if v.Citation.IsZero() {
			t.Fatalf("%s: violation without citation: %v", kind, err)
		}
		return
	}
	if errors.Is(err, ErrNotEligible) || errors.Is(err, ErrPersonalData) {
		return
	}
	t.Fatalf("%s: error that names no item or rule: %v", kind, err)
}

func TestDrawnCasesRenderOrNameMissingItem(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		cases := drawCase(t, 40)
		if len(cases) == 0 {
			return
		}
		// The last case, and one the log passed through on its way.
		for _, c := range []consult.Case{cases[len(cases)-1],
			rapid.SampledFrom(cases).Draw(t, "earlier case")} {
			for kind, build := range buildDrawn(t, c) {
				doc, err := build()
				if err != nil {
					checkNamedError(t, kind, err)
					continue
				}
				text, err := Text(doc)
				if err != nil || text == "" {
					t.Fatalf("%s: built but Text failed: %v", kind, err)
				}
				html, err := HTML(doc)
				if err != nil || html == "" {
					t.Fatalf("%s: built but HTML failed: %v", kind, err)
				}
				checkHarmless(t, kind, text, html)
			}
		}
	})
}

// checkHarmless fails t if the text has a control or format character
// other than a line break, or the HTML has a tag that the layout does not
// write itself.
func checkHarmless(t interface{ Fatalf(string, ...any) }, kind, text, html string) {
	if r, ok := unsafeRune(text); ok {
		t.Fatalf("%s: text has the character %U", kind, r)
	}
	if r, ok := unsafeRune(html); ok {
		t.Fatalf("%s: HTML has the character %U", kind, r)
	}
	for _, tag := range tags(html) {
		if !layoutTag.MatchString(tag) {
			t.Fatalf("%s: HTML has the tag %q, which the layout does not write", kind, tag)
		}
	}
}
