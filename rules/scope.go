package rules

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rickb777/date/v2"
)

// DistrictKind is the administrative kind of a unit directly below the city
// of Hangzhou.
type DistrictKind uint8

// The kinds of unit below the city. The zero DistrictKind is no kind.
const (
	KindDistrict   DistrictKind = iota + 1 // 市辖区, name ends in 区
	KindCounty                             // 县, name ends in 县
	KindCountyCity                         // 县级市, name ends in 市
)

// String returns the English name of the kind, or "unknown kind".
func (k DistrictKind) String() string {
	switch k {
	case KindDistrict:
		return "district"
	case KindCounty:
		return "county"
	case KindCountyCity:
		return "county-level city"
	}
	return "unknown kind"
}

// Chinese returns the Chinese name of the kind, or "" for an unknown kind.
func (k DistrictKind) Chinese() string {
	switch k {
	case KindDistrict:
		return "市辖区"
	case KindCounty:
		return "县"
	case KindCountyCity:
		return "县级市"
	}
	return ""
}

// suffix returns the character that ends the names of units of kind k.
func (k DistrictKind) suffix() string {
	switch k {
	case KindDistrict:
		return "区"
	case KindCounty:
		return "县"
	case KindCountyCity:
		return "市"
	}
	return ""
}

// District is a district, county or county-level city of Hangzhou: the
// unit where the damage happened, which puts a case inside the scope of
// the measures (Art. 2).
type District struct {
	Name string // full Chinese name with its suffix, such as 余杭区
	Kind DistrictKind
}

// String returns the full name of d.
func (d District) String() string { return d.Name }

// HangzhouRedistricting returns the first day of Hangzhou's current map of
// districts, 9 April 2021. The province approved the change on 11 March
// 2021 and the city announced it on 9 April, so this package applies the
// old map to every earlier day.
func HangzhouRedistricting() date.Date {
	return date.New(2021, time.April, 9)
}

// DistrictsOn returns the 13 units of Hangzhou on the given day, in the
// order the city lists them. Each call returns a new slice.
//
// NOTE: the map before 9 April 2021 is applied to every earlier day. The
// earlier changes (富阳 became a district in 2014, 临安 in 2017) are not
// modelled.
func DistrictsOn(on date.Date) []District {
	units := districtsOn(on)
	return units[:]
}

// districtsOn returns the units of DistrictsOn as an array value, which
// ResolveDistrict reads without allocating.
func districtsOn(on date.Date) [13]District {
	if on < HangzhouRedistricting() {
		return [13]District{
			{"上城区", KindDistrict}, {"下城区", KindDistrict},
			{"江干区", KindDistrict}, {"拱墅区", KindDistrict},
			{"西湖区", KindDistrict}, {"滨江区", KindDistrict},
			{"萧山区", KindDistrict}, {"余杭区", KindDistrict},
			{"富阳区", KindDistrict}, {"临安区", KindDistrict},
			{"桐庐县", KindCounty}, {"淳安县", KindCounty},
			{"建德市", KindCountyCity},
		}
	}
	return [13]District{
		{"上城区", KindDistrict}, {"拱墅区", KindDistrict},
		{"西湖区", KindDistrict}, {"滨江区", KindDistrict},
		{"萧山区", KindDistrict}, {"余杭区", KindDistrict},
		{"临平区", KindDistrict}, {"钱塘区", KindDistrict},
		{"富阳区", KindDistrict}, {"临安区", KindDistrict},
		{"桐庐县", KindCounty}, {"淳安县", KindCounty},
		{"建德市", KindCountyCity},
	}
}

// ResolveDistrict returns the unit of Hangzhou that name denotes on the
// given day, the day the damage happened. The name may omit its suffix
// (余杭 or 余杭区) and may start with 浙江省, 杭州市 or both, with or
// without 省 and 市. White space anywhere in it, full-width included, is
// ignored.
//
// Art. 2 limits the measures to damage inside Hangzhou, and the city
// redrew its districts on 9 April 2021 (see HangzhouRedistricting). The
// errors, each a *Violation citing Art. 2, are:
//   - ErrMissingFact for a zero day, a blank name or the city alone.
//   - ErrDistrictRenamed for 下城 or 江干 on or after 9 April 2021, with
//     the unit or units to record instead.
//   - ErrDistrictNotCreated for 临平 or 钱塘 before 9 April 2021, with the
//     unit or units the area belonged to.
//   - ErrOutOfScope for any other name, with the units valid on that day.
//
// NOTE: 上城, 拱墅 and 余杭 exist on both maps but cover other areas from
// 9 April 2021, which a name alone cannot reveal.
func ResolveDistrict(name string, on date.Date) (District, error) {
	if on == date.Zero {
		return District{}, violation(Art(2), ErrMissingFact,
			"no day given for district %q: give the day the damage "+
				"happened, because Hangzhou's districts changed on %s",
			name, HangzhouRedistricting())
	}
	compact := removeSpaces(name)
	base, suffix := splitDistrictName(stripCityPrefix(compact))
	if base == "" {
		return District{}, missingDistrict(name)
	}
	for _, d := range districtsOn(on) {
		if strings.TrimSuffix(d.Name, d.Kind.suffix()) != base {
			continue
		}
		if suffix != "" && suffix != d.Kind.suffix() {
			return District{}, violation(Art(2), ErrOutOfScope,
				"%q is not a unit of Hangzhou on %s: record %s, the %s "+
					"of that name", name, on, d.Name, d.Kind)
		}
		return d, nil
	}
	if err := districtChange(name, base, on); err != nil {
		return District{}, err
	}
	return District{}, outOfScope(name, on)
}

// removeSpaces drops every rune that Blank counts as invisible, spaces
// among them, because Chinese place names contain none and records often
// pad them.
func removeSpaces(s string) string {
	return strings.Map(func(r rune) rune {
		if r < utf8.RuneSelf && (r <= ' ' || r == 0x7f) || r >= utf8.RuneSelf && !visible(r) {
			return -1
		}
		return r
	}, s)
}

// stripCityPrefix drops a leading 浙江省 (or 浙江) and 杭州市 (or 杭州).
func stripCityPrefix(s string) string {
	for _, p := range []string{"浙江省", "浙江", "杭州市", "杭州"} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

// splitDistrictName splits a trailing 区, 县 or 市 from s. A lone suffix
// is not split, so that it stays an unknown name.
func splitDistrictName(s string) (base, suffix string) {
	for _, x := range []string{"区", "县", "市"} {
		if b, ok := strings.CutSuffix(s, x); ok && b != "" {
			return b, x
		}
	}
	return s, ""
}

// missingDistrict reports a name that is blank or names only the city.
func missingDistrict(name string) error {
	if removeSpaces(name) == "" {
		return violation(Art(2), ErrMissingFact,
			"no district recorded: record the district, county or "+
				"county-level city of Hangzhou where the damage happened")
	}
	return violation(Art(2), ErrMissingFact,
		"%q names only the city: record the district, county or "+
			"county-level city of Hangzhou where the damage happened", name)
}

// districtChange reports a unit of one map used on a day of the other
// map, or nil when base is no such unit.
func districtChange(name, base string, on date.Date) error {
	change := HangzhouRedistricting()
	if on >= change {
		switch base {
		case "下城":
			return violation(Art(2), ErrDistrictRenamed,
				"%q: 下城区 merged with 拱墅区 on %s into a new 拱墅区: "+
					"record 拱墅区 for damage on %s", name, change, on)
		case "江干":
			return violation(Art(2), ErrDistrictRenamed,
				"%q: 江干区 merged into a new 上城区 on %s, except its "+
					"下沙 and 白杨 streets, which went to 钱塘区: record "+
					"上城区, or 钱塘区 for those two streets", name, change)
		}
		return nil
	}
	switch base {
	case "临平":
		return violation(Art(2), ErrDistrictNotCreated,
			"%q: 临平区 was created on %s, after %s, and its area was "+
				"part of 余杭区 before: record 余杭区", name, change, on)
	case "钱塘":
		return violation(Art(2), ErrDistrictNotCreated,
			"%q: 钱塘区 was created on %s, after %s; its area was part "+
				"of 江干区 (下沙 and 白杨 streets) and 萧山区 (河庄, 义蓬, "+
				"新湾, 临江 and 前进 streets): record 江干区 or 萧山区",
			name, change, on)
	}
	return nil
}

// outOfScope reports a name that is no unit of Hangzhou on the day.
func outOfScope(name string, on date.Date) error {
	units := DistrictsOn(on)
	names := make([]string, len(units))
	for i, d := range units {
		names[i] = d.Name
	}
	return violation(Art(2), ErrOutOfScope,
		"%q is not a district or county of Hangzhou on %s, so the "+
			"measures do not apply; the units on that day are %s",
		name, on, strings.Join(names, ", "))
}
