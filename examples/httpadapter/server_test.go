package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ecoconsult/ecoconsult/consult"
)

// Every test calls the handler directly through httptest.ResponseRecorder,
// so no test opens a socket.

// clockFeb9 is 8 February 2024, 16:30 UTC: already 9 February, 00:30, in
// China Standard Time.
var clockFeb9 = time.Date(2024, time.February, 8, 16, 30, 0, 0, time.UTC)

const startEvent = `{"type":"investigation_started","date":"2024-01-08","actor":"agency",
	"case_number":"示例〔2024〕1号","district":"临平区",
	"obligor":{"name":"某化工有限公司","kind":"legal_person","address":"临平区"}}`

const noticeEvent = `{"type":"notice_served","date":"2024-02-08","actor":"agency"}`

// caseReply is the part of a case response the tests read.
type caseReply struct {
	ID         string `json:"id"`
	EventCount int    `json:"event_count"`
	Case       struct {
		Number string            `json:"number"`
		Stage  string            `json:"stage"`
		Events []json.RawMessage `json:"events"`
	} `json:"case"`
}

type agendaReply struct {
	ID    string       `json:"id"`
	Day   string       `json:"day"`
	Stage string       `json:"stage"`
	Items []agendaItem `json:"items"`
}

func newTestServer(now time.Time) (*server, *bytes.Buffer) {
	var logs bytes.Buffer
	s := newServer(newMemoryStore(), consult.Default(), func() time.Time { return now })
	s.logger = slog.New(slog.NewTextHandler(&logs, nil))
	return s, &logs
}

// send serves one request. A non-empty body is sent as JSON.
func send(h http.Handler, method, target, body string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	if body != "" {
		r.Header.Set("Content-Type", "application/json")
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func appendBody(expected int, event string) string {
	return fmt.Sprintf(`{"expected_count": %d, "event": %s}`, expected, event)
}

// decode checks the status and the JSON content type of w and decodes
// its body.
func decode[T any](t *testing.T, w *httptest.ResponseRecorder, status int) T {
	t.Helper()
	var v T
	if w.Code != status {
		t.Fatalf("status %d, want %d; body %s", w.Code, status, w.Body)
	}
	if ct := w.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("Content-Type %q, want JSON", ct)
	}
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatalf("body is not the expected JSON: %v\n%s", err, w.Body)
	}
	return v
}

// createCase opens the test case and returns its id.
func createCase(t *testing.T, h http.Handler) string {
	t.Helper()
	got := decode[caseReply](t, send(h, "POST", "/cases", startEvent), http.StatusCreated)
	return got.ID
}

// getCase returns the stored case.
func getCase(t *testing.T, h http.Handler, id string) caseReply {
	t.Helper()
	return decode[caseReply](t, send(h, "GET", "/cases/"+id, ""), http.StatusOK)
}

func TestCreateCase(t *testing.T) {
	s, _ := newTestServer(clockFeb9)
	w := send(s, "POST", "/cases", startEvent)
	got := decode[caseReply](t, w, http.StatusCreated)

	if !validID(got.ID) || len(got.ID) != 26 {
		t.Errorf("id %q: want 26 base32 characters", got.ID)
	}
	if loc := w.Header().Get("Location"); loc != "/cases/"+got.ID {
		t.Errorf("Location %q, want /cases/%s", loc, got.ID)
	}
	if got.EventCount != 1 {
		t.Errorf("event_count %d, want 1", got.EventCount)
	}
	if got.Case.Number != "示例〔2024〕1号" {
		t.Errorf("case number %q", got.Case.Number)
	}
	if got.Case.Stage != "investigating" {
		t.Errorf("stage %q, want investigating", got.Case.Stage)
	}
	if len(got.Case.Events) != 1 {
		t.Errorf("case has %d events, want 1", len(got.Case.Events))
	}
}

func TestCreateCaseIDsDiffer(t *testing.T) {
	s, _ := newTestServer(clockFeb9)
	first, second := createCase(t, s), createCase(t, s)
	if first == second {
		t.Errorf("two cases with the same case number got the same id %q", first)
	}
}

func TestGetCase(t *testing.T) {
	s, _ := newTestServer(clockFeb9)
	id := createCase(t, s)
	got := getCase(t, s, id)
	if got.ID != id {
		t.Errorf("id %q, want %q", got.ID, id)
	}
	if got.EventCount != 1 {
		t.Errorf("event_count %d, want 1", got.EventCount)
	}
	if got.Case.Stage != "investigating" {
		t.Errorf("stage %q, want investigating", got.Case.Stage)
	}
}

func TestAppendEvent(t *testing.T) {
	s, _ := newTestServer(clockFeb9)
	id := createCase(t, s)
	got := decode[caseReply](t, send(s, "POST", "/cases/"+id+"/events", appendBody(1, noticeEvent)),
		http.StatusOK)
	if got.EventCount != 2 {
		t.Errorf("event_count %d, want 2", got.EventCount)
	}
	if got.Case.Stage != "awaiting_consent" {
		t.Errorf("stage %q, want awaiting_consent", got.Case.Stage)
	}
	if stored := getCase(t, s, id); stored.EventCount != 2 {
		t.Errorf("stored event_count %d, want 2", stored.EventCount)
	}
}

func TestAppendStaleCount(t *testing.T) {
	s, _ := newTestServer(clockFeb9)
	id := createCase(t, s)
	send(s, "POST", "/cases/"+id+"/events", appendBody(1, noticeEvent))

	// The client still believes the case has one event.
	stale := `{"type":"procuratorate_informed","date":"2024-02-08","actor":"agency","note":"stale"}`
	got := decode[errorBody](t, send(s, "POST", "/cases/"+id+"/events", appendBody(1, stale)),
		http.StatusConflict)
	if got.EventCount != 2 {
		t.Errorf("event_count %d in the 409, want 2", got.EventCount)
	}
	if got.Field != "expected_count" {
		t.Errorf("field %q, want expected_count", got.Field)
	}
	if !strings.Contains(got.Error, "has 2 events, but the request expected 1") {
		t.Errorf("error %q does not give both counts", got.Error)
	}

	stored := getCase(t, s, id)
	if stored.EventCount != 2 {
		t.Errorf("stored event_count %d after the 409, want 2", stored.EventCount)
	}
	for _, e := range stored.Case.Events {
		if strings.Contains(string(e), "procuratorate_informed") {
			t.Errorf("the stale event was stored: %s", e)
		}
	}
}

func TestAppendAheadCount(t *testing.T) {
	s, _ := newTestServer(clockFeb9)
	id := createCase(t, s)
	got := decode[errorBody](t, send(s, "POST", "/cases/"+id+"/events", appendBody(5, noticeEvent)),
		http.StatusConflict)
	if got.EventCount != 1 {
		t.Errorf("event_count %d, want 1", got.EventCount)
	}
}

func TestAppendRuleRejection(t *testing.T) {
	tests := []struct {
		name      string
		event     string
		field     string
		article   string
		articleZh string
	}{
		{
			name: "proxy without power of attorney",
			event: `{"type":"notice_replied","date":"2024-02-09","actor":"proxy",
				"proxy":"张三","consent":true,"delivery":"by_hand"}`,
			field: "proxy", article: "Art. 13", articleZh: "第十三条",
		},
		{
			// A *rules.Violation from rules.CheckPreservation.
			name: "preservation without risk",
			event: `{"type":"evidence_preserved","date":"2024-02-09","actor":"agency",
				"evidence":"soil samples"}`,
			field: "evidence", article: "Art. 23", articleZh: "第二十三条",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newTestServer(clockFeb9)
			id := createCase(t, s)
			send(s, "POST", "/cases/"+id+"/events", appendBody(1, noticeEvent))

			w := send(s, "POST", "/cases/"+id+"/events", appendBody(2, tt.event))
			got := decode[errorBody](t, w, http.StatusUnprocessableEntity)
			if got.Article != tt.article {
				t.Errorf("article %q, want %q", got.Article, tt.article)
			}
			if got.ArticleZh != tt.articleZh {
				t.Errorf("article_zh %q, want %q", got.ArticleZh, tt.articleZh)
			}
			if got.Field != tt.field {
				t.Errorf("field %q, want %q", got.Field, tt.field)
			}
			if got.Error == "" {
				t.Error("error message is empty")
			}
			if stored := getCase(t, s, id); stored.EventCount != 2 {
				t.Errorf("stored event_count %d after the 422, want 2", stored.EventCount)
			}
		})
	}
}

func TestAppendWithoutCitation(t *testing.T) {
	s, _ := newTestServer(clockFeb9)
	id := createCase(t, s)
	// An event before the last one breaks the date order, which no
	// article states, so the response has a field but no article.
	early := `{"type":"notice_served","date":"2024-01-01","actor":"agency"}`
	got := decode[errorBody](t, send(s, "POST", "/cases/"+id+"/events", appendBody(1, early)),
		http.StatusUnprocessableEntity)
	if got.Field != "date" {
		t.Errorf("field %q, want date", got.Field)
	}
	if got.Article != "" || got.ArticleZh != "" {
		t.Errorf("article %q %q, want none", got.Article, got.ArticleZh)
	}
}

func TestCreateCaseRuleRejection(t *testing.T) {
	tests := []struct {
		name, event, field, article, articleZh string
	}{
		{"not an investigation", noticeEvent, "type", "Art. 8(1)", "第八条第一款"},
		{
			"obligor without name",
			strings.Replace(startEvent, `"name":"某化工有限公司"`, `"name":" "`, 1),
			"obligor.name", "Art. 6", "第六条",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newTestServer(clockFeb9)
			got := decode[errorBody](t, send(s, "POST", "/cases", tt.event),
				http.StatusUnprocessableEntity)
			if got.Field != tt.field {
				t.Errorf("field %q, want %q", got.Field, tt.field)
			}
			if got.Article != tt.article {
				t.Errorf("article %q, want %q", got.Article, tt.article)
			}
			if got.ArticleZh != tt.articleZh {
				t.Errorf("article_zh %q, want %q", got.ArticleZh, tt.articleZh)
			}
		})
	}
}

func TestBodyTooLarge(t *testing.T) {
	s, _ := newTestServer(clockFeb9)
	id := createCase(t, s)
	note := strings.Repeat("x", maxBodyBytes)
	big := `{"type":"notice_served","date":"2024-02-08","actor":"agency","note":"` + note + `"}`

	t.Run("append", func(t *testing.T) {
		got := decode[errorBody](t, send(s, "POST", "/cases/"+id+"/events", appendBody(1, big)),
			http.StatusRequestEntityTooLarge)
		if !strings.Contains(got.Error, "1048576 bytes") {
			t.Errorf("error %q does not give the limit", got.Error)
		}
		if stored := getCase(t, s, id); stored.EventCount != 1 {
			t.Errorf("stored event_count %d after the 413, want 1", stored.EventCount)
		}
	})
	t.Run("create", func(t *testing.T) {
		decode[errorBody](t, send(s, "POST", "/cases", big), http.StatusRequestEntityTooLarge)
	})
	t.Run("document", func(t *testing.T) {
		facts := `{"Damage":"` + note + `"}`
		decode[errorBody](t, send(s, "POST", "/cases/"+id+"/documents/notice", facts),
			http.StatusRequestEntityTooLarge)
	})
}

func TestUnknownField(t *testing.T) {
	s, _ := newTestServer(clockFeb9)
	id := createCase(t, s)
	colour := `{"type":"notice_served","date":"2024-02-08","actor":"agency","colour":"red"}`
	tests := []struct {
		name, target, body, field, inError string
	}{
		{"request field", "/cases/" + id + "/events",
			`{"expected_count": 1, "expected_cnt": 1, "event": ` + noticeEvent + `}`,
			"expected_cnt", `"expected_cnt"`},
		{"field in other case", "/cases/" + id + "/events",
			`{"Expected_Count": 1, "event": ` + noticeEvent + `}`,
			"Expected_Count", `"Expected_Count"`},
		{"event field", "/cases/" + id + "/events", appendBody(1, colour), "event", `"colour"`},
		{"first event field", "/cases",
			strings.Replace(startEvent, `"actor"`, `"colour":"red","actor"`, 1), "", `"colour"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := decode[errorBody](t, send(s, "POST", tt.target, tt.body), http.StatusBadRequest)
			if got.Field != tt.field {
				t.Errorf("field %q, want %q", got.Field, tt.field)
			}
			if !strings.Contains(got.Error, tt.inError) {
				t.Errorf("error %q does not name %s", got.Error, tt.inError)
			}
		})
	}
	if stored := getCase(t, s, id); stored.EventCount != 1 {
		t.Errorf("stored event_count %d after the 400s, want 1", stored.EventCount)
	}
}

func TestAppendRequestInvalid(t *testing.T) {
	s, _ := newTestServer(clockFeb9)
	id := createCase(t, s)
	tests := []struct {
		name, body, field string
	}{
		{"not JSON", `{"expected_count": 1,`, ""},
		{"array", `[1]`, ""},
		{"no expected_count", `{"event": ` + noticeEvent + `}`, "expected_count"},
		{"null expected_count", `{"expected_count": null, "event": ` + noticeEvent + `}`, "expected_count"},
		{"negative expected_count", appendBody(-1, noticeEvent), "expected_count"},
		{"fractional expected_count", `{"expected_count": 1.5, "event": ` + noticeEvent + `}`, "expected_count"},
		{"string expected_count", `{"expected_count": "1", "event": ` + noticeEvent + `}`, "expected_count"},
		{"no event", `{"expected_count": 1}`, "event"},
		{"unknown event type", appendBody(1, `{"type":"party_held","date":"2024-02-08","actor":"agency"}`), "event.type"},
		{"malformed date", appendBody(1, `{"type":"notice_served","date":"8 Feb 2024","actor":"agency"}`), "event.date"},
		{"day that does not exist", appendBody(1, `{"type":"notice_served","date":"2024-02-30","actor":"agency"}`), "event.date"},
		{"repeated expected_count", `{"expected_count": 1, "expected_count": 2, "event": ` + noticeEvent + `}`, "expected_count"},
		{"trailing data", appendBody(1, noticeEvent) + `{}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := decode[errorBody](t, send(s, "POST", "/cases/"+id+"/events", tt.body),
				http.StatusBadRequest)
			if got.Field != tt.field {
				t.Errorf("field %q, want %q (error %q)", got.Field, tt.field, got.Error)
			}
		})
	}
}

func TestUnsupportedMediaType(t *testing.T) {
	s, _ := newTestServer(clockFeb9)
	for _, contentType := range []string{"", "text/plain", "application/x-www-form-urlencoded"} {
		r := httptest.NewRequest("POST", "/cases", strings.NewReader(startEvent))
		if contentType != "" {
			r.Header.Set("Content-Type", contentType)
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		decode[errorBody](t, w, http.StatusUnsupportedMediaType)
	}

	r := httptest.NewRequest("POST", "/cases", strings.NewReader(startEvent))
	r.Header.Set("Content-Type", "application/json; charset=utf-8")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	decode[caseReply](t, w, http.StatusCreated)
}

func TestNotFound(t *testing.T) {
	s, _ := newTestServer(clockFeb9)
	id := createCase(t, s)
	tests := []struct {
		name, method, target, body string
	}{
		{"unknown case", "GET", "/cases/UNKNOWN", ""},
		{"append to unknown case", "POST", "/cases/UNKNOWN/events", appendBody(1, noticeEvent)},
		{"agenda of unknown case", "GET", "/cases/UNKNOWN/agenda", ""},
		{"invalid id", "GET", "/cases/a.b", ""},
		{"id too long", "GET", "/cases/" + strings.Repeat("A", 65), ""},
		{"no id", "GET", "/cases/", ""},
		{"unknown route", "GET", "/nowhere", ""},
		{"document of unknown case", "POST", "/cases/UNKNOWN/documents/notice", "{}"},
		{"unknown document", "POST", "/cases/" + id + "/documents/memo", "{}"},
		{"document without name", "POST", "/cases/" + id + "/documents/", "{}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := decode[errorBody](t, send(s, tt.method, tt.target, tt.body), http.StatusNotFound)
			if got.Error == "" {
				t.Error("error message is empty")
			}
		})
	}
}

func TestMethodNotAllowed(t *testing.T) {
	s, _ := newTestServer(clockFeb9)
	tests := []struct {
		method, target, allow string
	}{
		{"GET", "/cases", "POST"},
		{"DELETE", "/cases/ABC", "GET, HEAD"},
		{"GET", "/cases/ABC/events", "POST"},
		{"POST", "/cases/ABC/agenda", "GET, HEAD"},
		{"GET", "/cases/ABC/documents/notice", "POST"},
		{"PUT", "/cases/ABC/documents/notice", "POST"},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			w := send(s, tt.method, tt.target, "")
			decode[errorBody](t, w, http.StatusMethodNotAllowed)
			if allow := w.Header().Get("Allow"); allow != tt.allow {
				t.Errorf("Allow %q, want %q", allow, tt.allow)
			}
		})
	}
}

func TestAgendaDefaultDay(t *testing.T) {
	s, _ := newTestServer(clockFeb9)
	id := createCase(t, s)
	send(s, "POST", "/cases/"+id+"/events", appendBody(1, noticeEvent))

	got := decode[agendaReply](t, send(s, "GET", "/cases/"+id+"/agenda", ""), http.StatusOK)
	if got.Day != "2024-02-09" {
		t.Errorf("day %q, want 2024-02-09, the clock's date in China", got.Day)
	}
	if got.Stage != "awaiting_consent" {
		t.Errorf("stage %q, want awaiting_consent", got.Stage)
	}
	want := []agendaItem{
		{Party: "agency", Action: "inform the procuratorate of the investigation",
			Due: "promptly", Trigger: "2024-01-08", Article: "Art. 8(6)", ArticleZh: "第八条第六款"},
		// Five working days after Thursday 8 February 2024, across the
		// Spring Festival holiday.
		{Party: "obligor", Action: "answer the consultation notice in writing",
			Due: "2024-02-21", Trigger: "2024-02-08", Article: "Art. 8(3)", ArticleZh: "第八条第三款"},
	}
	if len(got.Items) != len(want) {
		t.Fatalf("%d items, want %d: %+v", len(got.Items), len(want), got.Items)
	}
	for i := range want {
		if got.Items[i] != want[i] {
			t.Errorf("item %d:\n got %+v\nwant %+v", i, got.Items[i], want[i])
		}
	}
}

func TestAgendaDefaultDayAfterDeadline(t *testing.T) {
	// 21 February 2024, 16:30 UTC is 22 February in China, the day after
	// the obligor's last day to answer, so silence counts as refusal.
	s, _ := newTestServer(time.Date(2024, time.February, 21, 16, 30, 0, 0, time.UTC))
	id := createCase(t, s)
	send(s, "POST", "/cases/"+id+"/events", appendBody(1, noticeEvent))

	got := decode[agendaReply](t, send(s, "GET", "/cases/"+id+"/agenda", ""), http.StatusOK)
	if got.Day != "2024-02-22" {
		t.Errorf("day %q, want 2024-02-22", got.Day)
	}
	if got.Stage != "failed" {
		t.Errorf("stage %q, want failed", got.Stage)
	}
	var lawsuit *agendaItem
	for i := range got.Items {
		if got.Items[i].Action == "file a compensation lawsuit" {
			lawsuit = &got.Items[i]
		}
	}
	if lawsuit == nil {
		t.Fatalf("no lawsuit item: %+v", got.Items)
	}
	if lawsuit.Due != "promptly" || lawsuit.Article != "Art. 20" || lawsuit.ArticleZh != "第二十条" {
		t.Errorf("lawsuit item %+v, want promptly under Art. 20", *lawsuit)
	}
}

func TestAgendaQueryDay(t *testing.T) {
	s, _ := newTestServer(clockFeb9)
	id := createCase(t, s)
	send(s, "POST", "/cases/"+id+"/events", appendBody(1, noticeEvent))
	agenda := "/cases/" + id + "/agenda"

	t.Run("later day", func(t *testing.T) {
		got := decode[agendaReply](t, send(s, "GET", agenda+"?day=2024-02-22", ""), http.StatusOK)
		if got.Stage != "failed" {
			t.Errorf("stage %q, want failed", got.Stage)
		}
	})
	t.Run("day before the notice", func(t *testing.T) {
		got := decode[agendaReply](t, send(s, "GET", agenda+"?day=2024-01-10", ""), http.StatusOK)
		if got.Stage != "investigating" {
			t.Errorf("stage %q, want investigating, because the notice came later", got.Stage)
		}
	})
	t.Run("day before the case", func(t *testing.T) {
		got := decode[errorBody](t, send(s, "GET", agenda+"?day=2023-12-31", ""), http.StatusBadRequest)
		if got.Field != "day" || !strings.Contains(got.Error, "2024-01-08") {
			t.Errorf("error %+v, want field day and the first day of the case", got)
		}
	})
	for _, bad := range []string{"?day=2024-02-30", "?day=9.2.2024", "?day=2024-02-09&day=2024-02-10"} {
		t.Run(bad, func(t *testing.T) {
			got := decode[errorBody](t, send(s, "GET", agenda+bad, ""), http.StatusBadRequest)
			if got.Field != "day" {
				t.Errorf("field %q, want day", got.Field)
			}
		})
	}
	t.Run("unknown parameter", func(t *testing.T) {
		got := decode[errorBody](t, send(s, "GET", agenda+"?date=2024-02-22", ""), http.StatusBadRequest)
		if got.Field != "date" {
			t.Errorf("field %q, want date", got.Field)
		}
	})
}

func TestAgendaOutsideCalendar(t *testing.T) {
	// The embedded notices end with 2026, so the reply deadline of a
	// notice served on 28 December 2026 falls outside them.
	start := strings.ReplaceAll(startEvent, "2024-01-08", "2026-12-21")
	notice := `{"type":"notice_served","date":"2026-12-28","actor":"agency"}`
	agenda := func(s *server) *httptest.ResponseRecorder {
		w := send(s, "POST", "/cases", start)
		id := decode[caseReply](t, w, http.StatusCreated).ID
		decode[caseReply](t, send(s, "POST", "/cases/"+id+"/events", appendBody(1, notice)), http.StatusOK)
		return send(s, "GET", "/cases/"+id+"/agenda?day=2026-12-29", "")
	}

	s, _ := newTestServer(clockFeb9)
	got := decode[errorBody](t, agenda(s), http.StatusUnprocessableEntity)
	if !strings.Contains(got.Error, "outside the covered days") {
		t.Errorf("error %q does not say the date is outside the calendar", got.Error)
	}

	engine, err := newEngine(true)
	if err != nil {
		t.Fatal(err)
	}
	provisional := newServer(newMemoryStore(), engine, func() time.Time { return clockFeb9 })
	items := decode[agendaReply](t, agenda(provisional), http.StatusOK).Items
	var answer *agendaItem
	for i := range items {
		if items[i].Party == "obligor" {
			answer = &items[i]
		}
	}
	if answer == nil || !answer.Provisional {
		t.Errorf("items %+v, want the obligor's answer due on a provisional day", items)
	}
}

func TestConcurrentAppends(t *testing.T) {
	const workers, perWorker = 8, 5
	s, _ := newTestServer(clockFeb9)
	id := createCase(t, s)

	var wg sync.WaitGroup
	var mu sync.Mutex
	conflicts := 0
	for worker := range workers {
		wg.Go(func() {
			for n := range perWorker {
				event := fmt.Sprintf(`{"type":"evidence_preserved","date":"2024-01-08",`+
					`"actor":"agency","evidence":"sample %d-%d","risk":"decay"}`, worker, n)
				for attempt := 0; ; attempt++ {
					if attempt == 1000 {
						t.Errorf("worker %d gave up on event %d after %d conflicts", worker, n, attempt)
						return
					}
					// Read the count, then append with it, as a client would.
					var current caseReply
					if err := json.Unmarshal(send(s, "GET", "/cases/"+id, "").Body.Bytes(), &current); err != nil {
						t.Errorf("reading the case: %v", err)
						return
					}
					w := send(s, "POST", "/cases/"+id+"/events", appendBody(current.EventCount, event))
					if w.Code == http.StatusOK {
						// Another append between the check and the store
						// would make the count jump.
						var appended caseReply
						if err := json.Unmarshal(w.Body.Bytes(), &appended); err != nil {
							t.Errorf("reading the append: %v", err)
						}
						if appended.EventCount != current.EventCount+1 {
							t.Errorf("append on %d events returned event_count %d",
								current.EventCount, appended.EventCount)
						}
						break
					}
					if w.Code != http.StatusConflict {
						t.Errorf("append: status %d: %s", w.Code, w.Body)
						return
					}
					mu.Lock()
					conflicts++
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	t.Logf("%d conflicts retried", conflicts)

	stored := getCase(t, s, id)
	if stored.EventCount != 1+workers*perWorker {
		t.Fatalf("event_count %d, want %d", stored.EventCount, 1+workers*perWorker)
	}
	seen := map[string]int{}
	for _, raw := range stored.Case.Events[1:] {
		var e struct{ Evidence string }
		if err := json.Unmarshal(raw, &e); err != nil {
			t.Fatal(err)
		}
		seen[e.Evidence]++
	}
	for worker := range workers {
		for n := range perWorker {
			if key := fmt.Sprintf("sample %d-%d", worker, n); seen[key] != 1 {
				t.Errorf("event %q stored %d times, want once", key, seen[key])
			}
		}
	}
}

func TestLogRejection(t *testing.T) {
	s, logs := newTestServer(clockFeb9)
	id := createCase(t, s)
	event := `{"type":"notice_served","date":"2024-01-01","actor":"agency","note":"private note text"}`
	send(s, "POST", "/cases/"+id+"/events", appendBody(1, event))

	out := logs.String()
	for _, want := range []string{"level=INFO", "request rejected", "case_id=" + id, "status=422",
		`route="POST /cases/{id}/events"`, "out of date order"} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "private note text") {
		t.Errorf("log contains the request body:\n%s", out)
	}
}

func TestLogTruncatesError(t *testing.T) {
	s, logs := newTestServer(clockFeb9)
	id := createCase(t, s)
	// The actor's error message quotes the value.
	long := strings.Repeat("y", 5000)
	event := `{"type":"notice_served","date":"2024-02-08","actor":"` + long + `"}`
	decode[errorBody](t, send(s, "POST", "/cases/"+id+"/events", appendBody(1, event)), http.StatusBadRequest)
	if strings.Contains(logs.String(), long) {
		t.Errorf("log contains the whole %d-byte value", len(long))
	}
	if !strings.Contains(logs.String(), "…") {
		t.Errorf("log does not mark the cut:\n%s", logs)
	}
}

// failingStore is a caseStore whose every call fails, as a database that
// is down would.
type failingStore struct{}

var errDatabaseDown = errors.New("database connection refused")

func (failingStore) Create(context.Context, string, consult.Log) error { return errDatabaseDown }
func (failingStore) Load(context.Context, string) (consult.Log, error) {
	return consult.Log{}, errDatabaseDown
}
func (failingStore) Append(context.Context, string, int, consult.Event) (consult.Log, error) {
	return consult.Log{}, errDatabaseDown
}

func TestStoreFailure(t *testing.T) {
	var logs bytes.Buffer
	s := newServer(failingStore{}, consult.Default(), func() time.Time { return clockFeb9 })
	s.logger = slog.New(slog.NewTextHandler(&logs, nil))

	tests := []struct{ method, target, body string }{
		{"POST", "/cases", startEvent},
		{"GET", "/cases/ABC", ""},
		{"POST", "/cases/ABC/events", appendBody(1, noticeEvent)},
		{"GET", "/cases/ABC/agenda", ""},
		{"POST", "/cases/ABC/documents/notice", "{}"},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			logs.Reset()
			got := decode[errorBody](t, send(s, tt.method, tt.target, tt.body),
				http.StatusInternalServerError)
			if strings.Contains(got.Error, "database") {
				t.Errorf("response %q shows the internal error", got.Error)
			}
			for _, want := range []string{"level=ERROR", "database connection refused", "case_id="} {
				if !strings.Contains(logs.String(), want) {
					t.Errorf("log lacks %q:\n%s", want, logs.String())
				}
			}
		})
	}
}
