package document

import (
	"encoding/binary"
	"iter"
	"slices"
	"sort"
	"sync"
)

// A long document's tokens are kept packed: 8 bytes a token is about 2.8
// bytes of memory for each byte of English text, which made the tokens
// the most of a long article's peak. Packed, a token takes a byte or
// three, and BlockTokens unpacks one chunk of whole blocks at a time.
//
// Unpacking is the price: each rule that reads every block unpacks every
// chunk again. The last few chunks unpacked are kept, and a chunk
// unpacked past them reuses the memory of the one read longest ago, so
// that reading a long document's tokens allocates nothing: a rule reads a
// block's tokens while it looks at that block and its neighbours, and
// keeps what it needs of them, not the tokens (see BlockTokens).
//
// The parser packs as it goes (see PackTokens): it calls FlushTokens
// between blocks, and FinishTokens once the last one is made. The tokens
// and each block's Tok0 and Tok1 are the ones an unpacked parse makes, so
// rules see the same tokens either way.

// packedTokens holds a document's tokens in chunks, each of whole blocks.
type packedTokens struct {
	chunk  int     // the tokens a chunk is packed from, at the least
	first  []int32 // the index of each chunk's first token, ascending
	chunks []tokenChunk
	n      int32 // the tokens packed

	mu     sync.Mutex           // rules may share a document between goroutines
	recent [keptChunks]unpacked // the chunks last unpacked, most recent first
}

// keptChunks is how many unpacked chunks are kept: BlockTokens' doc
// promises a caller that three others may be read.
const keptChunks = 4

// A tokenChunk is packed tokens, or, for a chunk too long to unpack again
// and again (one block of many megabytes), the tokens as they are.
type tokenChunk struct {
	packed []byte
	raw    []Token
	n      int32
}

type unpacked struct {
	chunk int // -1: none yet
	toks  []Token
}

// rawChunkTokens: a chunk of more tokens than this (one block as long)
// is kept unpacked; each rule that read it would otherwise unpack a copy.
const rawChunkTokens = 1 << 20

// PackTokens makes d keep its tokens packed in chunks of at least chunk
// tokens, from now on: the parser calls it before making any token, and
// then makes them through TokenCount, TruncateTokens, FlushTokens and
// FinishTokens.
func (d *Document) PackTokens(chunk int) {
	d.packed = &packedTokens{chunk: max(chunk, 1)}
	for i := range d.packed.recent {
		d.packed.recent[i].chunk = -1
	}
}

// Packed reports whether d's tokens are packed: Tokens is then nil once
// the parse is done, and BlockTokens and AllTokens read them.
func (d *Document) Packed() bool { return d.packed != nil }

// TokenCount is the number of tokens made so far: the next token's index.
func (d *Document) TokenCount() int32 {
	if d.packed == nil {
		return int32(len(d.Tokens))
	}
	return d.packed.n + int32(len(d.Tokens))
}

// TruncateTokens drops the tokens from index n on; they must not have
// been flushed.
func (d *Document) TruncateTokens(n int32) {
	if d.packed != nil {
		n -= d.packed.n
	}
	d.Tokens = d.Tokens[:n]
}

// AddTokens appends the tokens of Src[start:end] to Tokens. When they are
// packed, room is made first for as many as such a text has at most, about:
// the tokens after the last flush are few, and one long block (a file of
// one line) would otherwise grow them again and again.
func (d *Document) AddTokens(start, end int) {
	if need := (end-start)*2/5 + 16; d.packed != nil && cap(d.Tokens)-len(d.Tokens) < need {
		// make, not slices.Grow: growing clears the new room at once,
		// where fresh memory from the system is zero already.
		t := make([]Token, len(d.Tokens), len(d.Tokens)+need)
		copy(t, d.Tokens)
		d.Tokens = t
	}
	d.Tokens = Tokenize(d.Tokens, d.Src, start, end)
}

// FlushTokens packs the tokens made so far if they make a chunk. The
// parser calls it only where no block is open: a block's tokens must be
// in one chunk.
func (d *Document) FlushTokens() {
	if p := d.packed; p != nil && len(d.Tokens) >= p.chunk {
		d.Tokens = p.add(d.Tokens)
	}
}

// FinishTokens packs the last tokens once every block is made. If a
// block's tokens were split between chunks (a parser flushed inside a
// block), the tokens are unpacked into Tokens, as an unpacked parse
// leaves them.
func (d *Document) FinishTokens() {
	p := d.packed
	if p == nil {
		return
	}
	if len(d.Tokens) > 0 {
		p.add(d.Tokens)
	}
	d.Tokens = nil
	for i := range d.Blocks {
		b := &d.Blocks[i]
		if b.Tok1 > b.Tok0 && p.chunkOf(b.Tok0) != p.chunkOf(b.Tok1-1) {
			d.Tokens = slices.Collect(d.AllTokens())
			d.packed = nil
			return
		}
	}
}

// AllTokens yields every token of the document in order.
func (d *Document) AllTokens() iter.Seq[Token] {
	return func(yield func(Token) bool) {
		if d.packed == nil {
			for _, t := range d.Tokens {
				if !yield(t) {
					return
				}
			}
			return
		}
		var buf []Token
		for i, c := range d.packed.chunks {
			toks := c.raw // a long block's, not copied
			if toks == nil {
				buf = d.packed.unpack(i, buf[:0])
				toks = buf
			}
			for _, t := range toks {
				if !yield(t) {
					return
				}
			}
		}
		for _, t := range d.Tokens { // a parse not finished
			if !yield(t) {
				return
			}
		}
	}
}

// add packs toks as the next chunk, and returns the buffer for the next
// tokens: toks emptied, or none when the chunk keeps toks as they are.
func (p *packedTokens) add(toks []Token) []Token {
	c := tokenChunk{n: int32(len(toks))}
	next := toks[:0]
	if len(toks) > rawChunkTokens {
		c.raw, next = toks, nil
	} else {
		c.packed = packTokens(make([]byte, 0, len(toks)+len(toks)/2), toks)
	}
	p.first = append(p.first, p.n)
	p.chunks = append(p.chunks, c)
	p.n += c.n
	return next
}

// chunkOf returns the chunk that holds token i.
func (p *packedTokens) chunkOf(i int32) int {
	return sort.Search(len(p.first), func(c int) bool { return p.first[c] > i }) - 1
}

// span returns tokens [t0, t1), which lie in one chunk, from the chunk
// unpacked; they stay there while keptChunks-1 other chunks are read.
func (p *packedTokens) span(t0, t1 int32) []Token {
	p.mu.Lock()
	defer p.mu.Unlock()
	c := p.chunkOf(t0)
	toks := p.chunks[c].raw
	if toks == nil {
		k := 0
		for k < len(p.recent)-1 && p.recent[k].chunk != c {
			k++
		}
		u := p.recent[k]
		if u.chunk != c {
			// the one read longest ago makes room
			u = unpacked{chunk: c, toks: p.unpack(c, u.toks[:0])}
		}
		copy(p.recent[1:k+1], p.recent[:k])
		p.recent[0] = u
		toks = u.toks
	}
	base := p.first[c]
	return toks[t0-base : t1-base : t1-base]
}

// unpack appends chunk c's tokens to dst.
func (p *packedTokens) unpack(c int, dst []Token) []Token {
	if ch := p.chunks[c]; ch.raw != nil {
		return append(dst, ch.raw...)
	}
	return unpackTokens(dst, p.chunks[c].packed, int(p.chunks[c].n))
}

// The packed form of a token, after the one before it (or offset 0) ends:
// one byte, its state in the high five bits and its length in the low
// three when it starts where that one ended and is 0 to 6 bytes long (a
// word, a space, a mark: most tokens); otherwise 7 in the low bits, then
// the zigzag varint of its start less that end and the varint of its
// length.
const packLong = 7

func packTokens(dst []byte, toks []Token) []byte {
	end := int32(0)
	for _, t := range toks {
		state, n := t.info>>tokenLenBits, t.info&tokenLenMask
		if t.Start == end && n < packLong {
			dst = append(dst, byte(state<<3|n))
		} else {
			dst = append(dst, byte(state<<3|packLong))
			dst = binary.AppendVarint(dst, int64(t.Start-end))
			dst = binary.AppendUvarint(dst, uint64(n))
		}
		end = t.Start + int32(n)
	}
	return dst
}

// unpackTokens appends the n tokens packed in b to dst.
func unpackTokens(dst []Token, b []byte, n int) []Token {
	dst = slices.Grow(dst, n)
	out := dst[len(dst) : len(dst)+n]
	end, j := int32(0), 0
	for i := 0; i < len(b) && j < len(out); j++ {
		c := b[i]
		i++
		if c&7 != packLong { // most tokens: one byte, and no call
			out[j] = Token{Start: end, info: uint32(c>>3)<<tokenLenBits | uint32(c&7)}
			end += int32(c & 7)
			continue
		}
		d, k := binary.Varint(b[i:])
		i += k
		u, k := binary.Uvarint(b[i:])
		i += k
		start := end + int32(d)
		out[j] = Token{Start: start, info: uint32(c>>3)<<tokenLenBits | uint32(u)}
		end = start + int32(u)
	}
	return dst[:len(dst)+j]
}
