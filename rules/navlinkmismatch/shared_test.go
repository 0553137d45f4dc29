package navlinkmismatch_test

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/internal/nav"
	"github.com/copydesk/copydesk/rules/navlinkbroken"
	"github.com/copydesk/copydesk/rules/navlinkmismatch"
)

// lintFolder lints every article under dir as one corpus with rules.
func lintFolder(t *testing.T, dir string, rules ...*lint.Rule) (*engine.Result, []*document.Summary) {
	t.Helper()
	reg, err := lint.NewRegistry(append(lint.Builtin(), rules...)...)
	if err != nil {
		t.Fatal(err)
	}
	var inputs []engine.Input
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && document.IsArticle(p) {
			inputs = append(inputs, engine.Input{Path: p})
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	eng := &engine.Engine{Registry: reg, Config: config.Default(dir)}
	res := eng.Lint(inputs)
	var sums []*document.Summary
	for _, f := range res.Files {
		if f.Err != nil {
			t.Fatalf("%s: %v", f.Path, f.Err)
		}
		sums = append(sums, f.Summary)
	}
	return res, sums
}

// readTSV returns the rows of a nav-index file as maps by column name.
func readTSV(t *testing.T, p string) []map[string]string {
	t.Helper()
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var head []string
	var rows []map[string]string
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if head == nil {
			head = cols
			continue
		}
		row := map[string]string{}
		for i, c := range cols {
			if i < len(head) {
				row[head[i]] = c
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// TestDuplojs checks the real VitePress site: 1,004 links, all resolving,
// 40 of them (20 pairs) not returned, as nav-index/duplojs-utils.tsv lists.
func TestDuplojs(t *testing.T) {
	dir := linttest.SharedCorpus(t, "duplojs-utils")
	tsv := linttest.SharedCorpus(t, "nav-index/duplojs-utils.tsv")
	res, sums := lintFolder(t, dir, navlinkbroken.Rule, navlinkmismatch.Rule)
	rel := func(p string) string {
		r, _ := filepath.Rel(filepath.Join(dir, "docs"), p)
		return filepath.ToSlash(r)
	}
	x := nav.Build(sums)
	links := 0
	for _, s := range sums {
		links += len(s.Nav)
	}
	rows := readTSV(t, tsv)
	if links != len(rows) {
		t.Errorf("read %d navigation links, the index lists %d", links, len(rows))
	}
	want := map[string]bool{}
	for _, r := range rows {
		if r["reciprocal"] == "no" {
			want[r["file"]+" "+r["key"]+" "+r["link"]] = true
		}
	}
	got := map[string]bool{}
	for _, m := range x.Mismatches(x.Claims()) {
		for _, c := range m.Claims {
			got[rel(x.Paths[c.From])+" "+c.Link.Label+" "+c.Link.Target] = true
		}
	}
	for k := range want {
		if !got[k] {
			t.Errorf("non-reciprocal link not found: %s", k)
		}
	}
	for k := range got {
		if !want[k] {
			t.Errorf("link reported as not returned, but the index says it is: %s", k)
		}
	}
	byRule := map[string]int{}
	var files []string
	for _, d := range res.Diagnostics() {
		byRule[d.Rule]++
		if d.Rule == "nav-link-mismatch" {
			files = append(files, rel(d.Path)+": "+d.Message)
		}
	}
	sort.Strings(files)
	if byRule["nav-link-broken"] != 0 {
		t.Errorf("%d broken links reported; every link resolves", byRule["nav-link-broken"])
	}
	t.Logf("%d non-reciprocal links (want 40), %d mismatch findings", len(got), byRule["nav-link-mismatch"])
	for _, f := range files {
		t.Log(f)
	}
}

// TestAmplication checks the real Docusaurus site: every pagination link
// resolves by doc id, 7 of them only through a front matter id:.
func TestAmplication(t *testing.T) {
	dir := linttest.SharedCorpus(t, "amplication-docs")
	tsv := linttest.SharedCorpus(t, "nav-index/amplication-docs.tsv")
	res, sums := lintFolder(t, dir, navlinkbroken.Rule, navlinkmismatch.Rule)
	x := nav.Build(sums)
	rel := func(p string) string {
		r, _ := filepath.Rel(filepath.Join(dir, "docs"), p)
		return filepath.ToSlash(r)
	}
	byFile := map[string]int{}
	for i, p := range x.Paths {
		byFile[rel(p)] = i
	}
	onlyByID := 0
	for _, r := range readTSV(t, tsv) {
		if r["value"] == "null" {
			continue
		}
		i, ok := byFile[r["file"]]
		if !ok {
			t.Logf("%s: not an article copydesk reads (.mdx), skipped", r["file"])
			continue
		}
		found := false
		for _, l := range sums[i].Nav {
			if l.Label == r["key"] && l.Target == strings.Trim(r["value"], `"`) {
				found = true
				if ids := x.Resolve(i, l); len(ids) != 1 {
					t.Errorf("%s %s %s: resolves to %d articles, want 1", r["file"], r["key"], r["value"], len(ids))
				}
			}
		}
		if !found {
			t.Errorf("%s: link %s %s not read", r["file"], r["key"], r["value"])
		}
		if r["resolves_by_file_path_only"] == "NO" {
			onlyByID++
		}
	}
	if onlyByID != 7 {
		t.Errorf("%d links resolve only by id, the index says 7", onlyByID)
	}
	for _, d := range res.Diagnostics() {
		if d.Rule == "nav-link-broken" {
			t.Errorf("%s: %s", rel(d.Path), d.Message)
		}
		if d.Rule == "nav-link-mismatch" {
			t.Logf("%s: %s", rel(d.Path), d.Message)
		}
	}
}
