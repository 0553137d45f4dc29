package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"testing"
)

// gcPercent reads GOGC as the runtime has it.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

func TestHeadroomAbove(t *testing.T) {
	if v, set := os.LookupEnv("GOGC"); set {
		t.Setenv("GOGC", v) // restored after the test
		os.Unsetenv("GOGC")
	}
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	runtime.GC() // a live heap measured

	end := headroomAbove(1) // any heap is large
	if got := gcPercent(); got != corpusGCPercent {
		t.Errorf("during the phase: GOGC %d, want %d", got, corpusGCPercent)
	}
	end()
	if got := gcPercent(); got != 100 {
		t.Errorf("after the phase: GOGC %d, want 100 again", got)
	}

	headroomAbove(1 << 62)() // no heap is that large
	if got := gcPercent(); got != 100 {
		t.Errorf("small heap: GOGC %d, want 100 untouched", got)
	}

	debug.SetGCPercent(60) // a caller's own setting
	end = headroomAbove(1)
	if got := gcPercent(); got != 60 {
		t.Errorf("GOGC set by the caller: %d during the phase, want 60 kept", got)
	}
	end()
	debug.SetGCPercent(100)

	t.Setenv("GOGC", "100")
	end = headroomAbove(1)
	if got := gcPercent(); got != 100 {
		t.Errorf("GOGC=100 in the environment: %d during the phase, want 100 kept", got)
	}
	end()
}
