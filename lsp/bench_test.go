package lsp

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/internal/corpusgen"
	"github.com/copydesk/copydesk/internal/cputime"
	"github.com/copydesk/copydesk/rules"
	"github.com/copydesk/copydesk/workspace"
)

// The archive of the speed figures: 20 MB of generated articles, a quarter
// Markdown, two planted defects per 1,000 words, as cmd/copydesk's
// benchmarks use; written once per test binary.
var archive struct {
	once  sync.Once
	dir   string
	pages []string
	err   error
}

func archiveDir(b *testing.B) string {
	archive.once.Do(func() {
		archive.dir, archive.err = os.MkdirTemp("", "copydesk-lsp-bench-")
		if archive.err != nil {
			return
		}
		_, _, archive.err = corpusgen.WriteDir(archive.dir, corpusgen.Options{Bytes: 20 << 20, Seed: 1, MarkdownShare: 0.25, DefectRate: 2})
	})
	if archive.err != nil {
		b.Fatal(archive.err)
	}
	return archive.dir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if archive.dir != "" {
		os.RemoveAll(archive.dir)
	}
	os.Exit(code)
}

// page20KB is an article of the archive made about 20 KB long with the
// bodies of others, kept at its path: the page being edited.
func page20KB(b *testing.B, ws *workspace.Workspace) (string, []byte) {
	paths := ws.Index.Paths()
	var path string
	for _, p := range paths {
		if filepath.Ext(p) == ".md" {
			path = p
			break
		}
	}
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	for i := 1; len(src) < 20<<10; i += 97 {
		more, err := os.ReadFile(paths[i%len(paths)])
		if err != nil {
			b.Fatal(err)
		}
		// The body only: what follows the front matter or the title.
		if k := bytes.Index(more, []byte("\n\n")); k >= 0 {
			more = more[k:]
		}
		src = append(src, more...)
	}
	return path, src
}

// cpuTime is the process's user and system time so far.
func cpuTime() time.Duration {
	return cputime.Used()
}

func openArchive(b *testing.B) *workspace.Workspace {
	dir := archiveDir(b)
	reg := rules.Registry()
	ws, err := workspace.New(reg, config.Default(dir), []string{dir}, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := ws.Build(nil); err != nil {
		b.Fatal(err)
	}
	return ws
}

// BenchmarkRelint times one check of a 20 KB page after an edit, with the
// 20 MB archive indexed: the document pass (the page's own rules, what
// the server publishes after the typing debounce) and the full pass (also
// the rules that compare the page with every article of the archive).
// ms-p50 is the median of the iterations.
func BenchmarkRelint(b *testing.B) {
	ws := openArchive(b)
	path, src := page20KB(b, ws)
	edited := func(i int) []byte {
		// A keystroke: one letter typed in the middle of the page.
		out := make([]byte, 0, len(src)+1)
		out = append(out, src[:len(src)/2]...)
		out = append(out, "x "[i%2])
		return append(out, src[len(src)/2:]...)
	}
	run := func(b *testing.B, lintOnce func(engine.Input) int) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		var times []time.Duration
		found := 0
		i := 0
		cpu0 := cpuTime()
		for b.Loop() {
			in := engine.Input{Path: path, Src: edited(i)}
			i++
			start := time.Now()
			found = lintOnce(in)
			times = append(times, time.Since(start))
		}
		cpu := cpuTime() - cpu0
		sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
		b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-p50")
		// CPU time does not grow when other processes take the cores, as
		// wall time does on a shared machine.
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(len(times)), "cpu-ms/op")
		b.ReportMetric(float64(found), "findings")
	}
	b.Run("document", func(b *testing.B) {
		run(b, func(in engine.Input) int {
			ds, err := ws.Engine.LintSource(in)
			if err != nil {
				b.Fatal(err)
			}
			return len(ds)
		})
	})
	b.Run("full", func(b *testing.B) {
		run(b, func(in engine.Input) int { return len(ws.Index.Update(in).Diagnostics) })
	})
}

// BenchmarkArchiveIndex reads and indexes the 20 MB archive, as the server
// does once in the background, and reports the heap the index keeps.
func BenchmarkArchiveIndex(b *testing.B) {
	dir := archiveDir(b)
	var size int64
	_ = filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			size += fi.Size()
		}
		return nil
	})
	b.SetBytes(size)
	var kept uint64
	for b.Loop() {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		ws := openArchive(b)
		runtime.GC()
		debug.FreeOSMemory()
		runtime.ReadMemStats(&after)
		kept = after.HeapAlloc - before.HeapAlloc
		runtime.KeepAlive(ws)
	}
	b.ReportMetric(float64(kept)/(1<<20), "MB-kept")
}
