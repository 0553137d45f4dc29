package document

import "testing"

// FuzzTokenize holds Tokenize's inline fast path for plain ASCII words to
// the answer of wordToken, which handles every word: each word, number or
// literal Tokenize starts at an ASCII letter or digit must be the token
// wordToken reads there; and every token's kind and flags must have a
// state to be kept in (see Token).
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"\ufeff新闻\r\n\r\n发布时间：2025年3月14日\r\n", "  • Title\n----\n    Body  text.\u00a0\n", "don't 3.5 1,000 14:42 snake_case", "see example.org/a, a/b/c and/or x@y.z", "Word. word, word-word word's wordé"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		src := []byte(s)
		for _, tok := range Tokenize(nil, src, 0, len(src)) {
			if tok.TooLong() {
				t.Fatalf("%q at %d: a %v token with flags %v has no state (or is too long)", s, tok.Start, tok.Kind(), tok.Flags())
			}
			if c := src[tok.Start]; tok.Kind() == TokPunct || c >= 0x80 || asciiClass[c] != cLetter && asciiClass[c] != cDigit {
				continue
			}
			end, want := wordToken(nil, src, int(tok.Start), len(src))
			if len(want) != 1 || want[0] != tok || int(want[0].End()) != end {
				t.Fatalf("%q at %d: Tokenize gave %+v, wordToken %+v", s, tok.Start, tok, want)
			}
		}
	})
}
