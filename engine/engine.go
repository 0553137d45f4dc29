package engine

import (
	"cmp"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/filter"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
	"github.com/copydesk/copydesk/read"
)

// Input is one file to lint.
type Input struct {
	Path string // as shown to the user: as given, or relative to the current folder
	// Src holds the text when it does not come from Path (standard input);
	// nil means read Path.
	Src []byte
	// ConfigPath is the file's path used for config globs when it differs
	// from Path (standard input linted as if it were that file).
	ConfigPath string
	// CorpusOnly files are read for the corpus rules (titles, dates, links,
	// names) but not checked or reported themselves: the rest of the archive
	// when only changed files are linted.
	CorpusOnly bool
	// Checked is what an earlier run found in this file (see
	// Engine.Checked). Lint starts from it, skipping the read, the parse
	// and the document rules, when it was made from this path, config path
	// and Src (which must then be set), and ignores it otherwise.
	Checked *Checked
}

// FileResult is what linting one file produced.
type FileResult struct {
	Path string
	// Summary is nil when the file could not be read or parsed, and when
	// the engine let the text go (Engine.Keep): then Excerpt is set.
	Summary *document.Summary
	// Excerpt keeps the positions of the findings, and the lines they are
	// on if asked for, when the text was let go.
	Excerpt     *document.Excerpt
	Diagnostics []lint.Diagnostic
	Err         error
	// Skipped says why the file is not an article (a licence, a list of
	// package pins, a format copydesk does not read); such a file has no
	// findings and no Summary, and the corpus rules do not see it.
	Skipped string

	rel        string
	corpusOnly bool
	src        []byte // the text given, when not read from Path (Input.Src)
	settings   map[string]config.RuleSettings
	facts      []ruleFact // what the corpus rules collected of the file
}

// A ruleFact is what one corpus rule collected of one file.
type ruleFact struct {
	rule *lint.Rule
	fact any
}

// factOf returns what r collected of f, or nil.
func (f *FileResult) factOf(r *lint.Rule) any {
	for _, rf := range f.facts {
		if rf.rule == r {
			return rf.fact
		}
	}
	return nil
}

// CorpusOnly reports whether the file was read for the corpus rules only.
func (f *FileResult) CorpusOnly() bool { return f.corpusOnly }

// Result is a whole run, files in path order and diagnostics sorted by
// path, then offset, whatever the parallelism.
type Result struct {
	Files []*FileResult
	// Skipped are the inputs that are not articles, with the reason in
	// FileResult.Skipped, in path order; they are not in Files.
	Skipped []*FileResult
	// Notes are remarks of corpus rules about the whole run ("the archive
	// is undated"), for --verbose, in registry order.
	Notes []string
	// RunErrors are failures of the run as a whole rather than of one
	// file: a corpus rule that failed, named in the error. The other
	// rules' findings stand.
	RunErrors []error
}

// Diagnostics returns every diagnostic in output order.
func (r *Result) Diagnostics() []lint.Diagnostic {
	var out []lint.Diagnostic
	for _, f := range r.Files {
		out = append(out, f.Diagnostics...)
	}
	return out
}

// Errors returns the files that could not be linted.
func (r *Result) Errors() []*FileResult {
	var out []*FileResult
	for _, f := range r.Files {
		if f.Err != nil {
			out = append(out, f)
		}
	}
	return out
}

// Engine runs a rule registry under a configuration. Its Registry and
// Config must not change once it has run: what rules build from the
// configuration (lint.ProjectValue, the glossary's index) is kept for the
// engine's life. A new configuration takes a new Engine.
type Engine struct {
	Registry *lint.Registry
	Config   *config.Config
	// Workers is the number of files linted at once; 0 means twice GOMAXPROCS.
	Workers int
	// Today is the date checks of future dates compare with; zero means
	// the current date.
	Today time.Time
	// ReadFile reads an input; nil means a plain read of the file. The fix command
	// uses it to remember each file's state for a safe write.
	ReadFile func(path string) ([]byte, error)
	// KnownFiles lists the files (images, PDFs, articles) under the
	// folders the command walked, so that corpus rules can tell whether a
	// link's target exists without reading the file system; nil: unknown,
	// and such targets are not checked.
	KnownFiles *lint.KnownFiles
	// Progress, when set, is called after each input is read and checked,
	// with the number done so far and the total. Workers call it
	// concurrently, so it must be safe for concurrent use; done may arrive
	// out of order.
	Progress func(done, total int)
	// SkipNonArticles skips files that are not articles: well-known
	// project files (LICENSE.txt, requirements.txt), formats copydesk does
	// not read (.rst, .adoc) and plain text without a paragraph of prose.
	// The command sets it; callers linting snippets of text leave it off.
	SkipNonArticles bool
	// Filters is the chain every file's findings go through after the
	// rules; nil means filter.Default. The lint command adds its baseline.
	Filters filter.Chain

	// values holds what rules build from the configuration once for the
	// engine's life (lint.ProjectValue): the names glossary's index, for
	// every Lint, LintSource and Index run alike.
	values lint.Values
	// parsers holds *parse.Parser: each file's token buffer and Markdown
	// parsers go to the next file, which saves a third of the bytes a run
	// allocates. The engine owns them, so they die with it.
	parsers sync.Pool
	// Keep says how much of each file the Result keeps; the zero value
	// keeps the summaries with their texts.
	Keep Keep
	// dropContextText lets the text of each file read as context go once
	// it is parsed, as a summary read from a cache has none: tests set it
	// to show that the corpus rules need none. rereads counts the texts
	// read again for them.
	dropContextText bool
	rereads         atomic.Int64
	// longFrom is the size from which a document is parsed as a long
	// one, its tokens packed and a Markdown body in pieces
	// (parse.Parser.PackFrom, PiecesFrom); 0 is bigDocument and
	// piecesFrom. Tests lower it, to show that findings do not change.
	longFrom int
	// Cache, when set, gives what earlier runs read of the context files
	// and takes what this run reads of them; their text is let go once
	// they are parsed, as a cached file has none.
	Cache ContextCache
	// Checked, when set, is called by Lint with each input's index and its
	// Checked, as soon as the document rules are done with it, for every
	// input that was read and parsed. Given back in Input.Checked with the
	// same text, it spares a later Lint the work: fix lints the whole
	// corpus again after changing part of it. Workers call it concurrently.
	Checked func(i int, c *Checked)
}

// Lint parses and checks every input in parallel, then runs the corpus
// rules over all of them, then the filters.
func (e *Engine) Lint(inputs []Input) *Result {
	files := make([]*FileResult, len(inputs))
	workers := e.Workers
	if workers <= 0 {
		// Twice the processors: a worker waiting on a file read leaves its
		// processor to another.
		workers = 2 * runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(inputs))
	// Without corpus rules a file's findings are final when its worker is
	// done, and its text can go then rather than at the end of the run.
	early := e.Keep != KeepText && !e.corpusRuns()
	chain := e.filters()
	var wg sync.WaitGroup
	var done atomic.Int64
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				in := inputs[i]
				// A text given (a fixed file, standard input) is not the
				// file's on disk, which is what the cache keeps.
				useCache := in.CorpusOnly && e.Cache != nil && in.Src == nil
				cached := false
				c := in.Checked
				if files[i] = c.reuse(in); files[i] == nil {
					c = nil
					if useCache {
						if cf, ok := e.Cache.Get(in.Path); ok {
							files[i], cached = e.fromCache(in, cf), true
						}
					}
					if !cached {
						files[i] = e.lintInput(in, true)
					}
				}
				f := files[i]
				f.corpusOnly = in.CorpusOnly
				if c == nil && f.corpusOnly && f.Summary != nil && f.Summary.Src != nil && e.dropsContextText() {
					// Before Checked keeps the summary: a context file's
					// text goes whether or not a later Lint reuses it.
					f.Summary.Src = nil
					if !cached && useCache {
						if cf := toCache(f); cf != nil {
							e.Cache.Put(in.Path, cf)
						}
					}
				} else if c == nil && !cached && useCache && f.Skipped != "" {
					e.Cache.Put(in.Path, &ContextFile{Skipped: f.Skipped})
				}
				if e.Checked != nil {
					if c == nil {
						c = checked(in, f)
					}
					if c != nil {
						e.Checked(i, c)
					}
				}
				if f := files[i]; early && f.corpusOnly {
					f.Summary = nil // read for corpus rules, and none is on
				} else if early && f.Summary != nil {
					e.filter(f, chain)
					e.release(f)
				}
				if e.Progress != nil {
					e.Progress(int(done.Add(1)), len(inputs))
				}
			}
		}()
	}
	for i := range inputs {
		next <- i
	}
	close(next)
	wg.Wait()
	sort.SliceStable(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	corpusOnly := make([]bool, len(files))
	for i, f := range files {
		corpusOnly[i] = f.corpusOnly
	}
	notes, runErrs := e.runCorpusRules(files, nil)
	out := files[:0]
	var skipped []*FileResult
	for i, f := range files {
		if f.Skipped != "" {
			skipped = append(skipped, f)
			continue
		}
		if corpusOnly[i] {
			continue
		}
		if f.Summary != nil && !early {
			e.filter(f, chain)
			e.release(f)
		}
		f.facts = nil
		out = append(out, f)
	}
	return &Result{Files: out, Skipped: skipped, Notes: notes, RunErrors: runErrs}
}

// LintSource checks one text with the document rules only, filters
// applied: what the fix loop re-runs after each pass.
func (e *Engine) LintSource(in Input) ([]lint.Diagnostic, error) {
	f := e.lintInput(in, false)
	if f.Err != nil {
		return nil, f.Err
	}
	if f.Summary == nil {
		return nil, nil // skipped: not an article
	}
	e.filter(f, e.filters())
	return f.Diagnostics, nil
}

// LintSourceChecked is LintSource that also collects what the corpus
// rules need from the text (its diagnostics are what Lint finds in the
// file before the corpus rules run), and returns the Checked for a later
// Lint: the fix loop's last pass over a file spares the final Lint the work.
func (e *Engine) LintSourceChecked(in Input) ([]lint.Diagnostic, *Checked, error) {
	f := e.lintInput(in, true)
	if f.Err != nil {
		return nil, nil, f.Err
	}
	if f.Summary == nil {
		return nil, nil, nil // skipped: not an article
	}
	c := checked(in, f)
	e.filter(f, e.filters())
	return f.Diagnostics, c, nil
}

func (e *Engine) lintInput(in Input, collect bool) (f *FileResult) {
	f = &FileResult{Path: in.Path, src: in.Src}
	cfgPath := configPath(in)
	f.rel = e.Config.Rel(cfgPath)
	// byName: the file's name is a project file's (CHANGELOG.md); in
	// Markdown that is decided by its text, below.
	byName := ""
	if e.SkipNonArticles {
		if f.Skipped = read.NotArticleFormat(cfgPath); f.Skipped == "" {
			byName = read.NotArticleName(cfgPath)
			if document.FormatOf(cfgPath) != document.FormatMarkdown {
				f.Skipped = byName
			}
		}
		if f.Skipped != "" {
			return f
		}
	}
	src := in.Src
	if src == nil {
		var err error
		if src, err = e.read(in.Path); err != nil {
			f.Err = read.Explain(err)
			return f
		}
	}
	if byName != "" && !read.HasFrontMatter(src) {
		// A change log with front matter is a page of the site that
		// publishes it; one without is the repository's file.
		f.Skipped = byName
		return f
	}
	// The rest of the archive is read for the corpus rules only: no block
	// facts, which only the document rules use.
	p, _ := e.parsers.Get().(*parse.Parser)
	if p == nil {
		p = &parse.Parser{PlanFrom: planFrom, TreeDone: debug.FreeOSMemory,
			PackFrom: cmp.Or(e.longFrom, bigDocument), PiecesFrom: cmp.Or(e.longFrom, piecesFrom)}
	}
	defer e.parsers.Put(p)
	doc, err := p.Parse(in.Path, src, !in.CorpusOnly)
	if err != nil {
		f.settings = e.Config.Settings(e.Registry, f.rel)
		if s, ok := f.settings[lint.EncodingRule.ID]; ok && s.Severity != lint.SeverityOff && errors.Is(err, read.ErrEncoding) {
			sum, d := encodingDiagnostic(in.Path, src)
			f.Summary = sum
			f.Diagnostics = append(f.Diagnostics, d)
			return f
		}
		f.Err = err
		return f
	}
	if len(src) >= bigDocument {
		// Deferred before Recycle, so run after it: the tokens given back
		// (a very long document's are not kept) and what the rules left.
		defer runtime.GC()
	}
	defer p.Recycle(doc)
	if len(src) >= bigDocument {
		// What the parse left (a plain text's units, a Markdown plan) is
		// garbage now; collected here, it does not set how far the heap
		// may grow while the rules run (the collector lets it reach twice
		// what was live at its last cycle, which fell inside the parse).
		// The syntax tree of a long Markdown text went earlier, before
		// its tokens were made: the parser's TreeDone gives its memory
		// back to the system, as a collection alone would keep its pages
		// beside the tokens' new ones.
		runtime.GC()
	}
	// Judged once the text is known to be text: a binary file or one that
	// is not UTF-8 is reported as such, not skipped.
	if e.SkipNonArticles && document.FormatOf(cfgPath) == document.FormatText {
		if f.Skipped = read.NotArticleText(src); f.Skipped != "" {
			return f
		}
	}
	f.Summary = doc.Summary
	f.settings = e.Config.Settings(e.Registry, f.rel)
	report := func(d lint.Diagnostic) { f.Diagnostics = append(f.Diagnostics, d) }
	today := e.today()               // once a file, not once a rule: time.Now showed in profiles
	docInputs := new(lint.DocInputs) // built once a document for all its rules
	defer docInputs.Release()        // after the last rule: an input may hold pooled memory
	for _, p := range doc.Problems {
		if in.CorpusOnly {
			break // reported only for the files linted
		}
		if r, ok := e.Registry.Lookup(p.Rule); ok {
			f.Diagnostics = append(f.Diagnostics, lint.Diagnostic{Path: in.Path, Rule: r.ID, Category: r.Category, Message: p.Message, Start: p.Span.Start, End: p.Span.End})
		}
	}
	// One pass a document, its rule and options set for each rule in
	// turn: a rule uses its pass only while it runs (a pass a rule was
	// 7 MB of allocation on the 20 MB corpus).
	pass := &lint.Pass{Doc: doc, Project: &e.Config.Project, Rel: f.rel, Today: today, Sink: report, Inputs: docInputs, Values: &e.values, Context: in.CorpusOnly && e.dropsContextText()}
	var budget *gcBudget
	if len(src) >= bigDocument {
		budget = newGCBudget(int64(len(src)) / 4)
	}
	for _, r := range e.Registry.Rules() {
		budget.check()
		s := f.settings[r.ID]
		switch {
		case r.Run != nil:
			if s.Severity == lint.SeverityOff || in.CorpusOnly {
				continue
			}
			pass.Rule, pass.Options = r, s.Options
			if err := safeRun(r, in.Path, func() { r.Run(pass) }); err != nil {
				f.Err = errors.Join(f.Err, err)
			}
		case r.Corpus != nil && r.Corpus.Collects() && collect && !e.Config.OffEverywhere(r.ID):
			pass.Rule, pass.Options = r, s.Options
			var fact any
			if err := safeRun(r, in.Path, func() { fact = r.Corpus.Collect(pass) }); err != nil {
				f.Err = errors.Join(f.Err, err)
			}
			f.facts = append(f.facts, ruleFact{r, fact})
		}
	}
	return f
}

// bigDocument is the size from which a document's parse and rules are
// each followed by a collection: one cycle is nothing beside their work,
// and it keeps the peak memory near what is live rather than twice it.
// From it, too, the document's tokens are packed: each rule that reads
// them unpacks them again (on a 50 MB article 8 % more CPU), and they take
// 0.6 byte a byte of text instead of 2.8.
const bigDocument = 8 << 20

// piecesFrom is the size from which a Markdown body is parsed in pieces
// (parse.Parser.PiecesFrom), so that goldmark's tree of the whole never
// stands: from 64 KB, as a body of many tiny blocks has a tree of 200
// times its size (a piece is cut only past 1 MB or 16,384 blocks, so a
// body smaller than that is read whole, after a scan of its lines).
const piecesFrom = 64 << 10

// planFrom is the size from which a Markdown text's tokens are made after
// its syntax tree, whose memory is given back to the system in between
// (parse.Parser.PlanFrom, TreeDone). That costs a collection that sweeps
// the tree and its pages faulted in again for the rules, and pays where
// the tree sets the peak: on a 50 MB article 437 -> 345 MB for 7 % more
// CPU, on a 10 MB one 97 -> 92 MB for 13 % (interleaved runs, load 5-9).
const planFrom = 32 << 20

// A gcBudget collects, between the rules of a long document, once the
// process has allocated a set number of bytes since the last collection:
// the heap otherwise grows to twice what was live after the parse (the
// text and its tokens) before the collector runs, and the rules' garbage
// (grown arrays, working tables) set the peak. Each cycle is cheap beside
// the rules: the text, tokens and blocks hold no pointers to mark.
type gcBudget struct {
	every, last int64
	sample      []metrics.Sample
}

func newGCBudget(every int64) *gcBudget {
	b := &gcBudget{every: every, sample: []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}}
	b.last = b.allocated()
	return b
}

func (b *gcBudget) allocated() int64 {
	metrics.Read(b.sample)
	return int64(b.sample[0].Value.Uint64())
}

// check collects if the budget is spent; a nil budget never does.
func (b *gcBudget) check() {
	if b == nil {
		return
	}
	if b.allocated()-b.last >= b.every {
		runtime.GC()
		b.last = b.allocated()
	}
}

// dropsContextText: the text of each context file goes once it is
// parsed, so the corpus rules' facts must keep what they need of it.
func (e *Engine) dropsContextText() bool { return e.dropContextText || e.Cache != nil }

// read reads the file at path as an input.
func (e *Engine) read(path string) ([]byte, error) {
	readFn := e.ReadFile
	if readFn == nil {
		readFn = func(p string) ([]byte, error) { return read.File(p, e.Config.FileSizeLimit()) }
	}
	src, err := readFn(path)
	if err == nil && int64(len(src)) > e.Config.FileSizeLimit() {
		err = read.TooLarge(int64(len(src)), e.Config.FileSizeLimit())
	}
	return src, err
}

// text is f's text as its summary's offsets read it: the summary's, or,
// when it went (a context file), the file's read again. nil when the file
// cannot be read now.
func (e *Engine) text(f *FileResult) []byte {
	if f.Summary != nil && f.Summary.Src != nil {
		return f.Summary.Src
	}
	e.rereads.Add(1)
	src := f.src
	if src == nil {
		var err error
		if src, err = e.read(f.Path); err != nil {
			return nil
		}
	}
	return parse.Text(src)
}

// safeRun turns a rule's panic into an error naming the rule and file, so
// one bug does not lose the other files' results.
func safeRun(r *lint.Rule, path string, fn func()) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error: rule %s failed on %s: %v (please report this with the file)\n%s", r.ID, path, p, debug.Stack())
		}
	}()
	fn()
	return nil
}

// safeCheck is safeRun for a corpus rule, whose failure is the run's, not
// one file's.
func safeCheck(r *lint.Rule, fn func()) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error: rule %s failed checking the corpus: %v (please report this)\n%s", r.ID, p, debug.Stack())
		}
	}()
	fn()
	return nil
}

// runCorpusRules checks files (sorted by path) with the corpus rules and
// adds their findings to the files they name. It returns the rules' notes
// and their failures, both in registry order.
//
// kept holds the rules' KeptValues from one run to the next, nil for none.
func (e *Engine) runCorpusRules(files []*FileResult, kept *lint.Values) (notes []string, errs []error) {
	var sums []*document.Summary
	var owners []*FileResult
	for _, f := range files {
		if f.Summary != nil {
			sums = append(sums, f.Summary)
			owners = append(owners, f)
		}
	}
	byPath := make(map[string]*FileResult, len(owners))
	// The files read for the corpus rules only are context: their
	// findings would be dropped, and the rules skip the work of finding
	// them.
	var reported []bool
	for i, f := range owners {
		byPath[f.Path] = f
		if f.corpusOnly && reported == nil {
			reported = make([]bool, len(owners))
			for j := range i {
				reported[j] = true
			}
		}
		if reported != nil {
			reported[i] = !f.corpusOnly
		}
	}
	// Corpus rules are independent of each other: they run side by side,
	// each into its own list, merged afterwards in registry order so that
	// the output does not depend on which finished first.
	var corpus []*lint.Rule
	for _, r := range e.Registry.Rules() {
		if r.Corpus != nil && !e.Config.OffEverywhere(r.ID) {
			corpus = append(corpus, r)
		}
	}
	found := make([][]lint.Diagnostic, len(corpus))
	said := make([][]string, len(corpus))
	failed := make([]error, len(corpus))
	// What the rules share over these articles (the links rules' index of
	// them) lives as long as this run.
	run := &lint.Values{}
	keeper := e.archiveKeeper(owners)
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	today := e.today()
	for k, r := range corpus {
		facts := make([]any, len(owners))
		if r.Corpus.Collects() {
			for i, f := range owners {
				facts[i] = f.factOf(r)
			}
		}
		pass := &lint.CorpusPass{
			Rule: r, Summaries: sums, Project: &e.Config.Project, Today: today, KnownFiles: e.KnownFiles, Values: run, Reported: reported, Kept: kept,
			OptionsFor: func(path string) lint.Options {
				if f, ok := byPath[path]; ok {
					return f.settings[r.ID].Options
				}
				return lint.Options{} // the defaults
			},
			Sink:     func(d lint.Diagnostic) { found[k] = append(found[k], d) },
			NoteSink: func(s string) { said[k] = append(said[k], r.ID+": "+s) },
			Text:     func(i int) []byte { return e.text(owners[i]) },
		}
		if keeper != nil {
			pass.Stored = ruleStore{keeper, r.ID}
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			failed[k] = safeCheck(r, func() { r.Corpus.Check(pass, facts) })
		}()
	}
	wg.Wait()
	for k := range corpus {
		// A rule that failed half way keeps what it found before: the
		// findings are true, and the error says the list may be short.
		for _, d := range found[k] {
			if f, ok := byPath[d.Path]; ok && !f.corpusOnly {
				lint.GuardFix(f.Summary, &d)
				f.Diagnostics = append(f.Diagnostics, d)
			}
		}
		notes = append(notes, said[k]...)
		if failed[k] != nil {
			errs = append(errs, failed[k])
		}
	}
	return notes, errs
}

// filter passes a file's findings through the chain of filters.
func (e *Engine) filter(f *FileResult, chain filter.Chain) {
	ff := &filter.File{Path: f.Path, Rel: f.rel, Summary: f.Summary, Settings: f.settings, Failed: f.Err != nil}
	f.Diagnostics = chain.Run(ff, f.Diagnostics)
}

// filters is the chain the engine's findings go through.
func (e *Engine) filters() filter.Chain {
	if e.Filters != nil {
		return e.Filters
	}
	return filter.Default(e.Registry, e.Config)
}

func (e *Engine) today() time.Time {
	if e.Today.IsZero() {
		return time.Now()
	}
	return e.Today
}
