// Package dates reads the publication dates that article archives carry, in
// the many forms real exports use, and says precisely what is wrong with them.
package dates

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Order is how an all-numeric date such as 03/04/2025 is read.
type Order uint8

// Ambiguous numeric dates are reported unless the configuration picks an order.
const (
	OrderUnknown Order = iota
	OrderDayFirst
	OrderMonthFirst
)

// A Date is what was read from the text: its parts as written, the layout
// they were written in, and the calendar problem, if any.
type Date struct {
	Year, Month, Day     int
	Hour, Minute, Second int
	HasTime              bool
	HasSeconds           bool
	Zone                 *time.Location // nil when the text names no zone
	Weekday              time.Weekday
	HasWeekday           bool
	// Layout describes the written form in Go layout notation, for example
	// "2006-01-02 15:04" or "Jan 2, 2006"; it is how date-format compares styles.
	Layout string
	// Ambiguous is set for a numeric date whose day and month could be swapped.
	Ambiguous bool
	// Err says why the date cannot be real (day 30 in February, hour 25, a
	// wrong weekday); nil when it can.
	Err error
}

// Time returns the date as a time in its zone (UTC when none is written).
// Only meaningful when Err is nil.
func (d Date) Time() time.Time {
	loc := d.Zone
	if loc == nil {
		loc = time.UTC
	}
	return time.Date(d.Year, time.Month(d.Month), d.Day, d.Hour, d.Minute, d.Second, 0, loc)
}

// ErrNotADate is returned when the text is not a date in any known form.
var ErrNotADate = errors.New("not a date")

var months = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

var weekdays = map[string]time.Weekday{
	"sun": time.Sunday, "sunday": time.Sunday, "mon": time.Monday, "monday": time.Monday,
	"tue": time.Tuesday, "tues": time.Tuesday, "tuesday": time.Tuesday, "wed": time.Wednesday,
	"wednesday": time.Wednesday, "thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday,
	"thursday": time.Thursday, "fri": time.Friday, "friday": time.Friday, "sat": time.Saturday,
	"saturday": time.Saturday,
}

type partKind uint8

const (
	pNum partKind = iota
	pWord
	pSep
)

type part struct {
	kind partKind
	text string
	num  int
	lead bool // number written with a leading zero
}

// split breaks a date into numbers, words and single separators. CJK date
// markers (年月日时分秒) become words so that layouts can name them.
func split(s string) []part {
	// A part takes a byte at least and most are two (a number or word and
	// a separator): sized once, not grown four times.
	ps := make([]part, 0, min(len(s)/2+2, 16))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			j := i
			n := 0
			for j < len(s) && s[j] >= '0' && s[j] <= '9' && j-i < 9 {
				n = n*10 + int(s[j]-'0')
				j++
			}
			ps = append(ps, part{kind: pNum, text: s[i:j], num: n, lead: c == '0' && j-i > 1})
			i = j
		case c < utf8.RuneSelf && (c|0x20 >= 'a' && c|0x20 <= 'z'):
			j := i
			for j < len(s) && s[j] < utf8.RuneSelf && (s[j]|0x20 >= 'a' && s[j]|0x20 <= 'z') {
				j++
			}
			ps = append(ps, part{kind: pWord, text: strings.ToLower(s[i:j])})
			i = j
		case c == ' ' || c == '\t':
			i++
			if len(ps) > 0 && ps[len(ps)-1].text != " " {
				ps = append(ps, part{kind: pSep, text: " "})
			}
		default:
			r, w := utf8.DecodeRuneInString(s[i:])
			i += w
			switch r {
			case '年', '月', '日', '时', '分', '秒', '号':
				ps = append(ps, part{kind: pWord, text: string(r)})
			case 0xA0, 0x3000:
				if len(ps) > 0 && ps[len(ps)-1].text != " " {
					ps = append(ps, part{kind: pSep, text: " "})
				}
			default:
				ps = append(ps, part{kind: pSep, text: string(r)})
			}
		}
	}
	// Spaces at the ends or beside a CJK marker are not significant:
	// "2025年 3月" reads like "2025年3月".
	out := ps[:0]
	for k, p := range ps {
		if p.kind == pSep && p.text == " " {
			if k == 0 || k == len(ps)-1 || isCJKMarker(ps[k-1]) || isCJKMarker(ps[k+1]) {
				continue
			}
		}
		out = append(out, p)
	}
	for len(out) > 0 && out[len(out)-1].kind == pSep && (out[len(out)-1].text == "." || out[len(out)-1].text == ",") {
		out = out[:len(out)-1]
	}
	return out
}

// Parse reads one date, optionally with a time and zone. It succeeds for a
// well-formed date that does not exist (2025-02-30), recording why in Err,
// so that callers can tell "not a date" from "an impossible date".
func Parse(s string, order Order) (Date, error) {
	// Every form has digits; most lines tried as dates are titles without.
	if !strings.ContainsAny(s, "0123456789") {
		return Date{}, notADate(s)
	}
	ps := split(strings.TrimSpace(s))
	p := &parser{ps: ps, order: order}
	d, ok := p.parse()
	if !ok {
		return Date{}, notADate(s)
	}
	d.Err = check(d)
	return d, nil
}

// notADate is cheap to return: most text tried as a date is not one, and
// the message is only built if someone prints it.
type notADate string

func (e notADate) Error() string { return fmt.Sprintf("%q: %v", string(e), ErrNotADate) }

func (e notADate) Is(target error) bool { return target == ErrNotADate }

type parser struct {
	ps    []part
	i     int
	order Order
}

func (p *parser) peek(k int) (part, bool) {
	if p.i+k < len(p.ps) {
		return p.ps[p.i+k], true
	}
	return part{}, false
}

func (p *parser) sep(texts ...string) (string, bool) {
	q, ok := p.peek(0)
	if !ok || q.kind != pSep {
		return "", false
	}
	for _, t := range texts {
		if q.text == t {
			p.i++
			return t, true
		}
	}
	return "", false
}

func (p *parser) word(w string) bool {
	q, ok := p.peek(0)
	if ok && q.kind == pWord && q.text == w {
		p.i++
		return true
	}
	return false
}

func (p *parser) num(min, max int) (part, bool) {
	q, ok := p.peek(0)
	if !ok || q.kind != pNum || len(q.text) < min || len(q.text) > max {
		return part{}, false
	}
	p.i++
	return q, true
}

// ordinal swallows "st", "nd", "rd", "th" after a day number.
func (p *parser) ordinal() bool {
	q, ok := p.peek(0)
	if ok && q.kind == pWord && (q.text == "st" || q.text == "nd" || q.text == "rd" || q.text == "th") {
		p.i++
		return true
	}
	return false
}

func (p *parser) month() (int, string, bool) {
	q, ok := p.peek(0)
	if !ok || q.kind != pWord {
		return 0, "", false
	}
	m, ok := months[q.text]
	if !ok {
		return 0, "", false
	}
	p.i++
	layout := "Jan"
	if len(q.text) > 3 && q.text != "sept" {
		layout = "January"
	}
	if _, ok := p.sep("."); ok {
		layout += "."
	}
	return m, layout, true
}

func (p *parser) parse() (Date, bool) {
	var d Date
	var lay strings.Builder
	// A leading time, as the Go present format writes "15:04 10 Nov 2009".
	if t, ok := p.peek(0); ok && t.kind == pNum && len(t.text) <= 2 {
		if c, ok := p.peek(1); ok && c.kind == pSep && c.text == ":" {
			save := p.i
			var tl strings.Builder
			if p.clock(&d, &tl) {
				if _, ok := p.sep(" "); ok {
					lay.WriteString(tl.String())
					lay.WriteString(" ")
				} else {
					p.i = save
					d = Date{}
				}
			} else {
				p.i = save
			}
		}
	}
	// An optional weekday: "Friday, March 14, 2025", "Fri 14 Mar 2025".
	if q, ok := p.peek(0); ok && q.kind == pWord {
		if wd, ok := weekdays[q.text]; ok {
			p.i++
			d.Weekday, d.HasWeekday = wd, true
			if len(q.text) > 3 {
				lay.WriteString("Monday")
			} else {
				lay.WriteString("Mon")
			}
			if s, ok := p.sep(","); ok {
				lay.WriteString(s)
			}
			if _, ok := p.sep(" "); ok {
				lay.WriteString(" ")
			}
		}
	}
	if !p.datePart(&d, &lay) {
		return d, false
	}
	// Optional time after the date: " 09:30", "T09:30:00+08:00", " 9:41:00 +0000".
	if p.i < len(p.ps) {
		save := p.i
		sepText := ""
		if s, ok := p.sep(" ", ","); ok {
			sepText = s
			if s == "," {
				if _, ok := p.sep(" "); ok {
					sepText = ", "
				}
			}
		} else if p.word("t") {
			sepText = "T"
		}
		var tl strings.Builder
		if sepText != "" && p.clock(&d, &tl) {
			lay.WriteString(sepText)
			lay.WriteString(tl.String())
			p.zone(&d, &lay)
		} else {
			p.i = save
		}
	}
	if p.i != len(p.ps) {
		return d, false
	}
	d.Layout = lay.String()
	return d, true
}

// datePart reads the calendar date in one of the known orders.
func (p *parser) datePart(d *Date, lay *strings.Builder) bool {
	save := p.i
	q, ok := p.peek(0)
	if !ok {
		return false
	}
	if q.kind == pNum && len(q.text) == 4 {
		// Year first: 2025-03-14, 2025/3/14, 2025.03.14, 2025年3月14日.
		p.i++
		d.Year = q.num
		if p.word("年") {
			m, ok1 := p.num(1, 2)
			if !ok1 || !p.word("月") {
				p.i = save
				return false
			}
			dd, ok2 := p.num(1, 2)
			if !ok2 {
				p.i = save
				return false
			}
			if !p.word("日") {
				p.word("号")
			}
			d.Month, d.Day = m.num, dd.num
			lay.WriteString("2006年1月2日")
			return true
		}
		s, ok := p.sep("-", "/", ".")
		if !ok {
			p.i = save
			return false
		}
		m, ok1 := p.num(1, 2)
		if !ok1 {
			p.i = save
			return false
		}
		if _, ok := p.sep(s); !ok {
			p.i = save
			return false
		}
		dd, ok2 := p.num(1, 2)
		if !ok2 {
			p.i = save
			return false
		}
		d.Month, d.Day = m.num, dd.num
		lay.WriteString("2006" + s + numLayout(m, "01", "1") + s + numLayout(dd, "02", "2"))
		return true
	}
	if m, ml, ok := p.month(); ok {
		// Month first: "Mar 14, 2025", "March 14th 2025".
		p.sep(" ")
		dd, ok := p.num(1, 2)
		if !ok {
			p.i = save
			return false
		}
		ord := p.ordinal()
		comma, _ := p.sep(",")
		p.sep(" ")
		y, ok := p.num(4, 4)
		if !ok {
			p.i = save
			return false
		}
		d.Year, d.Month, d.Day = y.num, m, dd.num
		lay.WriteString(ml + " " + numLayout(dd, "02", "2"))
		if ord {
			lay.WriteString("th")
		}
		lay.WriteString(comma + " 2006")
		return true
	}
	if q.kind == pNum && len(q.text) <= 2 {
		p.i++
		// Day first with a month name: "14 March 2025", "14th Mar. 2025".
		ord := p.ordinal()
		if _, ok := p.sep(" "); ok {
			if m, ml, ok := p.month(); ok {
				comma, _ := p.sep(",")
				p.sep(" ")
				y, ok := p.num(4, 4)
				if !ok {
					p.i = save
					return false
				}
				d.Year, d.Month, d.Day = y.num, m, q.num
				lay.WriteString(numLayout(q, "02", "2"))
				if ord {
					lay.WriteString("th")
				}
				lay.WriteString(" " + ml + comma + " 2006")
				return true
			}
			p.i = save
			return false
		}
		// All numeric, day or month first: 14.03.2025, 03/04/2025.
		s, ok := p.sep("/", ".", "-")
		if !ok {
			p.i = save
			return false
		}
		b, ok := p.num(1, 2)
		if !ok {
			p.i = save
			return false
		}
		if _, ok := p.sep(s); !ok {
			p.i = save
			return false
		}
		y, ok := p.num(4, 4)
		if !ok {
			p.i = save
			return false
		}
		d.Year = y.num
		first, second := q, b
		dayFirst := s == "." // 14.03.2025 is day-first everywhere it is written
		switch {
		case first.num > 12 && second.num <= 12:
			dayFirst = true
		case second.num > 12 && first.num <= 12:
			dayFirst = false
		case s != "." && first.num != second.num:
			switch p.order {
			case OrderDayFirst:
				dayFirst = true
			case OrderMonthFirst:
				dayFirst = false
			default:
				d.Ambiguous = true
				dayFirst = false
			}
		}
		if dayFirst {
			d.Day, d.Month = first.num, second.num
			lay.WriteString(numLayout(first, "02", "2") + s + numLayout(second, "01", "1") + s + "2006")
		} else {
			d.Month, d.Day = first.num, second.num
			lay.WriteString(numLayout(first, "01", "1") + s + numLayout(second, "02", "2") + s + "2006")
		}
		return true
	}
	return false
}

func isCJKMarker(p part) bool {
	return p.kind == pWord && p.text >= "\u3000"
}

func numLayout(q part, padded, bare string) string {
	if q.lead || (len(q.text) == 2 && q.num >= 10 && padded != "") {
		// A two-digit value cannot show whether it is padded; call it padded,
		// the common house style.
		return padded
	}
	return bare
}

// clock reads "09:30", "9:41:00", "14时30分".
func (p *parser) clock(d *Date, lay *strings.Builder) bool {
	save := p.i
	h, ok := p.num(1, 2)
	if !ok {
		return false
	}
	if p.word("时") {
		m, ok := p.num(1, 2)
		if !ok || !p.word("分") {
			p.i = save
			return false
		}
		d.Hour, d.Minute, d.HasTime = h.num, m.num, true
		lay.WriteString("15时04分")
		return true
	}
	if _, ok := p.sep(":"); !ok {
		p.i = save
		return false
	}
	m, ok := p.num(2, 2)
	if !ok {
		p.i = save
		return false
	}
	d.Hour, d.Minute, d.HasTime = h.num, m.num, true
	lay.WriteString(numLayout(h, "15", "3") + ":04")
	if len(h.text) == 1 {
		// "9:41" is a 24-hour clock written without padding.
		lay.Reset()
		lay.WriteString("H:04")
	}
	if c, ok := p.peek(0); ok && c.kind == pSep && c.text == ":" {
		if s, ok := p.peek(1); ok && s.kind == pNum && len(s.text) == 2 {
			p.i += 2
			d.Second, d.HasSeconds = s.num, true
			lay.WriteString(":05")
		}
	}
	// Fractional seconds from RFC 3339 are accepted and ignored.
	if c, ok := p.peek(0); ok && c.kind == pSep && c.text == "." {
		if f, ok := p.peek(1); ok && f.kind == pNum {
			p.i += 2
			lay.WriteString(".000")
		}
	}
	if p.word("am") || p.word("pm") {
		pm := p.ps[p.i-1].text == "pm"
		if d.Hour < 1 || d.Hour > 12 {
			d.Hour = 99 // reported as an impossible time by check
		} else {
			d.Hour %= 12
			if pm {
				d.Hour += 12
			}
		}
		lay.WriteString(" PM")
	}
	return true
}

// zone reads "Z", "+08:00", " +0000", " UTC".
func (p *parser) zone(d *Date, lay *strings.Builder) {
	save := p.i
	space := false
	if _, ok := p.sep(" "); ok {
		space = true
	}
	if p.word("z") {
		d.Zone = time.UTC
		lay.WriteString("Z07:00")
		return
	}
	if p.word("utc") || p.word("gmt") {
		d.Zone = time.UTC
		lay.WriteString(" MST")
		return
	}
	s, ok := p.sep("+", "-")
	if !ok {
		p.i = save
		return
	}
	h, ok := p.num(2, 4)
	if !ok {
		p.i = save
		return
	}
	offset := 0
	colon := false
	if len(h.text) == 4 {
		offset = (h.num/100)*3600 + (h.num%100)*60
	} else {
		offset = h.num * 3600
		if _, ok := p.sep(":"); ok {
			m, ok := p.num(2, 2)
			if !ok {
				p.i = save
				return
			}
			colon = true
			offset += m.num * 60
		}
	}
	if s == "-" {
		offset = -offset
	}
	d.Zone = time.FixedZone("", offset)
	if space {
		lay.WriteString(" ")
	}
	if colon {
		lay.WriteString("-07:00")
	} else {
		lay.WriteString("-0700")
	}
}

// check says why a well-formed date cannot be real.
func check(d Date) error {
	if d.Month < 1 || d.Month > 12 {
		return fmt.Errorf("there is no month %d", d.Month)
	}
	if d.Year < 1000 {
		return fmt.Errorf("year %d is not plausible", d.Year)
	}
	last := time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if d.Day < 1 || d.Day > last {
		return fmt.Errorf("%s %d has %d days, not %d", time.Month(d.Month), d.Year, last, d.Day)
	}
	if d.HasTime && (d.Hour > 23 || d.Minute > 59 || d.Second > 59) {
		if d.Hour == 99 {
			return errors.New("a 12-hour time must be between 1 and 12")
		}
		return fmt.Errorf("%02d:%02d is not a time of day", d.Hour, d.Minute)
	}
	if d.HasWeekday {
		actual := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC).Weekday()
		if actual != d.Weekday {
			return fmt.Errorf("%s %d, %d was a %s, not a %s", time.Month(d.Month), d.Day, d.Year, actual, d.Weekday)
		}
	}
	return nil
}
