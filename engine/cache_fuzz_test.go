package engine_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/rules"
)

// FuzzDecodeContextFile: bytes from a damaged or foreign cache are
// refused or read, never a panic; what is read encodes again and reads
// back the same.
func FuzzDecodeContextFile(f *testing.F) {
	e := &engine.Engine{Registry: rules.Registry(), Config: config.Default(".")}
	// the invented articles and a few generated ones: front matter,
	// dates, links, names
	inputs := reportedArchive(f)
	inputs = append(inputs[:6:6], inputs[len(inputs)-7:]...)
	for i := range inputs {
		inputs[i].CorpusOnly = i > 0
	}
	cache := &memCache{m: map[string]*engine.ContextFile{}, b: map[string][]byte{}, codec: e}
	dir := f.TempDir()
	for i, in := range inputs {
		inputs[i] = engine.Input{Path: filepath.Join(dir, filepath.Base(in.Path)), CorpusOnly: in.CorpusOnly}
		if err := os.WriteFile(inputs[i].Path, in.Src, 0o644); err != nil {
			f.Fatal(err)
		}
	}
	(&engine.Engine{Registry: rules.Registry(), Config: config.Default("."), Cache: cache}).Lint(inputs)
	if len(cache.b) == 0 {
		f.Fatal("no file kept to start from")
	}
	for _, b := range cache.b {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := e.DecodeContextFile(b)
		if err != nil {
			return
		}
		again, err := e.EncodeContextFile(c)
		if err != nil {
			t.Fatalf("read back, it does not encode again: %v", err)
		}
		if _, err := e.DecodeContextFile(again); err != nil {
			t.Fatalf("encoded again, it does not read back: %v", err)
		}
	})
}
