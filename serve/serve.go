// Package serve is copydesk's local web page and its JSON API: an editor
// pastes an article, sees the findings highlighted as they type, and
// applies fixes after reading the diff. The API is the one a CMS plugin
// calls: POST /api/check and POST /api/fix.
package serve

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/fixers"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/report"
	"github.com/copydesk/copydesk/workspace"
)

// MaxBody is the largest request body the API reads.
const MaxBody = 5 << 20

//go:embed static
var static embed.FS

// Server answers the page's and the API's requests.
type Server struct {
	ws    *workspace.Workspace
	tool  report.Tool
	ready atomic.Bool
	// hosts, when not nil, are the Host headers accepted: a page on
	// another site that resolves its own name to 127.0.0.1 (DNS
	// rebinding) must not read the archive through the browser.
	hosts map[string]bool
	cwd   string
}

// New returns a server over ws. Call SetReady once ws's index is built;
// until then checks run against the part of the archive read so far.
func New(ws *workspace.Workspace, tool report.Tool) *Server {
	cwd, _ := os.Getwd()
	return &Server{ws: ws, tool: tool, cwd: cwd}
}

// SetReady records that the archive is indexed.
func (s *Server) SetReady() { s.ready.Store(true) }

// AllowHosts limits the Host headers accepted to addr's host and port,
// with localhost for a loopback address.
func (s *Server) AllowHosts(addr string) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return
	}
	s.hosts = map[string]bool{net.JoinHostPort(host, port): true}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		for _, h := range []string{"localhost", "127.0.0.1", "::1"} {
			s.hosts[net.JoinHostPort(h, port)] = true
		}
	}
}

// Handler returns the HTTP handler.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	sub, _ := fs.Sub(static, "static")
	files := http.FileServerFS(sub)
	mux.Handle("GET /", files)
	mux.HandleFunc("POST /api/check", s.check)
	mux.HandleFunc("POST /api/fix", s.fix)
	mux.HandleFunc("GET /api/files", s.files)
	mux.HandleFunc("GET /api/file", s.file)
	mux.HandleFunc("GET /api/status", s.status)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.hosts != nil && !s.hosts[r.Host] {
			http.Error(w, "unknown host "+r.Host, http.StatusForbidden)
			return
		}
		h := w.Header()
		// The page loads nothing from anywhere else, and nobody frames it.
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		defer func() {
			if p := recover(); p != nil {
				fail(w, http.StatusInternalServerError, fmt.Sprintf("internal error: %v (please report it with the text)", p))
			}
		}()
		mux.ServeHTTP(w, r)
	})
}

// fail writes a one-line JSON error.
func fail(w http.ResponseWriter, code int, msg string) {
	msg = strings.ReplaceAll(msg, "\n", " ")
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	b, _ := json.Marshal(map[string]string{"error": msg})
	_, _ = w.Write(append(b, '\n'))
}

// request is the body of both API calls; check ignores unsafe, so that
// a plugin may send one object to both.
type request struct {
	Text     *string `json:"text"`
	Filename string  `json:"filename"`
	Unsafe   bool    `json:"unsafe"`
}

// DefaultFilename stands for a text sent without a name: Markdown.
const DefaultFilename = "untitled.md"

func (s *Server) read(w http.ResponseWriter, r *http.Request) (*request, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			fail(w, http.StatusBadRequest, fmt.Sprintf("the body is over the limit of %d MB", MaxBody>>20))
		} else {
			fail(w, http.StatusBadRequest, "cannot read the body: "+err.Error())
		}
		return nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	var req request
	if err := dec.Decode(&req); err != nil {
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &te):
			field := te.Field
			if field == "" {
				field = "the body"
			} else {
				field = strconv.Quote(field)
			}
			fail(w, http.StatusBadRequest, fmt.Sprintf("%s must be %s, not %s", field, jsonKind(te.Type.Kind().String()), jsonKind(te.Value)))
		case errors.Is(err, io.EOF):
			fail(w, http.StatusBadRequest, `the body is empty; send {"text": "...", "filename": "news/draft.md"}`)
		default:
			fail(w, http.StatusBadRequest, "the body is not valid JSON: "+err.Error())
		}
		return nil, false
	}
	if dec.More() {
		fail(w, http.StatusBadRequest, "the body holds more than one JSON value")
		return nil, false
	}
	if req.Text == nil {
		fail(w, http.StatusBadRequest, `"text" is missing`)
		return nil, false
	}
	if strings.TrimSpace(req.Filename) == "" {
		req.Filename = DefaultFilename
	}
	if strings.ContainsRune(req.Filename, 0) {
		fail(w, http.StatusBadRequest, `"filename" holds a NUL byte`)
		return nil, false
	}
	return &req, true
}

// jsonKind names a Go kind or a JSON value's type, with its article.
func jsonKind(kind string) string {
	switch kind {
	case "string", "ptr":
		return "a string"
	case "bool":
		return "a boolean"
	case "slice", "array":
		return "an array"
	case "map", "struct", "object":
		return "an object"
	case "number", "int", "int64", "float64":
		return "a number"
	}
	return kind
}

// input is the text as the archive's file it is named after: an absolute
// path, so that links and the config's globs resolve as for that file.
func (s *Server) input(req *request) engine.Input {
	p := filepath.FromSlash(req.Filename)
	if !filepath.IsAbs(p) {
		base := s.cwd
		if len(s.ws.Roots) > 0 {
			base = s.ws.Roots[0]
		}
		p = filepath.Join(base, p)
	}
	return engine.Input{Path: filepath.Clean(p), Src: []byte(*req.Text)}
}

// jsonReport renders f as `lint --format json` does, the file named as
// the request named it.
func (s *Server) jsonReport(f *engine.FileResult, name string) ([]byte, error) {
	g := *f
	g.Path = name
	g.Diagnostics = make([]lint.Diagnostic, len(f.Diagnostics))
	for i, d := range f.Diagnostics {
		d.Path = name
		g.Diagnostics[i] = d
	}
	rep := report.New(s.tool, &engine.Result{Files: []*engine.FileResult{&g}})
	rep.Rules = s.ws.Engine.Registry.Rules()
	var buf bytes.Buffer
	if err := (report.JSON{}).Format(&buf, rep); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (s *Server) check(w http.ResponseWriter, r *http.Request) {
	req, ok := s.read(w, r)
	if !ok {
		return
	}
	in := s.input(req)
	f := s.ws.Index.Lint(in)
	out, err := s.jsonReport(f, req.Filename)
	if err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(out)
}

// FixResponse is the body /api/fix answers with.
type FixResponse struct {
	Text      string          `json:"text"`
	Diff      string          `json:"diff"`
	Remaining json.RawMessage `json:"remaining"`
}

func (s *Server) fix(w http.ResponseWriter, r *http.Request) {
	req, ok := s.read(w, r)
	if !ok {
		return
	}
	in := s.input(req)
	fixed, remaining, err := s.ws.Fix(in, nil, req.Unsafe)
	if err != nil {
		// A text that is not UTF-8 or too large: the same one-line
		// error the lint command prints for such a file.
		fail(w, http.StatusBadRequest, err.Error())
		return
	}
	rep, err := s.jsonReport(remaining, req.Filename)
	if err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	var parsed struct {
		Diagnostics json.RawMessage `json:"diagnostics"`
	}
	if err := json.Unmarshal(rep, &parsed); err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	resp := FixResponse{Text: string(fixed), Remaining: parsed.Diagnostics}
	if !bytes.Equal(fixed, in.Src) {
		resp.Diff = fixers.Unified(req.Filename, in.Src, fixed)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(resp)
}

// rel shows an indexed path relative to the first root.
func (s *Server) rel(p string) string {
	for _, root := range s.ws.Roots {
		if r, err := filepath.Rel(root, p); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
	}
	return filepath.ToSlash(p)
}

func (s *Server) files(w http.ResponseWriter, r *http.Request) {
	paths := s.ws.Index.Paths()
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = s.rel(p)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(w).Encode(map[string]any{"files": out})
}

// file returns one of the archive's articles, and only those: the page
// opens a file from the corpus, never anything else on the disk.
func (s *Server) file(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("path")
	for _, p := range s.ws.Index.Paths() {
		if s.rel(p) != name {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			fail(w, http.StatusNotFound, "cannot read "+name+": "+err.Error())
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		_ = json.NewEncoder(w).Encode(map[string]string{"filename": name, "text": string(data)})
		return
	}
	fail(w, http.StatusNotFound, name+" is not an article of the archive")
}

func (s *Server) status(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(w).Encode(map[string]any{"ready": s.ready.Load(), "articles": s.ws.Index.Len(), "version": s.tool.Version})
}
