package rules

import (
	"strings"
	"unicode/utf8"
)

// Person is a party or other person named in a record that the agency
// publishes under Art. 26.
type Person struct {
	Name     string
	IDNumber string // identity document number
	Phone    string
	Address  string
	// Organization is true for a legal person or other organization,
	// which is published in full. The zero value is a natural person, so a
	// record that does not say is masked rather than exposed.
	Organization bool
}

// maskMark replaces the given name of a natural person.
const maskMark = "某"

// MaskForPublication returns the copy of p that the agency may publish
// (Art. 26). For a natural person it clears the identity number, phone
// and address and masks the name. For a legal person or another
// organization it returns p unchanged. Masking is idempotent.
//
// Art. 26 requires publication but is silent on personal data. Keeping
// only the surname followed by 某 is this package's decision: it follows
// the usual form of published Chinese records.
func MaskForPublication(p Person) Person {
	if p.Organization {
		return p
	}
	return Person{Name: MaskName(p.Name)}
}

// MaskName returns the surname of a natural person's name followed by 某:
// 张三 becomes 张某, 欧阳修 becomes 欧阳某, and a one-character name such
// as 张 becomes 张某. Spaces around the name are dropped and a blank name
// becomes "". A role placeholder that names nobody, 赔偿义务人 followed by
// 甲, 乙, 丙 and so on or by digits, is kept as it is.
//
// A Chinese name of three or more characters that starts with a common
// two-character surname keeps both characters. A name of two characters
// always keeps one, because a compound surname needs a given name after
// it. A name in Latin letters, or any name that does not start with a
// Chinese character, keeps only its first character, as in "J某",
// because the surname may come first or last.
//
// NOTE: a single surname followed by a given name that starts like a
// compound surname (东 + 方红) keeps two characters, one of them from the
// given name.
func MaskName(name string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		return ""
	}
	// A role written in place of a name (赔偿义务人甲, as published case
	// reports write it) names nobody and stays as it is.
	if isRole(name) {
		return name
	}
	if utf8.RuneCountInString(name) >= 3 {
		first2 := string([]rune(name)[:2])
		if isCompoundSurname(first2) {
			return first2 + maskMark
		}
	}
	first, _ := utf8.DecodeRuneInString(name)
	return string(first) + maskMark
}

// rolePrefix begins a role written in place of an obligor's name.
const rolePrefix = "赔偿义务人"

// isRole reports whether name is a role placeholder: 赔偿义务人 followed
// by one of the ten heavenly stems (甲, 乙, 丙 …) or by digits, and nothing
// else. 赔偿义务人张三 holds a real name and is masked like any other.
func isRole(name string) bool {
	rest, ok := strings.CutPrefix(name, rolePrefix)
	if !ok || rest == "" {
		return false
	}
	if utf8.RuneCountInString(rest) == 1 && strings.Contains("甲乙丙丁戊己庚辛壬癸", rest) {
		return true
	}
	for _, r := range rest {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// isCompoundSurname reports whether s is one of the common two-character
// surnames.
func isCompoundSurname(s string) bool {
	switch s {
	case "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙",
		"慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "钟离",
		"端木", "独孤", "南宫", "西门":
		return true
	}
	return false
}
