package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"
)

// fireCase is the real case whose documents the tests render: the 2021
// chemical warehouse fire in Hangzhou's 临平 district. Its facts file
// holds the casefile command's facts for it, with sections added for
// the meeting notice, the minutes and the proxy checklist.
const (
	fireCase  = "../../consult/testdata/cases/01-hangzhou-linping-chemical-fire.json"
	fireFacts = "testdata/facts-01-hangzhou-linping-chemical-fire.json"
)

// fireEvents returns the events of the fire case in the JSON of its file.
func fireEvents(t *testing.T) []json.RawMessage {
	t.Helper()
	data, err := os.ReadFile(fireCase)
	if err != nil {
		t.Fatal(err)
	}
	var log struct{ Events []json.RawMessage }
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatalf("%s: %v", fireCase, err)
	}
	return log.Events
}

// fireMeetingEvents returns the fire case up to the opinion letter of
// 5 November 2021, followed by an objection and one meeting at which the
// parties agree. The real case had no meeting, because the obligor
// accepted the letter.
func fireMeetingEvents(t *testing.T) []json.RawMessage {
	t.Helper()
	var events []json.RawMessage
	for _, e := range fireEvents(t) {
		var head struct{ Type string }
		if err := json.Unmarshal(e, &head); err != nil {
			t.Fatal(err)
		}
		events = append(events, e)
		if head.Type == "opinion_served" {
			break
		}
	}
	return append(events,
		json.RawMessage(`{"type":"opinion_replied","date":"2021-11-08","actor":"obligor",
			"answer":"object","delivery":"by_hand"}`),
		json.RawMessage(`{"type":"meeting_scheduled","date":"2021-11-09","actor":"agency",
			"meeting_date":"2021-11-12","host":"王某","recorder":"李某","place":"杭州市生态环境局会议室"}`),
		json.RawMessage(`{"type":"meeting_held","date":"2021-11-12","actor":"agency","outcome":"agreed"}`))
}

// createCaseFrom opens a case with the first event and appends the others
// one by one, as a client would, and returns its id.
func createCaseFrom(t *testing.T, h http.Handler, events []json.RawMessage) string {
	t.Helper()
	id := decode[caseReply](t, send(h, "POST", "/cases", string(events[0])), http.StatusCreated).ID
	for i, e := range events[1:] {
		w := send(h, "POST", "/cases/"+id+"/events", appendBody(i+1, string(e)))
		decode[caseReply](t, w, http.StatusOK)
	}
	return id
}

// fireFactsFor returns the section of the facts file for document name.
func fireFactsFor(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(fireFacts)
	if err != nil {
		t.Fatal(err)
	}
	var sections map[string]json.RawMessage
	if err := json.Unmarshal(data, &sections); err != nil {
		t.Fatalf("%s: %v", fireFacts, err)
	}
	section, ok := sections[name]
	if !ok {
		t.Fatalf("%s has no %q section", fireFacts, name)
	}
	return string(section)
}

// renderDoc requests a document; query is empty or starts with "?".
func renderDoc(h http.Handler, id, name, query, facts string) *httptest.ResponseRecorder {
	return send(h, "POST", "/cases/"+id+"/documents/"+name+query, facts)
}

func TestDocumentEveryName(t *testing.T) {
	s, _ := newTestServer(clockFeb9)
	fire := createCaseFrom(t, s, fireEvents(t))
	meeting := createCaseFrom(t, s, fireMeetingEvents(t))

	tests := []struct {
		name, id string
		want     []string
	}{
		// Served Monday 1 November 2021, so the answer is due five
		// working days later, on Monday 8 November.
		{"notice", fire, []string{"生态环境损害赔偿磋商告知书", "2021年11月8日"}},
		{"opinion", fire, []string{"生态环境损害赔偿意见书", "现场勘查笔录及照片"}},
		{"meeting_notice", meeting, []string{"生态环境损害赔偿磋商会议通知", "杭州市生态环境局会议室"}},
		{"minutes", meeting, []string{"生态环境损害赔偿磋商会议记录", "同意分三期支付"}},
		{"proxy_checklist", fire, []string{"授权委托材料核对清单", "陈某"}},
		{"agreement", fire, []string{"生态环境损害赔偿协议", "贰佰叁拾万肆仟元整"}},
		{"disclosure", fire, []string{"生态环境损害赔偿磋商情况及赔偿协议公开", "第二十六条"}},
		{"cooperation", fire, []string{"杭州市临平区人民法院", "支付第三期款项"}},
	}
	formats := []struct {
		query, contentType, start string
	}{
		{"", "text/plain; charset=utf-8", ""},
		{"?format=text", "text/plain; charset=utf-8", ""},
		{"?format=html", "text/html; charset=utf-8", "<!DOCTYPE html>"},
	}
	for _, tt := range tests {
		for _, f := range formats {
			t.Run(tt.name+f.query, func(t *testing.T) {
				w := renderDoc(s, tt.id, tt.name, f.query, fireFactsFor(t, tt.name))
				if w.Code != http.StatusOK {
					t.Fatalf("status %d, want 200; body %s", w.Code, w.Body)
				}
				if ct := w.Header().Get("Content-Type"); ct != f.contentType {
					t.Errorf("Content-Type %q, want %q", ct, f.contentType)
				}
				if nosniff := w.Header().Get("X-Content-Type-Options"); nosniff != "nosniff" {
					t.Errorf("X-Content-Type-Options %q, want nosniff", nosniff)
				}
				body := w.Body.String()
				if !strings.HasPrefix(body, f.start) {
					t.Errorf("body starts %q, want %q", body[:min(len(body), 40)], f.start)
				}
				for _, want := range tt.want {
					if !strings.Contains(body, want) {
						t.Errorf("document lacks %q:\n%s", want, body)
					}
				}
			})
		}
	}
}

func TestDocumentDefaultDay(t *testing.T) {
	// The opinion letter was served on 5 November 2021. At 16:30 UTC on
	// 4 November it is already 5 November in China.
	s, _ := newTestServer(time.Date(2021, time.November, 4, 16, 30, 0, 0, time.UTC))
	id := createCaseFrom(t, s, fireEvents(t))
	w := renderDoc(s, id, "opinion", "", fireFactsFor(t, "opinion"))
	if w.Code != http.StatusOK {
		t.Errorf("status %d on the clock's day in China, want 200; body %s", w.Code, w.Body)
	}

	s.clock = func() time.Time { return time.Date(2021, time.November, 4, 15, 30, 0, 0, time.UTC) }
	w = renderDoc(s, id, "opinion", "", fireFactsFor(t, "opinion"))
	decode[errorBody](t, w, http.StatusUnprocessableEntity)
}

// TestDocumentBeforeOpinion shows the decision for a day before the event
// a document is about: the case as of that day lacks the event, so the
// document lacks an item and the response is 422 with the missing list.
func TestDocumentBeforeOpinion(t *testing.T) {
	s, _ := newTestServer(clockFeb9)
	id := createCaseFrom(t, s, fireEvents(t))
	w := renderDoc(s, id, "opinion", "?day=2021-11-02", fireFactsFor(t, "opinion"))
	got := decode[errorBody](t, w, http.StatusUnprocessableEntity)

	want := missingItem{Item: "day the obligor received the letter (record opinion_served in the case)",
		ItemZh: "送达日期", Article: "Art. 9", ArticleZh: "第九条"}
	if !containsItem(got.Missing, want) {
		t.Errorf("missing %+v, want it to contain %+v", got.Missing, want)
	}
	if !strings.Contains(got.Error, "opinion_served") {
		t.Errorf("error %q does not name the event to record", got.Error)
	}

	// The notice was served on 1 November, so it renders on that day.
	w = renderDoc(s, id, "notice", "?day=2021-11-02", fireFactsFor(t, "notice"))
	if w.Code != http.StatusOK {
		t.Errorf("notice on 2021-11-02: status %d, want 200; body %s", w.Code, w.Body)
	}
}

// withFact returns facts with field set to value.
func withFact(t *testing.T, facts, field string, value any) string {
	t.Helper()
	var fields map[string]any
	if err := json.Unmarshal([]byte(facts), &fields); err != nil {
		t.Fatal(err)
	}
	fields[field] = value
	data, err := json.Marshal(fields)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func containsItem(items []missingItem, want missingItem) bool {
	for _, it := range items {
		if it == want {
			return true
		}
	}
	return false
}

func TestDocumentMissingItems(t *testing.T) {
	s, _ := newTestServer(clockFeb9)
	id := createCaseFrom(t, s, fireEvents(t))

	t.Run("empty notice facts", func(t *testing.T) {
		got := decode[errorBody](t, renderDoc(s, id, "notice", "", `{}`), http.StatusUnprocessableEntity)
		want := []missingItem{
			{"agency's name", "赔偿权利人（送达机关）名称", "Art. 8(3)", "第八条第三款"},
			{"damage found by the investigation", "经调查发现的生态环境损害", "Art. 8(3)", "第八条第三款"},
			{"how to answer in writing", "书面答复方式", "Art. 8(3)", "第八条第三款"},
		}
		if len(got.Missing) != len(want) {
			t.Fatalf("missing %+v, want %d items", got.Missing, len(want))
		}
		for i := range want {
			if got.Missing[i] != want[i] {
				t.Errorf("missing item %d:\n got %+v\nwant %+v", i, got.Missing[i], want[i])
			}
		}
		if got.Article != "" {
			t.Errorf("article %q, want none beside the missing items", got.Article)
		}
	})
	t.Run("every item cited", func(t *testing.T) {
		got := decode[errorBody](t, renderDoc(s, id, "opinion", "", `{}`), http.StatusUnprocessableEntity)
		if len(got.Missing) < 10 {
			t.Errorf("missing %+v, want every item of Art. 9 and 10", got.Missing)
		}
		for _, it := range got.Missing {
			if it.Item == "" || it.ItemZh == "" || it.Article == "" || it.ArticleZh == "" {
				t.Errorf("missing item %+v lacks a name or an article", it)
			}
		}
	})
	// The real case held no meeting.
	for _, name := range []string{"meeting_notice", "minutes"} {
		t.Run(name+" without meeting", func(t *testing.T) {
			w := renderDoc(s, id, name, "", fireFactsFor(t, name))
			got := decode[errorBody](t, w, http.StatusUnprocessableEntity)
			if len(got.Missing) == 0 || !strings.Contains(got.Missing[0].Item, "meeting_scheduled") {
				t.Errorf("missing %+v, want the meeting first", got.Missing)
			}
		})
	}
}

func TestDocumentRuleRejection(t *testing.T) {
	s, _ := newTestServer(clockFeb9)
	fire := createCaseFrom(t, s, fireEvents(t))
	meeting := createCaseFrom(t, s, fireMeetingEvents(t))

	// Someone who did not attend signed the minutes.
	minutes := withFact(t, fireFactsFor(t, "minutes"), "Signed", []string{"王某", "李某", "赵某", "吴某", "钱某"})
	tests := []struct {
		name, id, doc, query, facts, article, articleZh string
	}{
		{"signature of absent person", meeting, "minutes", "", minutes, "Art. 14(1)(8)", "第十四条第一款第八项"},
		// On 20 November 2021 no instalment had been paid.
		{"cooperation before performance", fire, "cooperation", "?day=2021-11-20",
			fireFactsFor(t, "cooperation"), "Art. 28", "第二十八条"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := decode[errorBody](t, renderDoc(s, tt.id, tt.doc, tt.query, tt.facts),
				http.StatusUnprocessableEntity)
			if got.Article != tt.article {
				t.Errorf("article %q, want %q (error %q)", got.Article, tt.article, got.Error)
			}
			if got.ArticleZh != tt.articleZh {
				t.Errorf("article_zh %q, want %q", got.ArticleZh, tt.articleZh)
			}
		})
	}
}

func TestDocumentUnknownName(t *testing.T) {
	s, logs := newTestServer(clockFeb9)
	id := createCaseFrom(t, s, fireEvents(t))
	got := decode[errorBody](t, renderDoc(s, id, "memorandum", "", `{}`), http.StatusNotFound)
	for _, name := range []string{"notice", "opinion", "meeting_notice", "minutes", "proxy_checklist",
		"agreement", "disclosure", "cooperation"} {
		if !strings.Contains(got.Error, name) {
			t.Errorf("error %q does not list %s", got.Error, name)
		}
	}
	if strings.Contains(logs.String(), "memorandum") {
		t.Errorf("log contains the path text:\n%s", logs)
	}
}

func TestDocumentInvalidFacts(t *testing.T) {
	s, _ := newTestServer(clockFeb9)
	id := createCaseFrom(t, s, fireEvents(t))
	tests := []struct {
		name, doc, facts, field, inError string
	}{
		{"unknown field", "notice", `{"Damage": "x", "Colour": "red"}`, "Colour", `"Colour"`},
		{"field in other case", "notice", `{"damage": "x"}`, "damage", "Damage"},
		{"nested unknown field", "notice", `{"Agency": {"Name": "x", "Fax": "1"}}`, "Agency.Fax", "Agency.Fax"},
		{"unknown field in array", "minutes", `{"Attendees": [{"Name": "x"}, {"Name": "y", "Age": 3}]}`,
			"Attendees[1].Age", `"Attendees[1].Age"`},
		{"field of other document", "notice", `{"Recipient": "x"}`, "Recipient", "ReplyMethod"},
		{"day that does not exist", "cooperation", `{"Date": "2023-02-30"}`, "Date", "invalid Date"},
		{"month that does not exist", "opinion", `{"PerformanceDeadline": "2022-13-01"}`,
			"PerformanceDeadline", "invalid PerformanceDeadline"},
		{"date in other form", "proxy_checklist", `{"Day": "20211112"}`, "Day", "invalid Day"},
		{"number for date", "proxy_checklist", `{"Day": 20211112}`, "Day", "want a date"},
		{"string for number", "minutes", `{"Meeting": "one"}`, "Meeting", "invalid Meeting"},
		{"number for string", "notice", `{"Damage": 5}`, "Damage", "invalid Damage"},
		{"string for array", "opinion", `{"Evidence": "photos"}`, "Evidence", "want a JSON array"},
		{"string for object", "notice", `{"Agency": "x"}`, "Agency", "want a JSON object"},
		{"invalid map key", "minutes", `{"Records": {"first": "x"}}`, `Records["first"]`, `"first"`},
		{"not an object", "notice", `["x"]`, "", "not a JSON object"},
		{"null", "notice", `null`, "", "not a JSON object"},
		{"not JSON", "notice", `{"Damage": `, "", "not a JSON object"},
		{"trailing data", "notice", `{"Damage": "x"} {}`, "", "not a JSON object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := decode[errorBody](t, renderDoc(s, id, tt.doc, "", tt.facts), http.StatusBadRequest)
			if got.Field != tt.field {
				t.Errorf("field %q, want %q (error %q)", got.Field, tt.field, got.Error)
			}
			if !strings.Contains(got.Error, tt.inError) {
				t.Errorf("error %q lacks %q", got.Error, tt.inError)
			}
		})
	}
}

func TestDocumentQuery(t *testing.T) {
	s, _ := newTestServer(clockFeb9)
	id := createCaseFrom(t, s, fireEvents(t))
	facts := fireFactsFor(t, "notice")
	tests := []struct {
		query, field, inError string
	}{
		{"?format=pdf", "format", "want text or html"},
		{"?format=HTML", "format", "want text or html"},
		{"?format=text&format=html", "format", "given 2 times"},
		{"?day=2021-11-31", "day", "want a real day as YYYY-MM-DD"},
		{"?day=2021-11-02&day=2021-11-03", "day", "given 2 times"},
		{"?day=2021-04-06", "day", "the case starts on 2021-04-07"},
		{"?date=2021-11-02", "date", "the parameters are day and format"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got := decode[errorBody](t, renderDoc(s, id, "notice", tt.query, facts), http.StatusBadRequest)
			if got.Field != tt.field {
				t.Errorf("field %q, want %q", got.Field, tt.field)
			}
			if !strings.Contains(got.Error, tt.inError) {
				t.Errorf("error %q lacks %q", got.Error, tt.inError)
			}
		})
	}
}

func TestDocumentNeedsJSON(t *testing.T) {
	s, _ := newTestServer(clockFeb9)
	id := createCaseFrom(t, s, fireEvents(t))
	r := httptest.NewRequest("POST", "/cases/"+id+"/documents/notice",
		strings.NewReader(fireFactsFor(t, "notice")))
	r.Header.Set("Content-Type", "text/plain")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	decode[errorBody](t, w, http.StatusUnsupportedMediaType)
}

func TestDocumentHostileInput(t *testing.T) {
	s, _ := newTestServer(clockFeb9)
	id := createCaseFrom(t, s, fireEvents(t))
	const hostile = `<script>alert(1)</script>"><img src=x onerror=alert(2)>`
	facts := withFact(t, fireFactsFor(t, "notice"), "Damage", hostile)

	w := renderDoc(s, id, "notice", "?format=html", facts)
	if w.Code != http.StatusOK {
		t.Fatalf("status %d, want 200; body %s", w.Code, w.Body)
	}
	page := w.Body.String()
	for _, markup := range []string{"<script", "<img"} {
		if strings.Contains(page, markup) {
			t.Errorf("page contains %q from the input", markup)
		}
	}
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("page lacks the escaped input:\n%s", page)
	}
	csp := w.Header().Get("Content-Security-Policy")
	if csp != "default-src 'none'; style-src 'unsafe-inline'" {
		t.Errorf("Content-Security-Policy %q, want no source but inline styles", csp)
	}
}

func TestLogDocumentRejection(t *testing.T) {
	s, logs := newTestServer(clockFeb9)
	id := createCaseFrom(t, s, fireEvents(t))
	logs.Reset()
	renderDoc(s, id, "notice", "", `{"Damage": "private damage text"}`)

	out := logs.String()
	for _, want := range []string{"level=INFO", "request rejected", "case_id=" + id, "status=422",
		`route="POST /cases/{id}/documents/{name}"`, "agency's name"} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "private damage text") {
		t.Errorf("log contains the request body:\n%s", out)
	}
}

func TestDocumentMissingAndViolation(t *testing.T) {
	s, _ := newTestServer(clockFeb9)
	id := createCase(t, s)
	send(s, "POST", "/cases/"+id+"/events", appendBody(1, noticeEvent))

	// The case has no assessment, which Art. 9 requires of an opinion
	// letter, and no opinion_served event.
	got := decode[errorBody](t, renderDoc(s, id, "opinion", "", `{}`), http.StatusUnprocessableEntity)
	if got.Article != "Art. 9" || got.ArticleZh != "第九条" {
		t.Errorf("article %q %q, want Art. 9 第九条", got.Article, got.ArticleZh)
	}
	if !strings.Contains(got.Error, "no assessment report") {
		t.Errorf("error %q does not give the violation", got.Error)
	}
	if len(got.Missing) == 0 {
		t.Error("no missing items beside the violation")
	}
}
