package document

import (
	"testing"
	"unsafe"
)

// TestCodeTokens: code-like tokens in running text are one literal, so
// punctuation rules do not read their colons, dots and brackets; sentences
// run together stay words and marks.
func TestCodeTokens(t *testing.T) {
	for _, tc := range []struct {
		text, want string // want: the literal found, or "" for none
		code       bool
	}{
		{"the v8:: namespace", "v8::", true},
		{"use std::tr1::shared_ptr here", "std::tr1::shared_ptr", true},
		{"old std::tr1:: helpers", "std::tr1::", true},
		{"listen on ::1 now", "::1", true},
		{"and on fe80::1 too", "fe80::1", true},
		{"call True() first", "True()", true},
		{"then os.Exit() runs", "os.Exit()", true},
		{"the node->next pointer", "node->next", true},
		{"import os.path first", "os.path", true},
		{"an http.ResponseWriter value", "http.ResponseWriter", true},
		{"release v1.2.3 is out", "v1.2.3", true},
		{"a lantern_notes.pdf file", "lantern_notes.pdf", false},
		{"the end.The next one", "", false},
		{"the year 2025.It rained", "", false},
		{"this e.g. that", "", false},
		{"arrive by ship::", "", false},
		{"see example.org today", "example.org", false},
	} {
		toks := Tokenize(nil, []byte(tc.text), 0, len(tc.text))
		got := ""
		code := false
		for _, tok := range toks {
			if tok.Kind() == TokLiteral {
				got = tc.text[tok.Start:tok.End()]
				code = tok.Code([]byte(tc.text))
			}
		}
		if got != tc.want || code != tc.code {
			t.Errorf("%q: literal %q (code %v), want %q (code %v)", tc.text, got, code, tc.want, tc.code)
		}
	}
}

// TestTokenPacking: every kind keeps the flags the tokenizers give it, and
// its length up to MaxTokenLen, in the 8 bytes of a Token.
func TestTokenPacking(t *testing.T) {
	flags := map[TokenKind][]TokenFlags{
		TokWord:   {0, FlagUpper, FlagDigit | FlagUpper, FlagApostrophe | FlagNonASCII, FlagUpper | FlagDigit | FlagApostrophe | FlagNonASCII, FlagCJK},
		TokNumber: {0, FlagNonASCII, FlagNonASCII | FlagApostrophe},
		TokSpace:  {0, FlagOddSpace},
		TokMarkup: {0, FlagHasSpace},
		TokPunct:  {0}, TokNewline: {0}, TokLiteral: {0}, TokInvisible: {0}, TokGap: {0},
	}
	for k, fs := range flags {
		for _, f := range fs {
			for _, span := range []Span{{0, 0}, {3, 4}, {1 << 30, 1<<30 + 17}, {5, 5 + MaxTokenLen}} {
				tok := NewToken(span.Start, span.End, k, f)
				if tok.Kind() != k || tok.Flags() != f || tok.Span() != span || tok.TooLong() {
					t.Errorf("NewToken(%v, %v, %v): kind %v, flags %v, span %v, too long %v", span, k, f, tok.Kind(), tok.Flags(), tok.Span(), tok.TooLong())
				}
			}
		}
	}
	if tok := NewToken(7, 7+MaxTokenLen+1, TokWord, FlagUpper); !tok.TooLong() || tok.Kind() != TokWord || tok.Flags() != FlagUpper {
		t.Errorf("a token past MaxTokenLen: too long %v, kind %v, flags %v", tok.TooLong(), tok.Kind(), tok.Flags())
	}
	for _, bad := range []struct {
		k TokenKind
		f TokenFlags
	}{{TokSpace, FlagUpper}, {TokNumber, FlagUpper}, {TokWord, FlagCJK | FlagUpper}, {TokPunct, FlagOddSpace}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("NewToken(%v, %v) did not panic", bad.k, bad.f)
				}
			}()
			NewToken(0, 1, bad.k, bad.f)
		}()
	}
}

// TestBlockSize: a long document has a block every few hundred bytes, and
// its blocks are kept while its rules run; a field added in the wrong
// place grows every block by its alignment.
func TestBlockSize(t *testing.T) {
	if got := unsafe.Sizeof(Block{}); got > 48 {
		t.Errorf("a Block takes %d bytes, want 48 at most", got)
	}
}
