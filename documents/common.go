package documents

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/ecoconsult/ecoconsult/consult"
	"github.com/ecoconsult/ecoconsult/rules"
	"github.com/rickb777/date/v2"
)

// Agency is the body that issues the documents and signs the agreement:
// the city government, the department or body it designates, or the
// district body it hands the case to (Art. 5).
type Agency struct {
	// Name is the agency's full name, as on its seal.
	Name string
	// Address is the address for delivering papers and written replies.
	Address string
	// Contact is the official to contact; optional.
	Contact string
	// Phone is the office telephone; optional.
	Phone string
}

// Errors of this package that are not a missing item or a rule of package
// rules. Test for them with errors.Is.
var (
	// ErrNotEligible reports a cooperation record asked for an obligor
	// that did not both take part in consultation and perform the
	// agreement, the two conditions of Art. 28.
	ErrNotEligible = errors.New("obligor does not meet the conditions of the cooperation record")
	// ErrPersonalData reports a public record that would show a natural
	// person's full name, home address, identity number or mobile number
	// (Art. 26).
	ErrPersonalData = errors.New("personal data in a public record")
)

// measures is the title of the measures as the documents cite them.
const measures = "《杭州市生态环境损害赔偿磋商办法》"

// cite returns the measures and the provision c in Chinese, as
// 《杭州市生态环境损害赔偿磋商办法》第八条第三款.
func cite(c rules.Citation) string { return measures + c.Chinese() }

// itemList collects the required items a document lacks.
type itemList []rules.MissingItem

// need records the item unless present.
func (l *itemList) need(present bool, c rules.Citation, name, chinese string) {
	if !present {
		*l = append(*l, rules.MissingItem{Citation: c, Name: name, Chinese: chinese})
	}
}

// combine returns nil when own is empty and every error in errs is nil.
// Otherwise it returns one error wrapping a single *rules.IncompleteError
// for document, which lists own and the items of every IncompleteError in
// errs, joined with the other errors of errs.
func combine(document string, own itemList, errs ...error) error {
	items := []rules.MissingItem(own)
	var others []error
	for _, err := range errs {
		collectErrors(err, &items, &others)
	}
	var all []error
	if len(items) > 0 {
		all = append(all, &rules.IncompleteError{Document: document, Missing: items})
	}
	all = append(all, others...)
	switch len(all) {
	case 0:
		return nil
	case 1:
		return fmt.Errorf("documents: %w", all[0])
	}
	return fmt.Errorf("documents: %w", errors.Join(all...))
}

// collectErrors splits err, and the errors it joins, into missing items
// and other errors.
func collectErrors(err error, items *[]rules.MissingItem, others *[]error) {
	if err == nil {
		return
	}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range joined.Unwrap() {
			collectErrors(e, items, others)
		}
		return
	}
	var incomplete *rules.IncompleteError
	if errors.As(err, &incomplete) && incomplete == err {
		*items = append(*items, incomplete.Missing...)
		return
	}
	*others = append(*others, err)
}

// you returns how a document addresses the obligor: 你 for a natural
// person and 你单位 for a legal person or another organization.
func you(o consult.ObligorInfo) string {
	if o.Kind == consult.NaturalPerson {
		return "你"
	}
	return "你单位"
}

// obligorType converts the case's obligor kind to the type package rules
// reads; an unknown kind gives the zero type, which rules rejects.
func obligorType(k consult.ObligorKind) rules.ObligorType {
	switch k {
	case consult.NaturalPerson:
		return rules.ObligorNaturalPerson
	case consult.LegalPerson:
		return rules.ObligorLegalPerson
	case consult.OtherOrganization:
		return rules.ObligorOtherOrganization
	}
	return 0
}

// kindChinese returns the Chinese name of an obligor kind, or "".
func kindChinese(k consult.ObligorKind) string {
	switch k {
	case consult.NaturalPerson:
		return "自然人"
	case consult.LegalPerson:
		return "法人"
	case consult.OtherOrganization:
		return "其他组织"
	}
	return ""
}

// contactLine returns the agency's contact details that are filled, as
// one line, or "" when none is.
func contactLine(a Agency) string {
	var parts []string
	if filled(a.Contact) {
		parts = append(parts, "联系人："+a.Contact)
	}
	if filled(a.Phone) {
		parts = append(parts, "联系电话："+a.Phone)
	}
	if filled(a.Address) {
		parts = append(parts, "地址："+a.Address)
	}
	return strings.Join(parts, "　")
}

// provisionalNote is the note a document carries when a date in it comes
// from the provisional calendar rule, for a year whose holiday notice is
// not out yet.
const provisionalNote = "文中期限的末日按尚未公布的节假日安排推算，如与国务院公布的节假日安排不一致，以公布的安排为准"

// chineseCount writes n in Chinese numerals for the ordinal headings of
// a document (一 to 九十九); other numbers are written in figures.
func chineseCount(n int) string {
	const digits = "零一二三四五六七八九"
	digit := func(d int) string { return digits[3*d : 3*d+3] }
	switch {
	case n <= 0 || n >= 100:
		return fmt.Sprint(n)
	case n < 10:
		return digit(n)
	}
	s := "十"
	if n/10 > 1 {
		s = digit(n/10) + s
	}
	if n%10 > 0 {
		s += digit(n % 10)
	}
	return s
}

// datedAfterCase rejects a record dated before the last event of the case
// it reports on, which would report acts that had not happened yet. A
// host reporting as of an earlier day replays the case up to that day.
// Events of the types in asOf are left out: the record states them as of
// its own day.
func datedAfterCase(c rules.Citation, day date.Date, cs consult.Case, asOf ...consult.EventType) error {
	if day == date.Zero {
		return nil // the missing date is reported by Check
	}
	var last date.Date
	for _, e := range cs.Events {
		if !slices.Contains(asOf, e.Type()) {
			last = max(last, e.Head().Date)
		}
	}
	if day < last {
		return &rules.Violation{Citation: c, Err: rules.ErrDateOrder, Detail: fmt.Sprintf(
			"the record is dated %s, before an event it reports, on %s; replay the "+
				"case only up to the record's day", day, last)}
	}
	return nil
}

// meetingWanted names the meeting a document asked for and could not find
// in the case: the last one scheduled for 0, else the n-th.
func meetingWanted(n int) string {
	switch {
	case n == 0:
		return "a scheduled meeting (record meeting_scheduled in the case)"
	case n < 0:
		return fmt.Sprintf("meeting %d: a meeting number counts from 1, or 0 for the last one", n)
	}
	return fmt.Sprintf("meeting %d (record meeting_scheduled in the case)", n)
}

// sameDeadline rejects a deadline that differs from the one compute gives
// from trigger, as when a deadline was set by hand after the document was
// built. It checks nothing when either day is missing, which Check reports,
// or when compute cannot count, as with the zero Rules of a document
// that no constructor built.
func sameDeadline(c rules.Citation, got rules.Deadline, trigger date.Date,
	compute func(date.Date) (rules.Deadline, error)) error {
	if got.End == date.Zero || trigger == date.Zero {
		return nil
	}
	want, err := compute(trigger)
	if err != nil || want.End == got.End {
		return nil
	}
	return &rules.Violation{Citation: c, Err: rules.ErrInvalidFact, Detail: fmt.Sprintf(
		"the deadline %s is not the %s that the measures give from %s; keep the "+
			"deadline the constructor sets", got.End, want.End, trigger)}
}
