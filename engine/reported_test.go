package engine_test

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/internal/corpusgen"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules"
)

// reportedArchive is a generated archive with planted defects, and a few
// invented articles besides that the rules across articles have something
// to find in: a name slip written in two articles (the lower-case word of
// one is the other's finding too), dates in another layout, a broken link
// and a broken next link.
func reportedArchive(t testing.TB) []engine.Input {
	var inputs []engine.Input
	err := corpusgen.Generate(corpusgen.Options{Bytes: 1 << 20, Seed: 7, MarkdownShare: 0.3, DefectRate: 3}, func(a corpusgen.Article) error {
		inputs = append(inputs, engine.Input{Path: filepath.FromSlash("gen/" + a.Name), Src: a.Body})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	name := "Corvane River Institute"
	for i := range 6 {
		body := fmt.Sprintf("Ferry timetable %d\n\nDate: 2025-04-%02d\n\n"+
			"The %s opened a new pier on Tuesday. Staff of the %s said the pier serves the %s ferries. "+
			"A spokesperson for the %s thanked the volunteers.\n\n[next]:Ferry timetable %d\n",
			i, i+1, name, name, name, name, i+1)
		body += "\nThe ferry to Marowdale left on time, and Marowdale was calm.\n"
		switch i {
		case 1, 4:
			body += "\nVisitors asked the Corvane river Institute about the ferries.\n"
			if i == 1 {
				// a letter slipped, found only if the archive never writes
				// the word in lower case: another article does (below), so
				// that one is looked into again
				body += "\nThe Marowdle ferry was late.\n"
			}
		case 5:
			body += "\nThe boat passed a marowdle of gulls at dawn.\n"
		case 2:
			body = strings.Replace(body, "Date: 2025-04-03", "Date: April 3, 2025", 1)
		case 3:
			body += "\nSee [the map](maps/pier.png) and [the schedule](#schedul).\n"
		}
		inputs = append(inputs, engine.Input{Path: filepath.FromSlash(fmt.Sprintf("ferry/timetable-%d.txt", i)), Src: []byte(body)})
	}
	inputs = append(inputs, engine.Input{Path: filepath.FromSlash("ferry/pier.md"),
		Src: []byte("---\ntitle: The pier\ndate: 2025-05-01\n---\n\n## Opening hours\n\nSee [the hours](#opening-hour) and [the first timetable](timetable-0.txt#ferries).\n")})
	return inputs
}

// TestReportedFindingsAgree: a file linted with the rest of the archive as
// context (a pre-commit hook on a few files) gets exactly the findings a
// run reporting every file gives it, though the rules across articles skip
// their work for the files not reported.
func TestReportedFindingsAgree(t *testing.T) {
	inputs := reportedArchive(t)
	today := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	newEngine := func() *engine.Engine {
		return &engine.Engine{Registry: rules.Registry(), Config: config.Default("."), Today: today}
	}
	want := map[string][]lint.Diagnostic{}
	for _, f := range newEngine().Lint(inputs).Files {
		want[f.Path] = f.Diagnostics
	}
	corpusRule := func(d lint.Diagnostic) bool {
		r, _ := rules.Registry().Lookup(d.Rule)
		return r != nil && r.Corpus != nil
	}
	for _, tc := range []struct {
		name   string
		report func(i int, path string) bool
		reread bool // a context file's text must be looked into again
	}{
		{"one file with a slip seen twice", func(_ int, p string) bool { return strings.HasSuffix(p, "timetable-1.txt") }, true},
		{"the invented files", func(_ int, p string) bool { return strings.HasPrefix(p, "ferry") }, false},
		{"every seventh file", func(i int, _ string) bool { return i%7 == 3 }, false},
	} {
		for _, drop := range []bool{false, true} {
			name := tc.name
			if drop {
				// The context files' summaries without their text, as a cache
				// gives them: the corpus rules need none of it.
				name += ", context text dropped"
			}
			t.Run(name, func(t *testing.T) {
				some := make([]engine.Input, len(inputs))
				reported := 0
				for i, in := range inputs {
					some[i] = in
					some[i].CorpusOnly = !tc.report(i, in.Path)
					if !some[i].CorpusOnly {
						reported++
					}
				}
				e := newEngine()
				if drop {
					engine.DropContextText(e)
				}
				res := e.Lint(some)
				if len(res.Files) != reported {
					t.Fatalf("%d files in the result, want the %d reported", len(res.Files), reported)
				}
				byRule := map[string]int{}
				for _, f := range res.Files {
					if !reflect.DeepEqual(f.Diagnostics, want[f.Path]) {
						t.Errorf("%s: findings differ from the run reporting every file:\n got %v\nwant %v", f.Path, f.Diagnostics, want[f.Path])
					}
					for _, d := range f.Diagnostics {
						if corpusRule(d) {
							byRule[d.Rule]++
						}
					}
				}
				if drop {
					// Only the few context files a finding makes a rule look
					// into again are read again, not the archive.
					n, ctx := engine.Rereads(e), len(inputs)-reported
					if n*10 > ctx || tc.reread && n == 0 {
						t.Errorf("%d of the %d context files read again", n, ctx)
					}
					t.Logf("%d of the %d context files read again", n, ctx)
				}
				if len(byRule) < 2 {
					t.Error("fewer than two rules across articles find something in the files reported: the test would not see them differ")
				}
				t.Logf("findings of rules across articles: %v", byRule)
			})
		}
	}
	// The slip written in two articles is found in both, so that the first
	// case judges one of them with the other as context.
	slips := 0
	for _, p := range []string{"timetable-1.txt", "timetable-4.txt"} {
		for _, d := range want[filepath.Join("ferry", p)] {
			if d.Rule == "name-consistency" {
				slips++
			}
		}
	}
	if slips != 2 {
		t.Errorf("%d name-consistency findings in the two slipped articles, want 2: the archive does not test what it should", slips)
	}
	if n := len(want[filepath.Join("ferry", "pier.md")]); n == 0 {
		t.Error("no finding in ferry/pier.md: its broken anchors are not found")
	}
}

// TestIndexRelintAgrees: an index re-linting one page as it is edited
// (the names counted once kept from one run to the next while the rest of
// the archive is unchanged) gives what a run over the whole archive as it
// now is gives that page, through edits that change the archive's names
// and an edit to another file.
func TestIndexRelintAgrees(t *testing.T) {
	inputs := reportedArchive(t)
	today := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	newEngine := func() *engine.Engine {
		return &engine.Engine{Registry: rules.Registry(), Config: config.Default("."), Today: today}
	}
	x := newEngine().NewIndex([]string{"."})
	if failed := x.Add(inputs, nil); len(failed) > 0 {
		t.Fatalf("index: %v", failed[0].Err)
	}
	page := filepath.Join("ferry", "timetable-1.txt")
	other := filepath.Join("ferry", "timetable-4.txt")
	current := map[string][]byte{}
	for _, in := range inputs {
		current[in.Path] = in.Src
	}
	orig := current[page]
	// named adds a name spelled right good times and with a letter
	// dropped slip times.
	named := func(src []byte, good, slip int) []byte {
		var b strings.Builder
		b.Write(src)
		for range good {
			b.WriteString("\nThe Quillon Harbour Trust met on the pier.\n")
		}
		for range slip {
			b.WriteString("\nThe Quillon Harbur Trust met on the pier.\n")
		}
		return []byte(b.String())
	}
	steps := []struct {
		name string
		path string
		src  []byte
	}{
		{"as indexed", page, orig},
		{"another file writes a name", other, named(current[other], 4, 0)},
		{"a letter typed", page, append(append([]byte{}, orig...), "x"...)},
		{"the name written here too, and slipped", page, named(orig, 3, 1)},
		{"the same again", page, named(orig, 3, 1)},
		{"the name slipped only", page, named(orig, 0, 1)},
		{"back as indexed", page, orig},
		{"its title changed", page, []byte(strings.Replace(string(orig), "Ferry timetable 1\n", "Ferry timetable one\n", 1))},
		{"its next link changed", page, []byte(strings.Replace(string(orig), "[next]:Ferry timetable 2", "[next]:Ferry timetable 0", 1))},
		{"its next link changed again", page, []byte(strings.Replace(string(orig), "[next]:Ferry timetable 2", "[next]:Ferry timetable 9", 1))},
		{"back as indexed again", page, orig},
	}
	slipFound := false
	for _, s := range steps {
		current[s.path] = s.src
		if s.path != page {
			x.Add([]engine.Input{{Path: s.path, Src: s.src}}, nil)
		}
		var all []engine.Input
		for p, src := range current {
			all = append(all, engine.Input{Path: p, Src: src})
		}
		var want []lint.Diagnostic
		for _, f := range newEngine().Lint(all).Files {
			if f.Path == page {
				want = f.Diagnostics
			}
		}
		got := x.Update(engine.Input{Path: page, Src: current[page]})
		if !reflect.DeepEqual(got.Diagnostics, want) {
			t.Errorf("%s: index re-lint differs from a whole run:\n got %v\nwant %v", s.name, got.Diagnostics, want)
		}
		for _, d := range want {
			slipFound = slipFound || d.Rule == "name-consistency" && strings.Contains(d.Message, "Harbur")
		}
	}
	if !slipFound {
		t.Error("the slipped name is never found: the edits do not change the archive's names as the test needs")
	}
}

// TestIndexRelintListID: a page whose front matter id is a list, not the
// string a doc id is, is re-linted twice (the second time against the
// last run's links index) without failing.
func TestIndexRelintListID(t *testing.T) {
	x := (&engine.Engine{Registry: rules.Registry(), Config: config.Default(".")}).NewIndex([]string{"."})
	src := []byte("---\ntitle: Pier hours\nid: [pier, hours]\n---\n\nThe pier opens at nine. See [the map](map.md).\n")
	other := []byte("---\ntitle: Map\nid: [map]\n---\n\nThe map of the pier. See [the hours](pier.md).\n")
	if failed := x.Add([]engine.Input{{Path: "pier.md", Src: src}, {Path: "map.md", Src: other}}, nil); len(failed) > 0 {
		t.Fatal(failed[0].Err)
	}
	for i := range 2 {
		if f := x.Update(engine.Input{Path: "pier.md", Src: src}); f.Err != nil {
			t.Fatalf("re-lint %d: %v", i+1, f.Err)
		}
	}
}

// TestIndexRelintConcurrent: pages re-linted at once against one index
// (a server checking two open files) share its memos and still each get
// what a run alone gives them.
func TestIndexRelintConcurrent(t *testing.T) {
	inputs := reportedArchive(t)
	x := (&engine.Engine{Registry: rules.Registry(), Config: config.Default("."), Today: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}).NewIndex([]string{"."})
	if failed := x.Add(inputs, nil); len(failed) > 0 {
		t.Fatalf("index: %v", failed[0].Err)
	}
	var pages []engine.Input
	for _, in := range inputs {
		if strings.HasPrefix(in.Path, "ferry") {
			pages = append(pages, in)
		}
	}
	want := make([][]lint.Diagnostic, len(pages))
	for i, p := range pages {
		want[i] = x.Lint(p).Diagnostics
	}
	var wg sync.WaitGroup
	for g := range 3 {
		wg.Go(func() {
			for n := range 12 {
				i := (g + n) % len(pages)
				if got := x.Lint(pages[i]).Diagnostics; !reflect.DeepEqual(got, want[i]) {
					t.Errorf("%s, linted beside others: findings differ:\n got %v\nwant %v", pages[i].Path, got, want[i])
				}
			}
		})
	}
	wg.Wait()
}
