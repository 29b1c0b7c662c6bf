package documents

import (
	"embed"
	"errors"
	"fmt"
	htmltemplate "html/template"
	"reflect"
	"strings"
	texttemplate "text/template"
	"unicode"
)

// templateFiles holds the layouts of a page in text and in HTML, and the
// print stylesheet. They are parsed on each call, so the package keeps no
// parsed state.
//
//go:embed templates
var templateFiles embed.FS

// A Document is one of the official documents of this package. Build it
// with its New function, which checks it; Text and HTML check it again
// before they render anything, so a value changed or built by hand is
// never rendered with a required item missing.
type Document interface {
	// Check returns nil when every item the measures require is present,
	// or an error naming each missing item with its article.
	Check() error
	// layout arranges the checked document as a page.
	layout() page
}

// ErrNoDocument reports a nil Document given to Text or HTML.
var ErrNoDocument = errors.New("documents: no document given")

// prepare checks d and returns its sanitized page.
func prepare(d Document) (page, error) {
	if d == nil {
		return page{}, ErrNoDocument
	}
	if v := reflect.ValueOf(d); v.Kind() == reflect.Pointer && v.IsNil() {
		return page{}, ErrNoDocument
	}
	if err := d.Check(); err != nil {
		return page{}, err
	}
	p := d.layout()
	p.sanitize()
	return p, nil
}

// Text renders d as plain UTF-8 text, laid out for a line of 28 Chinese
// characters as GB/T 9704 sets it. It returns d.Check's error, and no
// text, when d lacks a required item.
//
// Line breaks inside a field become spaces, except in the running text of
// the official, where each line is a paragraph and is indented. Control
// and format characters are dropped. So no input can start an unindented
// line, move the cursor of a terminal or reverse the direction of the
// text around it.
func Text(d Document) (string, error) {
	p, err := prepare(d)
	if err != nil {
		return "", err
	}
	t, err := texttemplate.New("page.txt.tmpl").Funcs(textFuncs()).
		ParseFS(templateFiles, "templates/page.txt.tmpl")
	if err != nil {
		return "", fmt.Errorf("documents: parsing the text layout: %w", err)
	}
	var b strings.Builder
	if err := t.Execute(&b, p); err != nil {
		return "", fmt.Errorf("documents: rendering %s as text: %w", p.Title, err)
	}
	return b.String(), nil
}

// HTML renders d as a complete HTML page with a print stylesheet for A4
// paper. The stylesheet follows GB/T 9704 for the margins, the fonts and
// sizes of the title and body, 22 lines to a page, the red masthead and
// separator, and the signature and date at the right. It returns
// d.Check's error, and no HTML, when d lacks a required item.
//
// The page is built with html/template, which escapes every input string
// for its context, and prints no input as a link or an attribute.
func HTML(d Document) (string, error) {
	p, err := prepare(d)
	if err != nil {
		return "", err
	}
	t, err := htmltemplate.New("page.html.tmpl").
		ParseFS(templateFiles, "templates/page.html.tmpl", "templates/print.css")
	if err != nil {
		return "", fmt.Errorf("documents: parsing the HTML layout: %w", err)
	}
	var b strings.Builder
	if err := t.Execute(&b, p); err != nil {
		return "", fmt.Errorf("documents: rendering %s as HTML: %w", p.Title, err)
	}
	return b.String(), nil
}

// lineColumns is the width of a text line: 28 Chinese characters of two
// columns each.
const lineColumns = 56

// textFuncs returns the helpers of the text layout.
func textFuncs() texttemplate.FuncMap {
	return texttemplate.FuncMap{
		"center":  centerLine,
		"closing": closingLines,
		"rule":    func() string { return strings.Repeat("━", lineColumns/2) },
		"row":     func(cells []string) string { return strings.Join(cells, "　") },
	}
}

// columns returns the width of s on a terminal or in a fixed-width font:
// two columns for a wide character, one for any other.
//
// NOTE: wide characters are approximated by the main CJK and full-width
// blocks of Unicode's East Asian Width property, which is enough for
// centring a title but not exact for every script.
func columns(s string) int {
	n := 0
	for _, r := range s {
		n++
		if wide(r) {
			n++
		}
	}
	return n
}

func wide(r rune) bool {
	switch {
	case r >= 0x1100 && r <= 0x115F, r >= 0x2E80 && r <= 0xA4CF,
		r >= 0xAC00 && r <= 0xD7A3, r >= 0xF900 && r <= 0xFAFF,
		r >= 0xFE30 && r <= 0xFE4F, r >= 0xFF00 && r <= 0xFF60,
		r >= 0xFFE0 && r <= 0xFFE6, r >= 0x20000 && r <= 0x3FFFD:
		return true
	}
	return unicode.Is(unicode.Han, r)
}

// pad returns n columns of blank space: full-width spaces, and one
// ASCII space for an odd column.
func pad(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("　", n/2) + strings.Repeat(" ", n%2)
}

// centerLine centres s on the line; a line longer than the line width is
// left as it is.
func centerLine(s string) string {
	return pad((lineColumns-columns(s))/2) + s
}

// closingLines places the agency's name and the date of the document at
// the right, as GB/T 9704 does for a document with a seal: the date ends
// four characters from the right margin and the name is centred above it.
// A name too long for that ends two characters from the margin instead.
func closingLines(name, day string) string {
	nameWidth, dayWidth := columns(name), columns(day)
	dayStart := lineColumns - 8 - dayWidth
	nameStart := dayStart + (dayWidth-nameWidth)/2
	if nameStart+nameWidth > lineColumns-4 {
		nameStart = lineColumns - 4 - nameWidth
		dayStart = nameStart + (nameWidth-dayWidth)/2
	}
	var lines []string
	if name != "" {
		lines = append(lines, pad(nameStart)+name)
	}
	if day != "" {
		lines = append(lines, pad(dayStart)+day)
	}
	return strings.Join(lines, "\n")
}
