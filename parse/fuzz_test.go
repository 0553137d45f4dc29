package parse

import (
	"testing"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
)

// checkInvariants asserts what every rule relies on: blocks and tokens lie
// inside the source, tokens of a block are ordered and disjoint, positions
// map back to lines that exist.
func checkInvariants(t *testing.T, doc *document.Document) {
	n := int32(len(doc.Src))
	for bi, b := range doc.Blocks {
		if b.Start < 0 || b.End > len(doc.Src) || b.Start > b.End {
			t.Fatalf("block %d span %v outside source of %d bytes", bi, b.Span, n)
		}
		if b.Tok0 > b.Tok1 || int(b.Tok1) > len(doc.Tokens) {
			t.Fatalf("block %d tokens [%d,%d) of %d", bi, b.Tok0, b.Tok1, len(doc.Tokens))
		}
		prev := int32(-1)
		for _, tok := range doc.BlockTokens(&doc.Blocks[bi]) {
			if tok.Start < prev || tok.Start > tok.End() || tok.End() > n {
				t.Fatalf("block %d: token %+v after %d in %d bytes", bi, tok, prev, n)
			}
			if tok.Kind() != document.TokGap && tok.Kind() != document.TokMarkup && tok.End() == tok.Start {
				t.Fatalf("empty %s token at %d", tok.Kind(), tok.Start)
			}
			prev = tok.End()
		}
	}
	for _, l := range doc.Nav {
		if l.Span.End > len(doc.Src) || l.Span.Start > l.Span.End {
			t.Fatalf("nav span %v", l.Span)
		}
	}
	if doc.Date != nil && (doc.Date.Span.End > len(doc.Src) || doc.Date.Span.Start > doc.Date.Span.End) {
		t.Fatalf("date span %v", doc.Date.Span)
	}
	for i := 1; i < len(doc.Verbatim); i++ {
		if doc.Verbatim[i].Start < doc.Verbatim[i-1].Start {
			t.Fatalf("verbatim spans out of order: %v", doc.Verbatim)
		}
	}
	for off := 0; off <= len(doc.Src); off += 1 + len(doc.Src)/50 {
		line, col := doc.Position(off)
		if line < 1 || line > doc.Lines() || col < 1 {
			t.Fatalf("Position(%d) = %d:%d with %d lines", off, line, col, doc.Lines())
		}
	}
}

var fuzzSeeds = []string{
	"Institute News\n\nMuseum signs partnership\n\nDate:2025-03-14 09:30\n\nphoto_01.jpg\n\nAt the ceremony\n\nThe the delegation visited.\n\n[next]:Other\n",
	"  • Title\n----\n  • Posted on April 2, 2025\n\n    Body  text.\u00a0\n",
	"\ufeff新闻\r\n\r\n标题\r\n\r\n发布时间：2025年3月14日\r\n\r\n上一篇：x\r\n",
	"---\ntitle: x\nprev: {text: a, link: ./a.md}\n---\n\n# H\n\nto `x` to <b>y</b> [a](b) *c* d\n\n```\ncode\n```\n> q\n> r\n",
	"+++\ntitle = \"t\"\n+++\nbody\n",
	"---\n---\n",
	"",
	"\n\n\n",
	"Date: 2025-02-30 25:61\n",
	">\t  0",            // goldmark counts the expanded tab: a position past the end
	"-\t\tcode\n>\t\tx", // tabs in list items and quotes
}

func FuzzParseText(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := Parse("a.txt", []byte(s))
		if err != nil {
			return
		}
		checkInvariants(t, doc)
	})
}

func FuzzParseMarkdown(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := Parse("a.md", []byte(s))
		if err != nil {
			return
		}
		checkInvariants(t, doc)
	})
}

// checkMarkupInvariants: protected spans lie in the source, and no prose
// token overlaps markup (a container line, a shortcode, a JSX tag).
func checkMarkupInvariants(t *testing.T, doc *document.Document) {
	for i, p := range doc.Protected {
		if p.Start < 0 || p.End > len(doc.Src) || p.Start >= p.End {
			t.Fatalf("protected span %v outside source of %d bytes", p.Span, len(doc.Src))
		}
		if i > 0 && p.Start < doc.Protected[i-1].Start {
			t.Fatalf("protected spans out of order")
		}
	}
	for bi := range doc.Blocks {
		for _, tok := range doc.BlockTokens(&doc.Blocks[bi]) {
			if tok.Kind() == document.TokGap || tok.Kind() == document.TokMarkup {
				continue
			}
			e := lint.Edit{Start: int(tok.Start), End: int(tok.End())}
			if p, ok := doc.ProtectedAt(e.Start, e.End); ok && p.Kind == document.ProtectMarkup {
				t.Fatalf("%s token %q at %d overlaps markup %q", tok.Kind(), doc.Text(tok.Span()), tok.Start, doc.Text(p.Span))
			}
		}
	}
}

var htmlSeeds = []string{
	"<!DOCTYPE html><html><head><title>T &amp; U</title><meta property=\"article:published_time\" content=\"2025-03-14\"></head><body><h1>Title</h1><p>The the text&nbsp;here.</p></body></html>",
	"<p>Date:2025-04-02</p><p>[next]:Other</p><a rel=next href=b.html>b</a>",
	"<pre>x</pre><code>y<script>z</script><style>q</style><textarea>w</textarea>",
	"<p unclosed <b>bold <i>x</b></i> &#xfe0e; &bogus; &amp",
	"<!-- copydesk-disable-next-line repeated-word -- a reason -->\n<p>a a</p>",
	"",
}

func FuzzParseHTML(f *testing.F) {
	for _, s := range append(htmlSeeds, fuzzSeeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := Parse("a.html", []byte(s))
		if err != nil {
			return
		}
		checkInvariants(t, doc)
		checkMarkupInvariants(t, doc)
		// Raw HTML blocks in Markdown go through the same reader.
		if md, err := Parse("a.md", []byte(s)); err == nil {
			checkInvariants(t, md)
			checkMarkupInvariants(t, md)
		}
	})
}

var mdxSeeds = []string{
	"---\ntitle: x\n---\nimport A from './a';\nexport const b = {\n  c: 1,\n};\n\n<Tabs>\n  <TabItem value=\"npm\">\n    Run the the tool.\n    ```sh\n    npm i\n    ```\n  </TabItem>\n</Tabs>\n",
	"Count {props.n} items {/* c */} and <Callout type=\"tip\" /> <kbd>K</kbd>\n",
	"::: tip Note\nNote that.\n:::\n\n::::details\n:::info\nx\n:::\n::::\n",
	"{{< highlight go >}}\ncode\n{{< /highlight >}}\n{{% notice %}}\nbody\n{{% /notice %}}\n{% raw %}\n{{ x }}\n{% endraw %}{# c #}",
	"<Card title={`a ${b}`} data={{x: \"}\"}}>\nIn.\n</Card>\n{unclosed <Open attr=\"x",
	"[the forum] and [b][]\n\n[the forum]: /f\n[b]: /b\n",
}

func FuzzParseMDX(f *testing.F) {
	for _, s := range append(mdxSeeds, fuzzSeeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, name := range []string{"a.mdx", "a.md"} {
			doc, err := Parse(name, []byte(s))
			if err != nil {
				return
			}
			checkInvariants(t, doc)
			checkMarkupInvariants(t, doc)
		}
	})
}
