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
	expr = literalForm(expr)
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
		if re.Min < 1 {
			return litSet{}
		}
		s := required(re.Sub[0])
		if s.ok && exact(re.Sub[0]) && re.Min > 1 {
			// x{2,} holds xx: a longer literal filters better.
			n := min(re.Min, 4)
			lits := s.lits
			for i := 1; i < n; i++ {
				p, ok := product(lits, s.lits)
				if !ok {
					return s
				}
				lits = p
			}
			return litSet{lits: lits, ok: true}
		}
		return s
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
		for _, sub := range flatten(re.Sub, nil) {
			s := required(sub)
			if s.neutral {
				continue
			}
			if s.ok && run && (sub.Op == syntax.OpPlus || sub.Op == syntax.OpRepeat) && exact(sub.Sub[0]) {
				// x+ starts with x: it extends the run, then ends it.
				if p, ok := product(cur.lits, s.lits); ok {
					consider(litSet{lits: p, ok: true})
				}
				consider(cur)
				run = false
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

// flatten inlines nested concatenations, which Simplify makes of x{2,}.
func flatten(subs []*syntax.Regexp, out []*syntax.Regexp) []*syntax.Regexp {
	for _, s := range subs {
		if s.Op == syntax.OpConcat {
			out = flatten(s.Sub, out)
			continue
		}
		out = append(out, s)
	}
	return out
}

// exact reports whether a node matches exactly the strings of its literal
// set, so that it can be joined with its neighbours.
func exact(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpLiteral, syntax.OpCharClass:
		return true
	case syntax.OpCapture:
		return exact(re.Sub[0])
	case syntax.OpAlternate, syntax.OpConcat:
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

var (
	lookaroundStart = regexp.MustCompile(`\(\?<?[=!]`)
	// zeroWidthTail and zeroWidthHead match what may stand after a final
	// lookahead or before a first lookbehind without consuming text.
	zeroWidthTail = regexp.MustCompile(`^(?:\)|\\b|\\B|\$)*$`)
	zeroWidthHead = regexp.MustCompile(`^(?:\(\?[imsU-]*\)|\(\?:|\(|\\b|\\B|\^)*$`)
)

// literalForm rewrites lookarounds for literal extraction: a positive
// lookahead at the end of the pattern (or a lookbehind at its start) is
// text that stands next to every match, so its content counts; any other
// lookaround is dropped, which only widens what the rest matches.
func literalForm(expr string) string {
	if !strings.Contains(expr, "(?") {
		return expr
	}
	var out []byte
	for i := 0; i < len(expr); {
		if expr[i] == '\\' && i+1 < len(expr) {
			out = append(out, expr[i], expr[i+1])
			i += 2
			continue
		}
		if loc := lookaroundStart.FindStringIndex(expr[i:]); loc != nil && loc[0] == 0 {
			j := groupEnd(expr, i)
			open := expr[i : i+loc[1]]
			body := expr[i+loc[1] : j-1]
			switch {
			case open == "(?=" && zeroWidthTail.MatchString(expr[j:]):
				out = append(out, "(?:"+body+")"...)
			case open == "(?<=" && zeroWidthHead.MatchString(string(out)):
				out = append(out, "(?:"+body+")"...)
			}
			i = j
			continue
		}
		out = append(out, expr[i])
		i++
	}
	return string(out)
}

// groupEnd returns the index just past the group opening at i.
func groupEnd(expr string, i int) int {
	depth, j := 0, i
	for ; j < len(expr); j++ {
		c := expr[j]
		if c == '\\' {
			j++
			continue
		}
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return j + 1
			}
		}
	}
	return len(expr)
}

// Prefix returns the literals every match of a Go-syntax pattern starts
// with, and the zero-width assertions before them (\b, ^), so that the
// pattern can be tried only where one of the literals starts. ok is false
// when matches do not start with a literal.
func Prefix(expr string) (lits []string, lead []syntax.Op, ok bool) {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil, nil, false
	}
	re = re.Simplify()
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	subs := []*syntax.Regexp{re}
	if re.Op == syntax.OpConcat {
		subs = flatten(re.Sub, nil)
	}
	i := 0
	for i < len(subs) && required(subs[i]).neutral {
		switch subs[i].Op {
		case syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpBeginLine, syntax.OpBeginText:
			lead = append(lead, subs[i].Op)
		case syntax.OpEmptyMatch:
		default:
			return nil, nil, false // $ or \z before any text
		}
		i++
	}
	for ; i < len(subs); i++ {
		sub := subs[i]
		s := required(sub)
		if !s.ok || s.neutral {
			break
		}
		if (sub.Op == syntax.OpPlus || sub.Op == syntax.OpRepeat) && exact(sub.Sub[0]) {
			if lits == nil {
				lits = s.lits
			} else if p, ok := product(lits, s.lits); ok {
				lits = p
			}
			break
		}
		if !exact(sub) {
			break
		}
		if lits == nil {
			lits = s.lits
			continue
		}
		p, ok := product(lits, s.lits)
		if !ok {
			break
		}
		lits = p
	}
	if len(lits) == 0 {
		return nil, nil, false
	}
	return dedupe(lits), lead, true
}

// A Runs matcher finds the matches of a pattern that is one character
// class repeated (\w+, [^\s]+, \b[A-Z]{3,5}\b) without a regular
// expression engine: they are runs of the class.
type Runs struct {
	class    []rune // ranges, in pairs
	min, max int    // max < 0: no limit
	word     bool   // \b on both sides: whole runs of ASCII word characters
}

// RunsOf returns a Runs matcher for expr, or nil when it is not that simple.
func RunsOf(expr string) *Runs {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	re = re.Simplify()
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	subs := []*syntax.Regexp{re}
	if re.Op == syntax.OpConcat {
		subs = flatten(re.Sub, nil)
	}
	word := false
	if len(subs) == 3 && subs[0].Op == syntax.OpWordBoundary && subs[2].Op == syntax.OpWordBoundary {
		word, subs = true, subs[1:2]
	}
	if len(subs) != 1 {
		return nil
	}
	rep := subs[0]
	for rep.Op == syntax.OpCapture {
		rep = rep.Sub[0]
	}
	r := &Runs{word: word, min: 1, max: -1}
	switch rep.Op {
	case syntax.OpPlus:
	case syntax.OpRepeat:
		r.min, r.max = rep.Min, rep.Max
		if r.min < 1 {
			return nil
		}
	default:
		return nil
	}
	if rep.Flags&syntax.NonGreedy != 0 || rep.Sub[0].Op != syntax.OpCharClass {
		return nil
	}
	r.class = rep.Sub[0].Rune
	if word {
		// Only a class of word characters has its runs end at \b.
		for i := 0; i+1 < len(r.class); i += 2 {
			for c := r.class[i]; c <= r.class[i+1]; c++ {
				if !isWordByte(c) {
					return nil
				}
			}
		}
	} else if r.max >= 0 && r.max != r.min {
		return nil // greedy chunks of a bounded range: leave it to the engine
	}
	return r
}

func isWordByte(c rune) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func (r *Runs) in(c rune) bool {
	for i := 0; i+1 < len(r.class); i += 2 {
		if c < r.class[i] {
			return false
		}
		if c <= r.class[i+1] {
			return true
		}
	}
	return false
}

// FindAll calls fn with the byte span of each match, in order.
func (r *Runs) FindAll(text []byte, fn func(start, end int)) {
	if r.word {
		// Whole runs of ASCII word characters, as Go's \b reads them,
		// that lie in the class and have an allowed length.
		for i := 0; i < len(text); {
			if !isWordByte(rune(text[i])) {
				i++
				continue
			}
			j, all := i, true
			for j < len(text) && isWordByte(rune(text[j])) {
				all = all && r.in(rune(text[j]))
				j++
			}
			if n := j - i; all && n >= r.min && (r.max < 0 || n <= r.max) {
				fn(i, j)
			}
			i = j
		}
		return
	}
	for i := 0; i < len(text); {
		c, w := utf8.DecodeRune(text[i:])
		if !r.in(c) {
			i += w
			continue
		}
		j, n := i, 0
		var ends []int
		for j < len(text) {
			c, w := utf8.DecodeRune(text[j:])
			if !r.in(c) {
				break
			}
			j += w
			n++
			if r.max > 0 && n%r.max == 0 {
				ends = append(ends, j)
			}
		}
		if r.max < 0 {
			if n >= r.min {
				fn(i, j)
			}
		} else {
			// {n}: consecutive chunks of exactly n.
			from := i
			for _, e := range ends {
				fn(from, e)
				from = e
			}
		}
		i = j
	}
}
