package rules

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rickb777/date/v2"
)

// CheckOpinionLetterBasis decides whether the agency may serve the opinion
// letter: it is written from the assessment report or the expert opinion,
// so one of them must exist first (Art. 9).
func CheckOpinionLetterBasis(hasReport, hasExpertOpinion bool) error {
	if !hasReport && !hasExpertOpinion {
		return violation(Art(9), ErrMissingFact, "no assessment report or "+
			"expert opinion yet; the opinion letter is written from one of them")
	}
	return nil
}

// OpinionLetter holds the contents of the compensation opinion letter
// (生态环境损害赔偿意见书) that Art. 10 requires.
type OpinionLetter struct {
	ObligorName    string // item 1
	ObligorAddress string // item 1
	Cause          string // item 2: the cause of the case
	DamageFacts    string // item 2: the main facts of the damage
	Evidence       []string
	// RestorationGoal and GoalBasis give item 3.
	RestorationGoal string
	GoalBasis       string
	// Amount and CalculationBasis give item 4.
	Amount           Amount
	CalculationBasis string
	// PerformanceManner and PerformanceDeadline give item 5: how and by
	// when liability is met.
	PerformanceManner   string
	PerformanceDeadline date.Date
	// ReplyMethod and ReplyWorkdays give item 6: how and within how many
	// working days to reply.
	ReplyMethod   string
	ReplyWorkdays int
	// Other holds item 7, other matters; it may be empty.
	Other string
	// InvolvesRestoration makes the restoration plan, its start and its
	// deadline required (Art. 10(2)).
	InvolvesRestoration bool
	RestorationPlan     string
	RestorationStart    date.Date
	RestorationDeadline date.Date
}

// A MissingItem is a required content of a document that is absent.
type MissingItem struct {
	Citation Citation
	Name     string // in English
	Chinese  string // as the document would title it
}

// An IncompleteError lists every required item a document lacks. It
// matches ErrMissingItem with errors.Is.
type IncompleteError struct {
	Document string
	Missing  []MissingItem
}

// Error lists every missing item with its citation.
func (e *IncompleteError) Error() string {
	parts := make([]string, len(e.Missing))
	for i, m := range e.Missing {
		parts[i] = fmt.Sprintf("%s (%s)", m.Name, m.Citation)
	}
	return fmt.Sprintf("rules: %s is missing %s; add them and check again",
		e.Document, strings.Join(parts, ", "))
}

// Is reports whether target is ErrMissingItem.
func (e *IncompleteError) Is(target error) bool { return target == ErrMissingItem }

// itemCheck is one required content and whether it is present.
type itemCheck struct {
	present bool
	item    MissingItem
}

func collect(document string, checks []itemCheck) error {
	var missing []MissingItem
	for _, c := range checks {
		if !c.present {
			missing = append(missing, c.item)
		}
	}
	if missing == nil {
		return nil
	}
	return &IncompleteError{Document: document, Missing: missing}
}

// Blank reports whether s has no visible character. Invisible are spaces,
// control characters, format characters such as the zero-width space, and
// combining marks with no base. So are the Hangul fillers and the blank
// Braille pattern, which fonts draw as nothing. Every rule treats a blank
// required text as missing.
func Blank(s string) bool {
	for _, r := range s {
		// The first visible rune ends the scan. ASCII and the common CJK
		// ideographs (U+4E00 to U+9FFF), which fill most fields, skip the
		// Unicode tables.
		switch {
		case r < utf8.RuneSelf:
			if r > ' ' && r != 0x7f {
				return false
			}
		case r >= 0x4e00 && r <= 0x9fff:
			return false
		case visible(r):
			return false
		}
	}
	return true
}

// visible reports whether a rune outside ASCII shows as a mark of its own.
func visible(r rune) bool {
	switch r {
	case 0x115f, 0x1160, 0x3164, 0xffa0, 0x2800:
		return false // Hangul fillers and the blank Braille pattern
	}
	return unicode.IsGraphic(r) && !unicode.IsSpace(r) && !unicode.In(r, unicode.Mn, unicode.Me)
}

// filled reports whether s has a visible character.
func filled(s string) bool { return !Blank(s) }

func anyFilled(ss []string) bool {
	for _, s := range ss {
		if filled(s) {
			return true
		}
	}
	return false
}

// CheckOpinionLetter checks that l holds every content Art. 10 requires:
// items 1 to 6 always, and the restoration plan, start and deadline when
// restoration is involved. It returns an *IncompleteError listing all that
// is missing. A stated reply period shorter than Params.OpinionReplyWorkdays
// is a *Violation wrapping ErrReplyLimitTooShort, because the letter cannot
// cut the obligor's statutory time (Art. 10(3)).
func (r Rules) CheckOpinionLetter(l OpinionLetter) error {
	if err := r.ready(); err != nil {
		return err
	}
	item := func(n int) Citation { return Art(10).ItemOf(n) }
	restoration := Art(10).Para(2)
	checks := []itemCheck{
		{filled(l.ObligorName), MissingItem{item(1), "obligor's name", "赔偿义务人名称（姓名）"}},
		{filled(l.ObligorAddress), MissingItem{item(1), "obligor's address", "赔偿义务人地址"}},
		{filled(l.Cause), MissingItem{item(2), "cause of the case", "磋商的案由"}},
		{filled(l.DamageFacts), MissingItem{item(2), "main facts of the damage", "主要损害事实"}},
		{anyFilled(l.Evidence), MissingItem{item(2), "evidence", "证据"}},
		{filled(l.RestorationGoal), MissingItem{item(3), "restoration goal", "修复目标"}},
		{filled(l.GoalBasis), MissingItem{item(3), "basis of the restoration goal", "修复目标的依据"}},
		{l.Amount > 0, MissingItem{item(4), "amount of compensation", "损害赔偿金数额"}},
		{filled(l.CalculationBasis), MissingItem{item(4), "basis of calculation", "计算依据"}},
		{filled(l.PerformanceManner), MissingItem{item(5), "manner of performance", "履行赔偿责任的方式"}},
		{l.PerformanceDeadline != 0, MissingItem{item(5), "deadline of performance", "履行期限"}},
		{filled(l.ReplyMethod), MissingItem{item(6), "how to reply", "提交答复意见的方式"}},
		{l.ReplyWorkdays > 0, MissingItem{item(6), "reply period", "提交答复意见的时限"}},
	}
	if l.InvolvesRestoration {
		checks = append(checks,
			itemCheck{filled(l.RestorationPlan), MissingItem{restoration, "restoration plan", "修复方案"}},
			itemCheck{l.RestorationStart != 0, MissingItem{restoration, "start of restoration", "修复启动时间"}},
			itemCheck{l.RestorationDeadline != 0, MissingItem{restoration, "restoration deadline", "修复期限"}},
		)
	}
	err := collect("opinion letter", checks)
	if l.ReplyWorkdays > 0 && l.ReplyWorkdays < r.params.OpinionReplyWorkdays {
		short := violation(Art(10).Para(3), ErrReplyLimitTooShort, "the letter "+
			"gives %d working days to reply; the obligor has %d",
			l.ReplyWorkdays, r.params.OpinionReplyWorkdays)
		err = errors.Join(err, short)
	}
	if l.InvolvesRestoration && l.RestorationStart != 0 &&
		l.RestorationDeadline != 0 && l.RestorationDeadline < l.RestorationStart {
		order := violation(Art(10).Para(2), ErrDateOrder, "restoration deadline "+
			"%s is before its start %s", l.RestorationDeadline, l.RestorationStart)
		err = errors.Join(err, order)
	}
	return err
}

// OpinionReplyDeadline returns the last day for the obligor's reply to the
// opinion letter: stated working days after the day it received the
// letter, where stated is the period the letter gives (Art. 10(1)(6)).
// The letter may give more than Params.OpinionReplyWorkdays but not less
// (Art. 10(3)), so a smaller stated period, or 0 for none, counts as the
// law's.
func (r Rules) OpinionReplyDeadline(received date.Date, stated int) (Deadline, error) {
	return r.workdaysAfter(Art(10).Para(3), received, max(stated, r.params.OpinionReplyWorkdays))
}

// OpinionAnswer is the substance of the obligor's reply to the opinion letter.
type OpinionAnswer uint8

// The answers to an opinion letter.
const (
	// Accept: agrees to compensate as the letter asks (Art. 11).
	Accept OpinionAnswer = iota + 1
	// Object: disagrees and asks to consult (Art. 12).
	Object
	// Refuse: will not compensate or will not consult (Art. 17(1)(1)).
	Refuse
)

// String returns the English name of a.
func (a OpinionAnswer) String() string {
	switch a {
	case Accept:
		return "accept"
	case Object:
		return "object and ask to consult"
	case Refuse:
		return "refuse"
	}
	return "invalid answer"
}

// OpinionReply is the obligor's written reply to the opinion letter.
type OpinionReply struct {
	Reply
	Answer OpinionAnswer
}

// OpinionOutcome is the state of an opinion letter.
type OpinionOutcome uint8

// The outcomes of an opinion letter.
const (
	OpinionPending  OpinionOutcome = iota + 1 // reply period still runs
	OpinionAccepted                           // sign within the period of Art. 11
	OpinionObjected                           // hold a meeting (Art. 12)
	OpinionRefused                            // terminate (Art. 17(1)(1))
	OpinionNoReply                            // terminate (Art. 17(1)(2))
)

// String returns the English name of o.
func (o OpinionOutcome) String() string {
	switch o {
	case OpinionPending:
		return "pending"
	case OpinionAccepted:
		return "accepted"
	case OpinionObjected:
		return "objected"
	case OpinionRefused:
		return "refused"
	case OpinionNoReply:
		return "no reply in time"
	}
	return "invalid outcome"
}

// OpinionDecision is the outcome of an opinion letter on one day.
type OpinionDecision struct {
	Outcome  OpinionOutcome
	Citation Citation
	Deadline Deadline
	Late     bool // a reply arrived after the deadline and was disregarded
}

// OpinionOutcome decides the state on day on of an opinion letter the
// obligor received on received, which stated a reply period of stated
// working days, given its reply (nil if none). A reply counts from the day
// the agency receives it, so a reply posted in time but still in transit
// turns a "no reply" into its answer when it arrives. Only a reply in
// time counts: acceptance obliges the agency to sign (Art. 11),
// an objection to hold a meeting (Art. 12), and a refusal or silence past
// the deadline ends consultation (Art. 17(1)(1) and (2)).
func (r Rules) OpinionOutcome(received date.Date, stated int, reply *OpinionReply, on date.Date) (OpinionDecision, error) {
	d, err := r.OpinionReplyDeadline(received, stated)
	if err != nil {
		return OpinionDecision{}, err
	}
	out := OpinionDecision{Deadline: d}
	var got *Reply
	if reply != nil {
		if err := checkReply(d.Citation, received, reply.Reply); err != nil {
			return OpinionDecision{}, err
		}
		if reply.Answer == 0 {
			return OpinionDecision{}, violation(d.Citation, ErrMissingFact,
				"reply of %s states no answer; record Accept, Object or Refuse",
				reply.Received)
		}
		if reply.Answer > Refuse {
			return OpinionDecision{}, violation(d.Citation, ErrInvalidFact,
				"answer %d of the reply of %s is not Accept, Object or Refuse",
				reply.Answer, reply.Received)
		}
		got = &reply.Reply
	}
	inTime := known(got, on) && r.InTime(reply.Reply, d)
	switch {
	case inTime && reply.Answer == Accept:
		out.Outcome, out.Citation = OpinionAccepted, Art(11)
	case inTime && reply.Answer == Object:
		out.Outcome, out.Citation = OpinionObjected, Art(12).Para(1)
	case inTime:
		out.Outcome, out.Citation = OpinionRefused, Art(17).ItemOf(1)
	case on > d.End:
		out.Outcome, out.Citation = OpinionNoReply, Art(17).ItemOf(2)
		out.Late = known(got, on)
	default:
		out.Outcome, out.Citation = OpinionPending, Art(10).Para(3)
	}
	return out, nil
}

// SigningDeadline returns the last day for the agency to sign the
// agreement after receiving a written acceptance on received:
// Params.SigningWorkdays working days (Art. 11).
func (r Rules) SigningDeadline(received date.Date) (Deadline, error) {
	return r.workdaysAfter(Art(11), received, r.params.SigningWorkdays)
}
