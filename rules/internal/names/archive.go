package names

import (
	"runtime"
	"strings"
	"sync"

	"github.com/copydesk/copydesk/lint"
)

// ArchiveOptions set what the archive's own names are and when a spelling
// beside one is reported.
type ArchiveOptions struct {
	// MinCount: a name is seen at least this often, and at least three
	// times, in two documents or more.
	MinCount int
	// Ratio: the name is this many times as frequent as the spelling
	// reported beside it, in occurrences or in documents.
	Ratio int
	// Config holds the glossary, which always wins over mined names, and
	// the names marked distinct. May be nil.
	Config *lint.Config
}

// A Finding is a spelling in one document that is a slip of a name the
// archive writes otherwise.
type Finding struct {
	Doc    int // index in the documents given
	Span   lint.Span
	Text   string // as written, spaces collapsed
	Target string // the archive's spelling
	Count  int    // how often the archive writes Target
	Docs   int    // in how many documents
	Kind   Kind
	// Fix: replacing Text with Target is clearly right; false where the
	// change could alter the meaning (a swap of given and family names,
	// a dropped word) or the layout (a line break inside the span).
	Fix bool
}

// A candidate is a mined phrase, or a part of one, counted across the
// archive.
type candidate struct {
	count, docs, lastDoc int
}

// minNameDocs and minNameCount make a phrase one of the archive's names.
const (
	minNameDocs  = 2
	minNameCount = 3
)

// Archive mines the names of the archive from its documents' facts,
// matches every document against them with the glossary's matcher, and
// returns the strong slips: the spellings a person would mark, never a
// plural ending, a case change of a generic word, an article, or two
// names coordinated (see classify). Findings are in document order.
//
// Its memory grows with the distinct phrases mined, not with the text: a
// phrase's parts are worked out once per distinct phrase.
func Archive(srcs [][]byte, facts []*Fact, opt ArchiveOptions) []Finding {
	opt.MinCount = max(opt.MinCount, minNameCount)
	if opt.Ratio <= 0 {
		opt.Ratio = 3
	}
	cands, names := countCandidates(facts)
	var configured []lint.NameEntry
	var distinct [][]string
	if opt.Config != nil {
		for _, e := range opt.Config.Names {
			if e.Name != "" {
				configured = append(configured, e)
			}
			if len(e.Distinct) > 0 {
				d := append([]string{}, e.Distinct...)
				if e.Name != "" {
					d = append(d, e.Name)
				}
				distinct = append(distinct, d)
			}
		}
	}
	taken := map[string]bool{}
	for _, e := range configured {
		for _, s := range append(append([]string{e.Name}, e.Aliases...), e.Variants...) {
			k, _, _ := PhraseKey(stripThe(s))
			taken[k] = true
		}
	}
	entries := append([]lint.NameEntry{}, configured...)
	for _, s := range names {
		c := cands[s]
		if c.docs < minNameDocs || c.count < opt.MinCount {
			continue
		}
		if k, _, _ := PhraseKey(s); k == "" || taken[k] {
			continue
		}
		entries = append(entries, lint.NameEntry{Name: s, Source: "mined"})
	}
	if len(entries) == len(configured) {
		return nil
	}
	ix := NewIndex(entries)
	per := make([][]Finding, len(facts))
	shares := min(runtime.GOMAXPROCS(0), 8, max(1, len(facts)/64))
	var wg sync.WaitGroup
	for k := range shares {
		wg.Go(func() {
			for di := k; di < len(facts); di += shares {
				if facts[di] == nil || di >= len(srcs) {
					continue
				}
				ix.FindWords(srcs[di], facts[di], func(m Match) {
					if m.Target.Entry < len(configured) || m.Known {
						return // the glossary's: name-variant reports it
					}
					t := cands[m.Target.Surface]
					if t == nil {
						return
					}
					v := cands[m.Text]
					vc, vd := 1, 1
					if v != nil {
						if v.docs >= minNameDocs && v.count >= minNameCount {
							return // two spellings each frequent: two names
						}
						vc, vd = max(v.count, 1), max(v.docs, 1)
					}
					if t.count < opt.Ratio*vc && t.docs < opt.Ratio*vd {
						return
					}
					if isDistinct(distinct, m.Text, m.Target.Surface) {
						return
					}
					kind, strong := classify(m.Text, m.Target.Surface, m.Near)
					if !strong {
						return
					}
					fix := kind != KindSwapped && kind != KindDropped && !strings.ContainsAny(string(srcs[di][m.Start:m.End]), "\n\r")
					per[di] = append(per[di], Finding{Doc: di, Span: lint.Span{Start: m.Start, End: m.End}, Text: m.Text,
						Target: m.Target.Surface, Count: t.count, Docs: t.docs, Kind: kind, Fix: fix})
				})
			}
		})
	}
	wg.Wait()
	var out []Finding
	for _, fs := range per {
		out = append(out, fs...)
	}
	return out
}

// isDistinct: the two spellings are listed as distinct names.
func isDistinct(sets [][]string, a, b string) bool {
	for _, s := range sets {
		ia, ib := false, false
		for _, x := range s {
			ia = ia || strings.EqualFold(x, a)
			ib = ib || strings.EqualFold(x, b)
		}
		if ia && ib {
			return true
		}
	}
	return false
}

// countCandidates counts the proper phrases of the facts and their parts:
// "Cooperation of Harbor City Academy of Science and Technology" counts
// for "Harbor City Academy of Science and Technology", for "Academy of
// Science and Technology" and for "Harbor City". It returns the counts and
// the phrases in the order first seen.
func countCandidates(facts []*Fact) (map[string]*candidate, []string) {
	cands := map[string]*candidate{}
	var order []string
	parts := map[string][]*candidate{} // a distinct phrase → its parts' counters
	for di, f := range facts {
		if f == nil {
			continue
		}
		for i := range f.Spellings {
			s := &f.Spellings[i]
			if s.Kind != KindProper || s.Loose {
				continue
			}
			ps, ok := parts[s.Surface]
			if !ok {
				for _, p := range subPhrases(s.Surface) {
					c := cands[p]
					if c == nil {
						c = &candidate{lastDoc: -1}
						cands[p] = c
						order = append(order, p)
					}
					ps = append(ps, c)
				}
				parts[s.Surface] = ps
			}
			for _, c := range ps {
				c.count += s.Count
				if c.lastDoc != di {
					c.docs++
					c.lastDoc = di
				}
			}
		}
	}
	return cands, order
}

// maxPartWords bounds the parts of a long run.
const maxPartWords = 10

// subPhrases returns the phrase and its parts that begin and end with a
// capitalised word: a name inside a longer run. A part of one word is
// kept only if it looks like a name of its own (five letters or more,
// no common noun or stop word).
func subPhrases(s string) []string {
	ws := strings.Fields(s)
	var out []string
	if len(ws) > 1 && !coordination(ws) || singleName(s) {
		out = append(out, s)
	}
	if len(ws) > 3*maxPartWords {
		return out
	}
	starts := func(w string) bool {
		if w == "" || w[0] < 'A' || w[0] > 'Z' {
			return w != "" && w[0] >= 0x80 && strings.ToLower(w[:1]) != w[:1]
		}
		lw := strings.ToLower(strings.TrimRight(w, ","))
		return !stopWords[lw] && !isAnd([]byte(w))
	}
	for i := range ws {
		if !starts(ws[i]) || i > 0 && strings.HasSuffix(ws[i-1], "-") {
			continue
		}
		for j := i; j < len(ws) && j-i < maxPartWords; j++ {
			if i == 0 && j == len(ws)-1 {
				continue // the phrase itself
			}
			w := ws[j]
			if !starts(w) || strings.HasSuffix(w, ",") {
				continue
			}
			if i == j && !singleName(w) || coordination(ws[i:j+1]) {
				continue
			}
			out = append(out, strings.Join(ws[i:j+1], " "))
		}
	}
	return out
}

// singleName: one word that may be a name of its own: five letters or
// more, capitalised and not all capitals, no common noun or stop word.
func singleName(w string) bool {
	if strings.ContainsAny(w, "-’'") || len(w) < 5 {
		return false
	}
	letters, upper := countASCII([]byte(w))
	if letters != len(w) || upper != 1 {
		return false
	}
	lw := strings.ToLower(w)
	return !stopWords[lw] && !connectors[lw] && !commonNouns[string(appendKey(nil, []byte(lw)))]
}

// coordination: an "and", "&" or comma in a phrase joins two names
// ("Canada and Brazil", "Go and App Engine") unless an "of" or "for"
// before it makes it part of one (Museum of Science and Technology).
func coordination(ws []string) bool {
	of := false
	for k, w := range ws {
		lw := strings.ToLower(w)
		if lw == "of" || lw == "for" {
			of = true
		}
		join := isAnd([]byte(w)) || w == "&" || strings.HasSuffix(w, ",") && k < len(ws)-1
		if join && !of {
			return true
		}
	}
	return false
}
