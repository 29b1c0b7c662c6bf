package rules

import (
	"fmt"
	"strings"
)

// Amount is a sum of money in fen (分, 0.01 yuan), so sums add exactly.
type Amount int64

// Yuan returns the Amount of n whole yuan. n must lie within
// ±92,233,720,368,547,758, the range an Amount holds.
func Yuan(n int64) Amount { return Amount(n * 100) }

// String returns a in yuan with two decimals and thousands separators:
// "1,200,000.00 元".
func (a Amount) String() string {
	sign := ""
	abs := uint64(a)
	if a < 0 {
		sign, abs = "-", uint64(-(a+1))+1 // no overflow at the minimum
	}
	whole := fmt.Sprint(abs / 100)
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return fmt.Sprintf("%s%s.%02d 元", sign, b.String(), abs%100)
}
