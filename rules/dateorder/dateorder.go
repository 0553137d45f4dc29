// Package dateorder finds events reported in the past tense on a date
// later than the article's publication date.
package dateorder

import (
	"fmt"
	"strings"
	"time"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/pubdate"
)

// Rule is the date-order rule.
var Rule = &lint.Rule{
	ID:       "date-order",
	Category: lint.CategoryMetadata,
	Severity: lint.SeverityWarning,
	Doc: lint.Doc{
		Title: "An event reported in the past tense on a date after the publication date",
		Why: "An article published on 2025-03-10 cannot report what happened on March 12, 2025: one of the two " +
			"dates is a typo, usually the publication date copied from an earlier draft. Only dates in body " +
			"sentences whose nearest verb is in the past tense count (opened, was, signed, took place); a sentence " +
			"about the future (will, scheduled, next, upcoming) or a deadline (until, by, before) is left alone. " +
			"A date without a year takes the last year written before it in the paragraph, else the publication year, " +
			"or the year before when that is nearer (December in a February article). When the publication year puts " +
			"it more than a month after publication, the message says the year is ambiguous.",
		Wrong: "The Museum opens a new gallery\n\nDate: 2025-03-10\n\nOn March 12, 2025 the Museum opened its new gallery.",
		Right: "The Museum opens a new gallery\n\nDate: 2025-03-14\n\nOn March 12, 2025 the Museum opened its new gallery.",
	},
	Run: run,
}

func run(pass *lint.Pass) {
	doc := pass.Doc
	pub, ok := pubdate.Publication(doc.Summary, pass.Project)
	if !ok {
		return
	}
	pd := day(pub.Date.Year, pub.Date.Month, pub.Date.Day)
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		// Block quotes are left alone: they quote others, or hold notes
		// added after publication ("> The RFC was accepted on ...").
		if b.Role != document.RoleBody || b.Kind == document.KindCode || b.Kind == document.KindHTML || b.Kind == document.KindTableCell || b.Kind == document.KindQuote {
			continue
		}
		checkBlock(pass, &words{src: doc.Src, toks: doc.BlockTokens(b)}, pd)
	}
}

// words are a block's tokens read as its words, numbers and marks: the
// other tokens (spaces, line breaks, markup, literals) are stepped over,
// so that a date reads the same whatever lies between its parts. A word's
// text is a slice of the source: nothing is copied.
type words struct {
	src  []byte
	toks []document.Token
}

// counts reports whether a token is one of the words: a word, a number or
// a mark.
func counts(t document.Token) bool {
	return t.Kind() == document.TokWord || t.Kind() == document.TokNumber || t.Kind() == document.TokPunct
}

// next returns the index of the word after token i, or len(toks).
func (w *words) next(i int) int {
	for i++; i < len(w.toks) && !counts(w.toks[i]); i++ {
	}
	return i
}

// prev returns the index of the word before token i, or -1.
func (w *words) prev(i int) int {
	for i--; i >= 0 && !counts(w.toks[i]); i-- {
	}
	return i
}

func (w *words) raw(i int) []byte { return w.src[w.toks[i].Start:w.toks[i].End()] }

// is reports whether word i is s, case and all.
func (w *words) is(i int, s string) bool {
	t := w.toks[i]
	return int(t.End()-t.Start) == len(s) && string(w.src[t.Start:t.End()]) == s
}

// checkBlock reports the block's dates. Every date holds a number that
// starts with a digit (its day, or the year of 2025-03-12), and so does
// every year: only those tokens are looked at, with the month name that
// may come before the day ("March 12", "Mar. 12"). Read in order, they
// give the dates and years a word-by-word reading gives.
func checkBlock(pass *lint.Pass, w *words, pd time.Time) {
	toks := w.toks
	var context yearContext // the last year written in the block: "by August of 2022 ... On August 29, we"
	done := 0               // the tokens before done belong to a date already read
	for x := nextNumber(toks, 0); x < len(toks); x = nextNumber(toks, x+1) {
		var m, dd, y, end int
		ok := false
		k := x
		if w.isNumber(x, 4) {
			// A year: it starts 2025-03-12, or it is the year that
			// the dates after it without one belong to.
			if m, dd, y, end, ok = w.dateAt(k); !ok {
				context.add(w, x)
				continue
			}
		} else {
			if !w.mayBeDay(x) {
				continue
			}
			if p := w.prev(x); p >= done {
				// The month before the day: "March 12", "Mar. 12".
				if w.month(p) > 0 {
					m, dd, y, end, ok = w.dateAt(p)
					k = p
				} else if w.is(p, ".") {
					if p2 := w.prev(p); p2 >= done && w.month(p2) > 0 {
						m, dd, y, end, ok = w.dateAt(p2)
						k = p2
					}
				}
			}
			if !ok {
				k = x
				if m, dd, y, end, ok = w.dateAt(k); !ok {
					continue // not a year either: it has not four digits
				}
			}
		}
		x, done = end-1, end
		if w.attached(k) {
			continue // nightly-2024-05-19 is a name, not a date
		}
		checkDate(pass, w, k, end, m, dd, y, &context, pd)
		if y > 0 {
			context.set(y)
		}
	}
}

// yearContext is the last year written before a point of a block. The
// numbers of four characters that are not part of a date are read only
// when a date without a year asks for the context: most never are.
type yearContext struct {
	year    int
	pending [8]int32 // numbers after year, oldest first, not read yet
	n       int
}

// set makes y the last year, as a date that carries one does.
func (c *yearContext) set(y int) { c.year, c.n = y, 0 }

// add notes a number of four characters that may be a year.
func (c *yearContext) add(w *words, i int) {
	if c.n == len(c.pending) {
		c.get(w)
	}
	c.pending[c.n] = int32(i)
	c.n++
}

// get returns the last year, 0 when none was written.
func (c *yearContext) get(w *words) int {
	for j := c.n - 1; j >= 0; j-- {
		if y := w.year(int(c.pending[j])); y > 0 {
			c.year = y
			break
		}
	}
	c.n = 0
	return c.year
}

// nextNumber returns the index of the first token from i on that is a
// number or a word holding a digit, or len(toks). It is the rule's hot
// loop: it looks at every token of the body.
func nextNumber(toks []document.Token, i int) int {
	for j, t := range toks[i:] {
		if (uint32(t.Flags())|anyNumber)&digitKinds[t.Kind()] != 0 {
			return i + j
		}
	}
	return len(toks)
}

// mayBeDay is a quick test of a number or a word with a digit, on the
// tokens alone with the source unread: a day (12, 12th) is short and has
// a capitalised word of a month's length next to it, or one mark or word
// away ("Mar. 12", "12th of March").
func (w *words) mayBeDay(i int) bool {
	if !w.shortForDay(i) {
		return false
	}
	if p := w.prev(i); p >= 0 {
		if w.monthShaped(p) {
			return true
		}
		if t := w.toks[p]; t.Kind() == document.TokPunct && t.End()-t.Start == 1 {
			if p := w.prev(p); p >= 0 && w.monthShaped(p) {
				return true
			}
		}
	}
	if q := w.next(i); q < len(w.toks) {
		if w.monthShaped(q) {
			return true
		}
		if t := w.toks[q]; t.Kind() == document.TokWord && t.End()-t.Start == 2 {
			if q := w.next(q); q < len(w.toks) && w.monthShaped(q) {
				return true
			}
		}
	}
	return false
}

// shortForDay reports whether token i is short enough to be a day: a
// number of one or two digits, or a word of up to four letters (12th).
func (w *words) shortForDay(i int) bool {
	t := w.toks[i]
	if t.Kind() == document.TokNumber {
		return t.End()-t.Start <= 2
	}
	return t.Kind() == document.TokWord && t.End()-t.Start <= 4
}

// isNumber reports whether token i is a number of n characters.
func (w *words) isNumber(i int, n int32) bool {
	t := w.toks[i]
	return t.Kind() == document.TokNumber && t.End()-t.Start == n
}

// monthShaped reports whether token i may be a month name, by its kind,
// flags and length only.
func (w *words) monthShaped(i int) bool {
	t := w.toks[i]
	return t.Kind() == document.TokWord && t.Flags()&document.FlagUpper != 0 && t.End()-t.Start >= 3 && t.End()-t.Start <= 9
}

// digitKinds selects by kind and flags the tokens that may hold a digit:
// every number, and words with FlagDigit. A table rather than branches:
// words and spaces alternate, and a branch on the kind is mispredicted at
// almost every token.
var digitKinds = func() (t [256]uint32) {
	t[document.TokNumber] = anyNumber
	t[document.TokWord] = uint32(document.FlagDigit)
	return t
}()

// anyNumber is set in the rule's own 32-bit copy of every token's flags,
// above the bits a flag may take, so that one load and one test select a
// number whatever its flags: in digitKinds it is the mask of numbers alone.
// (A table of a mask and an all-of-this-kind value per kind reads the
// same, but puts three more instructions and a spill in the loop.)
const anyNumber = 1 << 16

// Token flags must stay below anyNumber: were TokenFlags wider than 16
// bits, this would not compile.
const _ = uint16(^document.TokenFlags(0))

// checkDate reports the date of the tokens [k, end) when its sentence
// reports a past event and it falls after publication.
func checkDate(pass *lint.Pass, w *words, k, end, m, dd, y int, context *yearContext, pd time.Time) {
	if m < 1 || m > 12 || dd < 1 || dd > monthDays[m] {
		return
	}
	if !w.pastEvent(k, end) {
		return
	}
	var msg string
	written := w.join(k, end)
	if y == 0 {
		y = context.get(w)
	}
	if y > 0 {
		ev := day(y, m, dd)
		if !ev.After(pd) {
			return
		}
		msg = fmt.Sprintf("the body reports %q in the past tense, %s after the publication date %s; check the dates",
			written, gap(ev.Sub(pd)), pd.Format("2006-01-02"))
	} else {
		ev := day(pd.Year(), m, dd)
		if !ev.After(pd) {
			return
		}
		if prev := day(pd.Year()-1, m, dd); pd.Sub(prev) < ev.Sub(pd) {
			return // nearer read in the year before: December in a February article
		}
		if ev.Sub(pd) <= 31*24*time.Hour {
			msg = fmt.Sprintf("the body reports %q in the past tense, %s after the publication date %s; check the dates",
				written, gap(ev.Sub(pd)), pd.Format("2006-01-02"))
		} else {
			msg = fmt.Sprintf("the body reports %q in the past tense; read in %d it is %s after the publication date %s, so the year is ambiguous: add the year or check the dates",
				written, pd.Year(), gap(ev.Sub(pd)), pd.Format("2006-01-02"))
		}
	}
	pass.Reportf(int(w.toks[k].Start), int(w.toks[end-1].End()), "%s", msg)
}

// monthDays is the length of each month in a common year: February 29
// has no year to be checked against.
var monthDays = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func gap(d time.Duration) string {
	days := int(d.Hours()/24 + 0.5)
	switch {
	case days == 1:
		return "1 day"
	case days < 60:
		return fmt.Sprintf("%d days", days)
	}
	return fmt.Sprintf("%d months", (days+15)/30)
}

// join writes the words of the tokens [k, end) as they are quoted in the
// message: "March 12, 2025", "2025-03-12".
func (w *words) join(k, end int) string {
	var b strings.Builder
	for i, p := k, -1; i < end; p, i = i, w.next(i) {
		if p >= 0 && w.toks[i].Kind() != document.TokPunct && !w.is(p, "-") {
			b.WriteByte(' ')
		}
		b.Write(w.raw(i))
	}
	return b.String()
}

// monthNames are the months' full names. A month is written in full, as
// its first three letters, or as "Sept".
var monthNames = [13]string{"", "january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december"}

// monthOf returns the month a word names, ignoring case, or 0. A switch on
// the first three letters rejects most words; c|0x20 folds the ASCII
// letters, and only them, onto the lower-case letters.
func monthOf(s []byte) int {
	if len(s) < 3 || len(s) > 9 {
		return 0
	}
	var m int
	switch uint32(s[0]|0x20)<<16 | uint32(s[1]|0x20)<<8 | uint32(s[2]|0x20) {
	case 'j'<<16 | 'a'<<8 | 'n':
		m = 1
	case 'f'<<16 | 'e'<<8 | 'b':
		m = 2
	case 'm'<<16 | 'a'<<8 | 'r':
		m = 3
	case 'a'<<16 | 'p'<<8 | 'r':
		m = 4
	case 'm'<<16 | 'a'<<8 | 'y':
		m = 5
	case 'j'<<16 | 'u'<<8 | 'n':
		m = 6
	case 'j'<<16 | 'u'<<8 | 'l':
		m = 7
	case 'a'<<16 | 'u'<<8 | 'g':
		m = 8
	case 's'<<16 | 'e'<<8 | 'p':
		m = 9
	case 'o'<<16 | 'c'<<8 | 't':
		m = 10
	case 'n'<<16 | 'o'<<8 | 'v':
		m = 11
	case 'd'<<16 | 'e'<<8 | 'c':
		m = 12
	default:
		return 0
	}
	if len(s) == 3 {
		return m
	}
	if m == 9 && len(s) == 4 && s[3]|0x20 == 't' {
		return m // Sept
	}
	name := monthNames[m]
	if len(s) != len(name) {
		return 0
	}
	for i := 3; i < len(s); i++ {
		if s[i]|0x20 != name[i] {
			return 0
		}
	}
	return m
}

// month reads a capitalised month name; an abbreviation must carry its
// full stop or be followed by a number ("Mar. 12", "Mar 12").
func (w *words) month(i int) int {
	t := w.toks[i]
	if !w.monthShaped(i) {
		return 0
	}
	switch w.src[t.Start] {
	case 'J', 'F', 'M', 'A', 'S', 'O', 'N', 'D':
		return monthOf(w.src[t.Start:t.End()])
	}
	return 0
}

// dayNum reads "12", "12th", "1st".
func (w *words) dayNum(i int) int {
	if !w.shortForDay(i) {
		return 0 // 123, 2025, 10am
	}
	t := w.raw(i)
	if t[0] < '0' || t[0] > '9' {
		return 0 // a day is written with digits: 12, 12th
	}
	if w.toks[i].Kind() == document.TokWord && len(t) >= 2 {
		switch string(t[len(t)-2:]) {
		case "st", "nd", "rd", "th":
			t = t[:len(t)-2]
		}
	}
	if len(t) == 0 || len(t) > 2 {
		return 0
	}
	n := 0
	for _, c := range t {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func (w *words) year(i int) int {
	t := w.toks[i]
	if t.Kind() != document.TokNumber || t.End()-t.Start != 4 {
		return 0
	}
	n := 0
	for _, c := range w.src[t.Start:t.End()] {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	if n < 1900 || n > 2200 {
		return 0
	}
	return n
}

// dateAt reads a date starting at word k: "March 12", "March 12th, 2025",
// "Mar. 12 2025", "12 March 2025", "12th of March", "2025-03-12". It
// returns the month, day, year (0 when not written) and the index of the
// token after the date's last word.
func (w *words) dateAt(k int) (m, d, y, end int, ok bool) {
	n := len(w.toks)
	if m = w.month(k); m > 0 {
		i := w.next(k)
		if i < n && w.is(i, ".") {
			i = w.next(i)
		}
		if i >= n {
			return 0, 0, 0, 0, false
		}
		if d = w.dayNum(i); d == 0 {
			return 0, 0, 0, 0, false
		}
		end = i + 1
		i = w.next(i)
		if i < n && (w.is(i, ",") || w.is(i, "of")) {
			i = w.next(i)
		}
		if i < n {
			if y = w.year(i); y > 0 {
				end = i + 1
			}
		}
		return m, d, y, end, true
	}
	if kind := w.toks[k].Kind(); kind == document.TokNumber || kind == document.TokWord {
		if d = w.dayNum(k); d > 0 {
			i := w.next(k)
			if i < n && w.is(i, "of") {
				i = w.next(i)
			}
			if i >= n {
				return 0, 0, 0, 0, false
			}
			if m = w.month(i); m == 0 {
				return 0, 0, 0, 0, false
			}
			end = i + 1
			i = w.next(i)
			if i < n && w.is(i, ".") {
				i = w.next(i)
			}
			if i < n && w.is(i, ",") {
				i = w.next(i)
			}
			if i < n {
				if y = w.year(i); y > 0 {
					end = i + 1
				}
			}
			return m, d, y, end, true
		}
	}
	if w.isNumber(k, 4) {
		// 2025-03-12, written without spaces: the tokens' kinds and
		// lengths first, the source last.
		i1 := w.next(k)
		i2 := w.next(i1)
		i3 := w.next(i2)
		i4 := w.next(i3)
		if i4 < n && w.isNumber(i2, 2) && w.isNumber(i4, 2) &&
			w.toks[i1].Start == w.toks[k].End() && w.toks[i4].Start == w.toks[i3].End() && w.is(i1, "-") && w.is(i3, "-") {
			if y = w.year(k); y > 0 {
				m, d = w.dayNum(i2), w.dayNum(i4)
				return m, d, y, i4 + 1, m > 0 && d > 0
			}
		}
	}
	return 0, 0, 0, 0, false
}

// attached reports whether a date is glued to a word before it by a
// hyphen or a slash, as in a version name (nightly-2024-05-19).
func (w *words) attached(k int) bool {
	p := w.prev(k)
	return p >= 0 && w.toks[p].End() == w.toks[k].Start && (w.is(p, "-") || w.is(p, "/") || w.is(p, "_"))
}

// stop reports whether word i ends a sentence: a full stop, question or
// exclamation mark not after an abbreviation or a month ("Mar.").
func (w *words) stop(i int) bool {
	if w.toks[i].Kind() != document.TokPunct {
		return false // every mark below is a token of its own
	}
	switch string(w.raw(i)) {
	case "!", "?", "。", "！", "？", ";", ":", "：":
		return true
	case ".":
		p := w.prev(i)
		if p < 0 {
			return true
		}
		if monthOf(w.raw(p)) > 0 || w.toks[p].End()-w.toks[p].Start <= 2 && w.toks[p].Kind() == document.TokWord {
			return false // "Mar.", "Dr.", "St."
		}
		return true
	}
	return false
}

var past = newWordSet("was were had did opened signed held visited hosted announced launched met led gave attended " +
	"received completed welcomed delivered presented organized organised concluded ended began started celebrated " +
	"awarded released published unveiled closed won made joined returned reported said told toured inaugurated " +
	"discussed agreed took came went saw became signed donated handed marked kicked wrapped passed elected " +
	"appointed named honoured honored recognized recognised acquired finished premiered debuted reopened " +
	"signed broke laid hosted convened gathered spoke addressed participated toured occurred happened performed " +
	"exhibited showcased demonstrated introduced approved adopted issued established founded formed opened " +
	"arrived departed")

var present = newWordSet("is are be opens open begins begin starts start runs run takes take closes close ends end " +
	"holds hold hosts host launches launch becomes become remains remain continues continue reopens reopen " +
	"happens happen occurs occur")

var future = newWordSet("will shall would 'll scheduled slated planned plans planning expected expects expect upcoming " +
	"next forthcoming postponed rescheduled tomorrow soon due track aim aims intend intends hope hopes estimated " +
	"target targeted tentatively anticipated " +
	// notes added after publication legitimately carry later dates
	"update updated updates edit edited addendum")

var deadline = newWordSet("until till through by before ahead deadline due from")

// A wordSet is a set of lower-case words. Most words of a sentence are in
// none of the sets: a bit per length and first byte turns them away before
// the map is asked.
type wordSet struct {
	words map[string]bool
	first [maxSetWord + 1][4]uint64 // bit c of first[n]: a word of n bytes starts with c
}

// maxSetWord is the longest word a set is asked about; longer words are
// in no set.
const maxSetWord = 16

func newWordSet(s string) *wordSet {
	set := &wordSet{words: map[string]bool{}}
	for _, w := range strings.Fields(s) {
		set.words[w] = true
		set.first[len(w)][w[0]>>6] |= 1 << (w[0] & 63)
	}
	return set
}

func (set *wordSet) mayHave(n int, c byte) bool {
	return n <= maxSetWord && set.first[n][c>>6]&(1<<(c&63)) != 0
}

// has reports whether s is in the set, case and all.
func (set *wordSet) has(s []byte) bool {
	return set.mayHave(len(s), s[0]) && set.words[string(s)]
}

// hasFold reports whether s is in the set, ignoring ASCII case.
func (set *wordSet) hasFold(s []byte) bool {
	if !set.mayHave(len(s), lowerASCII(s[0])) {
		return false
	}
	var b [maxSetWord]byte
	for i, c := range s {
		b[i] = lowerASCII(c)
	}
	return set.words[string(b[:len(s)])]
}

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// pastEvent reports whether the sentence around the date of the tokens
// [k, end) reports it as a past event: the verb nearest the date is in the
// past tense, nothing in the sentence points to the future, and the date
// is not a deadline or the start of a range. The sentence is read once,
// backwards from the date to its start, then forwards to its end.
func (w *words) pastEvent(k, end int) bool {
	for i := k; i < end; i = w.next(i) {
		if w.toks[i].Kind() == document.TokWord && future.hasFold(w.raw(i)) {
			return false
		}
	}
	const none = 1 << 30
	beforePast, before := false, none // the nearest verb before the date, in words
	for i, d := w.prev(k), 1; i >= 0 && !w.stop(i); i, d = w.prev(i), d+1 {
		if w.toks[i].Kind() != document.TokWord {
			continue // the sets hold words only
		}
		t := w.raw(i)
		if future.hasFold(t) {
			return false
		}
		// The words just before the date: "until March 12", "by the end of March 12".
		if d <= 4 && deadline.hasFold(t) {
			return false
		}
		if before == none {
			if verb, isPast := w.verb(i); verb {
				beforePast, before = isPast, d
			}
		}
	}
	afterPast, after := false, none
	for i, d := w.next(end-1), 1; i < len(w.toks) && !w.stop(i); i, d = w.next(i), d+1 {
		if d == 1 && (w.is(i, "to") || w.is(i, "-") || w.is(i, "–") || w.is(i, "and")) {
			return false // the start of a range: "March 12 to 14"
		}
		if w.toks[i].Kind() != document.TokWord {
			continue
		}
		t := w.raw(i)
		if future.hasFold(t) {
			return false
		}
		if after == none {
			if verb, isPast := w.verb(i); verb {
				afterPast, after = isPast, d
			}
		}
	}
	if before <= after {
		return beforePast // a verb as near before the date as after it wins
	}
	return afterPast
}

// verb reports whether word i is a verb of the past or present sets and,
// if so, whether it reports a past event.
func (w *words) verb(i int) (verb, isPast bool) {
	t := w.raw(i)
	if t[0] < 'a' {
		return false, false // verbs are lower case; CLOSED in "[CLOSED]" is a label
	}
	isPast = past.has(t)
	if !isPast && !present.has(t) {
		return false, false
	}
	// "to open", "to be released": an infinitive is not a past event.
	if p := w.prev(i); p >= 0 && (w.is(p, "to") || w.is(p, "be")) {
		isPast = false
	}
	return true, isPast
}
