package engine_test

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/lint"
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
	// archive, when set, keeps the rules' work over the archive under the
	// paths and texts of its documents, read from disk; loads and saves
	// count what was asked of it.
	archive       map[string][]byte
	loads, saves  int
	loaded, saved []string // the rules that found a value, and that saved one
}

func (c *memCache) Archive(paths []string) engine.ArchiveKeeper {
	if c.archive == nil {
		return nil
	}
	h := sha256.New()
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			c.t.Errorf("archive: %v", err)
			return nil
		}
		fmt.Fprintf(h, "%q %d\n", p, len(b))
		h.Write(b)
	}
	return memKeeper{c, string(h.Sum(nil))}
}

type memKeeper struct {
	c      *memCache
	digest string
}

// Load keeps values by every document's text: any change is another
// archive, never one with documents changed.
func (k memKeeper) Load(rule string) ([]byte, []int, bool) {
	k.c.mu.Lock()
	defer k.c.mu.Unlock()
	k.c.loads++
	b, ok := k.c.archive[rule+"\x00"+k.digest]
	if ok {
		k.c.loaded = append(k.c.loaded, rule)
	}
	return b, nil, ok
}

func (k memKeeper) Save(rule string, b []byte) {
	k.c.mu.Lock()
	defer k.c.mu.Unlock()
	k.c.saves++
	k.c.saved = append(k.c.saved, rule)
	k.c.archive[rule+"\x00"+k.digest] = b
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

// TestArchiveStoreAgrees: the corpus rules' work over the archive kept by
// a first run (the count of the archive's names, the house date format)
// gives a second run the
// findings a run without it finds, whichever file is reported, and is
// worked out again, with the same findings as a run without it, once an
// article has changed.
func TestArchiveStoreAgrees(t *testing.T) {
	inputs := onDisk(t, reportedArchive(t))
	today := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	reporting := func(suffix string) []engine.Input {
		in := slices.Clone(inputs)
		for i := range in {
			in[i].CorpusOnly = !strings.HasSuffix(in[i].Path, suffix)
		}
		return in
	}
	lint := func(c engine.ContextCache, in []engine.Input) []lint.Diagnostic {
		e := &engine.Engine{Registry: rules.Registry(), Config: config.Default("."), Today: today, Cache: c}
		return e.Lint(in).Diagnostics()
	}
	codec := &engine.Engine{Registry: rules.Registry(), Config: config.Default(".")}
	cache := &memCache{m: map[string]*engine.ContextFile{}, b: map[string][]byte{}, codec: codec, t: t, archive: map[string][]byte{}}
	// timetable-1 and -4 hold the slips; -5 writes the word in lower case
	for i, suffix := range []string{"timetable-1.txt", "timetable-4.txt", "timetable-1.txt", "timetable-5.txt"} {
		in := reporting(suffix)
		want := lint(nil, in)
		cache.loaded, cache.saved = nil, nil
		got := lint(cache, in)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("reporting %s: findings differ from a run with no cache:\n got %v\nwant %v", suffix, got, want)
		}
		// The first run saves the count of names and the house date
		// format; the others read them back, and would save them again
		// only if they did not read.
		for _, rule := range []string{"name-consistency", "date-format"} {
			if saved := slices.Contains(cache.saved, rule); saved != (i == 0) {
				t.Errorf("run %d, reporting %s: %s saved its work: %v, want %v", i, suffix, rule, saved, i == 0)
			}
		}
		if suffix == "timetable-1.txt" && len(want) == 0 {
			t.Errorf("reporting %s: no findings: the test would not see a difference", suffix)
		}
	}
	if !slices.Contains(cache.loaded, "name-consistency") || !slices.Contains(cache.loaded, "date-format") || len(cache.archive) != 2 {
		t.Fatalf("the rules' work was not kept and found again: loaded %v, %d values kept", cache.loaded, len(cache.archive))
	}
	// One article changes: a name it wrote is gone, so the slip beside it
	// in timetable-1 is one no more (or another count says otherwise).
	changed := filepath.FromSlash("ferry/timetable-3.txt")
	src, err := os.ReadFile(changed)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(changed, bytes.ReplaceAll(src, []byte("Corvane River Institute"), []byte("harbour office")), 0o644); err != nil {
		t.Fatal(err)
	}
	delete(cache.b, changed) // as a cache on disk sees the file changed
	in := reporting("timetable-1.txt")
	want := lint(nil, in)
	cache.loaded, cache.saved = nil, nil
	got := lint(cache, in)
	if len(cache.loaded) > 0 || !slices.Contains(cache.saved, "name-consistency") {
		t.Errorf("an article changed, yet the work kept was used: loaded %v, saved %v", cache.loaded, cache.saved)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("an article changed: findings differ from a run with no cache:\n got %v\nwant %v", got, want)
	}
}
