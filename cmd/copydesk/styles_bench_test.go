package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/internal/stylesgen"
)

// BenchmarkStyleCost lints the 20 MB benchmark corpus with the same config
// twice: without a house style and with a 10,000-entry substitution list.
// cpu-s/op is user plus system time of the process a run: the issue bounds
// the list's cost at 25 % of the run without it. Run with -count and
// compare the two with benchstat.
func BenchmarkStyleCost(b *testing.B) {
	dir, size := corpusDir(b)
	tmp := b.TempDir()
	if err := stylesgen.WriteBigList(filepath.Join(tmp, "styles"), 10000); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct{ name, config string }{
		{"none", "rules: {}\n"},
		{"list10000", "styles:\n  path: " + filepath.Join(tmp, "styles") + "\n  use: [Big]\n"},
	} {
		cfg := filepath.Join(tmp, bc.name+".yaml")
		if err := os.WriteFile(cfg, []byte(bc.config), 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			start := cpuTime()
			for b.Loop() {
				code := run([]string{"lint", "--format", "json", "--config", cfg, dir}, nil, io.Discard, io.Discard)
				if code != exitProblems {
					b.Fatalf("exit %d, want 1", code)
				}
			}
			b.ReportMetric((cpuTime()-start)/float64(b.N), "cpu-s/op")
		})
	}
}

