package prose_test

import (
	"strings"
	"testing"
	"unicode"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/parse"

	"github.com/copydesk/copydesk/rules/internal/prose"
)

// tokens tokenizes s as one run of prose, as a plain-text block's tokens.
func tokens(s string) ([]byte, []document.Token) {
	src := []byte(s)
	return src, document.Tokenize(nil, src, 0, len(src))
}

// markdown parses s as a Markdown article and returns the tokens of its
// blocks: code spans are gaps there, emphasis marks markup.
func markdown(t *testing.T, s string) ([]byte, []document.Token) {
	t.Helper()
	doc, err := parse.Parse("a.md", []byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc.Src, doc.Tokens
}

// at returns the index of the token that starts where the first
// occurrence of mark in src starts; mark may run past the token ("\" and"
// finds the quote before " and").
func at(t *testing.T, src []byte, toks []document.Token, mark string) int {
	t.Helper()
	off := strings.Index(string(src), mark)
	if off < 0 {
		t.Fatalf("%q not in %q", mark, src)
	}
	for i, tk := range toks {
		if int(tk.Start) == off {
			return i
		}
	}
	t.Fatalf("no token starts at %q in %q", mark, src)
	return -1
}

func TestNoun(t *testing.T) {
	tests := []struct {
		block document.Block
		want  string
	}{
		{document.Block{}, "paragraph"},
		{document.Block{Kind: document.KindQuote}, "paragraph"},
		{document.Block{Role: document.RoleTitle}, "title"},
		{document.Block{Kind: document.KindHeading, Role: document.RoleTitle}, "title"}, // the role wins over the kind
		{document.Block{Role: document.RoleCaption}, "caption"},
		{document.Block{Kind: document.KindField, Role: document.RoleDescription}, "description"},
		{document.Block{Kind: document.KindHeading, Level: 2}, "heading"},
		{document.Block{Kind: document.KindListItem}, "list item"},
		{document.Block{Kind: document.KindTableCell}, "table cell"},
		{document.Block{Role: document.RoleByline}, "paragraph"},
	}
	for _, tt := range tests {
		if got := prose.Noun(&tt.block); got != tt.want {
			t.Errorf("Noun(kind %s, role %s) = %q, want %q", tt.block.Kind, tt.block.Role, got, tt.want)
		}
	}
}

func TestStrayBacktick(t *testing.T) {
	tests := []struct {
		name, text string
		md         bool
		want       bool
	}{
		{"empty", "", false, false},
		{"no backtick", "Run the tests before you merge.", false, false},
		{"unpaired", "Run `go vet before you merge.", true, true},
		{"plain text keeps both", "Run `go vet` first.", false, true},
		{"code span is cut out", "Run `go vet` first.", true, false},
		{"CJK", "运行`测试", false, true},
	}
	for _, tt := range tests {
		src, toks := tokens(tt.text)
		if tt.md {
			src, toks = markdown(t, tt.text)
		}
		if got := prose.StrayBacktick(src, toks); got != tt.want {
			t.Errorf("%s: StrayBacktick(%q) = %v, want %v", tt.name, tt.text, got, tt.want)
		}
	}
}

func TestTemplateEnd(t *testing.T) {
	tests := []struct {
		text, from string
		want       string // the text of the last token; "" for -1
	}{
		{`{{image "harbour.jpg"}} The ferry left.`, "{{", `}`},
		{`{{< figure src="a.png" >}} after`, "{{", "}"},
		{`{% raw %} kept`, "{%", "}"},
		{`{{ never closed`, "{{", ""},
		{`{ {spaced}}`, "{ ", ""}, // the two braces must touch
		{`{x} not a template`, "{x", ""},
		{`{`, "{", ""},             // the last token
		{`a {{x}}`, "a", ""},       // not at a brace
		{`{{x} }`, "{{", ""},       // the closing braces must touch
		{`{{😀}} emoji`, "{{", "}"}, // any content
	}
	for _, tt := range tests {
		src, toks := tokens(tt.text)
		i := at(t, src, toks, tt.from)
		got := prose.TemplateEnd(src, toks, i)
		switch {
		case tt.want == "" && got != -1:
			t.Errorf("TemplateEnd(%q) = %d (%q), want -1", tt.text, got, src[toks[got].Start:toks[got].End()])
		case tt.want != "" && got < 0:
			t.Errorf("TemplateEnd(%q) = -1, want the closing brace", tt.text)
		case tt.want != "":
			// the directive ends at the second brace of its closing pair
			end := int(toks[got].End())
			if string(src[toks[got].Start:end]) != tt.want || end < 2 || src[end-2] != '}' && src[end-2] != '%' {
				t.Errorf("TemplateEnd(%q) ends the directive at %q", tt.text, src[:end])
			}
		}
	}
	src, toks := tokens(`{{a}} and {{b}}`)
	if got := prose.TemplateEnd(src, toks, 0); string(src[:toks[got].End()]) != "{{a}}" {
		t.Errorf("TemplateEnd stops at the first directive's end, got %q", src[:toks[got].End()])
	}
}

func TestTokenAt(t *testing.T) {
	src, toks := tokens("a bb ccc dddd")
	// tokens: a[0,1) " "[1,2) bb[2,4) " "[4,5) ccc[5,8) " "[8,9) dddd[9,13)
	tests := []struct {
		i    int
		off  int32
		want int
	}{
		{0, 0, 0},
		{0, 1, 1}, // "a" ends at 1: the space is the first to end after it
		{0, 3, 2},
		{0, 4, 3},
		{0, 12, 6},
		{0, 13, len(toks)}, // past the last token
		{0, 99, len(toks)},
		{3, 0, 3}, // the search starts at i
		{5, 9, 6},
		{6, 13, len(toks)},
	}
	for _, tt := range tests {
		if got := prose.TokenAt(toks, tt.i, tt.off); got != tt.want {
			t.Errorf("TokenAt(%q, %d, %d) = %d, want %d", src, tt.i, tt.off, got, tt.want)
		}
	}
	if got := prose.TokenAt(nil, 0, 5); got != 0 {
		t.Errorf("TokenAt(no tokens) = %d, want 0", got)
	}
	// A long run, so that the search gallops and halves: every offset
	// agrees with a linear scan.
	long, ltoks := tokens(strings.Repeat("word, ", 300))
	for off := int32(0); off <= int32(len(long))+1; off += 7 {
		want := 0
		for want < len(ltoks) && ltoks[want].End() <= off {
			want++
		}
		if got := prose.TokenAt(ltoks, 0, off); got != want {
			t.Fatalf("TokenAt(long, 0, %d) = %d, want %d", off, got, want)
		}
	}
}

func TestSkipASCII(t *testing.T) {
	tests := []struct {
		text   string
		i, end int // end -1: the text's length
		want   int
	}{
		{"", 0, -1, 0},
		{"plain", 0, -1, 5},
		{"exactly8", 0, -1, 8},
		{"sixteen bytes ok", 0, -1, 16},
		{"café", 0, -1, 3},
		{"a longer line before the café", 0, -1, 28},
		{"a longer line before the café", 5, -1, 28}, // from an odd start
		{"a longer line before the café", 0, 20, 20}, // end comes first
		{"中文", 0, -1, 0},
		{"ok 😀", 0, -1, 3},
		{"line one\r\nline two\r\n", 0, -1, 20}, // CRLF is ASCII
		{"tab\tand\x00nul\x7f", 0, -1, 12},      // so are controls and DEL
		{"é", 2, -1, 2},                         // i == end
	}
	for _, tt := range tests {
		end := tt.end
		if end < 0 {
			end = len(tt.text)
		}
		if got := prose.SkipASCII([]byte(tt.text), tt.i, end); got != tt.want {
			t.Errorf("SkipASCII(%q, %d, %d) = %d, want %d", tt.text, tt.i, end, got, tt.want)
		}
	}
}

func TestIsASCIILetter(t *testing.T) {
	for c := 0; c < 256; c++ {
		want := c < 0x80 && unicode.IsLetter(rune(c))
		if got := prose.IsASCIILetter(byte(c)); got != want {
			t.Errorf("IsASCIILetter(%#x %q) = %v, want %v", c, rune(c), got, want)
		}
	}
}

func TestInProseAndAfterLiteral(t *testing.T) {
	s := "See `go vet` and https://example.org/a.html. Then *rest*.\n"
	_, toks := markdown(t, s)
	off := func(mark string) int { return strings.Index(s, mark) }
	tests := []struct {
		name string
		i, j int
		want bool
	}{
		{"a word", off("See"), off("See") + 3, true},
		{"across emphasis markup", off("Then"), off("rest*") + 4, false},
		{"inside emphasis", off("rest"), off("rest") + 4, true},
		{"touching code", off("See"), off("go vet") + 1, false},
		{"the URL", off("https"), off("https") + 5, false},
		{"after the URL", off(". Then"), off(". Then") + 1, true},
		{"empty range in a word", off("and") + 1, off("and") + 1, true},
		{"before the first token", -1, 0, false},
		{"past the last token", len(s) + 1, len(s) + 2, false},
	}
	for _, tt := range tests {
		if got := prose.InProse(toks, tt.i, tt.j); got != tt.want {
			t.Errorf("%s: InProse(%d, %d) = %v, want %v", tt.name, tt.i, tt.j, got, tt.want)
		}
	}
	if !prose.AfterLiteral(toks, off(". Then")) {
		t.Errorf("AfterLiteral: the full stop right after the URL is not seen")
	}
	for _, mark := range []string{"See", "and", " Then", "rest"} {
		if prose.AfterLiteral(toks, off(mark)) {
			t.Errorf("AfterLiteral(%q) = true, want false", mark)
		}
	}
	if prose.AfterLiteral(nil, 0) {
		t.Errorf("AfterLiteral(no tokens) = true")
	}
}

func TestTeX(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"", false},
		{`ratio $\frac{a}{b}$ here`, true},
		{`$\text{km}$`, true},
		{`a \frac {a} with a space`, false},
		{`a lone \ backslash {b}`, false},
		{`no backslash {at} all`, false},
		{`\x`, false}, // too short
		{`中文 \ce{H2O} 化学`, true},
	}
	for _, tt := range tests {
		src, toks := tokens(tt.text)
		if got := prose.TeX(src, toks); got != tt.want {
			t.Errorf("TeX(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
