package styles

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/stylesgen"
)

// BenchmarkLoadBigList loads a 10,000-entry substitution list: reading,
// compiling and building the automaton (the bound: under 100 ms).
func BenchmarkLoadBigList(b *testing.B) {
	dir := b.TempDir()
	if err := stylesgen.WriteBigList(dir, 10000); err != nil {
		b.Fatal(err)
	}
	start := cpuTime()
	for b.Loop() {
		set, err := Load(dir, []string{"Big"})
		if err != nil {
			b.Fatal(err)
		}
		if len(set.Rules()) != 1 {
			b.Fatal("want one rule")
		}
	}
	b.ReportMetric((cpuTime()-start)*1000/float64(b.N), "cpu-ms/op")
}

func TestBigList(t *testing.T) {
	dir := t.TempDir()
	if err := stylesgen.WriteBigList(dir, 10000); err != nil {
		t.Fatal(err)
	}
	set, err := Load(dir, []string{"Big"})
	if err != nil {
		t.Fatal(err)
	}
	got := runRule(t, set, "Big.Swap", "The report, in order to commence, cost 5 percent.\n")
	want := []string{"in order to→to (unsafe)", "commence→start (unsafe)", "percent→per cent (unsafe)"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}
