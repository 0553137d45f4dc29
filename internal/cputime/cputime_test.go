package cputime

import (
	"runtime"
	"testing"
)

// TestUsedGrows: work done shows as CPU time used, where it is measured.
func TestUsedGrows(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skip("CPU time is not measured on " + runtime.GOOS)
	}
	start := Used()
	if start <= 0 {
		t.Fatalf("Used() = %v at the start of a test; want more than 0", start)
	}
	x := 0
	for Used() == start {
		for i := range 1 << 20 {
			x ^= i
		}
	}
	if d := Used() - start; d <= 0 {
		t.Fatalf("CPU time went from %v by %v (x=%d); want it to grow", start, d, x)
	}
}
