package parse

import (
	"reflect"
	"testing"

	"github.com/copydesk/copydesk/document"
)

// FuzzUnitScanner: the units a unitScanner gives one at a time, read
// through a unitQueue that lets them go as the body does, are the units
// of the text split whole at once (wholeUnits, the split before the
// scanner), and the parse reads them through the queue.
func FuzzUnitScanner(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("Institute News\n\nTitle of the piece\n\nDate: 2025-03-14\n\nA paragraph\nwrapped here\nand here.\n\n[next]:Ferry\n")
	f.Fuzz(func(t *testing.T, s string) {
		doc := &document.Document{Summary: &document.Summary{Path: "a.txt", Src: []byte(s)}}
		doc.IndexLines()
		want := wholeUnits(doc)
		q := &unitQueue{s: unitScanner{doc: doc, groupStart: true}}
		var got []textUnit
		for k := 0; q.at(k) != nil; k++ {
			if k > 0 && *q.at(k - 1) != got[k-1] {
				t.Fatalf("unit %d changed after it was read", k-1)
			}
			got = append(got, *q.at(k))
			q.done(k)
		}
		if !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Fatalf("units one at a time:\n%+v\nwhole:\n%+v", got, want)
		}
	})
}

// TestUnitQueueLets: reading a long text's units as the body does keeps
// few of them.
func TestUnitQueueLets(t *testing.T) {
	src := make([]byte, 0, 40000)
	for range 10000 {
		src = append(src, "a\n\n"...)
	}
	doc := &document.Document{Summary: &document.Summary{Path: "a.txt", Src: src}}
	doc.IndexLines()
	q := &unitQueue{s: unitScanner{doc: doc, groupStart: true}}
	n := 0
	for k := 0; q.at(k) != nil; k++ {
		q.done(k)
		n++
	}
	if n != 10000 || cap(q.buf) > 4096 {
		t.Fatalf("%d units read, %d kept room for", n, cap(q.buf))
	}
}

// wholeUnits is the split of a text into units all at once, as the parse
// made it before unitScanner: the reference FuzzUnitScanner holds it to.
func wholeUnits(doc *document.Document) []textUnit {
	src := doc.Src
	var units []textUnit
	groupStart := true
	blankSeen := false
	lastLen := 0 // length of the previous line's text
	for n := 1; n <= doc.Lines(); n++ {
		ls := doc.LineSpan(n)
		if n == 1 {
			ls.Start += doc.BOM()
		}
		content, bullet := lineContent(src, ls)
		if content.Start >= content.End {
			groupStart, blankSeen = true, blankSeen || n > 1
			continue
		}
		kind := classifyLine(src[content.Start:content.End])
		prev := len(units) - 1
		curLen := content.End - content.Start
		// Lines run together only when the text is wrapped: exports that
		// drop blank lines put each paragraph, and each header line (label,
		// title, date), on a line of its own.
		wrapped := lastLen <= maxWrappedLine && curLen <= maxWrappedLine && (blankSeen || n > 4)
		lastLen = curLen
		if !groupStart && wrapped && kind == unitText && prev >= 0 && units[prev].kind == unitText {
			units[prev].span.End = ls.End
			units[prev].lines++
			units[prev].alone = false
			continue
		}
		if !groupStart && prev >= 0 {
			units[prev].alone = false
		}
		units = append(units, textUnit{span: document.Span{Start: ls.Start, End: ls.End}, prose: content.Start, kind: kind, lines: 1, bullet: bullet, alone: groupStart})
		groupStart = false
	}
	return units
}
