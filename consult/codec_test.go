package consult

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"
)

// TestLogJSONRoundTrip checks that a generated log, written as a Log and
// read back with ReadLog, gives the same events, and that each event does
// the same through MarshalEvent and UnmarshalEvent.
func TestLogJSONRoundTrip(t *testing.T) {
	g := Default()
	rapid.Check(t, func(t *rapid.T) {
		log := generatedLog(t, g, machineMaxEvents)
		data, err := json.Marshal(Log{Events: log})
		if err != nil {
			t.Fatalf("json.Marshal(Log): %v", err)
		}
		got, err := ReadLog(data)
		if err != nil {
			t.Fatalf("ReadLog: %v\n%s", err, data)
		}
		if got.Version != Version {
			t.Fatalf("ReadLog version %d, want %d", got.Version, Version)
		}
		// An empty log reads back as an empty, not a nil, slice.
		if diff := cmp.Diff(log, got.Events, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("ReadLog(json.Marshal(log)) differs (-want +got):\n%s", diff)
		}
		for i, e := range log {
			b, err := MarshalEvent(e)
			if err != nil {
				t.Fatalf("MarshalEvent(event %d, %s): %v", i, e.Type(), err)
			}
			back, err := UnmarshalEvent(b)
			if err != nil {
				t.Fatalf("UnmarshalEvent(%s): %v", b, err)
			}
			if diff := cmp.Diff(e, back); diff != "" {
				t.Fatalf("event %d through MarshalEvent and UnmarshalEvent (-want +got):\n%s", i, diff)
			}
		}
	})
}

// TestCaseJSONRoundTrip checks that DecodeCase rebuilds a generated case
// from its JSON, and from the JSON of its bare log.
func TestCaseJSONRoundTrip(t *testing.T) {
	g := Default()
	rapid.Check(t, func(t *rapid.T) {
		c := runGenerated(t, g, machineMaxEvents, nil)
		data, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("json.Marshal(Case): %v", err)
		}
		got, err := g.DecodeCase(data)
		if len(c.Events) == 0 {
			// A case no event opened has nothing to rebuild.
			if !errors.Is(err, ErrEmptyCase) {
				t.Fatalf("DecodeCase of an empty case: %v, want ErrEmptyCase", err)
			}
			return
		}
		if err != nil {
			t.Fatalf("DecodeCase: %v\n%s", err, data)
		}
		if diff := cmp.Diff(c, got); diff != "" {
			t.Fatalf("DecodeCase(json.Marshal(c)) differs (-want +got):\n%s", diff)
		}
		logData, err := json.Marshal(Log{Events: c.Events})
		if err != nil {
			t.Fatalf("json.Marshal(Log): %v", err)
		}
		got, err = g.DecodeCase(logData)
		if err != nil {
			t.Fatalf("DecodeCase of a bare log: %v\n%s", err, logData)
		}
		if diff := cmp.Diff(c, got); diff != "" {
			t.Fatalf("DecodeCase of a bare log differs (-want +got):\n%s", diff)
		}
	})
}

// codecEvent is a valid event in JSON, which the rejection cases below
// alter one field at a time.
const codecEvent = `{"type":"notice_replied","date":"2024-04-15","actor":"obligor","consent":true,"delivery":"by_hand"}`

func TestReadLogRejects(t *testing.T) {
	withEvent := func(event string) string {
		return `{"version":1,"events":[` + codecEvent + `,` + event + `]}`
	}
	tests := []struct {
		name string
		data string
		// want lists the words the error must contain: the index of the
		// event and the name of what is wrong.
		want []string
	}{
		{"unknown type", withEvent(`{"type":"meeting_cancelled","date":"2024-04-16","actor":"agency"}`),
			[]string{"event 1", "meeting_cancelled", "unknown event type"}},
		{"unknown field", withEvent(strings.Replace(codecEvent, `"consent"`, `"venue":"x","consent"`, 1)),
			[]string{"event 1", "notice_replied", `unknown field "venue"`}},
		{"unknown field in a step", withEvent(`{"type":"agreement_signed","date":"2024-06-05",` +
			`"actor":"agency","effective":"2024-06-05","amount_fen":100,` +
			`"steps":[{"description":"pay","due":"2024-06-30","colour":"red"}]}`),
			[]string{"event 1", "agreement_signed", `unknown field "colour"`}},
		{"string for a bool", withEvent(strings.Replace(codecEvent, `"consent":true`, `"consent":"yes"`, 1)),
			[]string{"event 1", "notice_replied", "consent"}},
		{"number for a date", withEvent(strings.Replace(codecEvent, `"2024-04-15"`, `20240415`, 1)),
			[]string{"event 1", "notice_replied", "date"}},
		{"string for an amount", withEvent(`{"type":"opinion_served","date":"2024-04-22",` +
			`"actor":"agency","amount_fen":"1860000","reply_workdays":7}`),
			[]string{"event 1", "opinion_served", "amount_fen"}},
		{"unknown actor", withEvent(strings.Replace(codecEvent, `"obligor"`, `"robot"`, 1)),
			[]string{"event 1", "notice_replied", `actor "robot"`}},
		{"unknown delivery", withEvent(strings.Replace(codecEvent, `"by_hand"`, `"fax"`, 1)),
			[]string{"event 1", "notice_replied", `delivery "fax"`}},
		{"missing type", withEvent(`{"date":"2024-04-16","actor":"agency"}`),
			[]string{"event 1", `"type"`}},
		{"type not a string", withEvent(`{"type":7,"date":"2024-04-16","actor":"agency"}`),
			[]string{"event 1", `"type"`}},
		{"event not an object", withEvent(`["notice_replied"]`),
			[]string{"event 1", "not a JSON object"}},
		{"wrong version", `{"version":2,"events":[` + codecEvent + `]}`,
			[]string{"version 2", "version 1"}},
		{"missing version", `{"events":[` + codecEvent + `]}`,
			[]string{`missing field "version"`, `"version":1`}},
		{"unknown top-level field", `{"version":1,"events":[],"case":"x"}`,
			[]string{`unknown field "case"`}},
	}
	for _, tc := range tests {
		_, err := ReadLog([]byte(tc.data))
		if err == nil {
			t.Errorf("%s: ReadLog accepted %s", tc.name, tc.data)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q does not contain %q", tc.name, err, w)
			}
		}
	}
}

// TestUnmarshalEventRejectsImpossibleDate checks that a day that does
// not exist is rejected, not moved to another day.
func TestUnmarshalEventRejectsImpossibleDate(t *testing.T) {
	for _, day := range []string{"2024-02-30", "2024-13-45", "2023-04-31"} {
		data := strings.Replace(codecEvent, "2024-04-15", day, 1)
		e, err := UnmarshalEvent([]byte(data))
		if err == nil {
			t.Errorf("UnmarshalEvent accepted date %s as %s", day, e.Head().Date)
		}
	}
}

func TestDecodeCaseRejects(t *testing.T) {
	c, err := Default().Replay(benchmarkLog())
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		t.Fatal(err)
	}
	with := func(key, value string) []byte {
		out := map[string]json.RawMessage{}
		for k, v := range fields {
			out[k] = v
		}
		if value == "" {
			delete(out, key)
		} else {
			out[key] = json.RawMessage(value)
		}
		b, err := json.Marshal(out)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name string
		data []byte
		want []string
	}{
		{"stored stage differs", with("stage", `"performed"`),
			[]string{"stored stage performed", "confirmed"}},
		{"no events", with("events", ""), []string{`"events"`}},
		{"wrong version", with("version", "2"), []string{"version 2"}},
		{"event out of order", with("events", `[`+string(mustMarshalEvent(t, benchmarkLog()[0]))+
			`,{"type":"procuratorate_informed","date":"2024-03-01","actor":"agency"}]`),
			[]string{"event 1", "procuratorate_informed", "out of date order"}},
		{"not JSON", []byte(`{"version":1,`), []string{"case"}},
	}
	for _, tc := range tests {
		_, err := Default().DecodeCase(tc.data)
		if err == nil {
			t.Errorf("%s: DecodeCase accepted %s", tc.name, tc.data)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q does not contain %q", tc.name, err, w)
			}
		}
	}
}

func mustMarshalEvent(t testing.TB, e Event) []byte {
	t.Helper()
	b, err := MarshalEvent(e)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// addEventSeeds adds the JSON of every event of benchmarkLog, each after
// the events before it, and of the events of the stored real cases, to
// f's corpus.
func addEventSeeds(f *testing.F) {
	for i, e := range benchmarkLog() {
		f.Add(mustMarshalEvent(f, e), uint8(i))
	}
	for _, log := range storedLogs(f) {
		l, err := ReadLog(log)
		if err != nil {
			f.Fatal(err)
		}
		for _, e := range l.Events {
			f.Add(mustMarshalEvent(f, e), uint8(0))
		}
	}
	f.Add([]byte(codecEvent), uint8(7))
	f.Add([]byte(`{"type":"notice_replied","date":"2024-04-15","actor":"obligor","consent":true}`), uint8(7))
	for _, e := range strictSeedEvents() {
		f.Add([]byte(e), uint8(7))
	}
}

// storedLogs returns the event logs stored under testdata/cases.
func storedLogs(f *testing.F) [][]byte {
	paths, err := filepath.Glob(filepath.Join("testdata", "cases", "*.json"))
	if err != nil {
		f.Fatal(err)
	}
	var logs [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		logs = append(logs, b)
	}
	return logs
}

// unwritable reports whether e contains a zero Actor, Delivery or
// OpinionAnswer, which MarshalEvent rejects.
//
// NOTE: UnmarshalEvent leaves these fields zero when the JSON omits them,
// so an event it reads may fail to write back. Apply rejects every such
// event, so no case contains one.
func unwritable(e Event) bool {
	v := reflect.ValueOf(e)
	if v.Field(0).Interface().(Header).Actor == 0 {
		return true
	}
	for i := range v.NumField() {
		switch x := v.Field(i).Interface().(type) {
		case rules.Delivery:
			if x == 0 {
				return true
			}
		case rules.OpinionAnswer:
			if x == 0 {
				return true
			}
		}
	}
	return false
}

// checkReadBack checks that an event read from JSON writes back to JSON
// that reads as the same event. JSON cannot tell an empty list from a
// missing one, so the comparison treats them as equal.
func checkReadBack(t *testing.T, e Event) {
	b, err := MarshalEvent(e)
	if err != nil {
		if unwritable(e) {
			return
		}
		t.Fatalf("MarshalEvent of a decoded %T: %v", e, err)
	}
	back, err := UnmarshalEvent(b)
	if err != nil {
		t.Fatalf("UnmarshalEvent(MarshalEvent(e)) of %s: %v", b, err)
	}
	if diff := cmp.Diff(e, back, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("event differs after writing and reading %s (-first +second):\n%s", b, diff)
	}
}

// exercise runs the engine's read-only calls on a case that Replay built,
// which must not panic whatever the events held.
func exercise(c Case) {
	g := Default()
	day := c.lastDate()
	_, _ = g.At(c, day+30)
	_, _ = g.Agenda(c, day)
	_, _ = g.Project(c, day)
	_, _ = json.Marshal(c)
}

// FuzzUnmarshalEvent reads an event from JSON and replays it after the
// first prefix events of benchmarkLog (modulo 31), so the event meets a
// case in each of the stages that log passes through.
func FuzzUnmarshalEvent(f *testing.F) {
	addEventSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, prefix uint8) {
		e, err := UnmarshalEvent(data)
		if err != nil {
			checkDecodeError(t, err, data, true)
			return
		}
		if hasDuplicateKey(data) {
			t.Fatalf("UnmarshalEvent accepted a repeated key: %s", data)
		}
		checkRequiredGiven(t, data, e)
		checkReadBack(t, e)
		log := append(benchmarkLog()[:prefix%31], e)
		if c, err := Default().Replay(log); err == nil {
			exercise(c)
		}
	})
}

func FuzzReadLog(f *testing.F) {
	for _, log := range storedLogs(f) {
		f.Add(log)
	}
	data, err := json.Marshal(Log{Events: benchmarkLog()})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	for _, log := range strictSeedLogs() {
		f.Add([]byte(log))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ReadLog(data)
		if err != nil {
			checkDecodeError(t, err, data, false)
			return
		}
		if hasDuplicateKey(bytes.TrimPrefix(data, []byte(byteOrderMark))) {
			t.Fatalf("ReadLog accepted a repeated key: %s", data)
		}
		for _, e := range l.Events {
			checkReadBack(t, e)
		}
		c, err := Default().Replay(l.Events)
		if err != nil {
			return
		}
		exercise(c)
		// An accepted log always writes back, and DecodeCase rebuilds the
		// case from what it wrote.
		caseData, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("json.Marshal of a replayed case: %v", err)
		}
		got, err := Default().DecodeCase(caseData)
		if err != nil {
			t.Fatalf("DecodeCase of a replayed case: %v", err)
		}
		if diff := cmp.Diff(c, got, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("DecodeCase differs (-replayed +decoded):\n%s", diff)
		}
	})
}
