package documents

import (
	"fmt"

	"github.com/rickb777/date/v2"
)

// ChineseDate writes d as Chinese official documents date things, with
// Arabic numerals and no leading zeros: 2026年12月4日. The zero date is
// written as "".
func ChineseDate(d date.Date) string {
	if d == date.Zero {
		return ""
	}
	y, m, day := d.Date()
	return fmt.Sprintf("%d年%d月%d日", y, int(m), day)
}
