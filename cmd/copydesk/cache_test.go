package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/diskcache"
)

// aging sets files an hour back, out of the window in which a file just
// written is not kept (racyWindow), each at a time of its own so that an
// edit is seen by its time as well as its size.
type aging struct {
	t    *testing.T
	dir  string
	next time.Time
}

func (a *aging) age(names ...string) {
	a.t.Helper()
	for _, n := range names {
		a.next = a.next.Add(time.Second)
		if err := os.Chtimes(filepath.Join(a.dir, filepath.FromSlash(n)), a.next, a.next); err != nil {
			a.t.Fatal(err)
		}
	}
}

// cacheFile is the one cache file under cacheDir.
func cacheFile(t *testing.T, cacheDir string) string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(cacheDir, "*", diskcache.FileName))
	if err != nil || len(m) != 1 {
		t.Fatalf("want one cache file under %s, got %v (%v)", cacheDir, m, err)
	}
	return m[0]
}

// TestContextCacheThroughBinary: lint of one file in an archive, run by
// the binary with a cache folder of its own, reports what a run without
// the cache reports, cold and warm, after another article changed, after
// the config changed, from another folder, and with a damaged cache file;
// a failed run leaves the cache alone.
func TestContextCacheThroughBinary(t *testing.T) {
	bin := binary(t)
	dir := tempDir(t)
	cacheDir := tempDir(t)
	env := []string{"COPYDESK_CACHE_DIR=" + cacheDir}
	writeIn(t, dir, ".copydesk.yaml", "rules:\n  repeated-word: warning\n")
	writeIn(t, dir, "news/a.txt", ferryArticle)
	writeIn(t, dir, "archive/b.txt", lighthouseArticle)
	writeIn(t, dir, "archive/c.txt", "Pier Repairs Begin\n\nDate: 2025-03-16\n\nThe Harbour Trust said repairs to the pier begin on Monday.\n")
	writeIn(t, dir, "archive/d.txt", "Pier Reopens\n\nDate: 2025-03-20\n\nThe Harbour Trust reopened the pier on Friday.\n")
	writeIn(t, dir, "archive/notes.txt", "requests==2.31.0\nflask==3.0.0\n") // not an article: kept as such
	ages := &aging{t: t, dir: dir, next: time.Now().Add(-time.Hour)}
	ages.age(".copydesk.yaml", "news/a.txt", "archive/b.txt", "archive/c.txt", "archive/d.txt", "archive/notes.txt")

	// lint runs the binary in folder from, and checks that the cache
	// changes nothing: the same output as --no-cache, and the verbose
	// cache line wanted.
	lint := func(t *testing.T, from string, wantCode int, wantCache string, args ...string) result {
		t.Helper()
		args = append([]string{"lint", "--verbose"}, args...)
		r := exe(t, bin, from, "", env, args...)
		plain := exe(t, bin, from, "", env, append([]string{"lint", "--no-cache"}, args[1:]...)...)
		if r.code != wantCode || plain.code != wantCode {
			t.Fatalf("exit %d with the cache, %d without, want %d\nstdout: %s\nstderr: %s", r.code, plain.code, wantCode, r.stdout, r.stderr)
		}
		if r.stdout != plain.stdout {
			t.Errorf("with the cache:\n%s\nwithout:\n%s", r.stdout, plain.stdout)
		}
		mustContain(t, "stderr", r.stderr, wantCache)
		mustNotContain(t, "stderr of --no-cache", plain.stderr, "cache:")
		return r
	}

	t.Run("cold, then warm", func(t *testing.T) {
		r := lint(t, dir, 0, "cache: 0 of 4 files from the cache;", "news/a.txt")
		mustContain(t, "stdout", r.stdout, "No problems found in 1 file.")
		r = lint(t, dir, 0, "cache: 4 of 4 files from the cache, which is unchanged", "news/a.txt")
		mustContain(t, "stdout", r.stdout, "No problems found in 1 file.")
	})

	t.Run("another article changed", func(t *testing.T) {
		// The next link's target is renamed: the link is broken now.
		writeIn(t, dir, "archive/b.txt", strings.Replace(lighthouseArticle, "Reopens", "Closes", 1))
		ages.age("archive/b.txt")
		r := lint(t, dir, 1, "cache: 3 of 4 files from the cache;", "news/a.txt")
		mustContain(t, "stdout", r.stdout, `error [nav-link-broken] next link "Lighthouse Museum Reopens" matches no article`)
		lint(t, dir, 1, "cache: 4 of 4 files from the cache, which is unchanged", "news/a.txt")
		// and back: the link holds again
		writeIn(t, dir, "archive/b.txt", lighthouseArticle)
		ages.age("archive/b.txt")
		lint(t, dir, 0, "cache: 3 of 4 files from the cache;", "news/a.txt")
	})

	t.Run("from another folder", func(t *testing.T) {
		lint(t, filepath.Join(dir, "news"), 0, "cache: 4 of 4 files from the cache", "a.txt")
	})

	t.Run("a failed run leaves the cache alone", func(t *testing.T) {
		writeIn(t, dir, "archive/c.txt", "Pier Repairs Begin\n\nThe Harbour Trust said repairs begin on Monday.\n")
		ages.age("archive/c.txt")
		before, err := os.ReadFile(cacheFile(t, cacheDir))
		if err != nil {
			t.Fatal(err)
		}
		r := exe(t, bin, dir, "", env, "lint", "--verbose", "news/a.txt", "news/missing.txt")
		if r.code != exitError {
			t.Fatalf("exit %d, want %d\n%s", r.code, exitError, r.stderr)
		}
		mustContain(t, "stderr", r.stderr, "cache: not written: the run failed")
		after, err := os.ReadFile(cacheFile(t, cacheDir))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(before, after) {
			t.Error("the cache file changed")
		}
		lint(t, dir, 0, "cache: 3 of 4 files from the cache;", "news/a.txt")
	})

	t.Run("the config changed", func(t *testing.T) {
		writeIn(t, dir, ".copydesk.yaml", "dates:\n  undated: [\"archive/**\"]\nrules:\n  repeated-word: warning\n")
		ages.age(".copydesk.yaml")
		r := lint(t, dir, 0, "made by another build or configuration", "news/a.txt")
		mustContain(t, "stderr", r.stderr, "cache: 0 of 4 files from the cache;")
		lint(t, dir, 0, "cache: 4 of 4 files from the cache, which is unchanged", "news/a.txt")
	})

	for _, tt := range []struct {
		name   string
		damage func([]byte) []byte
		why    string
	}{
		{"cut short", func(b []byte) []byte { return b[:len(b)/2] }, "damaged or cut short"},
		{"a byte changed", func(b []byte) []byte { b[len(b)-3] ^= 0xff; return b }, "damaged or cut short"},
		{"another program's", func([]byte) []byte { return []byte("{\"version\": 1}\n") }, "not a cache file of this version"},
		{"empty", func([]byte) []byte { return nil }, "not a cache file of this version"},
	} {
		t.Run("a cache file "+tt.name, func(t *testing.T) {
			// warm first, so that the file holds every article
			lint(t, dir, 0, "files from the cache", "news/a.txt")
			f := cacheFile(t, cacheDir)
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(f, tt.damage(b), 0o600); err != nil {
				t.Fatal(err)
			}
			r := lint(t, dir, 0, tt.why, "news/a.txt")
			mustNotContain(t, "stderr", r.stderr, "panic")
			// rebuilt whole
			lint(t, dir, 0, "cache: 4 of 4 files from the cache, which is unchanged", "news/a.txt")
		})
	}

	t.Run("runs at the same time", func(t *testing.T) {
		// Each run has something new to write: the file each writes
		// whole by rename is one the next run reads.
		writeIn(t, dir, "archive/d.txt", "Pier Reopens\n\nDate: 2025-03-21\n\nThe Harbour Trust reopened the pier on Saturday.\n")
		ages.age("archive/d.txt")
		var cmds []*exec.Cmd
		var outs []*bytes.Buffer
		for _, f := range []string{"news/a.txt", "archive/b.txt", "archive/c.txt", "news/a.txt", "archive/b.txt", "archive/c.txt"} {
			c := exec.Command(bin, "lint", "--verbose", f)
			c.Dir, c.Env = dir, append(os.Environ(), env...)
			var out bytes.Buffer
			c.Stderr = &out
			if err := c.Start(); err != nil {
				t.Fatal(err)
			}
			cmds, outs = append(cmds, c), append(outs, &out)
		}
		for i, c := range cmds {
			if err := c.Wait(); err != nil && c.ProcessState.ExitCode() > 1 {
				t.Fatalf("run %d: %v\n%s", i, err, outs[i])
			}
			mustNotContain(t, "stderr", outs[i].String(), "not used", "not written")
		}
		r := lint(t, dir, 0, "files from the cache", "news/a.txt")
		mustNotContain(t, "stderr", r.stderr, "not used")
		if left, _ := filepath.Glob(filepath.Join(cacheDir, "*", diskcache.FileName+".*")); len(left) > 0 {
			t.Errorf("temporary files left: %v", left)
		}
	})

	t.Run("fix", func(t *testing.T) {
		writeIn(t, dir, "news/e.txt", "Tide Tables\n\nDate: 2025-03-21\n\nThe tide tables for for April are out.\n")
		ages.age("news/e.txt")
		r := exe(t, bin, dir, "", env, "fix", "--diff", "--verbose", "news/e.txt")
		plain := exe(t, bin, dir, "", env, "fix", "--diff", "--no-cache", "news/e.txt")
		if r.stdout != plain.stdout || r.code != plain.code {
			t.Errorf("fix --diff with the cache (exit %d):\n%s\nwithout (exit %d):\n%s", r.code, r.stdout, plain.code, plain.stdout)
		}
		mustContain(t, "stdout", r.stdout, "-The tide tables for for April are out.")
		mustContain(t, "stderr", r.stderr, "files from the cache")
	})
}

// TestArchiveStateThroughBinary: name-consistency's count of the
// archive's names, kept by the first run with the cache (archive.bin), is
// read back by the runs after it, whichever file they report, and counted
// again once an article changed; every run reports what a run without the
// cache reports, the count in the message included.
func TestArchiveStateThroughBinary(t *testing.T) {
	bin := binary(t)
	dir := tempDir(t)
	cacheDir := tempDir(t)
	env := []string{"COPYDESK_CACHE_DIR=" + cacheDir}
	writeIn(t, dir, ".copydesk.yaml", "rules: {}\n")
	article := func(i int, extra string) string {
		return fmt.Sprintf("Ferry Timetable %d\n\nDate: 2025-04-%02d\n\nThe Corvane River Institute opened a pier. Staff of the Corvane River Institute "+
			"said the pier serves the ferries. The Corvane River Institute thanked the volunteers.\n%s", i, i+1, extra)
	}
	names := []string{"news/a.txt", "archive/b.txt", "archive/c.txt", "archive/d.txt", "archive/e.txt"}
	for i, n := range names {
		extra := ""
		if i == 0 || i == 2 {
			extra = "\nVisitors asked the Corvane river Institute about the ferries.\n"
		}
		writeIn(t, dir, n, article(i, extra))
	}
	ages := &aging{t: t, dir: dir, next: time.Now().Add(-time.Hour)}
	ages.age(append([]string{".copydesk.yaml"}, names...)...)

	// lint runs the binary on file, and wants the output of --no-cache and
	// the archive file written, or not.
	lint := func(t *testing.T, file string, written bool) string {
		t.Helper()
		r := exe(t, bin, dir, "", env, "lint", "--verbose", file)
		plain := exe(t, bin, dir, "", env, "lint", "--no-cache", file)
		if r.code != plain.code || r.stdout != plain.stdout {
			t.Errorf("with the cache (exit %d):\n%s\nwithout (exit %d):\n%s", r.code, r.stdout, plain.code, plain.stdout)
		}
		if got := strings.Contains(r.stderr, diskcache.ArchiveFileName+" written"); got != written {
			t.Errorf("%s written: %v, want %v\n%s", diskcache.ArchiveFileName, got, written, r.stderr)
		}
		return r.stdout
	}
	out := lint(t, "news/a.txt", true)
	mustContain(t, "stdout", out, `"Corvane river Institute": the archive writes "Corvane River Institute" 15 times in 5 articles`)
	lint(t, "news/a.txt", false)
	lint(t, "archive/c.txt", false) // another file reported: the same documents
	// One article drops the name: the count goes down.
	writeIn(t, dir, "archive/e.txt", "Ferry Timetable 4\n\nDate: 2025-04-05\n\nThe harbour office opened a pier.\n")
	ages.age("archive/e.txt")
	out = lint(t, "news/a.txt", true)
	mustContain(t, "stdout", out, `the archive writes "Corvane River Institute" 12 times in 4 articles`)
	lint(t, "news/a.txt", false)
	// The reported article edited, as before a commit, with no name
	// changed: the count is used again (and kept for the files as they
	// are now), and the findings are still those of --no-cache.
	writeIn(t, dir, "news/a.txt", strings.Replace(article(0, "\nVisitors asked the Corvane river Institute about the ferries.\n"), "opened a pier", "opened a wooden pier", 1))
	ages.age("news/a.txt")
	r := exe(t, bin, dir, "", env, "lint", "--verbose", "news/a.txt")
	mustContain(t, "stderr", r.stderr, "name-consistency's work over the archive is as it was: 1 changed file adds the same")
	out = lint(t, "news/a.txt", false)
	mustContain(t, "stdout", out, `the archive writes "Corvane River Institute" 12 times in 4 articles`)
	// An edit that writes the name once more: counted again.
	writeIn(t, dir, "news/a.txt", article(0, "\nVisitors asked the Corvane river Institute about the ferries. The Corvane River Institute agreed.\n"))
	ages.age("news/a.txt")
	r = exe(t, bin, dir, "", env, "lint", "--verbose", "news/a.txt")
	if strings.Contains(r.stderr, "name-consistency's work over the archive is as it was") {
		t.Errorf("the name written once more, and the old count used:\n%s", r.stderr)
	}
	out = lint(t, "news/a.txt", false)
	mustContain(t, "stdout", out, `the archive writes "Corvane River Institute" 13 times in 4 articles`)
}
