package rules

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
)

// FuzzPrefilter runs every document rule on a text parsed with block facts
// and on the same text parsed without them, where every block may hold
// anything and pass.Blocks yields them all: the findings must be the same.
// A fact that misses what its rule looks for (a bracket the fact does not
// know) fails here instead of losing findings silently, and so does a rule
// whose findings depend on which blocks it was shown. The seeds are the
// sample articles and every rule's test articles.
func FuzzPrefilter(f *testing.F) {
	for _, a := range seedArticles(f) {
		f.Add(a.text, a.format)
	}
	rules := documentRules()
	f.Fuzz(func(t *testing.T, text string, format uint8) {
		path := seedPath(format)
		with, without := parseTwice(t, path, text)
		if with == nil {
			return
		}
		for _, r := range rules {
			got, want := runRule(r, with), runRule(r, without)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s on %s: findings differ with block facts (%s) and without:\n%s", r.ID, path, r.Needs, diff(got, want))
			}
		}
	})
}

// TestPrefilterSeedsTellFacts shows that FuzzPrefilter can fail: for each
// fact a rule needs, taking it away from every block of the seed articles
// loses findings of a rule that needs it. A fact no seed exercises could
// drift unseen.
func TestPrefilterSeedsTellFacts(t *testing.T) {
	seeds := seedArticles(t)
	docs := make([]*document.Document, 0, len(seeds))
	for _, a := range seeds {
		if doc, err := parse.Parse(seedPath(a.format), []byte(a.text)); err == nil {
			docs = append(docs, doc)
		}
	}
	needed := map[document.BlockFacts][]*lint.Rule{}
	for _, r := range documentRules() {
		for f := r.Needs; f != 0; f &= f - 1 {
			bit := f & -f
			needed[bit] = append(needed[bit], r)
		}
	}
	if len(needed) == 0 {
		t.Fatal("no rule declares the block facts it needs")
	}
	for bit, rules := range needed {
		if !tells(docs, rules, bit) {
			t.Errorf("no seed article has findings that need %s (rules %s): FuzzPrefilter would not see it drift", bit, ruleIDs(rules))
		}
	}
}

// tells reports whether taking the fact bit away from every block changes
// the findings of one of the rules on one of the documents.
func tells(docs []*document.Document, rules []*lint.Rule, bit document.BlockFacts) bool {
	for _, doc := range docs {
		var before [][]lint.Diagnostic
		for _, r := range rules {
			before = append(before, runRule(r, doc))
		}
		saved := make([]document.BlockFacts, len(doc.Blocks))
		for i := range doc.Blocks {
			saved[i] = doc.Blocks[i].Facts
			doc.Blocks[i].Facts &^= bit
		}
		changed := false
		for i, r := range rules {
			if !reflect.DeepEqual(before[i], runRule(r, doc)) {
				changed = true
				break
			}
		}
		for i := range doc.Blocks {
			doc.Blocks[i].Facts = saved[i]
		}
		if changed {
			return true
		}
	}
	return false
}

// runRule runs a document rule with its defaults under the default
// configuration, on a fixed day.
func runRule(r *lint.Rule, doc *document.Document) []lint.Diagnostic {
	var out []lint.Diagnostic
	cfg := config.Default(".")
	pass := &lint.Pass{Rule: r, Doc: doc, Options: lint.Options{}, Project: &cfg.Project, Rel: doc.Path,
		Today: time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC), Sink: func(d lint.Diagnostic) { out = append(out, d) }}
	r.Run(pass)
	return out
}

func parseTwice(t *testing.T, path, text string) (with, without *document.Document) {
	with, err1 := parse.Parse(path, []byte(text))
	without, err2 := parse.WithFacts(path, []byte(text), false)
	if (err1 == nil) != (err2 == nil) {
		t.Fatalf("parse with facts: %v; without: %v", err1, err2)
	}
	if err1 != nil {
		return nil, nil
	}
	return with, without
}

func documentRules() []*lint.Rule {
	var out []*lint.Rule
	for _, r := range All() {
		if r.Run != nil {
			out = append(out, r)
		}
	}
	return out
}

type seedArticle struct {
	text   string
	format uint8
}

// seedPath names a text as plain text, Markdown or HTML.
func seedPath(format uint8) string {
	return [...]string{"a.txt", "a.md", "a.html"}[format%3]
}

// seedArticles reads the sample articles and the rules' test articles.
func seedArticles(tb testing.TB) []seedArticle {
	tb.Helper()
	var out []seedArticle
	formats := map[string]uint8{".txt": 0, ".md": 1, ".html": 2}
	roots, _ := filepath.Glob("*/testdata")
	for _, root := range append(roots, "../testdata/articles") {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			format, ok := formats[filepath.Ext(p)]
			if !ok {
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out = append(out, seedArticle{string(b), format})
			return nil
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
	if len(out) < 50 {
		tb.Fatalf("only %d seed articles: run from the rules folder", len(out))
	}
	for _, r := range All() {
		for _, ex := range []string{r.Doc.Wrong, r.Doc.Right} {
			out = append(out, seedArticle{"A title for the example\n\n" + ex + "\n", 0}, seedArticle{ex + "\n", 1})
		}
	}
	for _, s := range factSeeds {
		out = append(out, seedArticle{s, 0}, seedArticle{s, 1})
	}
	return out
}

// factSeeds have in a paragraph of its own each case document.FactsOf
// knows, so that each fact is seen alone.
var factSeeds = []string{
	"Title\n\nThe gallery ( east wing) opens.\n\nThe gallery [ east wing] opens.\n\nThe gallery { east wing} opens.\n",
	"Title\n\nThe gallery (east wing ) opens.\n\nIt opens , and closes .\n\nWhy ? Because ; so : yes !\n",
	"Title\n\nTwo\u00a0\u00a0spaces, a\u2009\u2009thin pair, three   plain and a\u3000\u3000wide pair.\n",
	"Title\n\nThe\u00a0museum and the\u202fgallery.\n\nA\u2009b.\n",
	"Title\n\n«Bonjour» and “hi” and \"x\" and „so“ and ‹a› and ‟b”.\n\nDon't, ‘quoted’, ‚low‘ and ‛odd’.\n",
	"Title\n\n中文（注释）and ＡＢＣ and １２３，next。\n\nThe museum（east wing）【new】〔old〕〖x〗［y］｛z｝.\n",
	"Title\n\nIt ended.Next it began,“We said.\"Yes\n\nShe said,'no' and left.\n\nThe end!!Then ?? and ,. and ;;\n",
	"Title\n\nQ&amp;A and AT&T and &#169; and &copy; and `a&b`.\n\nSee https://example.org/?a=1&b=2 now.\n",
	"Title\n\nzero\u200bwidth and soft\u00adhyphen and bom\ufeffhere.\n\ncafe\u0301 and Zoe\u0308 and museumâ€™s cafÃ©.\n",
	"Title\n\nThe word \u1112\u1161\u11ab is Korean, and \u304b\u3099 is Japanese.\n",
}

func ruleIDs(rs []*lint.Rule) string {
	var ids []string
	for _, r := range rs {
		ids = append(ids, r.ID)
	}
	return strings.Join(ids, ", ")
}

// diff lists the findings only one side has.
func diff(got, want []lint.Diagnostic) string {
	var b strings.Builder
	key := func(d lint.Diagnostic) string { return fmt.Sprintf("%d-%d %s", d.Start, d.End, d.Message) }
	in := func(ds []lint.Diagnostic, d lint.Diagnostic) bool {
		for _, e := range ds {
			if reflect.DeepEqual(e, d) {
				return true
			}
		}
		return false
	}
	for _, d := range want {
		if !in(got, d) {
			fmt.Fprintf(&b, "  only without facts: %s\n", key(d))
		}
	}
	for _, d := range got {
		if !in(want, d) {
			fmt.Fprintf(&b, "  only with facts: %s\n", key(d))
		}
	}
	if b.Len() == 0 {
		b.WriteString("  the same findings in another order\n")
	}
	return b.String()
}
