package document

import (
	"math"
	"slices"
	"sort"
)

// An Excerpt is what a report needs of a document once its text is let go:
// the positions of the findings' offsets and, if asked for, the text of
// the lines they are on. A text is most of what a run holds, and at the
// end of a run only findings are printed, so an archive's texts need not
// all stay until then.
//
// Its methods answer as the Summary's did, for the offsets and lines the
// excerpt was made for; Position reports ok false for any other offset.
type Excerpt struct {
	size  int32
	bom   int32
	lines int32 // the text's number of lines
	marks []mark
	// kept are the kept lines, by line number; their text is in text.
	kept []keptLine
	text []byte
	// runs are the kept bytes: text[at:] holds the source from start, for
	// length bytes. Sorted by start and disjoint.
	runs []run
}

// mark is an offset's place, as Summary.Position and BytePosition give it
// (on the same line).
type mark struct{ off, line, col, bcol int32 }

type keptLine struct {
	n  int32
	sp Span
}

type run struct{ start, end, at int32 }

// Excerpt keeps the positions of the offsets at, and for each span of
// lines, the whole lines from its start's through its end, so that a
// finding's line and range can be shown. ok is false when the text is too
// long to count in 32 bits: then the caller keeps the text.
func (s *Summary) Excerpt(at []int, lines []Span) (x *Excerpt, ok bool) {
	if len(s.Src) >= math.MaxInt32 {
		return nil, false
	}
	x = &Excerpt{size: int32(len(s.Src)), bom: int32(s.bom), lines: int32(len(s.lines))}
	offs := slices.Clone(at)
	for _, sp := range lines {
		// and where a range's start is clamped to the text, for the line
		// it is on
		offs = append(offs, sp.Start, sp.End, max(0, min(sp.Start, len(s.Src))))
	}
	for i, off := range offs {
		offs[i] = x.key(off)
	}
	slices.Sort(offs)
	offs = slices.Compact(offs)
	x.marks = make([]mark, len(offs))
	for i, off := range offs {
		l, c := s.Position(off)
		_, bc := s.BytePosition(off)
		x.marks[i] = mark{int32(off), int32(l), int32(c), int32(bc)}
	}
	if len(lines) == 0 {
		return x, true
	}
	// Every kept line is kept whole, and so is any range that runs past the
	// end of its first line: its text is what a SARIF fingerprint hashes.
	var want []run
	for _, sp := range lines {
		start := max(0, min(sp.Start, len(s.Src)))
		n := max(1, s.Line(start))
		ls := s.LineSpan(n)
		x.kept = append(x.kept, keptLine{int32(n), ls})
		end := max(ls.End, min(sp.End, len(s.Src)))
		want = append(want, run{start: int32(ls.Start), end: int32(end)})
	}
	slices.SortFunc(x.kept, func(a, b keptLine) int { return int(a.n - b.n) })
	x.kept = slices.CompactFunc(x.kept, func(a, b keptLine) bool { return a.n == b.n })
	slices.SortFunc(want, func(a, b run) int { return int(a.start - b.start) })
	for _, r := range want {
		if k := len(x.runs) - 1; k >= 0 && r.start <= x.runs[k].end {
			x.runs[k].end = max(x.runs[k].end, r.end)
			continue
		}
		x.runs = append(x.runs, r)
	}
	size := 0
	for _, r := range x.runs {
		size += int(r.end - r.start)
	}
	// One array for all the kept bytes: the text they come from can go.
	x.text = make([]byte, 0, size)
	for i := range x.runs {
		r := &x.runs[i]
		r.at = int32(len(x.text))
		x.text = append(x.text, s.Src[r.start:r.end]...)
	}
	return x, true
}

// key clamps an offset to [-1, length+1]: the positions of the offsets
// before the text are all the same, and so are those of the offsets past
// its end.
func (x *Excerpt) key(off int) int { return max(-1, min(off, int(x.size)+1)) }

func (x *Excerpt) mark(off int) (mark, bool) {
	off = x.key(off)
	i := sort.Search(len(x.marks), func(i int) bool { return int(x.marks[i].off) >= off })
	if i < len(x.marks) && int(x.marks[i].off) == off {
		return x.marks[i], true
	}
	return mark{}, false
}

// Position is Summary.Position for an offset the excerpt was made for.
func (x *Excerpt) Position(off int) (line, col int, ok bool) {
	m, ok := x.mark(off)
	return int(m.line), int(m.col), ok
}

// BytePosition is Summary.BytePosition for an offset the excerpt was made
// for.
func (x *Excerpt) BytePosition(off int) (line, col int, ok bool) {
	m, ok := x.mark(off)
	return int(m.line), int(m.bcol), ok
}

// Len returns the length of the text in bytes.
func (x *Excerpt) Len() int { return int(x.size) }

// BOM returns the length of the text's leading byte order mark, 0 or 3.
func (x *Excerpt) BOM() int { return int(x.bom) }

// Lines returns the number of lines of the text.
func (x *Excerpt) Lines() int { return int(x.lines) }

// LineSpan is Summary.LineSpan for a kept line; ok is false for another,
// and for a nil excerpt.
func (x *Excerpt) LineSpan(n int) (Span, bool) {
	if x == nil {
		return Span{}, false
	}
	i := sort.Search(len(x.kept), func(i int) bool { return int(x.kept[i].n) >= n })
	if i < len(x.kept) && int(x.kept[i].n) == n {
		return x.kept[i].sp, true
	}
	return Span{}, false
}

// Text returns the source bytes of sp, nil when they were not kept.
func (x *Excerpt) Text(sp Span) []byte {
	i := sort.Search(len(x.runs), func(i int) bool { return int(x.runs[i].end) >= sp.End })
	if i == len(x.runs) || sp.Start < int(x.runs[i].start) || sp.Start > sp.End {
		return nil
	}
	r := x.runs[i]
	lo := int(r.at) + sp.Start - int(r.start)
	return x.text[lo : lo+sp.Len() : lo+sp.Len()]
}

// BytePosition maps a byte offset, clamped to the text, to a 1-based line
// and a 1-based column counted in bytes of the line as stored (a byte
// order mark on line 1 counts), for consumers that want bytes.
func (s *Summary) BytePosition(off int) (line, col int) {
	off = max(0, min(off, len(s.Src)))
	line = max(1, s.Line(off))
	return line, off - s.LineStart(line) + 1
}
