package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/rickb777/date/v2"
)

// ObligorType is the legal form of the obligor, which decides the identity
// papers that Art. 13 requires when a proxy acts.
type ObligorType uint8

// The obligor types. The zero ObligorType is invalid.
const (
	ObligorNaturalPerson ObligorType = iota + 1 // 自然人
	ObligorLegalPerson                          // 法人
	// ObligorOtherOrganization is an organization that is not a legal
	// person (其他组织), such as a partnership or a branch office.
	ObligorOtherOrganization
)

// String returns the English name of o.
func (o ObligorType) String() string {
	switch o {
	case ObligorNaturalPerson:
		return "natural person"
	case ObligorLegalPerson:
		return "legal person"
	case ObligorOtherOrganization:
		return "other organization"
	}
	return fmt.Sprintf("unknown obligor type %d", int(o))
}

// ProxyAct is a step of the consultation that a proxy may take for the
// obligor.
type ProxyAct uint8

// The acts a proxy may take. The zero ProxyAct is invalid.
const (
	// ActReplyToNotice is the reply to the consultation notice
	// (Art. 8(3)).
	ActReplyToNotice ProxyAct = iota + 1
	// ActReplyToOpinion is a reply to the opinion letter that objects
	// or requests consultation (Art. 10(3), Art. 12(1)). A reply that
	// accepts the letter's terms is ActAgreeAndSign.
	ActReplyToOpinion
	// ActAttendMeeting is attendance at a consultation meeting, with
	// the obligor's statement of opinions (Art. 14(1)(5)).
	ActAttendMeeting
	// ActObjectToAssessment is an objection to the assessment
	// conclusion (Art. 16).
	ActObjectToAssessment
	// ActAgreeAndSign is the written acceptance of compensation terms
	// (Art. 11) or the signing of the compensation agreement (Art. 18).
	// It binds the obligor to pay, so it needs a special power (see
	// AttorneyPowers).
	ActAgreeAndSign
	// ActReceiveDocuments is the receipt of documents served on the
	// obligor.
	ActReceiveDocuments
)

// String returns the English name of a.
func (a ProxyAct) String() string {
	switch a {
	case ActReplyToNotice:
		return "reply to the consultation notice"
	case ActReplyToOpinion:
		return "reply to the opinion letter"
	case ActAttendMeeting:
		return "attend a meeting and state opinions"
	case ActObjectToAssessment:
		return "object to the assessment"
	case ActAgreeAndSign:
		return "agree to terms and sign the agreement"
	case ActReceiveDocuments:
		return "receive documents"
	}
	return fmt.Sprintf("unknown act %d", int(a))
}

// Chinese returns the Chinese name of a, or "" for an unknown act.
func (a ProxyAct) Chinese() string {
	switch a {
	case ActReplyToNotice:
		return "答复磋商告知书"
	case ActReplyToOpinion:
		return "答复赔偿意见书"
	case ActAttendMeeting:
		return "参加磋商会议并发表意见"
	case ActObjectToAssessment:
		return "对鉴定评估结论提出异议"
	case ActAgreeAndSign:
		return "同意赔偿条款、签署赔偿协议"
	case ActReceiveDocuments:
		return "签收文书"
	}
	return ""
}

// Special reports whether a needs a power that the power of attorney
// names explicitly. Only ActAgreeAndSign does.
func (a ProxyAct) Special() bool { return a == ActAgreeAndSign }

// AttorneyPowers is the authority (委托权限) that a power of attorney
// grants.
//
// Art. 13 requires the power of attorney to state the powers but does not
// say how to read them. This package follows Chinese civil procedure, where a
// general grant, or the words 全权代理 ("full agency") with no list,
// covers procedural acts and never settlement (Supreme People's Court
// interpretation of the Civil Procedure Law, 2015, art. 89).
type AttorneyPowers struct {
	// General grants every act that is not special. Record 全权代理
	// without a list of acts as General.
	General bool
	// Acts lists the acts granted by name. A special act is granted only
	// when it is listed here.
	Acts []ProxyAct
}

// Grants reports whether p covers act a.
func (p AttorneyPowers) Grants(a ProxyAct) bool {
	if a < ActReplyToNotice || a > ActReceiveDocuments {
		return false
	}
	return slices.Contains(p.Acts, a) || (p.General && !a.Special())
}

// empty reports whether p states no power.
func (p AttorneyPowers) empty() bool { return !p.General && len(p.Acts) == 0 }

// PowerOfAttorney is the written power of attorney (授权委托书) of Art. 13.
type PowerOfAttorney struct {
	// Received is the day the agency received it, zero if it has not.
	Received date.Date
	// Matters lists the cases or matters entrusted (委托事项).
	Matters []string
	// From and Until bound the period of the entrustment (委托期限).
	// Both days are included.
	From, Until date.Date
	// Powers is the authority granted (委托权限).
	Powers AttorneyPowers
}

// ProxyPapers are the papers of Art. 13 that the agency holds for one
// proxy. Each date is the day the agency received that paper. The zero
// date means it has not been received.
type ProxyPapers struct {
	Obligor ObligorType
	// ObligorIDCopy is the copy of a natural person's identity document.
	ObligorIDCopy date.Date
	// OrganizationLicence is a legal person's business licence
	// (营业执照) or another organization's registration certificate
	// (登记证书).
	OrganizationLicence date.Date
	// RepresentativeIDCopy is the copy of the identity document of a
	// legal person's legal representative (法定代表人) or of another
	// organization's principal (负责人).
	RepresentativeIDCopy date.Date
	// ProxyIDCopy is the copy of the proxy's identity card.
	ProxyIDCopy date.Date
	// PowerOfAttorney is the written power of attorney.
	PowerOfAttorney PowerOfAttorney
}

// ProxyRequest is one act that a proxy wants to take for the obligor.
type ProxyRequest struct {
	Act    ProxyAct
	Matter string    // the case or matter, as the power of attorney names it
	Day    date.Date // the day of the act
}

// ProxyItem is one paper, or one required statement in the power of
// attorney, that Art. 13 requires. It is the line of a checklist.
type ProxyItem uint8

// The checklist items of Art. 13. Which identity papers apply depends on
// the ObligorType.
const (
	ProxyObligorIDCopy           ProxyItem = iota + 1 // natural person
	ProxyBusinessLicence                              // legal person
	ProxyRepresentativeIDCopy                         // legal person
	ProxyRegistrationCertificate                      // other organization
	ProxyPrincipalIDCopy                              // other organization
	ProxyPowerOfAttorney
	ProxyMattersEntrusted // statement in the power of attorney
	ProxyPeriod           // statement in the power of attorney
	ProxyPowersGranted    // statement in the power of attorney
	ProxyIDCardCopy
)

// String returns the English name of i.
func (i ProxyItem) String() string {
	switch i {
	case ProxyObligorIDCopy:
		return "copy of the obligor's identity document"
	case ProxyBusinessLicence:
		return "business licence"
	case ProxyRepresentativeIDCopy:
		return "copy of the legal representative's identity document"
	case ProxyRegistrationCertificate:
		return "registration certificate"
	case ProxyPrincipalIDCopy:
		return "copy of the principal's identity document"
	case ProxyPowerOfAttorney:
		return "power of attorney"
	case ProxyMattersEntrusted:
		return "matters entrusted"
	case ProxyPeriod:
		return "period of the entrustment"
	case ProxyPowersGranted:
		return "powers granted"
	case ProxyIDCardCopy:
		return "copy of the proxy's identity card"
	}
	return fmt.Sprintf("unknown item %d", int(i))
}

// Chinese returns the Chinese name of i for display, or "" for an unknown
// item.
func (i ProxyItem) Chinese() string {
	switch i {
	case ProxyObligorIDCopy:
		return "赔偿义务人身份证明复印件"
	case ProxyBusinessLicence:
		return "营业执照"
	case ProxyRepresentativeIDCopy:
		return "法定代表人身份证明复印件"
	case ProxyRegistrationCertificate:
		return "登记证书"
	case ProxyPrincipalIDCopy:
		return "负责人身份证明复印件"
	case ProxyPowerOfAttorney:
		return "授权委托书"
	case ProxyMattersEntrusted:
		return "委托事项"
	case ProxyPeriod:
		return "委托期限"
	case ProxyPowersGranted:
		return "委托权限"
	case ProxyIDCardCopy:
		return "受委托人身份证复印件"
	}
	return ""
}

// ProxyDefect is the kind of defect that a checklist item has.
type ProxyDefect uint8

// The defects of a checklist item.
const (
	// DefectMissing means that the paper was not received, or that the
	// power of attorney does not state the item.
	DefectMissing ProxyDefect = iota + 1
	// DefectLate means that the paper was received after the day of
	// the act.
	DefectLate
	// DefectNotCovered means that the power of attorney states the
	// item, but it does not cover this matter, day or act.
	DefectNotCovered
	// DefectInvalid means that the statement cannot be read, such as a
	// period that ends before it starts.
	DefectInvalid
)

// String returns the English name of d.
func (d ProxyDefect) String() string {
	switch d {
	case DefectMissing:
		return "missing"
	case DefectLate:
		return "received after the act"
	case DefectNotCovered:
		return "does not cover the request"
	case DefectInvalid:
		return "invalid"
	}
	return fmt.Sprintf("unknown defect %d", int(d))
}

// Chinese returns the Chinese name of d for display, or "" for an unknown
// defect.
func (d ProxyDefect) Chinese() string {
	switch d {
	case DefectMissing:
		return "缺少"
	case DefectLate:
		return "递交晚于代理行为"
	case DefectNotCovered:
		return "未涵盖本次代理"
	case DefectInvalid:
		return "内容有误"
	}
	return ""
}

// ProxyProblem is one checklist item with its defect.
type ProxyProblem struct {
	Item   ProxyItem
	Defect ProxyDefect
	Detail string // English, with the values concerned
}

// String returns the problem in English, with the item's Chinese name.
func (p ProxyProblem) String() string {
	s := fmt.Sprintf("%s (%s): %s", p.Item, p.Item.Chinese(), p.Defect)
	if p.Detail != "" {
		s += ": " + p.Detail
	}
	return s
}

// ProxyCheck is the result of CheckProxy: the request and every problem
// found, in checklist order.
type ProxyCheck struct {
	Request  ProxyRequest
	Problems []ProxyProblem
}

// OK reports whether the proxy may take the act.
func (c ProxyCheck) OK() bool { return len(c.Problems) == 0 }

// Err returns nil when c is OK, else a *Violation citing Art. 13 that
// wraps ErrProxy and lists every problem.
func (c ProxyCheck) Err() error {
	if c.OK() {
		return nil
	}
	parts := make([]string, len(c.Problems))
	for i, p := range c.Problems {
		parts[i] = p.String()
	}
	return violation(Art(13), ErrProxy,
		"%s for %q on %s: %s; submit or correct these papers before "+
			"the proxy acts, or have the obligor act in person",
		c.Request.Act, c.Request.Matter, c.Request.Day,
		strings.Join(parts, "; "))
}

// CheckProxy decides whether a proxy may take the requested act for the
// obligor (Art. 13). It lists every problem, not only the first, so that
// the agency can send one checklist. The error is nil or c.Err(), except
// for requests it cannot check: an unknown obligor type or act, a zero
// day or a blank matter are a *Violation wrapping ErrInvalidFact.
//
// Art. 13 requires the papers in advance (提前). This package counts a
// paper received on the day of the act as in advance, because records
// store days, not times. An agency that records times must check that
// the papers came before the act began.
func CheckProxy(p ProxyPapers, r ProxyRequest) (ProxyCheck, error) {
	if err := validateProxyRequest(p, r); err != nil {
		return ProxyCheck{Request: r}, err
	}
	c := ProxyCheck{Request: r}
	for _, paper := range identityPapers(p) {
		c.checkReceipt(paper.item, paper.received)
	}
	c.checkPowerOfAttorney(p.PowerOfAttorney)
	c.checkReceipt(ProxyIDCardCopy, p.ProxyIDCopy)
	return c, c.Err()
}

func validateProxyRequest(p ProxyPapers, r ProxyRequest) error {
	switch {
	case p.Obligor < ObligorNaturalPerson || p.Obligor > ObligorOtherOrganization:
		return violation(Art(13), ErrInvalidFact,
			"%s: set the obligor's type to a natural person, a legal "+
				"person or another organization", p.Obligor)
	case r.Act < ActReplyToNotice || r.Act > ActReceiveDocuments:
		return violation(Art(13), ErrInvalidFact,
			"%s: name one of the acts ActReplyToNotice to "+
				"ActReceiveDocuments", r.Act)
	case r.Day == date.Zero:
		return violation(Art(13), ErrInvalidFact,
			"no day given for %s: give the day the proxy acts", r.Act)
	case Blank(r.Matter):
		return violation(Art(13), ErrInvalidFact,
			"no matter given for %s on %s: name the case or matter, as "+
				"the power of attorney does", r.Act, r.Day)
	}
	return nil
}

type receivedPaper struct {
	item     ProxyItem
	received date.Date
}

// identityPapers returns the obligor's identity papers for its type.
//
// Art. 13 names the papers of natural and legal persons only. This package
// requires the equivalents from another organization: its registration
// certificate and its principal's identity document, because Art. 12(3)
// names other organizations next to legal persons.
func identityPapers(p ProxyPapers) []receivedPaper {
	switch p.Obligor {
	case ObligorNaturalPerson:
		return []receivedPaper{{ProxyObligorIDCopy, p.ObligorIDCopy}}
	case ObligorLegalPerson:
		return []receivedPaper{
			{ProxyBusinessLicence, p.OrganizationLicence},
			{ProxyRepresentativeIDCopy, p.RepresentativeIDCopy},
		}
	}
	return []receivedPaper{
		{ProxyRegistrationCertificate, p.OrganizationLicence},
		{ProxyPrincipalIDCopy, p.RepresentativeIDCopy},
	}
}

func (c *ProxyCheck) add(item ProxyItem, d ProxyDefect, format string, args ...any) {
	c.Problems = append(c.Problems,
		ProxyProblem{Item: item, Defect: d, Detail: fmt.Sprintf(format, args...)})
}

// checkReceipt requires a paper received on or before the day of the act.
func (c *ProxyCheck) checkReceipt(item ProxyItem, received date.Date) bool {
	switch {
	case received == date.Zero:
		c.add(item, DefectMissing, "")
		return false
	case received > c.Request.Day:
		c.add(item, DefectLate, "received %s, after the act on %s",
			received, c.Request.Day)
	}
	return true
}

// checkPowerOfAttorney checks the receipt and the three statements that
// Art. 13 requires. The statements are not checked when the power of
// attorney was never received.
func (c *ProxyCheck) checkPowerOfAttorney(a PowerOfAttorney) {
	if !c.checkReceipt(ProxyPowerOfAttorney, a.Received) {
		return
	}
	c.checkMatters(a.Matters)
	c.checkPeriod(a.From, a.Until)
	c.checkPowers(a.Powers)
}

func (c *ProxyCheck) checkMatters(matters []string) {
	// Most papers state the matter exactly as the request names it, which
	// a plain comparison finds without trimming.
	if slices.Contains(matters, c.Request.Matter) {
		return
	}
	want := strings.TrimSpace(c.Request.Matter)
	stated := false
	for _, m := range matters {
		m = strings.TrimSpace(m)
		if m == want {
			return
		}
		stated = stated || m != ""
	}
	if !stated {
		c.add(ProxyMattersEntrusted, DefectMissing, "no matter stated")
		return
	}
	c.add(ProxyMattersEntrusted, DefectNotCovered,
		"%q is not among the matters entrusted %q", want, matters)
}

func (c *ProxyCheck) checkPeriod(from, until date.Date) {
	day := c.Request.Day
	switch {
	case from == date.Zero || until == date.Zero:
		c.add(ProxyPeriod, DefectMissing, "period from %s until %s",
			dateOrNone(from), dateOrNone(until))
	case from > until:
		c.add(ProxyPeriod, DefectInvalid,
			"period ends on %s, before it starts on %s", until, from)
	case day < from || day > until:
		c.add(ProxyPeriod, DefectNotCovered,
			"the act on %s is outside the period %s to %s", day, from, until)
	}
}

func (c *ProxyCheck) checkPowers(p AttorneyPowers) {
	act := c.Request.Act
	switch {
	case p.empty():
		c.add(ProxyPowersGranted, DefectMissing, "no power stated")
	case act.Special() && !p.Grants(act):
		c.add(ProxyPowersGranted, DefectNotCovered,
			"%s needs an explicit grant; general powers or 全权代理 "+
				"do not cover it", act)
	case !p.Grants(act):
		c.add(ProxyPowersGranted, DefectNotCovered,
			"%s is not granted", act)
	}
}

// dateOrNone formats a day for messages, or "(none)" for the zero day.
func dateOrNone(d date.Date) string {
	if d == date.Zero {
		return "(none)"
	}
	return d.String()
}
