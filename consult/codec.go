package consult

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/ecoconsult/ecoconsult/calendar"
)

// Version is the version of the JSON shape of logs and cases that this
// package writes and reads.
const Version = 1

// MarshalEvent writes e as a JSON object whose "type" field names its
// type, followed by its header fields (date, actor, proxy, note) and its
// own fields. Dates are YYYY-MM-DD; amounts are whole fen. It always
// writes the keys that UnmarshalEvent requires, false ones included.
func MarshalEvent(e Event) ([]byte, error) {
	if e == nil {
		return nil, errors.New("consult: cannot encode a nil event")
	}
	if !isValue(e) {
		// No method of e is called: it may be a nil pointer.
		return nil, fmt.Errorf("consult: cannot encode %T: %w: pass one of this "+
			"package's event types as a value", e, ErrInvalidField)
	}
	body, err := json.Marshal(e)
	if err != nil {
		return nil, fmt.Errorf("consult: encoding %s: %w", e.Type(), err)
	}
	body, err = addRequiredKeys(e, body)
	if err != nil {
		return nil, fmt.Errorf("consult: encoding %s: %w", e.Type(), err)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, `{"type":%q`, e.Type())
	if len(body) > 2 {
		b.WriteByte(',')
		b.Write(body[1:])
	} else {
		b.WriteByte('}')
	}
	return b.Bytes(), nil
}

// addRequiredKeys adds "key":false to body, the JSON object of e, for
// each key of requiredKeys(e) that body lacks. A bool field tagged
// omitempty, such as MeetingHeld.Continue, leaves out a false value,
// which UnmarshalEvent would then reject as missing.
func addRequiredKeys(e Event, body []byte) ([]byte, error) {
	keys := requiredKeys(e)
	if len(keys) == 0 {
		return body, nil
	}
	members, err := objectMembers(body)
	if err != nil {
		return nil, err
	}
	for _, key := range keys {
		if _, ok := findMember(members, key); ok {
			continue
		}
		closing := len(body) - 1 // the final '}'
		added := fmt.Appendf(nil, "%q:false}", key)
		if len(members) > 0 {
			added = append([]byte{','}, added...)
		}
		body = append(body[:closing:closing], added...)
		members = append(members, member{key: key})
	}
	return body, nil
}

// eventKinds returns a zero value of each event type that a log stores,
// in the order of the Type constants.
func eventKinds() []Event {
	return []Event{
		InvestigationStarted{}, ProcuratorateInformed{}, AssessmentIssued{},
		NoticeServed{}, NoticeReplied{}, OpinionServed{}, OpinionReplied{},
		CaseDesignated{}, MeetingScheduled{}, MeetingHeld{}, AssessmentObjected{},
		AssessmentReviewed{}, ProxyAuthorized{}, ConsultationTerminated{},
		ConsultationHalted{}, AgreementSigned{}, AgreementReported{},
		DisclosurePublished{}, ConfirmationApplied{}, ConfirmationDecided{},
		ObligorReneged{}, PerformanceDone{}, EnforcementApplied{},
		EvidencePreserved{}, LawsuitFiled{},
	}
}

// eventGoType returns the Go type of the events of type t, or nil for an
// unknown type.
func eventGoType(t EventType) reflect.Type {
	for _, e := range eventKinds() {
		if e.Type() == t {
			return reflect.TypeOf(e)
		}
	}
	return nil
}

// eventTypeList names the event types for error messages.
func eventTypeList() string {
	kinds := eventKinds()
	names := make([]string, len(kinds))
	for i, e := range kinds {
		names[i] = string(e.Type())
	}
	return strings.Join(names, ", ")
}

// UnmarshalEvent reads one event written by MarshalEvent. It rejects
// JSON that is not valid and an event that is not an object. It rejects a
// missing or unknown type, a key repeated in any object and an unknown
// field. It rejects a value of the wrong kind and a day that does not
// exist. It also rejects a missing or null boolean that decides the
// outcome: "consent" on notice_replied,
// "upheld" on assessment_reviewed, "confirmed" on confirmation_decided,
// and "continue" on a meeting_held whose outcome is not_agreed.
//
// Every error is an *EventError with Index -1 that wraps ErrMissingField
// or ErrInvalidField. Its Field is the JSON path of the key at fault,
// such as "obligor.kind", when one key is at fault. An unknown key is
// named only in the message.
func UnmarshalEvent(data []byte) (Event, error) {
	if err := syntaxError(data, 0); err != nil {
		return nil, eventError("", "", err)
	}
	// The results are not returned as they are, because a nil
	// *EventError would become a non-nil error.
	e, err := decodeEvent(data, nil)
	if err != nil {
		return nil, err
	}
	return e, nil
}

// decodeEvent reads one event from data, which must be valid JSON. Its
// errors are those of UnmarshalEvent.
func decodeEvent(data []byte, ft fieldTables) (Event, *EventError) {
	if jsonKind(data) != '{' {
		return nil, eventError("", "", fmt.Errorf("%w: the event is %s, not a JSON object",
			ErrInvalidField, describeJSON(data)))
	}
	members, err := objectMembers(data)
	if err != nil {
		return nil, eventError("", "", fmt.Errorf("%w: %w", ErrInvalidField, err))
	}
	t, typeErr := eventTypeOf(members)
	if typeErr != nil {
		return nil, eventError("", "type", typeErr)
	}
	if path, key, found := duplicateAmong(members, ""); found {
		dup := duplicateKeyError(path, key)
		return nil, eventError(t, dup.path, dup.err)
	}
	fields := make([]member, 0, len(members))
	for _, m := range members {
		if m.key != "type" {
			fields = append(fields, m)
		}
	}
	v := reflect.New(eventGoType(t)).Elem()
	if err := decodeStruct(fields, v, "", ft); err != nil {
		return nil, eventError(t, err.path, err.err)
	}
	e := v.Interface().(Event)
	for _, key := range requiredKeys(e) {
		raw, ok := findMember(members, key)
		switch {
		case !ok:
			return nil, eventError(t, key, fmt.Errorf(
				"%w: give %q as true or false, because it decides the outcome", ErrMissingField, key))
		case jsonKind(raw) == 'n':
			return nil, eventError(t, key, fmt.Errorf(
				"%w: %q is null: give true or false, because it decides the outcome", ErrMissingField, key))
		}
	}
	return e, nil
}

// eventTypeOf returns the event type that members give under "type".
func eventTypeOf(members []member) (EventType, error) {
	var raw json.RawMessage
	count := 0
	for _, m := range members {
		if m.key == "type" {
			raw = m.value
			count++
		}
	}
	switch {
	case count == 0:
		return "", fmt.Errorf(`%w: give "type" as one of %s`, ErrMissingField, eventTypeList())
	case count > 1:
		return "", fmt.Errorf(`%w: duplicate key "type": keep only one`, ErrInvalidField)
	case jsonKind(raw) == 'n':
		return "", fmt.Errorf(`%w: "type" is null: give one of %s`, ErrMissingField, eventTypeList())
	case jsonKind(raw) != '"':
		return "", fmt.Errorf(`%w: "type" is %s, but it must be a string: one of %s`,
			ErrInvalidField, describeJSON(raw), eventTypeList())
	}
	name, err := jsonString(raw)
	if err != nil {
		return "", fmt.Errorf(`%w: "type": %w`, ErrInvalidField, err)
	}
	t := EventType(name)
	switch known := eventGoType(t) != nil; {
	case name == "":
		return "", fmt.Errorf(`%w: "type" is empty: give one of %s`, ErrMissingField, eventTypeList())
	case !known:
		return "", fmt.Errorf(`%w: unknown event type %q: give one of %s`,
			ErrInvalidField, shorten(name), eventTypeList())
	}
	return t, nil
}

// eventError builds the *EventError for an event that could not be
// decoded, with Index -1 for a log to set. The type is empty when the
// event's type could not be read.
func eventError(t EventType, field string, err error) *EventError {
	return &EventError{Index: -1, Type: t, Field: field, Err: err}
}

// atIndex returns a copy of err with Index set to i, the event's position
// in its log.
func atIndex(err *EventError, i int) *EventError {
	copied := *err
	copied.Index = i
	return &copied
}

// A Log is the stored form of a case: its events in order, with the
// version of the shape. Its JSON is
//
//	{"version": 1, "events": [{"type": "investigation_started", "date": "2024-01-05", ...}, ...]}
//
// Each event is an object with its "type" and a "date" written
// YYYY-MM-DD, a day that exists. It has an "actor" (agency, obligor,
// proxy, institution, expert_panel, procuratorate or court) and the
// fields of its Go type under their JSON names, which go doc -all lists.
// Keys match exactly and appear once. An unknown key is an error that
// lists the known ones. The booleans that decide an outcome must be given even when
// false: "consent" of notice_replied, "upheld" of assessment_reviewed,
// "confirmed" of confirmation_decided, and "continue" of a meeting_held
// whose outcome is not_agreed.
type Log struct {
	Version int
	Events  []Event
}

type logJSON struct {
	Version int               `json:"version"`
	Events  []json.RawMessage `json:"events"`
}

// MarshalJSON writes l with Version set to the current version.
func (l Log) MarshalJSON() ([]byte, error) {
	out := logJSON{Version: Version, Events: make([]json.RawMessage, len(l.Events))}
	for i, e := range l.Events {
		b, err := MarshalEvent(e)
		if err != nil {
			return nil, fmt.Errorf("event %d: %w", i, err)
		}
		out.Events[i] = b
	}
	return json.Marshal(out)
}

// byteOrderMark is the UTF-8 byte order mark, which some editors put
// before a log.
const byteOrderMark = "\xef\xbb\xbf"

// UnmarshalJSON reads a log, after a byte order mark if there is one. It
// rejects JSON that is not valid, an unknown version, an unknown or
// repeated top-level key and any event UnmarshalEvent rejects. An error
// in an event is an *EventError, which errors.As finds, with Index set
// to the event's position in the log. Other errors, except the one for
// an unknown version, wrap ErrInvalidField.
func (l *Log) UnmarshalJSON(data []byte) error {
	trimmed := bytes.TrimPrefix(data, []byte(byteOrderMark))
	if err := syntaxError(trimmed, len(data)-len(trimmed)); err != nil {
		if i := eventIndexAt(trimmed); i >= 0 {
			return atIndex(eventError("", "", err), i)
		}
		return fmt.Errorf("consult: log: %w", err)
	}
	var in logJSON
	if err := decodeTopLevel(trimmed, &in, `{"version": 1, "events": [...]}`); err != nil {
		return fmt.Errorf("consult: log: %w", err)
	}
	if err := checkVersion(in.Version); err != nil {
		return err
	}
	events, err := decodeEvents(in.Events)
	if err != nil {
		return err
	}
	*l = Log{Version: Version, Events: events}
	return nil
}

// decodeTopLevel decodes the JSON object data, which must be valid JSON,
// into the struct *dst, rejecting a repeated or unknown key. shape shows
// the object expected, for the error when data is not an object.
func decodeTopLevel(data []byte, dst any, shape string) error {
	if jsonKind(data) != '{' {
		return fmt.Errorf("%w: found %s, want an object %s", ErrInvalidField, describeJSON(data), shape)
	}
	members, err := objectMembers(data)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrInvalidField, err)
	}
	if key, found := repeatedKey(members); found {
		return duplicateKeyError(key, key)
	}
	if err := decodeStruct(members, reflect.ValueOf(dst).Elem(), "", nil); err != nil {
		return err
	}
	return nil
}

// checkVersion rejects a log version this package does not read.
func checkVersion(v int) error {
	if v == 0 {
		return fmt.Errorf(`consult: %w "version": give "version":%d`, ErrMissingField, Version)
	}
	if v != Version {
		return fmt.Errorf("consult: log version %d: this package reads version %d", v, Version)
	}
	return nil
}

// decodeEvents decodes each of raws, which must be valid JSON, as an
// event. An error carries the index of the event at fault.
func decodeEvents(raws []json.RawMessage) ([]Event, error) {
	events := make([]Event, len(raws))
	ft := fieldTables{}
	for i, raw := range raws {
		e, err := decodeEvent(raw, ft)
		if err != nil {
			return nil, atIndex(err, i)
		}
		events[i] = e
	}
	return events, nil
}

// ReadLog decodes a log from JSON, as Log.UnmarshalJSON does.
func ReadLog(data []byte) (Log, error) {
	var l Log
	err := l.UnmarshalJSON(data)
	return l, err
}

// caseJSON is the shape Case.MarshalJSON writes: the state of the case
// for reading, and its log, from which a host rebuilds it.
type caseJSON struct {
	Version  int             `json:"version"`
	Number   string          `json:"number"`
	Obligor  ObligorInfo     `json:"obligor"`
	District string          `json:"district"`
	Stage    Stage           `json:"stage"`
	Since    string          `json:"since"`
	Failure  *Failure        `json:"failure,omitempty"`
	History  []Change        `json:"history"`
	Warnings []string        `json:"warnings,omitempty"`
	Events   json.RawMessage `json:"events"`
}

// MarshalJSON writes the case's state and its event log. The state is for
// reading; Engine.DecodeCase rebuilds a case from the log alone.
func (c Case) MarshalJSON() ([]byte, error) {
	logData, err := Log{Events: c.Events}.MarshalJSON()
	if err != nil {
		return nil, err
	}
	var log logJSON
	if err := json.Unmarshal(logData, &log); err != nil {
		return nil, err
	}
	events, err := json.Marshal(log.Events)
	if err != nil {
		return nil, err
	}
	out := caseJSON{Version: Version, Number: c.Number, Obligor: c.Obligor,
		District: c.District.Name, Stage: c.Stage, Failure: c.Failure,
		History: c.History, Events: events}
	if c.Since != 0 {
		out.Since = c.Since.String()
	}
	for _, w := range c.Warnings {
		out.Warnings = append(out.Warnings, w.String())
	}
	return json.Marshal(out)
}

// DecodeCase rebuilds a case from JSON that Case.MarshalJSON wrote, or
// from a bare Log, by replaying its events. The stored state is not
// trusted: it is recomputed, and a stored stage that differs from the
// replayed one is an error. Keys other than version, stage, since and
// events are not read, but a key repeated at any depth is rejected, and
// the events are checked as Log.UnmarshalJSON checks them.
func (g *Engine) DecodeCase(data []byte) (Case, error) {
	if err := syntaxError(data, 0); err != nil {
		if i := eventIndexAt(data); i >= 0 {
			return Case{}, atIndex(eventError("", "", err), i)
		}
		return Case{}, fmt.Errorf("consult: case: %w", err)
	}
	probe, err := decodeCaseProbe(data)
	if err != nil {
		return Case{}, fmt.Errorf("consult: case: %w", err)
	}
	if len(probe.Events) == 0 {
		return Case{}, fmt.Errorf(`consult: case: %w "events": give the event log`, ErrMissingField)
	}
	if err := checkVersion(probe.Version); err != nil {
		return Case{}, err
	}
	var raws []json.RawMessage
	if err := decodeValue(probe.Events, reflect.ValueOf(&raws).Elem(), "events", nil); err != nil {
		return Case{}, fmt.Errorf("consult: case: %w", err)
	}
	events, err := decodeEvents(raws)
	if err != nil {
		return Case{}, err
	}
	c, err := g.Replay(events)
	if err != nil {
		return Case{}, err
	}
	if probe.Stage != "" && probe.Stage != c.Stage && probe.Since != "" {
		// A case stored after At carries the consequences of deadlines up
		// to its stage's start; let the calendar run to that day.
		if since, err := calendar.ParseDate(probe.Since); err == nil && since >= c.lastDate() {
			if later, err := g.At(c, since); err == nil {
				c = later
			}
		}
	}
	if probe.Stage != "" && probe.Stage != c.Stage {
		return Case{}, fmt.Errorf("consult: case: %w: stored stage %s, but the events "+
			"lead to %s; the stored state is not trusted, so store the case again",
			ErrInvalidField, probe.Stage, c.Stage)
	}
	if probe.Since != "" && probe.Since != c.Since.String() {
		return Case{}, fmt.Errorf("consult: case: %w: stored since %s, but the events "+
			"lead to %s since %s; the stored state is not trusted, so store the case again",
			ErrInvalidField, probe.Since, c.Stage, c.Since)
	}
	return c, nil
}

// caseProbe holds the keys of a case's JSON that DecodeCase reads.
type caseProbe struct {
	Version int             `json:"version"`
	Stage   Stage           `json:"stage"`
	Since   string          `json:"since"`
	Events  json.RawMessage `json:"events"`
}

// decodeCaseProbe reads the keys of caseProbe from data, which must be
// valid JSON, and checks every other key for repeated keys within it.
// The events are left for decodeEvents, which checks them.
func decodeCaseProbe(data []byte) (caseProbe, error) {
	var probe caseProbe
	if jsonKind(data) != '{' {
		return probe, fmt.Errorf("%w: found %s, want the object Case.MarshalJSON writes",
			ErrInvalidField, describeJSON(data))
	}
	members, err := objectMembers(data)
	if err != nil {
		return probe, fmt.Errorf("%w: %w", ErrInvalidField, err)
	}
	if key, found := repeatedKey(members); found {
		return probe, duplicateKeyError(key, key)
	}
	fields := jsonFields(reflect.TypeFor[caseProbe]())
	var read []member
	for _, m := range members {
		if _, ok := fields[m.key]; ok {
			read = append(read, m)
			continue
		}
		if path, key, found := firstDuplicate(m.value); found {
			if !strings.HasPrefix(path, "[") {
				path = "." + path
			}
			return probe, duplicateKeyError(m.key+path, key)
		}
	}
	if err := decodeStruct(read, reflect.ValueOf(&probe).Elem(), "", nil); err != nil {
		return probe, err
	}
	return probe, nil
}
