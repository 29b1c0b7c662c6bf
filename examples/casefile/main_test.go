package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// clock is a fixed "now": 4 December 2026, 10:00 in Hangzhou.
var clock = time.Date(2026, time.December, 4, 2, 0, 0, 0, time.UTC)

func runCmd(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut, clock)
	return code, out.String(), errOut.String()
}

func TestEmbeddedCaseMidway(t *testing.T) {
	code, out, errOut := runCmd("-today", "2021-11-13")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"As of 2021-11-13: awaiting_signature since 2021-11-12",
		// Art. 11: 7 working days after the acceptance of 12 November 2021.
		"sign the agreement with the obligor  by 2021-11-23  Art. 11",
		"2021-11-05  opinion_served",
		"9 later events in the file are not applied",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestEmbeddedCaseToday(t *testing.T) {
	code, out, errOut := runCmd()
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "As of 2026-12-04: performed since 2022-12-20") ||
		!strings.Contains(out, "nothing is open") {
		t.Errorf("output as of the clock's day:\n%s", out)
	}
}

func TestEveryCaseFileRuns(t *testing.T) {
	files, err := filepath.Glob("testdata/*.json")
	if err != nil || len(files) < 4 {
		t.Fatalf("case files: %v %v", files, err)
	}
	for _, f := range files {
		code, out, errOut := runCmd("-json", f)
		if code != 0 {
			t.Errorf("%s: exit %d: %s", f, code, errOut)
			continue
		}
		var rep report
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Errorf("%s: -json output is not JSON: %v", f, err)
			continue
		}
		if rep.Stage != "performed" || len(rep.History) == 0 {
			t.Errorf("%s: stage %q with %d history lines", f, rep.Stage, len(rep.History))
		}
	}
}

func TestJSONAgenda(t *testing.T) {
	code, out, _ := runCmd("-json", "-today", "2021-11-20")
	if code != 0 {
		t.Fatal("exit", code)
	}
	var rep report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	var conf *agendaLine
	for i := range rep.Agenda {
		if rep.Agenda[i].Article == "Art. 19" {
			conf = &rep.Agenda[i]
		}
	}
	// Effective 19 November 2021: day 30 is Sunday 19 December.
	if conf == nil || conf.Due != "2021-12-20" || !conf.Option || conf.Chinese != "第十九条" {
		t.Errorf("confirmation item %+v, want an option due 2021-12-20 under 第十九条", conf)
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	renamed := write("renamed.json", `{"version":1,"events":[{"type":"investigation_started","date":"2024-01-05","actor":"agency","case_number":"x","obligor":{"name":"a","kind":"legal_person","address":"b"},"district":"下城区"}]}`)
	unknown := write("unknown.json", `{"version":1,"events":[{"type":"investigation_started","date":"2024-01-05","actor":"agency","colour":"red"}]}`)
	badActor := write("actor.json", `{"version":1,"events":[{"type":"investigation_started","date":"2024-01-05","actor":"agency","case_number":"x","obligor":{"name":"a","kind":"legal_person","address":"b"},"district":"西湖区"},{"type":"notice_served","date":"2024-01-08","actor":"obligor"}]}`)
	cases := []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"merged district", []string{renamed}, 1, []string{"renamed.json", "event 0", "field district", "Art. 2", "拱墅区"}},
		{"unknown field", []string{unknown}, 1, []string{"unknown.json", "event 0", `unknown field "colour"`}},
		{"obligor records agency act", []string{badActor}, 1, []string{"actor.json", "event 1", "field actor", "no standing"}},
		{"missing file", []string{filepath.Join(dir, "none.json")}, 1, []string{"no such file"}},
		{"bad day", []string{"-today", "2024-13-01"}, 2, []string{"-today", "invalid date"}},
		{"two files", []string{"a", "b"}, 2, []string{"one case file"}},
		{"before the case", []string{"-today", "2020-01-01"}, 1, []string{"no event on or before 2020-01-01"}},
	}
	for _, tc := range cases {
		code, _, errOut := runCmd(tc.args...)
		if code != tc.code {
			t.Errorf("%s: exit %d, want %d (%s)", tc.name, code, tc.code, errOut)
		}
		for _, w := range tc.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("%s: stderr %q lacks %q", tc.name, errOut, w)
			}
		}
	}
}

// TestCaseFilesMatchConsult keeps this command's copies of the real cases,
// which it embeds, equal to the ones package consult tests.
func TestCaseFilesMatchConsult(t *testing.T) {
	files, err := filepath.Glob("../../consult/testdata/cases/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("consult case files: %v %v", files, err)
	}
	for _, f := range files {
		want, err1 := os.ReadFile(f)
		got, err2 := os.ReadFile(filepath.Join("testdata", filepath.Base(f)))
		if err1 != nil || err2 != nil || !bytes.Equal(want, got) {
			t.Errorf("testdata/%s differs from %s (%v %v); copy it over", filepath.Base(f), f, err1, err2)
		}
	}
}

func TestRoadPastTheCalendar(t *testing.T) {
	p := filepath.Join(t.TempDir(), "late.json")
	body := `{"version":1,"events":[
{"type":"investigation_started","date":"2026-11-02","actor":"agency","case_number":"x","obligor":{"name":"a","kind":"legal_person","address":"b"},"district":"西湖区"},
{"type":"assessment_issued","date":"2026-12-01","actor":"institution","route":"report","amount_fen":100},
{"type":"notice_served","date":"2026-12-11","actor":"agency"}]}`
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	// Served Friday 11 December 2026: the answer is due 18 December, but
	// the road then runs into 2027, which the notices do not cover yet.
	code, out, errOut := runCmd("-today", "2026-12-12", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "by 2026-12-18") || !strings.Contains(out, "the road stops here") {
		t.Errorf("output:\n%s", out)
	}
	code, out, errOut = runCmd("-provisional", "-today", "2026-12-12", p)
	if code != 0 || strings.Contains(out, "the road stops here") || !strings.Contains(out, "2027-") {
		t.Errorf("with -provisional: exit %d\n%s%s", code, out, errOut)
	}
}

func TestWholeFileChecked(t *testing.T) {
	p := filepath.Join(t.TempDir(), "order.json")
	body := `{"version":1,"events":[
{"type":"investigation_started","date":"2024-01-05","actor":"agency","case_number":"x","obligor":{"name":"a","kind":"legal_person","address":"b"},"district":"西湖区"},
{"type":"procuratorate_informed","date":"2052-01-08","actor":"agency"},
{"type":"assessment_issued","date":"2024-02-01","actor":"institution","route":"report","amount_fen":100}]}`
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCmd("-today", "2024-03-01", p)
	if code != 1 || !strings.Contains(errOut, "event 2") {
		t.Errorf("an event out of order after -today: exit %d, %s", code, errOut)
	}
}

func TestDocuments(t *testing.T) {
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"-doc", "notice", "-today", "2021-11-02"}, 0, "2021年11月8日"},
		{[]string{"-doc", "opinion"}, 0, "生态环境损害赔偿意见书"},
		{[]string{"-doc", "agreement"}, 0, "贰佰叁拾万肆仟元整"},
		{[]string{"-doc", "disclosure"}, 0, "第二十六条"},
		{[]string{"-doc", "cooperation"}, 0, "杭州市临平区人民法院"},
		{[]string{"-doc", "agreement", "-html"}, 0, "<html"},
		// Before 5 November 2021 no opinion letter was served.
		{[]string{"-doc", "opinion", "-today", "2021-11-02"}, 1, "opinion_served"},
		{[]string{"-doc", "minutes"}, 1, `no "minutes" section`},
		{[]string{"-doc", "memo"}, 2, `-doc "memo": want one of notice`},
		{[]string{"-doc", ""}, 2, `-doc "": want one of notice`},
		{[]string{"-doc", "notice", "-today", "2021-01-01"}, 1, "give -today that day or later"},
		{[]string{"-html"}, 2, "go with -doc"},
	}
	for _, tc := range cases {
		code, out, errOut := runCmd(tc.args...)
		if code != tc.code {
			t.Errorf("casefile %v: exit %d, want %d (%s)", tc.args, code, tc.code, errOut)
			continue
		}
		if !strings.Contains(out+errOut, tc.want) {
			t.Errorf("casefile %v: output lacks %q:\n%s%s", tc.args, tc.want, out, errOut)
		}
	}
}

func TestDocumentNeedsFacts(t *testing.T) {
	code, _, errOut := runCmd("-doc", "notice", "testdata/02-hangzhou-yuhang-baizhang-wastewater.json")
	if code != 1 || !strings.Contains(errOut, "-facts") {
		t.Errorf("a case file without -facts: exit %d, %s", code, errOut)
	}
}

func TestFactsRejectImpossibleDates(t *testing.T) {
	p := filepath.Join(t.TempDir(), "facts.json")
	body := `{"cooperation":{"Agency":{"Name":"a","Address":"b"},"Date":"2023-02-30","Recipient":"某法院"}}`
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCmd("-doc", "cooperation", "-facts", p)
	if code != 1 || !strings.Contains(errOut, "2023-02-30") {
		t.Errorf("facts with 2023-02-30: exit %d, %s", code, errOut)
	}
}

func TestTerminalSafe(t *testing.T) {
	got := terminalSafe("a\x1b[31mb\a\u202ec\u2028d\te\n")
	if want := "a[31mbc d\te\n"; got != want {
		t.Errorf("terminalSafe = %q, want %q", got, want)
	}
}

func TestFactsErrorNamesFactsFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "my-facts.json")
	facts := `{"minutes": {"Attendees": [{"Name": "王某", "Role": "hots"}]}}`
	if err := os.WriteFile(path, []byte(facts), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCmd("-doc", "minutes", "-facts", path)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (%s)", code, errOut)
	}
	if !strings.Contains(errOut, "my-facts.json") || !strings.Contains(errOut, `"hots"`) {
		t.Errorf("error %q does not name the facts file and the bad role", errOut)
	}
}
