package calendar

// Kind is the kind of a day in the working-day calendar.
type Kind uint8

// The kinds of day. The zero Kind is invalid: every day the calendar
// covers has one of these.
const (
	// Workday is a Monday to Friday that no notice makes a day off.
	Workday Kind = iota + 1
	// Weekend is a Saturday or Sunday that no notice touches.
	Weekend
	// Holiday is a day off set by a holiday notice, or by the statutory
	// holidays of the provisional rule. A weekend day inside a notice's
	// run of days off is a Holiday too.
	Holiday
	// AdjustedWorkday is a Saturday or Sunday that a notice makes a working
	// day (调休上班).
	AdjustedWorkday
)

// String returns the name of k as the workdays command prints it:
// "workday", "weekend", "holiday" or "adjusted-workday".
func (k Kind) String() string {
	switch k {
	case Workday:
		return "workday"
	case Weekend:
		return "weekend"
	case Holiday:
		return "holiday"
	case AdjustedWorkday:
		return "adjusted-workday"
	}
	return "invalid"
}

// Festival is the Chinese name of the festival that a day off or an
// adjusted working day belongs to, as the notices write it (春节, 国庆节).
// The empty Festival means the day belongs to none.
type Festival string

// The festivals of the national notices. A local overlay may use other
// names.
const (
	NewYear              Festival = "元旦"
	SpringFestival       Festival = "春节"
	Qingming             Festival = "清明节"
	LabourDay            Festival = "劳动节"
	DragonBoat           Festival = "端午节"
	MidAutumn            Festival = "中秋节"
	NationalDay          Festival = "国庆节"
	MidAutumnNationalDay Festival = "中秋节、国庆节"
	// VictoryDay is the one-off day off for the 70th anniversary of the
	// victory in the War of Resistance against Japan, 3 September 2015.
	VictoryDay Festival = "抗战胜利纪念日"
)

// isNational reports whether f is a festival that a national notice or
// amendment may name. A local notice may name any festival.
func (f Festival) isNational() bool {
	switch f {
	case NewYear, SpringFestival, Qingming, LabourDay, DragonBoat, MidAutumn,
		NationalDay, MidAutumnNationalDay, VictoryDay:
		return true
	}
	return false
}
