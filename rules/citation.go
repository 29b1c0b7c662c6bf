package rules

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A Citation names a provision of the measures: an article, and within it
// a paragraph (款) and an item (项). Zero Paragraph or Item means the
// citation stops at the level above.
type Citation struct {
	Article   int
	Paragraph int
	Item      int
}

// Art returns the citation of a whole article.
func Art(article int) Citation { return Citation{Article: article} }

// Para returns c narrowed to paragraph p.
func (c Citation) Para(p int) Citation { c.Paragraph = p; return c }

// ItemOf returns c narrowed to item i. An item without a paragraph is
// cited as an item of the first paragraph, as Chinese legal citation does
// for articles with one paragraph.
func (c Citation) ItemOf(i int) Citation {
	if c.Paragraph == 0 {
		c.Paragraph = 1
	}
	c.Item = i
	return c
}

// IsZero reports whether c cites nothing.
func (c Citation) IsZero() bool { return c == Citation{} }

// String returns the short English form: "Art. 17(1)(5)", "Art. 8(3)" or
// "Art. 15".
func (c Citation) String() string {
	if c.IsZero() {
		return "(no citation)"
	}
	if c.Item > 0 && c.Paragraph == 0 {
		c.Paragraph = 1
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Art. %d", c.Article)
	if c.Paragraph > 0 {
		fmt.Fprintf(&b, "(%d)", c.Paragraph)
	}
	if c.Item > 0 {
		fmt.Fprintf(&b, "(%d)", c.Item)
	}
	return b.String()
}

// Chinese returns the citation as Chinese legal texts write it:
// 第十七条第一款第五项.
func (c Citation) Chinese() string {
	if c.IsZero() {
		return ""
	}
	if c.Item > 0 && c.Paragraph == 0 {
		c.Paragraph = 1
	}
	var b strings.Builder
	b.WriteString("第" + chineseNumber(c.Article) + "条")
	if c.Paragraph > 0 {
		b.WriteString("第" + chineseNumber(c.Paragraph) + "款")
	}
	if c.Item > 0 {
		b.WriteString("第" + chineseNumber(c.Item) + "项")
	}
	return b.String()
}

// Label returns a short Chinese heading for the cited article, for display
// next to the citation. The measures have no official headings; these are
// this package's own summaries.
func (c Citation) Label() string {
	return articleLabel(c.Article)
}

// articleLabel returns a short heading for article n of the 30, or "".
func articleLabel(n int) string {
	switch n {
	case 1:
		return "制定目的和依据"
	case 2:
		return "磋商的定义和适用范围"
	case 3:
		return "应当开展磋商的情形"
	case 4:
		return "磋商原则"
	case 5:
		return "赔偿权利人及其指定部门"
	case 6:
		return "赔偿义务人"
	case 7:
		return "受邀参与磋商人"
	case 8:
		return "调查、鉴定评估与磋商告知"
	case 9:
		return "制作和送达赔偿意见书"
	case 10:
		return "赔偿意见书的内容和答复期限"
	case 11:
		return "同意赔偿与签署协议"
	case 12:
		return "组织磋商会议"
	case 13:
		return "委托他人参加磋商"
	case 14:
		return "磋商会议程序"
	case 15:
		return "再次磋商"
	case 16:
		return "对鉴定评估结论的异议"
	case 17:
		return "不启动或终止磋商"
	case 18:
		return "赔偿协议"
	case 19:
		return "司法确认"
	case 20:
		return "提起赔偿诉讼"
	case 21:
		return "履行赔偿协议"
	case 22:
		return "申请强制执行"
	case 23:
		return "证据保全"
	case 24:
		return "停止磋商"
	case 25:
		return "工作人员的责任"
	case 26:
		return "信息公开"
	case 27:
		return "检察机关的支持"
	case 28:
		return "磋商和履行情况的参考"
	case 29:
		return "上位规定优先"
	case 30:
		return "施行日期"
	}
	return ""
}

// chineseDigits holds the numerals 零 to 九, three bytes each in UTF-8.
const chineseDigits = "零一二三四五六七八九"

func chineseDigit(n int) string { return chineseDigits[3*n : 3*n+3] }

// chineseNumber writes n (1 to 99) in Chinese numerals: 十, 十七, 二十, 三十.
func chineseNumber(n int) string {
	switch {
	case n <= 0 || n >= 100:
		return strconv.Itoa(n)
	case n < 10:
		return chineseDigit(n)
	}
	tens, ones := n/10, n%10
	s := "十"
	if tens > 1 {
		s = chineseDigit(tens) + s
	}
	if ones > 0 {
		s += chineseDigit(ones)
	}
	return s
}

// parseChineseNumber reads a Chinese numeral from 一 to 九十九.
func parseChineseNumber(s string) (int, bool) {
	digit := func(r rune) int {
		if i := strings.IndexRune(chineseDigits, r); i > 0 {
			return i / 3
		}
		return -1
	}
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10, true
	case len(rs) == 1:
		d := digit(rs[0])
		return d, d > 0
	case len(rs) == 2 && rs[0] == '十':
		d := digit(rs[1])
		return 10 + d, d > 0
	case len(rs) == 2 && rs[1] == '十':
		d := digit(rs[0])
		return d * 10, d > 1
	case len(rs) == 3 && rs[1] == '十':
		t, o := digit(rs[0]), digit(rs[2])
		return t*10 + o, t > 1 && o > 0
	}
	return 0, false
}

// ParseCitation reads a citation of the measures in either form that
// String and Chinese write: "Art. 17(1)(5)" or "第十七条第一款第五项". It
// also reads the Chinese forms that leave out the paragraph of a
// one-paragraph article or put the item in brackets, 第十七条第五项 and
// 第十七条第（五）项, as paragraph 1. Articles run from 1 to 30, as in the
// measures; paragraphs and items from 1 to 99, so that every citation it
// accepts also prints in Chinese numerals. Whitespace around the text is ignored; anything else that
// differs is an error that names the input.
func ParseCitation(s string) (Citation, error) {
	s = strings.TrimSpace(s)
	if len(s) > 64 {
		return Citation{}, fmt.Errorf("rules: invalid citation %q…: longer than "+
			"any citation", clipText(s, 64))
	}
	var c Citation
	var ok bool
	if strings.HasPrefix(s, "Art.") {
		c, ok = parseEnglish(strings.TrimSpace(strings.TrimPrefix(s, "Art.")))
	} else {
		c, ok = parseChinese(s)
	}
	if ok && !strings.HasPrefix(s, "Art.") && c.Item > 0 && c.Paragraph == 0 {
		c.Paragraph = 1
	}
	if !ok || c.Article < 1 || c.Article > 30 || (c.Item > 0 && c.Paragraph == 0) {
		return Citation{}, fmt.Errorf("rules: invalid citation %q: want a form "+
			"like \"Art. 17(1)(5)\" or \"第十七条第一款第五项\"", s)
	}
	return c, nil
}

func parseEnglish(s string) (Citation, bool) {
	num, rest, _ := strings.Cut(s, "(")
	var c Citation
	var err error
	if c.Article, err = strconv.Atoi(num); err != nil || num != strconv.Itoa(c.Article) {
		return c, false
	}
	if rest == "" {
		return c, !strings.Contains(s, "(")
	}
	parts := strings.Split(strings.TrimSuffix(rest, ")"), ")(")
	if !strings.HasSuffix(rest, ")") || len(parts) > 2 {
		return c, false
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 99 || p != strconv.Itoa(n) {
			return c, false
		}
		nums[i] = n
	}
	c.Paragraph = nums[0]
	if len(nums) == 2 {
		c.Item = nums[1]
	}
	return c, true
}

func parseChinese(s string) (Citation, bool) {
	s = strings.NewReplacer("（", "", "）", "").Replace(s)
	var c Citation
	fields := []struct {
		unit string
		dst  *int
	}{{"条", &c.Article}, {"款", &c.Paragraph}, {"项", &c.Item}}
	for i, f := range fields {
		if s == "" && i > 0 {
			return c, true
		}
		if !strings.HasPrefix(s, "第") {
			return c, false
		}
		num, rest, found := strings.Cut(strings.TrimPrefix(s, "第"), f.unit)
		if !found && f.unit == "款" {
			continue // 第十七条第五项: no paragraph given
		}
		if !found {
			return c, false
		}
		n, ok := parseChineseNumber(num)
		if !ok {
			return c, false
		}
		*f.dst = n
		s = rest
	}
	return c, s == ""
}

// clipText shortens s to at most n bytes on a character boundary.
func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
