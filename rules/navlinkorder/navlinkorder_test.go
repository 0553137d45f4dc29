package navlinkorder_test

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/fixers"
	"github.com/copydesk/copydesk/lint"

	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/linkbroken"
	"github.com/copydesk/copydesk/rules/navlinkbroken"
	"github.com/copydesk/copydesk/rules/navlinkmismatch"
	"github.com/copydesk/copydesk/rules/navlinkorder"
)

func TestRule(t *testing.T) {
	linttest.RunCorpus(t, "testdata/order", navlinkorder.Rule)
}

// TestChain30 lints a chain of 30 articles (plain text with three label
// styles, CJK labels, YAML and TOML front matter) with one broken link that
// has a near match, one without, a link not returned, an article dated
// before its predecessor and a cycle, with every links rule on.
func TestChain30(t *testing.T) {
	linttest.RunCorpus(t, "testdata/chain30", navlinkbroken.Rule, navlinkmismatch.Rule, navlinkorder.Rule, linkbroken.Rule)
}

// TestChain30FixRoundTrip applies every links fix to the chain and lints it
// again: what the fixes addressed is gone, and what was left is exactly the
// findings that offer no fix (a link with no near match, a misdated article).
func TestChain30FixRoundTrip(t *testing.T) {
	dir := "testdata/chain30"
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, e := range entries {
		if document.IsArticle(e.Name()) {
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			files[filepath.Join(dir, e.Name())] = string(b)
		}
	}
	rules := []*lint.Rule{navlinkbroken.Rule, navlinkmismatch.Rule, navlinkorder.Rule, linkbroken.Rule}
	today := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for pass := 0; pass < 3; pass++ {
		changed := false
		for p, ds := range linttest.CorpusFindings(t, files, nil, today, rules...) {
			var fixes []lint.Fix
			for _, d := range ds {
				if d.Fix != nil {
					fixes = append(fixes, *d.Fix)
				}
			}
			if len(fixes) == 0 {
				continue
			}
			edits, _ := fixers.Merge([]byte(files[p]), fixes)
			files[p] = string(fixers.Apply([]byte(files[p]), edits))
			changed = true
		}
		if !changed {
			break
		}
	}
	var left []string
	for p, ds := range linttest.CorpusFindings(t, files, nil, today, rules...) {
		for _, d := range ds {
			if d.Fix != nil {
				t.Errorf("%s: a fix is still offered after fixing: [%s] %s", p, d.Rule, d.Message)
			}
			left = append(left, filepath.Base(p)+" "+d.Rule)
		}
	}
	sort.Strings(left)
	want := []string{"a12.md nav-link-broken", "a14.txt nav-link-order"}
	if !slices.Equal(left, want) {
		t.Errorf("after fixing, findings are %v, want %v", left, want)
	}
}
