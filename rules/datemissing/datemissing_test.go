package datemissing_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/datemissing"
)

func TestRule(t *testing.T) {
	linttest.RunCorpus(t, "testdata/default", datemissing.Rule)
}

// TestConfigured: dates.sources limits where dates count, and
// dates.undated exempts pages.
func TestConfigured(t *testing.T) {
	linttest.RunCorpus(t, "testdata/configured", datemissing.Rule)
}

// TestUndatedArchive: five of six pages have no date, as in a docs site,
// so the site does not date its pages and nothing is reported; the one
// dated page (a release note) does not make the others wrong.
func TestUndatedArchive(t *testing.T) {
	linttest.RunCorpus(t, "testdata/undated-docs", datemissing.Rule)
}

func BenchmarkRule(b *testing.B) { linttest.Bench(b, datemissing.Rule) }

// FuzzRule: no panic and valid ranges on any text, plain or Markdown.
func FuzzRule(f *testing.F) {
	linttest.Fuzz(f, datemissing.Rule,
		"Museum News\n\nThe museum opens\n\nDate: 2025-02-30 25:10\n\nOn March 12, 2025 the museum opened.\n",
		"---\ntitle: T\ndate: 2025-4-09\n---\n\nOn June 5 visitors came. It was held on 12th of May.\n",
		"+++\npath = \"2014/12/12/slug\"\n+++\n\nFriday, March 12, 2025 was busy.\n",
		"Date: 03/04/2025\n",
	)
}
