package prose_test

import (
	"testing"

	"github.com/copydesk/copydesk/rules/internal/prose"
)

var sideNames = map[prose.QuoteSide]string{
	prose.SideEdge: "edge", prose.SideOpen: "open", prose.SideClose: "close",
	prose.SideDigit: "digit", prose.SideText: "text", prose.SideCut: "cut",
}

func TestQuoteOpensCloses(t *testing.T) {
	sides := []prose.QuoteSide{prose.SideEdge, prose.SideOpen, prose.SideClose, prose.SideDigit, prose.SideText, prose.SideCut}
	opens := map[[2]prose.QuoteSide]bool{}
	closes := map[[2]prose.QuoteSide]bool{}
	for _, b := range []prose.QuoteSide{prose.SideEdge, prose.SideOpen} {
		for _, a := range []prose.QuoteSide{prose.SideOpen, prose.SideDigit, prose.SideText, prose.SideCut} {
			opens[[2]prose.QuoteSide{b, a}] = true
		}
	}
	for _, b := range []prose.QuoteSide{prose.SideClose, prose.SideDigit, prose.SideText, prose.SideCut} {
		for _, a := range []prose.QuoteSide{prose.SideEdge, prose.SideClose} {
			closes[[2]prose.QuoteSide{b, a}] = true
		}
	}
	for _, b := range sides {
		for _, a := range sides {
			k := [2]prose.QuoteSide{b, a}
			if got := prose.QuoteOpens(b, a); got != opens[k] {
				t.Errorf("QuoteOpens(%s, %s) = %v", sideNames[b], sideNames[a], got)
			}
			if got := prose.QuoteCloses(b, a); got != closes[k] {
				t.Errorf("QuoteCloses(%s, %s) = %v", sideNames[b], sideNames[a], got)
			}
		}
	}
}

func TestQuoteSides(t *testing.T) {
	tests := []struct {
		text, quote   string // quote: where the quotation mark starts
		md            bool
		before, after prose.QuoteSide
	}{
		{`He said "yes" and left.`, `"yes`, false, prose.SideEdge, prose.SideText},
		{`He said "yes" and left.`, `" and`, false, prose.SideText, prose.SideEdge},
		{`"Start of the text`, `"`, false, prose.SideEdge, prose.SideText},
		{`the end"`, `"`, false, prose.SideText, prose.SideEdge},
		{`("quoted")`, `"quoted`, false, prose.SideOpen, prose.SideText},
		{`("quoted")`, `")`, false, prose.SideText, prose.SideClose},
		{`a 15" screen`, `"`, false, prose.SideDigit, prose.SideEdge},
		{`then—"Go!"`, `"Go`, false, prose.SideOpen, prose.SideText},
		{`she wrote “'Yes' he said”`, `'Yes`, false, prose.SideOpen, prose.SideText},
		{`'"Yes"'`, `"Yes`, false, prose.SideOpen, prose.SideText}, // the quote before takes the side of what precedes it
		{`word'"`, `"`, false, prose.SideText, prose.SideEdge},
		{`a\"b`, `"`, false, prose.SideText, prose.SideText}, // a Markdown escape is looked through
		{`"...and then"`, `"...`, false, prose.SideEdge, prose.SideText},
		{`"…and then"`, `"…`, false, prose.SideEdge, prose.SideText},
		{`say "-v" here`, `"-v`, false, prose.SideEdge, prose.SideText},
		{`say "-- " here`, `"--`, false, prose.SideEdge, prose.SideClose},
		{`end".`, `"`, false, prose.SideText, prose.SideClose},
		{`end"` + "\r\n" + `next`, `"`, false, prose.SideText, prose.SideEdge},
		{`中文"引用`, `"`, false, prose.SideText, prose.SideText},
		{`「"引用」`, `"`, false, prose.SideOpen, prose.SideText},
		{`wave "😀"`, `"😀`, false, prose.SideEdge, prose.SideText},
		{`Read *"this"* now.`, `"this`, true, prose.SideEdge, prose.SideText}, // emphasis is looked through
		{"Run `x`\" now", `" now`, true, prose.SideCut, prose.SideEdge},
	}
	for _, tt := range tests {
		src, toks := tokens(tt.text)
		if tt.md {
			src, toks = markdown(t, tt.text+"\n")
		}
		i := at(t, src, toks, tt.quote)
		if got := prose.QuoteBefore(src, toks, i); got != tt.before {
			t.Errorf("QuoteBefore(%q at %q) = %s, want %s", tt.text, tt.quote, sideNames[got], sideNames[tt.before])
		}
		if got := prose.QuoteAfter(src, toks, i); got != tt.after {
			t.Errorf("QuoteAfter(%q at %q) = %s, want %s", tt.text, tt.quote, sideNames[got], sideNames[tt.after])
		}
	}
}

func TestClosedLater(t *testing.T) {
	tests := []struct {
		text, from string
		want       bool
	}{
		{`a "b c" d`, `"b`, true},
		{`a "b "c d`, `"b`, false},       // the next one opens
		{`a "b 10" screen`, `"b`, false}, // an inch mark, then nothing
		{`a "b 10" screen, she said" .`, `"b`, true},
		{`a "b c`, `"b`, false},     // no quote after it
		{`a "b c" d`, `" d`, false}, // nothing after the last one
		{`"多" 的"字"`, `"多`, true},    // the quote after 多 closes
		{"\"x\r\ny\"\r\n", `"x`, true},
	}
	for _, tt := range tests {
		src, toks := tokens(tt.text)
		if got := prose.ClosedLater(src, toks, at(t, src, toks, tt.from)); got != tt.want {
			t.Errorf("ClosedLater(%q from %q) = %v, want %v", tt.text, tt.from, got, tt.want)
		}
	}
}

func TestIsEllipsis(t *testing.T) {
	tests := []struct {
		text, at string
		want     bool
	}{
		{"wait…", "…", true},
		{"wait...", "...", true},   // the first of three full stops
		{"wait. Then", ".", false}, // one full stop
		{"end.", ".", false},       // the text ends after it
		{"a—b", "—", false},        // a three-byte mark that is not …
		{"yes” he", "”", false},    // shares the first two bytes of …
		{"中文……", "……", true},
	}
	for _, tt := range tests {
		src, toks := tokens(tt.text)
		i := at(t, src, toks, tt.at)
		if got := prose.IsEllipsis(src, toks[i]); got != tt.want {
			t.Errorf("IsEllipsis(%q at %q) = %v, want %v", tt.text, tt.at, got, tt.want)
		}
	}
	src, toks := tokens("wait...")
	if last := toks[len(toks)-1]; prose.IsEllipsis(src, last) {
		t.Errorf("IsEllipsis: the last of three full stops starts no ellipsis")
	}
}
