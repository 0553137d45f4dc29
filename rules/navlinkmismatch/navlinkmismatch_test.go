package navlinkmismatch_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/fixers"
	"github.com/copydesk/copydesk/lint"

	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/navlinkmismatch"
)

func TestRule(t *testing.T) {
	linttest.RunCorpus(t, "testdata/pairs", navlinkmismatch.Rule)
}

// TestFixRoundTrip applies every fix to the pairs and lints again: the
// corrected chains are clean, and only the finding without a fix (two
// articles claiming the same next, none of them returned; a back link
// whose target has no navigation to confirm either side) is left.
func TestFixRoundTrip(t *testing.T) {
	dir := "testdata/pairs"
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
	for p, ds := range linttest.CorpusFindings(t, files, nil, time.Time{}, navlinkmismatch.Rule) {
		var fixes []lint.Fix
		for _, d := range ds {
			if d.Fix != nil {
				fixes = append(fixes, *d.Fix)
			}
		}
		edits, _ := fixers.Merge([]byte(files[p]), fixes)
		files[p] = string(fixers.Apply([]byte(files[p]), edits))
	}
	var left []string
	for p, ds := range linttest.CorpusFindings(t, files, nil, time.Time{}, navlinkmismatch.Rule) {
		for _, d := range ds {
			left = append(left, filepath.Base(p)+": "+d.Message)
		}
	}
	sort.Strings(left)
	if len(left) != 2 || !strings.HasPrefix(left[0], "d3.txt: ") || !strings.HasPrefix(left[1], "k2.txt: ") {
		t.Errorf("after fixing, findings are %q, want only the two without a fix (d3.txt, k2.txt)", left)
	}
}
