package linttest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
)

// SharedCorpus returns the path of a folder in ../shared/corpus seen from
// the repository root, or skips the test where it is absent (a fresh clone
// elsewhere). rel is relative to the corpus folder, e.g. "prose".
func SharedCorpus(t testing.TB, rel string) string {
	t.Helper()
	root, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for dir := root; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(dir, "..", "shared", "corpus", rel)
			if _, err := os.Stat(p); err != nil {
				t.Skipf("skipping: %s not found (the shared corpus sits beside the repository on the team's machines)", p)
			}
			return p
		}
		if filepath.Dir(dir) == dir {
			t.Skip("skipping: repository root not found")
		}
	}
}

// Alarm is one finding on text that is known to be clean.
type Alarm struct {
	Path    string
	Line    int
	Message string
	Context string // the text around the finding
}

// FalseAlarms runs a document rule over every article under dir, text
// known to be proofread, and returns what it reports and the number of
// words read, so that a test can bound the rate per 10,000 words.
func FalseAlarms(t testing.TB, rule *lint.Rule, dir string) (alarms []Alarm, words int) {
	t.Helper()
	all, words := FalseAlarmsAll(t, []*lint.Rule{rule}, dir)
	return all[rule.ID], words
}

// FalseAlarmsAll is FalseAlarms for several rules, parsing each file once.
func FalseAlarmsAll(t testing.TB, rules []*lint.Rule, dir string) (alarms map[string][]Alarm, words int) {
	t.Helper()
	alarms = map[string][]Alarm{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !document.IsArticle(p) {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		doc, err := parse.Parse(p, src)
		if err != nil {
			return nil
		}
		for _, tok := range doc.Tokens {
			if tok.Kind() == document.TokWord {
				words++
			}
		}
		for _, rule := range rules {
			for _, d := range lint.Check(rule, doc, lint.Options{}) {
				line, _ := doc.Position(d.Start)
				lo, hi := max(0, d.Start-40), min(len(src), d.End+40)
				alarms[rule.ID] = append(alarms[rule.ID], Alarm{Path: p, Line: line, Message: d.Message, Context: string(src[lo:hi])})
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return alarms, words
}
