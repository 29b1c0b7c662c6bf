// Package calendar is China's official working-day calendar and the
// counting of legal periods over it.
//
// The calendar comes from the State Council's annual holiday notices
// (国务院办公厅关于YYYY年部分节假日安排的通知), which fix each year's days off
// and the weekend days worked in exchange (调休上班), and from the notices
// that amended them: the 2015 Victory Day holiday, the 2019 Labour Day
// change and the 2020 extension of the Spring Festival. They are embedded
// as a line-based text file, data/china.txt, that names each notice's
// title and document number and says how every day was checked against
// independent public data sets. China returns that calendar, covering
// 2008 to 2026.
//
// Periods are counted as Chinese law counts them. The day of the event
// that starts a period is never counted. "Within N working days after X"
// ends at the end of the N-th working day after X (WorkdaysAfter). "Within
// N days from X" ends at the end of day X+N, moved to the next working day
// when that day is a weekend or holiday (DaysFrom, after Civil Code Art.
// 203). Weekend days that a notice makes working days count as working
// days, because government offices work on them; WithoutAdjustedWorkdays
// turns that off.
//
// A date outside the years of the notices is an error (*RangeError), never
// a guess. A host may opt in with WithProvisional to a rule for the years
// whose notice is not out yet: weekends plus the public holidays that the
// national holiday regulation, as revised in 2024, fixes by date, with the
// lunar and solar-term dates from an embedded table through 2050. Results
// computed that way are marked Provisional.
//
// Dates are civil dates (date.Date) in China Standard Time; ChinaDate
// converts an instant. Every count and lookup takes constant time and
// allocates nothing: the calendar keeps a running count of working days
// for every day it covers. A Calendar is immutable and safe for concurrent
// use.
//
// The same text format is read by Parse and written by File.Format, so a
// host can add the notice of a new year, or a local overlay such as
// HangzhouG20, without waiting for a release.
package calendar
