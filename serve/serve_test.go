package serve

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/report"
	"github.com/copydesk/copydesk/rules"
	"github.com/copydesk/copydesk/workspace"
)

func testServer(t testing.TB) *httptest.Server {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "news"), 0o755); err != nil {
		t.Fatal(err)
	}
	article := "---\ntitle: Ferry timetable changes\ndate: 2025-05-04\n---\n\nThe Osterby Ferry Company publishes a new timetable.\n"
	if err := os.WriteFile(filepath.Join(dir, "news", "ferry.md"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	reg := rules.Registry()
	ws, err := workspace.New(reg, config.Default(dir), []string{dir}, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Build(nil); err != nil {
		t.Fatal(err)
	}
	s := New(ws, report.Tool{Name: "copydesk", Version: "test"})
	s.SetReady()
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	return srv
}

func post(t testing.TB, url, body string) (int, string) {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestAPI(t *testing.T) {
	srv := testServer(t)
	code, body := post(t, srv.URL+"/api/check", `{"text": "Ferry news\n\nDate: 2025-05-05\n\nThe the ferry sails.\n", "filename": "news/today.txt"}`)
	if code != 200 {
		t.Fatalf("check: %d %s", code, body)
	}
	var rep struct {
		Files       int `json:"files"`
		Diagnostics []struct {
			Path, Rule string
			Offset     int `json:"offset"`
		} `json:"diagnostics"`
		Summary struct {
			Fixable int `json:"fixable"`
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(body), &rep); err != nil {
		t.Fatalf("check: %v\n%s", err, body)
	}
	if rep.Files != 1 || len(rep.Diagnostics) != 1 || rep.Diagnostics[0].Rule != "repeated-word" || rep.Diagnostics[0].Path != "news/today.txt" || rep.Summary.Fixable != 1 {
		t.Errorf("check report: %s", body)
	}

	code, body = post(t, srv.URL+"/api/fix", `{"text": "Ferry news\n\nDate: 2025-05-05\n\nThe the ferry sails.The crew waves.\n", "filename": "news/today.txt", "unsafe": false}`)
	var fix struct {
		Text      string            `json:"text"`
		Diff      string            `json:"diff"`
		Remaining []json.RawMessage `json:"remaining"`
	}
	if code != 200 || json.Unmarshal([]byte(body), &fix) != nil {
		t.Fatalf("fix: %d %s", code, body)
	}
	if fix.Text != "Ferry news\n\nDate: 2025-05-05\n\nThe ferry sails.The crew waves.\n" || !strings.Contains(fix.Diff, "+The ferry sails.The crew waves.") || len(fix.Remaining) != 1 || !strings.Contains(string(fix.Remaining[0]), "missing-space-after-punctuation") {
		t.Errorf("fix: %s", body)
	}
	code, body = post(t, srv.URL+"/api/fix", `{"text": "Ferry news\n\nDate: 2025-05-05\n\nThe ferry sails.The crew waves.\n", "filename": "news/today.txt", "unsafe": true}`)
	if code != 200 || !strings.Contains(body, `sails. The crew waves.`) || !strings.Contains(body, `"remaining":[]`) {
		t.Errorf("unsafe fix: %d %s", code, body)
	}

	// Files of the archive, and nothing else.
	resp, err := http.Get(srv.URL + "/api/file?path=news/ferry.md")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("file: %v %v", resp, err)
	}
	resp.Body.Close()
	for _, p := range []string{"../../../etc/passwd", "/etc/passwd", "news/../news/ferry.md"} {
		resp, err := http.Get(srv.URL + "/api/file?path=" + p)
		if err != nil || resp.StatusCode != 404 {
			t.Errorf("file %s: %v %v", p, resp.StatusCode, err)
		}
		resp.Body.Close()
	}
}

func TestAPIErrors(t *testing.T) {
	srv := testServer(t)
	for _, c := range []struct{ body, want string }{
		{``, "empty"},
		{`{"text": `, "not valid JSON"},
		{`{"text": 5}`, `"text" must be a string, not a number`},
		{`{"text": "a", "unsafe": "yes"}`, `"unsafe" must be a boolean, not a string`},
		{`{"text": "a", "filename": ["a.md"]}`, `"filename" must be a string, not an array`},
		{`{"filename": "a.md"}`, `"text" is missing`},
		{`{"text": "a"} {"text": "b"}`, "more than one"},
		{`{"text": "a", "colour": 1}`, `unknown field "colour"`},
		{`[1, 2]`, "the body must be an object, not an array"},
		{`{"text": "\u0000\u0001\u0002binary"}`, ""},
		{`{"text": "` + strings.Repeat("a", MaxBody) + `"}`, "over the limit of 5 MB"},
	} {
		for _, api := range []string{"/api/check", "/api/fix"} {
			code, body := post(t, srv.URL+api, c.body)
			short := c.body[:min(len(c.body), 40)]
			if c.want == "" {
				if code >= 500 {
					t.Errorf("%s %q: %d %s", api, short, code, body)
				}
				continue
			}
			var e struct{ Error string }
			_ = json.Unmarshal([]byte(body), &e)
			if code != 400 || !strings.Contains(e.Error, c.want) || strings.Count(body, "\n") != 1 {
				t.Errorf("%s %q: %d %q, want 400 and one line with %q", api, short, code, body, c.want)
			}
		}
	}
	// Another site's name for 127.0.0.1 does not read the archive.
	s := New(nil, report.Tool{})
	s.AllowHosts("127.0.0.1:7777")
	req := httptest.NewRequest("GET", "/api/status", nil)
	req.Host = "attacker.example:7777"
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden {
		t.Errorf("foreign Host: %d", rec.Code)
	}
}

func TestPageIsEmbedded(t *testing.T) {
	srv := testServer(t)
	resp, err := http.Get(srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	for _, want := range []string{`id="editor"`, `data-action="fix-all"`, `src="app.js"`} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("page lacks %s", want)
		}
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("CSP = %q", csp)
	}
	// Nothing on the page loads from elsewhere.
	for _, f := range []string{"static/index.html", "static/app.js", "static/app.css"} {
		data, err := static.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(data, []byte("http://")) || bytes.Contains(data, []byte("https://")) || bytes.Contains(data, []byte("//cdn")) {
			t.Errorf("%s names an address elsewhere", f)
		}
	}
}

// FuzzAPI: whatever the body, the API answers 200 or 400, never a panic
// or an internal error.
func FuzzAPI(f *testing.F) {
	srv := testServer(f)
	f.Add(`{"text": "The the ferry.", "filename": "a.md"}`, true)
	f.Add(`{"text": "\ufeff---\ntitle: [\n---\n", "filename": "x.md", "unsafe": true}`, false)
	f.Fuzz(func(t *testing.T, body string, fix bool) {
		api := "/api/check"
		if fix {
			api = "/api/fix"
		}
		code, resp := post(t, srv.URL+api, body)
		if code != 200 && code != 400 {
			t.Fatalf("%s %q: %d %s", api, body, code, resp)
		}
	})
}
