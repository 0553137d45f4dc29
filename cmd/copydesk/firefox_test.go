package main

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/websocket"
)

// Firefox is driven over WebDriver BiDi: --remote-debugging-port makes it
// listen for a WebSocket, whose address it prints on stderr; commands and
// answers are JSON messages matched by id, events carry a method.

// bidi is a WebDriver BiDi session with a browser.
type bidi struct {
	rpc[bidiMessage]
	ws *websocket.Conn
}

type bidiMessage struct {
	Type    string          `json:"type"` // "success", "error" or "event"
	ID      int             `json:"id"`
	Method  string          `json:"method"`
	Params  json.RawMessage `json:"params"`
	Result  json.RawMessage `json:"result"`
	Error   string          `json:"error"`
	Message string          `json:"message"`
}

func (c *bidi) read() {
	for {
		var data []byte
		if err := websocket.Message.Receive(c.ws, &data); err != nil {
			c.closed()
			return
		}
		var m bidiMessage
		if json.Unmarshal(data, &m) != nil {
			continue
		}
		c.received(m.ID, m.Type != "event", m.Type == "event", m)
	}
}

// call sends a command and decodes its result into result.
func (c *bidi) call(method string, params any, result any) {
	c.t.Helper()
	id, ch := c.start()
	b, _ := json.Marshal(map[string]any{"id": id, "method": method, "params": params})
	if err := websocket.Message.Send(c.ws, string(b)); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
	m := c.wait(method, ch)
	if m.Type == "error" {
		c.t.Fatalf("%s: %s: %s", method, m.Error, m.Message)
	}
	c.decode(method, m.Result, result)
}

// firefoxPage is the one tab of a Firefox session.
type firefoxPage struct {
	c       *bidi
	context string
}

func (p *firefoxPage) name() string      { return "firefox" }
func (p *firefoxPage) setT(t testing.TB) { p.c.t = t }

func (p *firefoxPage) navigate(url string) {
	p.c.call("browsingContext.navigate", map[string]any{"context": p.context, "url": url, "wait": "complete"}, nil)
}

// eval returns the value as JSON made in the page, since BiDi's own
// serialisation of values is typed node by node.
func (p *firefoxPage) eval(expr string, v any) {
	p.c.t.Helper()
	var res struct {
		Type   string `json:"type"`
		Result struct {
			Type  string `json:"type"`
			Value string `json:"value"`
		} `json:"result"`
		ExceptionDetails struct {
			Text string `json:"text"`
		} `json:"exceptionDetails"`
	}
	p.c.call("script.evaluate", map[string]any{
		"expression":      "(async () => JSON.stringify(await (" + expr + ")))()",
		"target":          map[string]any{"context": p.context},
		"awaitPromise":    true,
		"resultOwnership": "none",
	}, &res)
	if res.Type == "exception" {
		p.c.t.Fatalf("%s: %s", expr, res.ExceptionDetails.Text)
	}
	if v == nil {
		return
	}
	value := res.Result.Value
	if res.Result.Type != "string" {
		value = "null" // JSON.stringify(undefined)
	}
	if err := json.Unmarshal([]byte(value), v); err != nil {
		p.c.t.Fatalf("%s = %s: %v", expr, value, err)
	}
}

func (p *firefoxPage) actions(sources ...map[string]any) {
	p.c.t.Helper()
	p.c.call("input.performActions", map[string]any{"context": p.context, "actions": sources}, nil)
}

func (p *firefoxPage) clickAt(x, y float64) {
	p.c.t.Helper()
	p.actions(map[string]any{"type": "pointer", "id": "mouse", "parameters": map[string]any{"pointerType": "mouse"},
		"actions": []map[string]any{
			{"type": "pointerMove", "x": int(x), "y": int(y)},
			{"type": "pointerDown", "button": 0},
			{"type": "pointerUp", "button": 0},
		}})
}

// webdriverKey is WebDriver's code point for a named key.
func webdriverKey(key string) string {
	switch key {
	case "Enter":
		return "\uE007"
	case "Tab":
		return "\uE004"
	case "Escape":
		return "\uE00C"
	case "ArrowDown":
		return "\uE015"
	}
	return ""
}

// press sends a key. Headless Firefox (153 ESR) delivers a synthesised
// Enter to a focused button as keydown, keypress and keyup, but does not
// activate the button, even on a page holding nothing but one button; so
// when Enter on a button brings no click, press clicks it as the browser
// does for a person's Enter, and the test still sees that the focus was
// on the button.
func (p *firefoxPage) press(key string) {
	p.c.t.Helper()
	k := webdriverKey(key)
	if k == "" {
		p.c.t.Fatalf("no WebDriver key for %q", key)
	}
	onButton := false
	if key == "Enter" {
		p.eval(`(() => { const e = document.activeElement; if (!e || e.tagName !== "BUTTON") return false;
			window.__enterClicked = false; e.addEventListener("click", () => { window.__enterClicked = true; }, {once: true});
			return true; })()`, &onButton)
	}
	p.actions(map[string]any{"type": "key", "id": "keyboard", "actions": []map[string]any{
		{"type": "keyDown", "value": k}, {"type": "keyUp", "value": k},
	}})
	if onButton {
		p.eval(`(() => { const e = document.activeElement; if (!window.__enterClicked && e && e.tagName === "BUTTON") e.click(); })()`, nil)
	}
}

func (p *firefoxPage) typeText(s string) {
	p.c.t.Helper()
	var keys []map[string]any
	for _, r := range s {
		k := string(r)
		if r == '\n' {
			k = webdriverKey("Enter")
		}
		keys = append(keys, map[string]any{"type": "keyDown", "value": k}, map[string]any{"type": "keyUp", "value": k})
	}
	p.actions(map[string]any{"type": "key", "id": "keyboard", "actions": keys})
}

// paste inserts text through the editing command a paste runs: BiDi has
// no clipboard and no command to insert text, and key by key is not a
// paste (one input event for the whole text).
func (p *firefoxPage) paste(s string) {
	p.c.t.Helper()
	js, _ := json.Marshal(s)
	var ok bool
	p.eval(`document.execCommand("insertText", false, `+string(js)+`)`, &ok)
	if !ok {
		p.c.t.Fatal("firefox: the text was not inserted")
	}
}

func (p *firefoxPage) screenshot(path string) {
	p.c.t.Helper()
	var shot struct {
		Data string `json:"data"`
	}
	p.c.call("browsingContext.captureScreenshot", map[string]any{"context": p.context}, &shot)
	savePNG(p.c.t, path, shot.Data)
}

func (p *firefoxPage) viewport(width, height int, scale float64) {
	p.c.call("browsingContext.setViewport", map[string]any{"context": p.context,
		"viewport": map[string]any{"width": width, "height": height}, "devicePixelRatio": scale}, nil)
}

func (p *firefoxPage) requested() []string {
	p.c.mu.Lock()
	defer p.c.mu.Unlock()
	var urls []string
	for _, e := range p.c.events {
		if e.Method != "network.beforeRequestSent" {
			continue
		}
		urls = append(urls, requestURL(e.Params))
	}
	return urls
}

// firefoxPath finds Debian's firefox-esr, or a Firefox.
func firefoxPath() string {
	return lookPathAny("firefox-esr", "firefox")
}

// firefoxPrefs keep a test profile quiet: no first-run pages, no updates,
// no reports, nothing fetched in the background.
const firefoxPrefs = `user_pref("browser.shell.checkDefaultBrowser", false);
user_pref("browser.startup.homepage_override.mstone", "ignore");
user_pref("browser.aboutwelcome.enabled", false);
user_pref("app.update.disabledForTesting", true);
user_pref("datareporting.policy.dataSubmissionEnabled", false);
user_pref("toolkit.telemetry.reportingpolicy.firstRun", false);
user_pref("network.captive-portal-service.enabled", false);
user_pref("network.connectivity-service.enabled", false);
user_pref("focusmanager.testmode", true);
user_pref("services.settings.server", "data:,#remote-settings-off");
`

// startFirefox starts headless Firefox in a fresh profile and returns its
// one tab.
func startFirefox(t *testing.T) *firefoxPage {
	t.Helper()
	bin := firefoxPath()
	if bin == "" {
		skipBrowser(t, "firefox is not installed (apt-get install -y firefox-esr); .ci/run installs it")
	}
	profile := t.TempDir()
	if err := os.WriteFile(filepath.Join(profile, "user.js"), []byte(firefoxPrefs), 0o644); err != nil {
		t.Fatal(err)
	}
	const origin = "http://127.0.0.1"
	cmd := exec.Command(bin, "--headless", "--no-remote", "--profile", profile,
		"--remote-debugging-port=0", "--remote-allow-origins="+origin, "about:blank")
	cmd.Env = append(os.Environ(), "MOZ_CRASHREPORTER_DISABLE=1", "HOME="+profile)
	stderrPipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start firefox: %v", err)
	}
	var (
		logMu  sync.Mutex
		stderr strings.Builder
		addr   = make(chan string, 1)
	)
	go func() {
		sc := bufio.NewScanner(stderrPipe)
		for sc.Scan() {
			line := sc.Text()
			logMu.Lock()
			stderr.WriteString(line + "\n")
			logMu.Unlock()
			if _, ws, ok := strings.Cut(line, "WebDriver BiDi listening on "); ok {
				select {
				case addr <- strings.TrimSpace(ws):
				default:
				}
			}
		}
	}()
	c := &bidi{rpc: newRPC[bidiMessage](t)}
	t.Cleanup(func() {
		if c.ws != nil {
			c.mu.Lock()
			c.next++
			b, _ := json.Marshal(map[string]any{"id": c.next, "method": "browser.close", "params": map[string]any{}})
			c.mu.Unlock()
			_ = websocket.Message.Send(c.ws, string(b))
			c.ws.Close()
		}
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
		if t.Failed() {
			logMu.Lock()
			t.Logf("firefox stderr:\n%s", stderr.String())
			logMu.Unlock()
		}
	})
	var wsURL string
	select {
	case wsURL = <-addr:
	case <-time.After(2 * time.Minute): // a first start in a new profile is slow on a loaded machine
		t.Fatal("firefox did not say where WebDriver BiDi listens")
	}
	ws, err := websocket.Dial(wsURL+"/session", "", origin)
	if err != nil {
		t.Fatalf("connect to firefox: %v", err)
	}
	c.ws = ws
	go c.read()
	c.call("session.new", map[string]any{"capabilities": map[string]any{}}, nil)
	var tree struct {
		Contexts []struct {
			Context string `json:"context"`
		} `json:"contexts"`
	}
	c.call("browsingContext.getTree", map[string]any{}, &tree)
	if len(tree.Contexts) == 0 {
		t.Fatal("firefox has no tab")
	}
	p := &firefoxPage{c: c, context: tree.Contexts[0].Context}
	c.call("session.subscribe", map[string]any{"events": []string{"network.beforeRequestSent"}}, nil)
	p.viewport(1280, 900, 1)
	return p
}
