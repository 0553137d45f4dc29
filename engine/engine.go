package engine

import (
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
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
	settings   map[string]config.RuleSettings
	facts      []any // per corpus rule, in registry order
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

// Engine runs a rule registry under a configuration.
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
	// Keep says how much of each file the Result keeps; the zero value
	// keeps the summaries with their texts.
	Keep Keep
}

// Lint parses and checks every input in parallel, then runs the corpus
// rules over all of them, then filters and sorts.
func (e *Engine) Lint(inputs []Input) *Result {
	files := make([]*FileResult, len(inputs))
	workers := e.Workers
	if workers <= 0 {
		// Twice the processors: a worker waiting on a file read leaves its
		// processor to another; measured 80 → 104 MB/s on two cores.
		workers = 2 * runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(inputs))
	// Without corpus rules a file's findings are final when its worker is
	// done, and its text can go then rather than at the end of the run.
	early := e.Keep != KeepText && !e.corpusRuns()
	var wg sync.WaitGroup
	var done atomic.Int64
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				files[i] = e.lintInput(inputs[i], true)
				files[i].corpusOnly = inputs[i].CorpusOnly
				if f := files[i]; early && f.corpusOnly {
					f.Summary = nil // read for corpus rules, and none is on
				} else if early && f.Summary != nil {
					e.filter(f)
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
	notes := e.runCorpusRules(files)
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
			e.filter(f)
			e.release(f)
		}
		f.facts = nil
		out = append(out, f)
	}
	return &Result{Files: out, Skipped: skipped, Notes: notes}
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
	e.filter(f)
	return f.Diagnostics, nil
}

func (e *Engine) lintInput(in Input, collect bool) (f *FileResult) {
	f = &FileResult{Path: in.Path}
	cfgPath := in.ConfigPath
	if cfgPath == "" {
		cfgPath = in.Path
	}
	f.rel = e.Config.Rel(cfgPath)
	if e.SkipNonArticles {
		if f.Skipped = read.NotArticleFormat(cfgPath); f.Skipped == "" {
			f.Skipped = read.NotArticleName(cfgPath)
		}
		if f.Skipped != "" {
			return f
		}
	}
	src := in.Src
	if src == nil {
		var err error
		readFn := e.ReadFile
		if readFn == nil {
			readFn = func(p string) ([]byte, error) { return read.File(p, e.Config.FileSizeLimit()) }
		}
		src, err = readFn(in.Path)
		if err == nil && int64(len(src)) > e.Config.FileSizeLimit() {
			err = read.TooLarge(int64(len(src)), e.Config.FileSizeLimit())
		}
		if err != nil {
			f.Err = read.Explain(err)
			return f
		}
	}
	// The rest of the archive is read for the corpus rules only: no block
	// facts, which only the document rules use.
	doc, err := parse.WithFacts(in.Path, src, !in.CorpusOnly)
	if err != nil {
		f.settings = e.Config.Settings(e.Registry, f.rel)
		if s, ok := f.settings[lint.EncodingRule.ID]; ok && s.Severity != lint.SeverityOff && errors.Is(err, read.ErrEncoding) {
			sum, d := encodingDiagnostic(in.Path, src)
			f.Summary = sum
			f.Diagnostics = append(f.Diagnostics, d)
			if collect {
				f.facts = make([]any, e.corpusRules())
			}
			return f
		}
		f.Err = err
		return f
	}
	defer doc.Release()
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
	today := e.today() // once a file, not once a rule: time.Now showed in profiles
	var shared map[any]any
	for _, p := range doc.Problems {
		if in.CorpusOnly {
			break // reported only for the files linted
		}
		if r, ok := e.Registry.Lookup(p.Rule); ok {
			f.Diagnostics = append(f.Diagnostics, lint.Diagnostic{Path: in.Path, Rule: r.ID, Category: r.Category, Message: p.Message, Start: p.Span.Start, End: p.Span.End})
		}
	}
	for _, r := range e.Registry.Rules() {
		s := f.settings[r.ID]
		switch {
		case r.Run != nil:
			if s.Severity == lint.SeverityOff || in.CorpusOnly {
				continue
			}
			pass := &lint.Pass{Rule: r, Doc: doc, Options: s.Options, Project: &e.Config.Project, Rel: f.rel, Today: today, Sink: report, Store: &shared}
			if err := safeRun(r, in.Path, func() { r.Run(pass) }); err != nil {
				f.Err = errors.Join(f.Err, err)
			}
		case r.Check != nil && collect:
			var fact any
			if r.Collect != nil && !e.Config.OffEverywhere(r.ID) {
				pass := &lint.Pass{Rule: r, Doc: doc, Options: s.Options, Project: &e.Config.Project, Rel: f.rel, Today: today, Sink: report}
				if err := safeRun(r, in.Path, func() { fact = r.Collect(pass) }); err != nil {
					f.Err = errors.Join(f.Err, err)
				}
			}
			f.facts = append(f.facts, fact)
		}
	}
	return f
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

func (e *Engine) corpusRules() int {
	n := 0
	for _, r := range e.Registry.Rules() {
		if r.Check != nil {
			n++
		}
	}
	return n
}

func (e *Engine) runCorpusRules(files []*FileResult) []string {
	var sums []*document.Summary
	var owners []*FileResult
	for _, f := range files {
		if f.Summary != nil {
			sums = append(sums, f.Summary)
			owners = append(owners, f)
		}
	}
	byPath := make(map[string]*FileResult, len(owners))
	for _, f := range owners {
		byPath[f.Path] = f
	}
	// Corpus rules are independent of each other: they run side by side,
	// each into its own list, merged afterwards in registry order so that
	// the output does not depend on which finished first.
	var corpus []*lint.Rule
	for _, r := range e.Registry.Rules() {
		if r.Check != nil {
			corpus = append(corpus, r)
		}
	}
	// Facts are indexed by position among all corpus rules; rules that are
	// off everywhere are skipped below, keeping the positions.
	found := make([][]lint.Diagnostic, len(corpus))
	notes := make([][]string, len(corpus))
	errs := make([]error, len(corpus))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	today := e.today()
	for k, r := range corpus {
		if e.Config.OffEverywhere(r.ID) {
			continue
		}
		facts := make([]any, len(owners))
		for i, f := range owners {
			if k < len(f.facts) {
				facts[i] = f.facts[k]
			}
		}
		pass := &lint.CorpusPass{
			Rule: r, Summaries: sums, Facts: facts, Project: &e.Config.Project, Today: today, KnownFiles: e.KnownFiles,
			OptionsFor: func(path string) lint.Options {
				if f, ok := byPath[path]; ok {
					return f.settings[r.ID].Options
				}
				return r.Defaults()
			},
			Sink:     func(d lint.Diagnostic) { found[k] = append(found[k], d) },
			NoteSink: func(s string) { notes[k] = append(notes[k], r.ID+": "+s) },
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			errs[k] = safeRun(r, "the corpus", func() { r.Check(pass) })
		}()
	}
	wg.Wait()
	for k := range corpus {
		for _, d := range found[k] {
			if f, ok := byPath[d.Path]; ok {
				lint.GuardFix(f.Summary, &d)
				f.Diagnostics = append(f.Diagnostics, d)
			}
		}
		if errs[k] != nil && len(owners) > 0 {
			owners[0].Err = errors.Join(owners[0].Err, errs[k])
		}
	}
	var out []string
	for _, n := range notes {
		out = append(out, n...)
	}
	return out
}

// filter applies configured severities, ignore entries and suppression
// comments, reports unused and malformed suppressions, and sorts.
func (e *Engine) filter(f *FileResult) {
	out := f.Diagnostics[:0]
	for _, d := range f.Diagnostics {
		s, ok := f.settings[d.Rule]
		if !ok || s.Severity == lint.SeverityOff || e.Config.Ignored(d.Rule, f.rel) {
			continue
		}
		// A rule may mark a finding as a suggestion (SeverityInfo) below the
		// configured severity: a quoted example of the error itself.
		if d.Severity == lint.SeverityOff || d.Severity > s.Severity {
			d.Severity = s.Severity
		}
		out = append(out, d)
	}
	f.Diagnostics = e.suppress(f, out)
	sort.SliceStable(f.Diagnostics, func(i, j int) bool { return Less(&f.Diagnostics[i], &f.Diagnostics[j]) })
}

// Less orders diagnostics by path, offset, end, rule, then message.
func Less(a, b *lint.Diagnostic) bool {
	if a.Path != b.Path {
		return a.Path < b.Path
	}
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	if a.End != b.End {
		return a.End < b.End
	}
	if a.Rule != b.Rule {
		return a.Rule < b.Rule
	}
	return a.Message < b.Message
}

// suppress drops diagnostics covered by directives and adds findings
// about the directives themselves.
func (e *Engine) suppress(f *FileResult, ds []lint.Diagnostic) []lint.Diagnostic {
	dirs := f.Summary.Directives
	if len(dirs) == 0 {
		return ds
	}
	sum := f.Summary
	used := make([]bool, len(dirs))
	var extra []lint.Diagnostic
	add := func(rule string, sp document.Span, msg string) {
		s, ok := f.settings[rule]
		if !ok || s.Severity == lint.SeverityOff || e.Config.Ignored(rule, f.rel) {
			return
		}
		r, _ := e.Registry.Lookup(rule)
		extra = append(extra, lint.Diagnostic{Path: f.Path, Rule: rule, Category: r.Category, Severity: s.Severity, Message: msg, Start: sp.Start, End: sp.End})
	}
	// Regions: each disable opens a region per rule until a matching enable.
	type region struct {
		dir        int
		start, end int
	}
	var regions []region
	for i := range dirs {
		d := &dirs[i]
		for _, id := range d.Rules {
			if _, ok := e.Registry.Lookup(id); !ok {
				add("invalid-suppression", d.Span, fmt.Sprintf("%s names unknown rule %q", d.Kind, id))
			}
		}
		if d.Reason == "" && d.Kind != document.Enable {
			add("invalid-suppression", d.Span, fmt.Sprintf("%s has no reason; add one after \"--\", for example <!-- %s %s -- quoting the original title -->", d.Kind, d.Kind, firstOr(d.Rules, "RULE")))
		}
		switch d.Kind {
		case document.Disable:
			end := len(sum.Src)
			for j := i + 1; j < len(dirs); j++ {
				if dirs[j].Kind == document.Enable && sameRules(dirs[j].Rules, d.Rules) {
					end = dirs[j].Span.Start
					used[j] = true // an enable closing a region is always in use
					break
				}
			}
			regions = append(regions, region{i, d.Span.End, end})
		case document.Enable:
			opened := false
			for j := i - 1; j >= 0; j-- {
				if dirs[j].Kind == document.Disable && sameRules(dirs[j].Rules, d.Rules) {
					opened = true
					break
				}
			}
			if !opened {
				add("invalid-suppression", d.Span, "copydesk-enable without an earlier copydesk-disable for the same rules")
				used[i] = true
			}
		}
	}
	out := ds[:0]
	for _, dg := range ds {
		suppressed := false
		for i := range dirs {
			d := &dirs[i]
			if !d.Covers(dg.Rule) {
				continue
			}
			hit := false
			switch d.Kind {
			case document.DisableFile:
				hit = true
			case document.DisableNextLine:
				hit = sum.Line(dg.Start) == sum.Line(d.Span.End)+1
			}
			if hit {
				used[i] = true
				suppressed = true
			}
		}
		for _, rg := range regions {
			if dirs[rg.dir].Covers(dg.Rule) && dg.Start >= rg.start && dg.Start < rg.end {
				used[rg.dir] = true
				suppressed = true
			}
		}
		if !suppressed {
			out = append(out, dg)
		}
	}
	for i := range dirs {
		if !used[i] && dirs[i].Kind != document.Enable && !e.disabledAll(dirs[i].Rules) {
			add("unused-suppression", dirs[i].Span, fmt.Sprintf("%s %s matches no finding; remove it", dirs[i].Kind, firstOr(dirs[i].Rules, "(all rules)")))
		}
	}
	return append(out, extra...)
}

// disabledAll: every rule a directive names is turned off from the
// command line, so that it cannot match a finding and is not reported as
// unused (as ruff does for codes left out by --select).
func (e *Engine) disabledAll(ids []string) bool {
	if len(ids) == 0 || len(e.Config.Disabled) == 0 {
		return false
	}
	for _, id := range ids {
		if !e.Config.Disabled[id] {
			return false
		}
	}
	return true
}

func firstOr(ss []string, def string) string {
	if len(ss) == 0 {
		return def
	}
	if len(ss) == 1 {
		return ss[0]
	}
	return fmt.Sprint(ss)
}

func sameRules(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func (e *Engine) today() time.Time {
	if e.Today.IsZero() {
		return time.Now()
	}
	return e.Today
}
