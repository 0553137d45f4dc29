package quotestyle_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/parse"
	"github.com/copydesk/copydesk/rules/quotestyle"
)

func TestRule(t *testing.T) {
	linttest.Run(t, "testdata", quotestyle.Rule)
}

// fixAll applies every fix of the findings and returns the text.
func fixAll(src string, ds []lint.Diagnostic) string {
	var edits []lint.Edit
	for _, d := range ds {
		if d.Fix != nil {
			edits = append(edits, d.Fix.Edits...)
		}
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].Start > edits[j].Start })
	for _, e := range edits {
		src = src[:e.Start] + e.NewText + src[e.End:]
	}
	return src
}

func check(t *testing.T, name, src, style string) ([]lint.Diagnostic, string) {
	t.Helper()
	doc, err := parse.Parse(name, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	ds := lint.Check(quotestyle.Rule, doc, lint.Options{}.With("style", style))
	return ds, fixAll(src, ds)
}

func TestStyleOption(t *testing.T) {
	const head = "Museum News\n\nThe Museum opens its harbor gallery\n\nDate: 2025-03-14\n\n"
	cases := []struct {
		style, body, want string
		n                 int
		app               lint.Applicability
	}{
		// A document that is consistent in itself is left alone by default.
		{"consistent", `"Welcome," said Anna Berg. The Museum's doors open at nine.`, "", 0, lint.Safe},
		{"consistent", `“Welcome,” said Anna Berg. The Museum’s doors open at nine.`, "", 0, lint.Safe},
		// A required style flags every mark of the other one.
		{"curly", `"Welcome," said Anna Berg. The Museum's doors open at nine.`,
			`“Welcome,” said Anna Berg. The Museum’s doors open at nine.`, 3, lint.Unsafe},
		{"curly", `Visitors ("and their dogs") came, and the guide said 'hello' to rock 'n' roll fans of the '80s.`,
			`Visitors (“and their dogs”) came, and the guide said ‘hello’ to rock ’n’ roll fans of the ’80s.`, 7, lint.Unsafe},
		{"curly", `The guide—"a volunteer"—showed the 12" records and a 6' 2" statue.`,
			`The guide—“a volunteer”—showed the 12" records and a 6' 2" statue.`, 2, lint.Unsafe},
		{"straight", `“Welcome,” said Anna Berg. The Museum’s doors open at nine.`,
			`"Welcome," said Anna Berg. The Museum's doors open at nine.`, 3, lint.Safe},
		// Chinese quotation marks are curly by rule.
		{"straight", `馆长说：“欢迎大家。”`, "", 0, lint.Safe},
	}
	for _, c := range cases {
		ds, fixed := check(t, "a.txt", head+c.body+"\n", c.style)
		if len(ds) != c.n {
			t.Errorf("style %s: %q: got %d findings, want %d: %v", c.style, c.body, len(ds), c.n, ds)
			continue
		}
		for _, d := range ds {
			if d.Fix == nil || d.Fix.Applicability != c.app {
				t.Errorf("style %s: %q: finding %q has fix %+v, want applicability %v", c.style, c.body, d.Message, d.Fix, c.app)
			}
			if !strings.Contains(d.Message, "the configured quote style is "+c.style) {
				t.Errorf("style %s: message %q does not name the style", c.style, d.Message)
			}
		}
		if c.n > 0 && fixed != head+c.want+"\n" {
			t.Errorf("style %s: fixed\n%q\nwant\n%q", c.style, strings.TrimPrefix(fixed, head), c.want+"\n")
		}
	}
}

// TestMarkdownEscapes: a curly quote needs no backslash, and code is left alone.
func TestMarkdownEscapes(t *testing.T) {
	src := "# The museum\n\nThe guide said \\\"welcome\\\" and set `x = \"y\"` twice.\n"
	ds, fixed := check(t, "a.md", src, "curly")
	want := "# The museum\n\nThe guide said “welcome” and set `x = \"y\"` twice.\n"
	if len(ds) != 2 || fixed != want {
		t.Fatalf("got %d findings, fixed text %q, want %q", len(ds), fixed, want)
	}
}

// TestTieGoesToCurly: with as many straight as curly quotation marks there
// is no majority; curly marks, the norm in print, win wherever they stand.
func TestTieGoesToCurly(t *testing.T) {
	for _, src := range []string{
		"Museum News\n\n“Ocean Night” opens\n\nDate: 2025-03-14\n\nThe guide said \"welcome\" twice.\n",
		"Museum News\n\n\"Ocean Night\" opens\n\nDate: 2025-03-14\n\nThe guide said “welcome” twice.\n",
	} {
		ds, fixed := check(t, "a.txt", src, "consistent")
		if len(ds) != 2 || strings.Contains(fixed, `"`) {
			t.Fatalf("got %d findings and %q", len(ds), fixed)
		}
	}
}

// TestFalseAlarms bounds the findings on the proofread books.
func TestFalseAlarms(t *testing.T) { linttest.ProofreadBooks(t, quotestyle.Rule, 0.1) }

// BenchmarkRule times the rule alone; MB/s is over the articles' bytes.
func BenchmarkRule(b *testing.B) { linttest.Bench(b, quotestyle.Rule) }

// TestDocExamples: the documented wrong example is reported, the right one is not.
func TestDocExamples(t *testing.T) {
	linttest.DocExamples(t, quotestyle.Rule, linttest.InArticle, false)
}
