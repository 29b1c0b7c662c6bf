package consult

import (
	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
)

// EventType names a kind of event; it is the "type" field of the event's
// JSON.
type EventType string

// The event types, one for each step the measures name.
const (
	TypeInvestigationStarted   EventType = "investigation_started"
	TypeProcuratorateInformed  EventType = "procuratorate_informed"
	TypeAssessmentIssued       EventType = "assessment_issued"
	TypeNoticeServed           EventType = "notice_served"
	TypeNoticeReplied          EventType = "notice_replied"
	TypeOpinionServed          EventType = "opinion_served"
	TypeOpinionReplied         EventType = "opinion_replied"
	TypeCaseDesignated         EventType = "case_designated"
	TypeMeetingScheduled       EventType = "meeting_scheduled"
	TypeMeetingHeld            EventType = "meeting_held"
	TypeAssessmentObjected     EventType = "assessment_objected"
	TypeAssessmentReviewed     EventType = "assessment_reviewed"
	TypeProxyAuthorized        EventType = "proxy_authorized"
	TypeConsultationTerminated EventType = "consultation_terminated"
	TypeConsultationHalted     EventType = "consultation_halted"
	TypeAgreementSigned        EventType = "agreement_signed"
	TypeAgreementReported      EventType = "agreement_reported"
	TypeDisclosurePublished    EventType = "disclosure_published"
	TypeConfirmationApplied    EventType = "confirmation_applied"
	TypeConfirmationDecided    EventType = "confirmation_decided"
	TypeObligorReneged         EventType = "obligor_reneged"
	TypePerformanceDone        EventType = "performance_done"
	TypeEnforcementApplied     EventType = "enforcement_applied"
	TypeEvidencePreserved      EventType = "evidence_preserved"
	TypeLawsuitFiled           EventType = "lawsuit_filed"
)

// Header holds what every event has: its day, who acted, and a free note
// (for instance that a date was assumed from a month-level report).
type Header struct {
	Date  date.Date `json:"date"`
	Actor Actor     `json:"actor"`
	// Proxy names the proxy when Actor is Proxy.
	Proxy string `json:"proxy,omitempty"`
	Note  string `json:"note,omitempty"`
}

// An Event is one fact of a case. The concrete types below are the only
// implementations.
type Event interface {
	// Type returns the event's type.
	Type() EventType
	// Head returns the event's header.
	Head() Header
}

// Head returns h, so every event that embeds a Header has it.
func (h Header) Head() Header { return h }

// ObligorInfo identifies the obligor of a consultation. One consultation
// has one obligor; several obligors of one incident are several
// consultations that share a case number.
type ObligorInfo struct {
	Name    string      `json:"name"`
	Kind    ObligorKind `json:"kind"`
	Address string      `json:"address"`
}

// ObligorKind is the legal form of the obligor, which decides the
// identity papers a proxy needs (Art. 13).
type ObligorKind string

// The obligor kinds.
const (
	NaturalPerson     ObligorKind = "natural_person"
	LegalPerson       ObligorKind = "legal_person"
	OtherOrganization ObligorKind = "other_organization"
)

func (k ObligorKind) rules() (rules.ObligorType, bool) {
	switch k {
	case NaturalPerson:
		return rules.ObligorNaturalPerson, true
	case LegalPerson:
		return rules.ObligorLegalPerson, true
	case OtherOrganization:
		return rules.ObligorOtherOrganization, true
	}
	return 0, false
}

// InvestigationStarted opens a case: the agency starts investigating the
// damage at once on learning of it (Art. 8(1)). It must be the first event
// of a log.
type InvestigationStarted struct {
	Header
	CaseNumber string      `json:"case_number"`
	Obligor    ObligorInfo `json:"obligor"`
	// District is the district or county of Hangzhou where the damage
	// happened, as named on Header.Date (Art. 2).
	District string `json:"district"`
	Incident string `json:"incident,omitempty"`
}

// ProcuratorateInformed records that the agency informed the procuratorate
// of the investigation (Art. 8(6)).
type ProcuratorateInformed struct {
	Header
}

// Route is the way the damage was assessed.
type Route string

// The assessment routes of Art. 8.
const (
	// RouteReport is an assessment report by a qualified institution.
	RouteReport Route = "report"
	// RouteExperts is an opinion of a panel of experts (Art. 8(2)).
	RouteExperts Route = "expert_opinion"
)

// AssessmentIssued records an assessment report or expert opinion, or its
// corrected reissue after an upheld objection (Art. 8, Art. 16).
type AssessmentIssued struct {
	Header
	Route   Route        `json:"route"`
	Experts int          `json:"experts,omitempty"`
	Amount  rules.Amount `json:"amount_fen"`
	// Corrected marks a report reissued after review (Art. 16).
	Corrected bool `json:"corrected,omitempty"`
}

// NoticeServed records service of the consultation notice on the obligor
// (Art. 8(3)); Header.Date is the day of service.
type NoticeServed struct {
	Header
	Method string `json:"method,omitempty"`
}

// NoticeReplied records the obligor's written answer to the notice;
// Header.Date is the day the agency received it.
type NoticeReplied struct {
	Header
	Consent  bool           `json:"consent"`
	Delivery rules.Delivery `json:"delivery"`
	Posted   date.Date      `json:"posted,omitzero"`
}

// OpinionServed records that the obligor received the opinion letter
// (Art. 9, Art. 10); Header.Date is that day.
type OpinionServed struct {
	Header
	Amount rules.Amount `json:"amount_fen"`
	// ReplyWorkdays is the reply period the letter states.
	ReplyWorkdays int  `json:"reply_workdays"`
	Restoration   bool `json:"restoration,omitempty"`
}

// OpinionReplied records the obligor's written reply to the opinion
// letter; Header.Date is the day the agency received it.
type OpinionReplied struct {
	Header
	Answer   rules.OpinionAnswer `json:"answer"`
	Delivery rules.Delivery      `json:"delivery"`
	Posted   date.Date           `json:"posted,omitzero"`
}

// CaseDesignated records the agency's decision that the case is major,
// complex or difficult, allowing one more meeting (Art. 15).
type CaseDesignated struct {
	Header
	Reason string `json:"reason"`
}

// MeetingScheduled records that the agency fixed a consultation meeting
// and notified the obligor (Art. 12); Header.Date is the day of that notice.
type MeetingScheduled struct {
	Header
	MeetingDate date.Date `json:"meeting_date"`
	Host        string    `json:"host"`
	Recorder    string    `json:"recorder"`
	Place       string    `json:"place,omitempty"`
	Online      string    `json:"online,omitempty"`
	Invitees    []string  `json:"invitees,omitempty"`
	// Reason is the recorded reason for a gap longer than the usual one
	// (Art. 15).
	Reason string `json:"reason,omitempty"`
}

// MeetingOutcome is the result of a consultation meeting.
type MeetingOutcome string

// The outcomes of a meeting.
const (
	// Agreed: the parties reached a consensus to put in an agreement.
	Agreed MeetingOutcome = "agreed"
	// NotAgreed: no consensus; Continue says whether both want another
	// meeting (Art. 15, Art. 17(1)(4)).
	NotAgreed MeetingOutcome = "not_agreed"
	// Absent: the obligor or its proxy did not attend (Art. 17(1)(3)).
	Absent MeetingOutcome = "absent"
	// WalkedOut: the obligor or its proxy left during the meeting
	// (Art. 17(1)(3)).
	WalkedOut MeetingOutcome = "walked_out"
)

// MeetingHeld records a consultation meeting on Header.Date (Art. 14).
type MeetingHeld struct {
	Header
	Outcome MeetingOutcome `json:"outcome"`
	// Continue: after NotAgreed, both parties want another meeting.
	Continue bool `json:"continue,omitempty"`
	// GoodReason excuses an absence or a walk-out; with one, the meeting
	// counts as not held.
	GoodReason string `json:"good_reason,omitempty"`
}

// AssessmentObjected records the obligor's objection to the assessment,
// with its evidence (Art. 16).
type AssessmentObjected struct {
	Header
	Evidence []string `json:"evidence"`
}

// AssessmentReviewed records the agency's handling of an objection: an
// explanation by the institution or a review by experts, and whether the
// conclusion was found wrong (Art. 16).
type AssessmentReviewed struct {
	Header
	Method string `json:"method"`
	Upheld bool   `json:"upheld"`
}

// ProxyAuthorized records the papers by which the obligor authorized a
// proxy (Art. 13). Each paper carries the day the agency received it;
// a zero day means it has not been received.
type ProxyAuthorized struct {
	Header
	ProxyName            string    `json:"proxy_name"`
	ObligorIDCopy        date.Date `json:"obligor_id_copy,omitzero"`
	OrganizationLicence  date.Date `json:"organization_licence,omitzero"`
	RepresentativeIDCopy date.Date `json:"representative_id_copy,omitzero"`
	ProxyIDCopy          date.Date `json:"proxy_id_copy,omitzero"`
	// PowerOfAttorney is the day the written power of attorney arrived.
	PowerOfAttorney date.Date `json:"power_of_attorney,omitzero"`
	// Matters lists the matters entrusted. A proxy acts in this case only
	// if one of them is the case number as InvestigationStarted recorded
	// it. Spaces at either end do not count.
	Matters []string  `json:"matters"`
	From    date.Date `json:"from,omitzero"`
	Until   date.Date `json:"until,omitzero"`
	// General grants every act that needs no special power; Acts lists
	// the acts granted by name, which a special act must be.
	General bool       `json:"general,omitempty"`
	Acts    []ProxyAct `json:"acts,omitempty"`
}

// ProxyAct names an act a proxy may be granted.
type ProxyAct string

// The acts of Art. 13, as a power of attorney grants them.
const (
	ActReplyNotice      ProxyAct = "reply_notice"
	ActReplyOpinion     ProxyAct = "reply_opinion"
	ActAttendMeeting    ProxyAct = "attend_meeting"
	ActObjectAssessment ProxyAct = "object_assessment"
	ActAgreeAndSign     ProxyAct = "agree_and_sign"
	ActReceiveDocuments ProxyAct = "receive_documents"
)

func (a ProxyAct) rules() (rules.ProxyAct, bool) {
	switch a {
	case ActReplyNotice:
		return rules.ActReplyToNotice, true
	case ActReplyOpinion:
		return rules.ActReplyToOpinion, true
	case ActAttendMeeting:
		return rules.ActAttendMeeting, true
	case ActObjectAssessment:
		return rules.ActObjectToAssessment, true
	case ActAgreeAndSign:
		return rules.ActAgreeAndSign, true
	case ActReceiveDocuments:
		return rules.ActReceiveDocuments, true
	}
	return 0, false
}

// ConsultationTerminated records a ground of Art. 17 that the agency
// found: items 1, 3, 4, 6 or 7. Items 2 and 5 follow from dates and
// counts and are never recorded.
type ConsultationTerminated struct {
	Header
	Item   int    `json:"item"`
	Reason string `json:"reason"`
}

// ConsultationHalted records that the agency stopped consultation for the
// obligor's unlawful conduct and handed the matter over (Art. 24).
type ConsultationHalted struct {
	Header
	Conduct Conduct `json:"conduct"`
	Detail  string  `json:"detail,omitempty"`
}

// Conduct is the obligor's conduct that lets the agency halt (Art. 24).
type Conduct string

// The conducts of Art. 24.
const (
	Interference   Conduct = "interference"
	FalseMaterials Conduct = "false_materials"
	OtherUnlawful  Conduct = "other_unlawful"
)

func (c Conduct) rules() (rules.HaltConduct, bool) {
	switch c {
	case Interference:
		return rules.ConductInterference, true
	case FalseMaterials:
		return rules.ConductFalseMaterials, true
	case OtherUnlawful:
		return rules.ConductOtherUnlawful, true
	}
	return 0, false
}

// AgreementSigned records the signed agreement (Art. 18).
type AgreementSigned struct {
	Header
	// Effective is the day the agreement takes effect; the period for
	// judicial confirmation runs from it (Art. 19).
	Effective date.Date    `json:"effective"`
	Amount    rules.Amount `json:"amount_fen"`
	Steps     []Step       `json:"steps"`
}

// A Step is one payment or restoration step of the agreement, with the
// day it is due (Art. 21).
type Step struct {
	Description string       `json:"description"`
	Amount      rules.Amount `json:"amount_fen,omitempty"`
	Due         date.Date    `json:"due"`
}

// AgreementReported records that the agency informed the procuratorate or the
// finance department of the agreement (Art. 18(1)).
type AgreementReported struct {
	Header
	To Recipient `json:"to"`
}

// Recipient is a body the agency must inform of an agreement.
type Recipient string

// The recipients of Art. 18(1).
const (
	ToProcuratorate Recipient = "procuratorate"
	ToFinance       Recipient = "finance"
)

// DisclosurePublished records the public disclosure of the consultation
// and agreement (Art. 26).
type DisclosurePublished struct {
	Header
	Where string `json:"where,omitempty"`
}

// ConfirmationApplied records a joint or single application for judicial
// confirmation (Art. 19).
type ConfirmationApplied struct {
	Header
}

// ConfirmationDecided records the court's ruling on the application.
type ConfirmationDecided struct {
	Header
	Confirmed bool `json:"confirmed"`
}

// ObligorReneged records that the obligor went back on the agreement and
// refused to perform it (Art. 20, Art. 22).
type ObligorReneged struct {
	Header
}

// PerformanceDone records that the obligor performed one step of the
// agreement (Art. 21). Step is its 1-based number in the agreement.
type PerformanceDone struct {
	Header
	Step int `json:"step"`
}

// EnforcementApplied records the agency's application for enforcement of
// a judicially confirmed agreement (Art. 22).
type EnforcementApplied struct {
	Header
}

// EvidencePreserved records an application to the court to preserve
// evidence that may be lost; it never changes the stage (Art. 23).
type EvidencePreserved struct {
	Header
	Evidence string `json:"evidence"`
	// Risk is the reason the evidence may be lost or hard to obtain later.
	Risk string `json:"risk"`
}

// LawsuitFiled records the agency's compensation lawsuit (Art. 20).
type LawsuitFiled struct {
	Header
	Court string `json:"court,omitempty"`
}

// isValue reports whether e is one of this package's event types held by
// value, the only form Apply reads.
func isValue(e Event) bool {
	switch e.(type) {
	case InvestigationStarted, ProcuratorateInformed, AssessmentIssued,
		NoticeServed, NoticeReplied, OpinionServed, OpinionReplied,
		CaseDesignated, MeetingScheduled, MeetingHeld, AssessmentObjected,
		AssessmentReviewed, ProxyAuthorized, ConsultationTerminated,
		ConsultationHalted, AgreementSigned, AgreementReported,
		DisclosurePublished, ConfirmationApplied, ConfirmationDecided,
		ObligorReneged, PerformanceDone, EnforcementApplied,
		EvidencePreserved, LawsuitFiled:
		return true
	}
	return false
}
