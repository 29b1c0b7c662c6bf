package rules

import (
	"fmt"
	"strings"
)

// Amount is a sum of money in fen (分, 0.01 yuan), so sums add exactly.
type Amount int64

// Yuan returns the Amount of n whole yuan.
func Yuan(n int64) Amount { return Amount(n * 100) }

// String returns a in yuan with two decimals and thousands separators:
// "1,200,000.00 元".
func (a Amount) String() string {
	sign := ""
	if a < 0 {
		sign, a = "-", -a
	}
	whole := fmt.Sprint(int64(a) / 100)
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return fmt.Sprintf("%s%s.%02d 元", sign, b.String(), int64(a)%100)
}
