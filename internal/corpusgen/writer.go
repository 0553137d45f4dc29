package corpusgen

import (
	"bytes"
	"math/rand/v2"
	"strings"
)

// writer composes one article at a time into buf.
type writer struct {
	r    *rand.Rand
	rate float64 // defects per 1,000 words of prose
	a    *article
	buf  []byte

	defects   []Defect
	lineStart int    // start of the prose line being written, or -1
	prot      []span // parts of that line that are not prose (URLs, code), relative to lineStart

	md     bool
	sep    string // between blocks
	blocks int    // blocks written so far
	used   []int  // per template id, the idx+1 of the last article that used it
	last   [numSlots]string
	hour   int // hour of the last {time}
}

// span is a half-open byte range.
type span struct{ start, end int }

func newWriter(r *rand.Rand, rate float64) *writer {
	return &writer{r: r, rate: rate, used: make([]int, numTmpls), lineStart: -1}
}

func (w *writer) start(a *article) {
	w.a = a
	w.buf = w.buf[:0]
	w.defects = w.defects[:0]
	w.md = a.format == formatYAML || a.format == formatTOML
	w.blocks = 0
	w.sep = "\n\n"
	if !w.md && w.r.IntN(100) < 15 {
		w.sep = "\n"
	}
}

// render writes template t for article a to dst rather than to the article's body.
func (w *writer) render(dst []byte, a *article, t *tmpl) []byte {
	saved, savedA := w.buf, w.a
	w.buf, w.a = dst, a
	w.emit(t)
	out := w.buf
	w.buf, w.a = saved, savedA
	return out
}

// block starts a new block: the separator, unless it is the first.
func (w *writer) block() {
	if w.blocks > 0 {
		w.buf = append(w.buf, w.sep...)
	}
	w.blocks++
}

func (w *writer) raw(s string) { w.buf = append(w.buf, s...) }

// prose appends s, turning straight quotes and apostrophes into the article's style.
func (w *writer) prose(s string) {
	style := w.a.style
	if style == styleStraight {
		w.buf = append(w.buf, s...)
		return
	}
	for {
		i := strings.IndexAny(s, `'"`)
		if i < 0 {
			w.buf = append(w.buf, s...)
			return
		}
		w.buf = append(w.buf, s[:i]...)
		switch {
		case s[i] == '\'' && style == styleCurly:
			w.buf = append(w.buf, "’"...)
		case s[i] == '\'':
			w.buf = append(w.buf, '\'')
		case w.opening():
			w.buf = append(w.buf, "“"...)
		default:
			w.buf = append(w.buf, "”"...)
		}
		s = s[i+1:]
	}
}

func (w *writer) opening() bool {
	if len(w.buf) == 0 {
		return true
	}
	switch w.buf[len(w.buf)-1] {
	case ' ', '\n', '(', '[':
		return true
	}
	return false
}

// protect marks buf[start:] as no place for defects.
func (w *writer) protect(start int) {
	if w.lineStart >= 0 {
		w.prot = append(w.prot, span{start - w.lineStart, len(w.buf) - w.lineStart})
	}
}

func (w *writer) emit(t *tmpl) {
	for _, p := range t.pieces {
		if p.slot >= 0 {
			start := len(w.buf)
			w.fill(p.slot)
			w.fixArticle(start)
			continue
		}
		s := p.lit
		if s[0] == '.' && len(w.buf) > 0 && w.buf[len(w.buf)-1] == '.' {
			s = s[1:] // "p.m." or "Inc." already ended the sentence
		}
		w.prose(s)
	}
}

// fixArticle turns "a" before the slot value at buf[start:] into "an" when the value starts with a
// vowel sound: "an innovation forum", "an 8-day workshop".
func (w *writer) fixArticle(start int) {
	b := w.buf
	if start < 2 || b[start-1] != ' ' || b[start-2] != 'a' && b[start-2] != 'A' ||
		start >= 3 && b[start-3] != ' ' && b[start-3] != '\n' || !vowelSound(b[start:]) {
		return
	}
	w.buf = append(w.buf, 0)
	copy(w.buf[start:], w.buf[start-1:])
	w.buf[start-1] = 'n'
	for i := range w.prot {
		if w.prot[i].start+w.lineStart >= start-1 {
			w.prot[i].start++
			w.prot[i].end++
		}
	}
}

func vowelSound(v []byte) bool {
	if len(v) == 0 {
		return false
	}
	switch v[0] {
	case 'a', 'e', 'i', 'o', 'A', 'E', 'I', 'O':
		return true
	case 'u', 'U':
		return !bytes.HasPrefix(v[1:], []byte("ni")) && !bytes.HasPrefix(v[1:], []byte("se"))
	case '8':
		return true
	case '1':
		return len(v) >= 2 && (v[1] == '1' || v[1] == '8') && (len(v) == 2 || v[2] < '0' || v[2] > '9')
	}
	return false
}

// sentence writes t as a sentence starting with a capital letter.
func (w *writer) sentence(t *tmpl) {
	start := len(w.buf)
	w.emit(t)
	capitalize(w.buf, start)
}

// nextTemplate picks a body sentence not used yet in this article, from the article kind's
// sentences, the general ones or the quotes; only when all are used does it repeat one.
func (w *writer) nextTemplate() *tmpl {
	var pool []*tmpl
	switch n := w.r.IntN(100); {
	case n < 35:
		pool = kindPools[w.a.kind]
	case n < 90 || n < 95 && w.md:
		pool = general
	case n < 95:
		pool = quoteT
	default:
		pool = mdT
		if !w.md {
			pool = quoteT
		}
	}
	if t := w.unused(pool); t != nil {
		return t
	}
	if t := w.unused(general); t != nil {
		return t
	}
	return general[w.r.IntN(len(general))]
}

// unused returns a template of pool that the article has not used yet, and marks it used.
func (w *writer) unused(pool []*tmpl) *tmpl {
	stamp := w.a.idx + 1
	k := w.r.IntN(len(pool))
	for i := range pool {
		t := pool[(k+i)%len(pool)]
		if w.used[t.id] != stamp {
			w.used[t.id] = stamp
			return t
		}
	}
	return nil
}

// paragraph writes one line of sentences, the first being a lead if lead is set.
func (w *writer) paragraph(lead bool, minWords, maxWords int) {
	w.beginProse()
	target := minWords + w.r.IntN((maxWords-minWords)/2+1) + w.r.IntN((maxWords-minWords)/2+1)
	words := 0
	for words < target {
		var t *tmpl
		if words == 0 && lead {
			l := leads[w.a.kind]
			t = l[w.r.IntN(len(l))]
		} else {
			t = w.nextTemplate()
		}
		if words > 0 {
			w.buf = append(w.buf, ' ')
		}
		start := len(w.buf)
		w.sentence(t)
		words += bytes.Count(w.buf[start:], []byte{' '}) + 1
	}
	w.endProse()
}

// proseLine writes t as a line of prose that may receive defects.
func (w *writer) proseLine(t *tmpl) {
	w.beginProse()
	w.sentence(t)
	w.endProse()
}

func (w *writer) beginProse() {
	w.lineStart = len(w.buf)
	w.prot = w.prot[:0]
}

func (w *writer) endProse() {
	if w.rate > 0 {
		w.plantDefects()
	}
	w.lineStart = -1
}

// fill writes the value of one slot.
func (w *writer) fill(slot int) {
	a, r := w.a, w.r
	switch slot {
	case sOrg, sOrgDef:
		w.orgMention()
	case sOrgName:
		w.prose(a.org.name)
	case sOrg2:
		w.prose(a.org2.full)
	case sOrg2Name:
		w.prose(a.org2.name)
	case sP1:
		w.prose(a.p1.name)
	case sP2:
		w.prose(a.p2.name)
	case sP3:
		w.prose(a.p3.name)
	case sP1Full:
		w.personFull(a.p1, a.role1, true)
	case sP2Full:
		w.personFull(a.p2, a.role2, false)
	case sTopic:
		if r.IntN(10) < 7 {
			w.setLast(slot, a.topic)
		} else {
			w.setLast(slot, w.pickNot(topics, a.topic2, ""))
		}
	case sTopic2:
		if r.IntN(10) < 6 && a.topic2 != w.last[sTopic] {
			w.setLast(slot, a.topic2)
		} else {
			w.setLast(slot, w.pickNot(topics, w.last[sTopic], a.topic))
		}
	case sField:
		if r.IntN(2) == 0 {
			w.prose(a.field)
		} else {
			w.prose(pick(r, fields))
		}
	case sEvent:
		w.prose(a.event)
	case sExhibit:
		w.prose(a.exhibit)
	case sLab:
		w.prose(a.lab)
	case sProject:
		w.prose(a.project)
	case sJournal:
		w.prose(a.journal)
	case sWCity:
		w.prose(a.wcity)
	case sCoop:
		w.setLast(slot, pick(r, coopActions))
	case sCoop2:
		w.setLast(slot, w.pickNot(coopActions, w.last[sCoop], ""))
	case sGoal:
		w.prose(pick(r, goals))
	case sFinding:
		w.prose(pick(r, findings))
	case sTool:
		w.setLast(slot, pick(r, tools))
	case sTool2:
		w.setLast(slot, w.pickNot(tools, w.last[sTool], ""))
	case sGift:
		w.prose(pick(r, gifts))
	case sHope:
		w.prose(pick(r, hopes))
	case sTask:
		w.prose(pick(r, tasks))
	case sOffice:
		w.prose(pick(r, offices))
	case sSeason:
		w.prose(a.season)
	case sSeason2:
		w.prose(pick(r, seasons))
	case sOrdinal:
		w.prose(ordinals[(a.org.city+a.org.kind)%len(ordinals)])
	case sAgreement:
		w.prose(agreements[(a.idx+a.org2.city)%len(agreements)])
	case sAward:
		w.prose(pick(r, awards))
	case sDonation:
		w.prose(donations[(a.idx+a.org.kind)%len(donations)])
	case sSponsor:
		w.prose(pick(r, sponsors))
	case sEquipment:
		w.prose(pick(r, equipment))
	case sPrice:
		w.prose(pick(r, prices))
	case sMoney:
		w.prose(pick(r, moneys))
	case sCJKName:
		w.prose(a.cjk[0])
	case sCJKGloss:
		w.prose(a.cjk[1])
	case sQuote:
		w.prose(pick(r, quotes))
	case sDate:
		w.eventDate()
	case sDate2:
		w.monthDay(a.fut.Day(), int(a.fut.Month()))
		if r.IntN(3) == 0 {
			if !a.dayFirst {
				w.buf = append(w.buf, ',')
			}
			w.buf = append(w.buf, ' ')
			w.buf = appendInt(w.buf, a.fut.Year())
		}
	case sMonth:
		w.raw(months[a.t.Month()-1])
	case sMonth2:
		w.raw(months[(int(a.t.Month())+r.IntN(4))%12])
	case sYear:
		w.buf = appendInt(w.buf, 1950+r.IntN(a.t.Year()-1953))
	case sYear2:
		w.buf = appendInt(w.buf, a.t.Year()+1+r.IntN(3))
	case sYear3:
		w.buf = appendInt(w.buf, a.t.Year()-r.IntN(3))
	case sTime:
		w.clock(8 + r.IntN(5))
	case sTime2:
		w.clock(w.hour + 3 + r.IntN(5))
	case sWeekday:
		w.raw(weekdays[r.IntN(3)])
	case sWeekday2:
		w.raw(weekdays[4+r.IntN(3)])
	case sNum:
		w.buf = appendInt(w.buf, 3+r.IntN(58))
	case sNum2:
		w.buf = appendInt(w.buf, 2+r.IntN(19))
	case sN5:
		w.buf = appendInt(w.buf, 2+r.IntN(8))
	case sN12:
		w.buf = appendInt(w.buf, 6+r.IntN(9))
	case sScore:
		w.raw("4.")
		w.buf = appendInt(w.buf, r.IntN(10))
	case sScore2:
		w.raw("3.")
		w.buf = appendInt(w.buf, r.IntN(10))
	case sBignum:
		n := 1000 + r.IntN(24000)
		w.buf = appendInt(w.buf, n/1000)
		w.buf = append(w.buf, ',')
		w.buf = appendInt(w.buf, n%1000/100)
		w.buf = appendPad2(w.buf, n%100)
	case sPct:
		n := 5 + r.IntN(70)
		switch r.IntN(4) {
		case 0:
			w.buf = appendInt(w.buf, n)
			w.raw("%")
		case 1:
			w.raw("nearly ")
			w.buf = appendInt(w.buf, n/10*10+10)
			w.raw(" percent")
		case 2:
			w.buf = appendInt(w.buf, n)
			w.raw(".5 percent")
		default:
			w.buf = appendInt(w.buf, n)
			w.raw(" percent")
		}
	case sURL:
		w.url(a.org)
	case sURL2:
		w.url(a.org2)
	case sEmail:
		w.email()
	case sPhone:
		w.phone()
	case sDOI:
		start := len(w.buf)
		w.raw("doi:10.5555/")
		w.raw(kinds[a.kind][:3])
		w.buf = append(w.buf, '.')
		w.buf = appendInt(w.buf, a.t.Year())
		w.buf = append(w.buf, '.')
		w.buf = appendInt(w.buf, 1000+r.IntN(9000))
		w.protect(start)
	case sGrant:
		start := len(w.buf)
		w.buf = appendInt(w.buf, a.t.Year()-r.IntN(3))
		w.buf = append(w.buf, '-')
		w.buf = appendInt(w.buf, 1000+r.IntN(9000))
		w.protect(start)
	case sPLast:
		w.setLast(slot, pick(r, lastNames))
	case sPLast2:
		w.setLast(slot, w.pickNot(lastNames, w.last[sPLast], ""))
	case sCountry:
		w.setLast(slot, pick(r, countries))
	case sCountry2:
		w.setLast(slot, w.pickNot(countries, w.last[sCountry], ""))
	case sCountry3:
		w.setLast(slot, w.pickNot(countries, w.last[sCountry], w.last[sCountry2]))
	case sAudience:
		w.setLast(slot, pick(r, audiences))
	case sAudience2:
		w.setLast(slot, w.pickNot(audiences, w.last[sAudience], ""))
	case sPlace:
		w.setLast(slot, pick(r, places))
	case sPlace2:
		w.setLast(slot, w.pickNot(places, w.last[sPlace], ""))
	case sCode:
		w.last[slot] = pick(r, inlineCode)
		w.code(w.last[slot])
	case sCode2:
		w.code(w.pickNot(inlineCode, w.last[sCode], ""))
	case sCity:
		w.prose(cities[a.org.city])
	case sCompany:
		w.prose(pick(r, companies))
	case sFunder:
		w.prose(pick(r, funders))
	default:
		panic("corpusgen: slot without a filler")
	}
}

func (w *writer) setLast(slot int, s string) {
	w.last[slot] = s
	w.prose(s)
}

// pickNot picks from list a value other than x and y.
func (w *writer) pickNot(list []string, x, y string) string {
	for {
		s := list[w.r.IntN(len(list))]
		if s != x && s != y {
			return s
		}
	}
}

// orgMention names the main organisation: in full with a defined short form the first time, by
// the short form after that.
func (w *writer) orgMention() {
	a := w.a
	o := a.org
	if a.orgDefined {
		if a.defForm == 1 {
			w.raw(o.acronym)
		} else {
			w.raw(o.short)
		}
		return
	}
	a.orgDefined = true
	w.prose(o.full)
	switch a.defForm {
	case 0:
		w.raw(" (hereinafter referred to as ")
		w.raw(o.short)
		w.raw(")")
	case 1:
		w.raw(" (")
		w.raw(o.acronym)
		w.raw(")")
	default:
		w.raw(" (hereinafter ")
		w.prose(`"`)
		w.raw(o.short)
		w.prose(`")`)
	}
}

// personFull names p with a role at the main organisation (main) or the partner.
func (w *writer) personFull(p person, role string, main bool) {
	w.prose(p.name)
	if p.cjk != "" {
		w.raw(" (")
		w.raw(p.cjk)
		w.raw(")")
	}
	w.raw(", ")
	w.raw(role)
	if !main || strings.Contains(role, " of ") {
		w.raw(" at ")
	} else {
		w.raw(" of ")
	}
	if main {
		w.orgMention()
	} else {
		w.prose(w.a.org2.full)
	}
}

func (w *writer) monthDay(day, month int) {
	if w.a.dayFirst {
		w.buf = appendInt(w.buf, day)
		w.buf = append(w.buf, ' ')
		w.raw(months[month-1])
		return
	}
	w.raw(months[month-1])
	w.buf = append(w.buf, ' ')
	w.buf = appendInt(w.buf, day)
}

func (w *writer) eventDate() {
	a := w.a
	ev := a.ev
	switch w.r.IntN(9) {
	case 0, 1:
		w.raw("On ")
		w.monthDay(ev.Day(), int(ev.Month()))
	case 2:
		w.raw("On the morning of ")
		w.monthDay(ev.Day(), int(ev.Month()))
	case 3:
		w.raw("On the afternoon of ")
		w.monthDay(ev.Day(), int(ev.Month()))
	case 4:
		w.raw("On ")
		w.monthDay(ev.Day(), int(ev.Month()))
		if !a.dayFirst {
			w.buf = append(w.buf, ',')
		}
		w.buf = append(w.buf, ' ')
		w.buf = appendInt(w.buf, ev.Year())
	case 5:
		w.raw("Recently")
	case 6:
		w.raw("Last ")
		w.raw(weekdays[(int(ev.Weekday())+6)%7])
	case 7:
		w.raw("From ")
		if a.evFrom.Month() == ev.Month() && !a.dayFirst {
			w.monthDay(a.evFrom.Day(), int(a.evFrom.Month()))
			w.raw(" to ")
			w.buf = appendInt(w.buf, ev.Day())
		} else {
			w.monthDay(a.evFrom.Day(), int(a.evFrom.Month()))
			w.raw(" to ")
			w.monthDay(ev.Day(), int(ev.Month()))
		}
	default:
		w.raw("On ")
		w.raw(weekdays[(int(ev.Weekday())+6)%7])
		w.raw(", ")
		w.monthDay(ev.Day(), int(ev.Month()))
	}
}

// clock writes a time of day at hour h.
func (w *writer) clock(h int) {
	if h > 21 {
		h = 21
	}
	w.hour = h
	m := 0
	if w.r.IntN(3) == 0 {
		m = 30
	}
	if !w.a.clock12 {
		w.buf = appendPad2(w.buf, h)
		w.buf = append(w.buf, ':')
		w.buf = appendPad2(w.buf, m)
		return
	}
	h12 := h
	if h12 > 12 {
		h12 -= 12
	}
	w.buf = appendInt(w.buf, h12)
	if m != 0 {
		w.buf = append(w.buf, ':')
		w.buf = appendPad2(w.buf, m)
	}
	if h < 12 {
		w.raw(" a.m.")
	} else {
		w.raw(" p.m.")
	}
}

var linkTexts = []string{"the program page", "the project website", "this page", "the full report", "the event page"}

func (w *writer) url(o *org) {
	a, r := w.a, w.r
	start := len(w.buf)
	form := r.IntN(5)
	link := w.md && form != 4 && r.IntN(10) < 6
	angle := false
	if link {
		if r.IntN(4) == 0 {
			angle = true
			w.buf = append(w.buf, '<')
		} else {
			w.buf = append(w.buf, '[')
			w.prose(pick(r, linkTexts))
			w.raw("](")
		}
	}
	switch form {
	case 0:
		w.raw("https://www.")
		w.raw(o.domain)
		w.raw("/news/")
		w.buf = appendInt(w.buf, a.t.Year())
		w.buf = append(w.buf, '/')
		w.buf = appendPad2(w.buf, int(a.t.Month()))
		w.buf = appendPad2(w.buf, a.t.Day())
		w.raw(".html")
	case 1:
		w.raw("https://")
		w.raw(o.domain)
		w.raw("/events/")
		for i := 0; i < len(a.event); i++ {
			if c := a.event[i]; c == ' ' {
				w.buf = append(w.buf, '-')
			} else {
				w.buf = append(w.buf, c)
			}
		}
	case 2:
		w.raw("http://www.")
		w.raw(o.domain)
		w.raw("/en/index.php?id=")
		w.buf = appendInt(w.buf, 100+r.IntN(9000))
	case 3:
		w.raw("https://")
		w.raw(o.domain)
		w.buf = append(w.buf, '/')
		w.raw(a.slug)
		w.buf = append(w.buf, '/')
	default:
		w.raw("www.")
		w.raw(o.domain)
	}
	switch {
	case angle:
		w.buf = append(w.buf, '>')
	case link:
		w.buf = append(w.buf, ')')
	}
	w.protect(start)
}

var mailboxes = []string{"press", "info", "events", "visit", "media", "education"}

func (w *writer) email() {
	r := w.r
	start := len(w.buf)
	if r.IntN(2) == 0 {
		w.raw(pick(r, mailboxes))
	} else {
		appendLower(w, pick(r, firstNames))
		w.buf = append(w.buf, '.')
		appendLower(w, pick(r, lastNames))
	}
	w.buf = append(w.buf, '@')
	if r.IntN(3) == 0 {
		w.raw(w.a.org2.domain)
	} else {
		w.raw(w.a.org.domain)
	}
	w.protect(start)
}

func appendLower(w *writer, s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		w.buf = append(w.buf, c)
	}
}

func (w *writer) phone() {
	r := w.r
	start := len(w.buf)
	switch r.IntN(3) {
	case 0:
		w.raw("+1 (555) 01")
		w.buf = appendInt(w.buf, 10+r.IntN(90))
		w.buf = append(w.buf, '-')
	case 1:
		w.raw("+86 21 5555 ")
		w.buf = appendInt(w.buf, 10+r.IntN(90))
	default:
		w.raw("(555) 0")
		w.buf = appendInt(w.buf, 100+r.IntN(900))
		w.buf = append(w.buf, '-')
	}
	w.buf = appendPad2(w.buf, r.IntN(100))
	w.buf = appendPad2(w.buf, r.IntN(100))
	w.protect(start)
}

func (w *writer) code(s string) {
	start := len(w.buf)
	w.buf = append(w.buf, '`')
	w.raw(s)
	w.buf = append(w.buf, '`')
	w.protect(start)
}
