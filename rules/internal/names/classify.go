package names

import "strings"

// Kind says how a spelling differs from the name it slipped from.
type Kind uint8

// Kinds of difference, the strongest a spelling shows.
const (
	KindNone      Kind = iota
	KindCase           // a capital changed: Academy of science and Technology
	KindPlural         // a word inside the name in the plural: Academy of Sciences and Technology
	KindJoined         // words joined or split: Annaberg, Lake side
	KindHyphen         // a hyphen for a space or the reverse: Water-Trust
	KindComma          // a comma for the name's "and": Science, Technology
	KindAmpersand      // & for the name's "and"
	KindAnd            // the name's "and" left out
	KindOfFor          // "of" for "for" or the reverse
	KindSlip           // a letter dropped, added, changed or two swapped: Lakesde
	KindDropped        // an inner word left out of a long name
	KindSwapped        // given and family name swapped
)

// String describes the difference for a message.
func (k Kind) String() string {
	switch k {
	case KindCase:
		return "a capital changed"
	case KindPlural:
		return "a word inside the name in the plural"
	case KindJoined:
		return "words joined or split"
	case KindHyphen:
		return "a hyphen for a space, or a space for a hyphen"
	case KindComma:
		return `a comma for the name's "and"`
	case KindAmpersand:
		return `"&" for the name's "and"`
	case KindAnd:
		return `the name's "and" left out`
	case KindOfFor:
		return `"of" and "for" swapped`
	case KindSlip:
		return "a letter slipped"
	case KindDropped:
		return "a word of the name left out"
	case KindSwapped:
		return "given and family name swapped"
	}
	return "written otherwise"
}

// A nameWord is a word of a name with what stands before it: ' ', '-',
// ',', '&', 'a' for "and", 0 for the first word.
type nameWord struct {
	w   string
	sep byte
}

func splitName(s string) []nameWord {
	var out []nameWord
	var sep byte
	isSep := func(c byte) bool { return c == ' ' || c == '-' || c == ',' || c == '&' }
	for i := 0; i < len(s); {
		if c := s[i]; isSep(c) {
			switch {
			case len(out) == 0:
			case c != ' ':
				sep = c
			case sep == 0:
				sep = ' '
			}
			i++
			continue
		}
		j := i
		for j < len(s) && !isSep(s[j]) {
			j++
		}
		w := s[i:j]
		i = j
		if isAnd([]byte(w)) && len(out) > 0 {
			sep = 'a'
			continue
		}
		out = append(out, nameWord{w, sep})
		sep = 0
	}
	return out
}

// A verdict is how a spelling differs from a name and whether a person
// would mark it without a glossary.
type verdict struct {
	kind   Kind
	strong bool
	// unless: strong only if the archive never writes these words in
	// lower case; they are ordinary words otherwise (Stand beside Strand,
	// marin beside Marin, Use Orbit beside Orbit uses).
	unless []string
}

// classify says how text differs from the name target and whether that is
// a strong difference, one a person would mark without a glossary: not a
// plural ending, a changed capital of a generic last word or of a phrase
// put in sentence case, or a plural before "and" in a name with no "of"
// (Americans and English). near: the text matched the name with a word
// dropped or swapped.
func classify(text, target string, near bool) verdict {
	tw, gw := splitName(text), splitName(target)
	if near {
		if len(tw) < len(gw) {
			// every word capitalised as in the name: not "Ferry design
			// meeting" for the Ferry Board Design Meetings
			strong := len(gw) >= 4
			for _, w := range tw {
				strong = strong && (upperWord(w.w) || connectors[w.w])
			}
			return verdict{kind: KindDropped, strong: strong}
		}
		// a person's two names, both capitalised as written and neither
		// a word the archive writes in lower case (not Orbit uses, Use Orbit)
		strong := len(tw) == 2 && upperWord(tw[0].w) && upperWord(tw[1].w) && !strings.ContainsAny(text, "'’")
		return verdict{kind: KindSwapped, strong: strong, unless: []string{strings.ToLower(tw[0].w), strings.ToLower(tw[len(tw)-1].w)}}
	}
	if len(tw) != len(gw) {
		if joinedLower(tw) != joinedLower(gw) {
			return verdict{kind: KindSlip} // a slip and a split at once: To do beside Todos
		}
		if len(tw) < len(gw) {
			// Annaberg, Harborcity; not a capital inside the word, the way
			// code, handles and brands are written (DateTime, AnnaBerg)
			for _, w := range tw {
				if innerCapital(w.w) {
					return verdict{kind: KindJoined}
				}
			}
			return verdict{kind: KindJoined, strong: true}
		}
		// Split: a part left in lower case (Lake side, Shi pping), a
		// person's name (Anna Berg for Annaberg), or a name that goes on
		// (Green Haven Water Trust); two capitalised words alone are as
		// often another name (New Haven beside Newhaven).
		if last := strings.ToLower(tw[len(tw)-1].w); len(tw) == 2 && personNouns[last] {
			return verdict{kind: KindJoined} // French men beside Frenchmen: men who are French, in plain English
		}
		inName := map[string]bool{}
		for _, w := range gw {
			inName[strings.ToLower(w.w)] = true
		}
		for _, w := range tw {
			if len(w.w) < 3 && !inName[strings.ToLower(w.w)] {
				return verdict{kind: KindJoined} // Orbit J S Module, To do beside Todos
			}
		}
		if len(tw) >= 3 {
			return verdict{kind: KindJoined, strong: true}
		}
		person := len(tw) == 2
		for _, w := range tw {
			if w.w[0] >= 'a' && w.w[0] <= 'z' && !connectors[w.w] {
				return verdict{kind: KindJoined, strong: true}
			}
			person = person && personWord(w.w)
		}
		return verdict{kind: KindJoined, strong: person}
	}
	best := verdict{}
	veto := false // a capital changed where that is style: the phrase is no slip of the name
	var unless []string
	note := func(v verdict) {
		unless = append(unless, v.unless...)
		if v.strong && !best.strong || v.strong == best.strong && v.kind > best.kind {
			best = v
		}
	}
	ofBefore := false
	for i := range tw {
		t, g := tw[i], gw[i]
		if i > 0 && t.sep != g.sep {
			switch {
			case t.sep == ',' && g.sep == 'a':
				note(verdict{kind: KindComma, strong: true})
			case t.sep == '&' && g.sep == 'a':
				note(verdict{kind: KindAmpersand, strong: true})
			case t.sep == ' ' && g.sep == 'a':
				note(verdict{kind: KindAnd, strong: true})
			case t.sep == '-' || g.sep == '-':
				note(verdict{kind: KindHyphen, strong: true})
			default:
				note(verdict{kind: KindComma})
			}
		}
		last := i == len(tw)-1
		lt, lg := strings.ToLower(t.w), strings.ToLower(g.w)
		switch {
		case t.w == g.w:
		case possessive([]byte(lt)) > 0 || possessive([]byte(lg)) > 0:
			note(verdict{kind: KindPlural}) // Harbor Reach beside Harbor’s Reach: grammar
		case lt == "of" && lg == "for" || lt == "for" && lg == "of":
			note(verdict{kind: KindOfFor, strong: true})
		case lt == lg:
			v := caseVerdict(tw, gw, i)
			v.kind = KindCase
			veto = veto || !v.strong
			note(v)
		case string(appendKey(nil, []byte(lt))) == string(appendKey(nil, []byte(lg))):
			// a plural: grammar on the last word, and before "and" where no
			// "of" or "for" makes the words parts of one name
			before := i+1 < len(gw) && gw[i+1].sep == 'a'
			numeral := gw[len(gw)-1].w == strings.ToUpper(gw[len(gw)-1].w) // Volumes IV, Sciences ABC
			// the head of "X of Y" is grammar too: Friends of the Museum, Acts of the Council
			head := i+1 < len(gw) && (strings.EqualFold(gw[i+1].w, "of") || strings.EqualFold(gw[i+1].w, "for"))
			// a capital changed with it: the phrase put in sentence case
			// (Ferry goal updates beside Ferry Goals Update)
			veto = veto || t.w[0] != g.w[0]
			note(verdict{kind: KindPlural, strong: !last && (!before || ofBefore) && !numeral && !head})
		case len(gw) == 1:
			// one word: a letter dropped or two swapped well inside it
			// (Lakesde, Marowdale), in no word the archive also writes in
			// lower case (Stand beside Strand); a changed or added letter
			// makes another word as often (Marwick beside Marlick)
			typing := len(lt) == len(lg)-1 || len(lt) == len(lg) && swapped(lt, lg)
			note(verdict{kind: KindSlip, strong: typing && innerDiff(lt, lg, 2) && !strings.ContainsAny(lt, "'’"), unless: []string{lt}})
		default:
			// an apostrophe for a letter is dialect: Cap'n for Captain
			note(verdict{kind: KindSlip, strong: innerDiff(lt, lg, 1) && !strings.ContainsAny(lt, "'’")})
		}
		if lg == "of" || lg == "for" {
			ofBefore = true
		}
	}
	if veto {
		best.strong = false
	}
	best.unless = unless
	return best
}

// upperWord: the word starts with a capital A–Z.
func upperWord(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

// innerCapital: a capital after the first letter, with a lower-case letter
// before it: DateTime, AnnaBerg; not HTTP or O'Brien.
func innerCapital(w string) bool {
	for i := 1; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' && w[i-1] >= 'a' && w[i-1] <= 'z' {
			return true
		}
	}
	return false
}

// caseVerdict judges a changed capital on word i: strong inside a word
// (GreenHaven) and on an inner word with a generic capitalised one after
// it (Academy of science and Technology); not on a last word, generic or
// not (Ferry compiler, Orbit silicon, and so Julia marin too), a phrase put
// in sentence case (Ferry goals update), a raised capital, or all
// capitals.
func caseVerdict(tw, gw []nameWord, i int) verdict {
	t, g := tw[i].w, gw[i].w
	switch {
	case t == strings.ToUpper(t):
		return verdict{}
	case t[0] == g[0]:
		return verdict{strong: true} // a capital inside the word
	case i == 0 || t[0] < 'a' || t[0] > 'z' || stopWords[t] || connectors[t] || tw[i].sep == '-':
		return verdict{} // title case keeps "an", "with", "during" small or not
	}
	// a generic word after it is capitalised only as part of the name:
	// Technology in Academy of science and Technology, not Cargo in
	// Ferry advisory for Orbit
	for k := i + 1; k < len(tw); k++ {
		if w := tw[k].w; upperWord(w) && commonNouns[string(appendKey(nil, []byte(strings.ToLower(w))))] {
			return verdict{strong: true}
		}
	}
	return verdict{}
}

// innerDiff: the two words differ inside, with their first letter and
// their last end letters alike: Lakesde, not Rustiest or Russian.
func innerDiff(a, b string, end int) bool {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	return p >= 1 && s >= end
}

// swapped: a and b differ by two neighbouring letters swapped.
func swapped(a, b string) bool {
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

func joinedLower(ws []nameWord) string {
	var b strings.Builder
	for _, w := range ws {
		b.WriteString(strings.ToLower(w.w))
	}
	return b.String()
}

// finalPlural: text is the name with its last word in the plural (or the
// singular) and nothing else changed: grammar, "the two Harbor City
// Museums", "the Miss Brookes".
func finalPlural(text, target string) bool {
	tw, gw := splitName(text), splitName(target)
	if len(tw) != len(gw) || len(tw) == 0 {
		return false
	}
	for i := range tw {
		if i > 0 && tw[i].sep != gw[i].sep {
			return false
		}
		if i < len(tw)-1 && tw[i].w != gw[i].w {
			return false
		}
	}
	a, b := tw[len(tw)-1].w, gw[len(gw)-1].w
	return a != b && a[0] == b[0] && string(appendKey(nil, []byte(a))) == string(appendKey(nil, []byte(b)))
}

// personNouns end the compounds of a people or a trade (Frenchmen,
// Dutchwoman, fishermen) that English also writes as two words.
var personNouns = map[string]bool{"man": true, "men": true, "woman": true, "women": true}
