package rules

import (
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/lint/linttest"
)

// FuzzFix runs every rule and the fix loop on arbitrary text: no panic,
// fixes stay valid, nothing safe-fixable is left once the loop converges,
// fixing the result again changes nothing, and every range lies in the text.
func FuzzFix(f *testing.F) {
	seeds := []string{
		"Institute News\n\nMuseum signs the the deal  \n\nDate:2025-03-14\n\n\n\nThe\u00a0museum and and the the lab.\u00a0\n",
		"---\ntitle: the the title\n---\n\n# The the\n\nto `x` to *the* the\n> the\n> the\n\n\n\n```\na  \n```\n",
		"a a a\n\n\n\n\n b b \t\n",
		"the\u00a0\u00a0the  \r\n\r\n\r\n\r\nx",
	}
	for _, s := range seeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	reg := Registry()
	eng := &engine.Engine{Registry: reg, Config: config.Default(".")}
	safe := func(d lint.Diagnostic) bool { return d.Fix != nil && d.Fix.Applicability == lint.Safe }
	f.Fuzz(func(t *testing.T, s string, markdown bool) {
		path := "a.txt"
		if markdown {
			path = "a.md"
		}
		linttest.CheckFixLoop(t, eng, path, s, safe)
	})
}
