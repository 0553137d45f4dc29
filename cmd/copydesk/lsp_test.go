package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// An invented archive: a guild's name written one way five times in two
// saved articles, and a draft that spells it another way, doubles a word
// after CJK text and an emoji, runs two sentences together, and links to
// one saved article and one that does not exist yet.
const (
	lspFestival = "---\ntitle: Lantern festival returns to the old harbour\ndate: 2025-03-02\n---\n\n" +
		"The Marrowby Lantern Guild announced on Monday that the festival returns this spring.\n" +
		"Volunteers from the Marrowby Lantern Guild will build the boats in the old boathouse.\n" +
		"A spokesperson for the Marrowby Lantern Guild said the route follows the harbour wall.\n"
	lspWorkshop = "---\ntitle: Boat workshop opens to schoolchildren\ndate: 2025-03-09\n---\n\n" +
		"The Marrowby Lantern Guild opened its workshop to three schools this week.\n" +
		"Teachers said the Marrowby Lantern Guild had planned the visits for months.\n" +
		"See the [festival notice](2025-03-02-lantern-festival.md) for the route.\n"
	lspDraft = "---\ntitle: Lanterns light the harbour wall\ndate: 2025-03-16\n---\n\n" +
		"发布 🎉 the the boats sailed past the harbour wall at dusk.\n" +
		"The Marrowby Lanterns Guild thanked the volunteers.The crowd cheered.\n" +
		"Read the [workshop story](2025-03-09-boat-workshop.md) and the [parade page](2025-04-01-parade.md).\n"
	lspParade = "---\ntitle: Parade route announced\ndate: 2025-04-01\n---\n\nThe parade starts at the boathouse.\n"
)

func lspWorkspace(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "news", "2025-03-02-lantern-festival.md"), lspFestival)
	write(t, filepath.Join(dir, "news", "2025-03-09-boat-workshop.md"), lspWorkshop)
	write(t, filepath.Join(dir, "news", "2025-03-16-draft.md"), lspDraft)
	return dir
}

type initResult struct {
	Capabilities struct {
		PositionEncoding string `json:"positionEncoding"`
		TextDocumentSync struct {
			OpenClose bool `json:"openClose"`
			Change    int  `json:"change"`
		} `json:"textDocumentSync"`
		CodeActionProvider struct {
			CodeActionKinds []string `json:"codeActionKinds"`
		} `json:"codeActionProvider"`
	} `json:"capabilities"`
	ServerInfo struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	} `json:"serverInfo"`
}

// initLSP runs initialize and initialized, with the position encodings the
// client offers (nil: none, so UTF-16), and waits for the archive to be
// indexed ($/progress end).
func initLSP(t testing.TB, c *lspClient, dir string, encodings []string, opts map[string]any) initResult {
	t.Helper()
	caps := map[string]any{
		"window":    map[string]any{"workDoneProgress": true},
		"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}},
	}
	if encodings != nil {
		caps["general"] = map[string]any{"positionEncodings": encodings}
	}
	var res initResult
	m := c.call("initialize", map[string]any{
		"processId": nil, "rootUri": lspURI(dir), "capabilities": caps,
		"workspaceFolders":      []map[string]any{{"uri": lspURI(dir), "name": "news"}},
		"initializationOptions": opts,
	}, &res)
	if m.Error != nil {
		t.Fatalf("initialize: %v", m.Error)
	}
	from := c.mark()
	c.notify("initialized", map[string]any{})
	c.waitNote(from, "$/progress end", func(m *rpcMessage) bool {
		return m.Method == "$/progress" && strings.Contains(string(m.Params), `"kind":"end"`)
	})
	return res
}

func lspURI(path string) string { return "file://" + filepath.ToSlash(path) }

func TestLSP(t *testing.T) {
	for _, enc := range []string{"utf-16", "utf-8"} {
		t.Run(enc, func(t *testing.T) { testLSP(t, enc) })
	}
}

func testLSP(t *testing.T, enc string) {
	dir := lspWorkspace(t)
	c := startLSP(t, dir)
	var offered []string
	if enc == "utf-8" {
		offered = []string{"utf-8", "utf-16"}
	}
	// Long pauses: a burst of typing in this test must fall in one.
	res := initLSP(t, c, dir, offered, map[string]any{"debounceMs": 300, "corpusDelayMs": 600})

	t.Run("initialize", func(t *testing.T) {
		c := c.with(t)
		caps := res.Capabilities
		if res.ServerInfo.Name != "copydesk" || res.ServerInfo.Version != version {
			t.Errorf("serverInfo = %+v, want copydesk %s", res.ServerInfo, version)
		}
		if caps.PositionEncoding != enc {
			t.Errorf("positionEncoding = %q, want %q", caps.PositionEncoding, enc)
		}
		if !caps.TextDocumentSync.OpenClose || caps.TextDocumentSync.Change != 2 {
			t.Errorf("textDocumentSync = %+v, want open/close and incremental changes", caps.TextDocumentSync)
		}
		if strings.Join(caps.CodeActionProvider.CodeActionKinds, ",") != "quickfix,source.fixAll.copydesk" {
			t.Errorf("codeActionKinds = %v", caps.CodeActionProvider.CodeActionKinds)
		}
		var begun, registered bool
		for _, m := range c.notesSince(0, "$/progress") {
			begun = begun || strings.Contains(string(m.Params), `"kind":"begin"`)
		}
		registered = len(c.notesSince(0, "client/registerCapability")) == 1
		if !begun || !registered {
			t.Errorf("want $/progress begin (%v) and a watcher registration (%v)", begun, registered)
		}
	})

	draftPath := filepath.Join(dir, "news", "2025-03-16-draft.md")
	draft := lspURI(draftPath)
	text := lspDraft
	version := 1
	from := c.mark()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": draft, "languageId": "markdown", "version": version, "text": text}})
	diags := c.waitDiags(from, draft, version, "the draft's findings with the archive's", func(ds []lspDiag) bool {
		return hasCode(ds, "name-consistency")
	})

	t.Run("diagnostics", func(t *testing.T) {
		rw := findCode(t, diags, "repeated-word")
		want := lspRange{posOf(t, text, "the the", enc), posOf(t, text, " boats sailed", enc)}
		if rw.Range != want {
			t.Errorf("repeated-word range = %+v, want %+v (after CJK and an emoji, in %s)", rw.Range, want, enc)
		}
		if rw.Source != "copydesk" || rw.Severity != 2 || rw.CodeDescription.Href != "https://github.com/copydesk/copydesk/blob/main/docs/rules.md#repeated-word" {
			t.Errorf("repeated-word = %+v", rw)
		}
		// The archive's count makes the draft's spelling the odd one.
		nc := findCode(t, diags, "name-consistency")
		if nc.Range.Start != posOf(t, text, "Marrowby Lanterns Guild", enc) || !strings.Contains(nc.Message, "5 times in 2 ") {
			t.Errorf("name-consistency = %+v", nc)
		}
		// A link to a saved article resolves; one to a missing page does not.
		lb := findCode(t, diags, "link-broken")
		if lb.Range.Start != posOf(t, text, "2025-04-01-parade.md", enc) || lb.Severity != 1 {
			t.Errorf("link-broken = %+v", lb)
		}
		if n := strings.Count(strings.Join(codes(diags), " "), "link-broken"); n != 1 {
			t.Errorf("%d link-broken findings, want 1: %v", n, codes(diags))
		}
	})

	t.Run("incremental change after emoji", func(t *testing.T) {
		c := c.with(t)
		// Type "big " before "boats": the range is in the negotiated units.
		at := posOf(t, text, "boats sailed", enc)
		version++
		from := c.mark()
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": draft, "version": version},
			"contentChanges": []map[string]any{{"range": lspRange{at, at}, "text": "big "}},
		})
		text = strings.Replace(text, "boats sailed", "big boats sailed", 1)
		ds := c.waitDiags(from, draft, version, "findings after the edit", nil)
		rw := findCode(t, ds, "repeated-word")
		if want := (lspRange{posOf(t, text, "the the", enc), posOf(t, text, " big boats", enc)}); rw.Range != want {
			t.Errorf("after the edit, repeated-word range = %+v, want %+v", rw.Range, want)
		}
		// The archive's finding is shown at once, moved with the text,
		// before the pass across the archive runs again.
		if nc := findCode(t, ds, "name-consistency"); nc.Range.Start != posOf(t, text, "Marrowby Lanterns Guild", enc) {
			t.Errorf("after the edit, name-consistency at %+v", nc.Range)
		}
	})

	t.Run("debounce", func(t *testing.T) {
		c := c.with(t)
		// Twenty keystrokes in a burst: the server lints once at the end,
		// not twenty times.
		from := c.mark()
		first := version + 1
		for _, ch := range "Quietly, the crowd.." {
			version++
			at := posOf(t, text, "The crowd cheered.", enc)
			c.notify("textDocument/didChange", map[string]any{
				"textDocument":   map[string]any{"uri": draft, "version": version},
				"contentChanges": []map[string]any{{"range": lspRange{at, at}, "text": string(ch)}},
			})
			i := strings.Index(text, "The crowd cheered.")
			text = text[:i] + string(ch) + text[i:]
		}
		c.waitDiags(from, draft, version, "findings after the burst", nil)
		n := 0
		for _, m := range c.notesSince(from, "textDocument/publishDiagnostics") {
			var p publishParams
			_ = json.Unmarshal(m.Params, &p)
			if p.URI == draft && p.Version != nil && *p.Version >= first && *p.Version < version {
				n++
			}
		}
		if n > 2 {
			t.Errorf("%d publications for versions inside a burst of 20 changes; want the burst debounced", n)
		}
	})

	// Put the text back (a whole-text change) for the code actions.
	text = lspDraft
	version++
	from = c.mark()
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": draft, "version": version},
		"contentChanges": []map[string]any{{"text": text}},
	})
	diags = c.waitDiags(from, draft, version, "findings of the restored text", func(ds []lspDiag) bool {
		return hasCode(ds, "name-consistency") && hasCode(ds, "repeated-word")
	})

	actions := func(t *testing.T, r lspRange, only ...string) []codeAction {
		t.Helper()
		c := c.with(t)
		ctx := map[string]any{"diagnostics": diags}
		if len(only) > 0 {
			ctx["only"] = only
		}
		var out []codeAction
		if m := c.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": draft}, "range": r, "context": ctx}, &out); m.Error != nil {
			t.Fatalf("codeAction: %v", m.Error)
		}
		return out
	}

	t.Run("quick fix", func(t *testing.T) {
		rw := findCode(t, diags, "repeated-word")
		acts := actions(t, rw.Range)
		if len(acts) == 0 || acts[0].Kind != "quickfix" || !acts[0].IsPreferred || acts[0].Title != `Remove the second "the"` {
			t.Fatalf("first action = %+v, want the safe fix, preferred", acts)
		}
		if len(acts[0].Diagnostics) != 1 || acts[0].Diagnostics[0].Code != "repeated-word" {
			t.Errorf("the fix names %+v, want the repeated-word finding", acts[0].Diagnostics)
		}
		got := applyEdits(t, text, acts[0].Edit.Changes[draft], enc)
		if want := strings.Replace(text, "the the boats", "the boats", 1); got != want {
			t.Errorf("after the fix:\n%s\nwant:\n%s", got, want)
		}
	})

	t.Run("unsafe fix and suppression", func(t *testing.T) {
		c := c.with(t)
		ms := findCode(t, diags, "missing-space-after-punctuation")
		acts := actions(t, ms.Range, "quickfix")
		var unsafe, suppress *codeAction
		for i := range acts {
			switch {
			case strings.Contains(acts[i].Title, "unsafe"):
				unsafe = &acts[i]
			case strings.HasPrefix(acts[i].Title, "Suppress missing-space-after-punctuation"):
				suppress = &acts[i]
			}
		}
		if unsafe == nil || unsafe.IsPreferred {
			t.Fatalf("want an unsafe fix, not preferred, marked in its title: %+v", acts)
		}
		if got := applyEdits(t, text, unsafe.Edit.Changes[draft], enc); !strings.Contains(got, "volunteers. The crowd") {
			t.Errorf("unsafe fix gave:\n%s", got)
		}
		if suppress == nil {
			t.Fatalf("no suppression action: %+v", acts)
		}
		got := applyEdits(t, text, suppress.Edit.Changes[draft], enc)
		// Inline at the end of the line above: the paragraph stays whole.
		if !strings.Contains(got, "at dusk. <!-- copydesk-disable-next-line missing-space-after-punctuation -- ") {
			t.Fatalf("suppression gave:\n%s", got)
		}
		version++
		from := c.mark()
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": draft, "version": version},
			"contentChanges": []map[string]any{{"text": got}},
		})
		ds := c.waitDiags(from, draft, version, "findings with the suppression", func(ds []lspDiag) bool {
			return !hasCode(ds, "missing-space-after-punctuation")
		})
		if hasCode(ds, "invalid-suppression") || hasCode(ds, "unused-suppression") || !hasCode(ds, "repeated-word") {
			t.Errorf("with the suppression: %v", codes(ds))
		}
		text = got
		diags = ds
	})

	t.Run("fix all", func(t *testing.T) {
		acts := actions(t, lspRange{}, "source.fixAll")
		if len(acts) != 1 || acts[0].Kind != "source.fixAll.copydesk" {
			t.Fatalf("fix-all actions = %+v", acts)
		}
		got := applyEdits(t, text, acts[0].Edit.Changes[draft], enc)
		if strings.Contains(got, "the the") || !strings.Contains(got, "Lanterns Guild") || !strings.Contains(got, "volunteers.The") {
			t.Errorf("fix all should apply only the safe fixes:\n%s", got)
		}
		if len(acts[0].Edit.Changes[draft]) == 0 {
			t.Error("fix all has no edits")
		}
		if quick := actions(t, lspRange{}, "quickfix"); len(quick) != 0 {
			t.Errorf("only=quickfix at the start of the file gave %+v", quick)
		}
	})

	t.Run("unsaved buffer counts", func(t *testing.T) {
		c := c.with(t)
		// A new, unsaved article the draft links to: the link is no
		// longer broken, though nothing is on disk.
		parade := lspURI(filepath.Join(dir, "news", "2025-04-01-parade.md"))
		from := c.mark()
		c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": parade, "languageId": "markdown", "version": 1, "text": lspParade}})
		c.waitDiags(from, draft, version, "the draft without link-broken", func(ds []lspDiag) bool { return !hasCode(ds, "link-broken") })
		// Closed unsaved, it is gone again.
		from = c.mark()
		c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": parade}})
		c.waitDiags(from, parade, -1, "empty diagnostics for the closed file", func(ds []lspDiag) bool { return len(ds) == 0 })
		c.waitDiags(from, draft, version, "link-broken again", func(ds []lspDiag) bool { return hasCode(ds, "link-broken") })
	})

	t.Run("watched files", func(t *testing.T) {
		c := c.with(t)
		// Saved by another program: the watcher's event updates the index.
		p := filepath.Join(dir, "news", "2025-04-01-parade.md")
		write(t, p, lspParade)
		from := c.mark()
		c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{{"uri": lspURI(p), "type": 1}}})
		c.waitDiags(from, draft, version, "the draft without link-broken", func(ds []lspDiag) bool { return !hasCode(ds, "link-broken") })
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
		from = c.mark()
		c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{{"uri": lspURI(p), "type": 3}}})
		c.waitDiags(from, draft, version, "link-broken after the delete", func(ds []lspDiag) bool { return hasCode(ds, "link-broken") })
	})

	t.Run("save", func(t *testing.T) {
		c := c.with(t)
		// The festival article, opened and edited to drop the guild's
		// name, then saved: the archive no longer outnumbers the
		// draft's spelling, and the draft is checked again.
		p := filepath.Join(dir, "news", "2025-03-02-lantern-festival.md")
		uri := lspURI(p)
		edited := strings.ReplaceAll(lspFestival, "Marrowby Lantern Guild", "harbour volunteers")
		c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "markdown", "version": 1, "text": lspFestival}})
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": 2},
			"contentChanges": []map[string]any{{"text": edited}},
		})
		write(t, p, edited)
		from := c.mark()
		c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": uri}})
		c.waitDiags(from, draft, version, "no name-consistency", func(ds []lspDiag) bool { return !hasCode(ds, "name-consistency") })
		// Put back on disk and closed: the file on disk counts again.
		write(t, p, lspFestival)
		from = c.mark()
		c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
		c.waitDiags(from, draft, version, "name-consistency again", func(ds []lspDiag) bool { return hasCode(ds, "name-consistency") })
	})

	t.Run("configuration", func(t *testing.T) {
		c := c.with(t)
		cfg := filepath.Join(dir, ".copydesk.yaml")
		write(t, cfg, "version: 1\nrules:\n  repeated-word: error\n")
		from := c.mark()
		c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{}})
		ds := c.waitDiags(from, draft, version, "repeated-word as an error", func(ds []lspDiag) bool {
			return hasCode(ds, "repeated-word") && findCode(t, ds, "repeated-word").Severity == 1
		})
		_ = ds
		// A broken config: one message, the server carries on.
		write(t, cfg, "version: 1\nrules:\n  repeated-wurd: off\n")
		from = c.mark()
		c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{{"uri": lspURI(cfg), "type": 2}}})
		c.waitNote(from, "window/showMessage", func(m *rpcMessage) bool { return m.Method == "window/showMessage" })
		c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{}})
		// The server still answers, and says it once.
		if acts := actions(t, lspRange{}, "source.fixAll"); len(acts) != 1 {
			t.Errorf("after a config error, fix all = %+v", acts)
		}
		time.Sleep(300 * time.Millisecond)
		msgs := c.notesSince(from, "window/showMessage")
		if len(msgs) != 1 || !strings.Contains(string(msgs[0].Params), `"type":1`) || !strings.Contains(string(msgs[0].Params), "repeated-wurd") {
			t.Errorf("want one error message naming the bad key, got %d: %v", len(msgs), msgs)
		}
		// Fixed: repeated-word off.
		write(t, cfg, "version: 1\nrules:\n  repeated-word: off\n")
		from = c.mark()
		c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{{"uri": lspURI(cfg), "type": 2}}})
		c.waitDiags(from, draft, version, "no repeated-word", func(ds []lspDiag) bool { return !hasCode(ds, "repeated-word") })
	})

	t.Run("shutdown and exit", func(t *testing.T) {
		c := c.with(t)
		m := c.call("shutdown", nil, nil)
		if m.Error != nil || string(m.Result) != "null" {
			t.Errorf("shutdown = %s %v", m.Result, m.Error)
		}
		c.notify("exit", nil)
		select {
		case <-c.exitDone:
		case <-time.After(10 * time.Second):
			t.Fatal("the server did not exit")
		}
		if c.exitErr != nil {
			t.Errorf("exit after shutdown: %v, want status 0", c.exitErr)
		}
	})
}

func TestLSPExitWithoutShutdown(t *testing.T) {
	dir := lspWorkspace(t)
	c := startLSP(t, dir)
	initLSP(t, c, dir, nil, nil)
	// A request before anything is open, and an unknown one.
	if m := c.call("textDocument/hover", map[string]any{}, nil); m.Error == nil || m.Error.Code != -32601 {
		t.Errorf("unknown method: %+v", m.Error)
	}
	c.notify("exit", nil)
	<-c.exitDone
	if c.exitErr == nil || !strings.Contains(c.exitErr.Error(), "exit status 1") {
		t.Errorf("exit without shutdown: %v, want status 1", c.exitErr)
	}
}

// TestLSPBrokenConfigAtStart: a config that does not load is said once,
// and the defaults serve until it is fixed.
func TestLSPBrokenConfigAtStart(t *testing.T) {
	dir := lspWorkspace(t)
	write(t, filepath.Join(dir, ".copydesk.yaml"), "version: 1\nrules:\n  repeated-word: sometimes\n")
	c := startLSP(t, dir)
	initLSP(t, c, dir, nil, nil)
	uri := lspURI(filepath.Join(dir, "news", "2025-03-16-draft.md"))
	from := c.mark()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "markdown", "version": 1, "text": lspDraft}})
	c.waitDiags(from, uri, 1, "findings under the defaults", func(ds []lspDiag) bool { return hasCode(ds, "repeated-word") })
	msgs := c.notesSince(0, "window/showMessage")
	if len(msgs) != 1 || !strings.Contains(string(msgs[0].Params), ".copydesk.yaml") || !strings.Contains(string(msgs[0].Params), "default settings") {
		t.Errorf("want one message naming the file, got %d: %v", len(msgs), msgs)
	}
}
