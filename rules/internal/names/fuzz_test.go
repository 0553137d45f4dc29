package names

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/parse"
)

// FuzzArchive mines three documents made of the input (the first twice,
// so that its names are the archive's) and matches them against the names
// mined: no input may panic, and every finding lies in its document, on
// the text it names.
func FuzzArchive(f *testing.F) {
	f.Add("Title\n\nThe Harbor City Museum of Science and Technology met Anna Berg.\n", "Title\n\nThe Harbor City Museum of Sciences and Technology met Annaberg.\n")
	f.Add("# Lakeside News\n\nLakeside University and Lakeside Museum.\n", "Visitors from Lakesde, Stuies and Elils.\n")
	f.Add("Science, Technology and the Go and App Engine teams\n", "---\nteam: the ferry team\n---\n\nThe Ferry-Team.\n")
	f.Fuzz(func(t *testing.T, a, b string) {
		var srcs [][]byte
		var facts []*Fact
		for i, s := range []string{a, a, b} {
			doc, err := parse.Parse([]string{"a.md", "b.md", "c.txt"}[i], []byte(s))
			if err != nil {
				return
			}
			srcs = append(srcs, doc.Src)
			fact := Mine(doc, MineOptions{})
			facts = append(facts, fact)
			// a fact made compacted is the fact compacted once made
			made := Mine(doc, MineOptions{Compact: true})
			whole := Mine(doc, MineOptions{})
			whole.Compact()
			if !bytes.Equal(EncodeFact(made), EncodeFact(whole)) {
				t.Fatalf("document %d: the fact mined compacted differs from the fact mined, then compacted", i)
			}
		}
		for _, fd := range Archive(srcs, facts, ArchiveOptions{}) {
			src := srcs[fd.Doc]
			if fd.Span.Start < 0 || fd.Span.End > len(src) || fd.Span.Start >= fd.Span.End {
				t.Fatalf("finding %+v outside its document of %d bytes", fd, len(src))
			}
			if got := collapse(src[fd.Span.Start:fd.Span.End]); got != fd.Text {
				t.Fatalf("finding text %q, source has %q", fd.Text, got)
			}
		}
	})
}

// FuzzPackWords packs words made of the input, with starts going back as
// well as forward, gaps and lengths past a varint's first byte, and reads
// them back: each word as it was, but for the flags a fact does not keep
// and its first byte.
func FuzzPackWords(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
	f.Add([]byte{200, 1, 255, 255, 3, 0, 64, 63, 127, 128, 9, 1})
	f.Fuzz(func(t *testing.T, in []byte) {
		var ws []word
		var packed []byte
		var end int32
		start := int32(1 << 20)
		for i := 0; i+3 < len(in); i += 4 {
			// a gap of -128..127, times 33 every other byte: well past 64
			gap := int32(int8(in[i]))
			if in[i+1]&1 != 0 {
				gap *= 33
			}
			start = max(0, start+gap)
			w := word{start: start, end: start + int32(in[i+1])*int32(1+in[i+2]%3), letters: in[i+2],
				first: in[i+3], sep: sep(in[i+3] % 5), flags: wordFlags(in[i] ^ in[i+3])}
			if in[i+3]&8 != 0 && w.end-w.start <= 255 {
				w.letters = uint8(w.end - w.start) // a word of letters only, packed shorter
			}
			ws = append(ws, w)
			packed = packWord(packed, end, w)
			end = w.end
			start = w.end
		}
		got := unpackWords(nil, string(packed), len(ws))
		if len(got) != len(ws) {
			t.Fatalf("%d words packed, %d read back", len(ws), len(got))
		}
		for i, w := range ws {
			w.first, w.flags = 0, w.flags&keptFlags
			if got[i] != w {
				t.Fatalf("word %d: packed %+v, read back %+v", i, w, got[i])
			}
		}
	})
}

// FuzzPhraseKey checks the hand-written word splitter of PhraseKey against
// the definition it replaces: the fields between spaces, tabs, line
// breaks, hyphens (U+2010 too), commas, ampersands and no-break spaces.
func FuzzPhraseKey(f *testing.F) {
	for _, s := range []string{"Museum of Science and Technology", "Harbor\u00a0City‐Museum, Inc", "AND & and", "Jürgen Schäfer", "\xe2\x80 \xc2", "İstanbul Ladies"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var buf []byte
		words, capped := 0, 0
		for _, w := range strings.FieldsFunc(s, func(r rune) bool {
			return r == ' ' || r == '-' || r == ',' || r == '&' || r == '\u00a0' || r == '‐' || r == '\t' || r == '\n'
		}) {
			if w == "and" || w == "And" || w == "AND" {
				continue
			}
			words++
			if r := w[0]; r >= 'A' && r <= 'Z' || r >= 0x80 && strings.ToLower(w[:1]) != w[:1] {
				capped++
			}
			buf = appendKey(buf, []byte(w))
		}
		key, gw, gc := PhraseKey(s)
		if key != string(buf) || gw != words || gc != capped {
			t.Fatalf("PhraseKey(%q) = %q, %d, %d; want %q, %d, %d", s, key, gw, gc, buf, words, capped)
		}
	})
}

// FuzzShortUses mines a document with the uses of its short forms found
// as its words are read and found in a second reading of every block:
// the uses must be the same.
func FuzzShortUses(f *testing.F) {
	f.Add("Ferrybank Heritage Trust (hereinafter the Trust) opened. The Trusts met; the Trust and the Trusts. Harbour Fund (hereinafter the Fund) and the Funds, the Trusts.\n\nIn May the Trusts and the Funds met the Trust (hereinafter the Trust) and the Trusts.\n")
	f.Add("# The Quay Board (hereinafter the Board)\n\nThe Boards met. The Board met the Boards and the Boards (referred to as the Fund), the Funds, the Fund, the Fund.\n")
	f.Add("---\ntitle: The Ferry Service (hereinafter the Service)\n---\n\nThe Services ran. the Services (\"the Line\") and the Lines, the Line, the Line.\n")
	f.Fuzz(func(t *testing.T, a string) {
		for _, name := range []string{"a.txt", "a.md"} {
			doc, err := parse.Parse(name, []byte(a))
			if err != nil {
				return
			}
			var one, two Scratch
			two.mine.twoPass = true
			w := NewWords(doc)
			got := MineWords(doc, w, MineOptions{}, &one).Shorts
			want := MineWords(doc, w, MineOptions{}, &two).Shorts
			w.Release()
			if testing.Verbose() {
				t.Logf("%s: %d uses", name, len(want))
			}
			key := func(u ShortUse) string {
				return fmt.Sprintf("%d-%d %q %q %q %q", u.Span.Start, u.Span.End, u.Text, u.Defined, u.Why, u.Message)
			}
			gs, ws := make([]string, len(got)), make([]string, len(want))
			for i, u := range got {
				gs[i] = key(u)
			}
			for i, u := range want {
				ws[i] = key(u)
			}
			slices.Sort(gs)
			slices.Sort(ws)
			if !slices.Equal(gs, ws) {
				t.Fatalf("%s: uses found as read:\n%s\nfound on a second reading:\n%s", name, strings.Join(gs, "\n"), strings.Join(ws, "\n"))
			}
		}
	})
}
