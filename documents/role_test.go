package documents

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestRoleTextRoundTrip(t *testing.T) {
	for r := RoleHost; r <= RoleDepartment; r++ {
		text, err := r.MarshalText()
		if err != nil {
			t.Fatalf("%d.MarshalText: %v", r, err)
		}
		var back Role
		if err := back.UnmarshalText(text); err != nil {
			t.Fatalf("UnmarshalText(%q): %v", text, err)
		}
		if back != r {
			t.Errorf("role %d wrote %q and read back %d", r, text, back)
		}
	}
}

func TestAttendeeRoleInJSON(t *testing.T) {
	data, err := json.Marshal(Attendee{Name: "王某", Role: RoleRecorder})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"Role":"recorder"`) {
		t.Errorf("Attendee JSON %s, want the role written as \"recorder\"", data)
	}
	var a Attendee
	err = json.Unmarshal([]byte(`{"Name":"王某","Role":"chair"}`), &a)
	if err == nil || !strings.Contains(err.Error(), `"chair"`) || !strings.Contains(err.Error(), "recorder") {
		t.Errorf("unknown role: error %v, want one naming \"chair\" and the roles", err)
	}
	if _, err := Role(0).MarshalText(); err == nil {
		t.Error("Role(0).MarshalText: no error, want one")
	}
}
