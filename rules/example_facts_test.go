package rules_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
)

func ExampleResolveDistrict() {
	d, err := rules.ResolveDistrict(" 余杭 ", date.New(2020, time.June, 1))
	fmt.Println(d, d.Kind, err)

	// 下城区 merged into 拱墅区 on 9 April 2021.
	_, err = rules.ResolveDistrict("下城区", date.New(2021, time.May, 1))
	fmt.Println(errors.Is(err, rules.ErrDistrictRenamed))

	_, err = rules.ResolveDistrict("湖州", date.New(2021, time.May, 1))
	fmt.Println(errors.Is(err, rules.ErrOutOfScope))
	// Output:
	// 余杭区 district <nil>
	// true
	// true
}

func ExampleConsultationRequired() {
	r, err := rules.ConsultationRequired(rules.DamageFacts{
		Grade:          rules.GradeOrdinary,
		InRedLine:      true,
		SuspectedCrime: true,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Required())
	for _, g := range r.Grounds {
		fmt.Println(g.Citation, g.Reason)
	}
	// Output:
	// true
	// Art. 3(1)(3) damage inside Hangzhou's ecological protection red line
}

func ExampleCheckProxy() {
	day := date.New(2024, time.May, 10)
	papers := rules.ProxyPapers{
		Obligor:              rules.ObligorLegalPerson,
		OrganizationLicence:  day,
		RepresentativeIDCopy: day,
		PowerOfAttorney: rules.PowerOfAttorney{
			Received: day,
			Matters:  []string{"案件A"},
			From:     date.New(2024, time.May, 1),
			Until:    date.New(2024, time.June, 30),
			Powers:   rules.AttorneyPowers{General: true},
		},
	}
	check, err := rules.CheckProxy(papers, rules.ProxyRequest{
		Act: rules.ActAgreeAndSign, Matter: "案件A", Day: day,
	})
	fmt.Println(errors.Is(err, rules.ErrProxy))
	for _, p := range check.Problems {
		fmt.Println(p.Item.Chinese(), p.Defect.Chinese())
	}
	// Output:
	// true
	// 委托权限 未涵盖本次代理
	// 受委托人身份证复印件 缺少
}

func ExampleDecideObjection() {
	if err := rules.CheckObjection(rules.Objection{}); err != nil {
		fmt.Println(errors.Is(err, rules.ErrNoEvidence))
	}
	out, err := rules.DecideObjection(rules.RouteExperts, true)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(out.CorrectedBy)
	// Output:
	// true
	// original experts
}

func ExampleCheckPreservation() {
	err := rules.CheckPreservation(rules.PreservationRequest{
		Applicant: "赔偿义务人",
		Evidence:  "厂区废水池",
	})
	var v *rules.Violation
	if errors.As(err, &v) {
		fmt.Println(v.Citation, v.Err)
	}
	// Output: Art. 23 missing fact
}

func ExampleHalt() {
	d, err := rules.Halt(rules.HaltGround{Conduct: rules.ConductFalseMaterials})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Citation, d.EndsCase, d.Grounds[0].Conduct)
	// Output: Art. 24 true false materials
}

func ExampleMaskForPublication() {
	p := rules.MaskForPublication(rules.Person{
		Name:     "欧阳修",
		IDNumber: "110101199001011234",
		Phone:    "13800000000",
	})
	fmt.Printf("%q %q %q\n", p.Name, p.IDNumber, p.Phone)
	// Output: "欧阳某" "" ""
}
