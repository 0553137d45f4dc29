package engine

import (
	"fmt"
	"sync"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/lint"
)

// TestProgress: the callback sees every input once, from several workers,
// and the last call reports all done.
func TestProgress(t *testing.T) {
	reg, err := lint.NewRegistry(lint.Builtin()...)
	if err != nil {
		t.Fatal(err)
	}
	const n = 57
	var inputs []Input
	for i := range n {
		inputs = append(inputs, Input{Path: fmt.Sprintf("a%02d.txt", i), Src: []byte("Title\n\nBody.\n"), CorpusOnly: i%5 == 0})
	}
	var mu sync.Mutex
	seen := map[int]bool{}
	maxDone := 0
	eng := &Engine{Registry: reg, Config: config.Default("."), Workers: 4, Progress: func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		if total != n {
			t.Errorf("total = %d, want %d", total, n)
		}
		if seen[done] {
			t.Errorf("done = %d reported twice", done)
		}
		seen[done] = true
		maxDone = max(maxDone, done)
	}}
	eng.Lint(inputs)
	if len(seen) != n || maxDone != n {
		t.Errorf("saw %d calls, max done %d; want %d and %d", len(seen), maxDone, n, n)
	}

	// Without a callback nothing changes.
	eng.Progress = nil
	if res := eng.Lint(inputs); len(res.Files) != n-12 {
		t.Errorf("files = %d, want %d", len(res.Files), n-12)
	}
}
