package rules

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"
)

// proxyCase is the matter that the test papers entrust.
const proxyCase = "杭环磋〔2024〕3号"

// completeProxyPapers returns papers for obligor type o, all received on
// 2024-05-06, with a power of attorney for proxyCase from 2024-05-01 to
// 2024-06-30 and general powers.
func completeProxyPapers(o ObligorType) ProxyPapers {
	got := factsDay(2024, 5, 6)
	p := ProxyPapers{
		Obligor:     o,
		ProxyIDCopy: got,
		PowerOfAttorney: PowerOfAttorney{
			Received: got,
			Matters:  []string{proxyCase},
			From:     factsDay(2024, 5, 1),
			Until:    factsDay(2024, 6, 30),
			Powers:   AttorneyPowers{General: true},
		},
	}
	if o == ObligorNaturalPerson {
		p.ObligorIDCopy = got
	} else {
		p.OrganizationLicence = got
		p.RepresentativeIDCopy = got
	}
	return p
}

// proxyDefects reduces problems to item and defect pairs for comparison.
type proxyDefect struct {
	Item   ProxyItem
	Defect ProxyDefect
}

func proxyDefects(c ProxyCheck) []proxyDefect {
	var out []proxyDefect
	for _, p := range c.Problems {
		out = append(out, proxyDefect{p.Item, p.Defect})
	}
	return out
}

func TestCheckProxy(t *testing.T) {
	meeting := ProxyRequest{ActAttendMeeting, proxyCase, factsDay(2024, 5, 10)}
	sign := ProxyRequest{ActAgreeAndSign, proxyCase, factsDay(2024, 5, 10)}
	cases := []struct {
		name   string
		papers func() ProxyPapers
		req    ProxyRequest
		want   []proxyDefect
	}{
		{"art13 natural person complete", func() ProxyPapers {
			return completeProxyPapers(ObligorNaturalPerson)
		}, meeting, nil},
		{"art13 legal person complete", func() ProxyPapers {
			return completeProxyPapers(ObligorLegalPerson)
		}, meeting, nil},
		{"art13 other organization complete", func() ProxyPapers {
			return completeProxyPapers(ObligorOtherOrganization)
		}, meeting, nil},
		{"art13 nothing received natural", func() ProxyPapers {
			return ProxyPapers{Obligor: ObligorNaturalPerson}
		}, meeting, []proxyDefect{
			{ProxyObligorIDCopy, DefectMissing},
			{ProxyPowerOfAttorney, DefectMissing},
			{ProxyIDCardCopy, DefectMissing},
		}},
		{"art13 nothing received legal", func() ProxyPapers {
			return ProxyPapers{Obligor: ObligorLegalPerson}
		}, meeting, []proxyDefect{
			{ProxyBusinessLicence, DefectMissing},
			{ProxyRepresentativeIDCopy, DefectMissing},
			{ProxyPowerOfAttorney, DefectMissing},
			{ProxyIDCardCopy, DefectMissing},
		}},
		{"art13 other organization names", func() ProxyPapers {
			return ProxyPapers{Obligor: ObligorOtherOrganization,
				PowerOfAttorney: completeProxyPapers(ObligorLegalPerson).PowerOfAttorney,
				ProxyIDCopy:     factsDay(2024, 5, 6)}
		}, meeting, []proxyDefect{
			{ProxyRegistrationCertificate, DefectMissing},
			{ProxyPrincipalIDCopy, DefectMissing},
		}},
		{"art13 received same day", func() ProxyPapers {
			p := completeProxyPapers(ObligorLegalPerson)
			p.ProxyIDCopy = factsDay(2024, 5, 10)
			return p
		}, meeting, nil},
		{"art13 received day after", func() ProxyPapers {
			p := completeProxyPapers(ObligorLegalPerson)
			p.ProxyIDCopy = factsDay(2024, 5, 11)
			p.PowerOfAttorney.Received = factsDay(2024, 5, 11)
			return p
		}, meeting, []proxyDefect{
			{ProxyPowerOfAttorney, DefectLate},
			{ProxyIDCardCopy, DefectLate},
		}},
		{"art13 period first day included", func() ProxyPapers {
			p := completeProxyPapers(ObligorNaturalPerson)
			p.PowerOfAttorney.From = factsDay(2024, 5, 10)
			return p
		}, meeting, nil},
		{"art13 period last day included", func() ProxyPapers {
			p := completeProxyPapers(ObligorNaturalPerson)
			p.PowerOfAttorney.Until = factsDay(2024, 5, 10)
			return p
		}, meeting, nil},
		{"art13 period over", func() ProxyPapers {
			p := completeProxyPapers(ObligorNaturalPerson)
			p.PowerOfAttorney.Until = factsDay(2024, 5, 9)
			p.PowerOfAttorney.From = factsDay(2024, 5, 1)
			return p
		}, meeting, []proxyDefect{{ProxyPeriod, DefectNotCovered}}},
		{"art13 period not started", func() ProxyPapers {
			p := completeProxyPapers(ObligorNaturalPerson)
			p.PowerOfAttorney.From = factsDay(2024, 5, 11)
			return p
		}, meeting, []proxyDefect{{ProxyPeriod, DefectNotCovered}}},
		{"art13 period reversed", func() ProxyPapers {
			p := completeProxyPapers(ObligorNaturalPerson)
			p.PowerOfAttorney.From = factsDay(2024, 7, 1)
			return p
		}, meeting, []proxyDefect{{ProxyPeriod, DefectInvalid}}},
		{"art13 period unstated", func() ProxyPapers {
			p := completeProxyPapers(ObligorNaturalPerson)
			p.PowerOfAttorney.Until = date.Zero
			return p
		}, meeting, []proxyDefect{{ProxyPeriod, DefectMissing}}},
		{"art13 other matter", func() ProxyPapers {
			p := completeProxyPapers(ObligorNaturalPerson)
			p.PowerOfAttorney.Matters = []string{"另一案件"}
			return p
		}, meeting, []proxyDefect{{ProxyMattersEntrusted, DefectNotCovered}}},
		{"art13 matter padded", func() ProxyPapers {
			p := completeProxyPapers(ObligorNaturalPerson)
			p.PowerOfAttorney.Matters = []string{"", " " + proxyCase + " "}
			return p
		}, meeting, nil},
		{"art13 matters blank", func() ProxyPapers {
			p := completeProxyPapers(ObligorNaturalPerson)
			p.PowerOfAttorney.Matters = []string{" ", ""}
			return p
		}, meeting, []proxyDefect{{ProxyMattersEntrusted, DefectMissing}}},
		{"art13 no powers", func() ProxyPapers {
			p := completeProxyPapers(ObligorNaturalPerson)
			p.PowerOfAttorney.Powers = AttorneyPowers{}
			return p
		}, meeting, []proxyDefect{{ProxyPowersGranted, DefectMissing}}},
		{"art13 sign with general powers", func() ProxyPapers {
			return completeProxyPapers(ObligorLegalPerson)
		}, sign, []proxyDefect{{ProxyPowersGranted, DefectNotCovered}}},
		{"art13 sign granted by name", func() ProxyPapers {
			p := completeProxyPapers(ObligorLegalPerson)
			p.PowerOfAttorney.Powers.Acts = []ProxyAct{ActAgreeAndSign}
			return p
		}, sign, nil},
		{"art13 listed acts only", func() ProxyPapers {
			p := completeProxyPapers(ObligorLegalPerson)
			p.PowerOfAttorney.Powers = AttorneyPowers{
				Acts: []ProxyAct{ActReceiveDocuments}}
			return p
		}, meeting, []proxyDefect{{ProxyPowersGranted, DefectNotCovered}}},
		{"art13 many problems at once", func() ProxyPapers {
			p := completeProxyPapers(ObligorLegalPerson)
			p.RepresentativeIDCopy = date.Zero
			p.PowerOfAttorney.Matters = nil
			p.PowerOfAttorney.From = factsDay(2024, 6, 1)
			return p
		}, sign, []proxyDefect{
			{ProxyRepresentativeIDCopy, DefectMissing},
			{ProxyMattersEntrusted, DefectMissing},
			{ProxyPeriod, DefectNotCovered},
			{ProxyPowersGranted, DefectNotCovered},
		}},
	}
	for _, tc := range cases {
		check, err := CheckProxy(tc.papers(), tc.req)
		if diff := cmp.Diff(tc.want, proxyDefects(check)); diff != "" {
			t.Errorf("%s: problems (-want +got):\n%s", tc.name, diff)
		}
		if tc.want == nil {
			if err != nil {
				t.Errorf("%s: unexpected error %v", tc.name, err)
			}
			continue
		}
		checkViolation(t, tc.name, err, ErrProxy, Art(13))
	}
}

func TestCheckProxyMessage(t *testing.T) {
	// Art. 13: the message names each item in English and Chinese, and
	// the request.
	p := completeProxyPapers(ObligorLegalPerson)
	p.OrganizationLicence = date.Zero
	req := ProxyRequest{ActAgreeAndSign, proxyCase, factsDay(2024, 5, 10)}
	_, err := CheckProxy(p, req)
	if err == nil {
		t.Fatal("CheckProxy accepted papers without a business licence")
	}
	for _, want := range []string{"business licence (营业执照): missing",
		"powers granted (委托权限)", "2024-05-10", proxyCase, "Art. 13"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q does not mention %q", err, want)
		}
	}
}

func TestCheckProxyInvalidRequest(t *testing.T) {
	papers := completeProxyPapers(ObligorNaturalPerson)
	day := factsDay(2024, 5, 10)
	cases := []struct {
		name   string
		papers ProxyPapers
		req    ProxyRequest
	}{
		{"art13 zero obligor type", ProxyPapers{},
			ProxyRequest{ActAttendMeeting, proxyCase, day}},
		{"art13 unknown act", papers, ProxyRequest{99, proxyCase, day}},
		{"art13 zero act", papers, ProxyRequest{0, proxyCase, day}},
		{"art13 zero day", papers, ProxyRequest{ActAttendMeeting, proxyCase, date.Zero}},
		{"art13 blank matter", papers, ProxyRequest{ActAttendMeeting, "  ", day}},
	}
	for _, tc := range cases {
		_, err := CheckProxy(tc.papers, tc.req)
		checkViolation(t, tc.name, err, ErrInvalidFact, Art(13))
	}
}

func TestProxyNames(t *testing.T) {
	// Art. 13: every checklist item, defect and act has both names.
	for i := ProxyObligorIDCopy; i <= ProxyIDCardCopy; i++ {
		if strings.HasPrefix(i.String(), "unknown") || i.Chinese() == "" {
			t.Errorf("item %d lacks a name: %q %q", i, i, i.Chinese())
		}
	}
	for d := DefectMissing; d <= DefectInvalid; d++ {
		if strings.HasPrefix(d.String(), "unknown") || d.Chinese() == "" {
			t.Errorf("defect %d lacks a name: %q %q", d, d, d.Chinese())
		}
	}
	for a := ActReplyToNotice; a <= ActReceiveDocuments; a++ {
		if strings.HasPrefix(a.String(), "unknown") || a.Chinese() == "" {
			t.Errorf("act %d lacks a name: %q %q", a, a, a.Chinese())
		}
	}
}

// drawProxyCase draws papers and a request that may or may not pass.
func drawProxyCase(t *rapid.T) (ProxyPapers, ProxyRequest) {
	base := factsDay(2024, 5, 1)
	day := func(label string) date.Date {
		if rapid.Bool().Draw(t, label+"Zero") {
			return date.Zero
		}
		return base + date.Date(rapid.IntRange(0, 20).Draw(t, label))
	}
	p := ProxyPapers{
		Obligor:              ObligorType(rapid.IntRange(1, 3).Draw(t, "obligor")),
		ObligorIDCopy:        day("obligorID"),
		OrganizationLicence:  day("licence"),
		RepresentativeIDCopy: day("representativeID"),
		ProxyIDCopy:          day("proxyID"),
		PowerOfAttorney: PowerOfAttorney{
			Received: day("received"),
			Matters: rapid.SliceOfN(rapid.SampledFrom(
				[]string{proxyCase, "其他", " "}), 0, 2).Draw(t, "matters"),
			From:  day("from"),
			Until: day("until"),
			Powers: AttorneyPowers{
				General: rapid.Bool().Draw(t, "general"),
				Acts: rapid.SliceOfN(rapid.SampledFrom([]ProxyAct{
					ActAttendMeeting, ActAgreeAndSign}), 0, 2).Draw(t, "acts"),
			},
		},
	}
	r := ProxyRequest{
		Act:    ProxyAct(rapid.IntRange(1, 6).Draw(t, "act")),
		Matter: proxyCase,
		Day:    base + date.Date(rapid.IntRange(0, 20).Draw(t, "day")),
	}
	return p, r
}

func TestCheckProxyErrorMatchesCheck(t *testing.T) {
	// Art. 13: the error is nil exactly when no problem is listed.
	rapid.Check(t, func(t *rapid.T) {
		p, r := drawProxyCase(t)
		c, err := CheckProxy(p, r)
		if (err == nil) != c.OK() {
			t.Fatalf("err = %v but OK() = %v, problems %v", err, c.OK(), c.Problems)
		}
		if err != nil {
			checkViolation(t, "proxy property", err, ErrProxy, Art(13))
		}
	})
}

func TestCheckProxyRemovingPaperKeepsProblems(t *testing.T) {
	// Art. 13: taking a paper away never clears a problem of another
	// item, and the removed paper's item is then listed as missing.
	rapid.Check(t, func(t *rapid.T) {
		p, r := drawProxyCase(t)
		before, _ := CheckProxy(p, r)
		q := p
		q.ProxyIDCopy = date.Zero
		after, _ := CheckProxy(q, r)
		for _, b := range before.Problems {
			if b.Item == ProxyIDCardCopy {
				continue
			}
			if !hasProxyProblem(after, b.Item, b.Defect) {
				t.Fatalf("problem %v cleared by removing a paper", b)
			}
		}
		if !hasProxyProblem(after, ProxyIDCardCopy, DefectMissing) {
			t.Fatalf("removed ID card copy not listed: %v", after.Problems)
		}
	})
}

func hasProxyProblem(c ProxyCheck, item ProxyItem, d ProxyDefect) bool {
	for _, p := range c.Problems {
		if p.Item == item && p.Defect == d {
			return true
		}
	}
	return false
}

func TestCheckProxyCompleteAlwaysPasses(t *testing.T) {
	// Art. 13: complete papers received in time pass for every ordinary
	// act on every day of the period.
	rapid.Check(t, func(t *rapid.T) {
		o := ObligorType(rapid.IntRange(1, 3).Draw(t, "obligor"))
		act := rapid.SampledFrom([]ProxyAct{ActReplyToNotice, ActReplyToOpinion,
			ActAttendMeeting, ActObjectToAssessment, ActReceiveDocuments}).Draw(t, "act")
		p := completeProxyPapers(o)
		day := factsDay(2024, 5, 6) + date.Date(rapid.IntRange(0, 55).Draw(t, "offset"))
		c, err := CheckProxy(p, ProxyRequest{act, proxyCase, day})
		if err != nil || !c.OK() {
			t.Fatalf("%s on %s: %v", act, day, err)
		}
	})
}
