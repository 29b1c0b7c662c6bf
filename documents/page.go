package documents

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ecoconsult/ecoconsult/rules"
)

// A page is a document laid out for rendering: the parts that GB/T 9704
// names (issuing body, document number, title, recipient, body, signature,
// date) with the body as a list of blocks. Both renderers read the same
// page, so the text and the HTML of a document carry the same content.
type page struct {
	Issuer    string // 发文机关标志, the agency's name above the title
	Number    string // 发文字号
	Title     string
	Recipient string // 主送, printed with a full-width colon after it
	Blocks    []block
	// Signers are signature lines, for the parties of an agreement or the
	// attendees of a meeting.
	Signers []signer
	Closing string // 发文机关署名, the agency's name above the date
	Date    string // 成文日期
	Notes   []string
}

// The kinds of block.
const (
	kindHeading    = "heading"    // 一、…
	kindSubheading = "subheading" // （一）…
	kindParagraph  = "paragraph"  // indented running text
	kindField      = "field"      // label：value
	kindTable      = "table"
)

// A block is one part of a page's body.
type block struct {
	Kind  string
	Label string // kindField only
	Text  string
	Head  []string   // kindTable only
	Rows  [][]string // kindTable only
	// Nowrap marks the columns of a table, such as dates, that a line
	// must not break.
	Nowrap []bool
}

// A signer is a signature line. Label names who signs and how, such as
// 甲方（盖章）. Value is what the record shows, or "" for a blank line to
// sign on.
type signer struct {
	Label string
	Value string
}

func (p *page) heading(s string) {
	p.Blocks = append(p.Blocks, block{Kind: kindHeading, Text: s})
}

func (p *page) subheading(s string) {
	p.Blocks = append(p.Blocks, block{Kind: kindSubheading, Text: s})
}

// para adds s as one paragraph; sanitize turns any line break in it
// into a space.
func (p *page) para(s string) {
	p.Blocks = append(p.Blocks, block{Kind: kindParagraph, Text: s})
}

// paragraphs adds s, running text from the official, as one paragraph
// for each of its non-blank lines.
func (p *page) paragraphs(s string) {
	for _, line := range splitLines(s) {
		if strings.TrimSpace(cleanLine(line)) != "" {
			p.Blocks = append(p.Blocks, block{Kind: kindParagraph, Text: line})
		}
	}
}

// field adds a line "label：value"; a value of several lines is joined
// with spaces.
func (p *page) field(label, value string) {
	p.Blocks = append(p.Blocks, block{Kind: kindField, Label: label, Text: value})
}

// table adds a table; nowrap lists the columns, from 0, whose cells a
// line must not break.
func (p *page) table(head []string, rows [][]string, nowrap ...int) {
	b := block{Kind: kindTable, Head: head, Rows: rows, Nowrap: make([]bool, len(head))}
	for _, i := range nowrap {
		if i >= 0 && i < len(head) {
			b.Nowrap[i] = true
		}
	}
	p.Blocks = append(p.Blocks, b)
}

// NoWrap reports whether column i of b must not break; the HTML layout
// calls it.
func (b block) NoWrap(i int) bool { return i >= 0 && i < len(b.Nowrap) && b.Nowrap[i] }

// splitLines splits s at every kind of line break: \n, \r\n, \r, NEL and
// the Unicode line and paragraph separators.
func splitLines(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case '\n', '\r', '\u0085', '\u2028', '\u2029':
			return true
		}
		return false
	})
}

// cleanLine makes s safe to print on one line: invalid UTF-8 becomes
// U+FFFD, every line break and tab becomes a space, and every other rune
// that is not graphic is dropped. That removes control characters (so no
// terminal escape sequence survives), format characters such as the
// bidirectional overrides and zero-width spaces, and unassigned or
// private-use code points. Spaces at either end are trimmed.
func cleanLine(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	clean := strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\u0085' ||
			r == '\u2028' || r == '\u2029':
			return ' '
		case unicode.IsGraphic(r):
			return r
		}
		return -1
	}, s)
	return strings.TrimSpace(clean)
}

// filled reports whether s has a visible character, as package rules
// decides it.
func filled(s string) bool { return !rules.Blank(s) }

// anyFilled reports whether one of ss is filled.
func anyFilled(ss []string) bool {
	for _, s := range ss {
		if filled(s) {
			return true
		}
	}
	return false
}

// sanitize replaces every string of p with its cleanLine form, in new
// slices. It is the one place where input text becomes printable, and
// both renderers call it.
func (p *page) sanitize() {
	for _, s := range []*string{&p.Issuer, &p.Number, &p.Title, &p.Recipient,
		&p.Closing, &p.Date} {
		*s = cleanLine(*s)
	}
	p.Notes = cleanAll(p.Notes)
	blocks := make([]block, len(p.Blocks))
	for i, b := range p.Blocks {
		blocks[i] = block{Kind: b.Kind, Label: cleanLine(b.Label),
			Text: cleanLine(b.Text), Head: cleanAll(b.Head), Nowrap: b.Nowrap}
		for _, row := range b.Rows {
			blocks[i].Rows = append(blocks[i].Rows, cleanAll(row))
		}
	}
	p.Blocks = blocks
	signers := make([]signer, len(p.Signers))
	for i, s := range p.Signers {
		signers[i] = signer{Label: cleanLine(s.Label), Value: cleanLine(s.Value)}
	}
	p.Signers = signers
}

// cleanAll returns a new slice of ss cleaned with cleanLine, so the
// caller's slice is never changed.
func cleanAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = cleanLine(s)
	}
	return out
}
