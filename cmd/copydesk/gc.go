package main

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
)

// The corpus phase runs with every file's summary, text and facts held:
// the live heap is at its largest, and what the phase allocates (the
// corpus rules' indexes, then their findings) is short-lived. With Go's
// default GOGC=100 the heap may grow to twice what is live before a
// collection, so on a large archive the run's peak was twice the heap
// live as the phase began (200 MB of articles: 490 MB live, 1 GB peak).
// Collecting with a quarter of the live heap as headroom during the
// phase costs a few collections of a heap that is mostly texts with no
// pointers to scan.
const (
	// largeHeap is the live heap from which the phase collects sooner:
	// an archive of about 50 MB, well above what a pre-commit run or a
	// docs site holds, so that their runs keep Go's default pace.
	largeHeap = 128 << 20
	// corpusGCPercent is the headroom during the phase, in percent of
	// the live heap (GOGC).
	corpusGCPercent = 25
)

// corpusHeadroom is engine.Engine.CorpusPhase for the binary: GOGC is
// lowered while the corpus rules run if the heap live at the last
// collection is large, and restored by the function returned. A GOGC
// set in the environment is left as it is.
func corpusHeadroom() (end func()) { return headroomAbove(largeHeap) }

// headroomAbove is corpusHeadroom with the live heap it starts from.
func headroomAbove(large uint64) (end func()) {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 || sample[0].Value.Uint64() < large {
		return func() {}
	}
	if _, set := os.LookupEnv("GOGC"); set {
		return func() {}
	}
	prev := debug.SetGCPercent(corpusGCPercent)
	if prev != 100 {
		debug.SetGCPercent(prev) // set by a caller: theirs to choose
		return func() {}
	}
	return func() { debug.SetGCPercent(prev) }
}
