module github.com/ecoconsult/ecoconsult/examples/peerbench

go 1.26

require (
	github.com/6tail/lunar-go v1.4.7
	github.com/ecoconsult/ecoconsult v0.0.0-00010101000000-000000000000
	github.com/rickar/cal/v2 v2.1.32
	github.com/rickb777/date/v2 v2.3.1
)

require (
	github.com/govalues/decimal v0.1.36 // indirect
	github.com/rickb777/period v1.0.21 // indirect
	github.com/rickb777/plural v1.4.7 // indirect
)

replace github.com/ecoconsult/ecoconsult => ../..
