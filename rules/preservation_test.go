package rules

import (
	"strings"
	"testing"
)

func TestCheckPreservation(t *testing.T) {
	full := PreservationRequest{
		Applicant: "杭州市生态环境局",
		Evidence:  "排污口周边土壤",
		Risk:      "雨季冲刷后污染物将流失",
	}
	cases := []struct {
		name  string
		req   PreservationRequest
		blank []string // fields the message must name, nil if valid
	}{
		{"art23 complete", full, nil},
		{"art23 no applicant", PreservationRequest{"", full.Evidence, full.Risk},
			[]string{"applicant"}},
		{"art23 blank evidence", PreservationRequest{full.Applicant, " ", full.Risk},
			[]string{"evidence"}},
		{"art23 no risk", PreservationRequest{full.Applicant, full.Evidence, ""},
			[]string{"risk of loss"}},
		{"art23 all blank", PreservationRequest{},
			[]string{"applicant", "evidence", "risk of loss"}},
	}
	for _, tc := range cases {
		err := CheckPreservation(tc.req)
		if tc.blank == nil {
			if err != nil {
				t.Errorf("%s: unexpected error %v", tc.name, err)
			}
			continue
		}
		checkViolation(t, tc.name, err, ErrMissingFact, Art(23))
		if err == nil {
			continue
		}
		want := "lacks " + strings.Join(tc.blank, ", ") + ":"
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%s: message %q does not contain %q", tc.name, err, want)
		}
	}
}
