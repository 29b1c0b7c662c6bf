package consult

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
)

// inLog returns a log whose event 1 is event, after codecEvent.
func inLog(event string) string {
	return `{"version":1,"events":[` + codecEvent + `,` + event + `]}`
}

// goInternals lists words that show Go types instead of JSON in an error
// message.
var goInternals = []string{"Go struct", "Go value", "consult.", "logJSON",
	"map[string]", "json.RawMessage", "reflect", "rules.Delivery", "date.Date"}

// checkNoGoInternals reports each Go type word that message contains,
// unless input, the JSON decoded, has it too.
func checkNoGoInternals(t *testing.T, name, message, input string) {
	t.Helper()
	for _, w := range goInternals {
		if strings.Contains(message, w) && !strings.Contains(input, w) {
			t.Errorf("%s: error %q shows Go internals (%q)", name, message, w)
		}
	}
}

// checkContains reports each of want that message lacks.
func checkContains(t *testing.T, name, message string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(message, w) {
			t.Errorf("%s: error %q does not contain %q", name, message, w)
		}
	}
}

// checkEventError checks that err is an *EventError, found with
// errors.As, with the given index, type and field.
func checkEventError(t *testing.T, name string, err error, index int, typ EventType, field string) {
	t.Helper()
	var ee *EventError
	if !errors.As(err, &ee) {
		t.Errorf("%s: error %v (%T) is not an *EventError", name, err, err)
		return
	}
	if ee.Index != index {
		t.Errorf("%s: Index %d, want %d", name, ee.Index, index)
	}
	if ee.Type != typ {
		t.Errorf("%s: Type %q, want %q", name, ee.Type, typ)
	}
	if ee.Field != field {
		t.Errorf("%s: Field %q, want %q", name, ee.Field, field)
	}
}

// missingBoolEvents are events without a boolean key that decides the
// outcome, or with it null.
var missingBoolEvents = []struct {
	name  string
	event string
	typ   EventType
	key   string
}{
	{"notice reply without consent",
		`{"type":"notice_replied","date":"2024-02-21","actor":"obligor","delivery":"by_hand"}`,
		TypeNoticeReplied, "consent"},
	{"notice reply with null consent",
		`{"type":"notice_replied","date":"2024-02-21","actor":"obligor","delivery":"by_hand","consent":null}`,
		TypeNoticeReplied, "consent"},
	{"review without upheld",
		`{"type":"assessment_reviewed","date":"2024-05-10","actor":"agency","method":"expert review"}`,
		TypeAssessmentReviewed, "upheld"},
	{"ruling without confirmed",
		`{"type":"confirmation_decided","date":"2024-07-08","actor":"court"}`,
		TypeConfirmationDecided, "confirmed"},
	{"ruling with null confirmed",
		`{"type":"confirmation_decided","date":"2024-07-08","actor":"court","confirmed":null}`,
		TypeConfirmationDecided, "confirmed"},
	{"not_agreed meeting without continue",
		`{"type":"meeting_held","date":"2024-05-20","actor":"agency","outcome":"not_agreed"}`,
		TypeMeetingHeld, "continue"},
	{"not_agreed meeting with null continue",
		`{"type":"meeting_held","date":"2024-05-20","actor":"agency","outcome":"not_agreed","continue":null}`,
		TypeMeetingHeld, "continue"},
}

func TestUnmarshalEventRequiresDecidingBool(t *testing.T) {
	for _, tc := range missingBoolEvents {
		e, err := UnmarshalEvent([]byte(tc.event))
		if err == nil {
			t.Errorf("%s: UnmarshalEvent accepted %s as %+v", tc.name, tc.event, e)
			continue
		}
		if !errors.Is(err, ErrMissingField) {
			t.Errorf("%s: error %v does not wrap ErrMissingField", tc.name, err)
		}
		checkEventError(t, tc.name, err, -1, tc.typ, tc.key)
		checkContains(t, tc.name, err.Error(), string(tc.typ), `"`+tc.key+`"`, "true or false")
	}
}

func TestReadLogRequiresDecidingBool(t *testing.T) {
	for _, tc := range missingBoolEvents {
		_, err := ReadLog([]byte(inLog(tc.event)))
		if err == nil {
			t.Errorf("%s: ReadLog accepted %s", tc.name, tc.event)
			continue
		}
		if !errors.Is(err, ErrMissingField) {
			t.Errorf("%s: error %v does not wrap ErrMissingField", tc.name, err)
		}
		checkEventError(t, tc.name, err, 1, tc.typ, tc.key)
		checkContains(t, tc.name, err.Error(), "event 1", string(tc.typ), tc.key, "true or false")
	}
}

// TestDecodeCaseRequiresDecidingBool checks that a notice reply without
// "consent" in a stored case is rejected, not replayed as a refusal.
func TestDecodeCaseRequiresDecidingBool(t *testing.T) {
	log := benchmarkLog()[:8]
	reply, ok := log[7].(NoticeReplied)
	if !ok {
		t.Fatalf("event 7 of benchmarkLog is %T, want NoticeReplied", log[7])
	}
	data, err := json.Marshal(Log{Events: log})
	if err != nil {
		t.Fatal(err)
	}
	withoutConsent := bytes.Replace(data, []byte(`"consent":true,`), nil, 1)
	if bytes.Equal(withoutConsent, data) {
		t.Fatalf("the log has no %q to remove: %s", `"consent":true,`, data)
	}
	_, err = Default().DecodeCase(withoutConsent)
	if !errors.Is(err, ErrMissingField) {
		t.Fatalf("DecodeCase without consent: %v, want ErrMissingField", err)
	}
	checkEventError(t, "DecodeCase", err, 7, reply.Type(), "consent")
}

func TestUnmarshalEventAcceptsGivenBool(t *testing.T) {
	tests := []struct {
		name  string
		event string
		want  Event
	}{
		{"consent false",
			`{"type":"notice_replied","date":"2024-02-21","actor":"obligor","delivery":"by_hand","consent":false}`,
			NoticeReplied{Header: Header{Date: date.New(2024, time.February, 21), Actor: Obligor},
				Delivery: rules.ByHand}},
		{"upheld false",
			`{"type":"assessment_reviewed","date":"2024-05-10","actor":"agency","method":"m","upheld":false}`,
			AssessmentReviewed{Header: Header{Date: date.New(2024, time.May, 10), Actor: Agency}, Method: "m"}},
		{"continue false after not_agreed",
			`{"type":"meeting_held","date":"2024-05-20","actor":"agency","outcome":"not_agreed","continue":false}`,
			MeetingHeld{Header: Header{Date: date.New(2024, time.May, 20), Actor: Agency}, Outcome: NotAgreed}},
		// Continue only matters after not_agreed, so other outcomes may
		// leave it out, as the stored real cases do.
		{"agreed meeting without continue",
			`{"type":"meeting_held","date":"2024-05-20","actor":"agency","outcome":"agreed"}`,
			MeetingHeld{Header: Header{Date: date.New(2024, time.May, 20), Actor: Agency}, Outcome: Agreed}},
	}
	for _, tc := range tests {
		got, err := UnmarshalEvent([]byte(tc.event))
		if err != nil {
			t.Errorf("%s: UnmarshalEvent: %v", tc.name, err)
			continue
		}
		if got != tc.want {
			t.Errorf("%s: got %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

// TestMarshalEventWritesFalseBool checks that MarshalEvent writes each
// required key when it is false, once, so what it writes reads back.
func TestMarshalEventWritesFalseBool(t *testing.T) {
	day := date.New(2024, time.May, 20)
	tests := []struct {
		event Event
		key   string
	}{
		{NoticeReplied{Header: Header{Date: day, Actor: Obligor}, Delivery: rules.ByHand}, "consent"},
		{AssessmentReviewed{Header: Header{Date: day, Actor: Agency}, Method: "m"}, "upheld"},
		{ConfirmationDecided{Header: Header{Date: day, Actor: Court}}, "confirmed"},
		{MeetingHeld{Header: Header{Date: day, Actor: Agency}, Outcome: NotAgreed}, "continue"},
	}
	for _, tc := range tests {
		b, err := MarshalEvent(tc.event)
		if err != nil {
			t.Errorf("MarshalEvent(%T): %v", tc.event, err)
			continue
		}
		if n := strings.Count(string(b), `"`+tc.key+`":false`); n != 1 {
			t.Errorf("MarshalEvent(%T) wrote %q %d times: %s", tc.event, tc.key, n, b)
		}
		if !json.Valid(b) {
			t.Errorf("MarshalEvent(%T) wrote invalid JSON: %s", tc.event, b)
		}
		back, err := UnmarshalEvent(b)
		if err != nil {
			t.Errorf("UnmarshalEvent(%s): %v", b, err)
			continue
		}
		if back != tc.event {
			t.Errorf("%T read back as %+v, want %+v", tc.event, back, tc.event)
		}
	}
}

// duplicateKeyCases are inputs with a key repeated in one object.
var duplicateKeyCases = []struct {
	name string
	// event is a single event; log, when set, is a whole log instead.
	event string
	log   string
	key   string
	typ   EventType
	field string // the EventError's Field, for an event
}{
	{name: "actor on notice_served",
		event: `{"type":"notice_served","date":"2024-02-08","actor":"obligor","actor":"agency"}`,
		key:   "actor", typ: TypeNoticeServed, field: "actor"},
	{name: "escaped actor",
		event: `{"type":"notice_served","date":"2024-02-08","actor":"obligor","\u0061ctor":"agency"}`,
		key:   "actor", typ: TypeNoticeServed, field: "actor"},
	{name: "type",
		event: `{"type":"notice_served","type":"investigation_started","date":"2024-02-08","actor":"agency"}`,
		key:   "type", field: "type"},
	{name: "obligor kind",
		event: `{"type":"investigation_started","date":"2024-01-05","actor":"agency","case_number":"x",` +
			`"obligor":{"name":"a","kind":"legal_person","kind":"natural_person","address":"b"},"district":"西湖区"}`,
		key: "kind", typ: TypeInvestigationStarted, field: "obligor.kind"},
	{name: "due of a step",
		event: `{"type":"agreement_signed","date":"2024-06-05","actor":"agency","effective":"2024-06-05",` +
			`"amount_fen":100,"steps":[{"description":"a","due":"2024-06-30"},` +
			`{"description":"b","due":"2024-07-31","due":"2024-06-30"}]}`,
		key: "due", typ: TypeAgreementSigned, field: "steps[1].due"},
	{name: "log version", log: `{"version":2,"version":1,"events":[]}`, key: "version"},
	{name: "log events", log: `{"version":1,"events":[],"events":[` + codecEvent + `]}`, key: "events"},
}

func TestDecodeRejectsDuplicateKey(t *testing.T) {
	for _, tc := range duplicateKeyCases {
		if tc.log != "" {
			_, err := ReadLog([]byte(tc.log))
			if err == nil {
				t.Errorf("%s: ReadLog accepted %s", tc.name, tc.log)
				continue
			}
			if !errors.Is(err, ErrInvalidField) {
				t.Errorf("%s: error %v does not wrap ErrInvalidField", tc.name, err)
			}
			checkContains(t, tc.name, err.Error(), `duplicate key "`+tc.key+`"`)
			continue
		}
		_, err := UnmarshalEvent([]byte(tc.event))
		if err == nil {
			t.Errorf("%s: UnmarshalEvent accepted %s", tc.name, tc.event)
			continue
		}
		if !errors.Is(err, ErrInvalidField) {
			t.Errorf("%s: error %v does not wrap ErrInvalidField", tc.name, err)
		}
		checkEventError(t, tc.name, err, -1, tc.typ, tc.field)
		checkContains(t, tc.name, err.Error(), `duplicate key "`+tc.key+`"`)

		_, err = ReadLog([]byte(inLog(tc.event)))
		if err == nil {
			t.Errorf("%s: ReadLog accepted the event in a log", tc.name)
			continue
		}
		checkEventError(t, tc.name+" in a log", err, 1, tc.typ, tc.field)
		checkContains(t, tc.name+" in a log", err.Error(), "event 1", `duplicate key "`+tc.key+`"`)
	}
}

func TestDecodeCaseRejectsDuplicateKey(t *testing.T) {
	c, err := Default().Replay(benchmarkLog())
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data string
		want string
	}{
		{"stage", strings.Replace(string(data), `"stage":`, `"stage":"failed","stage":`, 1),
			`field stage: invalid field: duplicate key "stage"`},
		{"obligor name", strings.Replace(string(data), `"obligor":{`, `"obligor":{"name":"x",`, 1),
			`field obligor.name: invalid field: duplicate key "name"`},
		{"event actor", strings.Replace(string(data), `"actor":"agency"`, `"actor":"agency","actor":"court"`, 1),
			`event 0 investigation_started: field actor: invalid field: duplicate key "actor"`},
	}
	for _, tc := range tests {
		if tc.data == string(data) {
			t.Fatalf("%s: the replacement did not apply to %s", tc.name, data)
		}
		_, err := Default().DecodeCase([]byte(tc.data))
		if err == nil {
			t.Errorf("%s: DecodeCase accepted %s", tc.name, tc.data)
			continue
		}
		if !errors.Is(err, ErrInvalidField) {
			t.Errorf("%s: error %v does not wrap ErrInvalidField", tc.name, err)
		}
		checkContains(t, tc.name, err.Error(), tc.want)
	}
}

// wrongKindCases are inputs with a value of the wrong kind or invalid
// JSON, whose errors once named Go types.
var wrongKindCases = []struct {
	name  string
	event string // an event, decoded alone and as event 1 of a log
	log   string // a whole log instead
	field string // the EventError's Field, for an event
	want  []string
}{
	{name: "number for the actor",
		event: `{"type":"notice_served","date":"2024-02-08","actor":5}`,
		field: "actor", want: []string{"field actor", "found the number 5", "want a string"}},
	{name: "number for the obligor kind",
		event: `{"type":"investigation_started","date":"2024-01-05","actor":"agency","case_number":"x",` +
			`"obligor":{"name":"a","kind":3,"address":"b"},"district":"西湖区"}`,
		field: "obligor.kind", want: []string{"field obligor.kind", "found the number 3", "want a string"}},
	{name: "number for a due day",
		event: `{"type":"agreement_signed","date":"2024-06-05","actor":"agency","effective":"2024-06-05",` +
			`"amount_fen":100,"steps":[{"description":"a","due":"2024-06-30"},{"description":"b","due":20240731}]}`,
		field: "steps[1].due", want: []string{"field steps[1].due", "found the number 20240731", "YYYY-MM-DD"}},
	{name: "string for consent",
		event: `{"type":"notice_replied","date":"2024-02-21","actor":"obligor","delivery":"by_hand","consent":"yes"}`,
		field: "consent", want: []string{"field consent", `found the string "yes"`, "want true or false"}},
	{name: "fraction for an amount",
		event: `{"type":"assessment_issued","date":"2024-04-08","actor":"institution","route":"report","amount_fen":1.5}`,
		field: "amount_fen", want: []string{"field amount_fen", "found the number 1.5", "whole number"}},
	{name: "object for steps",
		event: `{"type":"agreement_signed","date":"2024-06-05","actor":"agency","effective":"2024-06-05",` +
			`"amount_fen":100,"steps":{}}`,
		field: "steps", want: []string{"field steps", "found an object", "want an array"}},
	{name: "event not an object", event: `["notice_replied"]`,
		want: []string{"array", "not a JSON object"}},
	{name: "syntax error in an event",
		event: `{"type":"notice_served","date":"2024-02-08","actor":"agency",}`,
		want:  []string{"(after 62 bytes)", "invalid character '}'"}},
	{name: "string for the version", log: `{"version":"1","events":[]}`,
		want: []string{"field version", `found the string "1"`, "want a whole number"}},
	{name: "object for the events", log: `{"version":1,"events":{}}`,
		want: []string{"field events", "found an object", "want an array"}},
	{name: "log not an object", log: `[]`, want: []string{"found an array", "want an object"}},
	{name: "syntax error in a log", log: `{"version":1,}`,
		want: []string{"(after 14 bytes)", "invalid character '}'"}},
	{name: "syntax error after a byte order mark", log: "\xef\xbb\xbf{\"version\":1,}",
		want: []string{"(after 17 bytes)"}},
	{name: "truncated log", log: `{"version":1,"events":[`,
		want: []string{"(after 23 bytes)", "unexpected end of JSON input"}},
}

func TestDecodeNamesJSONNotGoTypes(t *testing.T) {
	for _, tc := range wrongKindCases {
		if tc.log != "" {
			_, err := ReadLog([]byte(tc.log))
			if err == nil {
				t.Errorf("%s: ReadLog accepted %s", tc.name, tc.log)
				continue
			}
			if !errors.Is(err, ErrInvalidField) {
				t.Errorf("%s: error %v does not wrap ErrInvalidField", tc.name, err)
			}
			checkContains(t, tc.name, err.Error(), tc.want...)
			checkNoGoInternals(t, tc.name, err.Error(), tc.log)
			continue
		}
		_, err := UnmarshalEvent([]byte(tc.event))
		if err == nil {
			t.Errorf("%s: UnmarshalEvent accepted %s", tc.name, tc.event)
			continue
		}
		if !errors.Is(err, ErrInvalidField) {
			t.Errorf("%s: error %v does not wrap ErrInvalidField", tc.name, err)
		}
		var ee *EventError
		if !errors.As(err, &ee) {
			t.Errorf("%s: error %v is not an *EventError", tc.name, err)
		} else if ee.Field != tc.field {
			t.Errorf("%s: Field %q, want %q", tc.name, ee.Field, tc.field)
		}
		checkContains(t, tc.name, err.Error(), tc.want...)
		checkNoGoInternals(t, tc.name, err.Error(), tc.event)

		_, err = ReadLog([]byte(inLog(tc.event)))
		if err == nil {
			t.Errorf("%s: ReadLog accepted the event in a log", tc.name)
			continue
		}
		if !errors.As(err, &ee) {
			t.Errorf("%s in a log: error %v is not an *EventError", tc.name, err)
		} else if ee.Index != 1 {
			t.Errorf("%s in a log: Index %d, want 1", tc.name, ee.Index)
		}
		checkContains(t, tc.name+" in a log", err.Error(), "event 1")
		checkNoGoInternals(t, tc.name+" in a log", err.Error(), tc.event)
	}
}

// TestReadLogSyntaxErrorOffset checks that the offset of a syntax error
// inside an event counts from the start of the log, not of the event.
func TestReadLogSyntaxErrorOffset(t *testing.T) {
	log := inLog(`{"type":"notice_served","date":"2024-02-08","actor":"agency",}`)
	offset := strings.LastIndex(log, "}]") + 1 // encoding/json counts the bad byte
	_, err := ReadLog([]byte(log))
	if err == nil {
		t.Fatalf("ReadLog accepted %s", log)
	}
	checkContains(t, "offset", err.Error(), "event 1", "after "+strconv.Itoa(offset)+" bytes")
}

// missingTypeCases are events whose type is missing, null, empty or not
// a string.
var missingTypeCases = []struct {
	name  string
	event string
	want  error
}{
	{"no type", `{"date":"2024-04-16","actor":"agency"}`, ErrMissingField},
	{"null type", `{"type":null,"date":"2024-04-16","actor":"agency"}`, ErrMissingField},
	{"empty type", `{"type":"","date":"2024-04-16","actor":"agency"}`, ErrMissingField},
	{"number type", `{"type":7,"date":"2024-04-16","actor":"agency"}`, ErrInvalidField},
	{"unknown type", `{"type":"meeting_cancelled","date":"2024-04-16","actor":"agency"}`, ErrInvalidField},
}

func TestDecodeWithoutTypeReadsWell(t *testing.T) {
	for _, tc := range missingTypeCases {
		_, err := UnmarshalEvent([]byte(tc.event))
		if err == nil {
			t.Errorf("%s: UnmarshalEvent accepted %s", tc.name, tc.event)
			continue
		}
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: error %v does not wrap %v", tc.name, err, tc.want)
		}
		checkEventError(t, tc.name, err, -1, "", "type")
		msg := err.Error()
		checkContains(t, tc.name, msg, "notice_served, notice_replied")
		if !strings.HasPrefix(msg, "consult: field type: ") {
			t.Errorf("%s: error %q does not start with %q", tc.name, msg, "consult: field type: ")
		}

		log := `{"version":1,"events":[` + strings.Repeat(codecEvent+",", 3) + tc.event + `]}`
		_, err = ReadLog([]byte(log))
		if err == nil {
			t.Errorf("%s: ReadLog accepted %s", tc.name, log)
			continue
		}
		checkEventError(t, tc.name+" in a log", err, 3, "", "type")
		if msg := err.Error(); !strings.HasPrefix(msg, "consult: event 3: field type: ") {
			t.Errorf("%s: error %q does not start with %q", tc.name, msg, "consult: event 3: field type: ")
		}
	}
}

// TestEventKindsCoverEveryType checks that the decoder reads every type
// a host may record, and no other.
func TestEventKindsCoverEveryType(t *testing.T) {
	var decoded []EventType
	for _, e := range eventKinds() {
		decoded = append(decoded, e.Type())
	}
	want := slices.Clone(allEventTypes)
	slices.Sort(want)
	slices.Sort(decoded)
	if !slices.Equal(decoded, want) {
		t.Errorf("eventKinds has %v, want %v", decoded, want)
	}
}

// strictSeedEvents returns the events of the tables above, for the fuzz
// targets' corpus.
func strictSeedEvents() []string {
	var events []string
	for _, tc := range missingBoolEvents {
		events = append(events, tc.event)
	}
	for _, tc := range duplicateKeyCases {
		if tc.event != "" {
			events = append(events, tc.event)
		}
	}
	for _, tc := range wrongKindCases {
		if tc.event != "" {
			events = append(events, tc.event)
		}
	}
	for _, tc := range missingTypeCases {
		events = append(events, tc.event)
	}
	return events
}

// strictSeedLogs returns the logs of the tables above, and a log around
// each of strictSeedEvents, for FuzzReadLog's corpus.
func strictSeedLogs() []string {
	var logs []string
	for _, tc := range duplicateKeyCases {
		if tc.log != "" {
			logs = append(logs, tc.log)
		}
	}
	for _, tc := range wrongKindCases {
		if tc.log != "" {
			logs = append(logs, tc.log)
		}
	}
	for _, e := range strictSeedEvents() {
		logs = append(logs, inLog(e))
	}
	return logs
}

// hasDuplicateKey reports whether a JSON object in data repeats a key.
// It is a slower, recursive check, separate from firstDuplicate, for the
// fuzz targets to compare against.
func hasDuplicateKey(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return false
	}
	seen := map[string]bool{}
	for dec.More() {
		if tok == json.Delim('{') {
			k, err := dec.Token()
			if err != nil {
				return false
			}
			key, _ := k.(string)
			if seen[key] {
				return true
			}
			seen[key] = true
		}
		var value json.RawMessage
		if dec.Decode(&value) != nil {
			return false
		}
		if hasDuplicateKey(value) {
			return true
		}
	}
	return false
}

// emptyType matches the start of an event error that prints an empty
// event type.
var emptyType = regexp.MustCompile(`^consult: (event [0-9]+ )?:`)

// checkDecodeError checks the contract of an error of UnmarshalEvent or
// ReadLog on input: an *EventError for an event, a wrapped sentinel, no
// Go type names and no empty event type.
func checkDecodeError(t *testing.T, err error, input []byte, event bool) {
	t.Helper()
	msg := err.Error()
	checkNoGoInternals(t, "fuzz", msg, string(input))
	var ee *EventError
	if event && !errors.As(err, &ee) {
		t.Fatalf("error %q (%T) is not an *EventError", msg, err)
	}
	if errors.As(err, &ee) && !errors.Is(err, ErrMissingField) && !errors.Is(err, ErrInvalidField) {
		t.Fatalf("event error %q wraps neither ErrMissingField nor ErrInvalidField", msg)
	}
	if emptyType.MatchString(msg) {
		t.Fatalf("error %q prints an empty event type", msg)
	}
}

// checkRequiredGiven checks that the JSON of an accepted event gives each
// key requiredKeys lists, as true or false.
func checkRequiredGiven(t *testing.T, data []byte, e Event) {
	t.Helper()
	var fields map[string]any
	if err := json.Unmarshal(data, &fields); err != nil {
		t.Fatalf("json.Unmarshal of an accepted event: %v", err)
	}
	for _, key := range requiredKeys(e) {
		if _, ok := fields[key].(bool); !ok {
			t.Fatalf("accepted %s without %q as true or false: %s", e.Type(), key, data)
		}
	}
}
