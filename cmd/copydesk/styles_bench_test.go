package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/internal/stylesgen"
)

// BenchmarkStyleCost lints the 20 MB benchmark corpus with the same config
// without a house style and with a 10,000-entry substitution list, the two
// runs alternating in every iteration so that both see the same machine.
// It reports the CPU seconds (user and system) of each and their ratio:
// the issue bounds the list's cost at 25 % over the run without it.
func BenchmarkStyleCost(b *testing.B) {
	dir, size := corpusDir(b)
	tmp := b.TempDir()
	if err := stylesgen.WriteBigList(filepath.Join(tmp, "styles"), 10000); err != nil {
		b.Fatal(err)
	}
	none := filepath.Join(tmp, "none.yaml")
	list := filepath.Join(tmp, "list.yaml")
	if err := os.WriteFile(none, []byte("rules: {}\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(list, []byte("styles:\n  path: "+filepath.Join(tmp, "styles")+"\n  use: [Big]\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	lint := func(cfg string) float64 {
		start := cpuTime()
		if code := run([]string{"lint", "--format", "json", "--config", cfg, dir}, nil, io.Discard, io.Discard); code != exitProblems {
			b.Fatalf("exit %d, want 1", code)
		}
		return cpuTime() - start
	}
	b.SetBytes(2 * size)
	var cpuNone, cpuList float64
	for b.Loop() {
		cpuNone += lint(none)
		cpuList += lint(list)
	}
	n := float64(b.N)
	b.ReportMetric(cpuNone/n, "cpu-s/none")
	b.ReportMetric(cpuList/n, "cpu-s/list")
	b.ReportMetric(100*(cpuList-cpuNone)/cpuNone, "%-over")
}
