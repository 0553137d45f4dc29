package invisiblechar

import (
	"math/rand/v2"
	"testing"
)

// TestSkipPlain compares the eight-bytes-at-a-time scan with a plain loop.
func TestSkipPlain(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 20000; n++ {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = byte(0x20 + rng.IntN(0x5F))
			if rng.IntN(30) == 0 {
				b[i] = byte(rng.IntN(256))
			}
		}
		start := 0
		if len(b) > 0 {
			start = rng.IntN(len(b))
		}
		want := start
		for want < len(b) && b[want] >= 0x20 && b[want] < 0x7F {
			want++
		}
		if got := skipPlain(b, start, len(b)); got != want {
			t.Fatalf("skipPlain(%q, %d) = %d, want %d", b, start, got, want)
		}
	}
}
