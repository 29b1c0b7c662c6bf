package rules

import "testing"

// FuzzParseCitation checks that ParseCitation does not panic on any text.
// Each citation it accepts must print in both forms and read back unchanged.
func FuzzParseCitation(f *testing.F) {
	for _, s := range []string{"Art. 17(1)(5)", "第十七条第一款第五项", "第十七条第（五）项",
		"Art. 8", "第三十条", "Art. 8(", "第十七条第", "第二十一条第二款", " Art. 13(2) ",
		"Art. 17(123)(4567)", "Art. 17(99)(100)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCitation(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("ParseCitation(%q): an error with no message", s)
			}
			if c != (Citation{}) {
				t.Fatalf("ParseCitation(%q) = %#v with an error, want the zero Citation", s, c)
			}
			return
		}
		if c.Article < 1 || c.Article > 30 || c.Paragraph < 0 || c.Item < 0 ||
			(c.Item > 0 && c.Paragraph == 0) {
			t.Fatalf("ParseCitation(%q) = %#v, outside the measures", s, c)
		}
		for _, form := range []string{c.String(), c.Chinese()} {
			back, err := ParseCitation(form)
			if err != nil || back != c {
				t.Fatalf("ParseCitation(%q) = %#v, printed %q, read back %#v, %v", s, c, form, back, err)
			}
		}
	})
}
