package names

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/lint"
)

func TestScratchDir(t *testing.T) {
	dir := os.Getenv("SCRATCH_DIR")
	if dir == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var srcs [][]byte
	var facts []*Fact
	for _, f := range files {
		b, _ := os.ReadFile(f)
		doc, err := lint.Parse(f, b)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, doc.Src)
		facts = append(facts, Mine(doc, MineOptions{}))
	}
	cands, names, _ := countCandidates(facts)
	var entries []lint.NameEntry
	for _, s := range names {
		c := cands[s]
		if c.docs >= 2 && c.count >= 3 {
			entries = append(entries, lint.NameEntry{Name: s})
		}
	}
	ix := NewIndex(entries)
	want := os.Getenv("SCRATCH_WANT")
	for di := range facts {
		ix.FindWords(srcs[di], facts[di], func(m Match) {
			if strings.Contains(m.Text, want) || strings.Contains(m.Target.Surface, want) {
				t.Logf("%s: %q -> %q near=%v v=%+v t=%+v", files[di], m.Text, m.Target.Surface, m.Near, cands[m.Text], cands[m.Target.Surface])
			}
		})
		for _, w := range facts[di].words {
			if strings.Contains(string(srcs[di][w.start:w.end]), "Mseum") {
				t.Logf("word %+v", w)
			}
		}
	}
}
