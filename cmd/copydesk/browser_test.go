package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// The page is tested in headless Chromium, driven over the DevTools
// protocol through --remote-debugging-pipe (JSON messages separated by NUL
// bytes on file descriptors 3 and 4): no WebSocket, no driver library.

// cdp is a DevTools protocol connection to a browser.
type cdp struct {
	t       testing.TB
	w       io.Writer
	mu      sync.Mutex
	next    int
	pending map[int]chan cdpMessage
	events  []cdpMessage
}

type cdpMessage struct {
	ID        int             `json:"id,omitempty"`
	Method    string          `json:"method,omitempty"`
	Params    json.RawMessage `json:"params,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
	Error     *struct {
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

func (c *cdp) read(r *bufio.Reader) {
	for {
		msg, err := r.ReadBytes(0)
		if err != nil {
			c.mu.Lock()
			for id, ch := range c.pending {
				close(ch)
				delete(c.pending, id)
			}
			c.mu.Unlock()
			return
		}
		var m cdpMessage
		if json.Unmarshal(msg[:len(msg)-1], &m) != nil {
			continue
		}
		c.mu.Lock()
		if ch, ok := c.pending[m.ID]; ok && m.ID != 0 {
			delete(c.pending, m.ID)
			ch <- m
		} else if m.Method != "" {
			c.events = append(c.events, m)
		}
		c.mu.Unlock()
	}
}

// call sends a command (to a page's session when session is set) and
// returns its result.
func (c *cdp) call(session, method string, params any, result any) {
	c.t.Helper()
	c.mu.Lock()
	c.next++
	id := c.next
	ch := make(chan cdpMessage, 1)
	c.pending[id] = ch
	c.mu.Unlock()
	msg := map[string]any{"id": id, "method": method, "params": params}
	if session != "" {
		msg["sessionId"] = session
	}
	b, _ := json.Marshal(msg)
	if _, err := c.w.Write(append(b, 0)); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
	select {
	case m, ok := <-ch:
		if !ok {
			c.t.Fatalf("%s: the browser closed the connection", method)
		}
		if m.Error != nil {
			c.t.Fatalf("%s: %s", method, m.Error.Message)
		}
		if result != nil {
			if err := json.Unmarshal(m.Result, result); err != nil {
				c.t.Fatalf("%s: %v", method, err)
			}
		}
	case <-time.After(30 * time.Second):
		c.t.Fatalf("%s: no answer from the browser", method)
	}
}

// page is one tab.
type page struct {
	c       *cdp
	session string
}

// eval runs a JavaScript expression in the page and decodes its value.
func (p *page) eval(expr string, v any) {
	p.c.t.Helper()
	var res struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text      string `json:"text"`
			Exception struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	p.c.call(p.session, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true, "awaitPromise": true}, &res)
	if res.ExceptionDetails != nil {
		p.c.t.Fatalf("%s: %s %s", expr, res.ExceptionDetails.Text, res.ExceptionDetails.Exception.Description)
	}
	if v != nil {
		if err := json.Unmarshal(res.Result.Value, v); err != nil {
			p.c.t.Fatalf("%s = %s: %v", expr, res.Result.Value, err)
		}
	}
}

// waitFor polls a JavaScript condition.
func (p *page) waitFor(what, expr string) {
	p.c.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		var ok bool
		p.eval("!!("+expr+")", &ok)
		if ok {
			return
		}
		if time.Now().After(deadline) {
			var html string
			p.eval("document.querySelector('aside').innerText", &html)
			p.c.t.Fatalf("waited in vain for %s (%s); the findings pane says:\n%s", what, expr, html)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// click presses and releases the mouse on the middle of an element, as a
// person does, after scrolling it into view.
func (p *page) click(selector string) {
	p.c.t.Helper()
	var r struct{ X, Y float64 }
	p.eval(fmt.Sprintf(`(() => { const e = document.querySelector(%q); if (!e) return null;
		e.scrollIntoView({block: "center"}); const r = e.getBoundingClientRect();
		return {X: r.left + r.width / 2, Y: r.top + r.height / 2}; })()`, selector), &r)
	if r.X == 0 && r.Y == 0 {
		p.c.t.Fatalf("nothing to click at %s", selector)
	}
	for _, typ := range []string{"mouseMoved", "mousePressed", "mouseReleased"} {
		p.c.call(p.session, "Input.dispatchMouseEvent", map[string]any{"type": typ, "x": r.X, "y": r.Y, "button": "left", "clickCount": 1}, nil)
	}
}

// key presses a key on whatever has the focus.
func (p *page) key(key string, code int, text string) {
	p.c.t.Helper()
	down := map[string]any{"type": "keyDown", "key": key, "code": key, "windowsVirtualKeyCode": code, "nativeVirtualKeyCode": code}
	if text != "" {
		down["text"] = text
	}
	p.c.call(p.session, "Input.dispatchKeyEvent", down, nil)
	p.c.call(p.session, "Input.dispatchKeyEvent", map[string]any{"type": "keyUp", "key": key, "code": key, "windowsVirtualKeyCode": code, "nativeVirtualKeyCode": code}, nil)
}

func (p *page) screenshot(path string) {
	p.c.t.Helper()
	var shot struct {
		Data string `json:"data"`
	}
	p.c.call(p.session, "Page.captureScreenshot", map[string]any{"format": "png"}, &shot)
	png, err := base64.StdEncoding.DecodeString(shot.Data)
	if err != nil {
		p.c.t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		p.c.t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		p.c.t.Fatal(err)
	}
	p.c.t.Logf("screenshot: %s", path)
}

// chromiumPath finds Debian's chromium.
func chromiumPath() string {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// startChromium starts headless Chromium with the flags a closed network
// needs and returns a page session.
func startChromium(t *testing.T) *page {
	t.Helper()
	bin := chromiumPath()
	if bin == "" {
		t.Skip("chromium is not installed (apt-get install -y chromium); .ci/run installs it")
	}
	toChrome, ourEnd, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	fromChrome, chromeEnd, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	profile := t.TempDir()
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--user-data-dir="+profile, "--remote-debugging-pipe",
		"--window-size=1280,900", "about:blank")
	cmd.ExtraFiles = []*os.File{toChrome, chromeEnd} // its fd 3 reads, fd 4 writes
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	toChrome.Close()
	chromeEnd.Close()
	c := &cdp{t: t, w: ourEnd, pending: map[int]chan cdpMessage{}}
	go c.read(bufio.NewReader(fromChrome))
	t.Cleanup(func() {
		ourEnd.Close()
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
		fromChrome.Close()
		if t.Failed() {
			t.Logf("chromium stderr:\n%s", stderr.String())
		}
	})
	var targets struct {
		TargetInfos []struct {
			TargetID string `json:"targetId"`
			Type     string `json:"type"`
		} `json:"targetInfos"`
	}
	c.call("", "Target.getTargets", map[string]any{}, &targets)
	id := ""
	for _, ti := range targets.TargetInfos {
		if ti.Type == "page" {
			id = ti.TargetID
		}
	}
	if id == "" {
		var created struct {
			TargetID string `json:"targetId"`
		}
		c.call("", "Target.createTarget", map[string]any{"url": "about:blank"}, &created)
		id = created.TargetID
	}
	var att struct {
		SessionID string `json:"sessionId"`
	}
	c.call("", "Target.attachToTarget", map[string]any{"targetId": id, "flatten": true}, &att)
	p := &page{c: c, session: att.SessionID}
	p.c.call(p.session, "Page.enable", map[string]any{}, nil)
	p.c.call(p.session, "Network.enable", map[string]any{}, nil)
	p.c.call(p.session, "Emulation.setDeviceMetricsOverride", map[string]any{"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": false}, nil)
	return p
}

// startServe runs `copydesk serve` on a free port and returns its URL.
func startServe(t *testing.T, dir string) string {
	t.Helper()
	bin := binary(t)
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", ".")
	cmd.Dir = dir
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		_ = cmd.Wait()
		if stderr.Len() > 0 {
			t.Errorf("serve wrote on stderr:\n%s", stderr.String())
		}
	})
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("serve said nothing: %v (stderr: %s)", err, stderr.String())
	}
	_, rest, ok := strings.Cut(line, "http://")
	if !ok {
		t.Fatalf("no address in %q", line)
	}
	addr, _, _ := strings.Cut(rest, " ")
	addr = strings.TrimSuffix(addr, "/")
	go func() { _, _ = io.Copy(io.Discard, out) }()
	return "http://" + addr
}

// artefact returns where a test's output file goes: $COPYDESK_ARTIFACTS,
// or a folder in the system's temporary folder, kept after the test.
func artefact(t *testing.T, name string) string {
	dir := os.Getenv("COPYDESK_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "copydesk-artifacts")
	}
	return filepath.Join(dir, name)
}

// TestServePageInBrowser pastes an article into the page, waits for the
// highlights, applies one fix and then all safe ones after their diffs,
// with the mouse and then the keyboard, and saves a screenshot.
func TestServePageInBrowser(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "news", "2025-03-02-lantern-festival.md"), lspFestival)
	write(t, filepath.Join(dir, "news", "2025-03-09-boat-workshop.md"), lspWorkshop)
	url := startServe(t, dir)
	p := startChromium(t)
	p.c.call(p.session, "Page.navigate", map[string]any{"url": url + "/"}, nil)
	p.waitFor("the page", `document.readyState === "complete" && document.getElementById("editor")`)
	p.waitFor("the archive", `document.getElementById("status").textContent.includes("Archive: 2 articles")`)

	// The file name says where the text belongs, for its links.
	p.eval(`(() => { const f = document.getElementById("filename"); f.value = "news/2025-03-16-draft.md"; f.dispatchEvent(new Event("change")); })()`, nil)
	article := strings.Replace(lspDraft, "harbour wall at dusk", "harbour  wall at dusk", 1)
	p.click("#editor")
	p.c.call(p.session, "Input.insertText", map[string]any{"text": article}, nil) // a paste

	t.Run("highlights", func(t *testing.T) {
		p.c.t = t
		p.waitFor("marks", `document.querySelector('#backdrop mark[data-rule="repeated-word"]')`)
		var got struct {
			Marks, Listed []string
			Names         int
			MarkText      string
		}
		p.eval(`({
			Marks: [...document.querySelectorAll("#backdrop mark")].map(m => m.dataset.rule),
			Listed: [...document.querySelectorAll("#findings li")].map(m => m.dataset.rule),
			Names: document.querySelectorAll('#names li[data-rule="name-consistency"]').length,
			MarkText: document.querySelector('#backdrop mark[data-rule="repeated-word"]').textContent,
		})`, &got)
		for _, rule := range []string{"repeated-word", "multiple-spaces", "missing-space-after-punctuation", "name-consistency", "link-broken"} {
			if !strings.Contains(strings.Join(got.Listed, " "), rule) || !strings.Contains(strings.Join(got.Marks, " "), rule) {
				t.Errorf("%s: want it highlighted and listed; marks %v, list %v", rule, got.Marks, got.Listed)
			}
		}
		if got.MarkText != "the the" {
			t.Errorf("the repeated-word mark covers %q, want %q (after CJK and an emoji)", got.MarkText, "the the")
		}
		if got.Names != 1 {
			t.Errorf("names panel: %d name-consistency entries, want 1", got.Names)
		}
		p.screenshot(artefact(t, "serve-page.png"))
		// The README's picture: COPYDESK_SCREENSHOT=$PWD/docs/serve-page.png.
		if out := os.Getenv("COPYDESK_SCREENSHOT"); out != "" {
			p.screenshot(out)
		}
	})

	t.Run("fix one", func(t *testing.T) {
		p.c.t = t
		p.click(`#findings li[data-rule="repeated-word"] button[data-action="fix"]`)
		p.waitFor("the diff", `document.getElementById("review").open`)
		var diff, text string
		p.eval(`document.getElementById("diff").textContent`, &diff)
		p.eval(`document.getElementById("editor").value`, &text)
		if !strings.Contains(diff, "-发布 🎉 the the boats") || !strings.Contains(diff, "+发布 🎉 the boats") {
			t.Errorf("diff:\n%s", diff)
		}
		if !strings.Contains(text, "the the") {
			t.Error("the text changed before the diff was accepted")
		}
		p.click(`#review button[data-action="apply"]`)
		p.waitFor("the fixed text", `!document.getElementById("editor").value.includes("the the")`)
		p.waitFor("fresh findings", `document.querySelector('#findings li[data-rule="multiple-spaces"]') && !document.querySelector('#findings li[data-rule="repeated-word"]')`)
	})

	t.Run("fix all with the keyboard", func(t *testing.T) {
		p.c.t = t
		p.eval(`document.querySelector('[data-action="fix-all"]').focus()`, nil)
		p.key("Enter", 13, "\r")
		p.waitFor("the diff", `document.getElementById("review").open && document.getElementById("diff").textContent.includes("+++ b/news/2025-03-16-draft.md")`)
		var focused string
		p.eval(`document.activeElement.dataset.action`, &focused)
		if focused != "apply" {
			t.Errorf("focus in the review is on %q, want the apply button", focused)
		}
		p.key("Enter", 13, "\r")
		p.waitFor("no safe fix left", `!document.getElementById("review").open && document.querySelectorAll("#findings li").length > 0 && !document.querySelector('#findings li[data-fixable="safe"]')`)
		var text string
		p.eval(`document.getElementById("editor").value`, &text)
		if strings.Contains(text, "harbour  wall") || !strings.Contains(text, "volunteers.The") || !strings.Contains(text, "Lanterns Guild") {
			t.Errorf("fix all applied more or less than the safe fixes:\n%s", text)
		}
		p.screenshot(artefact(t, "serve-page-fixed.png"))
	})

	t.Run("200 percent zoom", func(t *testing.T) {
		p.c.t = t
		// 1280 CSS pixels at 200 % are 640: nothing may need a sideways scroll.
		p.c.call(p.session, "Emulation.setDeviceMetricsOverride", map[string]any{"width": 640, "height": 900, "deviceScaleFactor": 2, "mobile": false}, nil)
		time.Sleep(200 * time.Millisecond)
		var over int
		p.eval(`document.documentElement.scrollWidth - document.documentElement.clientWidth`, &over)
		if over > 0 {
			t.Errorf("at 640 CSS pixels the page is %d pixels too wide", over)
		}
		p.screenshot(artefact(t, "serve-page-200.png"))
	})

	t.Run("no other network", func(t *testing.T) {
		p.c.t = t
		p.c.mu.Lock()
		defer p.c.mu.Unlock()
		n := 0
		for _, e := range p.c.events {
			if e.Method != "Network.requestWillBeSent" {
				continue
			}
			var r struct {
				Request struct {
					URL string `json:"url"`
				} `json:"request"`
			}
			_ = json.Unmarshal(e.Params, &r)
			n++
			if !strings.HasPrefix(r.Request.URL, url+"/") {
				t.Errorf("the page asked for %s", r.Request.URL)
			}
		}
		if n < 4 {
			t.Errorf("saw %d requests; the network events were not recorded", n)
		}
	})
}
