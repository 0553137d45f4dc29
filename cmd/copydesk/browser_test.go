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

// The page is tested in the two browsers it promises to work in, each
// driven over its own remote protocol with no driver library: Chromium
// over DevTools (chromium_test.go), Firefox over WebDriver BiDi
// (firefox_test.go). The steps are the same for both.

// browser is what the page's test needs from a driver. Every method fails
// the test given to setT when the browser does not do what it is asked.
type browser interface {
	name() string
	setT(t testing.TB)
	navigate(url string)
	// eval runs a JavaScript expression (awaiting a promise) and decodes
	// its value, which must survive JSON, into v.
	eval(expr string, v any)
	clickAt(x, y float64)
	// press presses and releases "Enter", "Tab", "Escape" or "ArrowDown".
	press(key string)
	// typeText types text key by key.
	typeText(s string)
	// paste inserts text at the caret in one input event, as a paste does.
	paste(s string)
	screenshot(path string)
	// viewport sets the page's size in CSS pixels and the device's pixels
	// per CSS pixel: 640 wide at 2 is a 1280-pixel window at 200 % zoom.
	viewport(width, height int, scale float64)
	// requested lists the URLs the page asked for.
	requested() []string
}

// skipBrowser skips a test whose browser is missing, or fails it where
// COPYDESK_REQUIRE_BROWSERS is set (.ci/run sets it after installing both).
func skipBrowser(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("COPYDESK_REQUIRE_BROWSERS") != "" {
		t.Fatal(why)
	}
	t.Skip(why)
}

// waitFor polls a JavaScript condition.
func waitFor(t testing.TB, b browser, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		var ok bool
		b.eval("!!("+expr+")", &ok)
		if ok {
			return
		}
		if time.Now().After(deadline) {
			var page struct{ Status, Side, Focus string }
			b.eval(`({Status: document.getElementById("status").textContent, Side: document.querySelector("aside").innerText})`, &page)
			t.Fatalf("%s: waited in vain for %s (%s); the focus is on %s, the status says %q and the findings pane:\n%s",
				b.name(), what, expr, focused(b), page.Status, page.Side)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// click presses and releases the mouse on the middle of an element, as a
// person does, after scrolling it into view.
func click(t testing.TB, b browser, selector string) {
	t.Helper()
	var r struct{ X, Y float64 }
	b.eval(fmt.Sprintf(`(() => { const e = document.querySelector(%q); if (!e) return null;
		e.scrollIntoView({block: "center"}); const r = e.getBoundingClientRect();
		return {X: r.left + r.width / 2, Y: r.top + r.height / 2}; })()`, selector), &r)
	if r.X == 0 && r.Y == 0 {
		t.Fatalf("%s: nothing to click at %s", b.name(), selector)
	}
	b.clickAt(r.X, r.Y)
}

// focused describes the element that has the focus.
func focused(b browser) string {
	var s string
	b.eval(`(() => { const e = document.activeElement; if (!e) return "nothing";
		return e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.dataset.action ? "[data-action=" + e.dataset.action + "]" : "") +
			(e.dataset.rule ? "[data-rule=" + e.dataset.rule + "]" : ""); })()`, &s)
	return s
}

// tabTo presses Tab until the focus is on an element matching selector.
func tabTo(t testing.TB, b browser, selector string, most int) {
	t.Helper()
	var seen []string
	for range most {
		b.press("Tab")
		var ok bool
		b.eval(fmt.Sprintf(`!!(document.activeElement && document.activeElement.matches(%q))`, selector), &ok)
		if ok {
			return
		}
		seen = append(seen, focused(b))
	}
	t.Fatalf("%s: %d presses of Tab did not reach %s; the focus went to %s", b.name(), most, selector, strings.Join(seen, ", "))
}

// sameLines counts the lines of the editor's text (with %q, when not
// empty, in place of it) in the text area and in a copy of the backdrop,
// both with no height or minimum set, and puts everything back. Lines,
// not pixels: the two round fractions of a pixel differently.
const sameLines = `(() => {
	const e = document.getElementById("editor"), d = document.getElementById("backdrop");
	const text = e.value, height = e.style.height, probe = %q;
	if (probe) e.value = probe;
	e.style.height = "auto"; e.style.minHeight = "0";
	const c = d.cloneNode(false);
	c.removeAttribute("id");
	Object.assign(c.style, {position: "absolute", top: "0", left: "0", right: "auto", bottom: "auto", height: "auto", width: e.getBoundingClientRect().width + "px"});
	c.textContent = e.value + (e.value.endsWith("\n") ? " " : "");
	d.parentNode.appendChild(c);
	const cs = getComputedStyle(e), pad = parseFloat(cs.paddingTop) + parseFloat(cs.paddingBottom), line = parseFloat(cs.lineHeight);
	const got = {Editor: Math.round((e.scrollHeight - pad) / line), Backdrop: Math.round((c.clientHeight - pad) / line)};
	c.remove();
	e.value = text; e.style.height = height; e.style.minHeight = "";
	return got; })()`

// nextFrame waits until the browser has laid out and painted a change.
const nextFrame = `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`

func savePNG(t testing.TB, path, b64 string) {
	t.Helper()
	png, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// TestServePageInBrowser pastes and types an article into the page in
// Chromium and in Firefox, waits for the highlights, applies one fix with
// the mouse and then all safe ones with the keyboard after their diffs,
// checks the page at 200 % zoom, and saves screenshots.
func TestServePageInBrowser(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "news", "2025-03-02-lantern-festival.md"), lspFestival)
	write(t, filepath.Join(dir, "news", "2025-03-09-boat-workshop.md"), lspWorkshop)
	url := startServe(t, dir)
	t.Run("chromium", func(t *testing.T) { checkPage(t, startChromium(t), url) })
	t.Run("firefox", func(t *testing.T) { checkPage(t, startFirefox(t), url) })
}

func checkPage(t *testing.T, b browser, url string) {
	b.navigate(url + "/")
	waitFor(t, b, "the page", `document.readyState === "complete" && document.getElementById("editor")`)
	waitFor(t, b, "the archive", `document.getElementById("status").textContent.includes("Archive: 2 articles")`)

	// The file name says where the text belongs, for its links.
	b.eval(`(() => { const f = document.getElementById("filename"); f.value = "news/2025-03-16-draft.md"; f.dispatchEvent(new Event("change")); })()`, nil)
	article := strings.Replace(lspDraft, "harbour wall at dusk", "harbour  wall at dusk", 1)
	// Pasted, but for the last line, which is typed: the check waits
	// for the typing to stop.
	cut := strings.LastIndex(strings.TrimSuffix(article, "\n"), "\n") + 1
	click(t, b, "#editor")
	b.paste(article[:cut])
	b.typeText(article[cut:])
	shot := func(t *testing.T, name string) { b.screenshot(artefact(t, filepath.Join(b.name(), name))) }

	t.Run("highlights", func(t *testing.T) {
		b.setT(t)
		waitFor(t, b, "marks", `document.querySelector('#backdrop mark[data-rule="link-broken"]') && document.querySelector('#backdrop mark[data-rule="repeated-word"]')`)
		var got struct {
			Text, MarkText string
			Marks, Listed  []string
			Names          int
		}
		b.eval(`({
			Text: document.getElementById("editor").value,
			Marks: [...document.querySelectorAll("#backdrop mark")].map(m => m.dataset.rule),
			Listed: [...document.querySelectorAll("#findings li")].map(m => m.dataset.rule),
			Names: document.querySelectorAll('#names li[data-rule="name-consistency"]').length,
			MarkText: document.querySelector('#backdrop mark[data-rule="repeated-word"]').textContent,
		})`, &got)
		if got.Text != article {
			t.Errorf("the editor holds\n%q\nwant\n%q", got.Text, article)
		}
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
		// The marks are drawn in a copy of the text behind the text area:
		// both must break their lines at the same places, for the article
		// and for a line with a word longer than the pane.
		for _, probe := range []string{"", "See " + strings.Repeat("harbourlanterns", 12) + " and the boats.\n"} {
			var h struct{ Editor, Backdrop float64 }
			b.eval(fmt.Sprintf(sameLines, probe), &h)
			if h.Editor != h.Backdrop || h.Editor == 0 {
				t.Errorf("the text is %v lines in the text area and %v behind it (probe %.20q): the marks are out of line", h.Editor, h.Backdrop, probe)
			}
		}
		shot(t, "serve-page.png")
		// The README's picture: COPYDESK_SCREENSHOT=$PWD/docs/serve-page.png.
		if out := os.Getenv("COPYDESK_SCREENSHOT"); out != "" && b.name() == "chromium" {
			b.screenshot(out)
		}
	})

	t.Run("fix one", func(t *testing.T) {
		b.setT(t)
		click(t, b, `#findings li[data-rule="repeated-word"] button[data-action="fix"]`)
		waitFor(t, b, "the diff", `document.getElementById("review").open`)
		var diff, text string
		b.eval(`document.getElementById("diff").textContent`, &diff)
		b.eval(`document.getElementById("editor").value`, &text)
		if !strings.Contains(diff, "-发布 🎉 the the boats") || !strings.Contains(diff, "+发布 🎉 the boats") {
			t.Errorf("diff:\n%s", diff)
		}
		if !strings.Contains(text, "the the") {
			t.Error("the text changed before the diff was accepted")
		}
		click(t, b, `#review button[data-action="apply"]`)
		waitFor(t, b, "the fixed text", `!document.getElementById("editor").value.includes("the the")`)
		waitFor(t, b, "fresh findings", `document.querySelector('#findings li[data-rule="multiple-spaces"]') && !document.querySelector('#findings li[data-rule="repeated-word"]')`)
	})

	t.Run("fix all with the keyboard", func(t *testing.T) {
		b.setT(t)
		// From the text, the next stop is the button that fixes all.
		click(t, b, "#editor")
		b.press("Tab")
		if f := focused(b); f != "button[data-action=fix-all]" {
			t.Fatalf("Tab from the text went to %s, want the fix-all button", f)
		}
		b.press("Enter")
		waitFor(t, b, "the diff", `document.getElementById("review").open && document.getElementById("diff").textContent.includes("+++ b/news/2025-03-16-draft.md")`)
		if f := focused(b); f != "button[data-action=apply]" {
			t.Errorf("focus in the review is on %s, want the apply button", f)
		}
		// Escape leaves the review, changes nothing, and gives the focus back.
		b.press("Escape")
		waitFor(t, b, "the review to close", `!document.getElementById("review").open`)
		var text string
		b.eval(`document.getElementById("editor").value`, &text)
		if !strings.Contains(text, "harbour  wall") {
			t.Error("Escape in the review changed the text")
		}
		if f := focused(b); f != "button[data-action=fix-all]" {
			t.Fatalf("after Escape the focus is on %s, want the fix-all button again", f)
		}
		b.press("Enter")
		waitFor(t, b, "the diff", `document.getElementById("review").open`)
		b.press("Enter")
		waitFor(t, b, "no safe fix left", `!document.getElementById("review").open && document.querySelectorAll("#findings li").length > 0 && !document.querySelector('#findings li[data-fixable="safe"]')`)
		b.eval(`document.getElementById("editor").value`, &text)
		if strings.Contains(text, "harbour  wall") || !strings.Contains(text, "volunteers.The") || !strings.Contains(text, "Lanterns Guild") {
			t.Errorf("fix all applied more or less than the safe fixes:\n%s", text)
		}

		// A finding reached with Tab and chosen with Enter selects its text.
		if f := focused(b); f != "textarea#editor" {
			t.Errorf("after the fix the focus is on %s, want the text", f)
		}
		tabTo(t, b, `#findings li[data-rule="name-consistency"]`, 6)
		b.press("Enter")
		var sel string
		b.eval(`(() => { const e = document.getElementById("editor"); return document.activeElement === e ? e.value.slice(e.selectionStart, e.selectionEnd) : "(the text has no focus)"; })()`, &sel)
		if sel != "Marrowby Lanterns Guild" {
			t.Errorf("Enter on the name finding selected %q, want the name", sel)
		}
		shot(t, "serve-page-fixed.png")
	})

	t.Run("200 percent zoom", func(t *testing.T) {
		b.setT(t)
		// A 1280 by 900 window at 200 % is 640 by 450 CSS pixels: nothing
		// may need a sideways scroll, and no text may be cut off.
		b.viewport(640, 450, 2)
		b.eval(nextFrame, nil)
		var over int
		b.eval(`document.documentElement.scrollWidth - document.documentElement.clientWidth`, &over)
		if over > 0 {
			t.Errorf("at 640 CSS pixels the page is %d pixels too wide", over)
		}
		cut := `[...document.querySelectorAll("h1, h2, label, button, #status, #findings li, #names li, #review p, #diff")]
			.filter(e => e.getClientRects().length && !e.closest(".visually-hidden") && e.scrollWidth > e.clientWidth + 1).map(e => e.tagName + " " + e.textContent.slice(0, 40))`
		var clipped []string
		b.eval(cut, &clipped)
		if len(clipped) > 0 {
			t.Errorf("at 200 %% these are cut off: %q", clipped)
		}
		shot(t, "serve-page-200.png")

		// The review fits too, with the longest diff this article has:
		// every fix, unsafe ones included.
		click(t, b, "#unsafe")
		click(t, b, `[data-action="fix-all"]`)
		waitFor(t, b, "the diff", `document.getElementById("review").open && document.getElementById("diff").textContent.includes("Lantern Guild thanked")`)
		b.eval(nextFrame, nil)
		var fits bool
		b.eval(`(() => { const r = document.getElementById("review").getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight; })()`, &fits)
		if !fits {
			t.Error("at 200 % the review does not fit in the window")
		}
		// Its buttons can be seen without scrolling it: only the diff scrolls.
		var scrolls bool
		b.eval(`(() => { const d = document.getElementById("review"); return d.scrollHeight > d.clientHeight + 1; })()`, &scrolls)
		if scrolls {
			t.Error("at 200 % the review scrolls as a whole")
		}
		var hidden []string
		b.eval(`[...document.querySelectorAll("#review button")].filter(e => { const r = e.getBoundingClientRect(), d = document.getElementById("review").getBoundingClientRect();
			return r.top < d.top || r.bottom > d.bottom; }).map(e => e.textContent)`, &hidden)
		if len(hidden) > 0 {
			t.Errorf("at 200 %% the review's %q buttons are out of sight", hidden)
		}
		clipped = nil
		b.eval(cut, &clipped)
		if len(clipped) > 0 {
			t.Errorf("at 200 %% these are cut off in the review: %q", clipped)
		}
		shot(t, "serve-page-200-review.png")
		b.press("Escape")
		waitFor(t, b, "the review to close", `!document.getElementById("review").open`)
		click(t, b, "#unsafe")
	})

	t.Run("a finding far down a long article", func(t *testing.T) {
		b.setT(t)
		b.viewport(1280, 900, 1)
		var long strings.Builder
		long.WriteString("---\ntitle: Quay notices for the spring\ndate: 2025-03-20\n---\n\n")
		for i := 1; i <= 60; i++ {
			fmt.Fprintf(&long, "Notice %d: the Osterby quay opens at eight on weekdays.\n\n", i)
		}
		long.WriteString("The ferry leaves from the the north pier.\n")
		b.eval(`(() => { const e = document.getElementById("editor"); e.focus(); e.select(); })()`, nil)
		b.paste(long.String())
		waitFor(t, b, "the finding at the end", `document.querySelector('#findings li[data-rule="repeated-word"]') && document.getElementById("editor").value.includes("Notice 60")`)
		b.eval(`(() => { window.scrollTo(0, 0); document.querySelector("[data-action=fix-all]").focus({preventScroll: true}); })()`, nil)
		tabTo(t, b, `#findings li[data-rule="repeated-word"]`, 40)
		b.press("Enter")
		b.eval(nextFrame, nil)
		var got struct {
			Selected         string
			InView           bool
			Editor, Backdrop float64
		}
		b.eval(`(() => { const e = document.getElementById("editor"), d = document.getElementById("backdrop");
			const m = d.querySelector('mark[data-rule="repeated-word"]').getBoundingClientRect();
			return {Selected: e.value.slice(e.selectionStart, e.selectionEnd), InView: m.top >= 0 && m.bottom <= innerHeight,
				Editor: e.scrollTop, Backdrop: d.scrollTop}; })()`, &got)
		if got.Selected != "the the" || !got.InView {
			t.Errorf("Enter on the last finding selected %q, in view: %v; want \"the the\" in view", got.Selected, got.InView)
		}
		// The marks stay under their words: the text and its backdrop
		// are scrolled alike.
		if got.Editor != got.Backdrop {
			t.Errorf("the text is scrolled by %v pixels and the marks behind it by %v", got.Editor, got.Backdrop)
		}
		shot(t, "serve-page-long.png")
	})

	t.Run("open from the archive with the keyboard", func(t *testing.T) {
		b.setT(t)
		var before string
		b.eval(`document.getElementById("editor").value`, &before)
		// Choosing with the arrow keys changes nothing yet.
		b.eval(`(() => { window.scrollTo(0, 0); document.getElementById("open").focus(); })()`, nil)
		b.press("ArrowDown")
		var chosen, text string
		b.eval(`document.getElementById("open").value`, &chosen)
		b.eval(`document.getElementById("editor").value`, &text)
		if chosen != "news/2025-03-02-lantern-festival.md" {
			t.Fatalf("ArrowDown on the archive's list chose %q", chosen)
		}
		if text != before {
			t.Error("choosing an article with the arrow keys replaced the text")
		}
		tabTo(t, b, `[data-action="open"]`, 2)
		b.press("Enter")
		waitFor(t, b, "the article", `document.getElementById("editor").value.includes("Lantern festival returns") && document.activeElement === document.getElementById("editor")`)
		var name string
		b.eval(`document.getElementById("filename").value`, &name)
		if name != chosen {
			t.Errorf("the file name is %q after opening %q", name, chosen)
		}
	})

	t.Run("no other network", func(t *testing.T) {
		b.setT(t)
		urls := b.requested()
		for _, u := range urls {
			if !strings.HasPrefix(u, url+"/") && !strings.HasPrefix(u, "data:") {
				t.Errorf("the page asked for %s", u)
			}
		}
		if len(urls) < 4 {
			t.Errorf("saw %d requests; the network events were not recorded", len(urls))
		}
	})
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

// requestURL is the URL of a network event's request: Chromium's
// Network.requestWillBeSent and BiDi's network.beforeRequestSent both hold
// it at request.url.
func requestURL(params json.RawMessage) string {
	var r struct {
		Request struct {
			URL string `json:"url"`
		} `json:"request"`
	}
	_ = json.Unmarshal(params, &r)
	return r.Request.URL
}

// lookPathAny is the first of the named programs on the PATH, or "".
func lookPathAny(names ...string) string {
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// rpc is what the two browser protocols share: commands numbered from 1,
// answers matched to them by id, and events kept for the test to read.
type rpc[M any] struct {
	t       testing.TB
	mu      sync.Mutex
	next    int
	pending map[int]chan M
	events  []M
}

func newRPC[M any](t testing.TB) rpc[M] {
	return rpc[M]{t: t, pending: map[int]chan M{}}
}

// start numbers a command and returns its id and where its answer comes.
func (c *rpc[M]) start() (int, chan M) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.next++
	ch := make(chan M, 1)
	c.pending[c.next] = ch
	return c.next, ch
}

// received hands m, an answer to command id or an event, to the command
// waiting for it or to the events.
func (c *rpc[M]) received(id int, answer, event bool, m M) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if ch, ok := c.pending[id]; ok && answer {
		delete(c.pending, id)
		ch <- m
	} else if event {
		c.events = append(c.events, m)
	}
}

// closed ends every command still waiting: the browser went away.
func (c *rpc[M]) closed() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for id, ch := range c.pending {
		close(ch)
		delete(c.pending, id)
	}
}

// wait is the answer to method's command; the test fails when the browser
// closed the connection or gave no answer in 30 seconds.
func (c *rpc[M]) wait(method string, ch chan M) M {
	c.t.Helper()
	select {
	case m, ok := <-ch:
		if !ok {
			c.t.Fatalf("%s: the browser closed the connection", method)
		}
		return m
	case <-time.After(30 * time.Second):
		c.t.Fatalf("%s: no answer from the browser", method)
	}
	var zero M
	return zero
}

// decode reads a command's result into result, when the caller wants it.
func (c *rpc[M]) decode(method string, raw json.RawMessage, result any) {
	c.t.Helper()
	if result == nil {
		return
	}
	if err := json.Unmarshal(raw, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}
