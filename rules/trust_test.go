package rules

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
)

// TestOnlyTheseRules runs every document rule over invented text where the
// other rules must stay quiet: mojibake is the mojibake rule's alone (the
// words and marks inside it are not prose yet), and code-like tokens in
// running text are not punctuation slips.
func TestOnlyTheseRules(t *testing.T) {
	for _, tc := range []struct {
		name, file, text string
		want             []string // rule IDs that may report, each at least once
	}{
		{"mojibake with a no-break space inside", "a.txt",
			"Kettle Island News\n\nThe choir of Lùb sang in CÃ\u00a0nan nan GÃ\u00a0idheal at the opening of the hall on Friday evening.\n",
			[]string{"mojibake"}},
		{"mojibake of a capital O with a grave accent", "a.txt",
			"Kettle Island News\n\nThe sign over the bakery on the quay reads Ã’s Bakery and it has done so since the war ended.\n",
			[]string{"mojibake"}},
		{"mojibake of a Latvian long i", "a.txt",
			"Kettle Island News\n\nThe ferry from RÄ«ga arrived late on Tuesday because of the storm over the northern bay.\n",
			[]string{"mojibake"}},
		{"mojibake of a fullwidth comma", "a.txt",
			"Kettle Island News\n\nThe delegation travelled from Ningboï¼ŒChina to the island by way of the northern port last spring.\n",
			[]string{"mojibake"}},
		{"mojibake of Thai", "a.txt",
			"Kettle Island News\n\nThe menu lists \u00e0\u00b8\u00aa\u00e0\u00b8\u00a7\u00e0\u00b8\u00b1\u00e0\u00b8\u00aa\u00e0\u00b8\u201d\u00e0\u00b8\u00b5 beside the English names of the dishes served in the hall.\n",
			[]string{"mojibake"}},
		{"TeX math", "a.md",
			"---\ntitle: Notes on the reaction\ndate: 2025-05-02\n---\n\nThe keepers wrote the reaction down:\n\n\\[\n\\ce{Zn^2+  <=>[+ 2OH-][+ 2H+]  $\\underset{\\text{hydroxide}}{\\ce{Zn(OH)2 v}}$}\n\\]\n",
			nil},
		{"technical tokens in running text", "a.md",
			"---\ntitle: Notes on the bindings\ndate: 2025-05-02\n---\n\nThe v8:: namespace and std::tr1:: helpers moved. The server listens on ::1 and on fe80::1. Write b ? True() : False() when a call is missing ) at its end.\n\n- **doc,n-api**: the docs build again.\n- **http,test**: two flaky tests were fixed.\n",
			nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := parse.Parse(tc.file, []byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			for _, r := range All() {
				if r.Run == nil {
					continue
				}
				for _, d := range lint.Check(r, doc, lint.Options{}) {
					got[r.ID] = true
					if !slices.Contains(tc.want, r.ID) {
						t.Errorf("%s: unexpected finding at %d: %s (%q)", r.ID, d.Start, d.Message, tc.text[d.Start:d.End])
					}
				}
			}
			for _, id := range tc.want {
				if !got[id] {
					var ids []string
					for k := range got {
						ids = append(ids, k)
					}
					sort.Strings(ids)
					t.Errorf("want a %s finding; got %s", id, strings.Join(ids, ", "))
				}
			}
		})
	}
}
