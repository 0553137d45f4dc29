// Package progress draws a one-line "files done / total, elapsed" meter on
// a terminal during long runs, and stays silent in pipes, files and CI.
package progress

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// Wanted reports whether a meter belongs on w: only a terminal, and never
// in CI (the CI variable set, as every CI service does) or on a dumb
// terminal that cannot clear a line. getenv is os.LookupEnv in real use.
func Wanted(w io.Writer, getenv func(string) (string, bool)) bool {
	if _, ci := getenv("CI"); ci {
		return false
	}
	if term, _ := getenv("TERM"); term == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// Meter writes the progress line. It is safe for concurrent use: the
// engine's workers call Update.
type Meter struct {
	w     io.Writer
	label string
	// Delay is how long a run goes before the line first appears, so that
	// short runs print nothing; Every is the least time between redraws.
	Delay, Every time.Duration
	now          func() time.Time

	mu    sync.Mutex
	start time.Time
	last  time.Time
	shown bool
	done  int
}

// New starts a meter on w; label names what is counted ("linting").
func New(w io.Writer, label string) *Meter {
	return newAt(w, label, time.Now)
}

func newAt(w io.Writer, label string, now func() time.Time) *Meter {
	return &Meter{w: w, label: label, Delay: 300 * time.Millisecond, Every: 100 * time.Millisecond, now: now, start: now()}
}

// Update records that done of total files are finished and redraws the
// line if enough time has passed. Counts may arrive out of order from
// concurrent workers; the highest seen is shown.
func (m *Meter) Update(done, total int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.done = max(m.done, done)
	t := m.now()
	if t.Sub(m.start) < m.Delay || (m.shown && t.Sub(m.last) < m.Every && m.done < total) {
		return
	}
	m.last = t
	m.shown = true
	elapsed := t.Sub(m.start).Truncate(100 * time.Millisecond)
	fmt.Fprintf(m.w, "\r\x1b[K%s: %d/%d files, %s", m.label, m.done, total, elapsed)
}

// Finish clears the line, if one was drawn, so that the report that follows
// starts on a clean line.
func (m *Meter) Finish() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.shown {
		fmt.Fprint(m.w, "\r\x1b[K")
		m.shown = false
	}
}
