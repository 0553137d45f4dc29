package names

import (
	"sync"
	"testing"
	"unsafe"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/internal/corpusgen"
	"github.com/copydesk/copydesk/internal/cputime"
	"github.com/copydesk/copydesk/parse"
)

var (
	benchOnce  sync.Once
	benchDocs  []*document.Document
	benchPaths []string
	benchBytes int64
	benchErr   error
)

// parsedCorpus parses the generated corpus of the whole-program benchmark
// once: 20 MB, a quarter Markdown, two defects per 1,000 words.
func parsedCorpus(b *testing.B) ([]*document.Document, []string, int64) {
	b.Helper()
	benchOnce.Do(func() {
		benchErr = corpusgen.Generate(corpusgen.Options{Bytes: 20 << 20, Seed: 1, MarkdownShare: 0.25, DefectRate: 2}, func(a corpusgen.Article) error {
			doc, err := parse.Parse(a.Name, a.Body)
			if err != nil {
				return err
			}
			benchDocs = append(benchDocs, doc)
			benchPaths = append(benchPaths, a.Name)
			benchBytes += int64(len(a.Body))
			return nil
		})
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDocs, benchPaths, benchBytes
}

// BenchmarkMine mines every document of the corpus on one goroutine, as
// the rule's Collect does per document; MB/s is over the articles' bytes.
func BenchmarkMine(b *testing.B) {
	docs, _, size := parsedCorpus(b)
	b.SetBytes(size)
	b.ReportAllocs()
	scratch := new(Scratch) // as the engine's workers reuse theirs
	cpu := cpuSeconds(b)
	for b.Loop() {
		for _, d := range docs {
			w := NewWords(d)
			MineWords(d, w, MineOptions{}, scratch)
			w.Release()
		}
	}
	b.ReportMetric((cpuSeconds(b)-cpu)/float64(b.N), "cpu-s/op")
	// What the facts keep until every document is mined, per input byte:
	// whole, and compacted as the consistency rule keeps them.
	whole, compact := 0, 0
	for _, d := range docs {
		w := NewWords(d)
		f := MineWords(d, w, MineOptions{}, scratch)
		w.Release()
		whole += factBytes(f)
		f.Compact()
		compact += factBytes(f)
	}
	b.ReportMetric(float64(whole)/float64(size), "factB/inB")
	b.ReportMetric(float64(compact)/float64(size), "compactB/inB")
}

// factBytes is what f's arrays and strings hold.
func factBytes(f *Fact) int {
	return len(f.strs) + len(f.words) + len(f.wtext) + len(f.lower) +
		len(f.spells)*int(unsafe.Sizeof(mined{})) + len(f.names)*int(unsafe.Sizeof(nameSpell{})) + len(f.spans)*int(unsafe.Sizeof(span32{})) + len(f.Shorts)*int(unsafe.Sizeof(ShortUse{}))
}

// BenchmarkGroups is the rule's Check over the mined corpus: it runs once,
// after every document, so its time adds to the wall time of a run.
func BenchmarkGroups(b *testing.B) {
	docs, paths, _ := parsedCorpus(b)
	facts := make([]*Fact, len(docs))
	for i, d := range docs {
		facts[i] = Mine(d, MineOptions{})
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Groups(paths, facts, GroupOptions{})
	}
}

// BenchmarkGroupsGlossary is BenchmarkGroups with a 10,000-name glossary,
// whose names always dominate.
func BenchmarkGroupsGlossary(b *testing.B) {
	docs, paths, _ := parsedCorpus(b)
	facts := make([]*Fact, len(docs))
	for i, d := range docs {
		facts[i] = Mine(d, MineOptions{})
	}
	ix := NewIndex(GenerateGlossary(10000, 1))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Groups(paths, facts, GroupOptions{Index: ix})
	}
}

// BenchmarkNewIndex times building the index of a 10,000-name glossary:
// it is built once a run, while the workers that need it wait.
func BenchmarkNewIndex(b *testing.B) {
	g := GenerateGlossary(10000, 1)
	b.ReportAllocs()
	for b.Loop() {
		NewIndex(g)
	}
}

// BenchmarkArchive is the consistency rule's check over the mined corpus:
// the archive's names counted, indexed, and every document's kept words
// matched against them.
func BenchmarkArchive(b *testing.B) {
	docs, _, _ := parsedCorpus(b)
	facts := make([]*Fact, len(docs))
	srcs := make([][]byte, len(docs))
	for i, d := range docs {
		facts[i] = Mine(d, MineOptions{})
		srcs[i] = d.Src
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuSeconds(b)
	for b.Loop() {
		Archive(srcs, facts, ArchiveOptions{})
	}
	b.ReportMetric((cpuSeconds(b)-cpu)/float64(b.N), "cpu-s/op")
}

// cpuSeconds is the process's user and system time: on a shared machine
// it varies far less than the wall time.
func cpuSeconds(b *testing.B) float64 {
	return cputime.Used().Seconds()
}
