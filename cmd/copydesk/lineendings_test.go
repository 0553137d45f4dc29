package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFixKeepsLineEndings: the real binary fixes files with LF, CRLF and
// CR-only (classic Mac OS) line endings and writes each back with its own,
// the line a fix inserts (a missing navigation link) included.
func TestFixKeepsLineEndings(t *testing.T) {
	bin := binary(t)
	articles := map[string][2]string{ // before, after fix --unsafe
		"a.txt": {
			"Ferry timetable changes\n\nDate: 2025-03-14\n\nThe harbour ferry will add the the evening sailings.\n\n[next]:Library hours extended\n",
			"Ferry timetable changes\n\nDate: 2025-03-14\n\nThe harbour ferry will add the evening sailings.\n\n[next]:Library hours extended\n",
		},
		"b.txt": {
			"Library hours extended\n\nDate: 2025-03-15\n\nThe library will open later on Thursdays.\n\n[next]:Harbour festival returns\n",
			"Library hours extended\n\nDate: 2025-03-15\n\nThe library will open later on Thursdays.\n\n[next]:Harbour festival returns\n[previous]:Ferry timetable changes\n",
		},
		"c.txt": {
			"Harbour festival returns\n\nDate: 2025-03-16\n\nThe festival returns in June.\n\n[previous]:Library hours extended\n",
			"Harbour festival returns\n\nDate: 2025-03-16\n\nThe festival returns in June.\n\n[previous]:Library hours extended\n",
		},
	}
	for _, nl := range []struct{ name, s string }{{"LF", "\n"}, {"CRLF", "\r\n"}, {"CR", "\r"}} {
		t.Run(nl.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, ba := range articles {
				writeIn(t, dir, name, strings.ReplaceAll(ba[0], "\n", nl.s))
			}
			r := exe(t, bin, dir, "", nil, "fix", "--unsafe", ".")
			if !strings.Contains(r.stderr+r.stdout, "Fixed 2 problems in 2 files") {
				t.Fatalf("fix --unsafe did not fix the doubled word and the missing link:\n%s", r)
			}
			for name, ba := range articles {
				got, err := os.ReadFile(filepath.Join(dir, name))
				if err != nil {
					t.Fatal(err)
				}
				if want := strings.ReplaceAll(ba[1], "\n", nl.s); string(got) != want {
					t.Errorf("%s after fix:\n%q\nwant\n%q", name, got, want)
				}
			}
			// Fixed once, the files settle: nothing more to fix.
			r = exe(t, bin, dir, "", nil, "fix", "--unsafe", "--check", ".")
			if !strings.Contains(r.stdout+r.stderr, "Would fix 0 problems in 0 files") {
				t.Errorf("fix --check after fixing:\n%s", r)
			}
		})
	}
}
