package matcher

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// maxLits bounds the literal set of one pattern; beyond it the pattern is
// cheaper to run than to pre-filter.
const maxLits = 256

// Required returns literals of which every match of the pattern contains
// at least one, ASCII letters in lower case, for an automaton that folds
// ASCII. ok is false when no such set could be derived (an optional
// branch, a wide character class, a pattern Go's parser rejects): the
// pattern must then run everywhere. Lookarounds are removed first, which
// only widens what the rest matches, so the literals stay required.
func Required(expr string) (lits []string, ok bool) {
	expr, _ = WithoutLookarounds(expr)
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil, false
	}
	s := required(re.Simplify())
	if !s.ok || len(s.lits) == 0 {
		return nil, false
	}
	return dedupe(s.lits), true
}

type litSet struct {
	lits    []string
	ok      bool // every match holds one of lits
	neutral bool // matches only the empty string: no constraint either way
}

func required(re *syntax.Regexp) litSet {
	switch re.Op {
	case syntax.OpLiteral:
		s := string(re.Rune)
		if re.Flags&syntax.FoldCase != 0 && HasCasedNonASCII(s) {
			return litSet{}
		}
		return litSet{lits: []string{asciiLower(s)}, ok: true}
	case syntax.OpCapture:
		return required(re.Sub[0])
	case syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
		return litSet{}
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return litSet{neutral: true}
	case syntax.OpCharClass:
		return charClass(re)
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			s := required(sub)
			if !s.ok || len(out)+len(s.lits) > maxLits {
				return litSet{}
			}
			out = append(out, s.lits...)
		}
		return litSet{lits: out, ok: true}
	case syntax.OpConcat:
		// Adjacent single literals join into longer ones (a class of
		// [sS] then "ome" is {"some"}); otherwise the child with the
		// longest shortest literal is the best filter.
		var best litSet
		var cur litSet // product of the current run of literal-only children
		run := false
		consider := func(s litSet) {
			if !s.ok {
				return
			}
			if !best.ok || score(s) > score(best) {
				best = s
			}
		}
		for _, sub := range re.Sub {
			s := required(sub)
			if s.neutral {
				continue
			}
			if s.ok && exact(sub) {
				if run {
					if p, ok := product(cur.lits, s.lits); ok {
						cur = litSet{lits: p, ok: true}
						continue
					}
					consider(cur)
				}
				cur, run = s, true
				continue
			}
			if run {
				consider(cur)
				run = false
			}
			consider(s)
		}
		if run {
			consider(cur)
		}
		return best
	}
	return litSet{}
}

// exact reports whether a node matches exactly the strings of its literal
// set, so that it can be joined with its neighbours.
func exact(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral, syntax.OpCharClass:
		return true
	case syntax.OpCapture:
		return exact(re.Sub[0])
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if !exact(s) {
				return false
			}
		}
		return true
	}
	return false
}

func product(a, b []string) ([]string, bool) {
	if len(a)*len(b) > maxLits {
		return nil, false
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out, true
}

func score(s litSet) int {
	m := 1 << 30
	for _, l := range s.lits {
		m = min(m, len(l))
	}
	// A longer shortest literal matters most; among equals, fewer literals.
	return m*1024 - min(len(s.lits), 1023)
}

func charClass(re *syntax.Regexp) litSet {
	var out []string
	seen := map[string]bool{}
	for i := 0; i+1 < len(re.Rune); i += 2 {
		lo, hi := re.Rune[i], re.Rune[i+1]
		if hi-lo > 16 || len(out) > 16 {
			return litSet{}
		}
		for r := lo; r <= hi; r++ {
			if r >= utf8.RuneSelf && HasCasedNonASCII(string(r)) && re.Flags&syntax.FoldCase != 0 {
				return litSet{}
			}
			s := asciiLower(string(r))
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	if len(out) == 0 || len(out) > 16 {
		return litSet{}
	}
	return litSet{lits: out, ok: true}
}

func dedupe(ss []string) []string {
	seen := make(map[string]bool, len(ss))
	out := ss[:0]
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

var lookaroundStart = regexp.MustCompile(`\(\?<?[=!]`)

// WithoutLookarounds removes every lookahead and lookbehind group from
// expr, reporting whether it removed any. Parentheses are counted, so a
// nested group goes with its parent and an escaped one is not structure.
func WithoutLookarounds(expr string) (string, bool) {
	if !strings.Contains(expr, "(?") {
		return expr, false
	}
	var out []byte
	changed := false
	for i := 0; i < len(expr); {
		if expr[i] == '\\' && i+1 < len(expr) {
			out = append(out, expr[i], expr[i+1])
			i += 2
			continue
		}
		if loc := lookaroundStart.FindStringIndex(expr[i:]); loc != nil && loc[0] == 0 {
			depth, j := 0, i
			for ; j < len(expr); j++ {
				c := expr[j]
				if c == '\\' {
					j++
					continue
				}
				if c == '(' {
					depth++
				} else if c == ')' {
					depth--
					if depth == 0 {
						j++
						break
					}
				}
			}
			i = j
			changed = true
			continue
		}
		out = append(out, expr[i])
		i++
	}
	return string(out), changed
}
