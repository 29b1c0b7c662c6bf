package calendar

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"
)

const header = "notice 2024 2023-10-25 国办发明电〔2023〕7号 国务院办公厅关于2024年部分节假日安排的通知\n"

func TestParseErrors(t *testing.T) {
	cases := []struct {
		name string
		text string
		line int
		want error
	}{
		{"unknown kind", header + "wrok 2024-02-04 春节\n", 2, ErrUnknownKind},
		{"bad date", header + "off 2024-02-30 春节\n", 2, ErrBadDate},
		{"not iso", header + "off 2024/02/10 春节\n", 2, ErrBadDate},
		{"range backwards", header + "off 2024-02-17..2024-02-10 春节\n", 2, ErrBadDate},
		{"range too long", header + "off 2024-01-01..2024-12-31 春节\n", 2, ErrBadDate},
		{"wrong year block", header + "off 2025-01-01 元旦\n", 2, ErrWrongYear},
		{"december only for new year", header + "off 2023-12-30 春节\n", 2, ErrWrongYear},
		{"day twice in a notice", header + "off 2024-02-10..2024-02-17 春节\noff 2024-02-17 春节\n", 3, ErrDuplicateDay},
		{"weekday as working day", header + "work 2024-02-05 春节\n", 2, ErrNotWeekend},
		{"year out of order", header + "notice 2023 2022-12-08 X 标题\n", 2, ErrOrder},
		{"second annual notice", header + "notice 2024 2023-10-25 X 标题\n", 2, ErrDuplicateYear},
		{"amendment first", "amend 2020 2020-01-26 X 标题\n", 1, ErrOrder},
		{"unknown festival", header + "off 2024-02-10 春季\n", 2, ErrFestival},
		{"entry before notice", "off 2024-02-10 春节\n", 1, ErrNoNotice},
		{"missing title", "notice 2024 2023-10-25 X\n", 1, ErrSyntax},
		{"missing festival", header + "off 2024-02-10\n", 2, ErrSyntax},
		{"scope on national", header + "scope 上城区\n", 2, ErrSyntax},
		{"year not a number", "notice MMXXIV 2023-10-25 X 标题\n", 1, ErrSyntax},
		{"day in two annual notices", header +
			"off 2024-12-31 元旦\nnotice 2025 2024-11-12 X 标题\noff 2024-12-31 元旦\n", 4, ErrDuplicateDay},
	}
	for _, tc := range cases {
		_, err := ParseString(tc.text)
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: Parse error = %v, want %v", tc.name, err, tc.want)
			continue
		}
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("%s: error %T is not a *ParseError", tc.name, err)
			continue
		}
		if pe.Line != tc.line {
			t.Errorf("%s: error on line %d, want line %d: %v", tc.name, pe.Line, tc.line, err)
		}
		if !strings.Contains(err.Error(), fmt.Sprintf("line %d", tc.line)) {
			t.Errorf("%s: message %q does not name the line", tc.name, err)
		}
	}
}

func TestParseAmendmentOverrides(t *testing.T) {
	text := "notice 2020 2019-11-21 国办发明电〔2019〕16号 T\n" +
		"off 2020-01-24..2020-01-30 春节\nwork 2020-02-01 春节\n" +
		"amend 2020 2020-01-26 国办发明电〔2020〕1号 T\noff 2020-01-31..2020-02-02 春节\n"
	f, err := ParseString(text)
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(f)
	if err != nil {
		t.Fatal(err)
	}
	day, err := c.Day(d(2020, 2, 1))
	if err != nil {
		t.Fatal(err)
	}
	if day.Kind != Holiday || day.Workday {
		t.Errorf("Day(2020-02-01) = %+v, want the amendment's day off", day)
	}
}

func TestNewRejectsGap(t *testing.T) {
	f, err := ParseString("notice 2020 - - A\nnotice 2022 - - B\n")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := New(f); !errors.Is(err, ErrMissingYear) {
		t.Errorf("New with 2021 missing: error %v, want ErrMissingYear", err)
	}
}

func TestNationalDataRoundTrip(t *testing.T) {
	f, err := NationalData()
	if err != nil {
		t.Fatal(err)
	}
	if got := f.String(); got != chinaData {
		t.Errorf("Format(Parse(data/china.txt)) differs from the file:\n%s",
			cmp.Diff(chinaData, got))
	}
}

// genFile draws a valid calendar file: consecutive years, each with an
// annual notice and maybe an amendment, entries on distinct days.
func genFile(t *rapid.T) *File {
	f := &File{}
	first := rapid.IntRange(2000, 2040).Draw(t, "first")
	years := rapid.IntRange(1, 3).Draw(t, "years")
	festivals := []Festival{NewYear, SpringFestival, Qingming, LabourDay,
		DragonBoat, MidAutumn, NationalDay, MidAutumnNationalDay, VictoryDay}
	comment := rapid.SliceOfN(rapid.StringMatching(`[ a-z0-9节#]{0,12}`), 0, 2)
	token := rapid.StringMatching(`[A-Za-z0-9〔〕号]{1,10}`)
	for y := first; y < first+years; y++ {
		for _, typ := range []NoticeType{Annual, Amendment} {
			if typ == Amendment && !rapid.Bool().Draw(t, "amend") {
				continue
			}
			n := Notice{Type: typ, Year: y, Number: token.Draw(t, "number"),
				Title: token.Draw(t, "title"), Comment: nilIfEmpty(comment.Draw(t, "c"))}
			if rapid.Bool().Draw(t, "issued") {
				n.Issued = date.New(y-1, time.December, rapid.IntRange(1, 31).Draw(t, "day"))
			}
			used := map[date.Date]bool{}
			for range rapid.IntRange(0, 6).Draw(t, "entries") {
				start := date.New(y, time.January, 1) + date.Date(rapid.IntRange(0, 360).Draw(t, "off"))
				length := rapid.IntRange(1, 4).Draw(t, "len")
				e := Entry{Work: rapid.Bool().Draw(t, "work"), First: start,
					Last:     start + date.Date(length-1),
					Festival: rapid.SampledFrom(festivals).Draw(t, "festival"),
					Comment:  nilIfEmpty(comment.Draw(t, "ec"))}
				if e.Work {
					e.Last = e.First
					if wd := e.First.Weekday(); wd != time.Saturday && wd != time.Sunday {
						continue
					}
				}
				if e.Last.Year() != y || overlaps(used, e) {
					continue
				}
				n.Entries = append(n.Entries, e)
			}
			f.Notices = append(f.Notices, n)
		}
	}
	f.Header = nilIfEmpty(comment.Draw(t, "header"))
	f.Trailer = nilIfEmpty(comment.Draw(t, "trailer"))
	return f
}

func overlaps(used map[date.Date]bool, e Entry) bool {
	for d := e.First; d <= e.Last; d++ {
		if used[d] {
			return true
		}
	}
	for d := e.First; d <= e.Last; d++ {
		used[d] = true
	}
	return false
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

func TestLawParseFormatRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		f := genFile(t)
		// A day listed by two annual notices is invalid; the generator
		// keeps each year's days inside that year, so none is.
		text := f.String()
		got, err := ParseString(text)
		if err != nil {
			t.Fatalf("Parse(Format(f)): %v\n%s", err, text)
		}
		if diff := cmp.Diff(f, got, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("Parse(Format(f)) differs (-want +got):\n%s\n%s", diff, text)
		}
	})
}

func FuzzParse(f *testing.F) {
	f.Add(chinaData)
	f.Add(g20Data)
	f.Add(header + "off 2024-02-10..2024-02-17 春节\n# c\nwork 2024-02-04 春节\n")
	f.Add("notice 9999 - - x\noff 9999-12-31 元旦\n")
	f.Add("local 2016 - - t\nscope a b\noff 2016-09-01 x\n")
	f.Fuzz(func(t *testing.T, text string) {
		file, err := ParseString(text)
		if err != nil {
			return
		}
		again, err := ParseString(file.String())
		if err != nil {
			t.Fatalf("Parse(Format(Parse(x))) failed: %v", err)
		}
		if diff := cmp.Diff(file, again, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("round trip differs:\n%s", diff)
		}
		// Building a calendar from any parsed file must not panic either.
		_, _ = New(file)
	})
}
