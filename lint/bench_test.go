package lint_test

import (
	"testing"

	"github.com/copydesk/copydesk/internal/corpusgen"
	"github.com/copydesk/copydesk/lint"
)

// BenchmarkParse times parsing and tokenizing alone, per format.
func BenchmarkParse(b *testing.B) {
	for _, tc := range []struct {
		name  string
		share float64
	}{{"text", 0}, {"markdown", 1}} {
		var arts []corpusgen.Article
		var size int64
		err := corpusgen.Generate(corpusgen.Options{Bytes: 4 << 20, Seed: 3, MarkdownShare: tc.share, DefectRate: 2}, func(a corpusgen.Article) error {
			arts = append(arts, a)
			size += int64(len(a.Body))
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, a := range arts {
					doc, err := lint.Parse(a.Name, a.Body)
					if err != nil {
						b.Fatal(err)
					}
					doc.Release()
				}
			}
		})
	}
}
