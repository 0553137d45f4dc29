package parse

import "github.com/copydesk/copydesk/document"

// A tokenPlan writes down the tokens of a Markdown body's blocks while
// goldmark's syntax tree is walked, and makes them once the tree is gone:
// made during the walk, a long document's tokens (2.7 bytes a byte) stood
// beside its tree, and the parse's peak was 6.6 times the text. The tokens
// made, and each block's Tok0 and Tok1, are the ones made at once would
// be (FuzzTokenPlan). A nil plan makes them at once: a shorter text's
// (Parser.PlanFrom), and the other formats'.
type tokenPlan struct {
	ops    []tokenOp
	blocks []plannedBlock
}

// A tokenOp is a range to tokenize or one token as it is.
type tokenOp struct {
	start, end int32
	kind       document.TokenKind // opTokenize: the range is tokenized
	flags      document.TokenFlags
}

const opTokenize = document.TokenKind(255)

// A plannedBlock is a block appended while planning, whose tokens are the
// ops [op0, op1).
type plannedBlock struct{ block, op0, op1 int32 }

// tokenize adds the tokens of doc.Src[start:end].
func (p *tokenPlan) tokenize(doc *document.Document, start, end int) {
	if p == nil {
		doc.AddTokens(start, end)
		return
	}
	p.ops = append(p.ops, tokenOp{start: int32(start), end: int32(end), kind: opTokenize})
}

// token adds one token.
func (p *tokenPlan) token(doc *document.Document, start, end int, k document.TokenKind, f document.TokenFlags) {
	if p == nil {
		doc.Tokens = append(doc.Tokens, document.NewToken(start, end, k, f))
		return
	}
	p.ops = append(p.ops, tokenOp{start: int32(start), end: int32(end), kind: k, flags: f})
}

// mark is where the next token added goes, for block.
func (p *tokenPlan) mark(doc *document.Document) int32 {
	if p == nil {
		doc.FlushTokens() // no block is open here
		return doc.TokenCount()
	}
	return int32(len(p.ops))
}

// block appends b to doc's blocks, its tokens those added since t0 (a mark).
func (p *tokenPlan) block(doc *document.Document, b document.Block, t0 int32) {
	if p == nil {
		b.Tok0, b.Tok1 = t0, doc.TokenCount()
	} else {
		p.blocks = append(p.blocks, plannedBlock{block: int32(len(doc.Blocks)), op0: t0, op1: int32(len(p.ops))})
	}
	doc.Blocks = append(doc.Blocks, b)
}

// make appends the planned tokens to doc.Tokens, in order, and sets the
// planned blocks' Tok0 and Tok1; the blocks must be in the order they
// were appended.
func (p *tokenPlan) make(doc *document.Document) {
	k := int32(0)
	run := func(to int32) {
		for ; k < to; k++ {
			op := p.ops[k]
			if op.kind == opTokenize {
				doc.AddTokens(int(op.start), int(op.end))
			} else {
				doc.Tokens = append(doc.Tokens, document.NewToken(int(op.start), int(op.end), op.kind, op.flags))
			}
		}
	}
	for _, pb := range p.blocks {
		run(pb.op0)
		doc.FlushTokens() // between blocks
		t0 := doc.TokenCount()
		run(pb.op1)
		b := &doc.Blocks[pb.block]
		b.Tok0, b.Tok1 = t0, doc.TokenCount()
	}
	run(int32(len(p.ops)))
	p.ops, p.blocks = p.ops[:0], p.blocks[:0]
	if cap(p.ops) > maxKeptOps || cap(p.blocks) > maxKeptOps {
		// one very large file must not hold its memory for the rest of a run
		p.ops, p.blocks = nil, nil
	}
}

// maxKeptOps bounds the ops a Parser keeps for its next parse.
const maxKeptOps = 1 << 16
