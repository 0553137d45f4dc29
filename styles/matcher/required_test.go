package matcher

import (
	"regexp"

	"slices"
	"strings"
	"testing"

	"github.com/dlclark/regexp2"
)

func TestRequired(t *testing.T) {
	tests := []struct {
		expr string
		want []string // nil: no literal set
	}{
		{`utilize`, []string{"utilize"}},
		{`(?i)\b(?:Utilize|e-mail)\b`, []string{"utilize", "e-mail"}},
		{`allows?`, []string{"allow"}},
		{`[sS]ome`, []string{"some"}},
		{`\b(am|is)\b\s*\b(?:\w+ed|given)\b`, []string{"am", "is"}},
		{`(?:^|\s)I(?=,\s)`, []string{"i,\t", "i,\n", "i,\f", "i,\r", "i, "}},
		{`it is(?!\.)`, []string{"it is"}},
		{`(?<=\bthe\s)foo`, []string{"the\tfoo", "the\nfoo", "the\ffoo", "the\rfoo", "the foo"}},
		// A lookaround inside is zero-width: what is consumed is still "ad".
		{`a(?=bc)d`, []string{"ad"}},
		{`x(?=y)z(?!w)`, []string{"xz"}},
		{`[a-z][.?!] {2,}[A-Z]`, []string{".  ", "?  ", "!  "}},
		{`\w+`, nil},
		{`[^\s]+`, nil},
		{`colou?r`, []string{"colo"}},
		{`x*`, nil},
		{`(?i)café`, nil},
		{`café`, []string{"café"}},
		{`(a|b*)`, nil},
	}
	for _, tt := range tests {
		got, ok := Required(tt.expr)
		if !ok {
			got = nil
		}
		slices.Sort(got)
		want := slices.Clone(tt.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("Required(%q) = %q, want %q", tt.expr, got, want)
		}
	}
}

// TestRequiredSound checks the promise on real matches: every match, with
// the text around it, holds one of the literals.
func TestRequiredSound(t *testing.T) {
	cases := []struct {
		expr string
		text string
	}{
		{`(?i)\b(am|are|is)\b\s*\b(?:\w+ed|given)\b`, "It IS given. They are tired and we am  mended."},
		{`(?:^|\s)I(?=,\s)`, "Then I, too, left. I, alone."},
		{`(?i)colou?r`, "Colour and COLOR"},
		{`[a-z][.?!] {2,}[A-Z]`, "end.  Next and end?   Then"},
		{`\d{1,2}[AP]M`, "at 10AM and 9PM"},
	}
	for _, c := range cases {
		lits, ok := Required(c.expr)
		if !ok {
			t.Errorf("Required(%q): no literals", c.expr)
			continue
		}
		ms := findAll(c.expr, c.text)
		if len(ms) == 0 {
			t.Fatalf("%q does not match %q", c.expr, c.text)
		}
		for _, m := range ms {
			around := strings.ToLower(c.text[max(0, m[0]-4):min(len(c.text), m[1]+4)])
			found := false
			for _, l := range lits {
				found = found || strings.Contains(around, l)
			}
			if !found {
				t.Errorf("%q: match %q holds none of %q", c.expr, c.text[m[0]:m[1]], lits)
			}
		}
	}
}

func TestAutomaton(t *testing.T) {
	var b Builder
	words := []string{"he", "she", "his", "hers", "e-mail", "per cent", "I"}
	for i, w := range words {
		b.Add(w, int32(i))
	}
	a := b.Build()
	text := "USHERS said HIS e-mail: 5 per cent. i"
	var got []string
	a.Scan([]byte(text), func(id int32, end int) {
		got = append(got, words[id]+"@"+text[end-len(words[id]):end])
	})
	want := []string{"she@SHE", "he@HE", "hers@HERS", "his@HIS", "e-mail@e-mail", "per cent@per cent", "I@I", "I@i"}
	slices.Sort(got)
	slices.Sort(want)
	// "i" also occurs inside "said" and "his".
	got = slices.DeleteFunc(got, func(s string) bool { return s == "I@i" })
	want = slices.DeleteFunc(want, func(s string) bool { return s == "I@i" })
	if !slices.Equal(got, want) {
		t.Errorf("hits = %q, want %q", got, want)
	}
}

// findAll matches with Go's regexp, or regexp2 for lookarounds; the texts
// are ASCII, so regexp2's rune offsets are byte offsets.
func findAll(expr, text string) [][]int {
	if re, err := regexp.Compile(expr); err == nil {
		return re.FindAllStringIndex(text, -1)
	}
	re := regexp2.MustCompile(expr, regexp2.RE2)
	var out [][]int
	m, _ := re.FindStringMatch(text)
	for m != nil {
		out = append(out, []int{m.Index, m.Index + m.Length})
		m, _ = re.FindNextMatch(m)
	}
	return out
}
