package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// A gcTuner sets the collector's headroom from the heap live after each
// collection. With Go's default GOGC=100 the heap may grow to twice what
// was live before the next collection, so a large archive, whose texts,
// summaries and facts stay live until the report, peaked at twice what
// it holds (200 MB of articles: about 490 MB live, 1 GB peak). The tuner
// keeps GOGC=100 while the live heap is under minHeadroom, and above it
// allows minHeadroom or a quarter of the live heap, whichever is more: a
// pre-commit run or a docs site keeps Go's default pace, and an archive
// collects more often, on a heap that is mostly texts with no pointers
// to scan. (A fixed memory limit was tried before: with GOGC=400 and 1 GiB
// the collector ran almost without pause once the live heap neared the
// limit, and CPU per MB grew by 39 % from 20 to 200 MB.)
type gcTuner struct {
	minHeadroom uint64
	sample      []metrics.Sample
	stopped     atomic.Bool // tests stop theirs; the binary's runs to the end
}

const (
	// minHeadroom: 128 MB, about what a 50 MB archive holds live.
	minHeadroom = 128 << 20
	// headroomShare is the headroom above minHeadroom, a share of the
	// live heap (a GOGC of 25).
	headroomShare = 4
)

// tuneGC starts a gcTuner for the life of the process, unless GOGC is
// set in the environment: then the person running it chose.
func tuneGC() {
	if _, set := os.LookupEnv("GOGC"); set {
		return
	}
	newGCTuner(minHeadroom).arm()
}

func newGCTuner(minHeadroom uint64) *gcTuner {
	return &gcTuner{minHeadroom: minHeadroom, sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
}

// gcPercent is the GOGC for a heap of live bytes.
func (t *gcTuner) gcPercent(live uint64) int {
	head := max(t.minHeadroom, live/headroomShare)
	if live == 0 || head >= live {
		return 100
	}
	return max(1, int(head*100/live))
}

// arm runs tune after the next collection: a cleanup of an object made
// for it runs once a cycle has found it unreachable, and arms the next.
func (t *gcTuner) arm() {
	runtime.AddCleanup(new(gcSentinel), func(t *gcTuner) {
		if !t.stopped.Load() {
			t.tune()
			t.arm()
		}
	}, t)
}

// gcSentinel is what arm leaves for the collector to find.
type gcSentinel struct{ _ [16]byte } // not tiny: the tiny allocator would batch it with others

// tune sets GOGC from the heap live at the last collection.
func (t *gcTuner) tune() {
	metrics.Read(t.sample)
	if t.sample[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	debug.SetGCPercent(t.gcPercent(t.sample[0].Value.Uint64()))
}
