package consult

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"

	"github.com/ecoconsult/ecoconsult/calendar"
)

// Version is the version of the JSON shape of logs and cases that this
// package writes and reads.
const Version = 1

// MarshalEvent writes e as a JSON object whose "type" field names its
// type, followed by its header fields (date, actor, proxy, note) and its
// own fields. Dates are YYYY-MM-DD; amounts are whole fen.
func MarshalEvent(e Event) ([]byte, error) {
	if e == nil {
		return nil, errors.New("consult: cannot encode a nil event")
	}
	body, err := json.Marshal(e)
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

// UnmarshalEvent reads one event written by MarshalEvent. An unknown
// type, an unknown field or a field of the wrong kind is an error that
// names it.
func UnmarshalEvent(data []byte) (Event, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		return nil, fmt.Errorf("consult: event is not a JSON object: %w", err)
	}
	rawType, ok := fields["type"]
	if !ok {
		return nil, errors.New(`consult: event has no "type" field`)
	}
	var t EventType
	if err := json.Unmarshal(rawType, &t); err != nil {
		return nil, fmt.Errorf(`consult: event "type" is not a string: %w`, err)
	}
	delete(fields, "type")
	for key, raw := range fields {
		if err := checkDates(key, raw); err != nil {
			return nil, fmt.Errorf("consult: %s: %w", t, err)
		}
	}
	body, err := json.Marshal(fields)
	if err != nil {
		return nil, fmt.Errorf("consult: %s: %w", t, err)
	}
	e, err := decodeBody(t, body)
	if err == nil {
		err = checkKeys(body, reflect.TypeOf(e))
	}
	if err != nil {
		return nil, fmt.Errorf("consult: %s: %w", t, err)
	}
	return e, nil
}

// dateField reports whether a JSON key of an event holds a day.
func dateField(key string) bool {
	switch key {
	case "date", "posted", "meeting_date", "effective", "due", "from", "until",
		"obligor_id_copy", "organization_licence", "representative_id_copy",
		"proxy_id_copy", "power_of_attorney":
		return true
	}
	return false
}

// checkDates rejects a day that does not exist, such as 2024-02-30, in a
// date field at any depth. The date type's own decoder would quietly move
// it to the next month.
func checkDates(key string, raw json.RawMessage) error {
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil // the typed decoder reports it with the field's name
	}
	return walkDates(key, v)
}

func walkDates(key string, v any) error {
	switch x := v.(type) {
	case string:
		if dateField(key) {
			if _, err := calendar.ParseDate(x); err != nil {
				return fmt.Errorf("field %s: %w", key, err)
			}
		}
	case []any:
		for _, item := range x {
			if err := walkDates(key, item); err != nil {
				return err
			}
		}
	case map[string]any:
		for k, item := range x {
			if err := walkDates(k, item); err != nil {
				return fmt.Errorf("%s.%w", key, err)
			}
		}
	}
	return nil
}

func decodeBody(t EventType, body []byte) (Event, error) {
	switch t {
	case TypeInvestigationStarted:
		return strict[InvestigationStarted](body)
	case TypeProcuratorateInformed:
		return strict[ProcuratorateInformed](body)
	case TypeAssessmentIssued:
		return strict[AssessmentIssued](body)
	case TypeNoticeServed:
		return strict[NoticeServed](body)
	case TypeNoticeReplied:
		return strict[NoticeReplied](body)
	case TypeOpinionServed:
		return strict[OpinionServed](body)
	case TypeOpinionReplied:
		return strict[OpinionReplied](body)
	case TypeCaseDesignated:
		return strict[CaseDesignated](body)
	case TypeMeetingScheduled:
		return strict[MeetingScheduled](body)
	case TypeMeetingHeld:
		return strict[MeetingHeld](body)
	case TypeAssessmentObjected:
		return strict[AssessmentObjected](body)
	case TypeAssessmentReviewed:
		return strict[AssessmentReviewed](body)
	case TypeProxyAuthorized:
		return strict[ProxyAuthorized](body)
	case TypeConsultationTerminated:
		return strict[ConsultationTerminated](body)
	case TypeConsultationHalted:
		return strict[ConsultationHalted](body)
	case TypeAgreementSigned:
		return strict[AgreementSigned](body)
	case TypeAgreementReported:
		return strict[AgreementReported](body)
	case TypeDisclosurePublished:
		return strict[DisclosurePublished](body)
	case TypeConfirmationApplied:
		return strict[ConfirmationApplied](body)
	case TypeConfirmationDecided:
		return strict[ConfirmationDecided](body)
	case TypeObligorReneged:
		return strict[ObligorReneged](body)
	case TypePerformanceDone:
		return strict[PerformanceDone](body)
	case TypeEnforcementApplied:
		return strict[EnforcementApplied](body)
	case TypeEvidencePreserved:
		return strict[EvidencePreserved](body)
	case TypeLawsuitFiled:
		return strict[LawsuitFiled](body)
	}
	return nil, fmt.Errorf("unknown event type; see the Type… constants of package consult")
}

// strict decodes body into a T, rejecting fields T does not have.
func strict[T Event](body []byte) (Event, error) {
	var v T
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// A Log is the stored form of a case: its events in order, with the
// version of the shape. Its JSON is
//
//	{"version": 1, "events": [{"type": "investigation_started", "date": "2024-01-05", ...}, ...]}
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

// UnmarshalJSON reads a log, rejecting an unknown version, unknown
// top-level fields and any event UnmarshalEvent rejects; the error names
// the index of the event.
func (l *Log) UnmarshalJSON(data []byte) error {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a byte order mark
	if err := checkKeys(data, reflect.TypeOf(logJSON{})); err != nil {
		return fmt.Errorf("consult: log: %w", err)
	}
	var in logJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return fmt.Errorf("consult: log: %w", err)
	}
	if in.Version != Version {
		return fmt.Errorf("consult: log version %d: this package reads version %d",
			in.Version, Version)
	}
	events := make([]Event, len(in.Events))
	for i, raw := range in.Events {
		e, err := UnmarshalEvent(raw)
		if err != nil {
			return fmt.Errorf("event %d: %w", i, err)
		}
		events[i] = e
	}
	*l = Log{Version: Version, Events: events}
	return nil
}

// ReadLog decodes a log from JSON.
func ReadLog(data []byte) (Log, error) {
	var l Log
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a byte order mark
	err := json.Unmarshal(data, &l)
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
// replayed one is an error.
func (g *Engine) DecodeCase(data []byte) (Case, error) {
	var probe struct {
		Version int             `json:"version"`
		Stage   Stage           `json:"stage"`
		Since   string          `json:"since"`
		Events  json.RawMessage `json:"events"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		return Case{}, fmt.Errorf("consult: case: %w", err)
	}
	var l Log
	logData := fmt.Appendf(nil, `{"version":%d,"events":%s}`, probe.Version, probe.Events)
	if len(probe.Events) == 0 {
		return Case{}, errors.New(`consult: case has no "events" field`)
	}
	if err := json.Unmarshal(logData, &l); err != nil {
		return Case{}, err
	}
	c, err := g.Replay(l.Events)
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
		return Case{}, fmt.Errorf("consult: stored stage %s, but the events lead to %s",
			probe.Stage, c.Stage)
	}
	return c, nil
}
