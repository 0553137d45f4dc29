package names

import (
	"bytes"
	"encoding/binary"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/parse"
)

// stateDocs are invented articles with names, slips of them, a name
// written in lower case and front matter values.
var stateDocs = []string{
	"---\nteam: the harbour team\n---\n\nThe Harbor City Museum of Science and Technology opened. Anna Berg spoke for the Harbor City Museum of Science and Technology.\n",
	"---\nteam: the harbour team\n---\n\nAnna Berg met staff of the Harbor City Museum of Science and Technology at Lakeside Pier.\n",
	"---\nteam: The Harbour Team\n---\n\nThe Harbor City Museum of Sciences and Technology and Berg Anna visited Lakeside Pier. The lakeside was calm.\n",
	"Title\n\nLakeside Pier and the Harbor City Museum of Science and Technology; Anna Berg again, at Lakesde Pier.\n",
	"---\nteam: the harbour team\n---\n\nLakeside Pier reopened.\n",
	"---\nteam: the harbour team\n---\n\nAnna Berg left Lakeside Pier.\n",
}

// memStore is a lint.ArchiveStore in memory; changed are the documents
// it says changed since b was saved.
type memStore struct {
	b            []byte
	changed      []int
	loads, saves int
}

func (s *memStore) Load() ([]byte, []int, bool) { s.loads++; return s.b, s.changed, s.b != nil }
func (s *memStore) Save(b []byte)               { s.saves++; s.b = b }

// TestStoredState: the archive's state saved by one run and read back by
// the next gives the findings and front matter groups of a run that
// counts afresh, whichever document is reported; the run that reads it
// back saves nothing.
func TestStoredState(t *testing.T) {
	var srcs [][]byte
	var facts []*Fact
	paths := []string{"a.md", "b.md", "c.md", "d.txt", "e.md", "f.md"}
	for i, s := range stateDocs {
		doc, err := parse.Parse(paths[i], []byte(s))
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, doc.Src)
		facts = append(facts, Mine(doc, MineOptions{}))
	}
	store := &memStore{}
	for round, reported := range []int{2, 2, 3, 0} {
		opt := ArchiveOptions{Reported: func(di int) bool { return di == reported }}
		wantF, wantG := ArchiveAndMeta(srcs, paths, facts, opt)
		opt.Stored = store
		gotF, gotG := ArchiveAndMeta(srcs, paths, facts, opt)
		if !reflect.DeepEqual(gotF, wantF) || !reflect.DeepEqual(gotG, wantG) {
			t.Errorf("round %d, reporting %s: with the stored state\n got %+v\n     %+v\nwant %+v\n     %+v", round, paths[reported], gotF, gotG, wantF, wantG)
		}
		if round == 0 && (len(wantF) == 0 || len(wantG) == 0) {
			t.Errorf("no findings (%d) or groups (%d): the test would not see a difference", len(wantF), len(wantG))
		}
	}
	if store.saves != 1 || store.loads != 4 {
		t.Errorf("%d saves and %d loads, want 1 and 4: the state saved did not read back", store.saves, store.loads)
	}
}

// FuzzDecodeState: bytes that are not a state encodeState wrote are
// refused or read, never a panic, and a state read matches a document
// without a panic.
func FuzzDecodeState(f *testing.F) {
	var srcs [][]byte
	var facts []*Fact
	for i, s := range stateDocs {
		doc, err := parse.Parse([]string{"a.md", "b.md", "c.md", "d.txt", "e.md", "f.md"}[i], []byte(s))
		if err != nil {
			f.Fatal(err)
		}
		srcs = append(srcs, doc.Src)
		facts = append(facts, Mine(doc, MineOptions{}))
	}
	f.Add(encodeState(buildState(srcs, facts, &ArchiveOptions{Stored: &memStore{}})))
	f.Add([]byte{stateVersion, 0, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		st, err := decodeState(b, nil)
		if err != nil {
			return
		}
		for _, ix := range st.indexes {
			for di := range srcs {
				ix.FindWords(srcs[di], facts[di], nil, func(Match) {})
			}
		}
		Groups([]string{"a", "b", "c", "d", "e", "f"}, st.meta, GroupOptions{Kinds: []PhraseKind{KindMeta}})
	})
}

// FuzzLowerWords: the lower-case words a context document keeps, read
// back, are the words lowerRuns finds, each as often, whatever the text;
// a table grown by a long text and reused for a short one counts anew.
func FuzzLowerWords(f *testing.F) {
	f.Add([]byte("the ferry left, and the ferry came back. anna.berg wrote (late) the end"))
	f.Add([]byte("a b c d e f g h i j k l m n o p q r s t u v w x y z aa ab ac ad ae af ag ah"))
	t := &lowerTable{}
	f.Fuzz(func(tt *testing.T, src []byte) {
		for _, text := range [][]byte{bytes.Repeat(src, 40), src} {
			want := map[string]int{}
			lowerRuns(text, func(i, j int) { want[string(text[i:j])]++ })
			got := map[string]int{}
			eachLower(lowerWords(text, t), func(w string, n int) {
				if _, twice := got[w]; twice {
					tt.Fatalf("%q packed twice", w)
				}
				got[w] = n
			})
			if !reflect.DeepEqual(got, want) {
				tt.Fatalf("counts %v, want %v", got, want)
			}
		}
	})
}

// TestStoredStateEdited: a stored state is used again after a document
// was edited only where the edit adds the same to the archive's names
// (its proper spellings and their counts, its front matter values, its
// lower-case forms of one-word names); either way, the findings are those
// of a run that counts afresh.
func TestStoredStateEdited(t *testing.T) {
	paths := []string{"a.md", "b.md", "c.md", "d.txt", "e.md", "f.md"}
	mine := func(texts []string) ([][]byte, []*Fact) {
		var srcs [][]byte
		var facts []*Fact
		for i, s := range texts {
			doc, err := parse.Parse(paths[i], []byte(s))
			if err != nil {
				t.Fatal(err)
			}
			srcs = append(srcs, doc.Src)
			facts = append(facts, Mine(doc, MineOptions{}))
		}
		return srcs, facts
	}
	const edited = 1
	for _, tc := range []struct {
		name     string
		old, new string // in stateDocs[edited]
		same     bool
	}{
		{"untouched", "", "", true},
		{"prose without a name", "met staff of", "met the staff of", true},
		{"a line added without a name", "at Lakeside Pier.", "at Lakeside Pier.\n\nIt rained all day.", true},
		{"a name written once more", "at Lakeside Pier.", "at Lakeside Pier. Anna Berg waved.", false},
		{"a name misspelt", "at Lakeside Pier", "at Lakesid Pier", false},
		{"a one-word name in lower case", "at Lakeside Pier.", "at Lakeside Pier. The lakeside was calm.", false},
		{"a front matter value", "team: the harbour team", "team: the harbor team", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srcs, facts := mine(stateDocs)
			st := buildState(srcs, facts, &ArchiveOptions{Stored: &memStore{}}) // digests made for a store
			texts := slices.Clone(stateDocs)
			if !strings.Contains(texts[edited], tc.old) {
				t.Fatalf("%q not in the document", tc.old)
			}
			texts[edited] = strings.Replace(texts[edited], tc.old, tc.new, 1)
			srcs2, facts2 := mine(texts)
			if got := st.sameSigs(srcs2, facts2, []int{edited}); got != tc.same {
				t.Errorf("state of the old documents used again: %v, want %v", got, tc.same)
			}
			if got := st.sameSigs(srcs2, facts2, nil); !got {
				t.Error("nothing changed, and the state is not used again")
			}
			// Whatever the verdict, a run with the state stored finds what
			// one counting afresh finds.
			store := &memStore{b: encodeState(st), changed: []int{edited}}
			opt := ArchiveOptions{Reported: func(di int) bool { return di == 2 || di == edited }}
			wantF, wantG := ArchiveAndMeta(srcs2, paths, facts2, opt)
			opt.Stored = store
			gotF, gotG := ArchiveAndMeta(srcs2, paths, facts2, opt)
			if !reflect.DeepEqual(gotF, wantF) || !reflect.DeepEqual(gotG, wantG) {
				t.Errorf("with the stored state\n got %+v\n     %+v\nwant %+v\n     %+v", gotF, gotG, wantF, wantG)
			}
			if store.saves != 1 {
				t.Errorf("%d saves, want 1: the state for the edited documents is kept for the next run", store.saves)
			}
		})
	}
}

// TestMemoEdited: a language server's Memo gives, after the reported
// document is edited, the findings and front matter groups of a run that
// counts afresh: an edit of a front matter value alone is a change too.
func TestMemoEdited(t *testing.T) {
	paths := []string{"a.md", "b.md", "c.md", "d.txt", "e.md", "f.md"}
	var srcs [][]byte
	var facts []*Fact
	mine := func(i int, text string) {
		doc, err := parse.Parse(paths[i], []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		srcs[i], facts[i] = doc.Src, Mine(doc, MineOptions{})
	}
	srcs, facts = make([][]byte, len(stateDocs)), make([]*Fact, len(stateDocs))
	for i, s := range stateDocs {
		mine(i, s)
	}
	// the other documents' facts stay the same values, as the server's
	memo := &Memo{}
	opt := ArchiveOptions{Reported: func(di int) bool { return di == 0 }}
	text := stateDocs[0]
	for i, edit := range [][2]string{
		{"", ""},
		{"opened.", "opened in May."},
		{"team: the harbour team", "team: The Harbour Team"},
		{"Anna Berg spoke", "Berg Anna spoke"},
	} {
		text = strings.Replace(text, edit[0], edit[1], 1)
		// a run's own slices, as the server's: the memo keeps the last
		srcs, facts = slices.Clone(srcs), slices.Clone(facts)
		mine(0, text)
		wantF, wantG := ArchiveAndMeta(srcs, paths, facts, opt)
		withMemo := opt
		withMemo.Memo = memo
		gotF, gotG := ArchiveAndMeta(srcs, paths, facts, withMemo)
		if !reflect.DeepEqual(gotF, wantF) || !reflect.DeepEqual(gotG, wantG) {
			t.Errorf("edit %d (%q): with the memo\n got %+v\n     %+v\nwant %+v\n     %+v", i, edit[1], gotF, gotG, wantF, wantG)
		}
	}
}

// TestLowerCountShared: the lower-case forms of one-word names and each
// document's digest, counted on several goroutines over many documents,
// are what one walk of the documents in order gives.
func TestLowerCountShared(t *testing.T) {
	var srcs [][]byte
	var facts []*Fact
	for i := range 300 {
		// Marlowe is a name in most documents and a common word in some;
		// Tamsin is written in lower case in every seventh, counted once
		// there: the count reads the words kept near capitals.
		text := "Title\n\nMarlowe Quay and Tamsin Reed opened the Ferrybank Fair.\n"
		if i%3 == 0 {
			text += "\nThe marlowe nets dried in the sun. Marlowe Quay stayed busy.\n"
		}
		if i%7 == 0 {
			text += "\nA tamsin pie was served, and another tamsin pie.\n"
		}
		doc, err := parse.Parse("a.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, doc.Src)
		facts = append(facts, Mine(doc, MineOptions{Compact: true}))
	}
	st := buildState(srcs, facts, &ArchiveOptions{Stored: &memStore{}})
	if shares := min(runtime.GOMAXPROCS(0), 8, max(1, len(facts)/64)); shares < 2 {
		t.Logf("one goroutine here (GOMAXPROCS %d): the shared count is not exercised", runtime.GOMAXPROCS(0))
	}
	low := lowNames(st.names)
	want := map[string]int{}
	meta := metaFacts(facts)
	for di := range facts {
		var seen []byte
		low.each(srcs, facts[di], di, func(w []byte) {
			want[low.name[string(w)]]++
			seen = binary.AppendUvarint(seen, uint64(len(w)))
			seen = append(seen, w...)
		})
		if got, want := st.sigs[di], contributionSig(facts[di], meta[di], seen); got != want {
			t.Errorf("document %d: digest %x, want %x", di, got[:4], want[:4])
		}
	}
	if want["Marlowe"] != 100 || want["Tamsin"] != 43 {
		t.Fatalf("reference counts %v: the documents do not write what the test means", want)
	}
	for _, name := range st.names {
		if got := st.cands[name].lower; got != want[name] {
			t.Errorf("%s: written in lower case %d times, want %d", name, got, want[name])
		}
	}
}
