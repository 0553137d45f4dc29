package parse

import (
	"github.com/yuin/goldmark/parser"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/internal/gfm"
)

// A Parser parses documents one after another, each reusing what the last
// one no longer needs: the token buffer, a parse's largest allocation, and
// the Markdown parsers. Whoever parses many files owns one per goroutine
// (the engine keeps a pool of them); Parse and WithFacts use a new one. The
// zero Parser is ready. A Parser is not safe for concurrent use.
type Parser struct {
	// A Markdown text of PlanFrom bytes or more (0: none) has its tokens
	// made once its syntax tree is garbage (see tokenPlan), and TreeDone,
	// if set, is called between the two: the engine gives the tree's
	// memory back to the system there, so that the tokens do not stand
	// beside it. A shorter text's tokens are made during the walk.
	PlanFrom int
	TreeDone func()
	// A text of PackFrom bytes or more (0: none) has its tokens kept
	// packed (document.Document.PackTokens), a few bytes each instead of
	// 8: for a long document, where they were most of the memory. Every
	// rule that reads a block's tokens unpacks them again, which costs
	// CPU where a document is short.
	PackFrom int
	// A Markdown body of PiecesFrom bytes or more (0: none) is parsed in
	// pieces of about PieceSize bytes (0: pieceSize), each tree walked and
	// dropped before the next is made (see markdownPieces).
	PiecesFrom, PieceSize int
	PackChunk             int // tokens a chunk is packed from, for tests; 0: packChunk

	tokens  []document.Token // recycled, ready for the next parse
	md, mdx parser.Parser
	// cells is what is left of a Markdown document's budget of table
	// cells (gfm.CellBudget), tableCells at its start (0: maxTableCells).
	cells      gfm.CellBudget
	tableCells int
	// blockBudget is the most blocks a document is read in (0:
	// maxBlocks), lowered by tests.
	blockBudget int
	plan        tokenPlan
}

// packChunk is the tokens of a packed chunk, at the least: 256 KB when
// unpacked, which every rule that reads one of its blocks does again.
const packChunk = 1 << 15

// maxTableCells is the most table cells a Markdown document's tables
// have read as prose, about 15 MB of syntax tree: a table that would go
// past it is read as markup, as a code block is, and its cells are not
// checked. Real tables are far smaller; a file of many columns of
// tiny cells is not.
const maxTableCells = 1 << 15

// maxBlocks is the most blocks (paragraphs, lines, list items, table
// cells, headings) a plain-text or Markdown document is read in: the
// rest of a document past it is read as markup, as a code block is, and
// is not checked. A block costs about 100 bytes of memory, and can be
// written in three (a paragraph of one word): a file of 64 MiB of them
// would take gigabytes. Real articles have a block every few hundred
// bytes, under 400,000 in the largest file copydesk reads.
const maxBlocks = 1 << 20

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
