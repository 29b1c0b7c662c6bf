package documents

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/ecoconsult/ecoconsult/rules"
	"pgregory.net/rapid"
)

func TestCapitalAmount(t *testing.T) {
	cases := []struct {
		fen  int64
		want string
	}{
		// The forms the brief and the People's Bank of China rules give.
		{120000000, "壹佰贰拾万元整"},
		{100000100, "壹佰万零壹元整"},
		{50, "伍角"},
		{1005, "壹拾元零伍分"},
		{140950, "壹仟肆佰零玖元伍角"},
		{600714, "陆仟零柒元壹角肆分"},
		{168032, "壹仟陆佰捌拾元零叁角贰分"},
		{10700053, "壹拾万柒仟元零伍角叁分"},
		{1640902, "壹万陆仟肆佰零玖元零贰分"},
		{32504, "叁佰贰拾伍元零肆分"},
		// Zero, fen and jiao alone.
		{0, "零元整"},
		{1, "壹分"},
		{5, "伍分"},
		{10, "壹角"},
		{55, "伍角伍分"},
		{99, "玖角玖分"},
		// Whole yuan and tens.
		{100, "壹元整"},
		{1000, "壹拾元整"},
		{1100, "壹拾壹元整"},
		{2000, "贰拾元整"},
		{11000, "壹佰壹拾元整"},
		{10100, "壹佰零壹元整"},
		{150, "壹元伍角"},
		{110, "壹元壹角"},
		{105, "壹元零伍分"},
		{1050, "壹拾元零伍角"},
		{10005, "壹佰元零伍分"},
		// Zeros inside a group and across groups.
		{100100, "壹仟零壹元整"},
		{101000, "壹仟零壹拾元整"},
		{1070000, "壹万零柒佰元整"},
		{100000000, "壹佰万元整"},
		{1000000000, "壹仟万元整"},
		{10000000000, "壹亿元整"},
		{10000000100, "壹亿零壹元整"},
		{10001000000, "壹亿零壹万元整"},
		{11000000000, "壹亿壹仟万元整"},
		{10070000000, "壹亿零柒拾万元整"},
		{10700000000, "壹亿零柒佰万元整"},
		{107000000000, "壹拾亿柒仟万元整"},
		{100000000000000, "壹万亿元整"},
		{100000000000100, "壹万亿零壹元整"},
		{230400000, "贰佰叁拾万肆仟元整"},
		{90448600, "玖拾万肆仟肆佰捌拾陆元整"},
		// The largest and smallest Amount.
		{math.MaxInt64, "玖亿亿贰仟贰佰叁拾叁万亿柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零柒分"},
		{math.MinInt64, "负玖亿亿贰仟贰佰叁拾叁万亿柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零捌分"},
		{-150, "负壹元伍角"},
	}
	for _, tc := range cases {
		if got := CapitalAmount(rules.Amount(tc.fen)); got != tc.want {
			t.Errorf("CapitalAmount(%s) = %s, want %s", rules.Amount(tc.fen), got, tc.want)
		}
	}
}

// parseCapital reads an amount in capital numerals back into fen. It is
// written apart from CapitalAmount, from the meaning of the characters,
// so the round trip tests one against the other.
func parseCapital(s string) (int64, error) {
	negative := strings.HasPrefix(s, "负")
	s = strings.TrimPrefix(s, "负")
	digits := map[rune]int64{'零': 0, '壹': 1, '贰': 2, '叁': 3, '肆': 4, '伍': 5,
		'陆': 6, '柒': 7, '捌': 8, '玖': 9}
	places := map[rune]int64{'拾': 10, '佰': 100, '仟': 1000}
	var yuan, group, digit, fen uint64
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		next := rune(0)
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch {
		case r == '零':
		case digits[r] > 0:
			digit = uint64(digits[r])
		case places[r] > 0:
			group += digit * uint64(places[r])
			digit = 0
		case r == '亿' && next == '亿':
			yuan += (group + digit) * 1e16
			group, digit = 0, 0
			i++
		case r == '万' && next == '亿':
			yuan += (group + digit) * 1e12
			group, digit = 0, 0
			i++
		case r == '亿':
			yuan += (group + digit) * 1e8
			group, digit = 0, 0
		case r == '万':
			yuan += (group + digit) * 1e4
			group, digit = 0, 0
		case r == '元':
			yuan += group + digit
			group, digit = 0, 0
		case r == '角':
			fen += digit * 10
			digit = 0
		case r == '分':
			fen += digit
			digit = 0
		case r == '整' && i == len(rs)-1:
		default:
			return 0, fmt.Errorf("unexpected %q at %d in %s", r, i, s)
		}
	}
	total := yuan*100 + fen
	if negative {
		return -int64(total-1) - 1, nil
	}
	return int64(total), nil
}

// drawAmount draws amounts of every size, with many zeros.
func drawAmount(t *rapid.T) int64 {
	switch rapid.IntRange(0, 3).Draw(t, "kind") {
	case 0:
		return rapid.Int64().Draw(t, "any")
	case 1:
		return rapid.Int64Range(-100000, 100000000).Draw(t, "small")
	}
	// Digits that are mostly zeros, to exercise the rules for 零.
	n := rapid.IntRange(1, 18).Draw(t, "digits")
	var v int64
	for i := 0; i < n; i++ {
		d := int64(0)
		if rapid.IntRange(0, 2).Draw(t, "nonzero") == 0 {
			d = rapid.Int64Range(1, 9).Draw(t, "digit")
		}
		v = v*10 + d
	}
	return v
}

func TestCapitalAmountRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		fen := drawAmount(t)
		s := CapitalAmount(rules.Amount(fen))
		got, err := parseCapital(s)
		if err != nil {
			t.Fatalf("%d: %s: %v", fen, s, err)
		}
		if got != fen {
			t.Fatalf("%d is written %s, which reads %d", fen, s, got)
		}
	})
}

func TestCapitalAmountForm(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		fen := drawAmount(t)
		s := CapitalAmount(rules.Amount(fen))
		wholeYuan := fen >= 100 || fen <= -100
		if strings.Contains(s, "零零") {
			t.Fatalf("%d: %s has two 零 in a row", fen, s)
		}
		body := strings.TrimPrefix(s, "负")
		if strings.HasPrefix(body, "零") && body != "零元整" {
			t.Fatalf("%d: %s starts with 零", fen, s)
		}
		if strings.HasSuffix(s, "零") || strings.Contains(s, "零元") && body != "零元整" {
			t.Fatalf("%d: %s has a 零 before 元 or at the end", fen, s)
		}
		if strings.HasSuffix(s, "整") != (fen%100 == 0) {
			t.Fatalf("%d: %s ends with 整 unless the amount is whole yuan", fen, s)
		}
		if strings.Contains(s, "元") != (wholeYuan || fen == 0) {
			t.Fatalf("%d: %s writes 元 unless the amount is below one yuan", fen, s)
		}
		for _, r := range s {
			if !strings.ContainsRune("负零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整", r) {
				t.Fatalf("%d: %s has %q, which is not a capital numeral or unit", fen, s, r)
			}
		}
	})
}

func TestChineseDate(t *testing.T) {
	cases := []struct {
		day  string
		want string
	}{
		{"2026-12-04", "2026年12月4日"},
		{"2021-01-31", "2021年1月31日"},
		{"2008-10-01", "2008年10月1日"},
	}
	for _, tc := range cases {
		day, err := time.Parse("2006-01-02", tc.day)
		if err != nil {
			t.Fatal(err)
		}
		got := ChineseDate(d(day.Year(), day.Month(), day.Day()))
		if got != tc.want {
			t.Errorf("ChineseDate(%s) = %s, want %s", tc.day, got, tc.want)
		}
	}
	if got := ChineseDate(0); got != "" {
		t.Errorf("ChineseDate(zero) = %q, want \"\"", got)
	}
}
