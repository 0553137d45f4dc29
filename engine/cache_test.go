package engine_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/rules"
)

// onDisk writes the inputs' texts to files in a new folder, made the
// current one, and returns them as inputs read from there.
func onDisk(t *testing.T, inputs []engine.Input) []engine.Input {
	dir := t.TempDir()
	t.Chdir(dir)
	out := make([]engine.Input, len(inputs))
	for i, in := range inputs {
		if err := os.MkdirAll(filepath.Dir(in.Path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(in.Path, in.Src, 0o644); err != nil {
			t.Fatal(err)
		}
		out[i] = engine.Input{Path: in.Path}
	}
	return out
}

// memCache is a ContextCache in memory that counts its hits. With codec
// set it keeps each file as bytes, as a cache on disk does.
type memCache struct {
	mu    sync.Mutex
	m     map[string]*engine.ContextFile
	b     map[string][]byte
	codec *engine.Engine
	hits  int
	t     *testing.T
}

func (c *memCache) Get(path string) (*engine.ContextFile, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	f, ok := c.m[path]
	if b, has := c.b[path]; has {
		var err error
		if f, err = c.codec.DecodeContextFile(b); err != nil {
			c.t.Errorf("%s: %v", path, err)
			return nil, false
		}
		ok = true
	}
	if ok {
		c.hits++
	}
	return f, ok
}

func (c *memCache) Put(path string, f *engine.ContextFile) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if f.Summary != nil && f.Summary.Src != nil {
		panic("a context file offered to the cache with its text: " + path)
	}
	if c.codec == nil {
		c.m[path] = f
		return
	}
	b, err := c.codec.EncodeContextFile(f)
	if err != nil {
		c.t.Errorf("%s: %v", path, err)
		return
	}
	c.b[path] = b
}

func (c *memCache) len() int { return len(c.m) + len(c.b) }

// TestContextCacheAgrees: a run that takes the context files from a
// cache, filled by a first run, finds what a run without one finds, and
// reads none of them but for the one a finding makes the names rule look
// into again.
func TestContextCacheAgrees(t *testing.T) {
	// The cache keeps files read from disk, not texts given.
	inputs := onDisk(t, reportedArchive(t))
	today := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range inputs {
		inputs[i].CorpusOnly = !strings.HasSuffix(inputs[i].Path, "timetable-1.txt")
	}
	lint := func(c engine.ContextCache) (*engine.Result, *engine.Engine) {
		e := &engine.Engine{Registry: rules.Registry(), Config: config.Default("."), Today: today, Cache: c}
		return e.Lint(inputs), e
	}
	want, _ := lint(nil)
	for _, stored := range []bool{false, true} {
		cache := &memCache{m: map[string]*engine.ContextFile{}, b: map[string][]byte{}, t: t}
		if stored {
			cache.codec = &engine.Engine{Registry: rules.Registry(), Config: config.Default(".")}
		}
		cold, _ := lint(cache)
		if cache.hits != 0 || cache.len() != len(inputs)-1 {
			t.Fatalf("cold run: %d hits, %d files kept, want 0 and %d", cache.hits, cache.len(), len(inputs)-1)
		}
		warm, e := lint(cache)
		if cache.hits != len(inputs)-1 {
			t.Errorf("warm run: %d hits, want %d", cache.hits, len(inputs)-1)
		}
		if n := engine.Rereads(e); n > 1 {
			t.Errorf("warm run read %d context files again, want at most 1", n)
		}
		for name, got := range map[string]*engine.Result{"cold": cold, "warm": warm} {
			if !reflect.DeepEqual(got.Diagnostics(), want.Diagnostics()) {
				t.Errorf("%s run with a cache (stored as bytes: %v): findings differ:\n got %v\nwant %v", name, stored, got.Diagnostics(), want.Diagnostics())
			}
		}
	}
	if len(want.Diagnostics()) == 0 {
		t.Error("no findings: the test would not see a difference")
	}
}
