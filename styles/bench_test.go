package styles

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/internal/cputime"
	"github.com/copydesk/copydesk/lint"
)

// BenchmarkSharedDocs runs the four shared Vale packages over the Markdown
// pages of the shared docs sites, parsing included: the style rules' share
// of a run is this less BenchmarkParseSharedDocs.
func BenchmarkSharedDocs(b *testing.B) {
	set, docs := sharedDocs(b)
	reg, err := lint.NewRegistry(set.Rules()...)
	if err != nil {
		b.Fatal(err)
	}
	eng := &engine.Engine{Registry: reg, Config: config.Default("."), Workers: 1}
	var size int64
	for _, d := range docs {
		size += int64(len(d.Src))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		for _, in := range docs {
			if _, err := eng.LintSource(in); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric((cpuTime()-start)/float64(b.N), "cpu-s/op")
}

func sharedDocs(b *testing.B) (*Set, []engine.Input) {
	shared := sharedDir()
	if shared == "" {
		b.Skip("../shared/styles is absent")
	}
	set, err := Load(filepath.Join(shared, "styles"), []string{"Microsoft", "write-good", "proselint", "alex"})
	if err != nil {
		b.Fatal(err)
	}
	var docs []engine.Input
	for _, site := range []string{"vite-docs", "docsy-docs"} {
		_ = filepath.WalkDir(filepath.Join(shared, "corpus", site), func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && filepath.Ext(p) == ".md" {
				src, err := os.ReadFile(p)
				if err == nil {
					docs = append(docs, engine.Input{Path: p, Src: src})
				}
			}
			return nil
		})
	}
	if len(docs) == 0 {
		b.Skip("no shared docs pages")
	}
	return set, docs
}

// cpuTime is the process's user and system time so far, in seconds.
func cpuTime() float64 { return cputime.Used().Seconds() }
