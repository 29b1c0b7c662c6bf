package rules

import (
	"errors"
	"fmt"

	"github.com/rickb777/date/v2"
)

// Agreement holds the contents of the compensation agreement
// (生态环境损害赔偿协议) that Art. 18(2) requires.
type Agreement struct {
	// Item 1: both parties' names and addresses.
	AgencyName, AgencyAddress   string
	ObligorName, ObligorAddress string
	// Item 2: the facts of damage, the evidence and the grounds.
	DamageFacts string
	Evidence    []string
	Grounds     string
	// Item 3: each party's position on the opinion letter.
	Positions string
	// Item 4: how, when and by what deadline liability is met.
	PerformanceManner string
	Steps             []PerformanceStep
	// Item 5: how restoration and its effect will be assessed.
	RestorationAssessment string
	// Item 6: dispute resolution, force majeure and other matters.
	DisputeResolution string
	ForceMajeure      string
}

// A PerformanceStep is one payment or restoration step the agreement sets,
// with its deadline. Each becomes the obligor's obligation (Art. 21).
type PerformanceStep struct {
	Description string
	Amount      Amount // zero for a step that is not a payment
	Due         date.Date
	Done        date.Date // zero until performed
}

// CheckAgreement checks that a holds the six items of Art. 18(2) and that
// every performance step has a description and a due day. It returns an
// *IncompleteError listing everything missing.
func CheckAgreement(a Agreement) error {
	item := func(n int) Citation { return Art(18).Para(2).ItemOf(n) }
	checks := []itemCheck{
		{filled(a.AgencyName), MissingItem{item(1), "agency's name", "赔偿权利人名称"}},
		{filled(a.AgencyAddress), MissingItem{item(1), "agency's address", "赔偿权利人地址"}},
		{filled(a.ObligorName), MissingItem{item(1), "obligor's name", "赔偿义务人名称（姓名）"}},
		{filled(a.ObligorAddress), MissingItem{item(1), "obligor's address", "赔偿义务人地址"}},
		{filled(a.DamageFacts), MissingItem{item(2), "facts of the damage", "生态环境损害事实"}},
		{anyFilled(a.Evidence), MissingItem{item(2), "evidence", "有关证据"}},
		{filled(a.Grounds), MissingItem{item(2), "grounds for compensation", "赔偿理由"}},
		{filled(a.Positions), MissingItem{item(3), "positions on the opinion letter", "双方对赔偿意见书的意见"}},
		{filled(a.PerformanceManner), MissingItem{item(4), "manner of performance", "履行方式"}},
		{len(a.Steps) > 0, MissingItem{item(4), "performance steps and deadlines", "履行时间与期限"}},
		{filled(a.RestorationAssessment), MissingItem{item(5), "assessment of restoration", "修复及治理效果的评估事宜"}},
		{filled(a.DisputeResolution), MissingItem{item(6), "dispute resolution", "争议的解决途径"}},
		{filled(a.ForceMajeure), MissingItem{item(6), "force majeure", "不可抗力因素的处理"}},
	}
	for i, s := range a.Steps {
		n := fmt.Sprint(i + 1)
		checks = append(checks,
			itemCheck{filled(s.Description), MissingItem{item(4), "description of step " + n, "履行事项"}},
			itemCheck{s.Due != 0, MissingItem{item(4), "deadline of step " + n, "履行期限"}})
	}
	err := collect("agreement", checks)
	for i, s := range a.Steps {
		if s.Amount < 0 {
			err = errors.Join(err, violation(item(4), ErrInvalidFact,
				"step %d has a negative amount %s", i+1, s.Amount))
		}
	}
	return err
}

// AgreementNotices returns the agency's duties on signing an agreement on
// signed: inform the procuratorate and the finance department of the same
// level, promptly, as the measures fix no period (Art. 18(1)).
func AgreementNotices(signed date.Date) []Obligation {
	c := Art(18).Para(1)
	return []Obligation{
		{Party: Agency, Action: "inform the procuratorate of the agreement",
			Citation: c, From: signed, Promptly: true},
		{Party: Agency, Action: "inform the finance department of the agreement",
			Citation: c, From: signed, Promptly: true},
	}
}

// PublicationDuty returns the agency's duty to publish the consultation
// and the agreement for public scrutiny, promptly, as the measures fix no
// period (Art. 26). MaskForPublication prepares the record.
func PublicationDuty(from date.Date) Obligation {
	return Obligation{Party: Agency, Action: "publish the consultation and the agreement",
		Citation: Art(26), From: from, Promptly: true}
}

// ConfirmationDeadline returns the last day either party may apply to the
// court for judicial confirmation: Params.ConfirmationDays days from the
// day the agreement takes effect, moved to the next working day if the
// last day is a day off (Art. 19). Applying is a right, not a duty.
func (r Rules) ConfirmationDeadline(effective date.Date) (Deadline, error) {
	return r.daysFrom(Art(19), effective, r.params.ConfirmationDays)
}

// PerformanceDue returns the obligor's open obligations under the
// agreement on day on, one per step not yet done, with whether each is
// overdue (Art. 21).
func PerformanceDue(steps []PerformanceStep, on date.Date) []StepStatus {
	var out []StepStatus
	for _, s := range steps {
		if s.Done != 0 && s.Done <= on {
			continue
		}
		out = append(out, StepStatus{Step: s, Citation: Art(21), Overdue: on > s.Due})
	}
	return out
}

// StepStatus is an open performance step on one day.
type StepStatus struct {
	Step     PerformanceStep
	Citation Citation
	Overdue  bool
}

// CooperationFacts are the facts behind the record of Art. 28.
type CooperationFacts struct {
	// TookPart: the obligor consented, replied and attended in time, with
	// no Art. 17(1)(1) or (3) ground and no Art. 24 halt.
	TookPart bool
	// Performed: every performance step was done by its due day.
	Performed bool
}

// MayReportCooperation decides whether the agency may pass the record of
// the obligor's consultation and performance to courts or other agencies
// as a reference for judgement or penalty (Art. 28). Both active
// participation and performance are needed; the agency may still decide
// not to.
func MayReportCooperation(f CooperationFacts) (bool, Citation) {
	return f.TookPart && f.Performed, Art(28)
}
