package names

import (
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/parse"

	"github.com/copydesk/copydesk/internal/corpusgen"
	"github.com/copydesk/copydesk/lint"
)

func TestPhraseKey(t *testing.T) {
	same := [][2]string{
		{"Museum of Science and Technology", "Museum of Sciences & Technology"},
		{"Museum of Science and Technology", "Museum of Science, Technology"},
		{"Anna Berg", "Annaberg"},
		{"Lakeside", "Lake side"},
		{"High Level Forum", "High-level Forum"},
		{"Institute of Technologies", "Institute of Technology"},
		{"Partnership Councils", "Partnership Council"},
	}
	for _, p := range same {
		a, _, _ := PhraseKey(p[0])
		b, _, _ := PhraseKey(p[1])
		if a != b {
			t.Errorf("PhraseKey(%q) = %q, PhraseKey(%q) = %q; want equal", p[0], a, p[1], b)
		}
	}
	differ := [][2]string{
		{"HTTPS", "HTTP"}, // an acronym's S is no plural
		{"Academy of Science and Technology", "National Academy of Sciences"},
		{"Campus", "Camp"},
	}
	for _, p := range differ {
		a, _, _ := PhraseKey(p[0])
		b, _, _ := PhraseKey(p[1])
		if a == b {
			t.Errorf("PhraseKey(%q) = PhraseKey(%q) = %q; want different", p[0], p[1], a)
		}
	}
}

func TestOneEdit(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"lakesde", "lakeside", true}, {"lakeside", "lakesde", true}, {"aracdia", "arcadia", true},
		{"hansen", "hanson", true}, {"lakeside", "lakeside", false}, {"lakeview", "lakeside", false},
	} {
		if got := oneEdit(c.a, c.b); got != c.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// The index finds a slip, keeps the longest of two entries, and leaves a
// different name that shares words alone.
func TestFind(t *testing.T) {
	ix := NewIndex([]lint.NameEntry{
		{Name: "Harbor City Museum of Science and Technology"},
		{Name: "Harbor City Museum"},
		{Name: "Academy of Science and Technology"},
		{Name: "Lakeside"},
	})
	src := "Title\n\nThe Harbor City Museum of Science and Technology met the Harbor City Museum, " +
		"the National Academy of Sciences and Lakesde residents.\n"
	doc, err := parse.Parse("a.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	ix.Find(doc, func(m Match) { got = append(got, m.Text+"→"+m.Target.Surface) })
	if len(got) != 1 || got[0] != "Lakesde→Lakeside" {
		t.Errorf("matches = %q, want only Lakesde→Lakeside", got)
	}
}

// Mining counts what a document writes and where; the title, in title
// case, is no evidence.
func TestMine(t *testing.T) {
	src := "Greenhaven Water Trust Opens An Office\n\nThe Greenhaven Water Trust opened. Julia marin and Julia Marin came.\n"
	doc, err := parse.Parse("a.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	f := Mine(doc, MineOptions{})
	seen := map[string]bool{}
	for i := range f.spells {
		s := &f.spells[i]
		surface := f.str(s.surface)
		seen[surface] = true
		if sp := f.spansOf(s); surface == "Greenhaven Water Trust" && (s.count != 1 || len(sp) != 1 || src[sp[0].start:sp[0].end] != surface) {
			t.Errorf("%q: count %d, spans %v", surface, s.count, sp)
		}
		if surface == "Julia marin" && !s.loose {
			t.Errorf("%q should be loose", surface)
		}
	}
	for _, want := range []string{"Greenhaven Water Trust", "Julia Marin", "Julia marin"} {
		if !seen[want] {
			t.Errorf("not mined: %q (got %v)", want, seen)
		}
	}
	if !seen["Greenhaven Water Trust Opens An Office"] {
		t.Error("the title was not mined: titles count for the names in them")
	}
}

// Groups shares its counting and its slip search among goroutines: the
// groups, their order and their locations do not depend on how many.
func TestGroupsShares(t *testing.T) {
	var paths []string
	var facts []*Fact
	err := corpusgen.Generate(corpusgen.Options{Bytes: 4 << 20, Seed: 3, MarkdownShare: 0.25, DefectRate: 4}, func(a corpusgen.Article) error {
		doc, err := parse.Parse(a.Name, a.Body)
		if err != nil {
			return err
		}
		paths = append(paths, a.Name)
		facts = append(facts, Mine(doc, MineOptions{}))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var want []Group
	for i, procs := range []int{1, 2, 3, 8} {
		runtime.GOMAXPROCS(procs)
		got := Groups(paths, facts, GroupOptions{MinCount: 2, Ratio: 2})
		if i == 0 {
			want = got
			if len(want) == 0 {
				t.Fatal("no groups: the test proves nothing")
			}
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("GOMAXPROCS %d: groups differ from GOMAXPROCS 1", procs)
		}
	}
}

// With a ratio of 1 two keys can each be a slip of the other: the cycle is
// cut at the key the corpus shows first, and the other merges into it.
func TestGroupsSlipCycle(t *testing.T) {
	for _, first := range []string{"harbourcity", "harborcity"} {
		a := factOf(proper("harbourcity", "Harbour City", 3), proper("harbourcity", "HARBOUR CITY", 1))
		b := factOf(proper("harborcity", "Harbor City", 4))
		facts := []*Fact{a, b}
		if first == "harborcity" {
			facts = []*Fact{b, a}
		}
		gs := Groups([]string{"1.md", "2.md"}, facts, GroupOptions{MinCount: 3, Ratio: 1})
		if len(gs) != 1 || gs[0].Key != first || gs[0].Dominant.Surface != "Harbor City" || len(gs[0].Variants) != 2 {
			t.Errorf("%s first: groups %+v, want one under %s dominated by Harbor City with two variants", first, gs, first)
		}
	}
}

// testSpelling is a spelling of a fact made by a test.
type testSpelling struct {
	key, surface string
	count        int
}

// proper is a capitalised spelling seen n times, once at the start.
func proper(key, surface string, n int) testSpelling { return testSpelling{key, surface, n} }

// factOf returns a fact with the spellings given.
func factOf(ss ...testSpelling) *Fact {
	f := &Fact{}
	var strs []byte
	add := func(s string) strRange {
		lo := int32(len(strs))
		strs = append(strs, s...)
		return strRange{lo, int32(len(strs))}
	}
	for _, s := range ss {
		surface := add(s.surface)
		f.spells = append(f.spells, mined{kind: KindProper, key: add(s.key), surface: surface, shape: surface,
			count: int32(s.count), span0: int32(len(f.spans)), nspans: 1})
		f.spans = append(f.spans, span32{0, 1})
	}
	f.strs = string(strs)
	return f
}

// A key can slip from one that slips in its turn: Lord Barkly from Lord
// Barkely from Lord Barkeley. Both end under the last, however the keys
// come.
func TestGroupsSlipChain(t *testing.T) {
	f := func(key, surface string, n int) *Fact { return factOf(proper(key, surface, n)) }
	a, b, c := f("lordbarkly", "Lord Barkly", 1), f("lordbarkely", "Lord Barkely", 4), f("lordbarkeley", "Lord Barkeley", 34)
	for _, facts := range [][]*Fact{{a, b, c}, {c, b, a}, {b, a, c}} {
		gs := Groups([]string{"1.txt", "2.txt", "3.txt"}, facts, GroupOptions{})
		if len(gs) != 1 || gs[0].Key != "lordbarkeley" || len(gs[0].Variants) != 2 {
			t.Errorf("groups %+v, want Lord Barkely and Lord Barkly under Lord Barkeley", gs)
		}
	}
}

// The lexicon answers as the word lists do: as written, and with A–Z
// lowered for stop words, over every list word and every word of some
// articles.
func TestLexicon(t *testing.T) {
	lists := map[wordClass]map[string]bool{classStop: stopWords, classConnector: connectors, classNotNoun: notNouns,
		classLooseVerb: looseVerbs, classCommonNoun: commonNouns}
	words := map[string]bool{"": true, "A": true, "THE": true, "Over": true, "oF": true, "the'": true, "émigré": true,
		"yesterdays": true, "internationals": true, "x\u212a": true}
	for _, list := range lists {
		for w := range list {
			words[w], words[strings.ToUpper(w)], words[w+"s"], words[w[:len(w)-1]] = true, true, true, true
		}
	}
	err := corpusgen.Generate(corpusgen.Options{Bytes: 256 << 10, Seed: 9, MarkdownShare: 0.25, DefectRate: 4}, func(a corpusgen.Article) error {
		for _, w := range strings.Fields(string(a.Body)) {
			words[w] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for w := range words {
		b := append(make([]byte, 0, 64), w...) // room after the word, as in a document
		folded := []byte(w)
		for i, c := range folded {
			if c >= 'A' && c <= 'Z' {
				folded[i] = c + 'a' - 'A'
			}
		}
		for c, list := range lists {
			if got := lex.classOf(b)&c != 0; got != list[w] {
				t.Errorf("classOf(%q) has %d: %v, want %v", w, c, got, list[w])
			}
			if got := lex.foldClassOf(b)&c != 0; got != list[string(folded)] {
				t.Errorf("foldClassOf(%q) has %d: %v, want %v", w, c, got, list[string(folded)])
			}
		}
	}
}

// An inflected first word of a lowercase pair is grammar after a pronoun
// (a verb), a number (a measure) or a hyphen (two-thirds).
func TestPairContext(t *testing.T) {
	for _, c := range []struct {
		text   string
		clause bool
		count  bool
	}{
		{"which enables offline", true, false},
		{"twenty tons weight", false, true},
		{"3,400 tons weight", false, true},
		{"remove ferries timetables", false, false},
		{"of harbours maps", false, false},
	} {
		at := strings.LastIndex(c.text[:strings.LastIndex(c.text, " ")], " ") + 1
		if got := clause([]byte(c.text), at); got != c.clause {
			t.Errorf("clause(%q) = %v, want %v", c.text, got, c.clause)
		}
		if got := counted([]byte(c.text), at); got != c.count {
			t.Errorf("counted(%q) = %v, want %v", c.text, got, c.count)
		}
	}
}

// The two rules read one document's words: mining them writes nothing
// into them (a headline's words are marked in the miner's own copy), and
// matching them finds what matching words of its own finds. Both use one
// scratch from document to document, as the engine has them do, and find
// what fresh memory finds.
func TestSharedWords(t *testing.T) {
	ix := NewIndex(GenerateGlossary(200, 1))
	n := 0
	scratch := new(Scratch)
	err := corpusgen.Generate(corpusgen.Options{Bytes: 200 << 10, Seed: 3, MarkdownShare: 0.5, DefectRate: 4}, func(a corpusgen.Article) error {
		doc, err := parse.Parse(a.Name, a.Body)
		if err != nil {
			return err
		}
		w := NewWords(doc)
		before := allWords(w)
		var alone, shared []Match
		ix.Find(doc, func(m Match) { alone = append(alone, m) })
		fAlone := Mine(doc, MineOptions{})
		fShared := MineWords(doc, w, MineOptions{}, scratch)
		ix.FindIn(doc, w, scratch, func(m Match) { shared = append(shared, m) })
		if !reflect.DeepEqual(allWords(w), before) {
			t.Fatalf("%s: mining changed the shared words", a.Name)
		}
		if !reflect.DeepEqual(alone, shared) {
			t.Errorf("%s: matches %v alone, %v over shared words", a.Name, alone, shared)
		}
		if !reflect.DeepEqual(fAlone, fShared) {
			t.Errorf("%s: facts differ when mined over shared words", a.Name)
		}
		var kept, keptShared []Match
		ix.FindWords(doc.Src, fAlone, nil, func(m Match) { kept = append(kept, m) })
		ix.FindWords(doc.Src, fShared, scratch, func(m Match) { keptShared = append(keptShared, m) })
		if !reflect.DeepEqual(kept, keptShared) {
			t.Errorf("%s: matches %v in the kept words, %v with the shared scratch", a.Name, kept, keptShared)
		}
		n += len(shared) + len(fShared.words) + len(kept)
		w.Release()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("nothing matched or kept: the test compares nothing")
	}
}

// The trie's nodes are counted from the keys before they are made: as
// many as the trie uses, no more, so none is copied or left unused.
func TestIndexNodesCounted(t *testing.T) {
	for _, entries := range [][]lint.NameEntry{
		{{Name: "Lakeside"}},
		{{Name: "Harbor City Museum of Science and Technology", Variants: []string{"Harbour City Museum"}}, {Name: "Harbor City"}, {Name: "Anna Berg", Aliases: []string{"A. Berg"}}},
		GenerateGlossary(500, 2),
	} {
		ix := NewIndex(entries)
		if len(ix.nodes) < 2 || cap(ix.nodes) != len(ix.nodes) {
			t.Errorf("%d entries: %d nodes made, room for %d", len(entries), len(ix.nodes), cap(ix.nodes))
		}
	}
}

// A phrase's parts begin and end with a capitalised word, coordinated
// names are no part, and a part is its words joined by one space however
// the phrase spaces them.
func TestSubPhrases(t *testing.T) {
	for _, c := range []struct {
		phrase string
		want   []string
	}{
		{"Harbor City Museum", []string{"Harbor City Museum", "Harbor", "Harbor City", "City", "City Museum", "Museum"}},
		{"Museum of Science and Technology", []string{"Museum of Science and Technology", "Museum", "Museum of Science", "Science", "Technology"}},
		{"Canada and Brazil", []string{"Canada", "Brazil"}},
		{"The Harbor\u00a0City", []string{"The Harbor\u00a0City", "Harbor", "Harbor City", "City"}},
		{"Anna\tBerg", []string{"Anna\tBerg", "Anna", "Berg"}},
		{"Åsa Berg", []string{"Åsa Berg", "Åsa", "Berg"}},
	} {
		if got := subPhrases(c.phrase); !reflect.DeepEqual(got, c.want) {
			t.Errorf("subPhrases(%q) = %q, want %q", c.phrase, got, c.want)
		}
	}
}

// What stands between two words: a title's full stop ends no sentence, a
// sentence's does, and a hyphen with a space before it is a dash between
// two things, not one joining a name.
func TestWordSeparators(t *testing.T) {
	for _, c := range []struct {
		text, word string
		want       sep
	}{
		{"We met St. Ansgar there.", "Ansgar", sepSpace},
		{"They wrote to Dr. Okafor and Mrs. Lind.", "Okafor", sepSpace},
		{"They wrote to Dr. Okafor and Mrs. Lind.", "Lind", sepSpace},
		{"The ferry left at dawn. Ansgar stayed.", "Ansgar", sepBreak},
		{"The club met at Port Aurora. Ansgar stayed.", "Ansgar", sepBreak},
		{"Photo: Greenhaven - Water Trust volunteers.", "Water", sepBreak},
		{"The Greenhaven Water-Trust volunteers.", "Trust", sepHyphen},
	} {
		doc, err := parse.Parse("a.txt", []byte(c.text+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		w := NewWords(doc)
		found := false
		for _, x := range allWords(w) {
			if string(doc.Src[x.start:x.end]) == c.word {
				found = true
				if x.sep != c.want {
					t.Errorf("%q: %s has separator %d, want %d", c.text, c.word, x.sep, c.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no word %q", c.text, c.word)
		}
		w.Release()
	}
}

// A name split in two is a slip a person marks, but for the compounds of a
// people or a trade that English writes both ways.
func TestClassifySplit(t *testing.T) {
	for _, c := range []struct {
		text, name string
		strong     bool
	}{
		{"Anna Berg", "Annaberg", true},
		{"Lake side", "Lakeside", true},
		{"French men", "Frenchmen", false},
		{"Dutch woman", "Dutchwoman", false},
		{"Harbor women", "Harborwomen", false},
	} {
		v := classify(c.text, c.name, false)
		if v.kind != KindJoined || v.strong != c.strong {
			t.Errorf("classify(%q, %q) = kind %v strong %v, want joined, strong %v", c.text, c.name, v.kind, v.strong, c.strong)
		}
	}
}

// allWords returns a copy of every block's words, in order.
func allWords(w *Words) []word {
	var all []word
	for i := range w.blocks {
		for ws := range w.pieces(i) {
			all = append(all, ws...)
		}
	}
	return all
}

// TestLowFilter: a word added always passes (countLower must never miss
// one), and a word differing in first byte or length is passed over.
func TestLowFilter(t *testing.T) {
	long := strings.Repeat("x", 70)
	var f lowFilter
	for _, w := range []string{"lakeside", "orbit", long} {
		f.add(w)
	}
	tests := []struct {
		word string
		want bool
	}{
		{"lakeside", true},
		{"lakesite", true}, // same first byte and length: the map decides
		{"orbit", true},
		{long, true},
		{strings.Repeat("x", 90), true}, // lengths from 63 share a bit
		{"lakesid", false},
		{"makeside", false},
		{"orbits", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := f.has([]byte(tt.word)); got != tt.want {
			t.Errorf("has(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}
