package separatorline_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/separatorline"
)

func TestRule(t *testing.T) {
	linttest.Run(t, "testdata", separatorline.Rule)
}

// BenchmarkRule times the rule alone; MB/s is over the articles' bytes.
func BenchmarkRule(b *testing.B) { linttest.Bench(b, separatorline.Rule) }
