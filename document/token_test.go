package document

import "testing"

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
			if tok.Kind == TokLiteral {
				got = tc.text[tok.Start:tok.End]
				code = tok.Code([]byte(tc.text))
			}
		}
		if got != tc.want || code != tc.code {
			t.Errorf("%q: literal %q (code %v), want %q (code %v)", tc.text, got, code, tc.want, tc.code)
		}
	}
}
