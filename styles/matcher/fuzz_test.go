package matcher

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// FuzzScan holds the automaton to a naive search with ASCII folded.
func FuzzScan(f *testing.F) {
	f.Add("he\nshe\nhis\nhers", "USHERS said his")
	f.Add("a\naa\naaa", "aaaa")
	f.Add("é\nÉ\nper cent", "É é per  cent per cent")
	f.Fuzz(func(t *testing.T, pats, text string) {
		lits := strings.Split(pats, "\n")
		if len(lits) > 50 {
			return
		}
		var b Builder
		for i, l := range lits {
			b.Add(l, int32(i))
		}
		a := b.Build()
		var got []string
		a.Scan([]byte(text), func(id int32, end int) {
			got = append(got, lits[id]+"@"+strconv.Itoa(end))
		})
		var want []string
		lower := asciiLower(text)
		for i, l := range lits {
			if l == "" {
				continue
			}
			ll := asciiLower(l)
			for j := 0; j+len(ll) <= len(lower); j++ {
				if lower[j:j+len(ll)] == ll {
					want = append(want, lits[i]+"@"+strconv.Itoa(j+len(ll)))
				}
			}
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Fatalf("scan = %q, want %q", got, want)
		}
	})
}

// FuzzRequired: every match of a pattern Go compiles holds one of the
// literals Required returns, and a pattern tried at its prefix literals
// finds the matches FindAll finds.
func FuzzRequired(f *testing.F) {
	f.Add(`(?i)\b(am|is)\b\s*\b(?:\w+ed|given)\b`, "It IS given, he is tired.")
	f.Add(`[a-z][.?!] {2,}[A-Z]`, "end.  Next")
	f.Add(`colou?r|hue`, "Colour hue COLOR")
	f.Add(`\bSo[\s,]|(?:[;-]\s)so[\s,]`, "So, we left; so we did")
	f.Fuzz(func(t *testing.T, expr, text string) {
		re, err := regexp.Compile(expr)
		if err != nil || len(expr) > 200 {
			return
		}
		lits, ok := Required(expr)
		if !ok {
			return
		}
		lower := asciiLower(text)
		for _, m := range re.FindAllStringIndex(text, -1) {
			found := false
			for _, l := range lits {
				found = found || strings.Contains(lower[m[0]:m[1]], l)
			}
			if !found && m[1] > m[0] {
				t.Fatalf("%q matches %q, which holds none of %q", expr, text[m[0]:m[1]], lits)
			}
		}
	})
}
