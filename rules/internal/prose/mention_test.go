package prose_test

import (
	"testing"

	"github.com/copydesk/copydesk/rules/internal/prose"
)

func TestMentioned(t *testing.T) {
	tests := []struct {
		text, first, last string // the tokens from first to last
		md                bool
		want              bool
	}{
		{`Fix "the the" here.`, "the the", "the\"", false, true},
		{`Fix ‘of’ here.`, "of", "of", false, true},
		{`Fix «de» here.`, "de", "de", false, true},
		{`引用「测试」。`, "测试", "测试", false, true},
		{`Fix "the the here.`, "the the", "the here", false, false}, // not closed right after
		{`Fix " the " here.`, "the", "the", false, false},           // the marks must touch
		{`Fix (the) here.`, "the", "the", false, false},             // brackets are not quotation
		{`the the" at the start`, "the the", "the\"", false, false}, // nothing before it
		{`Fix *the the* here.`, "the the", "the*", true, true},
		{`Fix **of** here.`, "of", "of", true, true},
		{`Fix ~~of~~ here.`, "of", "of", true, true},
		{`Fix [of](x.md) here.`, "of", "of", true, false}, // a link is not a mention
	}
	for _, tt := range tests {
		src, toks := tokens(tt.text)
		if tt.md {
			src, toks = markdown(t, tt.text+"\n")
		}
		i, j := at(t, src, toks, tt.first), at(t, src, toks, tt.last)
		if got := prose.Mentioned(src, toks, i, j); got != tt.want {
			t.Errorf("Mentioned(%q, %q..%q) = %v, want %v", tt.text, tt.first, tt.last, got, tt.want)
		}
	}
	src, toks := tokens(`"of"`)
	if !prose.Mentioned(src, toks, 1, 1) {
		t.Errorf(`Mentioned("of") = false, want true`)
	}
	if prose.Mentioned(src, toks, 0, 0) || prose.Mentioned(src, toks, 2, 2) {
		t.Errorf("Mentioned at the first or last token must be false: nothing encloses it")
	}
}

func TestEmphasis(t *testing.T) {
	tests := []struct {
		markup string
		want   bool
	}{
		{"", false},
		{"*", true},
		{"__", true},
		{"~~", true},
		{"***", true},
		{"*_", true},
		{"`", false},
		{"*a", false},
		{"](x.md)", false},
		{"\u00a0*", false},
	}
	for _, tt := range tests {
		if got := prose.Emphasis([]byte(tt.markup)); got != tt.want {
			t.Errorf("Emphasis(%q) = %v, want %v", tt.markup, got, tt.want)
		}
	}
}
