package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// The language server tests talk to the real binary with a JSON-RPC
// client of their own, written from the LSP 3.17 specification's base
// protocol (Content-Length framed JSON-RPC 2.0) and independent of the
// server's lsp/jsonrpc package, so that the two cannot share a mistake.

type rpcMessage struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

// lspClient is a language client: it starts the server, sends requests
// and notifications, answers the server's requests, and records every
// notification for the test to wait on.
type lspClient struct {
	t testing.TB
	*lspConn
}

// with returns the client reporting to t, for use in a subtest.
func (c *lspClient) with(t testing.TB) *lspClient { return &lspClient{t: t, lspConn: c.lspConn} }

type lspConn struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stderr bytes.Buffer
	wmu    sync.Mutex

	mu       sync.Mutex
	cond     *sync.Cond
	nextID   int
	results  map[string]*rpcMessage
	notes    []*rpcMessage // notifications and requests from the server, in order
	closed   bool
	exitErr  error
	exitDone chan struct{}
}

func startLSP(t testing.TB, dir string, args ...string) *lspClient {
	t.Helper()
	bin := binary(t)
	c := &lspClient{t: t, lspConn: &lspConn{results: map[string]*rpcMessage{}, exitDone: make(chan struct{})}}
	c.cond = sync.NewCond(&c.mu)
	c.cmd = exec.Command(bin, append([]string{"lsp"}, args...)...)
	c.cmd.Dir = dir
	c.cmd.Stderr = &c.stderr
	var err error
	if c.stdin, err = c.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	stdout, err := c.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go c.read(bufio.NewReader(stdout))
	t.Cleanup(func() {
		c.stdin.Close()
		select {
		case <-c.exitDone:
		case <-time.After(5 * time.Second):
			_ = c.cmd.Process.Kill()
			<-c.exitDone
		}
		if strings.Contains(c.stderr.String(), "internal error") || strings.Contains(c.stderr.String(), "panic") {
			t.Errorf("server stderr:\n%s", c.stderr.String())
		}
	})
	return c
}

// read parses frames: header lines up to an empty line, then exactly
// Content-Length bytes of JSON.
func (c *lspClient) read(r *bufio.Reader) {
	defer func() {
		c.exitErr = c.cmd.Wait()
		c.mu.Lock()
		c.closed = true
		c.cond.Broadcast()
		c.mu.Unlock()
		close(c.exitDone)
	}()
	for {
		n := -1
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimRight(line, "\r\n")
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
				n, _ = strconv.Atoi(v)
			}
		}
		if n < 0 {
			c.t.Errorf("frame without Content-Length")
			return
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(r, body); err != nil {
			return
		}
		var m rpcMessage
		if err := json.Unmarshal(body, &m); err != nil {
			c.t.Errorf("server sent invalid JSON: %v: %s", err, body)
			return
		}
		if m.JSONRPC != "2.0" {
			c.t.Errorf("server message without jsonrpc 2.0: %s", body)
		}
		if m.Method != "" && len(m.ID) > 0 {
			// Requests from the server: progress tokens and watcher
			// registrations are accepted.
			c.send(map[string]any{"jsonrpc": "2.0", "id": m.ID, "result": nil})
		}
		c.mu.Lock()
		if m.Method == "" {
			c.results[string(m.ID)] = &m
		} else {
			c.notes = append(c.notes, &m)
		}
		c.cond.Broadcast()
		c.mu.Unlock()
	}
}

func (c *lspClient) send(v any) {
	body, err := json.Marshal(v)
	if err != nil {
		c.t.Fatal(err)
	}
	c.wmu.Lock()
	defer c.wmu.Unlock()
	fmt.Fprintf(c.stdin, "Content-Length: %d\r\n\r\n%s", len(body), body)
}

func (c *lspClient) notify(method string, params any) {
	c.send(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// call sends a request and waits for its response.
func (c *lspClient) call(method string, params any, result any) *rpcMessage {
	c.t.Helper()
	c.mu.Lock()
	c.nextID++
	id := strconv.Itoa(c.nextID)
	c.mu.Unlock()
	c.send(map[string]any{"jsonrpc": "2.0", "id": c.nextID, "method": method, "params": params})
	deadline := time.Now().Add(30 * time.Second)
	c.mu.Lock()
	defer c.mu.Unlock()
	for c.results[id] == nil {
		if c.closed || time.Now().After(deadline) {
			c.t.Fatalf("%s: no response (server stderr: %s)", method, c.stderr.String())
		}
		c.waitLocked(deadline)
	}
	m := c.results[id]
	if result != nil && m.Error == nil {
		if err := json.Unmarshal(m.Result, result); err != nil {
			c.t.Fatalf("%s: result %s: %v", method, m.Result, err)
		}
	}
	return m
}

// waitLocked waits for news or the deadline; c.mu is held.
func (c *lspClient) waitLocked(deadline time.Time) {
	timer := time.AfterFunc(time.Until(deadline), func() {
		c.mu.Lock()
		c.cond.Broadcast()
		c.mu.Unlock()
	})
	c.cond.Wait()
	timer.Stop()
}

// mark returns how many notifications have arrived, to wait for later ones.
func (c *lspClient) mark() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.notes)
}

// waitNote waits for a notification after from that satisfies ok.
func (c *lspClient) waitNote(from int, what string, ok func(*rpcMessage) bool) *rpcMessage {
	c.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	c.mu.Lock()
	defer c.mu.Unlock()
	for i := from; ; {
		for ; i < len(c.notes); i++ {
			if ok(c.notes[i]) {
				return c.notes[i]
			}
		}
		if c.closed || time.Now().After(deadline) {
			c.t.Fatalf("waited in vain for %s (server stderr: %s)", what, c.stderr.String())
		}
		c.waitLocked(deadline)
	}
}

// notesSince returns the notifications of method after from.
func (c *lspClient) notesSince(from int, method string) []*rpcMessage {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []*rpcMessage
	for _, m := range c.notes[from:] {
		if m.Method == method {
			out = append(out, m)
		}
	}
	return out
}

type lspPos struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

type lspRange struct {
	Start lspPos `json:"start"`
	End   lspPos `json:"end"`
}

type lspDiag struct {
	Range           lspRange `json:"range"`
	Severity        int      `json:"severity"`
	Code            string   `json:"code"`
	Source          string   `json:"source"`
	Message         string   `json:"message"`
	CodeDescription struct {
		Href string `json:"href"`
	} `json:"codeDescription"`
}

type publishParams struct {
	URI         string    `json:"uri"`
	Version     *int      `json:"version"`
	Diagnostics []lspDiag `json:"diagnostics"`
}

type textEdit struct {
	Range   lspRange `json:"range"`
	NewText string   `json:"newText"`
}

type codeAction struct {
	Title       string    `json:"title"`
	Kind        string    `json:"kind"`
	IsPreferred bool      `json:"isPreferred"`
	Diagnostics []lspDiag `json:"diagnostics"`
	Edit        struct {
		Changes map[string][]textEdit `json:"changes"`
	} `json:"edit"`
}

// waitDiags waits for diagnostics of uri after from, at version (when
// version >= 0), that satisfy ok.
func (c *lspClient) waitDiags(from int, uri string, version int, what string, ok func([]lspDiag) bool) []lspDiag {
	c.t.Helper()
	var got []lspDiag
	c.waitNote(from, what, func(m *rpcMessage) bool {
		if m.Method != "textDocument/publishDiagnostics" {
			return false
		}
		var p publishParams
		if json.Unmarshal(m.Params, &p) != nil || p.URI != uri {
			return false
		}
		if version >= 0 && (p.Version == nil || *p.Version != version) {
			return false
		}
		if ok != nil && !ok(p.Diagnostics) {
			return false
		}
		got = p.Diagnostics
		return true
	})
	return got
}

func codes(ds []lspDiag) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Code)
	}
	return out
}

func hasCode(ds []lspDiag, code string) bool {
	for _, d := range ds {
		if d.Code == code {
			return true
		}
	}
	return false
}

func findCode(t testing.TB, ds []lspDiag, code string) lspDiag {
	t.Helper()
	for _, d := range ds {
		if d.Code == code {
			return d
		}
	}
	t.Fatalf("no %s diagnostic among %v", code, codes(ds))
	return lspDiag{}
}

// units counts s in the position encoding: UTF-16 code units or bytes.
func units(s, enc string) int {
	if enc == "utf-8" {
		return len(s)
	}
	return len(utf16.Encode([]rune(s)))
}

// posOf returns the position of the first occurrence of sub in text.
func posOf(t testing.TB, text, sub, enc string) lspPos {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in the text", sub)
	}
	line := strings.Count(text[:i], "\n")
	start := strings.LastIndex(text[:i], "\n") + 1
	return lspPos{Line: line, Character: units(text[start:i], enc)}
}

// offsetOf maps a position back to a byte offset of text, the client's way.
func offsetOf(t testing.TB, text string, p lspPos, enc string) int {
	t.Helper()
	off := 0
	for range p.Line {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			t.Fatalf("line %d beyond the text", p.Line)
		}
		off += i + 1
	}
	n := 0
	for n < p.Character {
		r, size := utf8.DecodeRuneInString(text[off:])
		if size == 0 || r == '\n' {
			t.Fatalf("character %d beyond line %d", p.Character, p.Line)
		}
		n += units(string(r), enc)
		off += size
	}
	if n != p.Character {
		t.Fatalf("character %d splits a character on line %d", p.Character, p.Line)
	}
	return off
}

// applyEdits applies text edits the way a client does: all ranges refer
// to the text before any edit.
func applyEdits(t testing.TB, text string, edits []textEdit, enc string) string {
	t.Helper()
	type span struct {
		a, b int
		s    string
	}
	spans := make([]span, len(edits))
	for i, e := range edits {
		spans[i] = span{offsetOf(t, text, e.Range.Start, enc), offsetOf(t, text, e.Range.End, enc), e.NewText}
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].a < spans[j].a })
	for i := len(spans) - 1; i >= 0; i-- {
		s := spans[i]
		if i+1 < len(spans) && s.b > spans[i+1].a {
			t.Fatalf("overlapping edits %v", edits)
		}
		text = text[:s.a] + s.s + text[s.b:]
	}
	return text
}
