package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/corpusgen"
	"github.com/copydesk/copydesk/internal/cputime"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules"
)

// benchCorpus is written once per test binary: 20 MB of generated articles,
// a quarter Markdown, with two defects per 1,000 words.
var (
	benchOnce  sync.Once
	benchDir   string
	benchBytes int64
	benchErr   error
)

func corpusDir(b *testing.B) (string, int64) {
	benchOnce.Do(func() {
		benchDir, benchErr = os.MkdirTemp("", "copydesk-bench-")
		if benchErr != nil {
			return
		}
		_, benchBytes, benchErr = corpusgen.WriteDir(benchDir, corpusgen.Options{Bytes: 20 << 20, Seed: 1, MarkdownShare: 0.25, DefectRate: 2})
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDir, benchBytes
}

// BenchmarkLintCorpus runs the whole `copydesk lint --format json DIR`
// command tree over the generated corpus: walking, reading, parsing, every
// rule, corpus rules, filters, sorting and the report. MB/s is the figure
// the README quotes; allocB/inB, bytes allocated per input byte, is issue
// 12's allocation figure (B/op alone hides the corpus's size).
func BenchmarkLintCorpus(b *testing.B) {
	dir, size := corpusDir(b)
	b.SetBytes(size)
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := cpuTime()
	for b.Loop() {
		code := run([]string{"lint", "--format", "json", dir}, nil, io.Discard, io.Discard)
		if code != exitProblems {
			b.Fatalf("exit %d, want 1 (the corpus has planted defects)", code)
		}
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/float64(size), "allocB/inB")
	b.ReportMetric((cpuTime()-start)/float64(b.N), "cpu-s/op")
}

// BenchmarkBinaryOneFile times the real binary on one small article, process
// start included: what an editor integration or pre-commit hook waits for.
func BenchmarkBinaryOneFile(b *testing.B) {
	tmp := b.TempDir()
	bin := filepath.Join(tmp, "copydesk")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	// The article alone in a project of its own: inside this repository
	// the rest of the work tree would be read as its archive.
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "articles", "museum-lakeside-laboratory.txt"))
	if err != nil {
		b.Fatal(err)
	}
	project := filepath.Join(tmp, "project")
	article := filepath.Join(project, "article.txt")
	if err := os.MkdirAll(project, 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(project, ".copydesk.yaml"), []byte("rules: {}\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(article, src, 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		cmd := exec.Command(bin, "lint", article)
		cmd.Dir = project
		cmd.Env = append(os.Environ(), "COPYDESK_CACHE_DIR="+filepath.Join(tmp, "cache"))
		if err := cmd.Run(); err != nil {
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != exitProblems {
				b.Fatalf("run: %v", err)
			}
		}
	}
}

// BenchmarkLintCorpusProse is BenchmarkLintCorpus with the checks of the
// text alone (mechanics and cleaning), the checks across articles (dates,
// links, names) turned off in a config: what a run costs without them.
func BenchmarkLintCorpusProse(b *testing.B) {
	dir, size := corpusDir(b)
	cfg := filepath.Join(b.TempDir(), "prose.yaml")
	var rulesOff strings.Builder
	rulesOff.WriteString("rules:\n")
	for _, r := range rules.All() {
		switch r.Category {
		case lint.CategoryMetadata, lint.CategoryLinks, lint.CategoryNames:
			if !r.Builtin {
				rulesOff.WriteString("  " + r.ID + ": off\n")
			}
		}
	}
	if err := os.WriteFile(cfg, []byte(rulesOff.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		code := run([]string{"lint", "--format", "json", "--config", cfg, dir}, nil, io.Discard, io.Discard)
		if code != exitProblems {
			b.Fatalf("exit %d, want 1 (the corpus has planted defects)", code)
		}
	}
}

// BenchmarkLintOneFileInArchive is what a pre-commit hook that staged one
// article costs in a 20 MB archive the first time, or with --no-cache:
// `copydesk lint --format json --no-cache FILE` run from the archive's
// folder, which (with no config and no corpus setting) reads every other
// article for the checks across articles, parsed only as far as those
// checks need. Compare with BenchmarkLintCorpus, the whole archive linted,
// and BenchmarkLintOneFileInArchiveWarm, the runs after the first.
func BenchmarkLintOneFileInArchive(b *testing.B) {
	benchOneFile(b, oneFileNoCache)
}

// BenchmarkLintOneFileInArchiveFirst is BenchmarkLintOneFileInArchive
// with an empty cache each time: the run reads the archive and writes
// the cache of it (the context files and the count of the archive's
// names), the first run of a pre-commit hook.
func BenchmarkLintOneFileInArchiveFirst(b *testing.B) {
	benchOneFile(b, oneFileFirst)
}

// BenchmarkLintOneFileInArchiveWarm is BenchmarkLintOneFileInArchive with
// the cache of context files a first (untimed) run left: the other
// articles are looked at (size, time, inode), not read.
func BenchmarkLintOneFileInArchiveWarm(b *testing.B) {
	benchOneFile(b, oneFileWarm)
}

// How benchOneFile uses the cache.
const (
	oneFileNoCache = iota
	oneFileFirst   // an empty cache each run
	oneFileWarm    // the cache a first, untimed, run left
)

func benchOneFile(b *testing.B, mode int) {
	dir, _ := corpusDir(b)
	b.Chdir(dir)
	cacheDir := b.TempDir()
	b.Setenv("COPYDESK_CACHE_DIR", cacheDir)
	var one string
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && one == "" && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			one = p
		}
		return err
	})
	if err != nil || one == "" {
		b.Fatalf("no article in %s: %v", dir, err)
	}
	st, err := os.Stat(one)
	if err != nil {
		b.Fatal(err)
	}
	args := []string{"lint", "--format", "json", "--no-cache", one}
	if mode != oneFileNoCache {
		args = []string{"lint", "--format", "json", one}
		// The corpus was just written: files this recent are not kept
		// (cache.go, racyWindow), as a change in the same second might
		// go unseen. Make them older than the window.
		old := time.Now().Add(-time.Hour)
		err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				err = os.Chtimes(p, old, old)
			}
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	if mode == oneFileWarm {
		if code := run(args, nil, io.Discard, io.Discard); code != exitOK && code != exitProblems {
			b.Fatalf("exit %d", code)
		}
	}
	b.SetBytes(st.Size())
	b.ReportAllocs()
	start := cpuTime()
	runs := 0
	for b.Loop() {
		if mode == oneFileFirst {
			// a folder of its own: the cache is written, never read
			runs++
			os.Setenv("COPYDESK_CACHE_DIR", filepath.Join(cacheDir, strconv.Itoa(runs))) // b.Setenv above puts it back
		}
		var out bytes.Buffer
		code := run(args, nil, &out, io.Discard)
		if code != exitOK && code != exitProblems {
			b.Fatalf("exit %d", code)
		}
		if !strings.Contains(out.String(), `"files": 1,`) {
			b.Fatalf("want one file reported:\n%s", out.String())
		}
	}
	b.ReportMetric((cpuTime()-start)/float64(b.N), "cpu-s/op")
}

// BenchmarkLintCorpusText is BenchmarkLintCorpus with the text report,
// the one fix prints: what BenchmarkFixCorpus compares with.
func BenchmarkLintCorpusText(b *testing.B) {
	dir, size := corpusDir(b)
	b.SetBytes(size)
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		if code := run([]string{"lint", dir}, nil, io.Discard, io.Discard); code != exitProblems {
			b.Fatalf("exit %d, want 1 (the corpus has planted defects)", code)
		}
	}
	b.ReportMetric((cpuTime()-cpu)/float64(b.N), "cpu-s/op")
}

// BenchmarkFixCorpus runs `copydesk fix DIR` over a fresh copy of the
// generated corpus each iteration (the copy is not timed): the first lint,
// every file's fix loop, the fixed corpus linted again, the safe writes
// (fsyncs included) and the report. Compare with BenchmarkLintCorpus.
func BenchmarkFixCorpus(b *testing.B) {
	benchFix(b, "fix")
}

// BenchmarkFixDiffCorpus is BenchmarkFixCorpus with --diff: everything but
// the writes.
func BenchmarkFixDiffCorpus(b *testing.B) {
	benchFix(b, "fix", "--diff")
}

func benchFix(b *testing.B, args ...string) {
	src, size := corpusDir(b)
	tmp := b.TempDir()
	b.SetBytes(size)
	b.ReportAllocs()
	n := 0
	cpu := 0.0 // user and system time of the runs alone: the machine is shared
	for b.Loop() {
		b.StopTimer()
		n++
		dir := filepath.Join(tmp, fmt.Sprint(n))
		// The copies are removed at the end: files deleted just before
		// the run would slow its file creation on a filesystem that
		// skips recently freed inodes (ext4 without a journal).
		if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := cpuTime()
		code := run(append(args, dir), nil, io.Discard, io.Discard)
		cpu += cpuTime() - start
		if code != exitProblems {
			b.Fatalf("exit %d, want 1 (problems without a safe fix remain)", code)
		}
	}
	b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
}

// cpuTime is the process's user and system time so far, in seconds.
func cpuTime() float64 { return cputime.Used().Seconds() }
