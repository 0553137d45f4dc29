package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"testing"
	"time"
)

// The page is tested in headless Chromium, driven over the DevTools
// protocol through --remote-debugging-pipe (JSON messages separated by NUL
// bytes on file descriptors 3 and 4): no WebSocket, no driver library.

// cdp is a DevTools protocol connection to a browser.
type cdp struct {
	rpc[cdpMessage]
	w io.Writer
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
			c.closed()
			return
		}
		var m cdpMessage
		if json.Unmarshal(msg[:len(msg)-1], &m) != nil {
			continue
		}
		c.received(m.ID, m.ID != 0, m.Method != "", m)
	}
}

// call sends a command (to a page's session when session is set) and
// returns its result.
func (c *cdp) call(session, method string, params any, result any) {
	c.t.Helper()
	id, ch := c.start()
	msg := map[string]any{"id": id, "method": method, "params": params}
	if session != "" {
		msg["sessionId"] = session
	}
	b, _ := json.Marshal(msg)
	if _, err := c.w.Write(append(b, 0)); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
	m := c.wait(method, ch)
	if m.Error != nil {
		c.t.Fatalf("%s: %s", method, m.Error.Message)
	}
	c.decode(method, m.Result, result)
}

// chromiumPage is one tab of Chromium.
type chromiumPage struct {
	c       *cdp
	session string
}

func (p *chromiumPage) name() string      { return "chromium" }
func (p *chromiumPage) setT(t testing.TB) { p.c.t = t }
func (p *chromiumPage) call(method string, params, result any) {
	p.c.t.Helper()
	p.c.call(p.session, method, params, result)
}

func (p *chromiumPage) navigate(url string) {
	p.call("Page.navigate", map[string]any{"url": url}, nil)
}

func (p *chromiumPage) eval(expr string, v any) {
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
	p.call("Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true, "awaitPromise": true}, &res)
	if res.ExceptionDetails != nil {
		p.c.t.Fatalf("%s: %s %s", expr, res.ExceptionDetails.Text, res.ExceptionDetails.Exception.Description)
	}
	if v != nil {
		if err := json.Unmarshal(res.Result.Value, v); err != nil {
			p.c.t.Fatalf("%s = %s: %v", expr, res.Result.Value, err)
		}
	}
}

func (p *chromiumPage) clickAt(x, y float64) {
	p.c.t.Helper()
	for _, typ := range []string{"mouseMoved", "mousePressed", "mouseReleased"} {
		p.call("Input.dispatchMouseEvent", map[string]any{"type": typ, "x": x, "y": y, "button": "left", "clickCount": 1}, nil)
	}
}

// chromiumKey is the Windows virtual key code DevTools wants with a key,
// and the text the key types.
func chromiumKey(key string) (code int, text string) {
	switch key {
	case "Enter":
		return 13, "\r"
	case "Tab":
		return 9, ""
	case "Escape":
		return 27, ""
	case "ArrowDown":
		return 40, ""
	}
	return 0, ""
}

func (p *chromiumPage) press(key string) {
	p.c.t.Helper()
	code, text := chromiumKey(key)
	if code == 0 {
		p.c.t.Fatalf("no key code for %q", key)
	}
	down := map[string]any{"type": "keyDown", "key": key, "code": key, "windowsVirtualKeyCode": code, "nativeVirtualKeyCode": code}
	if text != "" {
		down["text"] = text
	}
	p.call("Input.dispatchKeyEvent", down, nil)
	p.call("Input.dispatchKeyEvent", map[string]any{"type": "keyUp", "key": key, "code": key, "windowsVirtualKeyCode": code, "nativeVirtualKeyCode": code}, nil)
}

// typeText sends one key press per character, as a keyboard does.
func (p *chromiumPage) typeText(s string) {
	p.c.t.Helper()
	for _, r := range s {
		if r == '\n' {
			p.press("Enter")
			continue
		}
		ch := string(r)
		p.call("Input.dispatchKeyEvent", map[string]any{"type": "keyDown", "key": ch, "text": ch}, nil)
		p.call("Input.dispatchKeyEvent", map[string]any{"type": "keyUp", "key": ch}, nil)
	}
}

// paste inserts text as a paste (or an input method) does: one input event.
func (p *chromiumPage) paste(s string) {
	p.call("Input.insertText", map[string]any{"text": s}, nil)
}

func (p *chromiumPage) screenshot(path string) {
	p.c.t.Helper()
	var shot struct {
		Data string `json:"data"`
	}
	p.call("Page.captureScreenshot", map[string]any{"format": "png"}, &shot)
	savePNG(p.c.t, path, shot.Data)
}

func (p *chromiumPage) viewport(width, height int, scale float64) {
	p.call("Emulation.setDeviceMetricsOverride", map[string]any{"width": width, "height": height, "deviceScaleFactor": scale, "mobile": false}, nil)
}

func (p *chromiumPage) requested() []string {
	p.c.mu.Lock()
	defer p.c.mu.Unlock()
	var urls []string
	for _, e := range p.c.events {
		if e.Method != "Network.requestWillBeSent" {
			continue
		}
		urls = append(urls, requestURL(e.Params))
	}
	return urls
}

// chromiumPath finds Debian's chromium.
func chromiumPath() string {
	return lookPathAny("chromium", "chromium-browser")
}

// startChromium starts headless Chromium with the flags a closed network
// needs and returns a page session.
func startChromium(t *testing.T) *chromiumPage {
	t.Helper()
	bin := chromiumPath()
	if bin == "" {
		skipBrowser(t, "chromium is not installed (apt-get install -y chromium); .ci/run installs it")
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
	c := &cdp{rpc: newRPC[cdpMessage](t), w: ourEnd}
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
	p := &chromiumPage{c: c, session: att.SessionID}
	p.call("Page.enable", map[string]any{}, nil)
	p.call("Network.enable", map[string]any{}, nil)
	p.viewport(1280, 900, 1)
	return p
}
