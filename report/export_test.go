package report

// Exported for the tests of package report_test.
var (
	EscapeData     = escapeData.Replace
	EscapeProperty = escapeProperty.Replace
)
