package rules

import (
	"testing"

	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"
)

// genDay draws a day well inside the national calendar, so every deadline
// of the measures still ends inside it.
func genDay(label string) *rapid.Generator[date.Date] {
	first, last := d(2008, 1, 1), d(2026, 10, 31)
	return rapid.Custom(func(t *rapid.T) date.Date {
		return first + date.Date(rapid.IntRange(0, int(last-first)).Draw(t, label))
	})
}

func deadlineFuncs(r Rules) map[string]func(date.Date) (Deadline, error) {
	return map[string]func(date.Date) (Deadline, error){
		"notice reply":  r.NoticeReplyDeadline,
		"opinion reply": func(x date.Date) (Deadline, error) { return r.OpinionReplyDeadline(x, 0) },
		"signing":       r.SigningDeadline,
		"confirmation":  r.ConfirmationDeadline,
	}
}

func TestPropDeadlinesOnWorkdaysAfterTrigger(t *testing.T) {
	r := Default()
	for name, fn := range deadlineFuncs(r) {
		t.Run(name, func(t *testing.T) {
			rapid.Check(t, func(t *rapid.T) {
				x := genDay("d").Draw(t, "trigger")
				dl, err := fn(x)
				if err != nil {
					t.Fatalf("%s(%s): %v", name, x, err)
				}
				if dl.End <= x {
					t.Fatalf("%s(%s) = %s, not after the trigger", name, x, dl.End)
				}
				ok, err := r.Calendar().IsWorkday(dl.End)
				if err != nil || !ok {
					t.Fatalf("%s(%s) = %s, a day off", name, x, dl.End)
				}
			})
		})
	}
}

func TestPropLaterTriggerNeverEarlierDeadline(t *testing.T) {
	r := Default()
	for name, fn := range deadlineFuncs(r) {
		t.Run(name, func(t *testing.T) {
			rapid.Check(t, func(t *rapid.T) {
				a := genDay("d").Draw(t, "a")
				b := genDay("d").Draw(t, "b")
				if b < a {
					a, b = b, a
				}
				da, err1 := fn(a)
				db, err2 := fn(b)
				if err1 != nil || err2 != nil {
					t.Fatalf("%v %v", err1, err2)
				}
				if db.End < da.End {
					t.Fatalf("%s: trigger %s ends %s but later trigger %s ends %s",
						name, a, da.End, b, db.End)
				}
			})
		})
	}
}

// genParams draws a parameter set and one with every limit raised.
func genParams(t *rapid.T) (Params, Params) {
	p := Hangzhou2020()
	p.NoticeReplyWorkdays = rapid.IntRange(1, 15).Draw(t, "notice")
	p.OpinionReplyWorkdays = rapid.IntRange(1, 15).Draw(t, "opinion")
	p.RoundGapWorkdays = rapid.IntRange(1, 15).Draw(t, "gap")
	p.MaxRounds = rapid.IntRange(1, 4).Draw(t, "rounds")
	p.MaxRoundsDesignated = p.MaxRounds + rapid.IntRange(0, 2).Draw(t, "extra")
	q := p
	q.NoticeReplyWorkdays += rapid.IntRange(0, 5).Draw(t, "+notice")
	q.OpinionReplyWorkdays += rapid.IntRange(0, 5).Draw(t, "+opinion")
	q.RoundGapWorkdays += rapid.IntRange(0, 5).Draw(t, "+gap")
	q.MaxRounds += rapid.IntRange(0, 2).Draw(t, "+rounds")
	q.MaxRoundsDesignated = max(q.MaxRounds, p.MaxRoundsDesignated+rapid.IntRange(0, 2).Draw(t, "+extra"))
	return p, q
}

func TestPropRaisingLimitsKeepsStepsAllowed(t *testing.T) {
	cal := Default().Calendar()
	rapid.Check(t, func(t *rapid.T) {
		p, q := genParams(t)
		rp, err1 := New(cal, p)
		rq, err2 := New(cal, q)
		if err1 != nil || err2 != nil {
			t.Fatalf("params: %v %v", err1, err2)
		}

		// Another round allowed under p stays allowed under q.
		last := genDay("d").Draw(t, "last")
		facts := RoundFacts{
			Held:        rapid.IntRange(1, 5).Draw(t, "held"),
			LastMeeting: last,
			Proposed:    last + date.Date(rapid.IntRange(1, 30).Draw(t, "gap days")),
		}
		if rapid.Bool().Draw(t, "designated") {
			facts.Designation = &Designation{On: last, Reason: "complex"}
		}
		if rapid.Bool().Draw(t, "reason") {
			facts.Reason = "expert review"
		}
		if _, err := rp.NextRound(facts); err == nil {
			if _, err := rq.NextRound(facts); err != nil {
				t.Fatalf("round allowed with %+v but not with %+v: %v", p, q, err)
			}
		}

		// A reply in time under p stays in time under q.
		served := genDay("d").Draw(t, "served")
		reply := &NoticeReply{Reply: Reply{Received: served + date.Date(rapid.IntRange(0, 20).Draw(t, "recv")),
			Delivery: ByHand}, Consent: true}
		a, err1 := rp.NoticeOutcome(served, reply, reply.Received)
		b, err2 := rq.NoticeOutcome(served, reply, reply.Received)
		if err1 != nil || err2 != nil {
			t.Fatalf("NoticeOutcome: %v %v", err1, err2)
		}
		if a.Outcome == NoticeConsented && b.Outcome != NoticeConsented {
			t.Fatalf("consent in time under %+v is %s under %+v", p, b.Outcome, q)
		}
		o1, err1 := rp.OpinionOutcome(served, 0, &OpinionReply{Reply: reply.Reply, Answer: Object}, reply.Received)
		o2, err2 := rq.OpinionOutcome(served, 0, &OpinionReply{Reply: reply.Reply, Answer: Object}, reply.Received)
		if err1 != nil || err2 != nil {
			t.Fatalf("OpinionOutcome: %v %v", err1, err2)
		}
		if o1.Outcome == OpinionObjected && o2.Outcome != OpinionObjected {
			t.Fatalf("objection in time under %+v is %s under %+v", p, o2.Outcome, q)
		}
	})
}

func TestPropTerminationGroundsMonotonic(t *testing.T) {
	r := Default()
	rapid.Check(t, func(t *rapid.T) {
		start := genDay("d").Draw(t, "start")
		var f TerminationFacts
		if rapid.Bool().Draw(t, "opinion") {
			f.OpinionReceived = start
			if rapid.Bool().Draw(t, "replied") {
				f.OpinionReply = &Reply{Delivery: ByHand,
					Received: start + date.Date(rapid.IntRange(0, 25).Draw(t, "reply"))}
			}
		}
		for range rapid.IntRange(0, 4).Draw(t, "rounds") {
			f.FailedRounds = append(f.FailedRounds, start+date.Date(rapid.IntRange(0, 60).Draw(t, "round")))
		}
		if rapid.Bool().Draw(t, "designated") {
			f.Designation = &Designation{On: start + date.Date(rapid.IntRange(0, 60).Draw(t, "des")), Reason: "complex"}
		}
		for range rapid.IntRange(0, 3).Draw(t, "recorded") {
			f.Recorded = append(f.Recorded, RecordedGround{
				Item:   rapid.SampledFrom([]int{1, 3, 4, 6, 7}).Draw(t, "item"),
				On:     start + date.Date(rapid.IntRange(0, 60).Draw(t, "on")),
				Reason: "recorded",
			})
		}
		day := start + date.Date(rapid.IntRange(0, 80).Draw(t, "day"))
		later := day + date.Date(rapid.IntRange(0, 80).Draw(t, "later"))
		before, err1 := r.TerminationGrounds(f, day)
		after, err2 := r.TerminationGrounds(f, later)
		if err1 != nil || err2 != nil {
			t.Fatalf("%v %v", err1, err2)
		}
		held := map[Ground]bool{}
		for _, g := range after {
			held[g] = true
		}
		for _, g := range before {
			if !held[g] {
				t.Fatalf("ground %+v held on %s but not on %s", g, day, later)
			}
			if g.Since > day {
				t.Fatalf("ground %+v reported on %s before it held", g, day)
			}
		}
	})
}
