package unbalancedquotes_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/unbalancedquotes"
)

// FuzzFix runs the rule and the fix loop on arbitrary text.
func FuzzFix(f *testing.F) {
	linttest.Fuzz(f, unbalancedquotes.Rule,
		"Museum News\n\n“Ocean Night\" opens (HCMST\n\nDate: 2025-03-14\n\nThe guide said \"welcome and don't stay 12\" long\n\n“One.\n\n“Two.”\n",
		"---\ntitle: 'Don’t \"go'\n---\n\n# The “Deep [tour\n\nRun `f(\"x` and [a](https://e.org/\"b) \\\"x\\\" *it's* done\n\n> ‘q\n\n博物馆（海港城\n",
		"\"\"\"''' ((( ))) “”” [\n\n]\n\n12\" 6' a) b) :-) [0, 1)")
}
