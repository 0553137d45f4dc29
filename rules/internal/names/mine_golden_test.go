package names

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/corpusgen"
	"github.com/copydesk/copydesk/parse"
)

var update = flag.Bool("update", false, "rewrite testdata/mined.golden")

// TestMinedGolden holds what the miner keeps of invented articles (the
// generator's, plain text and Markdown, with planted defects and short
// forms) to a golden file: every spelling with its key, shape, count and
// spans, the words kept for the archive's matching, and the findings
// within each document, as a digest a line. A change to how the words
// are held must leave all of it as it was; run with -update only when
// the miner is meant to find something else.
func TestMinedGolden(t *testing.T) {
	var b strings.Builder
	scratch := new(Scratch)
	mine := func(a corpusgen.Article) error {
		doc, err := parse.Parse(a.Name, a.Body)
		if err != nil {
			return err
		}
		w := NewWords(doc)
		f := MineWords(doc, w, MineOptions{}, scratch)
		w.Release()
		h := sha256.New()
		for i := range f.spells {
			s := &f.spells[i]
			fmt.Fprintf(h, "%q %q %q %d %d %v|", f.str(s.key), f.str(s.surface), f.str(s.shape), s.count, s.kind, s.loose)
			for _, sp := range f.spansOf(s) {
				fmt.Fprintf(h, "%d-%d,", sp.start, sp.end)
			}
		}
		// the words as the matcher reads them, not as they are packed
		fmt.Fprintf(h, "\n%d:", f.nwords)
		for w := range packedWords(f.words, f.nwords) {
			fmt.Fprintf(h, "%d-%d %d %d %d,", w.start, w.end, w.letters, w.flags, w.sep)
		}
		fmt.Fprintln(h)
		for _, u := range f.Shorts {
			fmt.Fprintf(h, "%+v\n", u)
		}
		fmt.Fprintf(&b, "%s %d spellings %d words %d findings %x\n", a.Name, len(f.spells), f.nwords, len(f.Shorts), h.Sum(nil)[:12])
		return nil
	}
	err := corpusgen.Generate(corpusgen.Options{Bytes: 600 << 10, Seed: 7, MarkdownShare: 0.5, DefectRate: 4}, mine)
	if err != nil {
		t.Fatal(err)
	}
	// Long articles define short forms and then misuse them, and repeat
	// lowercase pairs enough to be counted.
	for _, name := range []string{"long.txt", "long.md"} {
		md := float64(strings.Count(name, ".md"))
		long := corpusgen.Long(corpusgen.Options{Bytes: 400 << 10, Seed: 11, MarkdownShare: md, DefectRate: 4})
		if err := mine(corpusgen.Article{Name: name, Body: long}); err != nil {
			t.Fatal(err)
		}
	}
	// Short forms defined and then written in the plural, and lowercase
	// pairs whose first word is inflected beside the usual form.
	var inv strings.Builder
	inv.WriteString("Ferrybank Heritage Trust (hereinafter the Trust) and the Ferrybank Maritime Society (FMS) met.\n\n")
	for i := range 12 {
		fmt.Fprintf(&inv, "In week %d the Trust opened two research centres near the harbour, and the FMS said the research centres would stay open.\n", i)
		if i%4 == 3 {
			inv.WriteString("Later the Trusts asked the FMSs whether the researches centres and Ferrybank heritage trust needed Harbour Road signs.\n")
		}
		inv.WriteString("\n")
	}
	if err := mine(corpusgen.Article{Name: "invented.txt", Body: []byte(inv.String())}); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "mined.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Errorf("first difference, line %d:\n got %s\nwant %s", i+1, gl[i], wl[i])
				break
			}
		}
		t.Errorf("mined facts differ from %s (%d lines, want %d)", golden, len(gl), len(wl))
	}
}

// TestPieces: a block read in pieces gives the miner and the matcher what
// it gives read whole: the same facts and the same matches when every
// piece may end after a few words, on invented articles and a one-line
// one.
func TestPieces(t *testing.T) {
	ix := NewIndex(GenerateGlossary(200, 1))
	var line strings.Builder
	line.WriteString("Ferrybank notes\n\n")
	for i := range 300 {
		fmt.Fprintf(&line, "In week %d the Ferrybank Heritage Trust (hereinafter the Trust) opened two research centres. the Trusts and the researches centres met Harbour Road Council. ", i)
	}
	line.WriteString("\n")
	docs := []corpusgen.Article{{Name: "line.txt", Body: []byte(line.String())}}
	err := corpusgen.Generate(corpusgen.Options{Bytes: 200 << 10, Seed: 5, MarkdownShare: 0.5, DefectRate: 4}, func(a corpusgen.Article) error {
		docs = append(docs, a)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	docs = append(docs, corpusgen.Article{Name: "long.md", Body: corpusgen.Long(corpusgen.Options{Bytes: 200 << 10, Seed: 2, MarkdownShare: 1, DefectRate: 4})})
	split := 0
	for _, a := range docs {
		doc, err := parse.Parse(a.Name, a.Body)
		if err != nil {
			t.Fatal(err)
		}
		var facts [2]*Fact
		var matches [2][]Match
		for k, piece := range []int{0, 5} {
			w := NewWords(doc)
			w.piece = piece
			if piece > 0 {
				for i := range w.blocks {
					for _, end := range w.pieces(i) {
						if end.more {
							split++
						}
					}
				}
			}
			facts[k] = MineWords(doc, w, MineOptions{}, nil)
			ix.FindIn(doc, w, nil, func(m Match) { matches[k] = append(matches[k], m) })
			w.Release()
		}
		if !reflect.DeepEqual(facts[0], facts[1]) {
			t.Errorf("%s: the facts mined differ when blocks are read in pieces", a.Name)
		}
		if !reflect.DeepEqual(matches[0], matches[1]) {
			t.Errorf("%s: matches %v whole, %v in pieces", a.Name, matches[0], matches[1])
		}
	}
	if split < 100 {
		t.Fatalf("only %d pieces ended inside a block: the test reads too little in pieces", split)
	}
}
