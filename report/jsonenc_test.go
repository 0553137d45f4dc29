package report

import (
	"bytes"
	"encoding/json"
	"testing"
)

func encodingJSON(t testing.TB, v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// FuzzAppendDiagnostic holds the hand-written encoder to encoding/json's
// output byte for byte.
func FuzzAppendDiagnostic(f *testing.F) {
	for _, s := range []string{"plain", "quote \" and \\ back", "ctl \x00\x01\b\f\n\r\t\x1f", "bad \xff\xfe utf-8", "line\u2028para\u2029", "“curly” 中文 <&>", ""} {
		f.Add(s, s+"!", 7, true)
	}
	f.Fuzz(func(t *testing.T, msg, text string, n int, fix bool) {
		d := jsonDiagnostic{Path: text, Line: n, Column: -n, EndLine: n + 1, EndColumn: 3, Offset: n * 2, EndOffset: n*2 + 1, Rule: "repeated-word", Category: "typography", Severity: "warning", Message: msg}
		if fix {
			d.Fix = &jsonFix{Applicability: "safe", Message: msg, Edits: []jsonEdit{{Offset: 1, EndOffset: 2, NewText: text}, {Offset: 3, EndOffset: 3, NewText: msg}}}
		}
		got := appendDiagnostic(nil, &d)
		want := encodingJSON(t, d)
		if !bytes.Equal(got, want) {
			t.Fatalf("hand-written:\n%s\nencoding/json:\n%s", got, want)
		}
	})
}
