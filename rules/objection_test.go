package rules

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCheckObjection(t *testing.T) {
	cases := []struct {
		name     string
		evidence []string
		wantErr  bool
	}{
		{"art16 one item", []string{"监测报告"}, false},
		{"art16 blank among filled", []string{" ", "采样记录"}, false},
		{"art16 no evidence", nil, true},
		{"art16 empty list", []string{}, true},
		{"art16 only blanks", []string{"", " \t", "\u3000"}, true},
	}
	for _, tc := range cases {
		err := CheckObjection(Objection{Evidence: tc.evidence})
		if !tc.wantErr {
			if err != nil {
				t.Errorf("%s: unexpected error %v", tc.name, err)
			}
			continue
		}
		checkViolation(t, tc.name, err, ErrNoEvidence, Art(16))
	}
}

func TestObjectionResponses(t *testing.T) {
	cases := []struct {
		name  string
		route AssessmentRoute
		want  []ObjectionResponse
	}{
		{"art16 institution route", RouteInstitution,
			[]ObjectionResponse{ResponseExplanation, ResponseExpertReview}},
		{"art16 expert route", RouteExperts,
			[]ObjectionResponse{ResponseExpertReview}},
	}
	for _, tc := range cases {
		got, err := ObjectionResponses(tc.route)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s: responses (-want +got):\n%s", tc.name, diff)
		}
	}
	_, err := ObjectionResponses(0)
	checkViolation(t, "art16 zero route", err, ErrInvalidFact, Art(16))
}

func TestDecideObjection(t *testing.T) {
	cases := []struct {
		name   string
		route  AssessmentRoute
		upheld bool
		want   ObjectionOutcome
	}{
		{"art16 upheld institution", RouteInstitution, true, ObjectionOutcome{
			Art(16), true, CorrectorOriginalInstitution,
			"objection upheld: the original institution corrects the " +
				"assessment report and issues it again"}},
		{"art16 upheld experts", RouteExperts, true, ObjectionOutcome{
			Art(16), true, CorrectorOriginalExperts,
			"objection upheld: the original experts review their " +
				"opinion and issue it again"}},
		{"art16 rejected institution", RouteInstitution, false, ObjectionOutcome{
			Art(16), false, CorrectorNone,
			"objection rejected: the assessment report remains in force"}},
		{"art16 rejected experts", RouteExperts, false, ObjectionOutcome{
			Art(16), false, CorrectorNone,
			"objection rejected: the expert opinion remains in force"}},
	}
	for _, tc := range cases {
		got, err := DecideObjection(tc.route, tc.upheld)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s: outcome (-want +got):\n%s", tc.name, diff)
		}
	}
	_, err := DecideObjection(7, true)
	checkViolation(t, "art16 unknown route", err, ErrInvalidFact, Art(16))
}
