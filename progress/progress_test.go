package progress

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func TestMeter(t *testing.T) {
	c := &clock{t: time.Unix(0, 0)}
	var buf bytes.Buffer
	m := newAt(&buf, "linting", c.now)

	m.Update(1, 100) // before the delay: nothing
	if buf.Len() != 0 {
		t.Fatalf("drawn before the delay: %q", buf.String())
	}
	c.add(400 * time.Millisecond)
	m.Update(2, 100)
	if got := buf.String(); got != "\r\x1b[Klinting: 2/100 files, 400ms" {
		t.Fatalf("first line %q", got)
	}
	buf.Reset()
	c.add(50 * time.Millisecond)
	m.Update(3, 100) // throttled
	if buf.Len() != 0 {
		t.Fatalf("not throttled: %q", buf.String())
	}
	c.add(1200 * time.Millisecond)
	m.Update(5, 100)
	m.Update(4, 100) // out of order: the highest stays, and it is throttled
	if got := buf.String(); got != "\r\x1b[Klinting: 5/100 files, 1.6s" {
		t.Fatalf("later line %q", got)
	}
	buf.Reset()
	c.add(time.Millisecond)
	m.Update(100, 100) // the last one is always drawn
	if !strings.Contains(buf.String(), "100/100") {
		t.Fatalf("final update %q", buf.String())
	}
	buf.Reset()
	m.Finish()
	if buf.String() != "\r\x1b[K" {
		t.Fatalf("finish %q", buf.String())
	}
	buf.Reset()
	m.Finish()
	if buf.Len() != 0 {
		t.Fatalf("second finish wrote %q", buf.String())
	}
}

func TestMeterShortRunSilent(t *testing.T) {
	var buf bytes.Buffer
	m := New(&buf, "linting")
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() { defer wg.Done(); m.Update(i+1, 8) }()
	}
	wg.Wait()
	m.Finish()
	if buf.Len() != 0 {
		t.Errorf("a short run printed %q", buf.String())
	}
}

func TestWanted(t *testing.T) {
	env := func(kv ...string) func(string) (string, bool) {
		return func(k string) (string, bool) {
			for i := 0; i < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1], true
				}
			}
			return "", false
		}
	}
	if Wanted(&bytes.Buffer{}, env()) {
		t.Error("a buffer is not a terminal")
	}
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if Wanted(f, env()) {
		t.Error("a file is not a terminal")
	}
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		defer tty.Close()
		if !Wanted(tty, env("TERM", "xterm")) {
			t.Error("a terminal wants progress")
		}
		if Wanted(tty, env("CI", "")) || Wanted(tty, env("CI", "true")) {
			t.Error("CI set: no progress")
		}
		if Wanted(tty, env("TERM", "dumb")) {
			t.Error("dumb terminal: no progress")
		}
	}
}
