package namevariant_test

import (
	"sync"
	"testing"
	"time"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/internal/corpusgen"
	"github.com/copydesk/copydesk/internal/cputime"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
	"github.com/copydesk/copydesk/rules"
	"github.com/copydesk/copydesk/rules/internal/names"
	"github.com/copydesk/copydesk/rules/nameconsistency"
	"github.com/copydesk/copydesk/rules/namevariant"
)

var (
	benchOnce   sync.Once
	benchInputs []engine.Input
	benchBytes  int64
)

// benchCorpus is the generated corpus of the whole-program benchmark, kept
// in memory: 20 MB, a quarter Markdown, two defects per 1,000 words.
func benchCorpus(b *testing.B) ([]engine.Input, int64) {
	benchOnce.Do(func() {
		err := corpusgen.Generate(corpusgen.Options{Bytes: 20 << 20, Seed: 1, MarkdownShare: 0.25, DefectRate: 2}, func(a corpusgen.Article) error {
			benchInputs = append(benchInputs, engine.Input{Path: a.Name, Src: a.Body})
			benchBytes += int64(len(a.Body))
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	})
	return benchInputs, benchBytes
}

// withoutNameRules is every registered rule but the two name rules.
func withoutNameRules() []*lint.Rule {
	var out []*lint.Rule
	for _, r := range rules.All() {
		if r != namevariant.Rule && r != nameconsistency.Rule {
			out = append(out, r)
		}
	}
	return out
}

func benchLint(b *testing.B, glossary int) { benchRules(b, glossary, rules.All()) }

func benchRules(b *testing.B, glossary int, rs []*lint.Rule) {
	inputs, size := benchCorpus(b)
	reg, err := lint.NewRegistry(rs...)
	if err != nil {
		b.Fatal(err)
	}
	cfg := config.Default(".")
	if glossary > 0 {
		cfg.Names = names.GenerateGlossary(glossary, 1)
	}
	eng := &engine.Engine{Registry: reg, Config: cfg}
	b.SetBytes(size)
	b.ReportAllocs()
	cpu := cpuTime(b)
	for b.Loop() {
		eng.Lint(inputs)
	}
	b.ReportMetric((cpuTime(b)-cpu).Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkEngineWithoutNameRules is the registered rules alone, for the
// cost of the name rules themselves.
func BenchmarkEngineWithoutNameRules(b *testing.B) { benchRules(b, 0, withoutNameRules()) }

// BenchmarkEngineNoGlossary lints the 20 MB corpus with every rule, the two
// name rules included, and no glossary: the baseline of the next benchmark.
func BenchmarkEngineNoGlossary(b *testing.B) { benchLint(b, 0) }

// BenchmarkEngineGlossary10k is the same with a 10,000-name glossary; the
// issue allows at most 25 % slower.
func BenchmarkEngineGlossary10k(b *testing.B) { benchLint(b, 10000) }

// BenchmarkFind is the matcher alone on the corpus with 10,000 names, as
// the rule runs it: over the document's words, with reused scratch.
func BenchmarkFind(b *testing.B) {
	inputs, size := benchCorpus(b)
	var docs []*document.Document
	for _, in := range inputs[:min(len(inputs), 400)] {
		d, err := parse.Parse(in.Path, in.Src)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	_ = size
	var n int64
	for _, d := range docs {
		n += int64(len(d.Src))
	}
	ix := names.NewIndex(names.GenerateGlossary(10000, 1))
	b.SetBytes(n)
	scratch := new(names.Scratch) // as the engine's workers reuse theirs
	b.ReportAllocs()
	cpu := cpuTime(b)
	for b.Loop() {
		for _, d := range docs {
			w := names.NewWords(d)
			ix.FindIn(d, w, scratch, func(names.Match) {})
			w.Release()
		}
	}
	b.ReportMetric((cpuTime(b)-cpu).Seconds()/float64(b.N), "cpu-s/op")
}

// cpuTime returns the CPU time this process has used, user and system:
// unlike the wall clock it does not count other programs on a busy machine.
func cpuTime(b *testing.B) time.Duration {
	return cputime.Used()
}

// BenchmarkGlossaryOverhead lints the corpus with and without the
// 10,000-name glossary in alternation and reports the CPU time of each and
// the glossary's overhead in percent (the issue allows 25).
func BenchmarkGlossaryOverhead(b *testing.B) {
	inputs, size := benchCorpus(b)
	reg, err := lint.NewRegistry(rules.All()...)
	if err != nil {
		b.Fatal(err)
	}
	plain := &engine.Engine{Registry: reg, Config: config.Default(".")}
	cfg := config.Default(".")
	cfg.Names = names.GenerateGlossary(10000, 1)
	gloss := &engine.Engine{Registry: reg, Config: cfg}
	gloss.Lint(inputs[:1]) // build the index outside the measurement
	b.SetBytes(2 * size)
	var tPlain, tGloss time.Duration
	for b.Loop() {
		t0 := cpuTime(b)
		plain.Lint(inputs)
		t1 := cpuTime(b)
		gloss.Lint(inputs)
		t2 := cpuTime(b)
		tPlain += t1 - t0
		tGloss += t2 - t1
	}
	n := float64(b.N)
	b.ReportMetric(float64(tPlain.Milliseconds())/n, "cpu-ms/no-glossary")
	b.ReportMetric(float64(tGloss.Milliseconds())/n, "cpu-ms/glossary")
	b.ReportMetric(100*(float64(tGloss)/float64(tPlain)-1), "%overhead")
}

// BenchmarkNameRulesCost is the CPU time of the registered rules alone and
// with the two name rules (no glossary), in alternation.
func BenchmarkNameRulesCost(b *testing.B) {
	inputs, size := benchCorpus(b)
	base, err := lint.NewRegistry(withoutNameRules()...)
	if err != nil {
		b.Fatal(err)
	}
	with, err := lint.NewRegistry(rules.All()...)
	if err != nil {
		b.Fatal(err)
	}
	e0 := &engine.Engine{Registry: base, Config: config.Default(".")}
	e1 := &engine.Engine{Registry: with, Config: config.Default(".")}
	b.SetBytes(2 * size)
	var t0s, t1s time.Duration
	for b.Loop() {
		t0 := cpuTime(b)
		e0.Lint(inputs)
		t1 := cpuTime(b)
		e1.Lint(inputs)
		t2 := cpuTime(b)
		t0s += t1 - t0
		t1s += t2 - t1
	}
	n := float64(b.N)
	b.ReportMetric(float64(t0s.Milliseconds())/n, "cpu-ms/without")
	b.ReportMetric(float64(t1s.Milliseconds())/n, "cpu-ms/with")
	b.ReportMetric(100*(float64(t1s)/float64(t0s)-1), "%overhead")
}
