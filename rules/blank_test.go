package rules

import (
	"testing"
	"unicode"
	"unicode/utf16"
)

func TestBlankText(t *testing.T) {
	cases := []struct {
		s    string
		want bool
	}{
		{"", true},
		{" \t\r\n", true},
		{"\u3000", true},             // ideographic space
		{"\u200b\u200b", true},       // zero-width spaces
		{"\u202e\u2066\ufeff", true}, // bidirectional controls and BOM
		{"\x00\x1b", true},
		{"张", false},
		{"  x  ", false},
		{"\u200b某公司", false},
		{"\xff", false},              // invalid UTF-8 reads as U+FFFD, a visible mark
		{"\u3164\u115f\uffa0", true}, // Hangul fillers
		{"\u2800", true},             // blank Braille pattern
		{"\u0301\u20dd", true},       // combining marks with no base
		{"e\u0301", false},
	}
	for _, tc := range cases {
		if got := Blank(tc.s); got != tc.want {
			t.Errorf("Blank(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

// TestBlankEveryRune checks Blank's fast paths against its definition on
// each rune of the Basic Multilingual Plane, alone and after a space.
// Surrogates are skipped because no valid string holds one.
func TestBlankEveryRune(t *testing.T) {
	for r := rune(0); r <= 0xffff; r++ {
		if utf16.IsSurrogate(r) {
			continue
		}
		want := !unicode.IsGraphic(r) || unicode.IsSpace(r) ||
			unicode.In(r, unicode.Mn, unicode.Me) ||
			r == 0x115f || r == 0x1160 || r == 0x3164 || r == 0xffa0 || r == 0x2800
		for _, s := range []string{string(r), " " + string(r)} {
			if got := Blank(s); got != want {
				t.Fatalf("Blank(%q) = %v, want %v", s, got, want)
			}
		}
	}
}
