package documents

import (
	"strings"

	"github.com/ecoconsult/ecoconsult/rules"
)

// capitalDigits holds the capital numerals 零 to 玖, three bytes each in
// UTF-8.
const capitalDigits = "零壹贰叁肆伍陆柒捌玖"

func capitalDigit(n uint64) string { return capitalDigits[3*n : 3*n+3] }

// capitalPlace returns the unit of a digit's place inside a group of four
// digits: 仟, 佰, 拾 or none for the ones.
func capitalPlace(place int) string {
	switch place {
	case 3:
		return "仟"
	case 2:
		return "佰"
	case 1:
		return "拾"
	}
	return ""
}

// capitalGroup returns the unit of the i-th group of four digits counted
// from the ones: none, 万, 亿, 万亿 (10¹²) and 亿亿 (10¹⁶), the largest an
// Amount needs.
func capitalGroup(i int) string {
	switch i {
	case 1:
		return "万"
	case 2:
		return "亿"
	case 3:
		return "万亿"
	case 4:
		return "亿亿"
	}
	return ""
}

// CapitalAmount writes a in the capital numerals (大写) that Chinese
// financial and official documents use next to the figures:
// 1,200,000.00 元 is 壹佰贰拾万元整, 1,000,001 元 is 壹佰万零壹元整,
// 0.50 元 is 伍角 and 10.05 元 is 壹拾元零伍分.
//
// It follows the People's Bank of China rules for writing amounts on
// bills and settlement vouchers (正确填写票据和结算凭证的基本规定). An
// amount in whole yuan ends with 整, and an amount with 角 or 分 ends with
// that unit. One 零 replaces a run of zeros between two digits. 零 follows
// 元 when the jiao digit is zero and the fen digit is not. A ten is
// written 壹拾. Where the rules allow a 零 or none, this function writes
// the first form they give. So no 零 follows a 万 or 亿 whose own digit is
// zero when the next digit is not (壹拾万柒仟元), and a 零 follows a 元
// whose own digit is zero before a non-zero jiao (壹仟陆佰捌拾元零叁角贰分).
//
// Zero is 零元整. A negative amount, which no document of the measures
// shows, is written with 负 in front.
func CapitalAmount(a rules.Amount) string {
	var b strings.Builder
	abs := uint64(a)
	if a < 0 {
		b.WriteString("负")
		abs = uint64(-(a + 1)) + 1 // no overflow at the minimum
	}
	yuan, jiao, fen := abs/100, abs/10%10, abs%10
	if yuan > 0 {
		writeCapitalInteger(&b, yuan)
		b.WriteString("元")
	}
	if jiao == 0 && fen == 0 {
		if yuan == 0 {
			b.WriteString("零元")
		}
		b.WriteString("整")
		return b.String()
	}
	if yuan > 0 && (yuan%10 == 0 || jiao == 0) {
		b.WriteString("零")
	}
	if jiao > 0 {
		b.WriteString(capitalDigit(jiao) + "角")
	}
	if fen > 0 {
		b.WriteString(capitalDigit(fen) + "分")
	}
	return b.String()
}

// writeCapitalInteger writes n > 0 in capital numerals, group by group of
// four digits from the highest. The group's unit covers the zeros at the
// end of a group. Any other run of zeros before a non-zero digit, inside
// a group or across groups, becomes one 零.
func writeCapitalInteger(b *strings.Builder, n uint64) {
	var groups []uint64
	for ; n > 0; n /= 10000 {
		groups = append(groups, n%10000)
	}
	written, zero := false, false
	for i := len(groups) - 1; i >= 0; i-- {
		g := groups[i]
		if g == 0 {
			zero = written
			continue
		}
		if written && g < 1000 {
			zero = true
		}
		inGroup := false
		for place, unit := 3, uint64(1000); place >= 0; place, unit = place-1, unit/10 {
			d := g / unit % 10
			if d == 0 {
				zero = zero || inGroup
				continue
			}
			if zero {
				b.WriteString("零")
				zero = false
			}
			b.WriteString(capitalDigit(d) + capitalPlace(place))
			inGroup = true
		}
		zero = false // trailing zeros of the group: its unit covers them
		b.WriteString(capitalGroup(i))
		written = true
	}
}

// yuanFigures writes a in figures as the documents show it:
// "1,200,000.00元".
func yuanFigures(a rules.Amount) string {
	return strings.TrimSuffix(a.String(), " 元") + "元"
}

// yuanText writes a in figures followed by its capital numerals:
// "1,200,000.00元（大写：人民币壹佰贰拾万元整）".
func yuanText(a rules.Amount) string {
	return yuanFigures(a) + "（大写：人民币" + CapitalAmount(a) + "）"
}
