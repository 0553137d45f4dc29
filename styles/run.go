package styles

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
)

// scanResult is one document's units and the automaton's hits in them,
// shared by every style rule of a Set as its input Set.scanned.
type scanResult struct {
	units []unit
	hits  []hit   // grouped by rule, each group in unit then end order
	start []int32 // rule r's hits are hits[start[r]:start[r+1]]
}

// hit is a rule entry's literal in a unit; end is where it ends, or for
// an anchored pattern where it starts.
type hit struct{ unit, entry, end int32 }

// stamps is the scan's memory of which literals it kept in which unit.
type stamps struct {
	seen []int32
	base int32
}

func (s *Set) scan(doc *document.Document) *scanResult {
	sr := &scanResult{units: buildUnits(doc, s.wantAlt), start: make([]int32, len(s.rules)+1)}
	type rhit struct {
		rule int32
		h    hit
	}
	var all []rhit
	// A pattern runs on the whole unit, so its first literal there is all
	// the scan keeps; a plain word is checked here, so that "is" inside
	// "this" costs nothing later.
	// seen holds, by automaton ID, a stamp of the last unit its literal
	// was kept in; stamps run on across documents, so that the table is
	// cleared only when they wrap, not once a document.
	st, _ := s.stamps.Get().(*stamps)
	if st == nil || len(st.seen) != len(s.refs) || st.base > math.MaxInt32-int32(len(sr.units))-1 {
		st = &stamps{seen: make([]int32, len(s.refs))}
	}
	seen, base := st.seen, st.base+1
	st.base += int32(len(sr.units)) + 1
	for ui := range sr.units {
		text := sr.units[ui].text
		stamp := base + int32(ui)
		s.auto.Scan(text, func(id int32, end int) {
			r := &s.refs[id]
			if r.anchored {
				end -= int(r.litLen)
			} else if r.word == "" {
				if seen[id] == stamp {
					return
				}
				seen[id] = stamp
			} else if !wordAt(text, end-len(r.word), end, r.word, r.ignoreCase, r.nonword) {
				return
			}
			all = append(all, rhit{r.rule, hit{int32(ui), r.entry, int32(end)}})
			sr.start[r.rule+1]++
		})
	}
	s.stamps.Put(st)
	for r := 1; r < len(sr.start); r++ {
		sr.start[r] += sr.start[r-1]
	}
	sr.hits = make([]hit, len(all))
	next := append([]int32(nil), sr.start[:len(s.rules)]...)
	for _, rh := range all {
		sr.hits[next[rh.rule]] = rh.h
		next[rh.rule]++
	}
	return sr
}

func (s *Set) lintRule(c *crule) *lint.Rule {
	d := c.d
	r := &lint.Rule{ID: d.id, Category: lint.CategoryStyle, Severity: c.sev, Requires: []lint.Requirement{s.scanned}}
	r.Doc.Title = format(d.Message, "…", "…")
	why := d.Description
	if why == "" {
		why = "The house style says so."
	}
	why += fmt.Sprintf(" (A Vale %s rule from %s", d.Extends, d.file)
	if d.Link != "" {
		why += "; see " + d.Link
	}
	r.Doc.Why = why + ".)"
	switch {
	case len(d.Wrong) > 0:
		r.Doc.Wrong = d.Wrong[0]
	case len(d.Tokens) > 0:
		r.Doc.Wrong = "text matching " + strconv.Quote(d.Tokens[0])
	case len(d.Swap) > 0:
		r.Doc.Wrong = "text matching " + strconv.Quote(d.Swap[0].key)
	case len(d.Either) > 0:
		r.Doc.Wrong = d.Either[0].key + " and " + d.Either[0].value + " in one article"
	case d.First != "":
		r.Doc.Wrong = "text matching " + strconv.Quote(d.First) + " without " + strconv.Quote(d.Second)
	case d.Token != "":
		r.Doc.Wrong = fmt.Sprintf("a %s with more than %d matches of %q", orDefault(d.Scope, "block"), d.Max, d.Token)
	default:
		r.Doc.Wrong = "a " + orDefault(d.Scope, "block") + " not in " + d.Match + " case"
	}
	switch {
	case len(d.Right) > 0:
		r.Doc.Right = d.Right[0]
	case len(d.Swap) > 0:
		r.Doc.Right = d.Swap[0].value
	}
	if c.fixOn {
		what := "Replaces the text with what the rule wants, keeping a capital at the start and ALL CAPS"
		switch {
		case d.Extends == "substitution" && (d.ActionName == "" || d.ActionName == "replace"):
		case d.ActionName == "remove":
			what = "Removes the text"
		case d.ActionName == "edit" || d.ActionName == "convert":
			args := ""
			for i, a := range d.ActionArgs {
				if i == 0 && d.ActionName == "edit" {
					args += " " + a
				} else {
					args += " " + strconv.Quote(a)
				}
			}
			what = fmt.Sprintf("Edits the text as the rule's action says (%s%s)", d.ActionName, args)
		case d.Extends == "capitalization":
			what = "Rewrites the text in the case the rule wants"
		}
		r.Fixable = lint.FixUnsafe
		r.Doc.Fix = what + "; unsafe unless the rule says fix: safe, since the house style cannot know every context. Suggestions with several choices are not applied."
		if c.fix == lint.Safe {
			r.Fixable = lint.FixMixed
			r.Doc.Fix = what + ". Safe (the rule says fix: safe) except inside link text or quotation marks, where it is unsafe."
		}
	}
	r.Run = func(pass *lint.Pass) {
		s.run(pass, c, s.scanned.Of(pass))
	}
	c.rule = r
	return r
}

func orDefault(ss []string, def string) string {
	if len(ss) == 0 {
		return def
	}
	return ss[0]
}

// format fills %s (and %d, %v) in a Vale message in order; a missing
// argument repeats the last.
func format(msg string, args ...string) string {
	var b strings.Builder
	k := 0
	for i := 0; i < len(msg); i++ {
		if msg[i] == '%' && i+1 < len(msg) {
			switch msg[i+1] {
			case 's', 'd', 'v':
				arg := ""
				if k < len(args) {
					arg = args[k]
					k++
				} else if len(args) > 0 {
					arg = args[len(args)-1]
				}
				b.WriteString(arg)
				i++
				continue
			case '%':
				b.WriteByte('%')
				i++
				continue
			}
		}
		b.WriteByte(msg[i])
	}
	return b.String()
}

// reporter counts a rule's findings in one document against its limit.
type reporter struct {
	pass *lint.Pass
	c    *crule
	n    int
}

func (r *reporter) full() bool { return r.c.limit > 0 && r.n >= r.c.limit }

func (r *reporter) report(d lint.Diagnostic) {
	if r.full() {
		return
	}
	r.n++
	r.pass.Report(d)
}

func (s *Set) run(pass *lint.Pass, c *crule, sr *scanResult) {
	rp := &reporter{pass: pass, c: c}
	switch c.d.Extends {
	case "existence", "substitution":
		s.runWords(rp, c, sr)
	case "occurrence":
		s.runOccurrence(rp, c, sr)
	case "repetition":
		s.runRepetition(rp, c, sr)
	case "consistency":
		s.runConsistency(rp, c, sr)
	case "conditional":
		s.runConditional(rp, c, sr)
	case "capitalization":
		s.runCapitalization(rp, c, sr)
	}
}

// text returns what a rule reads of a unit and the source offset mapping.
func (c *crule) text(u *unit) []byte {
	if c.sc.raw {
		return u.raw
	}
	return u.text
}

func (c *crule) span(u *unit, i, j int) (int, int) {
	if c.sc.raw {
		return u.rawPos + i, u.rawPos + j
	}
	if j > i {
		return u.offset(i), u.offset(j-1) + 1
	}
	o := u.offset(i)
	return o, o
}

type cand struct {
	start, end int
	entry      int32
}

// matches finds a word rule's matches in one unit: the automaton's direct
// hits, and the patterns whose literals occur (or that have none), kept
// leftmost-first without overlap as one alternation would.
func (s *Set) matches(c *crule, u *unit, uh []hit, cands []cand) ([]cand, bool) {
	text := c.text(u)
	cands = cands[:0]
	var ran []int32
	timedOut := false
	// A sentence-scoped rule's patterns run on each sentence alone, as
	// Vale runs them: an anchor or a lookaround sees the sentence's edges.
	var one [1][2]int
	segs := c.segments(text, one[:])
	runEntry := func(ei int32) {
		for _, r := range ran {
			if r == ei {
				return
			}
		}
		ran = append(ran, ei)
		for _, sg := range segs {
			if err := c.entries[ei].re.findAll(text[sg[0]:sg[1]], func(a, b int) { cands = append(cands, cand{sg[0] + a, sg[0] + b, ei}) }); err != nil {
				timedOut = true
			}
		}
	}
	var starts []cand // anchored patterns: where their prefixes start
	for _, h := range uh {
		e := c.entries[h.entry]
		switch {
		case e.word != "":
			// Checked by the scan.
			cands = append(cands, cand{int(h.end) - len(e.word), int(h.end), h.entry})
		case e.re.anch != nil && !c.sc.raw:
			starts = append(starts, cand{int(h.end), 0, h.entry})
		default:
			runEntry(h.entry)
		}
	}
	if len(starts) > 0 {
		// Each pattern's matches in order, none overlapping the last, as
		// FindAll would give them.
		sort.Slice(starts, func(i, j int) bool {
			if starts[i].entry != starts[j].entry {
				return starts[i].entry < starts[j].entry
			}
			return starts[i].start < starts[j].start
		})
		last, lastEntry := -1, int32(-1)
		for _, st := range starts {
			if st.entry != lastEntry {
				last, lastEntry = -1, st.entry
			}
			if st.start < last {
				continue
			}
			sg, ok := segmentAt(segs, st.start)
			if !ok {
				continue
			}
			if end := c.entries[st.entry].re.matchAt(text[sg[0]:sg[1]], st.start-sg[0]); end >= 0 {
				cands = append(cands, cand{st.start, sg[0] + end, st.entry})
				last = sg[0] + end
			}
		}
	}
	for _, ei := range c.always {
		runEntry(int32(ei))
	}
	if timedOut {
		s.timeout(c.d.id)
	}
	if len(cands) > 1 {
		sort.Slice(cands, func(i, j int) bool {
			if cands[i].start != cands[j].start {
				return cands[i].start < cands[j].start
			}
			return cands[i].entry < cands[j].entry
		})
		out := cands[:1]
		for _, m := range cands[1:] {
			if m.start >= out[len(out)-1].end {
				out = append(out, m)
			}
		}
		cands = out
	}
	if c.sc.sentence {
		// A word the scan found across two sentences is in neither.
		out := cands[:0]
		for _, m := range cands {
			if sg, ok := segmentAt(segs, m.start); ok && m.end <= sg[1] {
				out = append(out, m)
			}
		}
		cands = out
	}
	return cands, timedOut
}

// segments are the spans of a unit's text a rule reads as one, in buf:
// each sentence for a sentence-scoped rule, else the whole text.
func (c *crule) segments(text []byte, buf [][2]int) [][2]int {
	buf = buf[:0]
	if !c.sc.sentence {
		return append(buf, [2]int{0, len(text)})
	}
	sentences(text, func(a, b int) { buf = append(buf, [2]int{a, b}) })
	return buf
}

// segmentAt returns the segment that holds position i.
func segmentAt(segs [][2]int, i int) ([2]int, bool) {
	k := sort.Search(len(segs), func(k int) bool { return segs[k][1] > i })
	if k < len(segs) && segs[k][0] <= i {
		return segs[k], true
	}
	return [2]int{}, false
}

// wordAt checks a direct hit: the case (the automaton folds ASCII) and,
// for word rules, a word boundary on each side as \b would.
func wordAt(text []byte, st, end int, word string, ignoreCase, nonword bool) bool {
	if st < 0 {
		return false
	}
	if !ignoreCase && string(text[st:end]) != word {
		return false
	}
	if nonword {
		return true
	}
	first, _ := utf8.DecodeRuneInString(word)
	last, _ := utf8.DecodeLastRuneInString(word)
	before, after := ' ', ' '
	if st > 0 {
		before, _ = utf8.DecodeLastRune(text[:st])
	}
	if end < len(text) {
		after, _ = utf8.DecodeRune(text[end:])
	}
	return isWord(before) != isWord(first) && isWord(last) != isWord(after)
}

func isWord(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

func (s *Set) eachUnit(c *crule, sr *scanResult, fn func(ui int, u *unit, uh []hit) bool) {
	hits := sr.hits[sr.start[c.idx]:sr.start[c.idx+1]]
	always := len(c.always) > 0 || len(c.entries) == 0
	hi := 0
	for ui := range sr.units {
		j := hi
		for j < len(hits) && int(hits[j].unit) == ui {
			j++
		}
		uh := hits[hi:j]
		hi = j
		u := &sr.units[ui]
		if u.kind&c.sc.mask == 0 || (len(uh) == 0 && !always) {
			continue
		}
		if !fn(ui, u, uh) {
			return
		}
	}
}

func (s *Set) runWords(rp *reporter, c *crule, sr *scanResult) {
	var cands []cand
	s.eachUnit(c, sr, func(_ int, u *unit, uh []hit) bool {
		cands, _ = s.matches(c, u, uh, cands)
		text := c.text(u)
		var phrases [][2]int
		if c.phrase != nil && len(cands) > 0 {
			_ = c.phrase.findAll(text, func(a, b int) { phrases = append(phrases, [2]int{a, b}) })
		}
		for _, m := range cands {
			observed := string(text[m.start:m.end])
			if c.except != nil && c.except.match(observed) || within(phrases, m.start, m.end) {
				continue
			}
			e := c.entries[m.entry]
			start, end := c.span(u, m.start, m.end)
			d := lint.Diagnostic{Start: start, End: end}
			if c.d.Extends == "substitution" {
				opts := strings.Split(e.repl, "|")
				if c.d.terms {
					// Vale.Terms: the value is the term, maybe a pattern,
					// which the text may already match.
					opts = []string{e.repl}
					if e.same != nil && e.same.match(observed) {
						continue
					}
				} else if slices.Contains(opts, observed) {
					continue
				}
				d.Message = format(c.d.Message, toSentence(opts), observed)
				d.Fix = c.matchFix(u, text, m, observed, opts)
			} else {
				d.Message = format(c.d.Message, observed)
				d.Fix = c.matchFix(u, text, m, observed, nil)
			}
			rp.report(d)
			if rp.full() {
				return false
			}
		}
		return true
	})
}

// matchFix is the fix for a match, nil when the rule has none for it: a
// substitution's one choice (in the case of what it replaces), else what
// the rule's action makes of the match. A removal takes one space with it.
func (c *crule) matchFix(u *unit, text []byte, m cand, observed string, swap []string) *lint.Fix {
	if !c.fixOn {
		return nil
	}
	var repl string
	if swap != nil && (c.act.name == "" || c.act.name == "replace" && len(c.act.args) == 0) {
		if len(swap) != 1 {
			return nil
		}
		repl = recase(swap[0], observed)
		if c.d.terms {
			// The term's own spelling; a pattern gives no text to write.
			if !literalTerm(swap[0]) || strings.ContainsAny(observed, "\n\t") {
				return nil
			}
			repl = swap[0]
		}
	} else {
		var ok bool
		if repl, ok = c.act.apply(observed); !ok {
			return nil
		}
	}
	if repl == observed {
		return nil
	}
	if repl == "" {
		if m.end < len(text) && text[m.end] == ' ' && (m.start == 0 || text[m.start-1] == ' ') {
			m.end++
		}
	}
	return c.replaceFix(u, text, m, repl)
}

// replaceFix replaces a match, if its bytes are one run of the source.
// A safe rule's fix is unsafe inside link text or quotation marks, which
// are not the writer's own prose to change.
func (c *crule) replaceFix(u *unit, text []byte, m cand, repl string) *lint.Fix {
	if c.sc.raw || !u.contiguous(m.start, m.end) {
		return nil
	}
	start, end := c.span(u, m.start, m.end)
	app := c.fix
	if app == lint.Safe && (u.inLabel(m.start, m.end) || inQuotes(text, m.start)) {
		app = lint.Unsafe
	}
	msg := fmt.Sprintf("Replace %q with %q", text[m.start:m.end], repl)
	if repl == "" {
		msg = fmt.Sprintf("Remove %q", text[m.start:m.end])
	}
	return &lint.Fix{Message: msg, Applicability: app, Edits: []lint.Edit{{Start: start, End: end, NewText: repl}}}
}

// inQuotes reports whether position i lies inside quotation marks opened
// earlier in the unit: a quote's words are not for the desk to change.
func inQuotes(text []byte, i int) bool {
	straight, curly := 0, 0
	s := string(text[:i])
	for _, r := range s {
		switch r {
		case '"':
			straight++
		case '“':
			curly++
		case '”':
			if curly > 0 {
				curly--
			}
		}
	}
	return straight%2 == 1 || curly > 0
}

// recase gives a replacement the case of what it replaces: a capital at
// the start stays one, ALL CAPS stays all caps.
func recase(repl, observed string) string {
	letters, upper := 0, 0
	for _, r := range observed {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if letters > 1 && upper == letters {
		return strings.ToUpper(repl)
	}
	o, _ := utf8.DecodeRuneInString(observed)
	r, n := utf8.DecodeRuneInString(repl)
	if unicode.IsUpper(o) && unicode.IsLower(r) {
		return string(unicode.ToUpper(r)) + repl[n:]
	}
	return repl
}

// toSentence joins choices as Vale does: "a", "a or b", "a, b or c".
func toSentence(opts []string) string {
	switch len(opts) {
	case 1:
		return opts[0]
	case 2:
		return opts[0] + " or " + opts[1]
	}
	return strings.Join(opts[:len(opts)-1], ", ") + " or " + opts[len(opts)-1]
}

func (s *Set) runOccurrence(rp *reporter, c *crule, sr *scanResult) {
	d := c.d
	check := func(u *unit, text []byte, a, b int) {
		sub := text[a:b]
		var locs [][2]int
		if err := c.occ.findAll(sub, func(x, y int) { locs = append(locs, [2]int{x, y}) }); err != nil {
			s.timeout(d.id)
			return
		}
		n := len(locs)
		if (d.Max <= 0 || n <= d.Max) && (d.Min <= 0 || n >= d.Min) {
			return
		}
		at := [2]int{0, 0}
		if n == 0 {
			at = [2]int{0, min(len(sub), wordLen(sub))}
		} else {
			found := false
			for _, l := range locs {
				if strings.TrimSpace(string(sub[l[0]:l[1]])) != "" {
					at, found = l, true
					break
				}
			}
			if !found {
				return
			}
		}
		start, end := c.span(u, a+at[0], a+at[1])
		rp.report(lint.Diagnostic{Start: start, End: end, Message: format(d.Message, strconv.Itoa(n))})
	}
	s.eachUnit(c, sr, func(_ int, u *unit, _ []hit) bool {
		text := c.text(u)
		var one [1][2]int
		for _, sg := range c.segments(text, one[:]) {
			check(u, text, sg[0], sg[1])
		}
		return !rp.full()
	})
}

func wordLen(b []byte) int {
	for i, r := range string(b) {
		if unicode.IsSpace(r) {
			return i
		}
	}
	return len(b)
}

func (s *Set) runRepetition(rp *reporter, c *crule, sr *scanResult) {
	d := c.d
	s.eachUnit(c, sr, func(_ int, u *unit, _ []hit) bool {
		text := c.text(u)
		var one [1][2]int
		for _, sg := range c.segments(text, one[:]) {
			var prev string
			var ploc [2]int
			count := 0
			off := sg[0]
			err := c.rep.findAll(text[sg[0]:sg[1]], func(a, b int) {
				a, b = a+off, b+off
				curr := strings.TrimSpace(string(text[a:b]))
				var same bool
				if d.IgnoreCase {
					same = strings.EqualFold(curr, prev) && curr != ""
				} else {
					same = curr == prev && curr != ""
				}
				same = same && (!d.Alpha || allLetters(curr))
				if same {
					count++
				}
				if same && count > d.Max {
					span := text[ploc[0]:b]
					n := 0
					sentences(span, func(int, int) { n++ })
					if n == 1 && (c.except == nil || !c.except.match(string(span))) {
						start, end := c.span(u, ploc[0], b)
						m := cand{ploc[0], b, 0}
						rp.report(lint.Diagnostic{Start: start, End: end, Message: format(d.Message, curr),
							Fix: c.matchFix(u, text, m, string(span), nil)})
						count = 0
					}
				}
				ploc, prev = [2]int{a, b}, curr
			})
			if err != nil {
				s.timeout(d.id)
			}
		}
		return !rp.full()
	})
}

func allLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

func (s *Set) runConsistency(rp *reporter, c *crule, sr *scanResult) {
	seen := map[int]uint8{}
	var cands []cand
	s.eachUnit(c, sr, func(_ int, u *unit, uh []hit) bool {
		var all []cand
		all, _ = s.matches(c, u, uh, cands)
		cands = all
		text := c.text(u)
		var one [1][2]int
		for _, sg := range c.segments(text, one[:]) {
			in := all // this segment's matches, the block Vale checks
			if c.sc.sentence {
				in = nil
				for _, m := range all {
					if m.start >= sg[0] && m.end <= sg[1] {
						in = append(in, m)
					}
				}
			}
			last := map[int]cand{}
			var order []int
			for _, m := range in {
				e := c.entries[m.entry]
				seen[e.pair] |= 1 << e.side
				if _, ok := last[e.pair]; !ok {
					order = append(order, e.pair)
				}
				last[e.pair] = m
			}
			sort.Ints(order)
			for _, p := range order {
				if seen[p] != 3 {
					continue
				}
				// Vale reports where the text of the block's last match
				// first occurs in the block.
				m := last[p]
				word := text[m.start:m.end]
				for _, x := range in {
					if string(text[x.start:x.end]) == string(word) {
						m = x
						break
					}
				}
				start, end := c.span(u, m.start, m.end)
				rp.report(lint.Diagnostic{Start: start, End: end, Message: format(c.d.Message, string(word)),
					Fix: c.matchFix(u, text, m, string(word), nil)})
			}
		}
		return !rp.full()
	})
}

func (s *Set) runConditional(rp *reporter, c *crule, sr *scanResult) {
	defined := map[string]bool{}
	s.eachUnit(c, sr, func(_ int, u *unit, _ []hit) bool {
		text := c.text(u)
		var one [1][2]int
		for _, sg := range c.segments(text, one[:]) {
			seg := text[sg[0]:sg[1]]
			if !c.secondGroups {
				if c.second.match(string(seg)) {
					continue
				}
			} else if containsAnyFold(seg, c.secondLits) {
				for _, g := range c.second.submatches(seg) {
					for _, m := range g[1:] {
						if m != "" {
							defined[m] = true
						}
					}
				}
			}
			err := c.first.findAll(seg, func(a, b int) {
				w := string(seg[a:b])
				if defined[w] || (c.except != nil && c.except.match(w)) {
					return
				}
				start, end := c.span(u, sg[0]+a, sg[0]+b)
				rp.report(lint.Diagnostic{Start: start, End: end, Message: format(c.d.Message, w),
					Fix: c.matchFix(u, text, cand{sg[0] + a, sg[0] + b, 0}, w, nil)})
			})
			if err != nil {
				s.timeout(c.d.id)
			}
		}
		return !rp.full()
	})
}

func (s *Set) runCapitalization(rp *reporter, c *crule, sr *scanResult) {
	s.eachUnit(c, sr, func(_ int, u *unit, _ []hit) bool {
		text := c.text(u)
		var one [1][2]int
		for _, sg := range c.segments(text, one[:]) {
			a, b := sg[0], sg[1]
			// Code stays in, as a word: Vale masks it with asterisks, and a
			// heading that starts with code starts with a word that passes.
			for a < b && (text[a] == ' ' || text[a] == '\t') {
				a++
			}
			for b > a && (text[b-1] == ' ' || text[b-1] == '\t' || text[b-1] == '\n') {
				b--
			}
			if a == b {
				continue
			}
			str := string(text[a:b])
			// Code in a heading stands as asterisks, as Vale masks it: a
			// word that passes whatever its case. Code at either end of
			// the block lies outside its text, so the source says.
			check := strings.ReplaceAll(str, string(placeholder), "*")
			if !c.sc.raw && !c.sc.sentence {
				lead, trail := u.codeAtEnds(a, b)
				if lead {
					check = "* " + check
				}
				if trail {
					check += " *"
				}
			}
			expected, ok := c.capCheck(check)
			if ok {
				continue
			}
			start, end := c.span(u, a, b)
			d := lint.Diagnostic{Start: start, End: end, Message: format(c.d.Message, str, expected)}
			if !strings.ContainsRune(str, placeholder) {
				if c.act.name == "replace" && len(c.act.args) == 0 {
					if expected != "" && c.fixOn && expected != str {
						d.Fix = c.replaceFix(u, text, cand{a, b, 0}, expected)
					}
				} else {
					d.Fix = c.matchFix(u, text, cand{a, b, 0}, str, nil)
				}
			}
			rp.report(d)
			if rp.full() {
				return false
			}
		}
		return true
	})
}

// codeAtEnds reports whether code (a backtick) stands in the block's
// source before text[a] or after text[b-1], outside the unit's text.
func (u *unit) codeAtEnds(a, b int) (lead, trail bool) {
	if b <= a {
		return false, false
	}
	i, j := u.offset(a)-u.rawPos, u.offset(b-1)+1-u.rawPos
	if i < 0 || j > len(u.raw) || i > j {
		return false, false
	}
	return bytes.IndexByte(u.raw[:i], '`') >= 0, bytes.IndexByte(u.raw[j:], '`') >= 0
}

// containsAnyFold reports whether text holds one of lits, ASCII letters
// folded; true when lits is empty (nothing is known).
func containsAnyFold(text []byte, lits []string) bool {
	if len(lits) == 0 {
		return true
	}
	for _, l := range lits {
		for i := 0; i+len(l) <= len(text); i++ {
			j := 0
			for j < len(l) && lowerByte(text[i+j]) == l[j] {
				j++
			}
			if j == len(l) {
				return true
			}
		}
	}
	return false
}

func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// within reports whether [a, b) lies inside one of spans.
func within(spans [][2]int, a, b int) bool {
	for _, s := range spans {
		if s[0] <= a && b <= s[1] {
			return true
		}
	}
	return false
}
