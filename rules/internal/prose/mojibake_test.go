package prose_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/parse"

	"golang.org/x/text/encoding/charmap"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/prose"
)

// mangle writes s as mojibake: its UTF-8 bytes read as Windows-1252, and
// the five bytes Windows-1252 leaves undefined as Latin-1 (C1 controls), as
// browsers and editors do.
func mangle(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		r := charmap.Windows1252.DecodeByte(s[i])
		if r == utf8.RuneError {
			r = rune(s[i])
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestContinuationByte(t *testing.T) {
	tests := []struct {
		r    rune
		want byte
		ok   bool
	}{
		{'a', 0, false},
		{0x7F, 0, false},
		{0x80, 0x80, true}, // a C1 control read as Latin-1
		{'€', 0x80, true},
		{'™', 0x99, true},
		{'Ÿ', 0x9F, true},
		{'\u00a0', 0xA0, true},
		{'©', 0xA9, true},
		{'¿', 0xBF, true},
		{'À', 0, false}, // 0xC0 leads a sequence, it does not continue one
		{'ÿ', 0, false},
		{'中', 0, false},
		{'😀', 0, false},
		{-1, 0, false},
	}
	for _, tt := range tests {
		b, ok := prose.ContinuationByte(tt.r)
		if b != tt.want || ok != tt.ok {
			t.Errorf("ContinuationByte(%U) = %#x, %v; want %#x, %v", tt.r, b, ok, tt.want, tt.ok)
		}
	}
	// Every continuation byte comes back from the character Windows-1252
	// reads it as.
	for c := 0x80; c <= 0xBF; c++ {
		r := []rune(mangle(string([]byte{byte(c)})))[0]
		if b, ok := prose.ContinuationByte(r); !ok || b != byte(c) {
			t.Errorf("ContinuationByte(%U) = %#x, %v; want %#x", r, b, ok, c)
		}
	}
}

func TestFindMojibake(t *testing.T) {
	type want struct {
		found   bool
		text    string // what the finding covers
		newText string // the fix's replacement; "-" for no fix
		msg     string // a part of the message
	}
	tests := []struct {
		name, text, at string
		hi             int // 0: the text's length
		want           want
	}{
		{"accent", "The caf" + mangle("é") + " opened.", "Ã", 0, want{true, "Ã©", "é", "UTF-8 read as Windows-1252"}},
		{"apostrophe", "it" + mangle("’") + "s late", "â", 0, want{true, mangle("’"), "’", `replace it with "’"`}},
		{"emoji", "wave " + mangle("😀") + " now", "ð", 0, want{true, mangle("😀"), "😀", "mojibake"}},
		{"two CJK characters", "说" + mangle("中文"), "ä", 0, want{true, mangle("中文"), "中文", "mojibake"}},
		{"one CJK character alone", "x " + mangle("中") + " y", "ä", 0, want{found: false}},
		{"byte order mark", mangle("\ufeff") + "Title", "ï", 0, want{true, "ï»¿", "", "byte order mark"}},
		{"quote that lost its last byte", "he said â€ and left", "â", 0, want{true, "â€", "”", "right double quotation mark"}},
		{"dash or quote before a straight quote", `he said â€" and left`, "â", 0, want{true, `â€"`, "-", "write the character meant"}},
		{"stray Â before a space", "10Â km", "Â", 0, want{true, "Â", "", `stray "Â"`}},
		{"stray Â after an ASCII capital", "NASAÂ said", "Â", 0, want{true, "Â", "", `stray "Â"`}},
		{"Â ending an upper-case word", "ÉTÉÂ fin", "Â", 0, want{found: false}},
		{"real capital Ã", "SÃO PAULO", "Ã", 0, want{found: false}},
		{"cut by the prose range", "caf" + mangle("é"), "Ã", len("caf") + 2, want{found: false}},
		{"CRLF after it", "caf" + mangle("é") + "\r\n", "Ã", 0, want{true, "Ã©", "é", "mojibake"}},
	}
	for _, tt := range tests {
		src := []byte(tt.text)
		i := strings.Index(tt.text, tt.at)
		hi := tt.hi
		if hi == 0 {
			hi = len(src)
		}
		d, end, ok := prose.FindMojibake(src, 0, hi, i)
		if ok != tt.want.found {
			t.Errorf("%s: FindMojibake(%q) found=%v, want %v (%+v)", tt.name, tt.text, ok, tt.want.found, d)
			continue
		}
		if !ok {
			if end != i {
				t.Errorf("%s: no finding, but the run ends at %d, not at its start %d", tt.name, end, i)
			}
			continue
		}
		if d.Start != i || string(src[d.Start:d.End]) != tt.want.text || end != d.End {
			t.Errorf("%s: finding covers %q (end %d), want %q", tt.name, src[d.Start:d.End], end, tt.want.text)
		}
		if !strings.Contains(d.Message, tt.want.msg) {
			t.Errorf("%s: message %q does not say %q", tt.name, d.Message, tt.want.msg)
		}
		switch {
		case tt.want.newText == "-":
			if d.Fix != nil {
				t.Errorf("%s: a fix %+v, want none", tt.name, d.Fix)
			}
		case d.Fix == nil || len(d.Fix.Edits) != 1:
			t.Errorf("%s: fix %+v, want one edit", tt.name, d.Fix)
		default:
			e := d.Fix.Edits[0]
			if e.NewText != tt.want.newText || e.Start != d.Start || e.End != d.End || d.Fix.Applicability != lint.Unsafe {
				t.Errorf("%s: fix %+v, want an unsafe edit of the finding to %q", tt.name, d.Fix, tt.want.newText)
			}
		}
	}
}

func TestGarbledAndReport(t *testing.T) {
	text := "A title\n\nThe caf" + mangle("é") + " opened on the harbour.\n\n中文段落。\n"
	doc, err := parse.Parse("a.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	span := func(s string) (int, int) {
		i := strings.Index(text, s)
		if i < 0 {
			t.Fatalf("%q not in the text", s)
		}
		return i, i + len(s)
	}
	tests := []struct {
		over string
		want bool
	}{
		{"caf" + mangle("é"), true},
		{"caf", true}, // the word holds mojibake
		{"The", false},
		{"harbour", false},
		{"中文", false},
		{"A title", false},
	}
	for _, tt := range tests {
		s, e := span(tt.over)
		if got := prose.Garbled(doc, s, e); got != tt.want {
			t.Errorf("Garbled(%q) = %v, want %v", tt.over, got, tt.want)
		}
	}
	if prose.Garbled(doc, len(text)+5, len(text)+6) {
		t.Errorf("Garbled past the last block = true")
	}

	// Report drops the finding on the garbled word and keeps the other.
	rule := &lint.Rule{ID: "test-rule", Category: lint.CategoryTypography, Run: func(pass *lint.Pass) {
		for _, w := range []string{"caf", "harbour"} {
			s, e := span(w)
			prose.Report(pass, lint.Diagnostic{Start: s, End: e, Message: w})
		}
	}}
	got := lint.Check(rule, doc, lint.Options{})
	if len(got) != 1 || got[0].Message != "harbour" || got[0].Rule != "test-rule" {
		t.Errorf("Report kept %+v, want only the finding on \"harbour\"", got)
	}
}
