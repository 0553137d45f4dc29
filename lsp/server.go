// Package lsp is copydesk's language server: LSP 3.17 over a stream,
// diagnostics as the editor types, fixes as code actions, and the
// workspace folder as the archive the rules that compare articles read.
package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/lsp/jsonrpc"
	"github.com/copydesk/copydesk/report"
	"github.com/copydesk/copydesk/workspace"
)

// Options configure a server.
type Options struct {
	Name, Version string
	Registry      *lint.Registry
	// Styles loads the house styles the workspace's config names.
	Styles config.StyleLoader
	// Today is the date checks of future dates compare with; zero: now.
	Today time.Time
	// Debounce is how long typing must pause before the document's own
	// rules run again; CorpusDelay how long before the rules that compare
	// it with the archive do. Zero means the defaults; a client may set
	// both in initializationOptions (debounceMs, corpusDelayMs; 0 allowed).
	Debounce, CorpusDelay time.Duration
	// Log receives the server's own troubles (standard error).
	Log io.Writer
}

const (
	defaultDebounce    = 100 * time.Millisecond
	defaultCorpusDelay = 400 * time.Millisecond
)

// ErrExitWithoutShutdown is Run's error when the client sent exit before
// shutdown; the process should end with status 1.
var ErrExitWithoutShutdown = errors.New("exit without shutdown")

// Server is one session with one client.
type Server struct {
	opt  Options
	conn *jsonrpc.Conn

	mu          sync.Mutex
	enc         Encoding
	roots       []string
	progress    bool // the client shows $/progress
	dynWatch    bool // the client registers file watchers on request
	initialized bool
	shutdown    bool
	ws          *workspace.Workspace
	ready       bool   // ws's index is built
	gen         int    // workspace generation, to drop a stale build
	cfgErr      string // the last config error shown, so it is shown once
	docs        map[string]*buffer

	queue *queue
	done  chan struct{}
	// Published, when set, is called after each publishDiagnostics: tests
	// and benchmarks wait on it.
	published func(uri string, version int)
}

// document is an open editor buffer.
type buffer struct {
	uri, path string
	version   int
	src       []byte
	// diags are the findings shown, with offsets into shownSrc.
	diags    []lint.Diagnostic
	shownSrc []byte
	shownVer int
	// corpus holds the last findings of the rules that compare articles
	// (and unused-suppression, which depends on them), moved along with
	// edits since; the document pass shows them beside its own.
	corpus []lint.Diagnostic
	// edits made since the document was opened, for moving findings of a
	// pass that started on an older text; editBase counts dropped ones.
	edits    []byteEdit
	editBase int
	docTimer *time.Timer
	fullTmr  *time.Timer
}

// New returns a server writing to out.
func New(opt Options, out io.Writer) *Server {
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	if opt.Debounce == 0 {
		opt.Debounce = defaultDebounce
	}
	if opt.CorpusDelay == 0 {
		opt.CorpusDelay = defaultCorpusDelay
	}
	s := &Server{opt: opt, conn: jsonrpc.NewConn(out), docs: map[string]*buffer{}, done: make(chan struct{})}
	s.queue = newQueue()
	return s
}

// Run serves requests from in until exit or the end of the stream.
func (s *Server) Run(in io.Reader) error {
	go s.worker()
	defer close(s.done)
	r := bufio.NewReaderSize(in, 64<<10)
	for {
		m, err := jsonrpc.Read(r)
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		if m.Error != nil && m.Method == "" && len(m.ID) == 0 {
			// Unparseable JSON: answer with a parse error and go on.
			_ = s.conn.Reply(json.RawMessage("null"), nil, m.Error)
			continue
		}
		if m.IsResponse() {
			s.conn.Deliver(m)
			continue
		}
		if m.Method == "exit" {
			s.mu.Lock()
			down := s.shutdown
			s.mu.Unlock()
			if !down {
				return ErrExitWithoutShutdown
			}
			return nil
		}
		s.handle(m)
	}
}

func (s *Server) handle(m *jsonrpc.Message) {
	reply := func(result any, err error) {
		if m.IsRequest() {
			_ = s.conn.Reply(m.ID, result, err)
		}
	}
	defer func() {
		// A bug in a handler must cost one request, not the session.
		if p := recover(); p != nil {
			buf := make([]byte, 8<<10)
			buf = buf[:runtime.Stack(buf, false)]
			fmt.Fprintf(s.opt.Log, "copydesk lsp: internal error in %s: %v\n%s\n", m.Method, p, buf)
			reply(nil, &jsonrpc.Error{Code: jsonrpc.InternalError, Message: fmt.Sprintf("internal error: %v", p)})
		}
	}()
	s.mu.Lock()
	initialized, down := s.initialized, s.shutdown
	s.mu.Unlock()
	switch {
	case m.Method == "initialize":
	case !initialized:
		reply(nil, &jsonrpc.Error{Code: jsonrpc.ServerNotInitialized, Message: "the server is not initialized yet"})
		return
	case down:
		reply(nil, &jsonrpc.Error{Code: jsonrpc.InvalidRequest, Message: "the server is shutting down"})
		return
	}
	decode := func(v any) bool {
		if err := json.Unmarshal(m.Params, v); err != nil {
			reply(nil, &jsonrpc.Error{Code: jsonrpc.InvalidParams, Message: fmt.Sprintf("%s: %v", m.Method, err)})
			return false
		}
		return true
	}
	switch m.Method {
	case "initialize":
		var p InitializeParams
		if decode(&p) {
			reply(s.initialize(&p), nil)
		}
	case "initialized":
		go s.start()
	case "shutdown":
		s.mu.Lock()
		s.shutdown = true
		for _, d := range s.docs {
			d.stopTimers()
		}
		s.mu.Unlock()
		reply(nil, nil)
	case "textDocument/didOpen":
		var p DidOpenTextDocumentParams
		if decode(&p) {
			s.didOpen(&p)
		}
	case "textDocument/didChange":
		var p DidChangeTextDocumentParams
		if decode(&p) {
			s.didChange(&p)
		}
	case "textDocument/didSave":
		var p DidSaveTextDocumentParams
		if decode(&p) {
			s.didSave(&p)
		}
	case "textDocument/didClose":
		var p DidCloseTextDocumentParams
		if decode(&p) {
			s.didClose(&p)
		}
	case "textDocument/codeAction":
		var p CodeActionParams
		if decode(&p) {
			reply(s.codeAction(&p))
		}
	case "workspace/didChangeConfiguration":
		go s.reload()
	case "workspace/didChangeWatchedFiles":
		var p DidChangeWatchedFilesParams
		if decode(&p) {
			s.watched(&p)
		}
	case "$/cancelRequest", "$/setTrace", "workspace/didChangeWorkspaceFolders":
		// Requests are answered in order and quickly; nothing to cancel.
	default:
		if m.IsRequest() {
			reply(nil, &jsonrpc.Error{Code: jsonrpc.MethodNotFound, Message: "method not supported: " + m.Method})
		}
	}
}

func (s *Server) initialize(p *InitializeParams) *InitializeResult {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.enc = UTF16
	for _, e := range p.Capabilities.General.PositionEncodings {
		if e == "utf-8" {
			s.enc = UTF8
			break
		}
	}
	for _, f := range p.WorkspaceFolders {
		if dir, ok := uriPath(f.URI); ok {
			s.roots = append(s.roots, dir)
		}
	}
	if len(s.roots) == 0 && p.RootURI != nil {
		if dir, ok := uriPath(*p.RootURI); ok {
			s.roots = append(s.roots, dir)
		}
	}
	if len(s.roots) == 0 && p.RootPath != nil && *p.RootPath != "" {
		s.roots = append(s.roots, *p.RootPath)
	}
	s.progress = p.Capabilities.Window.WorkDoneProgress
	s.dynWatch = p.Capabilities.Workspace.DidChangeWatchedFiles.DynamicRegistration
	if len(p.InitializationOptions) > 0 {
		var o struct {
			DebounceMs    *int `json:"debounceMs"`
			CorpusDelayMs *int `json:"corpusDelayMs"`
		}
		if json.Unmarshal(p.InitializationOptions, &o) == nil {
			if o.DebounceMs != nil {
				s.opt.Debounce = time.Duration(max(0, *o.DebounceMs)) * time.Millisecond
			}
			if o.CorpusDelayMs != nil {
				s.opt.CorpusDelay = time.Duration(max(0, *o.CorpusDelayMs)) * time.Millisecond
			}
		}
	}
	s.initialized = true
	res := &InitializeResult{ServerInfo: ServerInfo{Name: s.opt.Name, Version: s.opt.Version}}
	res.Capabilities.PositionEncoding = s.enc.String()
	res.Capabilities.TextDocumentSync.OpenClose = true
	res.Capabilities.TextDocumentSync.Change = 2
	res.Capabilities.CodeActionProvider.CodeActionKinds = []string{KindQuickFix, KindFixAllOur}
	res.Capabilities.Workspace.WorkspaceFolders.Supported = true
	return res
}

// start follows initialized: watch the files, read the config, index the
// workspace in the background.
func (s *Server) start() {
	s.mu.Lock()
	dyn := s.dynWatch
	s.mu.Unlock()
	if dyn {
		// Every file, not only articles: links to images count as well.
		_, _ = s.conn.Call("client/registerCapability", map[string]any{"registrations": []Registration{{
			ID: "copydesk-watch", Method: "workspace/didChangeWatchedFiles",
			RegisterOptions: map[string]any{"watchers": []map[string]any{{"globPattern": "**/*"}}},
		}}})
	}
	s.reload()
}

// reload reads the configuration and indexes the workspace again, then
// re-lints the open documents. A config error is shown once, and the
// previous configuration (or the defaults) stays in force.
func (s *Server) reload() {
	s.mu.Lock()
	roots := s.roots
	prev := s.ws
	s.gen++
	gen := s.gen
	s.mu.Unlock()
	cfg, reg, err := workspace.LoadConfig(workspace.Options{Registry: s.opt.Registry, Styles: s.opt.Styles}, roots)
	if err != nil {
		keep := "the previous settings stay in force until it is fixed"
		if prev == nil {
			keep = "the default settings are used until it is fixed"
		}
		msg := fmt.Sprintf("copydesk: %v; %s", err, keep)
		s.mu.Lock()
		shown := s.cfgErr == msg
		s.cfgErr = msg
		s.mu.Unlock()
		if !shown {
			_ = s.conn.Notify("window/showMessage", ShowMessageParams{Type: MessageError, Message: msg})
		}
		if prev != nil {
			return
		}
		dir := "."
		if len(roots) > 0 {
			dir = roots[0]
		}
		cfg, reg = config.Default(dir), s.opt.Registry
	} else {
		s.mu.Lock()
		s.cfgErr = ""
		s.mu.Unlock()
	}
	ws, err := workspace.New(reg, cfg, roots, s.opt.Today)
	if err != nil {
		fmt.Fprintf(s.opt.Log, "copydesk lsp: %v\n", err)
		return
	}
	s.mu.Lock()
	s.ws, s.ready = ws, false
	for _, d := range s.docs {
		s.queue.push(d.uri, passDocument)
	}
	s.mu.Unlock()
	s.build(ws, gen)
}

// build indexes the workspace, reporting $/progress, then lints every
// open document against it.
func (s *Server) build(ws *workspace.Workspace, gen int) {
	token := fmt.Sprintf("copydesk-index-%d", gen)
	report := func(WorkDoneProgress) {}
	s.mu.Lock()
	progress := s.progress
	s.mu.Unlock()
	if progress {
		ch, err := s.conn.Call("window/workDoneProgress/create", map[string]string{"token": token})
		if err == nil {
			select {
			case r := <-ch:
				progress = r.Error == nil
			case <-time.After(5 * time.Second):
				progress = false
			case <-s.done:
				return
			}
		}
		if progress && err == nil {
			report = func(v WorkDoneProgress) { _ = s.conn.Notify("$/progress", ProgressParams{Token: token, Value: v}) }
		}
	}
	zero := 0
	report(WorkDoneProgress{Kind: "begin", Title: "copydesk: reading the archive", Percentage: &zero})
	last := time.Now()
	n, err := ws.Build(func(done, total int) {
		if time.Since(last) > 200*time.Millisecond || done == total {
			last = time.Now()
			pct := 100 * done / max(total, 1)
			report(WorkDoneProgress{Kind: "report", Message: fmt.Sprintf("%d of %d articles", done, total), Percentage: &pct})
		}
	})
	if err != nil {
		fmt.Fprintf(s.opt.Log, "copydesk lsp: %v\n", err)
	}
	report(WorkDoneProgress{Kind: "end", Message: fmt.Sprintf("%d articles indexed", n)})
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gen != gen {
		return
	}
	s.ready = true
	// Open buffers stand for their files in the index.
	for _, d := range s.docs {
		s.queue.push(d.uri, passFull)
	}
}

func (s *Server) didOpen(p *DidOpenTextDocumentParams) {
	path, ok := uriPath(p.TextDocument.URI)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d := &buffer{uri: p.TextDocument.URI, path: path, version: p.TextDocument.Version, src: []byte(p.TextDocument.Text)}
	s.docs[d.uri] = d
	// The new buffer may be what another open file links to or names.
	for _, o := range s.docs {
		s.queue.push(o.uri, passFull)
	}
}

func (s *Server) didChange(p *DidChangeTextDocumentParams) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return
	}
	for _, c := range p.ContentChanges {
		var e byteEdit
		d.src, e = applyChange(d.src, c, s.enc)
		d.edits = append(d.edits, e)
		d.corpus = shiftAll(d.corpus, e)
	}
	d.version = p.TextDocument.Version
	d.stopTimers()
	uri := d.uri
	d.docTimer = time.AfterFunc(s.opt.Debounce, func() { s.queue.push(uri, passDocument) })
	d.fullTmr = time.AfterFunc(s.opt.CorpusDelay, func() { s.queue.push(uri, passFull) })
}

func (d *buffer) stopTimers() {
	if d.docTimer != nil {
		d.docTimer.Stop()
	}
	if d.fullTmr != nil {
		d.fullTmr.Stop()
	}
}

func (s *Server) didSave(p *DidSaveTextDocumentParams) {
	path, ok := uriPath(p.TextDocument.URI)
	if !ok {
		return
	}
	if filepath.Base(path) == config.FileName {
		go s.reload()
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	// What one file says may change what the others are told (a title,
	// a link target, a name's count): every open file is checked again,
	// the saved one first, so that the others read its new text.
	for _, d := range s.docs {
		s.queue.push(d.uri, passFull)
	}
	s.queue.pushFirst(p.TextDocument.URI, passFull)
}

func (s *Server) didClose(p *DidCloseTextDocumentParams) {
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	delete(s.docs, p.TextDocument.URI)
	ws, ready := s.ws, s.ready
	s.mu.Unlock()
	if d == nil {
		return
	}
	d.stopTimers()
	_ = s.conn.Notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: d.uri, Diagnostics: []Diagnostic{}})
	// The file on disk stands for it in the archive again, if there is one.
	if ws != nil && ready {
		if _, err := os.Stat(d.path); err == nil && ws.IsArticle(d.path) {
			ws.Index.Add([]engine.Input{{Path: d.path}}, nil)
		} else {
			ws.Index.Remove(d.path)
		}
	}
	s.mu.Lock()
	for _, o := range s.docs {
		s.queue.push(o.uri, passFull)
	}
	s.mu.Unlock()
}

func (s *Server) watched(p *DidChangeWatchedFilesParams) {
	s.mu.Lock()
	ws, ready := s.ws, s.ready
	open := map[string]bool{}
	for _, d := range s.docs {
		open[d.path] = true
	}
	s.mu.Unlock()
	reload := false
	var add []engine.Input
	for _, c := range p.Changes {
		path, ok := uriPath(c.URI)
		if !ok {
			continue
		}
		if filepath.Base(path) == config.FileName {
			reload = true
			continue
		}
		if ws == nil || !ready {
			continue // the build that is running reads the disk anyway
		}
		switch {
		case c.Type == FileDeleted:
			if !open[path] {
				ws.Index.Remove(path)
			}
			ws.Index.SetKnown(filepath.ToSlash(path), false)
		case ws.IsArticle(path):
			if !open[path] { // an open buffer stands for its file
				add = append(add, engine.Input{Path: path})
			}
		default:
			ws.Index.SetKnown(filepath.ToSlash(path), true)
		}
	}
	if reload {
		go s.reload()
		return
	}
	if len(add) > 0 {
		ws.Index.Add(add, nil)
	}
	s.mu.Lock()
	for _, d := range s.docs {
		s.queue.push(d.uri, passFull)
	}
	s.mu.Unlock()
}

// uriPath returns the file path of a file: URI.
func uriPath(uri string) (string, bool) {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return "", false
	}
	p := u.Path
	if p == "" {
		return "", false
	}
	return filepath.Clean(filepath.FromSlash(p)), true
}

func severity(s lint.Severity) int {
	switch s {
	case lint.SeverityError:
		return SeverityError
	case lint.SeverityWarning:
		return SeverityWarning
	}
	return SeverityInformation
}

// toLSP converts findings on src to the protocol's diagnostics.
func toLSP(ds []lint.Diagnostic, src []byte, enc Encoding) []Diagnostic {
	l := newLines(src)
	out := make([]Diagnostic, 0, len(ds))
	for i := range ds {
		out = append(out, diagnostic(&ds[i], l, enc))
	}
	return out
}

func diagnostic(d *lint.Diagnostic, l *lines, enc Encoding) Diagnostic {
	return Diagnostic{
		Range:           Range{Start: l.position(d.Start, enc), End: l.position(d.End, enc)},
		Severity:        severity(d.Severity),
		Code:            d.Rule,
		CodeDescription: &CodeDescription{Href: report.RuleURL(d.Rule)},
		Source:          "copydesk",
		Message:         d.Message,
	}
}

func shiftAll(ds []lint.Diagnostic, e byteEdit) []lint.Diagnostic {
	out := ds[:0]
	for _, d := range ds {
		start, end, ok := e.shift(d.Start, d.End)
		if !ok {
			continue
		}
		if d.Fix != nil {
			fix := *d.Fix
			fix.Edits = make([]lint.Edit, 0, len(d.Fix.Edits))
			for _, ed := range d.Fix.Edits {
				a, b, ok := e.shift(ed.Start, ed.End)
				if !ok {
					fix.Edits = nil
					break
				}
				fix.Edits = append(fix.Edits, lint.Edit{Start: a, End: b, NewText: ed.NewText})
			}
			if fix.Edits == nil {
				d.Fix = nil
			} else {
				d.Fix = &fix
			}
		}
		d.Start, d.End = start, end
		out = append(out, d)
	}
	return out
}

// isExcluded: the config's exclude globs hold for open files too, as
// they do for files named on lint's command line.
func isExcluded(ws *workspace.Workspace, path string) bool {
	cfg := ws.Engine.Config
	return cfg.Excluded(cfg.Rel(path))
}
