package rules

import (
	"testing"

	"github.com/copydesk/copydesk/lint/linttest"
)

// BenchmarkRule times each document rule alone on parsed articles, so that
// a slow rule shows; MB/s is over the articles' bytes.
func BenchmarkRule(b *testing.B) {
	for _, r := range All() {
		if r.Run == nil {
			continue
		}
		b.Run(r.ID, func(b *testing.B) { linttest.Bench(b, r) })
	}
}
