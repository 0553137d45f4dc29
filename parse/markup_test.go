package parse_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules"
)

// TestMarkupFixtures runs every rule over invented pages in the shapes real
// sites write (containers, reference labels, entity references, shortcodes,
// template tags, raw HTML blocks, HTML pages, MDX): findings are expected
// inline, and the safe fixes' output is compared with NAME.golden, so a fix
// that edits markup shows as a changed line there.
func TestMarkupFixtures(t *testing.T) {
	var rs []*lint.Rule
	for _, r := range rules.All() {
		if !r.Builtin {
			rs = append(rs, r)
		}
	}
	linttest.RunRules(t, "testdata/markup", rs...)
}
