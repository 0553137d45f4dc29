package main

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestGCPercent(t *testing.T) {
	tu := newGCTuner(128 << 20)
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 100},
		{50 << 20, 100},  // a small archive: Go's default
		{128 << 20, 100}, // the headroom is the heap
		{256 << 20, 50},  // 128 MB of headroom
		{512 << 20, 25},  // a quarter of the live heap from here
		{2 << 30, 25},
	} {
		if got := tu.gcPercent(c.live); got != c.want {
			t.Errorf("live %d MB: GOGC %d, want %d", c.live>>20, got, c.want)
		}
	}
}

// TestGCTunerRuns checks that the tuner sets GOGC after a collection,
// and again after the next: its cleanup arms another.
func TestGCTunerRuns(t *testing.T) {
	before := debug.SetGCPercent(100)
	// Any live heap is over a headroom of one byte: GOGC 25 from the
	// first collection on.
	tu := newGCTuner(1)
	tu.arm()
	defer func() {
		tu.stopped.Store(true)
		runtime.GC() // the armed cleanup sees it stopped
		time.Sleep(10 * time.Millisecond)
		debug.SetGCPercent(before)
	}()
	for round := range 2 {
		debug.SetGCPercent(100)
		deadline := time.Now().Add(5 * time.Second)
		for gcPercentNow() != 100/headroomShare {
			if time.Now().After(deadline) {
				t.Fatalf("round %d: GOGC still %d five seconds after collections", round, gcPercentNow())
			}
			runtime.GC()
			time.Sleep(time.Millisecond)
		}
	}
}

// gcPercentNow reads GOGC as the runtime has it.
func gcPercentNow() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}
