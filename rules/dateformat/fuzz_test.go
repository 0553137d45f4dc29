package dateformat_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/copydesk/copydesk/fixers"
	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/dateformat"
)

// FuzzCorpus lints a fuzzed article beside two that set the house format:
// no panic, ranges inside the text, valid fixes, and every fix changes the text.
func FuzzCorpus(f *testing.F) {
	for _, s := range []string{"Publish Time: Mar 14, 2025", "Date:2025-3-4 9:30", "发布时间：2025年3月14日", "Date: 03/04/2025", "Date: 2025-02-30"} {
		f.Add(s, false)
	}
	f.Add("2010-03-24T00:00:00Z", true)
	f.Fuzz(func(t *testing.T, date string, markdown bool) {
		if !utf8.ValidString(date) || strings.ContainsAny(date, "\x00\n\r") {
			return // one line of text: other inputs are not what is under test
		}
		files := map[string]string{"a.txt": article("Date: 2025-03-14"), "b.txt": article("Date: 2025-03-15")}
		path, src := "x.txt", article(date)
		if markdown {
			files = map[string]string{"a.md": "---\ntitle: A\ndate: 2025-03-14\n---\n\nText.\n", "b.md": "---\ntitle: B\ndate: 2025-03-15\n---\n\nText.\n"}
			path, src = "x.md", "---\ntitle: X\ndate: "+date+"\n---\n\nText.\n"
		}
		files[path] = src
		for _, d := range linttest.CorpusFindings(t, files, nil, time.Time{}, dateformat.Rule)[path] {
			if d.Start < 0 || d.Start > d.End || d.End > len(src) {
				t.Fatalf("range %d-%d outside the text", d.Start, d.End)
			}
			if d.Fix == nil {
				continue
			}
			edits, err := fixers.Normalize([]byte(src), *d.Fix)
			if err != nil {
				t.Fatalf("invalid fix: %v", err)
			}
			fixed := string(fixers.Apply([]byte(src), edits))
			if fixed == src {
				t.Fatalf("fix changes nothing: %s", d.Message)
			}
		}
	})
}
