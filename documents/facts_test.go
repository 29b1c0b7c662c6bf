package documents

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestDecodeFactsRejects(t *testing.T) {
	cases := []struct {
		name, data, path, inError string
	}{
		{"field in lower case", `{"damage": "x"}`, "damage", "Damage"},
		{"repeated key", `{"Damage": "x", "Damage": "y"}`, "Damage", `duplicate key "Damage"`},
		{"repeated nested key", `{"Agency": {"Name": "a", "Name": "b"}}`, "Agency.Name", "duplicate key"},
		{"day with slashes", `{"Date": "2026/11/30"}`, "Date", "YYYY-MM-DD"},
		{"day without dashes", `{"Date": "20261130"}`, "Date", "YYYY-MM-DD"},
		{"day and time", `{"Date": "2026-11-30T00:00:00Z"}`, "Date", "YYYY-MM-DD"},
		{"day with a space", `{"Date": "2026-11-30 "}`, "Date", "YYYY-MM-DD"},
		{"day that does not exist", `{"Date": "2026-02-30"}`, "Date", "2026-02-30"},
		{"empty day", `{"Date": ""}`, "Date", "leave the field out"},
		{"not an object", `[]`, "", "not a JSON object"},
	}
	for _, tc := range cases {
		var n NoticeFacts
		err := DecodeFacts([]byte(tc.data), &n)
		var fe *FactsError
		if !errors.As(err, &fe) {
			t.Errorf("%s: error %v, want a *FactsError", tc.name, err)
			continue
		}
		if fe.Path != tc.path {
			t.Errorf("%s: path %q, want %q (%v)", tc.name, fe.Path, tc.path, err)
		}
		if !strings.Contains(err.Error(), tc.inError) {
			t.Errorf("%s: error %q lacks %q", tc.name, err, tc.inError)
		}
		if diff := cmp.Diff(NoticeFacts{}, n); diff != "" {
			t.Errorf("%s: the facts changed on error:\n%s", tc.name, diff)
		}
	}
}

func TestDecodeFactsReads(t *testing.T) {
	var m MinutesFacts
	data := `{"Agency": {"Name": "某局"}, "Attendees": [{"Name": "王某", "Role": "recorder"}],
		"Records": {"1": "核对身份"}}`
	if err := DecodeFacts([]byte(data), &m); err != nil {
		t.Fatal(err)
	}
	want := MinutesFacts{Agency: Agency{Name: "某局"},
		Attendees: []Attendee{{Name: "王某", Role: RoleRecorder}}, Records: map[int]string{1: "核对身份"}}
	if diff := cmp.Diff(want, m); diff != "" {
		t.Errorf("DecodeFacts (-want +got):\n%s", diff)
	}
	var p ProxyFacts
	if err := DecodeFacts([]byte(`{"Day": "2021-11-12", "Act": "agree_and_sign"}`), &p); err != nil {
		t.Fatal(err)
	}
	if p.Day != d(2021, time.November, 12) || p.Act.String() != "agree to terms and sign the agreement" {
		t.Errorf("proxy facts read as %+v", p)
	}
	if err := DecodeFacts([]byte(`{}`), NoticeFacts{}); err == nil {
		t.Error("DecodeFacts into a struct value: no error, want one")
	}
}
