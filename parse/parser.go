package parse

import (
	"github.com/yuin/goldmark/parser"

	"github.com/copydesk/copydesk/document"
)

// A Parser parses documents one after another, each reusing what the last
// one no longer needs: the token buffer, a parse's largest allocation, and
// the Markdown parsers. Whoever parses many files owns one per goroutine
// (the engine keeps a pool of them); Parse and WithFacts use a new one. The
// zero Parser is ready. A Parser is not safe for concurrent use.
type Parser struct {
	// TreeDone, when set, is called with the text's length once a
	// Markdown body's syntax tree is garbage and before its tokens are
	// made (see tokenPlan): the engine collects there after a long text,
	// so that the tokens take the tree's memory rather than add to it.
	TreeDone func(size int)

	tokens  []document.Token // recycled, ready for the next parse
	md, mdx parser.Parser
	plan    tokenPlan
	// direct makes a Markdown body's tokens during the walk, without the
	// plan: the reference FuzzTokenPlan holds the plan to.
	direct bool
}

// maxKeptTokens bounds the buffer a Parser keeps: one very large file
// must not hold its memory for the rest of a run.
const maxKeptTokens = 1 << 24

// tokensFor returns an empty token buffer for a text of size bytes.
func (p *Parser) tokensFor(size int) []document.Token {
	// About one token per 2.5 bytes of English prose (a word, its space,
	// punctuation): an estimate under the count made the slice grow once
	// more, 1.25 times, with the old one still live.
	want := size*2/5 + 16
	if cap(p.tokens) >= want {
		t := p.tokens[:0]
		p.tokens = nil // the document owns it until Recycle
		return t
	}
	return make([]document.Token, 0, want)
}

// Recycle takes back doc's token buffer for the next Parse. doc's tokens
// and blocks must not be used afterwards; its Summary stays valid.
func (p *Parser) Recycle(doc *document.Document) {
	if c := cap(doc.Tokens); c > cap(p.tokens) && c <= maxKeptTokens {
		p.tokens = doc.Tokens[:0]
	}
	doc.Tokens, doc.Blocks = nil, nil
}
