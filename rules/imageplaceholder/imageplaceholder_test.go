package imageplaceholder_test

import (
	"testing"

	"github.com/copydesk/copydesk/internal/corpusgen"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/imageplaceholder"
)

func TestRule(t *testing.T) {
	linttest.Run(t, "testdata", imageplaceholder.Rule)
}

// BenchmarkRule times the rule alone on 4 MB of parsed generated articles,
// a quarter Markdown and a share of list-page exports, as rules.BenchmarkRule does.
func BenchmarkRule(b *testing.B) {
	var docs []*lint.Document
	var size int64
	err := corpusgen.Generate(corpusgen.Options{Bytes: 4 << 20, Seed: 7, MarkdownShare: 0.25, DefectRate: 2}, func(a corpusgen.Article) error {
		doc, err := lint.Parse(a.Name, a.Body)
		docs = append(docs, doc)
		size += int64(len(a.Body))
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			lint.Check(imageplaceholder.Rule, d, nil)
		}
	}
}
