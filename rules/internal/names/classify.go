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

// classify says how text differs from the name target and whether that is
// a strong difference, one a person would mark without a glossary: not a
// plural ending, a changed capital of the first or a generic last word, or
// a plural before "and" in a name with no "of" (Americans and English).
// near: the text matched the name with a word dropped or swapped.
func classify(text, target string, near bool) (Kind, bool) {
	tw, gw := splitName(text), splitName(target)
	if near {
		if len(tw) < len(gw) {
			return KindDropped, len(gw) >= 4
		}
		return KindSwapped, true
	}
	if len(tw) != len(gw) {
		if joinedLower(tw) != joinedLower(gw) {
			return KindSlip, true
		}
		if len(tw) < len(gw) {
			return KindJoined, true // Annaberg, Harborcity
		}
		// Split: a part left in lower case (Lake side, Shi pping), a
		// person's name (Anna Berg for Annaberg), or a name that goes on
		// (Green Haven Water Trust); two capitalised words alone are as
		// often another name (New Haven beside Newhaven).
		if len(tw) >= 3 {
			return KindJoined, true
		}
		person := len(tw) == 2
		for _, w := range tw {
			if w.w[0] >= 'a' && w.w[0] <= 'z' && !connectors[w.w] {
				return KindJoined, true
			}
			person = person && personWord(w.w)
		}
		return KindJoined, person
	}
	best, strong := KindNone, false
	note := func(k Kind, s bool) {
		if s && !strong || s == strong && k > best {
			best, strong = k, s
		}
	}
	ofBefore := false
	for i := range tw {
		t, g := tw[i], gw[i]
		if i > 0 && t.sep != g.sep {
			switch {
			case t.sep == ',' && g.sep == 'a':
				note(KindComma, true)
			case t.sep == '&' && g.sep == 'a':
				note(KindAmpersand, true)
			case t.sep == ' ' && g.sep == 'a':
				note(KindAnd, true)
			case t.sep == '-' || g.sep == '-':
				note(KindHyphen, true)
			default:
				note(KindComma, false)
			}
		}
		last := i == len(tw)-1
		lt, lg := strings.ToLower(t.w), strings.ToLower(g.w)
		switch {
		case t.w == g.w:
		case lt == "of" && lg == "for" || lt == "for" && lg == "of":
			note(KindOfFor, true)
		case lt == lg:
			note(KindCase, caseStrong(t.w, g.w, i, last))
		case string(appendKey(nil, []byte(lt))) == string(appendKey(nil, []byte(lg))):
			// a plural: grammar on the last word, and before "and" where no
			// "of" or "for" makes the words parts of one name
			before := i+1 < len(gw) && gw[i+1].sep == 'a'
			numeral := gw[len(gw)-1].w == strings.ToUpper(gw[len(gw)-1].w) // Books IV, Sciences ABC
			note(KindPlural, !last && (!before || ofBefore) && !numeral)
		default:
			note(KindSlip, innerDiff(lt, lg))
		}
		if lg == "of" || lg == "for" {
			ofBefore = true
		}
	}
	return best, strong
}

// caseStrong: a changed capital a person would mark: inside a name, or on
// its last word when that is no generic noun (Julia marin, not Infra team);
// never all capitals (a heading) or the first word.
func caseStrong(t, g string, i int, last bool) bool {
	if t == strings.ToUpper(t) || i == 0 && t[0] != g[0] {
		return false
	}
	if strings.ToLower(t) == t && strings.ToLower(g[:1]) == g[:1] {
		return false // the name has it lower case: only inner capitals differ
	}
	if t[0] != g[0] && last {
		return !commonNouns[string(appendKey(nil, []byte(strings.ToLower(t))))]
	}
	return true
}

// innerDiff: the two words differ inside, with their first letter and
// their end alike: Lakesde, not Rustiest or Russian.
func innerDiff(a, b string) bool {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	return p >= 1 && s >= 1
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
