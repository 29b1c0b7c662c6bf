package documents

import (
	"maps"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ecoconsult/ecoconsult/consult"
	"github.com/ecoconsult/ecoconsult/rules"
)

// unsafeRune returns the first rune of s that output must not contain:
// invalid UTF-8, a control character other than a line break, or a
// format character such as a bidirectional override or a zero-width
// space.
func unsafeRune(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			// U+FFFD replaces invalid input and is printable.
		case r == '\n':
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			return r, true
		}
	}
	if !utf8.ValidString(s) {
		return utf8.RuneError, true
	}
	return 0, false
}

// hostileCase opens, notices and serves a case whose obligor and case
// number are hostile strings.
func hostileCase(t *testing.T, payload string) consult.Case {
	t.Helper()
	agency := func(day int) consult.Header {
		return consult.Header{Date: d(2024, time.March, day), Actor: consult.Agency}
	}
	c, err := consult.Default().Replay([]consult.Event{
		consult.InvestigationStarted{Header: agency(1), CaseNumber: "案" + payload,
			Obligor: consult.ObligorInfo{Name: "某公司" + payload, Kind: consult.LegalPerson,
				Address: "地址" + payload},
			District: "西湖区"},
		consult.AssessmentIssued{Header: consult.Header{Date: d(2024, time.March, 4),
			Actor: consult.Institution}, Route: consult.RouteReport, Amount: rules.Yuan(1000)},
		consult.NoticeServed{Header: agency(5)},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// tags lists the HTML tags of page, with their attributes.
func tags(page string) []string {
	return regexp.MustCompile(`<[^>]*>`).FindAllString(page, -1)
}

// layoutTag matches every tag that templates/page.html.tmpl writes.
var layoutTag = regexp.MustCompile(`^(<!DOCTYPE html>|<html lang="zh-CN">|<meta charset="utf-8">|` +
	`<meta name="viewport" content="width=device-width, initial-scale=1">|` +
	`</?(html|head|title|style|body|article|header|div|p|hr|h1|h2|h3|span|table|thead|tbody|tr|th|td)` +
	`( class="[a-z]+")?>)$`)

// distinct returns the set of strings in ss.
func distinct(ss []string) map[string]bool {
	set := map[string]bool{}
	for _, s := range ss {
		set[s] = true
	}
	return set
}

func TestHostileStringsRenderHarmless(t *testing.T) {
	payloads := []struct {
		name, text string
	}{
		{"script tag", "<script>alert('x')</script>"},
		{"attribute break-out", "\"'><img src=x onerror=alert(1)>"},
		{"style and comment", "</style><!-- --><style>body{display:none}</style>"},
		{"template action", "{{.Title}}{{template \"page\"}}"},
		{"line injection", "正文\n签发人：假冒\r\n\u2028INJECTED"},
		{"terminal escape", "\x1b[2J\x1b[31m红色\x07\x00\x7f"},
		{"bidirectional override", "\u202e\u2066反向\u2069\u202c\u200b\ufeff"},
		{"invalid UTF-8", "\xff\xfe\xc3"},
		{"very long", strings.Repeat("<长>", 50000)},
	}
	benign := hostileCase(t, "甲")
	benignNotice, err := NewNotice(rules.Default(), benign, NoticeFacts{Agency: Agency{Name: "机关甲",
		Address: "地址甲", Contact: "甲", Phone: "甲"}, Number: "甲", Damage: "甲", ReplyMethod: "甲"})
	if err != nil {
		t.Fatal(err)
	}
	benignHTML, err := HTML(benignNotice)
	if err != nil {
		t.Fatal(err)
	}
	benignText, err := Text(benignNotice)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range payloads {
		t.Run(p.name, func(t *testing.T) {
			notice, err := NewNotice(rules.Default(), hostileCase(t, p.text), NoticeFacts{
				Agency: Agency{Name: "机关" + p.text, Address: "地址" + p.text,
					Contact: p.text, Phone: p.text},
				Number: p.text, Damage: "甲" + p.text, ReplyMethod: "甲" + p.text})
			if err != nil {
				t.Fatal(err)
			}
			html, err := HTML(notice)
			if err != nil {
				t.Fatal(err)
			}
			text, err := Text(notice)
			if err != nil {
				t.Fatal(err)
			}
			checkHarmless(t, p.name, text, html)
			if got, want := distinct(tags(html)), distinct(tags(benignHTML)); !maps.Equal(got, want) {
				t.Errorf("HTML tags %v differ from those of a benign notice %v", got, want)
			}
			// Single-line fields cannot add lines; the damage, which is
			// running text, adds one indented paragraph per line.
			if strings.Contains(text, "\nINJECTED") || strings.Contains(text, "\n签发人") {
				t.Errorf("text has a line that input started:\n%s", text)
			}
			extra := len(splitLines(p.text)) - 1
			if extra < 0 {
				extra = 0
			}
			if got, want := strings.Count(text, "\n"), strings.Count(benignText, "\n")+extra; got != want {
				t.Errorf("text has %d lines, want %d", got, want)
			}
		})
	}
}

func TestHostileStringsKeepTheirText(t *testing.T) {
	long := strings.Repeat("损害", 100000)
	notice, err := NewNotice(rules.Default(), hostileCase(t, ""), NoticeFacts{
		Agency: Agency{Name: "<机关>"}, Damage: long, ReplyMethod: "{{.Title}}"})
	if err != nil {
		t.Fatal(err)
	}
	text, err := Text(notice)
	if err != nil {
		t.Fatal(err)
	}
	html, err := HTML(notice)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, long) || !strings.Contains(html, long) {
		t.Error("a long damage description was cut")
	}
	if !strings.Contains(text, "{{.Title}}") || !strings.Contains(html, "{{.Title}}") {
		t.Error("a template action in input was not printed as it is")
	}
	if !strings.Contains(html, "&lt;机关&gt;") {
		t.Error("the agency's name was not escaped in HTML")
	}
	if !strings.Contains(text, "<机关>") {
		t.Error("the agency's name was changed in text")
	}
}

func TestBlankWithInvisibleCharactersIsMissing(t *testing.T) {
	_, err := NewNotice(rules.Default(), hostileCase(t, ""), NoticeFacts{
		Agency: Agency{Name: "机关"}, Damage: "\u200b\u202e \x00", ReplyMethod: "当面递交"})
	items := missingItems(t, err)
	if len(items) != 1 || items[0].Chinese != "经调查发现的生态环境损害" {
		t.Errorf("missing items %+v, want only the damage", items)
	}
}
