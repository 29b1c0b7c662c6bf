package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"mime"
	"net/http"
	"slices"
	"unicode/utf8"

	"github.com/ecoconsult/ecoconsult/calendar"
	"github.com/ecoconsult/ecoconsult/consult"
	"github.com/ecoconsult/ecoconsult/documents"
	"github.com/ecoconsult/ecoconsult/rules"
)

// maxBodyBytes is the maximum size of a request body, 1 MiB. The
// largest whole case log in examples/casefile/testdata is about 5 KB, so
// the limit leaves ample room for one event.
const maxBodyBytes = 1 << 20

// errorBody is the JSON of every error response. Article and ArticleZh
// cite the provision of the measures that a rejected event or document
// breaks, in English ("Art. 13") and in Chinese ("第十三条"). Field is the
// JSON name of the field or query parameter at fault. EventCount is the
// number of events the case has, sent with 409 so the client can retry.
// Missing lists the items a document lacks.
type errorBody struct {
	Error      string        `json:"error"`
	Article    string        `json:"article,omitempty"`
	ArticleZh  string        `json:"article_zh,omitempty"`
	Field      string        `json:"field,omitempty"`
	EventCount int           `json:"event_count,omitempty"`
	Missing    []missingItem `json:"missing,omitempty"`
}

// missingItem is one rules.MissingItem in JSON: the item in English and
// as the document would title it, and the provision that requires it.
type missingItem struct {
	Item      string `json:"item"`
	ItemZh    string `json:"item_zh"`
	Article   string `json:"article"`
	ArticleZh string `json:"article_zh"`
}

// apiError is an error response. Cause is the error to log in place of
// body.Error, for a server fault whose details the client must not see.
type apiError struct {
	status int
	body   errorBody
	cause  error
}

func badRequest(field, format string, args ...any) *apiError {
	return &apiError{status: http.StatusBadRequest,
		body: errorBody{Error: fmt.Sprintf(format, args...), Field: field}}
}

func invalidID() *apiError {
	return &apiError{status: http.StatusNotFound, body: errorBody{
		Error: "no case has this id: a case id is 1 to 64 letters, digits, '-' or '_'"}}
}

func caseNotFound(id string) *apiError {
	return &apiError{status: http.StatusNotFound,
		body: errorBody{Error: fmt.Sprintf("no case has id %q", id)}}
}

func staleCount(c *countConflictError) *apiError {
	return &apiError{status: http.StatusConflict, body: errorBody{
		Error: fmt.Sprintf("%v; nothing was stored. Reload the case, check that the event "+
			"still applies and send it with expected_count %d", c, c.Actual),
		Field:      "expected_count",
		EventCount: c.Actual,
	}}
}

// ruleRejection turns an error of Engine.Apply into 422 with the field
// and the provision the event breaks. The citation comes from the
// *consult.EventError or, where that has none, from a *rules.Violation
// it wraps.
func ruleRejection(err error) *apiError {
	var rejected *consult.EventError
	if !errors.As(err, &rejected) {
		return internalError(err)
	}
	cite := rejected.Citation
	var violation *rules.Violation
	if cite.IsZero() && errors.As(err, &violation) {
		cite = violation.Citation
	}
	body := errorBody{Error: err.Error(), Field: rejected.Field}
	if !cite.IsZero() {
		body.Article = cite.String()
		body.ArticleZh = cite.Chinese()
	}
	return &apiError{status: http.StatusUnprocessableEntity, body: body}
}

// calendarFailure turns an error of Engine.At or Engine.Agenda into a
// response. A date outside the working-day calendar is 422, because the
// request is valid but the deadlines cannot be computed without a newer
// calendar or the provisional rule.
func calendarFailure(err error) *apiError {
	if !errors.Is(err, calendar.ErrOutOfRange) {
		return internalError(err)
	}
	return &apiError{status: http.StatusUnprocessableEntity, body: errorBody{Error: err.Error()}}
}

// documentFailure turns an error of building or rendering a document
// into a response. It is 422 when the document lacks an item, breaks a
// rule of the measures or needs a date outside the working-day calendar.
// The missing items come from the *rules.IncompleteError, and the article
// from a *rules.Violation or from the rule behind the error of package
// documents. Any other error is a server fault.
func documentFailure(err error) *apiError {
	body := errorBody{Error: err.Error()}
	known := false
	var incomplete *rules.IncompleteError
	if errors.As(err, &incomplete) {
		known = true
		for _, m := range incomplete.Missing {
			item := missingItem{Item: m.Name, ItemZh: m.Chinese}
			if !m.Citation.IsZero() {
				item.Article, item.ArticleZh = m.Citation.String(), m.Citation.Chinese()
			}
			body.Missing = append(body.Missing, item)
		}
	}

	var cite rules.Citation
	var violation *rules.Violation
	switch {
	case errors.As(err, &violation):
		cite = violation.Citation
	case errors.Is(err, documents.ErrNotEligible):
		// Art. 28 sets the two conditions of the cooperation record.
		cite = rules.Art(28)
	case errors.Is(err, documents.ErrPersonalData):
		// Art. 26 keeps a natural person's data out of the public record.
		cite = rules.Art(26)
	case errors.Is(err, calendar.ErrOutOfRange):
	default:
		if !known {
			return internalError(err)
		}
	}
	if !cite.IsZero() {
		body.Article, body.ArticleZh = cite.String(), cite.Chinese()
	}
	return &apiError{status: http.StatusUnprocessableEntity, body: body}
}

func internalError(cause error) *apiError {
	return &apiError{status: http.StatusInternalServerError,
		body:  errorBody{Error: "internal server error; the server log has the details"},
		cause: cause}
}

// maxLoggedError is the maximum length in bytes of an error message in
// the log. Messages about an invalid field may quote its value, which the
// client chose.
const maxLoggedError = 1000

// fail logs e and writes it as the response. Client errors are logged
// at level Info and server faults at level Error. The record holds the
// error message, cut to maxLoggedError bytes, and never the request body.
func (s *server) fail(w http.ResponseWriter, r *http.Request, caseID string, e *apiError) {
	level, msg := slog.LevelInfo, "request rejected"
	if e.status >= http.StatusInternalServerError {
		level, msg = slog.LevelError, "request failed"
	}
	attrs := []slog.Attr{
		slog.String("method", r.Method),
		slog.String("route", r.Pattern),
		slog.Int("status", e.status),
	}
	// An invalid id is left out, because it is arbitrary path text.
	if validID(caseID) {
		attrs = append(attrs, slog.String("case_id", caseID))
	}
	message := e.body.Error
	if e.cause != nil {
		message = e.cause.Error()
	}
	attrs = append(attrs, slog.String("error", truncate(message, maxLoggedError)))
	s.logger.LogAttrs(r.Context(), level, msg, attrs...)

	data, err := json.Marshal(e.body)
	if err != nil {
		data = []byte(`{"error":"internal server error"}`)
	}
	writeJSON(w, e.status, data)
}

// truncate cuts s to at most n bytes without splitting a UTF-8 sequence,
// and marks a cut with "…".
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// respond writes v as the JSON body of a response with status.
func (s *server) respond(w http.ResponseWriter, r *http.Request, caseID string, status int, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		s.fail(w, r, caseID, internalError(err))
		return
	}
	writeJSON(w, status, data)
}

func writeJSON(w http.ResponseWriter, status int, data []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	// A failed write means the client has gone, and there is no one
	// left to tell.
	_, _ = w.Write(append(data, '\n'))
}

// readJSONBody reads the request body, which must be JSON and at most
// maxBodyBytes long. Requiring the Content-Type also makes a browser send
// a CORS preflight before any cross-site POST. This server has no CORS
// handler, so the browser then does not send the POST.
func readJSONBody(w http.ResponseWriter, r *http.Request) ([]byte, *apiError) {
	mediaType, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mediaType != "application/json" {
		return nil, &apiError{status: http.StatusUnsupportedMediaType,
			body: errorBody{Error: "the request body must be JSON, sent with Content-Type: application/json"}}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return nil, &apiError{status: http.StatusRequestEntityTooLarge, body: errorBody{
			Error: fmt.Sprintf("the request body is larger than the maximum of %d bytes", tooLarge.Limit)}}
	}
	if err != nil {
		return nil, badRequest("", "failed to read the request body: %v", err)
	}
	return body, nil
}

// appendRequest is the body of POST /cases/{id}/events.
type appendRequest struct {
	// ExpectedCount is the number of events the client believes the
	// case has.
	ExpectedCount int
	Event         consult.Event
}

// decodeAppendRequest reads {"expected_count": N, "event": {...}}. Both
// fields are required, and any other field is rejected by name. Names
// match exactly, unlike encoding/json's case-insensitive struct fields.
func decodeAppendRequest(body []byte) (appendRequest, *apiError) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		return appendRequest{}, badRequest("", "the request body is not a JSON object: %v", err)
	}
	// encoding/json keeps the last of repeated keys, which would let a
	// client send two expected counts and have the server pick one.
	if name, ok := repeatedTopLevelKey(body); ok {
		return appendRequest{}, badRequest(name, "duplicate field %q: send it once", name)
	}
	for _, name := range slices.Sorted(maps.Keys(fields)) {
		if name != "expected_count" && name != "event" {
			return appendRequest{}, badRequest(name,
				"unknown field %q; the fields are expected_count and event", name)
		}
	}

	var req appendRequest
	rawCount, ok := fields["expected_count"]
	if !ok || string(rawCount) == "null" {
		return appendRequest{}, badRequest("expected_count",
			"missing field expected_count: give the number of events the case has")
	}
	if err := json.Unmarshal(rawCount, &req.ExpectedCount); err != nil || req.ExpectedCount < 0 {
		return appendRequest{}, badRequest("expected_count",
			"invalid expected_count: want a whole number, 0 or more")
	}

	rawEvent, ok := fields["event"]
	if !ok || string(rawEvent) == "null" {
		return appendRequest{}, badRequest("event", "missing field event")
	}
	e, err := consult.UnmarshalEvent(rawEvent)
	if err != nil {
		field := "event"
		if ee, ok := errors.AsType[*consult.EventError](err); ok && ee.Field != "" {
			field = "event." + ee.Field
		}
		return appendRequest{}, badRequest(field, "invalid event: %v", err)
	}
	req.Event = e
	return req, nil
}

// repeatedTopLevelKey returns the first key that body, a JSON object
// that encoding/json has already read, gives twice at its top level.
func repeatedTopLevelKey(body []byte) (string, bool) {
	dec := json.NewDecoder(bytes.NewReader(body))
	if _, err := dec.Token(); err != nil { // the opening brace
		return "", false
	}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return "", false
		}
		key, _ := tok.(string)
		if seen[key] {
			return key, true
		}
		seen[key] = true
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return "", false
		}
	}
	return "", false
}
