package names

import (
	"fmt"
	"testing"

	"github.com/copydesk/copydesk/lint"
)

func TestScratch(t *testing.T) {
	docs := []string{
		"Title one\n\nThe Harborline Shipping Co opened. The Atlas of Local Dialects is new. Samuel Ellis came.\n",
		"Title two\n\nThe Harborline Shipping Co closed. The Atlas of Local Dialects is old. Samuel Ellis went.\n",
		"Title three\n\nThe Harborline Shipping Co met. The Atlas of Local Dialects is here. Samuel Ellis sat.\n",
		"Title four\n\nThe Harbor line Shipping Co met. The Atlas of Local Dial ects is gone. Samuel Elils sat. Samuel Ellis left.\n",
	}
	var srcs [][]byte
	var facts []*Fact
	for i, d := range docs {
		doc, err := lint.Parse(fmt.Sprintf("%d.txt", i), []byte(d))
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, doc.Src)
		facts = append(facts, Mine(doc, MineOptions{}))
	}
	cands, order, _ := countCandidates(facts)
	var entries []lint.NameEntry
	for _, o := range order {
		if c := cands[o]; c.docs >= 2 && c.count >= 3 {
			entries = append(entries, lint.NameEntry{Name: o})
		}
	}
	ix := NewIndex(entries)
	for di := range facts {
		ix.FindWords(srcs[di], facts[di], func(m Match) {
			t.Logf("match %q -> %q %+v", m.Text, m.Target.Surface, classify(m.Text, m.Target.Surface, m.Near))
		})
	}
	for _, f := range Archive(srcs, facts, ArchiveOptions{}) {
		t.Logf("finding %+v", f)
	}
}
