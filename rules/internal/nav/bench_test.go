package nav_test

import (
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/internal/corpusgen"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
	"github.com/copydesk/copydesk/rules/internal/nav"
	"github.com/copydesk/copydesk/rules/linkbroken"
	"github.com/copydesk/copydesk/rules/navlinkbroken"
	"github.com/copydesk/copydesk/rules/navlinkmismatch"
	"github.com/copydesk/copydesk/rules/navlinkorder"
)

// generated returns a corpusgen archive (one previous/next chain) of about
// size bytes, as corpus-only inputs: what `corpus:` adds to a run over a
// few changed files.
func generated(b *testing.B, size int64) (inputs []engine.Input, total int64) {
	b.Helper()
	err := corpusgen.Generate(corpusgen.Options{Bytes: size, Seed: 1, MarkdownShare: -1}, func(a corpusgen.Article) error {
		inputs = append(inputs, engine.Input{Path: "archive/" + a.Name, Src: a.Body, CorpusOnly: true})
		total += int64(len(a.Body))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return inputs, total
}

// BenchmarkCorpusIndex reads a generated archive as corpus-only inputs and
// runs the four links rules over it: the whole cost `corpus:` adds to a
// pre-commit run. MB/s is over the archive's bytes.
func BenchmarkCorpusIndex(b *testing.B) {
	inputs, total := generated(b, 40<<20)
	inputs[len(inputs)/2].CorpusOnly = false // one changed article
	reg, err := lint.NewRegistry(append(lint.Builtin(), navlinkbroken.Rule, navlinkmismatch.Rule, navlinkorder.Rule, linkbroken.Rule)...)
	if err != nil {
		b.Fatal(err)
	}
	eng := &engine.Engine{Registry: reg, Config: config.Default(".")}
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		eng.Lint(inputs)
	}
	b.ReportMetric(float64(len(inputs))*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkResolve times the corpus check alone over parsed summaries:
// indexing, resolving every link and pairing them.
func BenchmarkResolve(b *testing.B) {
	inputs, total := generated(b, 40<<20)
	var sums []*document.Summary
	var p parse.Parser
	for _, in := range inputs {
		doc, err := p.Parse(in.Path, in.Src, true)
		if err != nil {
			b.Fatal(err)
		}
		sums = append(sums, doc.Summary)
		p.Recycle(doc)
	}
	b.SetBytes(total)
	b.ResetTimer()
	for b.Loop() {
		x := nav.Build(sums)
		x.Mismatches(x.Claims())
	}
	b.ReportMetric(float64(len(sums))*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
