package calendar

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/rickb777/date/v2"
)

// NoticeType tells an annual notice from the changes layered over it.
type NoticeType uint8

// The types of notice, as the keywords of a calendar file name them.
const (
	// Annual is the State Council's notice for a whole year (keyword
	// "notice").
	Annual NoticeType = iota + 1
	// Amendment is a later national notice that changes days of a year that
	// already has its annual notice (keyword "amend").
	Amendment
	// Local is a local government's change for its own area, applied only
	// when a host adds it on purpose (keyword "local").
	Local
)

// String returns the keyword of t in a calendar file.
func (t NoticeType) String() string {
	switch t {
	case Annual:
		return "notice"
	case Amendment:
		return "amend"
	case Local:
		return "local"
	}
	return "invalid"
}

// A File is the content of a calendar file: notices in the order they
// apply, each with its days off and adjusted working days.
type File struct {
	// Header holds the comment lines that open the file and end at its
	// first blank line, without "#": the file's own description.
	Header  []string
	Notices []Notice
	// Trailer holds the comment lines after the last entry, without "#".
	Trailer []string
}

// A Notice is one holiday notice and the days it sets.
type Notice struct {
	Type NoticeType
	Year int // the year the notice arranges
	// Issued is the day the notice was signed; zero where no copy of the
	// notice gives it.
	Issued date.Date
	// Number is the document number, e.g. 国办发明电〔2023〕7号; empty where
	// no copy of the notice gives it.
	Number string
	Title  string
	// Scope says where a local notice applies; empty for national ones.
	Scope   string
	Comment []string // comment lines before the notice, without "#"
	Entries []Entry
}

// An Entry is a run of days off, or of adjusted working days, from one item
// of a notice.
type Entry struct {
	Work        bool      // adjusted working days; false for days off
	First, Last date.Date // inclusive; First == Last for one day
	Festival    Festival
	Comment     []string // comment lines before the entry, without "#"
}

// Parse reads a calendar file. The format is line based:
//
//	# a comment, attached to the notice or entry that follows it; the
//	# comments that open the file, up to its first blank line, are its Header
//	notice 2024 2023-10-25 国办发明电〔2023〕7号 国务院办公厅关于2024年部分节假日安排的通知
//	off 2024-02-10..2024-02-17 春节
//	work 2024-02-04 春节
//	amend 2020 2020-01-26 国办发明电〔2020〕1号 国务院办公厅关于延长2020年春节假期的通知
//	local 2016 2016-08-05 杭政办函〔2016〕75号 TITLE
//	scope 上城 下城 …
//
// A header line (notice, amend or local) gives the year arranged, the day
// of issue, the document number and the title, which runs to the end of
// the line; "-" stands for a day of issue or a number that is not known. The off and work lines under it give a day or an inclusive
// range and the festival. Parse checks each line as it reads it and stops
// at the first problem with a *ParseError naming the line:
//
//   - an unknown keyword, or a missing field (ErrUnknownKind, ErrSyntax);
//   - a date that is not a real YYYY-MM-DD day, or a range that ends
//     before it starts (ErrBadDate);
//   - a day outside the notice's year, except the last days of the
//     previous December for the New Year holiday (ErrWrongYear);
//   - a day listed twice in one notice, or in two annual notices
//     (ErrDuplicateDay);
//   - an adjusted working day that is not a Saturday or Sunday
//     (ErrNotWeekend);
//   - a notice whose year is below the one before it, an amendment before
//     its year's annual notice, a second annual notice for a year, or a
//     local notice before a national one of a later year (ErrOrder,
//     ErrDuplicateYear);
//   - a festival a national notice cannot name (ErrFestival);
//   - an entry before any header (ErrNoNotice).
//
// Amendments and local notices may list days that an earlier notice
// listed: they override them when the calendar is built.
func Parse(r io.Reader) (*File, error) {
	p := parser{f: &File{}, annual: map[date.Date]int{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxLine)
	sc.Split(scanLines)
	for sc.Scan() {
		p.line++
		text := sc.Text()
		if p.line == 1 {
			text = strings.TrimPrefix(text, "\ufeff") // a byte order mark
		}
		if err := p.parseLine(text); err != nil {
			return nil, &ParseError{Line: p.line, Text: clip(text), Err: err}
		}
	}
	if err := sc.Err(); errors.Is(err, bufio.ErrTooLong) {
		return nil, fmt.Errorf("calendar: line %d is longer than %d bytes",
			p.line+1, maxLine)
	} else if err != nil {
		return nil, fmt.Errorf("calendar: reading line %d: %w", p.line+1, err)
	}
	p.f.Trailer = p.comment
	return p.f, nil
}

// maxLine is the longest line Parse reads; real lines are under 200 bytes.
const maxLine = 1 << 20

// scanLines splits at "\n", "\r\n" or a lone "\r", so a file saved with
// old Mac line ends is not read as one line.
func scanLines(data []byte, atEOF bool) (advance int, token []byte, err error) {
	for i, b := range data {
		switch {
		case b == '\n':
			return i + 1, data[:i], nil
		case b == '\r' && i+1 < len(data):
			if data[i+1] == '\n' {
				return i + 2, data[:i], nil
			}
			return i + 1, data[:i], nil
		case b == '\r' && atEOF:
			return i + 1, data[:i], nil
		}
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}

// clip shortens a line for an error message.
func clip(s string) string {
	const max = 120
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// ParseString is Parse over a string.
func ParseString(s string) (*File, error) {
	return Parse(strings.NewReader(s))
}

type parser struct {
	f       *File
	line    int
	comment []string
	// annual maps each day that an annual notice listed to its line, so a
	// day listed in two annual notices is caught.
	annual map[date.Date]int
	// seen maps each day of the current notice to its line.
	seen map[date.Date]int
}

func (p *parser) parseLine(text string) error {
	line := strings.TrimSpace(text)
	switch {
	case line == "":
		if len(p.f.Notices) == 0 && p.f.Header == nil && p.comment != nil {
			p.f.Header = p.takeComment()
		}
		return nil
	case strings.HasPrefix(line, "#"):
		// Keep the comment's own spacing, so Format writes it back as read,
		// but not a trailing carriage return, which a reader drops anyway.
		raw := strings.TrimLeftFunc(text, unicode.IsSpace)
		p.comment = append(p.comment, strings.TrimRight(raw[1:], "\r"))
		return nil
	}
	keyword, rest := line, ""
	if i := strings.IndexFunc(line, unicode.IsSpace); i >= 0 {
		keyword, rest = line[:i], strings.TrimSpace(line[i:])
	}
	switch keyword {
	case "notice":
		return p.parseHeader(Annual, rest)
	case "amend":
		return p.parseHeader(Amendment, rest)
	case "local":
		return p.parseHeader(Local, rest)
	case "scope":
		return p.parseScope(rest)
	case "off":
		return p.parseEntry(false, rest)
	case "work":
		return p.parseEntry(true, rest)
	}
	return fmt.Errorf("%w %q: want notice, amend, local, scope, off or work",
		ErrUnknownKind, clip(keyword))
}

func (p *parser) parseHeader(t NoticeType, rest string) error {
	fields := strings.Fields(rest)
	if len(fields) < 4 {
		return fmt.Errorf("%w: %s needs YEAR ISSUED NUMBER TITLE", ErrSyntax, t)
	}
	year, err := strconv.Atoi(fields[0])
	if err != nil || year < 1 || year > 9999 {
		return fmt.Errorf("%w: year %q is not a number from 1 to 9999",
			ErrSyntax, fields[0])
	}
	var issued date.Date
	if fields[1] != unknown {
		if issued, err = parseDate(fields[1]); err != nil {
			return err
		}
	}
	number := fields[2]
	if number == unknown {
		number = ""
	}
	return p.addNotice(Notice{
		Type:    t,
		Year:    year,
		Issued:  issued,
		Number:  number,
		Title:   strings.Join(fields[3:], " "),
		Comment: p.takeComment(),
	})
}

// addNotice checks a notice's own fields and its place after the notices
// before it, then makes it the current one.
func (p *parser) addNotice(n Notice) error {
	switch {
	case n.Type < Annual || n.Type > Local:
		return fmt.Errorf("%w: notice type %d", ErrUnknownKind, n.Type)
	case n.Year < 1 || n.Year > 9999:
		return fmt.Errorf("%w: year %d is not from 1 to 9999", ErrSyntax, n.Year)
	case !isToken(n.Number) && n.Number != "":
		return fmt.Errorf("%w: document number %q has spaces or control "+
			"characters", ErrSyntax, n.Number)
	case strings.TrimSpace(n.Title) == "" || hasLineBreak(n.Title):
		return fmt.Errorf("%w: title %q is empty or breaks the line", ErrSyntax, n.Title)
	case n.Scope != "" && n.Type != Local:
		return fmt.Errorf("%w: scope belongs only to a local notice", ErrSyntax)
	case hasLineBreak(n.Scope) || commentBreaks(n.Comment):
		return fmt.Errorf("%w: scope or comment breaks the line", ErrSyntax)
	}
	if err := p.checkOrder(n); err != nil {
		return err
	}
	entries := n.Entries
	n.Entries = nil
	p.f.Notices = append(p.f.Notices, n)
	p.seen = map[date.Date]int{}
	for _, e := range entries {
		if err := p.addEntry(e); err != nil {
			return err
		}
	}
	return nil
}

// isToken reports whether s is one non-empty field: no spaces, no control
// or line-separator characters.
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return false
		}
	}
	return true
}

// hasLineBreak reports whether s holds a character that would end a line
// or is a control character.
func hasLineBreak(s string) bool {
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return true
		}
	}
	return false
}

func commentBreaks(lines []string) bool {
	for _, l := range lines {
		if strings.ContainsAny(l, "\n\r") {
			return true
		}
	}
	return false
}

// checkOrder enforces the order of notices: years never go down, each
// year has one annual notice, amendments follow it, and local notices
// come after the national ones of their year.
func (p *parser) checkOrder(n Notice) error {
	if len(p.f.Notices) == 0 {
		if n.Type == Amendment {
			return fmt.Errorf("%w: amendment for %d before any annual notice",
				ErrOrder, n.Year)
		}
		return nil
	}
	prev := p.f.Notices[len(p.f.Notices)-1]
	switch {
	case n.Year < prev.Year:
		return fmt.Errorf("%w: %s %d after %s %d; list years in ascending order",
			ErrOrder, n.Type, n.Year, prev.Type, prev.Year)
	case n.Type == Annual && p.hasAnnual(n.Year):
		return fmt.Errorf("%w: a second annual notice for %d", ErrDuplicateYear, n.Year)
	case n.Type == Annual && prev.Year == n.Year:
		return fmt.Errorf("%w: annual notice for %d after a %s notice of the "+
			"same year; put it first", ErrOrder, n.Year, prev.Type)
	case n.Type == Amendment && prev.Type == Local && prev.Year == n.Year:
		return fmt.Errorf("%w: amendment for %d after a local notice; put "+
			"national notices first", ErrOrder, n.Year)
	}
	return nil
}

func (p *parser) hasAnnual(year int) bool {
	for _, n := range p.f.Notices {
		if n.Type == Annual && n.Year == year {
			return true
		}
	}
	return false
}

func (p *parser) parseScope(rest string) error {
	n := p.current()
	if n == nil {
		return fmt.Errorf("%w: scope", ErrNoNotice)
	}
	if n.Type != Local {
		return fmt.Errorf("%w: scope belongs only to a local notice", ErrSyntax)
	}
	if rest == "" || n.Scope != "" || len(n.Entries) > 0 {
		return fmt.Errorf("%w: one non-empty scope line, right after the "+
			"local header", ErrSyntax)
	}
	n.Scope = rest
	return nil
}

func (p *parser) current() *Notice {
	if len(p.f.Notices) == 0 {
		return nil
	}
	return &p.f.Notices[len(p.f.Notices)-1]
}

func (p *parser) takeComment() []string {
	c := p.comment
	p.comment = nil
	return c
}

func (p *parser) parseEntry(work bool, rest string) error {
	if p.current() == nil {
		return fmt.Errorf("%w: add a notice line first", ErrNoNotice)
	}
	fields := strings.Fields(rest)
	if len(fields) != 2 {
		return fmt.Errorf("%w: want DATE[..DATE] FESTIVAL", ErrSyntax)
	}
	first, last, err := parseRange(fields[0])
	if err != nil {
		return err
	}
	return p.addEntry(Entry{Work: work, First: first, Last: last,
		Festival: Festival(fields[1]), Comment: p.takeComment()})
}

// addEntry checks an entry against the current notice and adds it.
func (p *parser) addEntry(e Entry) error {
	n := p.current()
	if n == nil {
		return fmt.Errorf("%w: add a notice line first", ErrNoNotice)
	}
	switch {
	case !isToken(string(e.Festival)):
		return fmt.Errorf("%w %q: a festival is one word", ErrFestival, e.Festival)
	case n.Type != Local && !e.Festival.isNational():
		return fmt.Errorf("%w %q: a national notice names 元旦, 春节, 清明节, "+
			"劳动节, 端午节, 中秋节, 国庆节, 中秋节、国庆节 or 抗战胜利纪念日",
			ErrFestival, e.Festival)
	case e.Last < e.First:
		return fmt.Errorf("%w: range %s..%s ends before it starts",
			ErrBadDate, e.First, e.Last)
	case e.Last-e.First >= maxEntryDays || e.Last-e.First < 0: // < 0: overflow
		return fmt.Errorf("%w: range %s..%s is longer than %d days",
			ErrBadDate, e.First, e.Last, maxEntryDays)
	case commentBreaks(e.Comment):
		return fmt.Errorf("%w: comment breaks the line", ErrSyntax)
	}
	for d := e.First; d <= e.Last; d++ {
		if err := p.checkDay(n, e, d); err != nil {
			return err
		}
	}
	n.Entries = append(n.Entries, e)
	return nil
}

// Validate checks f as Parse checks a file, for a File built in code. The
// error names the notice and entry at fault.
func (f *File) Validate() error {
	if f == nil {
		return fmt.Errorf("calendar: nil File")
	}
	p := parser{f: &File{}, annual: map[date.Date]int{}}
	for i, n := range f.Notices {
		if err := p.addNotice(n); err != nil {
			return fmt.Errorf("calendar: notice %d (%s %d): %w", i+1, n.Type, n.Year, err)
		}
	}
	if commentBreaks(f.Header) || commentBreaks(f.Trailer) {
		return fmt.Errorf("calendar: %w: header or trailer comment breaks the line", ErrSyntax)
	}
	return nil
}

// unknown stands in a header for a day of issue or a document number that
// no copy of the notice gives.
const unknown = "-"

// maxEntryDays bounds one entry, so a typo in a year cannot make the
// parser walk millions of days. The longest real run off is 10 days.
const maxEntryDays = 31

func (p *parser) checkDay(n *Notice, e Entry, d date.Date) error {
	y, m, _ := d.Date()
	inYear := y == n.Year ||
		(y == n.Year-1 && m == time.December && e.Festival == NewYear)
	switch {
	case !inYear:
		return fmt.Errorf("%w: %s in the notice for %d; only 元旦 may reach "+
			"back into the previous December", ErrWrongYear, d, n.Year)
	case e.Work && d.Weekday() != time.Saturday && d.Weekday() != time.Sunday:
		return fmt.Errorf("%w: %s is a %s; only a Saturday or Sunday can be "+
			"made a working day", ErrNotWeekend, d, d.Weekday())
	}
	if line, ok := p.seen[d]; ok {
		return fmt.Errorf("%w: %s is already listed on line %d", ErrDuplicateDay, d, line)
	}
	if line, ok := p.annual[d]; ok && n.Type == Annual {
		return fmt.Errorf("%w: %s is already listed by the annual notice on "+
			"line %d; use amend to change it", ErrDuplicateDay, d, line)
	}
	p.seen[d] = p.line
	if n.Type == Annual {
		p.annual[d] = p.line
	}
	return nil
}

func parseRange(s string) (first, last date.Date, err error) {
	a, b, isRange := strings.Cut(s, "..")
	if first, err = parseDate(a); err != nil {
		return 0, 0, err
	}
	if !isRange {
		return first, first, nil
	}
	if last, err = parseDate(b); err != nil {
		return 0, 0, err
	}
	if last < first {
		return 0, 0, fmt.Errorf("%w: range %s ends before it starts", ErrBadDate, s)
	}
	return first, last, nil
}

// parseDate reads a YYYY-MM-DD day strictly: four-digit year, two-digit
// month and day, and a day that exists (2023-02-29 does not).
func parseDate(s string) (date.Date, error) {
	// The error is built only on failure: a log of many events parses
	// many dates.
	bad := func() error {
		return fmt.Errorf("%w %q: want a real day as YYYY-MM-DD", ErrBadDate, s)
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, bad()
	}
	y, e1 := digits(s[0:4])
	m, e2 := digits(s[5:7])
	d, e3 := digits(s[8:10])
	if !e1 || !e2 || !e3 || y < 1 || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, bad()
	}
	out := date.New(y, time.Month(m), d)
	if _, om, od := out.Date(); int(om) != m || od != d {
		return 0, bad()
	}
	return out, nil
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// ParseDate reads a day written as YYYY-MM-DD, rejecting days that do not
// exist. The error wraps ErrBadDate.
func ParseDate(s string) (date.Date, error) {
	d, err := parseDate(s)
	if err != nil {
		return 0, fmt.Errorf("calendar: %w", err)
	}
	return d, nil
}

// Format writes f in the format Parse reads, one notice after another.
// Parse(Format(f)) gives back f, comments included, for any f that Parse
// returned.
func (f *File) Format(w io.Writer) error {
	bw := bufio.NewWriter(w)
	if len(f.Header) > 0 {
		writeComment(bw, f.Header)
		bw.WriteString("\n")
	}
	for i, n := range f.Notices {
		if i > 0 {
			bw.WriteString("\n")
		}
		writeComment(bw, n.Comment)
		issued, number := unknown, unknown
		if n.Issued != 0 {
			issued = n.Issued.String()
		}
		if n.Number != "" {
			number = n.Number
		}
		fmt.Fprintf(bw, "%s %d %s %s %s\n", n.Type, n.Year, issued, number, n.Title)
		if n.Scope != "" {
			fmt.Fprintf(bw, "scope %s\n", n.Scope)
		}
		for _, e := range n.Entries {
			writeComment(bw, e.Comment)
			kw := "off"
			if e.Work {
				kw = "work"
			}
			if e.First == e.Last {
				fmt.Fprintf(bw, "%s %s %s\n", kw, e.First, e.Festival)
			} else {
				fmt.Fprintf(bw, "%s %s..%s %s\n", kw, e.First, e.Last, e.Festival)
			}
		}
	}
	writeComment(bw, f.Trailer)
	return bw.Flush()
}

// String returns f in the format Parse reads.
func (f *File) String() string {
	var b strings.Builder
	f.Format(&b) // a strings.Builder never fails
	return b.String()
}

func writeComment(w *bufio.Writer, lines []string) {
	for _, l := range lines {
		w.WriteString("#")
		w.WriteString(l)
		w.WriteString("\n")
	}
}
