package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkLSPServer runs the real server on the generated 20 MB archive
// as its workspace, opens a 20 KB article, and times a keystroke's
// round trip: didChange sent, publishDiagnostics for that version read.
// With "document" the server's document pass answers (no debounce); with
// "full" the pass that also runs the rules comparing the page with the
// whole archive. It reports the server's peak and current resident memory.
func BenchmarkLSPServer(b *testing.B) {
	dir, _ := corpusDir(b)
	var page string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if page == "" && err == nil && strings.HasSuffix(p, ".md") {
			page = p
		}
		return nil
	})
	src, err := os.ReadFile(page)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; len(src) < 20<<10; i++ {
		src = append(src, "\nThe festival committee met again on Tuesday to plan the route and the volunteers' shifts.\n"...)
	}
	for _, pass := range []string{"document", "full"} {
		b.Run(pass, func(b *testing.B) {
			opts := map[string]any{"debounceMs": 0, "corpusDelayMs": 3600000}
			if pass == "full" {
				opts = map[string]any{"debounceMs": 3600000, "corpusDelayMs": 0}
			}
			c := startLSP(b, dir)
			start := time.Now()
			initLSP(b, c, dir, nil, opts)
			indexed := time.Since(start)
			uri := lspURI(page)
			from := c.mark()
			c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "markdown", "version": 1, "text": string(src)}})
			c.waitDiags(from, uri, 1, "the first findings", nil)
			text := string(src)
			version := 1
			var times []time.Duration
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				version++
				// One letter typed in the middle of the last line.
				at := lspPos{Line: strings.Count(text, "\n") - 1, Character: 10}
				from := c.mark()
				t0 := time.Now()
				c.notify("textDocument/didChange", map[string]any{
					"textDocument":   map[string]any{"uri": uri, "version": version},
					"contentChanges": []map[string]any{{"range": lspRange{at, at}, "text": "x"}},
				})
				c.waitDiags(from, uri, version, "findings", nil)
				times = append(times, time.Since(t0))
			}
			sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
			b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-p50")
			b.ReportMetric(indexed.Seconds(), "s-to-index")
			hwm, rss := procMemory(b, c.cmd.Process.Pid)
			b.ReportMetric(hwm, "MB-peak-RSS")
			b.ReportMetric(rss, "MB-RSS")
			c.call("shutdown", nil, nil)
			c.notify("exit", nil)
		})
	}
}

// procMemory reads a process's peak and current resident set, in MB.
func procMemory(b *testing.B, pid int) (hwm, rss float64) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		b.Logf("no /proc: %v", err)
		return 0, 0
	}
	for _, line := range bytes.Split(data, []byte("\n")) {
		f := strings.Fields(string(line))
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseFloat(f[1], 64)
		switch f[0] {
		case "VmHWM:":
			hwm = kb / 1024
		case "VmRSS:":
			rss = kb / 1024
		}
	}
	return hwm, rss
}
