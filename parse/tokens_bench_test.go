package parse_test

import (
	"runtime"
	"testing"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/internal/corpusgen"
	"github.com/copydesk/copydesk/parse"
)

// BenchmarkTokensPerWord parses a generated corpus of the mix the
// archive-scale figures use (a quarter Markdown, two defects per 1,000
// words) and reports what issue 12 asks of the document model: tokens per
// word (every token, spaces and punctuation included, over the word
// tokens) and bytes allocated per input byte while parsing.
func BenchmarkTokensPerWord(b *testing.B) {
	var arts []corpusgen.Article
	var size int64
	err := corpusgen.Generate(corpusgen.Options{Bytes: 4 << 20, Seed: 1, MarkdownShare: corpusgen.DefaultMarkdownShare, DefectRate: 2},
		func(a corpusgen.Article) error {
			arts = append(arts, a)
			size += int64(len(a.Body))
			return nil
		})
	if err != nil {
		b.Fatal(err)
	}
	var tokens, words int
	var p parse.Parser // as each engine worker has
	for _, a := range arts {
		doc, err := p.Parse(a.Name, a.Body, true)
		if err != nil {
			b.Fatal(err)
		}
		tokens += len(doc.Tokens)
		for _, t := range doc.Tokens {
			if t.Kind() == document.TokWord {
				words++
			}
		}
		p.Recycle(doc)
	}
	if words == 0 {
		b.Fatalf("no word tokens in %d generated articles", len(arts))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		for _, a := range arts {
			doc, err := p.Parse(a.Name, a.Body, true)
			if err != nil {
				b.Fatal(err)
			}
			p.Recycle(doc)
		}
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(tokens)/float64(words), "tokens/word")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/float64(size), "allocB/inB")
}
