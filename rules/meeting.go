package rules

import (
	"errors"
	"strings"

	"github.com/rickb777/date/v2"
)

// MeetingPlan holds the arrangements the agency fixes before a consultation meeting
// (Art. 12).
type MeetingPlan struct {
	Host     string   // 主持人
	Recorder string   // 记录员
	Invitees []string // 受邀参与磋商人; may be empty
	Date     date.Date
	// Place is a room, or Online is the link of an online meeting, which
	// the measures encourage (Art. 12(3)); one of them is needed.
	Place  string
	Online string
	// ObligorNotified is the day the obligor was notified of the meeting.
	ObligorNotified date.Date
	// LegalPersonObligor marks an obligor that is a legal person or other
	// organization, which must name an authorized representative.
	LegalPersonObligor bool
	Representative     string
}

// CheckMeetingPlan checks that a meeting has a host, a recorder, a date,
// a place or link, that the obligor was notified before the meeting day
// (Art. 12(1)), and that a legal-person obligor has named its authorized
// representative (Art. 12(3)). It returns an *IncompleteError for what is
// missing, joined with a *Violation if the obligor was notified too late.
func CheckMeetingPlan(p MeetingPlan) error {
	c := Art(12).Para(1)
	checks := []itemCheck{
		{filled(p.Host), MissingItem{c, "host", "主持人"}},
		{filled(p.Recorder), MissingItem{c, "recorder", "记录员"}},
		{p.Date != 0, MissingItem{c, "meeting date", "磋商时间"}},
		{filled(p.Place) || filled(p.Online), MissingItem{c, "place or online link", "磋商地点"}},
		{p.ObligorNotified != 0, MissingItem{c, "notice to the obligor", "提前告知赔偿义务人"}},
	}
	if p.LegalPersonObligor {
		checks = append(checks, itemCheck{filled(p.Representative),
			MissingItem{Art(12).Para(3), "authorized representative", "授权代表"}})
	}
	err := collect("meeting plan", checks)
	if p.Date != 0 && p.ObligorNotified != 0 && p.ObligorNotified >= p.Date {
		err = errors.Join(err, violation(c, ErrDateOrder, "the obligor was notified "+
			"on %s of a meeting on %s; notify it before the meeting day",
			p.ObligorNotified, p.Date))
	}
	return err
}

// A MeetingStep is one step of the order of a consultation meeting.
type MeetingStep struct {
	Citation Citation
	English  string
	Chinese  string
}

// MeetingSteps returns the order of a consultation meeting (Art. 14):
// eight steps, or, when the meeting is simplified to the points in
// dispute, the checks of attendance, the opening, the negotiation and the
// signing of the minutes. Which steps a simplified meeting keeps is this
// package's reading: the measures let it go straight to the disputes but
// still need the record to be checked and signed.
func MeetingSteps(simplified bool) []MeetingStep {
	all := []MeetingStep{
		{Art(14).ItemOf(1), "recorder checks identities and attendance, reads the rules, introduces host and participants", "核对身份和到会情况，宣布会议纪律，介绍主持人和参会人"},
		{Art(14).ItemOf(2), "host opens the meeting, states the cause, tells the parties their rights and duties", "主持人宣布开始，介绍案由，告知权利义务"},
		{Art(14).ItemOf(3), "agency presents the investigation and assessment, its proposal and evidence", "赔偿权利人陈述调查评估情况、发表赔偿意见、出示证据"},
		{Art(14).ItemOf(4), "assessment institution or expert panel explains its findings", "鉴定评估机构或专家组说明鉴定评估或论证情况"},
		{Art(14).ItemOf(5), "obligor states its case", "赔偿义务人陈述并发表意见"},
		{Art(14).ItemOf(6), "invitees give their views", "受邀参与磋商人发表意见"},
		{Art(14).ItemOf(7), "parties negotiate facts, restoration goal, amount, manner and deadlines", "双方就具体问题平等磋商"},
		{Art(14).ItemOf(8), "attendees check and sign the minutes; the host notes any refusal to sign", "参会各方核对签字，拒签的由主持人写明情况"},
	}
	if !simplified {
		return all
	}
	return []MeetingStep{all[0], all[1], all[6], all[7]}
}

// Minutes records who attended a meeting and who signed its record.
type Minutes struct {
	Attendees []string
	Signed    []string
	// HostNote is the host's note on anyone who refused to sign.
	HostNote string
}

// CheckMinutes checks that the minutes list their attendees, that every
// attendee signed them or the host noted the refusal, and that nobody who
// did not attend signed, before the record is filed (Art. 14(1)(8)).
func CheckMinutes(m Minutes) error {
	c := Art(14).ItemOf(8)
	attended := map[string]bool{}
	for _, a := range m.Attendees {
		if !filled(a) {
			return violation(c, ErrMissingFact, "an attendee has no name")
		}
		attended[strings.TrimSpace(a)] = true
	}
	if len(attended) == 0 {
		return violation(c, ErrMissingFact, "the minutes list no attendees")
	}
	signed := map[string]bool{}
	for _, s := range m.Signed {
		if !attended[strings.TrimSpace(s)] {
			return violation(c, ErrInvalidFact, "%q signed but is not listed as "+
				"an attendee", s)
		}
		signed[strings.TrimSpace(s)] = true
	}
	var unsigned []string
	for _, a := range m.Attendees {
		if !signed[strings.TrimSpace(a)] {
			unsigned = append(unsigned, a)
		}
	}
	if len(unsigned) > 0 && !filled(m.HostNote) {
		return violation(c, ErrMissingItem, "%s did not sign; "+
			"the host must note why before the minutes are filed",
			strings.Join(unsigned, ", "))
	}
	return nil
}

// Designation is the agency's decision that a case is major, complex or
// difficult (重大、复杂、疑难), which allows one more round (Art. 15).
type Designation struct {
	On     date.Date
	Reason string
}

// Designate records a designation made on day on. The reason is required,
// because the extra round rests on it.
func Designate(on date.Date, reason string) (Designation, error) {
	if on == 0 {
		return Designation{}, violation(Art(15), ErrMissingFact, "give the day "+
			"of the designation")
	}
	if !filled(reason) {
		return Designation{}, violation(Art(15), ErrReasonRequired, "record "+
			"why the case is major, complex or difficult")
	}
	return Designation{On: on, Reason: reason}, nil
}

// RoundFacts are the facts for deciding on another consultation meeting.
type RoundFacts struct {
	// Held is the number of meetings already held without agreement.
	Held int
	// LastMeeting is the day of the last of them.
	LastMeeting date.Date
	// Designation, if any, made before the proposed round.
	Designation *Designation
	// Proposed is the day agreed for the next meeting.
	Proposed date.Date
	// Reason is the recorded reason for a gap longer than the default.
	Reason string
}

// RoundDecision allows another meeting.
type RoundDecision struct {
	Round int // the number of the next meeting
	// Latest is the last day of the default gap after the last meeting.
	Latest Deadline
	// Warning is set when the proposed day is later than Latest.
	Warning *Warning
}

// MaxRounds returns the number of meetings a case may have: Params.MaxRounds,
// or Params.MaxRoundsDesignated for a designated case (Art. 15).
func (r Rules) MaxRounds(designated bool) int {
	if designated {
		return r.params.MaxRoundsDesignated
	}
	return r.params.MaxRounds
}

// NextRound decides whether another meeting may be held (Art. 15). The
// limit is mandatory: past it the consultation ends (Art. 17(1)(5)). The
// gap of Params.RoundGapWorkdays working days is a default: a later
// meeting needs a recorded reason and comes with a Warning. A designation
// raises the limit only if it was made by the day of the last ordinary
// meeting, which otherwise ends the consultation (see TerminationGrounds).
func (r Rules) NextRound(f RoundFacts) (RoundDecision, error) {
	if err := r.ready(); err != nil {
		return RoundDecision{}, err
	}
	c := Art(15)
	designated := f.Designation != nil && filled(f.Designation.Reason) &&
		f.Designation.On <= f.Proposed &&
		(f.Held < r.params.MaxRounds || f.Designation.On <= f.LastMeeting)
	limit := r.MaxRounds(designated)
	switch {
	case f.Held < 1:
		return RoundDecision{}, violation(c, ErrMissingFact, "no meeting held "+
			"yet; a first meeting follows an objection (Art. 12)")
	case f.Held >= limit && f.Designation != nil && !designated && f.Held < r.params.MaxRoundsDesignated:
		return RoundDecision{}, violation(c, ErrRoundLimit, "%d meetings held "+
			"and the limit is %d: the designation of %s came after the last "+
			"ordinary meeting on %s, which ended the consultation (Art. 17(1)(5)), "+
			"or it has no reason", f.Held, limit, dateString(f.Designation.On), f.LastMeeting)
	case f.Held >= limit:
		return RoundDecision{}, violation(c, ErrRoundLimit, "%d meetings held "+
			"and the limit is %d; consultation ends (Art. 17(1)(5))", f.Held, limit)
	case f.Proposed <= f.LastMeeting:
		return RoundDecision{}, violation(c, ErrDateOrder, "next meeting %s is "+
			"not after the last one on %s", dateString(f.Proposed), f.LastMeeting)
	}
	latest, err := r.workdaysAfter(c, f.LastMeeting, r.params.RoundGapWorkdays)
	if err != nil {
		return RoundDecision{}, err
	}
	out := RoundDecision{Round: f.Held + 1, Latest: latest}
	if f.Proposed > latest.End {
		if !filled(f.Reason) {
			return RoundDecision{}, violation(c, ErrReasonRequired, "meeting on "+
				"%s is after %s, the end of the usual gap of %d working days; "+
				"record the reason for the longer gap", f.Proposed, latest.End,
				r.params.RoundGapWorkdays)
		}
		out.Warning = &Warning{Citation: c, Reason: f.Reason,
			Message: "meeting on " + f.Proposed.String() + " is later than the usual gap, which ends " + latest.End.String()}
	}
	return out, nil
}
