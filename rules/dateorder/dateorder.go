// Package dateorder finds events reported in the past tense on a date
// later than the article's publication date.
package dateorder

import (
	"fmt"
	"strings"
	"sync"
	"time"

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

// wordBufs reuses the per-document word buffers: rules run in parallel
// on many documents, and growing a fresh buffer for each cost more than
// the rest of the rule.
var wordBufs = sync.Pool{New: func() any { b := make([]word, 0, 512); return &b }}

type word struct {
	raw   string
	start int
	end   int
	kind  lint.TokenKind
}

func run(pass *lint.Pass) {
	doc := pass.Doc
	pub, ok := pubdate.Publication(doc.Summary, pass.Config)
	if !ok {
		return
	}
	pd := day(pub.Date.Year, pub.Date.Month, pub.Date.Day)
	bufp := wordBufs.Get().(*[]word)
	ws := (*bufp)[:0]
	defer func() { *bufp = ws[:0]; wordBufs.Put(bufp) }()
	var text string
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		// Block quotes are left alone: they quote others, or hold notes
		// added after publication ("> The RFC was accepted on ...").
		if b.Role != lint.RoleBody || b.Kind == lint.KindCode || b.Kind == lint.KindHTML || b.Kind == lint.KindTableCell || b.Kind == lint.KindQuote {
			continue
		}
		toks := doc.BlockTokens(b)
		if !mayHoldDate(doc.Src, toks) {
			continue // most paragraphs name no month and no ISO date
		}
		// One string per document, sliced per token: no allocation per word.
		if text == "" {
			text = string(doc.Src)
		}
		ws = ws[:0]
		for _, t := range toks {
			switch t.Kind {
			case lint.TokWord, lint.TokNumber, lint.TokPunct:
				raw := text[t.Start:t.End]
				ws = append(ws, word{raw: raw, start: int(t.Start), end: int(t.End), kind: t.Kind})
			}
		}
		context := 0 // the last year written in the block: "by August of 2022 ... On August 29, we"
		for k := 0; k < len(ws); k++ {
			m, dd, y, end, ok := dateAt(ws, k)
			if !ok {
				if yr := year(ws[k]); yr > 0 {
					context = yr
				}
				continue
			}
			if attached(ws, k) {
				k = end - 1 // nightly-2024-05-19 is a name, not a date
				continue
			}
			checkDate(pass, ws, k, end, m, dd, y, context, pd)
			if y > 0 {
				context = y
			}
			k = end - 1
		}
	}
}

// mayHoldDate is a cheap first look: a capitalised month name, or a
// four-digit number followed by a hyphen (2025-03-12).
func mayHoldDate(src []byte, toks []lint.Token) bool {
	var buf [9]byte
	for i, t := range toks {
		n := int(t.End - t.Start)
		switch {
		case t.Kind == lint.TokWord && n >= 3 && n <= 9 && t.Is(lint.FlagUpper):
			for j := 0; j < n; j++ {
				buf[j] = src[int(t.Start)+j] | 0x20
			}
			if months[string(buf[:n])] > 0 {
				return true
			}
		case t.Kind == lint.TokNumber && n == 4 && i+1 < len(toks) && src[t.End] == '-':
			return true
		}
	}
	return false
}

// checkDate reports the date ws[k:end] when its sentence reports a past
// event and it falls after publication.
func checkDate(pass *lint.Pass, ws []word, k, end, m, dd, y, context int, pd time.Time) {
	if m < 1 || m > 12 || dd < 1 || dd > time.Date(2001, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return
	}
	s0, s1 := sentence(ws, k, end)
	if !pastSentence(ws, s0, s1, k, end) {
		return
	}
	var msg string
	written := joinRaw(ws[k:end])
	if y == 0 && context > 0 {
		y = context
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
	pass.Reportf(ws[k].start, ws[end-1].end, "%s", msg)
}

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

func joinRaw(ws []word) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 && w.kind != lint.TokPunct && ws[i-1].raw != "-" {
			b.WriteByte(' ')
		}
		b.WriteString(w.raw)
	}
	return b.String()
}

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// month reads a capitalised month name; an abbreviation must carry its
// full stop or be followed by a number ("Mar. 12", "Mar 12").
func month(w word) int {
	// Month names start with one of these capitals and have 3 to 9 letters:
	// most words are rejected before any lookup.
	if w.kind != lint.TokWord || len(w.raw) < 3 || len(w.raw) > 9 {
		return 0
	}
	switch w.raw[0] {
	case 'J', 'F', 'M', 'A', 'S', 'O', 'N', 'D':
		return monthOf(w.raw)
	}
	return 0
}

// monthOf looks a word up in months, ignoring case, without allocating.
func monthOf(s string) int {
	var b [16]byte
	if len(s) > len(b) {
		return 0
	}
	for i := 0; i < len(s); i++ {
		b[i] = lowerASCII(s[i])
	}
	return months[string(b[:len(s)])]
}

// in looks a word up in a set, ignoring case, without allocating.
func in(set map[string]bool, s string) bool {
	var b [16]byte
	if len(s) > len(b) {
		return false
	}
	for i := 0; i < len(s); i++ {
		b[i] = lowerASCII(s[i])
	}
	return set[string(b[:len(s)])]
}

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// dayNum reads "12", "12th", "1st".
func dayNum(w word) int {
	t := w.raw
	if t == "" || t[0] < '0' || t[0] > '9' {
		return 0 // a day is written with digits: 12, 12th
	}
	if w.kind == lint.TokWord {
		for _, suf := range []string{"st", "nd", "rd", "th"} {
			if strings.HasSuffix(t, suf) {
				t = strings.TrimSuffix(t, suf)
				break
			}
		}
	}
	if len(t) == 0 || len(t) > 2 {
		return 0
	}
	n := 0
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return 0
		}
		n = n*10 + int(t[i]-'0')
	}
	return n
}

func year(w word) int {
	if w.kind != lint.TokNumber || len(w.raw) != 4 {
		return 0
	}
	n := 0
	for i := 0; i < 4; i++ {
		if w.raw[i] < '0' || w.raw[i] > '9' {
			return 0
		}
		n = n*10 + int(w.raw[i]-'0')
	}
	if n < 1900 || n > 2200 {
		return 0
	}
	return n
}

// dateAt reads a date starting at ws[k]: "March 12", "March 12th, 2025",
// "Mar. 12 2025", "12 March 2025", "12th of March", "2025-03-12". It
// returns the month, day, year (0 when not written) and the end index.
func dateAt(ws []word, k int) (m, d, y, end int, ok bool) {
	at := func(i int) (word, bool) {
		if i < len(ws) {
			return ws[i], true
		}
		return word{}, false
	}
	w := ws[k]
	if m = month(w); m > 0 {
		i := k + 1
		if p, ok := at(i); ok && p.raw == "." {
			i++
		}
		n, ok := at(i)
		if !ok {
			return 0, 0, 0, 0, false
		}
		if d = dayNum(n); d == 0 {
			return 0, 0, 0, 0, false
		}
		end = i + 1
		i++
		if p, ok := at(i); ok && (p.raw == "," || p.raw == "of") {
			i++
		}
		if n, ok := at(i); ok {
			if y = year(n); y > 0 {
				end = i + 1
			}
		}
		return m, d, y, end, true
	}
	if d = dayNum(w); d > 0 && (w.kind == lint.TokNumber || w.kind == lint.TokWord) {
		i := k + 1
		if p, ok := at(i); ok && p.raw == "of" {
			i++
		}
		n, ok := at(i)
		if !ok {
			return 0, 0, 0, 0, false
		}
		if m = month(n); m == 0 {
			return 0, 0, 0, 0, false
		}
		end = i + 1
		i++
		if p, ok := at(i); ok && p.raw == "." {
			i++
		}
		if p, ok := at(i); ok && p.raw == "," {
			i++
		}
		if n, ok := at(i); ok {
			if y = year(n); y > 0 {
				end = i + 1
			}
		}
		return m, d, y, end, true
	}
	if y = year(w); y > 0 && k+4 < len(ws) && ws[k+1].raw == "-" && ws[k+3].raw == "-" &&
		ws[k+2].kind == lint.TokNumber && ws[k+4].kind == lint.TokNumber && len(ws[k+2].raw) == 2 && len(ws[k+4].raw) == 2 &&
		ws[k+1].start == ws[k].end && ws[k+4].start == ws[k+3].end {
		m, d = dayNum(ws[k+2]), dayNum(ws[k+4])
		return m, d, y, k + 5, m > 0 && d > 0
	}
	return 0, 0, 0, 0, false
}

// attached reports whether a date is glued to a word before it by a
// hyphen or a slash, as in a version name (nightly-2024-05-19).
func attached(ws []word, k int) bool {
	return k > 0 && ws[k-1].end == ws[k].start && (ws[k-1].raw == "-" || ws[k-1].raw == "/" || ws[k-1].raw == "_")
}

// sentence returns the word range of the sentence around ws[k:end].
func sentence(ws []word, k, end int) (int, int) {
	s0 := k
	for s0 > 0 && !stop(ws, s0-1) {
		s0--
	}
	s1 := end
	for s1 < len(ws) && !stop(ws, s1) {
		s1++
	}
	return s0, s1
}

// stop reports whether ws[i] ends a sentence: a full stop, question or
// exclamation mark not after an abbreviation or a month ("Mar.").
func stop(ws []word, i int) bool {
	switch ws[i].raw {
	case "!", "?", "。", "！", "？", ";", ":", "：":
		return true
	case ".":
		if i == 0 {
			return true
		}
		prev := ws[i-1]
		if monthOf(prev.raw) > 0 || len(prev.raw) <= 2 && prev.kind == lint.TokWord {
			return false // "Mar.", "Dr.", "St."
		}
		return true
	}
	return false
}

var past = wordSet("was were had did opened signed held visited hosted announced launched met led gave attended " +
	"received completed welcomed delivered presented organized organised concluded ended began started celebrated " +
	"awarded released published unveiled closed won made joined returned reported said told toured inaugurated " +
	"discussed agreed took came went saw became signed donated handed marked kicked wrapped passed elected " +
	"appointed named honoured honored recognized recognised acquired finished premiered debuted reopened " +
	"signed broke laid hosted convened gathered spoke addressed participated toured occurred happened performed " +
	"exhibited showcased demonstrated introduced approved adopted issued established founded formed opened " +
	"arrived departed")

var present = wordSet("is are be opens open begins begin starts start runs run takes take closes close ends end " +
	"holds hold hosts host launches launch becomes become remains remain continues continue reopens reopen " +
	"happens happen occurs occur")

var future = wordSet("will shall would 'll scheduled slated planned plans planning expected expects expect upcoming " +
	"next forthcoming postponed rescheduled tomorrow soon due track aim aims intend intends hope hopes estimated " +
	"target targeted tentatively anticipated " +
	// notes added after publication legitimately carry later dates
	"update updated updates edit edited addendum")

var deadline = wordSet("until till through by before ahead deadline due from")

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// pastSentence reports whether the sentence ws[s0:s1] reports the date at
// ws[k:end] as a past event: the verb nearest the date is in the past
// tense, nothing in the sentence points to the future, and the date is not
// a deadline or the start of a range.
func pastSentence(ws []word, s0, s1, k, end int) bool {
	for i := s0; i < s1; i++ {
		if in(future, ws[i].raw) {
			return false
		}
	}
	// The words just before the date: "until March 12", "by the end of March 12".
	for i := k - 1; i >= s0 && i >= k-4; i-- {
		if in(deadline, ws[i].raw) {
			return false
		}
	}
	if end < s1 && (ws[end].raw == "to" || ws[end].raw == "-" || ws[end].raw == "–" || ws[end].raw == "and") {
		return false // the start of a range: "March 12 to 14"
	}
	best, dist := "", 1<<30
	for i := s0; i < s1; i++ {
		if i >= k && i < end {
			continue
		}
		t := ws[i].raw
		if !past[t] && !present[t] || t[0] < 'a' {
			continue // verbs are lower case; CLOSED in "[CLOSED]" is a label
		}
		dd := k - i
		if i >= end {
			dd = i - end + 1
		}
		// "to open", "to be released": an infinitive is not a past event.
		if i > 0 && (ws[i-1].raw == "to" || ws[i-1].raw == "be") {
			t = "to"
		}
		if dd < dist {
			best, dist = t, dd
		}
	}
	return past[best]
}
