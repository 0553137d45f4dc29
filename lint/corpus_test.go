package lint_test

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
)

// What a CorpusFacts rule's check receives for the facts a driver hands
// it: its own type, slot for slot, the zero value where nothing was
// collected.
func TestCorpusFacts(t *testing.T) {
	type words struct{ n int }
	for _, tc := range []struct {
		name  string
		facts []any
		want  string
	}{
		{"aligned", []any{&words{3}, &words{5}}, "3 5"},
		{"nothing collected", []any{&words{3}, nil, &words{7}}, "3 - 7"},
		{"no documents", nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			c := lint.CorpusFacts(func(*lint.Pass) *words { return nil }, func(_ *lint.CorpusPass, fs []*words) {
				for _, f := range fs {
					if f == nil {
						got = append(got, "-")
					} else {
						got = append(got, fmt.Sprint(f.n))
					}
				}
			})
			if !c.Collects() {
				t.Error("Collects() = false for a rule with a collect phase")
			}
			c.Check(&lint.CorpusPass{}, tc.facts)
			if s := strings.Join(got, " "); s != tc.want {
				t.Errorf("check saw %q, want %q", s, tc.want)
			}
		})
	}
	// A non-pointer fact goes through the driver's slot unchanged too.
	n := lint.CorpusFacts(func(p *lint.Pass) int { return len(p.Rel) }, func(_ *lint.CorpusPass, fs []int) {
		if len(fs) != 2 || fs[0] != 3 || fs[1] != 0 {
			t.Errorf("int facts = %v, want [3 0]", fs)
		}
	})
	n.Check(&lint.CorpusPass{}, []any{n.Collect(&lint.Pass{Rel: "a/b"}), nil})

	ran := false
	s := lint.Corpus(func(*lint.CorpusPass) { ran = true })
	if s.Collects() || s.Collect(&lint.Pass{}) != nil {
		t.Error("a summaries-only corpus rule collects")
	}
	s.Check(&lint.CorpusPass{}, nil)
	if !ran {
		t.Error("check did not run")
	}
}

// A shared value is built once per Values whatever the number of rules
// asking at once, anew for each Values, and on every request without one.
func TestValues(t *testing.T) {
	var builds atomic.Int32
	glossary := lint.NewProjectValue("glossary", func(p *lint.Project) string {
		builds.Add(1)
		return p.Names[0].Name
	})
	archive := lint.NewArchiveValue("titles", func(sums []*document.Summary) int {
		builds.Add(1)
		return len(sums)
	})
	ask := func(vs *lint.Values, name string, n int) {
		var wg sync.WaitGroup
		for range n {
			wg.Go(func() {
				p := &lint.Pass{Values: vs, Project: &lint.Project{Names: []lint.NameEntry{{Name: name}}}}
				if got := glossary.Get(p); got != name {
					t.Errorf("glossary = %q, want %q", got, name)
				}
				cp := &lint.CorpusPass{Values: vs, Summaries: make([]*document.Summary, 4)}
				if got := archive.Get(cp); got != 4 {
					t.Errorf("archive value = %d, want 4", got)
				}
			})
		}
		wg.Wait()
	}
	for _, tc := range []struct {
		name   string
		values func() []*lint.Values
		asks   int
		builds int32
	}{
		{"one run, many rules", func() []*lint.Values { return []*lint.Values{{}} }, 16, 2},
		{"two runs", func() []*lint.Values { return []*lint.Values{{}, {}} }, 8, 4},
		{"no driver", func() []*lint.Values { return []*lint.Values{nil} }, 3, 6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			builds.Store(0)
			for i, vs := range tc.values() {
				ask(vs, fmt.Sprint("Name ", i), tc.asks)
			}
			if n := builds.Load(); n != tc.builds {
				t.Errorf("%d builds, want %d", n, tc.builds)
			}
		})
	}
}

// A value whose build fails fails every rule that asks, each panicking
// with the value's name, and is not built again.
func TestValuesBuildPanic(t *testing.T) {
	var builds atomic.Int32
	broken := lint.NewArchiveValue("broken index", func([]*document.Summary) int {
		builds.Add(1)
		panic("boom")
	})
	vs := &lint.Values{}
	for i := range 3 {
		func() {
			defer func() {
				p := recover()
				if s := fmt.Sprint(p); !strings.HasPrefix(s, "building the broken index: boom\n") {
					t.Errorf("ask %d: panic %q, want one naming the value", i, s)
				}
			}()
			broken.Get(&lint.CorpusPass{Values: vs})
			t.Errorf("ask %d: no panic", i)
		}()
	}
	if n := builds.Load(); n != 1 {
		t.Errorf("%d builds, want 1", n)
	}
}

func TestValidateKinds(t *testing.T) {
	run := func(*lint.Pass) {}
	corpus := lint.Corpus(func(*lint.CorpusPass) {})
	for _, tc := range []struct {
		name string
		rule lint.Rule
		ok   bool
	}{
		{"run", lint.Rule{Run: run}, true},
		{"corpus", lint.Rule{Corpus: corpus}, true},
		{"builtin", lint.Rule{Builtin: true}, true},
		{"run and corpus", lint.Rule{Run: run, Corpus: corpus}, false},
		{"neither", lint.Rule{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.rule
			r.ID, r.Category, r.Severity = "toy", lint.CategoryLinks, lint.SeverityWarning
			r.Doc = lint.Doc{Title: "t", Why: "w", Wrong: "x"}
			err := lint.Validate([]*lint.Rule{&r})
			if (err == nil) != tc.ok {
				t.Errorf("Validate = %v, want ok %v", err, tc.ok)
			}
		})
	}
}
