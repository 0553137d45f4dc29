package titlemissing_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/titlemissing"
)

func TestRule(t *testing.T) { linttest.RunCorpus(t, "testdata", titlemissing.Rule) }

func TestDocExamples(t *testing.T) { linttest.DocExamples(t, titlemissing.Rule, nil, false) }

func BenchmarkRule(b *testing.B) { linttest.Bench(b, titlemissing.Rule) }

// FuzzRule: no panic and valid ranges on any text, plain or Markdown.
func FuzzRule(f *testing.F) {
	linttest.Fuzz(f, titlemissing.Rule,
		"Museum News\n\nThe museum opens\n\nDate: 2025-02-30 25:10\n\nOn March 12, 2025 the museum opened.\n",
		"---\ntitle: T\ndate: 2025-4-09\n---\n\nOn June 5 visitors came. It was held on 12th of May.\n",
		"+++\npath = \"2014/12/12/slug\"\n+++\n\nFriday, March 12, 2025 was busy.\n",
		"Date: 03/04/2025\n",
	)
}
