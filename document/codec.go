package document

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/copydesk/copydesk/dates"
	"github.com/copydesk/copydesk/internal/wire"
)

// AppendSummary writes what the corpus rules read of a summary of a
// context file (path, title, dates, navigation, front matter, links,
// anchors, Head, CROnly) for a cache that outlives the process. Not written: the
// text and what only printing or fixing a finding in it needs (line
// starts, protected spans), since a context file has no findings. It
// fails on a front matter value of a type it does not know.
func AppendSummary(w *wire.Writer, s *Summary) error {
	w.String(s.Path)
	w.Uint(uint64(s.Format))
	w.String(s.Title)
	appendSpan(w, s.TitleSpan)
	date := -1
	w.Uint(uint64(len(s.Dates)))
	for i, d := range s.Dates {
		if d == s.Date {
			date = i
		}
		appendDateField(w, d)
	}
	w.Int(int64(date))
	if date < 0 {
		w.Bool(s.Date != nil)
		if s.Date != nil {
			appendDateField(w, s.Date)
		}
	}
	w.Uint(uint64(len(s.Nav)))
	for _, n := range s.Nav {
		w.Uint(uint64(n.Dir))
		w.String(n.Label)
		w.String(n.Target)
		w.String(n.Text)
		w.Bool(n.IsPath)
		appendSpan(w, n.Span)
	}
	w.Bool(s.Meta != nil)
	if s.Meta != nil {
		if err := appendValue(w, s.Meta); err != nil {
			return err
		}
	}
	w.Bool(s.Draft)
	w.Uint(uint64(len(s.Directives)))
	for _, d := range s.Directives {
		w.Uint(uint64(d.Kind))
		w.Uint(uint64(len(d.Rules)))
		for _, r := range d.Rules {
			w.String(r)
		}
		w.String(d.Reason)
		appendSpan(w, d.Span)
	}
	w.Uint(uint64(len(s.Links)))
	for _, l := range s.Links {
		w.String(l.Dest)
		appendSpan(w, l.Span)
		w.Bool(l.Image)
	}
	w.Uint(uint64(len(s.Anchors)))
	for _, a := range s.Anchors {
		w.String(a)
	}
	w.Uint(uint64(len(s.Head.FirstLines)))
	for _, l := range s.Head.FirstLines {
		w.String(l)
	}
	w.Bool(s.Head.PlusFrontMatter)
	w.Bool(s.Head.Containers)
	w.Bool(s.Head.Includes)
	w.Bool(s.CROnly)
	return nil
}

// ReadSummary reads what AppendSummary wrote; r.Err says whether it could.
func ReadSummary(r *wire.Reader) *Summary {
	s := &Summary{Path: r.String(), Format: Format(r.Uint()), Title: r.String(), TitleSpan: readSpan(r)}
	if s.Format > FormatHTML {
		r.Fail(wire.ErrCorrupt)
	}
	if n := r.Len(8); n > 0 {
		s.Dates = make([]*DateField, n)
		for i := range s.Dates {
			s.Dates[i] = readDateField(r)
		}
	}
	switch date := r.Int(); {
	case date >= 0 && date < int64(len(s.Dates)):
		s.Date = s.Dates[date]
	case date >= 0:
		r.Fail(wire.ErrCorrupt)
	case r.Bool():
		s.Date = readDateField(r)
	}
	if n := r.Len(6); n > 0 {
		s.Nav = make([]NavLink, n)
		for i := range s.Nav {
			s.Nav[i] = NavLink{Dir: NavDir(r.Uint()), Label: r.String(), Target: r.String(), Text: r.String(), IsPath: r.Bool(), Span: readSpan(r)}
		}
	}
	if r.Bool() {
		m, ok := readValue(r, 0).(map[string]any)
		if !ok {
			r.Fail(wire.ErrCorrupt)
		}
		s.Meta = m
	}
	s.Draft = r.Bool()
	if n := r.Len(5); n > 0 {
		s.Directives = make([]Directive, n)
		for i := range s.Directives {
			d := &s.Directives[i]
			d.Kind = DirectiveKind(r.Uint())
			if k := r.Len(1); k > 0 {
				d.Rules = make([]string, k)
				for j := range d.Rules {
					d.Rules[j] = r.String()
				}
			}
			d.Reason = r.String()
			d.Span = readSpan(r)
		}
	}
	if n := r.Len(4); n > 0 {
		s.Links = make([]Link, n)
		for i := range s.Links {
			s.Links[i] = Link{Dest: r.String(), Span: readSpan(r), Image: r.Bool()}
		}
	}
	if n := r.Len(1); n > 0 {
		s.Anchors = make([]string, n)
		for i := range s.Anchors {
			s.Anchors[i] = r.String()
		}
	}
	if n := r.Len(1); n > 0 {
		s.Head.FirstLines = make([]string, n)
		for i := range s.Head.FirstLines {
			s.Head.FirstLines[i] = r.String()
		}
	}
	s.Head.PlusFrontMatter, s.Head.Containers, s.Head.Includes = r.Bool(), r.Bool(), r.Bool()
	s.CROnly = r.Bool()
	if r.Err() != nil {
		return nil
	}
	return s
}

func appendSpan(w *wire.Writer, sp Span) {
	w.Int(int64(sp.Start))
	w.Int(int64(sp.End))
}

func readSpan(r *wire.Reader) Span { return Span{int(r.Int32()), int(r.Int32())} }

func appendDateField(w *wire.Writer, d *DateField) {
	w.Uint(uint64(d.Source))
	w.String(d.Label)
	appendSpan(w, d.LabelSpan)
	w.String(d.Raw)
	w.String(d.Lead)
	appendSpan(w, d.Span)
	p := &d.Parsed
	for _, v := range []int{p.Year, p.Month, p.Day, p.Hour, p.Minute, p.Second, int(p.Weekday)} {
		w.Int(int64(v))
	}
	w.Bool(p.HasTime)
	w.Bool(p.HasSeconds)
	w.Bool(p.HasWeekday)
	w.Bool(p.Ambiguous)
	w.String(p.Layout)
	switch p.Zone {
	case nil:
		w.Uint(0)
	case time.UTC:
		w.Uint(1)
	default:
		name, off := p.Time().Zone()
		w.Uint(2)
		w.String(name)
		w.Int(int64(off))
	}
	appendErr(w, p.Err)
	appendErr(w, d.ParseErr)
}

func readDateField(r *wire.Reader) *DateField {
	d := &DateField{Source: DateSource(r.Uint()), Label: r.String(), LabelSpan: readSpan(r), Raw: r.String(), Lead: r.String(), Span: readSpan(r)}
	if d.Source > DatePath {
		r.Fail(wire.ErrCorrupt)
	}
	p := &d.Parsed
	for _, v := range []*int{&p.Year, &p.Month, &p.Day, &p.Hour, &p.Minute, &p.Second} {
		*v = int(r.Int32())
	}
	p.Weekday = time.Weekday(r.Int32())
	p.HasTime, p.HasSeconds, p.HasWeekday, p.Ambiguous = r.Bool(), r.Bool(), r.Bool(), r.Bool()
	p.Layout = r.String()
	switch r.Uint() {
	case 0:
	case 1:
		p.Zone = time.UTC
	case 2:
		name, off := r.String(), r.Int32()
		p.Zone = time.FixedZone(name, int(off))
	default:
		r.Fail(wire.ErrCorrupt)
	}
	p.Err = readErr(r)
	d.ParseErr = readErr(r)
	return d
}

// storedErr is an error read back from a cache: its message, and whether
// it was dates.ErrNotADate, which rules ask with errors.Is.
type storedErr struct {
	msg      string
	notADate bool
}

func (e *storedErr) Error() string { return e.msg }

func (e *storedErr) Is(target error) bool { return e.notADate && target == dates.ErrNotADate }

func appendErr(w *wire.Writer, err error) {
	switch {
	case err == nil:
		w.Uint(0)
	case errors.Is(err, dates.ErrNotADate):
		w.Uint(2)
		w.String(err.Error())
	default:
		w.Uint(1)
		w.String(err.Error())
	}
}

func readErr(r *wire.Reader) error {
	switch r.Uint() {
	case 0:
		return nil
	case 1:
		return &storedErr{msg: r.String()}
	case 2:
		return &storedErr{msg: r.String(), notADate: true}
	}
	r.Fail(wire.ErrCorrupt)
	return nil
}

// The kinds of front matter values.
const (
	valNil = iota
	valString
	valBool
	valInt
	valInt64
	valUint64
	valFloat
	valTime
	valMap
	valList
	valMapList
)

// maxValueDepth bounds the nesting read back, so that damaged bytes cannot
// recurse without end.
const maxValueDepth = 64

func appendValue(w *wire.Writer, v any) error {
	switch v := v.(type) {
	case nil:
		w.Uint(valNil)
	case string:
		w.Uint(valString)
		w.String(v)
	case bool:
		w.Uint(valBool)
		w.Bool(v)
	case int:
		w.Uint(valInt)
		w.Int(int64(v))
	case int64:
		w.Uint(valInt64)
		w.Int(v)
	case uint64:
		w.Uint(valUint64)
		w.Uint(v)
	case float64:
		w.Uint(valFloat)
		w.Uint(math.Float64bits(v))
	case time.Time:
		// Not MarshalBinary: it keeps a zone's offset but not its name,
		// and TOML's local dates are in zones named date-local and the like.
		w.Uint(valTime)
		w.Int(v.Unix())
		w.Int(int64(v.Nanosecond()))
		switch loc := v.Location(); loc {
		case time.UTC:
			w.Uint(0)
		case time.Local:
			w.Uint(1)
		default:
			name, off := v.Zone()
			w.Uint(2)
			w.String(name)
			w.Int(int64(off))
		}
	case map[string]any:
		w.Uint(valMap)
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		w.Uint(uint64(len(keys)))
		for _, k := range keys {
			w.String(k)
			if err := appendValue(w, v[k]); err != nil {
				return err
			}
		}
	case []any:
		w.Uint(valList)
		w.Uint(uint64(len(v)))
		for _, e := range v {
			if err := appendValue(w, e); err != nil {
				return err
			}
		}
	case []map[string]any:
		w.Uint(valMapList)
		w.Uint(uint64(len(v)))
		for _, e := range v {
			if err := appendValue(w, e); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("front matter value of type %T cannot be stored", v)
	}
	return nil
}

func readValue(r *wire.Reader, depth int) any {
	if depth > maxValueDepth {
		r.Fail(wire.ErrCorrupt)
		return nil
	}
	switch r.Uint() {
	case valNil:
		return nil
	case valString:
		return r.String()
	case valBool:
		return r.Bool()
	case valInt:
		return int(r.Int())
	case valInt64:
		return r.Int()
	case valUint64:
		return r.Uint()
	case valFloat:
		return math.Float64frombits(r.Uint())
	case valTime:
		sec, nsec := r.Int(), r.Int()
		if nsec < 0 || nsec >= 1e9 {
			r.Fail(wire.ErrCorrupt)
			return nil
		}
		t := time.Unix(sec, nsec)
		switch r.Uint() {
		case 0:
			return t.UTC()
		case 1:
			return t.Local()
		case 2:
			name, off := r.String(), r.Int32()
			return t.In(time.FixedZone(name, int(off)))
		}
		r.Fail(wire.ErrCorrupt)
		return nil
	case valMap:
		n := r.Len(2)
		m := make(map[string]any, n)
		for range n {
			k := r.String()
			m[k] = readValue(r, depth+1)
		}
		return m
	case valList:
		n := r.Len(1)
		l := make([]any, n)
		for i := range l {
			l[i] = readValue(r, depth+1)
		}
		return l
	case valMapList:
		n := r.Len(1)
		l := make([]map[string]any, n)
		for i := range l {
			m, ok := readValue(r, depth+1).(map[string]any)
			if !ok {
				r.Fail(wire.ErrCorrupt)
			}
			l[i] = m
		}
		return l
	}
	r.Fail(wire.ErrCorrupt)
	return nil
}
