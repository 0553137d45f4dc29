package datefuture_test

import (
	"testing"
	"time"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/datefuture"
)

// TestRule runs with today = 2026-01-01, RunCorpus's fixed date.
func TestRule(t *testing.T) { linttest.RunCorpus(t, "testdata", datefuture.Rule) }

// TestToday: the same article is in the future or not depending on today.
func TestToday(t *testing.T) {
	files := map[string]string{"a.txt": "Fern house opens\n\nDate: 2025-03-14\n\nThe fern house opened.\n"}
	for _, c := range []struct {
		today string
		want  int
	}{{"2025-03-13", 1}, {"2025-03-14", 0}, {"2025-03-15", 0}} {
		today, _ := time.Parse("2006-01-02", c.today)
		got := linttest.CorpusFindings(t, files, config.Default("."), today, datefuture.Rule)["a.txt"]
		if len(got) != c.want {
			t.Errorf("today %s: %d findings %v, want %d", c.today, len(got), got, c.want)
		}
	}
}

func TestDocExamples(t *testing.T) { linttest.DocExamples(t, datefuture.Rule, nil, false) }

func BenchmarkRule(b *testing.B) { linttest.Bench(b, datefuture.Rule) }

// FuzzRule: no panic and valid ranges on any text, plain or Markdown.
func FuzzRule(f *testing.F) {
	linttest.Fuzz(f, datefuture.Rule,
		"Museum News\n\nThe museum opens\n\nDate: 2025-02-30 25:10\n\nOn March 12, 2025 the museum opened.\n",
		"---\ntitle: T\ndate: 2025-4-09\n---\n\nOn June 5 visitors came. It was held on 12th of May.\n",
		"+++\npath = \"2014/12/12/slug\"\n+++\n\nFriday, March 12, 2025 was busy.\n",
		"Date: 03/04/2025\n",
	)
}
