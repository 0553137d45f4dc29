package rules

import (
	"testing"

	"github.com/copydesk/copydesk/internal/corpusgen"
	"github.com/copydesk/copydesk/lint"
)

// benchDocs parses 4 MB of generated articles once.
func benchDocs(b *testing.B) ([]*lint.Document, int64) {
	b.Helper()
	var docs []*lint.Document
	var size int64
	err := corpusgen.Generate(corpusgen.Options{Bytes: 4 << 20, Seed: 7, MarkdownShare: 0.25, DefectRate: 2}, func(a corpusgen.Article) error {
		doc, err := lint.Parse(a.Name, a.Body)
		if err != nil {
			return err
		}
		docs = append(docs, doc)
		size += int64(len(a.Body))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return docs, size
}

// BenchmarkRule times each document rule alone on parsed articles, so that
// a slow rule shows; MB/s is over the articles' bytes.
func BenchmarkRule(b *testing.B) {
	docs, size := benchDocs(b)
	for _, r := range All() {
		if r.Run == nil {
			continue
		}
		b.Run(r.ID, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, d := range docs {
					lint.Check(r, d, nil)
				}
			}
		})
	}
}
