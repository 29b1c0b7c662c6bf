package documents

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ecoconsult/ecoconsult/consult"
	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
)

// ProxyFacts name the proxy and the act that a proxy checklist is for.
type ProxyFacts struct {
	Agency Agency
	// Number is the number of the checklist; optional.
	Number string
	// Date is the date of the checklist; zero means Day.
	Date date.Date
	// Proxy is the proxy's name, as the case's proxy_authorized event
	// names it. A proxy with no authorization on file gets a checklist
	// with every paper missing.
	Proxy string
	// Act is the act the proxy wants to take for the obligor, and Day the
	// day of the act.
	Act rules.ProxyAct
	Day date.Date
	// Matter is the case or matter as the power of attorney must name it;
	// blank means the case number.
	Matter string
}

// ProxyChecklist is the checklist of the papers that the agency must hold
// before a proxy may act for the obligor (授权委托材料核对清单, Art. 13):
// the obligor's identity papers for its legal form, the power of attorney
// with the matters, period and powers it must state, and the copy of the
// proxy's identity card, each with its state, and what is still missing.
// Missing papers are the content of the checklist, not an error.
type ProxyChecklist struct {
	ProxyFacts
	CaseNumber string
	Obligor    consult.ObligorInfo
	// OnFile reports whether the case records an authorization of the
	// proxy; the latest one is checked.
	OnFile bool
	Papers rules.ProxyPapers
	// Result is the outcome of rules.CheckProxy: the request and every
	// problem, in checklist order.
	Result rules.ProxyCheck
}

const proxyDocument = "proxy checklist (授权委托材料核对清单)"

// NewProxyChecklist builds the checklist for the proxy and act that f
// names, from the authorizations the case records. It returns an error
// naming each missing item, or the *rules.Violation of rules.CheckProxy
// for a request it cannot check, such as an obligor of unknown legal form,
// an unknown act or a zero day.
func NewProxyChecklist(c consult.Case, f ProxyFacts) (ProxyChecklist, error) {
	l := ProxyChecklist{ProxyFacts: f, CaseNumber: c.Number, Obligor: c.Obligor}
	if !filled(l.Matter) {
		l.Matter = c.Number
	}
	var auth consult.ProxyAuthorized
	for _, a := range c.Proxies {
		if filled(f.Proxy) && strings.TrimSpace(a.ProxyName) == strings.TrimSpace(f.Proxy) {
			auth, l.OnFile = a, true
		}
	}
	l.Papers = proxyPapers(c.Obligor.Kind, auth)
	l.Result, _ = rules.CheckProxy(l.Papers, l.request())
	if l.Date == date.Zero {
		l.Date = l.Day
	}
	if err := l.Check(); err != nil {
		return ProxyChecklist{}, err
	}
	return l, nil
}

func (l ProxyChecklist) request() rules.ProxyRequest {
	return rules.ProxyRequest{Act: l.Act, Matter: l.Matter, Day: l.Day}
}

// proxyPapers converts a recorded authorization into the papers that
// rules.CheckProxy reads, for an obligor of kind k. The zero
// authorization gives papers of which none was received.
func proxyPapers(k consult.ObligorKind, a consult.ProxyAuthorized) rules.ProxyPapers {
	var acts []rules.ProxyAct
	for _, x := range a.Acts {
		if act, ok := proxyAct(x); ok {
			acts = append(acts, act)
		}
	}
	return rules.ProxyPapers{
		Obligor:              obligorType(k),
		ObligorIDCopy:        a.ObligorIDCopy,
		OrganizationLicence:  a.OrganizationLicence,
		RepresentativeIDCopy: a.RepresentativeIDCopy,
		ProxyIDCopy:          a.ProxyIDCopy,
		PowerOfAttorney: rules.PowerOfAttorney{
			Received: a.PowerOfAttorney, Matters: a.Matters, From: a.From, Until: a.Until,
			Powers: rules.AttorneyPowers{General: a.General, Acts: acts},
		},
	}
}

// proxyAct converts an act as the case records it to the act package
// rules reads.
func proxyAct(a consult.ProxyAct) (rules.ProxyAct, bool) {
	switch a {
	case consult.ActReplyNotice:
		return rules.ActReplyToNotice, true
	case consult.ActReplyOpinion:
		return rules.ActReplyToOpinion, true
	case consult.ActAttendMeeting:
		return rules.ActAttendMeeting, true
	case consult.ActObjectAssessment:
		return rules.ActObjectToAssessment, true
	case consult.ActAgreeAndSign:
		return rules.ActAgreeAndSign, true
	case consult.ActReceiveDocuments:
		return rules.ActReceiveDocuments, true
	}
	return 0, false
}

// Check returns an error naming each missing item of the checklist itself
// (the agency and the proxy), or the error of rules.CheckProxy for a
// request it cannot check. The problems with the papers are not errors:
// the checklist lists them.
func (l ProxyChecklist) Check() error {
	var items itemList
	items.need(filled(l.Agency.Name), rules.Art(13), "agency's name", "收取材料的机关名称")
	items.need(filled(l.Proxy), rules.Art(13), "proxy's name", "受委托人姓名")
	_, err := rules.CheckProxy(l.Papers, l.request())
	if errors.Is(err, rules.ErrProxy) {
		err = nil
	}
	return combine(proxyDocument, items, err)
}

func (l ProxyChecklist) layout() page {
	p := page{Issuer: l.Agency.Name, Number: l.Number, Title: "授权委托材料核对清单",
		Closing: l.Agency.Name, Date: ChineseDate(l.Date)}
	p.field("案件", l.CaseNumber)
	p.field("赔偿义务人", l.Obligor.Name+"（"+kindChinese(l.Obligor.Kind)+"）")
	p.field("受委托人", l.Proxy)
	p.field("代理事项", l.Act.Chinese())
	p.field("代理日期", ChineseDate(l.Day))
	p.para(fmt.Sprintf("根据%s，受委托人代赔偿义务人参加磋商前，本机关须收到下列材料，"+
		"其中授权委托书须写明委托的事项、期限和权限。核对情况如下：", cite(rules.Art(13))))

	problems := map[rules.ProxyItem]rules.ProxyProblem{}
	for _, pr := range l.Result.Problems {
		problems[pr.Item] = pr
	}
	var rows [][]string
	for i, item := range proxyItems(l.Papers.Obligor) {
		rows = append(rows, []string{fmt.Sprint(i + 1), item.Chinese(), l.itemState(item, problems)})
	}
	p.table([]string{"序号", "材料或事项", "核对情况"}, rows, 0)

	act := l.Act.Chinese()
	if l.Act.Special() {
		p.para(fmt.Sprintf("“%s”须由授权委托书逐项写明方可代理，一般授权或者“全权代理”"+
			"不包括该项。", act))
	}
	if l.Result.OK() {
		p.para(fmt.Sprintf("结论：上述材料齐备，受委托人%s可以代赔偿义务人%s。", l.Proxy, act))
	} else {
		p.para(fmt.Sprintf("结论：上述材料尚不齐备，受委托人%s暂不能代赔偿义务人%s。"+
			"请在代理前补正下列事项，或者由赔偿义务人本人办理：", l.Proxy, act))
		var todo []string
		for _, pr := range l.Result.Problems {
			todo = append(todo, pr.Item.Chinese()+"（"+pr.Defect.Chinese()+"）")
		}
		numbered(&p, todo)
	}
	if line := contactLine(l.Agency); line != "" {
		p.para(line)
	}
	return p
}

// itemState describes in Chinese the state of one checklist item.
func (l ProxyChecklist) itemState(item rules.ProxyItem, problems map[rules.ProxyItem]rules.ProxyProblem) string {
	poa := l.Papers.PowerOfAttorney
	statement := item == rules.ProxyMattersEntrusted || item == rules.ProxyPeriod ||
		item == rules.ProxyPowersGranted
	if statement && poa.Received == date.Zero {
		return "待收到授权委托书后核对"
	}
	pr, bad := problems[item]
	if bad {
		return pr.Defect.Chinese() + l.problemDetail(pr)
	}
	switch item {
	case rules.ProxyMattersEntrusted:
		return "已写明：" + joinOrNone(poa.Matters)
	case rules.ProxyPeriod:
		return "已写明：" + ChineseDate(poa.From) + "至" + ChineseDate(poa.Until)
	case rules.ProxyPowersGranted:
		return "已写明：" + powersChinese(poa.Powers)
	}
	return "已收到（" + ChineseDate(l.received(item)) + "）"
}

// problemDetail gives the facts behind a problem, in Chinese brackets, or
// "" when the defect needs no detail.
func (l ProxyChecklist) problemDetail(pr rules.ProxyProblem) string {
	poa := l.Papers.PowerOfAttorney
	switch {
	case pr.Defect == rules.DefectLate:
		return "（" + ChineseDate(l.received(pr.Item)) + "收到）"
	case pr.Defect == rules.DefectMissing:
		return ""
	case pr.Item == rules.ProxyMattersEntrusted:
		return "（授权委托书写明的委托事项为：" + joinOrNone(poa.Matters) + "）"
	case pr.Item == rules.ProxyPeriod:
		return "（委托期限为" + ChineseDate(poa.From) + "至" + ChineseDate(poa.Until) + "）"
	case pr.Item == rules.ProxyPowersGranted:
		return "（授权委托书写明的委托权限为：" + powersChinese(poa.Powers) + "）"
	}
	return ""
}

// received returns the day the agency received the paper of item, or the
// zero date for a statement.
func (l ProxyChecklist) received(item rules.ProxyItem) date.Date {
	p := l.Papers
	switch item {
	case rules.ProxyObligorIDCopy:
		return p.ObligorIDCopy
	case rules.ProxyBusinessLicence, rules.ProxyRegistrationCertificate:
		return p.OrganizationLicence
	case rules.ProxyRepresentativeIDCopy, rules.ProxyPrincipalIDCopy:
		return p.RepresentativeIDCopy
	case rules.ProxyPowerOfAttorney:
		return p.PowerOfAttorney.Received
	case rules.ProxyIDCardCopy:
		return p.ProxyIDCopy
	}
	return date.Zero
}

// powersChinese describes the powers a power of attorney grants.
func powersChinese(p rules.AttorneyPowers) string {
	var parts []string
	if p.General {
		parts = append(parts, "一般授权")
	}
	var acts []string
	for _, a := range p.Acts {
		if name := a.Chinese(); name != "" {
			acts = append(acts, name)
		}
	}
	if len(acts) > 0 {
		parts = append(parts, "逐项授权："+strings.Join(acts, "、"))
	}
	if len(parts) == 0 {
		return "无"
	}
	return strings.Join(parts, "；")
}
