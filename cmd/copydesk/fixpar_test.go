package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// parallelCorpus writes invented articles under dir that give fix work of
// every kind: safe fixes in the text (doubled words, spaces), unsafe ones
// across articles (a next link with a typo, whose fix makes a back link
// due in the article it reaches; a name spelt otherwise than the archive
// spells it), findings with no fix, CRLF line ends, and articles in two
// folders. Half the articles need nothing.
func parallelCorpus(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".copydesk.yaml"), []byte("version: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const n = 36
	title := func(i int) string {
		return fmt.Sprintf("Harbor notes %d: %s", i, []string{"ferries", "gulls", "tides", "nets", "sails", "piers"}[i%6])
	}
	for i := range n {
		var body strings.Builder
		fmt.Fprintf(&body, "The Harbor City Museum of Science and Technology reported on %s this week.", title(i))
		if i%3 == 0 {
			body.WriteString(" Volunteers counted the the boats  at dawn.")
		}
		if i == 17 {
			body.WriteString(" The Harbor City Museum of Sciences and Technology said so too.")
		}
		if i%5 == 0 {
			body.WriteString(" Sailors met at the pier ( near the gate ) on Monday .")
		}
		var nav []string
		if i > 0 && i%4 != 1 {
			nav = append(nav, "[previous]:"+title(i-1))
		}
		if i+1 < n {
			next := title(i + 1)
			if i%7 == 2 {
				next = strings.Replace(next, "Harbor", "Harbr", 1) // a typo the nav fix corrects
			}
			if i == 30 {
				next = "An article nobody wrote" // no fix: nothing is close
			}
			nav = append(nav, "[next]:"+next)
		}
		text := navArticle(title(i), fmt.Sprintf("2025-03-%02d", 1+i%28), body.String(), nav...)
		if i%6 == 4 {
			text = strings.ReplaceAll(text, "\n", "\r\n")
		}
		folder := "news"
		if i%2 == 1 {
			folder = "features"
		}
		writeBytes(t, filepath.Join(dir, folder, fmt.Sprintf("a%02d.txt", i)), []byte(text), 0o644)
	}
}

// treeBytes reads every file under dir, by path.
func treeBytes(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestFixParallelEqualsOneWorker: fix checking, fixing and writing files
// several at a time says and writes exactly what it does one file at a
// time, in every mode, the checks across articles and their fixes in
// later rounds included.
func TestFixParallelEqualsOneWorker(t *testing.T) {
	root := t.TempDir()
	parallelCorpus(t, filepath.Join(root, "orig"))
	orig := treeBytes(t, filepath.Join(root, "orig"))
	for _, tc := range []struct {
		mode []string
		want []string // in the first outcome's stdout, so that the comparison is not of nothing
	}{
		{nil, []string{"[nav-link-mismatch]", "[name-consistency]", "Fixed "}},
		{[]string{"--unsafe"}, []string{"[nav-link-broken]", "Fixed "}},
		{[]string{"--diff"}, []string{"+++ b/news/a00.txt", "-The Harbor City Museum of Science and Technology reported on Harbor notes 5: piers this week. Sailors met at the pier ( near"}},
		{[]string{"--unsafe", "--diff"}, []string{"this week. The Harbor City Museum of Science and Technology said so too.", "+[next]:Harbor notes 24: ferries", "+[previous]:Harbor notes 8: tides"}},
		{[]string{"--unsafe", "--check"}, []string{"would fix 1 problem in features/a23.txt"}},
	} {
		mode := tc.mode
		t.Run("fix "+strings.Join(mode, " "), func(t *testing.T) {
			type outcome struct {
				code           int
				stdout, stderr string
				files          map[string]string
			}
			var first outcome
			for k, workers := range []int{1, 3, 0} {
				dir := filepath.Join(root, fmt.Sprintf("%s-%d", strings.Join(append([]string{"fix"}, mode...), ""), k))
				parallelCorpus(t, dir)
				t.Chdir(dir)
				var stdout, stderr bytes.Buffer
				e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, workers: workers}
				got := outcome{code: e.run(append(append([]string{"fix"}, mode...), ".")), stdout: stdout.String(), stderr: stderr.String(), files: treeBytes(t, dir)}
				if k == 0 {
					first = got
					continue
				}
				if got.code != first.code || got.stdout != first.stdout || got.stderr != first.stderr {
					t.Errorf("%d workers: exit %d\nstdout:\n%s\nstderr:\n%s\none worker: exit %d\nstdout:\n%s\nstderr:\n%s",
						workers, got.code, got.stdout, got.stderr, first.code, first.stdout, first.stderr)
				}
				for p, b := range first.files {
					if got.files[p] != b {
						t.Errorf("%d workers wrote %s:\n%q\none worker:\n%q", workers, p, got.files[p], b)
					}
				}
			}
			for _, w := range tc.want {
				if !strings.Contains(first.stdout, w) {
					t.Errorf("stdout lacks %q:\n%s", w, first.stdout)
				}
			}
			changed := 0
			for p, b := range first.files {
				if orig[p] != b {
					changed++
				}
			}
			if writes := len(mode) == 0 || mode[0] == "--unsafe" && len(mode) == 1; writes != (changed > 10) {
				t.Errorf("%d files changed on disk", changed)
			}
		})
	}
}
