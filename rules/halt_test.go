package rules

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestHalt(t *testing.T) {
	grounds := []HaltGround{
		{ConductFalseMaterials, "伪造监测数据"},
		{ConductInterference, ""},
		{ConductOtherUnlawful, "威胁评估人员"},
	}
	got, err := Halt(grounds...)
	if err != nil {
		t.Fatalf("art24 valid grounds: %v", err)
	}
	want := HaltDecision{
		Citation: Art(24),
		Grounds:  grounds,
		EndsCase: true,
		Referral: "hand the matter to the competent department to deal " +
			"with under the law",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("art24 decision (-want +got):\n%s", diff)
	}
	grounds[0].Description = "changed"
	if got.Grounds[0].Description != "伪造监测数据" {
		t.Errorf("art24 decision shares the caller's slice: %q",
			got.Grounds[0].Description)
	}
}

func TestHaltErrors(t *testing.T) {
	cases := []struct {
		name    string
		grounds []HaltGround
		wantErr error
	}{
		{"art24 no ground", nil, ErrMissingFact},
		{"art24 empty ground", []HaltGround{{}}, ErrMissingFact},
		{"art24 empty second ground",
			[]HaltGround{{ConductInterference, ""}, {}}, ErrMissingFact},
		{"art24 unknown conduct", []HaltGround{{Conduct: 9}}, ErrInvalidFact},
		{"art24 other without description",
			[]HaltGround{{ConductOtherUnlawful, "  "}}, ErrReasonRequired},
	}
	for _, tc := range cases {
		_, err := Halt(tc.grounds...)
		checkViolation(t, tc.name, err, tc.wantErr, Art(24))
	}
}
