package consult_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/ecoconsult/ecoconsult/consult"
	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
)

func exampleLog() []consult.Event {
	d := func(m time.Month, day int) date.Date { return date.New(2024, m, day) }
	agency := func(day date.Date) consult.Header { return consult.Header{Date: day, Actor: consult.Agency} }
	return []consult.Event{
		consult.InvestigationStarted{Header: agency(d(time.January, 8)), CaseNumber: "示例〔2024〕1号",
			Obligor:  consult.ObligorInfo{Name: "某化工有限公司", Kind: consult.LegalPerson, Address: "临平区"},
			District: "临平区"},
		consult.AssessmentIssued{Header: consult.Header{Date: d(time.January, 26), Actor: consult.Institution},
			Route: consult.RouteReport, Amount: rules.Yuan(900000)},
		// Served on Thursday 8 February 2024, two days before the Spring
		// Festival holiday.
		consult.NoticeServed{Header: agency(d(time.February, 8))},
	}
}

func ExampleEngine_Replay() {
	c, err := consult.Default().Replay(exampleLog())
	fmt.Println(c.Stage, c.Since, c.District, err)
	// Output: awaiting_consent 2024-02-08 临平区 <nil>
}

func ExampleEngine_Agenda() {
	g := consult.Default()
	c, _ := g.Replay(exampleLog())
	items, _ := g.Agenda(c, date.New(2024, time.February, 9))
	for _, it := range items {
		due := "promptly"
		if !it.Promptly {
			due = "by " + it.Due.String()
		}
		fmt.Printf("%s: %s, %s (%s)\n", it.Party, it.Action, due, it.Citation)
	}
	// Output:
	// agency: inform the procuratorate of the investigation, promptly (Art. 8(6))
	// obligor: answer the consultation notice in writing, by 2024-02-21 (Art. 8(3))
}

func ExampleEngine_At() {
	g := consult.Default()
	c, _ := g.Replay(exampleLog())
	// No answer by 21 February: silence counts as refusal.
	later, _ := g.At(c, date.New(2024, time.February, 22))
	fmt.Println(later.Stage, later.Failure.Since, later.Failure.Citation)
	// Output: failed 2024-02-22 Art. 8(3)
}

func ExampleEngine_Apply() {
	g := consult.Default()
	c, _ := g.Replay(exampleLog())
	// The obligor cannot record the agency's acts.
	_, err := g.Apply(c, consult.OpinionServed{
		Header: consult.Header{Date: date.New(2024, time.February, 9), Actor: consult.Obligor}})
	fmt.Println(err)
	// Output: consult: opinion_served: field actor: actor has no standing for this event: obligor cannot record opinion_served; the actors are [agency]
}

func ExampleEngine_Project() {
	g := consult.Default()
	c, _ := g.Replay(exampleLog())
	road, _ := g.Project(c, date.New(2024, time.February, 9))
	for _, m := range road[:3] {
		fmt.Println(m.Latest, m.Citation, m.Step)
	}
	// Output:
	// 2024-02-21 Art. 8(3) obligor consents to consult
	// 2024-02-21 Art. 9 serve the opinion letter
	// 2024-03-01 Art. 10(3) obligor objects and asks to consult
}

func ExampleMarshalEvent() {
	b, _ := consult.MarshalEvent(consult.NoticeServed{
		Header: consult.Header{Date: date.New(2024, time.February, 8), Actor: consult.Agency}})
	fmt.Println(string(b))
	// Output: {"type":"notice_served","date":"2024-02-08","actor":"agency"}
}

func ExampleUnmarshalEvent() {
	_, err := consult.UnmarshalEvent([]byte(`{"type":"notice_served","date":"2024-02-08","actor":"agency","colour":"red"}`))
	fmt.Println(err)
	// Output: consult: notice_served: json: unknown field "colour"; the fields here are actor, date, method, note, proxy
}

func ExampleMermaid() {
	first := strings.SplitN(consult.Mermaid(), "\n", 3)
	fmt.Println(first[0])
	fmt.Println(first[1])
	// Output:
	// stateDiagram-v2
	//     [*] --> investigating: investigation_started
}
