package names

import (
	"math/rand/v2"
	"testing"
)

// TestNotedPairs: the pairs notePair packs come back from notedPairs as
// noted, in order, across chunks (tens of thousands of pairs), with
// starts that go back (a block before the last) and words of any length,
// and a second document's pairs in the chunks the first one left.
func TestNotedPairs(t *testing.T) {
	var m miner
	r := rand.New(rand.NewPCG(1, 2))
	for doc := range 2 {
		var want [][2]word
		at := int32(0)
		for range 50000 - doc*20000 {
			if r.IntN(50) == 0 {
				at = r.Int32N(1 << 30)
			}
			at += r.Int32N(300)
			a := span32{at, at + 1 + r.Int32N(400)}
			g := r.Int32N(3)
			b := span32{a.end + g, a.end + g + 1 + r.Int32N(20)}
			m.notePair(a.word(), b.word())
			want = append(want, [2]word{a.word(), b.word()})
		}
		if len(m.pairAt) < 2 {
			t.Fatalf("document %d: %d chunk, want several", doc, len(m.pairAt))
		}
		i := 0
		for a, b := range m.notedPairs() {
			if i >= len(want) || a != want[i][0] || b != want[i][1] {
				t.Fatalf("document %d: pair %d is %v %v, want %v", doc, i, a, b, want[min(i, len(want)-1)])
			}
			i++
		}
		if i != len(want) {
			t.Fatalf("document %d: %d pairs read, %d noted", doc, i, len(want))
		}
		m.release()
	}
}
