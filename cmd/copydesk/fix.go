package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/fixers"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/progress"
	"github.com/copydesk/copydesk/report"
	"github.com/spf13/cobra"
)

// maxRounds bounds how many times the whole corpus is linted again after
// fixing. A round is needed when one file's fix enables another (a
// corrected name makes a link resolve, which then shows a wrong back
// link); a chain longer than this is reported rather than followed.
const maxRounds = 10

type fixFlags struct {
	commonFlags
	unsafe bool
	diff   bool
	check  bool
}

func newFixCmd(e *env) *cobra.Command {
	var f fixFlags
	cmd := &cobra.Command{
		Use:   "fix [PATH...]",
		Short: "Apply safe fixes (and unsafe ones with --unsafe), then report what is left",
		Example: "  copydesk fix --diff testdata/articles\n" +
			"  copydesk fix --unsafe news/\n" +
			"  cat draft.md | copydesk fix --stdin-filename news/draft.md - > fixed.md",
		RunE: func(cmd *cobra.Command, args []string) error { return runFix(e, &f, args) },
	}
	f.register(cmd)
	registerNoCache(cmd, &f.commonFlags)
	cmd.Flags().BoolVar(&f.unsafe, "unsafe", false, "also apply fixes that need a person's eye")
	cmd.Flags().BoolVar(&f.diff, "diff", false, "print a unified diff of the fixes and write nothing")
	cmd.Flags().BoolVar(&f.check, "check", false, "write nothing; exit 1 if any file would change or a problem would remain")
	return cmd
}

// fileStates remembers what each file looked like when first read, so
// that a file edited by someone else during the run is not overwritten.
// Later reads (the corpus is linted again after fixing) do not replace it.
type fileStates struct {
	mu sync.Mutex
	m  map[string]fixers.FileState
}

func (s *fileStates) read(path string) ([]byte, error) {
	data, st, err := fixers.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	if _, ok := s.m[path]; !ok {
		s.m[path] = st
	}
	s.mu.Unlock()
	return data, nil
}

func (s *fileStates) get(path string) fixers.FileState {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.m[path]
}

func runFix(e *env, f *fixFlags, _ []string) error {
	if f.diff && f.check {
		return &exitCode{code: exitError, err: errors.New("--diff and --check: choose one")}
	}
	fail, err := f.failSeverity()
	if err != nil {
		return &exitCode{code: exitError, err: err}
	}
	// Paths under different configs are fixed one config at a time, each
	// with its own project as the corpus, into one report (as lint does).
	groups, err := f.configGroups()
	if err != nil {
		return &exitCode{code: exitError, err: err}
	}
	w := &writer{}
	if !f.diff && !f.check && e.signals {
		defer w.watch(e)()
	}
	var (
		eng                      *engine.Engine
		res                      = &engine.Result{}
		out                      = e.stdout
		fixedProblems, nChanged  int
		failed, unsettled, probs bool
	)
	for _, group := range groups {
		f.args = group
		g, err := f.fixGroup(e, w, group)
		if err != nil {
			return err
		}
		if eng == nil {
			eng = g.eng
		}
		if g.out != e.stdout {
			out = g.out
		}
		res.Files = append(res.Files, g.res.Files...)
		res.Skipped = append(res.Skipped, g.res.Skipped...)
		res.Notes = append(res.Notes, g.res.Notes...)
		res.RunErrors = append(res.RunErrors, g.res.RunErrors...)
		fixedProblems += g.fixedProblems
		nChanged += g.changed
		failed = failed || g.failed
		unsettled = unsettled || g.unsettled
		probs = probs || g.problems
	}
	if len(groups) > 1 {
		sort.SliceStable(res.Files, func(i, j int) bool { return res.Files[i].Path < res.Files[j].Path })
		sort.SliceStable(res.Skipped, func(i, j int) bool { return res.Skipped[i].Path < res.Skipped[j].Path })
	}
	if printRunErrors(e, res) {
		failed = true
	}
	rep := newReport(eng, res)
	if err := (report.Text{Color: e.color && out == e.stdout}).Format(out, rep); err != nil {
		return &exitCode{code: exitError, err: fmt.Errorf("write report: %w", err)}
	}
	verb := "Fixed"
	if f.diff || f.check {
		verb = "Would fix"
	}
	left := len(rep.Diagnostics)
	fmt.Fprintf(out, "%s %s in %s; %d left.\n", verb, count(fixedProblems, "problem"), count(nChanged, "file"), left)
	if probs || failed || len(rep.Failed) > 0 {
		return &exitCode{code: exitError}
	}
	if (f.diff || f.check) && fixedProblems > 0 || unsettled {
		return &exitCode{code: exitProblems}
	}
	return exitFor(rep, fail, false)
}

// fixedGroup is what fixing the paths under one config did.
type fixedGroup struct {
	eng           *engine.Engine
	res           *engine.Result
	out           io.Writer // where the report goes: stdout, or stderr when stdout carries a diff or text
	fixedProblems int
	changed       int
	failed        bool // a fix loop or a write failed
	unsettled     bool
	problems      bool // a path could not be read
}

// fixGroup fixes the paths of one config group: they share one engine,
// and the group's project is their corpus. Diffs, --check lines and text
// from standard input are printed as it goes; the report is the caller's.
func (f *fixFlags) fixGroup(e *env, w *writer, args []string) (*fixedGroup, error) {
	eng, err := f.setup()
	if err != nil {
		return nil, &exitCode{code: exitError, err: err}
	}
	if e.workers > 0 {
		eng.Workers = e.workers
	}
	if eng.Today.IsZero() {
		// One "today" for the whole run: the corpus is linted again after
		// fixing, reusing what the first lint found in unfixed files.
		eng.Today = time.Now()
	}
	states := &fileStates{m: map[string]fixers.FileState{}}
	eng.ReadFile = states.read
	inputs, problems, err := f.inputs(e, eng, args)
	if err != nil {
		return nil, &exitCode{code: exitError, err: err}
	}
	for _, p := range problems {
		fmt.Fprintf(e.stderr, "copydesk: %s: %s\n", report.Printable(p.Path), report.Printable(p.Message))
	}
	inputs, dups := oneNamePerFile(inputs)
	stdinPaths := map[string]bool{}
	for _, in := range inputs {
		if in.Src != nil {
			stdinPaths[in.Path] = true
		}
	}
	for _, d := range dups {
		fmt.Fprintf(e.stderr, "copydesk: %s: the same file as %s; fixed once, as %s\n", report.Printable(d[0]), report.Printable(d[1]), report.Printable(d[1]))
	}
	// With --diff, stdout carries the diff; with standard input, the text.
	out := e.stdout
	if f.diff || hasStdin(inputs) {
		out = e.stderr
	}

	want := func(d lint.Diagnostic) bool {
		return d.Fix != nil && (d.Fix.Applicability == lint.Safe || f.unsafe)
	}
	// Only the first lint reads the archive from disk; the rounds after it
	// reuse what it read (engine.Checked).
	cache := f.contextCache(e, eng, inputs)
	run := settle(e, eng, inputs, want)

	changed := run.changed()
	fixedProblems := 0
	for _, p := range changed {
		fixedProblems += run.applied[p]
	}
	failed := len(run.loopErrs) > 0
	for _, p := range run.unsettled {
		fmt.Fprintf(e.stderr, "copydesk: %s: fixes did not settle after %d rounds; the text as far as it got is kept, and the fixes still due are reported below\n", report.Printable(p), maxRounds)
	}
	res := run.res
	switch {
	case f.diff:
		for _, p := range changed {
			if err := fixers.WriteUnified(e.stdout, p, run.orig[p], run.text[p]); err != nil {
				return nil, &exitCode{code: exitError, err: fmt.Errorf("write standard output: %w", err)}
			}
		}
	case f.check:
		for _, p := range changed {
			fmt.Fprintf(out, "would fix %s in %s\n", count(run.applied[p], "problem"), p)
		}
	default:
		// Text on standard input goes back whole, fixed or not: `copydesk
		// fix - < a > b` never leaves b empty.
		var files []string
		for _, p := range changed {
			if !stdinPaths[p] {
				files = append(files, p)
			}
		}
		for _, in := range inputs {
			if in.Src == nil {
				continue
			}
			text := in.Src
			if t, ok := run.text[in.Path]; ok {
				text = t
			}
			if _, err := e.stdout.Write(text); err != nil {
				return nil, &exitCode{code: exitError, err: fmt.Errorf("write standard output: %w", err)}
			}
		}
		writeFailed := w.writeAll(e, files, run.text, states)
		if len(writeFailed) > 0 {
			failed = true
			// What lint would now say about the files left as they were.
			for p := range writeFailed {
				delete(run.text, p)
			}
			res = lintLabeled(e, eng, withTexts(inputs, run.text, nil), "linting")
		}
		for p := range writeFailed {
			fixedProblems -= run.applied[p]
		}
		changed = slices.DeleteFunc(changed, func(p string) bool { return writeFailed[p] })
	}
	for _, fr := range res.Files {
		if err, ok := run.loopErrs[fr.Path]; ok {
			fr.Err = errors.Join(fr.Err, fmt.Errorf("fix: %w", err))
		}
	}
	cache.Done(!failed && runSucceeded(res, len(problems)))
	return &fixedGroup{eng: eng, res: res, out: out, fixedProblems: fixedProblems, changed: len(changed),
		failed: failed, unsettled: len(run.unsettled) > 0, problems: len(problems) > 0}, nil
}

// fixRun is the outcome of settle: the corpus as lint would see it after
// every fix, and the fixed texts.
type fixRun struct {
	res       *engine.Result
	orig      map[string][]byte // text as read, for each file fixed
	text      map[string][]byte // fixed text
	applied   map[string]int    // fixes applied over all rounds
	loopErrs  map[string]error  // files whose fix loop failed; not fixed
	unsettled []string          // files that still had fixes due after maxRounds
}

// changed lists the files whose text differs from what was read, sorted.
func (r *fixRun) changed() []string {
	var out []string
	for p, t := range r.text {
		if !bytes.Equal(t, r.orig[p]) {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// settle fixes every reported file until nothing changes, the checks across
// articles included: each round runs every file's fix loop (document rules
// relinted after each pass) on the corpus as the previous round left it,
// then lints the whole corpus again, so that what one file's fix enables in
// another is fixed in the same run, and the final result is exactly what
// lint would report on the fixed files. Nothing is written here.
//
// Linting the corpus again costs little: each file's text and what the
// document rules found in it are kept from the previous lint (for a file
// no fix touched) or from its fix loop's last pass (for a fixed one), so
// only the corpus rules and the filters run again.
func settle(e *env, eng *engine.Engine, inputs []engine.Input, want func(lint.Diagnostic) bool) *fixRun {
	run := &fixRun{
		orig: map[string][]byte{}, text: map[string][]byte{},
		applied: map[string]int{}, loopErrs: map[string]error{},
	}
	kept := make([]*engine.Checked, len(inputs)) // by input, as the latest lint left it
	eng.Checked = func(i int, c *engine.Checked) { kept[i] = c }
	defer func() { eng.Checked = nil }()
	run.res = lintAll(e, eng, inputs)
	cfgPath := map[string]string{}
	index := map[string]int{}
	for i, in := range inputs {
		cfgPath[in.Path] = in.ConfigPath
		index[in.Path] = i
	}
	for round := 1; ; round++ {
		var todo []*engine.FileResult
		for _, fr := range run.res.Files {
			if fr.Summary != nil && fr.Err == nil && run.loopErrs[fr.Path] == nil && anyWanted(fr.Diagnostics, want) {
				todo = append(todo, fr)
			}
		}
		results := make([]fixers.Result, len(todo))
		errs := make([]error, len(todo))
		// The text as in the file: a CR-only file keeps its line endings.
		srcs := make([][]byte, len(todo))
		var meter *progress.Meter
		if e.progress && len(todo) > 0 {
			meter = progress.New(e.stderr, "fixing")
		}
		parallel(len(todo), e.workers, func(i int) {
			fr := todo[i]
			relint := func(src []byte) ([]lint.Diagnostic, error) {
				// What was kept is for the text before this pass: let it
				// go before the new one is read (a long file's text is
				// most of what the loop holds). The corpus's next lint
				// reads the file afresh if nothing replaces it.
				kept[index[fr.Path]] = nil
				ds, c, err := eng.LintSourceChecked(engine.Input{Path: fr.Path, Src: src, ConfigPath: cfgPath[fr.Path]})
				if c != nil {
					// The last pass's is the fixed text's; what was kept
					// for the text before can go (Lint compares texts).
					kept[index[fr.Path]] = c
				}
				return ds, err
			}
			srcs[i] = fr.Summary.FileSrc()
			results[i], errs[i] = fixers.Loop(srcs[i], fr.Diagnostics, relint, want, fixers.DefaultMaxPasses)
		}, func(done int) {
			if meter != nil {
				meter.Update(done, len(todo))
			}
		})
		if meter != nil {
			meter.Finish()
		}
		var moved []string
		for i, fr := range todo {
			switch {
			case errs[i] != nil:
				run.loopErrs[fr.Path] = errs[i]
			case !bytes.Equal(results[i].Src, srcs[i]):
				moved = append(moved, fr.Path)
			}
		}
		if len(moved) == 0 {
			return run
		}
		if round > maxRounds {
			run.unsettled = moved
			return run
		}
		for i, fr := range todo {
			if errs[i] != nil || bytes.Equal(results[i].Src, srcs[i]) {
				continue
			}
			if _, ok := run.orig[fr.Path]; !ok {
				run.orig[fr.Path] = srcs[i]
			}
			run.text[fr.Path] = results[i].Src
			run.applied[fr.Path] += results[i].Applied
		}
		run.res = lintLabeled(e, eng, withTexts(inputs, run.text, kept), "checking the fixed corpus")
	}
}

// parallel calls fn(i) for i in [0, n) on as many goroutines as workers
// (GOMAXPROCS when 0), and done after each with the number finished.
func parallel(n, workers int, fn func(int), done func(int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var finished atomic.Int64
	parallelIDs(n, workers, func(i, _ int) {
		fn(i)
		done(int(finished.Add(1)))
	})
}

// parallelIDs calls fn(i, id) for i in [0, n) on at most workers
// goroutines, id being the goroutine's number, below workers.
func parallelIDs(n, workers int, fn func(i, id int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for id := range min(workers, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i, id)
			}
		}()
	}
	wg.Wait()
}

// withTexts returns inputs whose text comes from text where it has one,
// so that the engine lints the fixed corpus without anything written.
// Given what the previous lint found in each input (kept, by index; nil
// for none), a file is neither read nor checked again where its text is
// the same: the engine compares.
func withTexts(inputs []engine.Input, text map[string][]byte, kept []*engine.Checked) []engine.Input {
	out := make([]engine.Input, len(inputs))
	for i, in := range inputs {
		if t, ok := text[in.Path]; ok {
			in.Src = t
			if in.ConfigPath == "" {
				in.ConfigPath = in.Path
			}
		}
		if kept != nil && kept[i] != nil {
			if in.Src == nil {
				in.Src = kept[i].Src()
			}
			in.Checked = kept[i]
		}
		out[i] = in
	}
	return out
}

// lintLabeled is lintAll with its own progress label.
func lintLabeled(e *env, eng *engine.Engine, inputs []engine.Input, label string) *engine.Result {
	if !e.progress {
		return eng.Lint(inputs)
	}
	m := progress.New(e.stderr, label)
	eng.Progress = m.Update
	defer func() { eng.Progress = nil }()
	res := eng.Lint(inputs)
	m.Finish()
	return res
}

// writer writes the fixed files, several at a time, in chunks: each
// chunk's new texts are written to temporary files, synced together (one
// syncfs rather than one device flush a file, see fixers.SyncAll), then
// put in place. A signal waits for the files in hand to be finished (or
// abandoned whole, their temporary files removed) and then ends the run,
// saying how many files were written.
type writer struct {
	mu      sync.RWMutex // read-held by each step in progress; the signal handler takes it
	written atomic.Int64
	// dirs are the folders of the files written whose entries are not
	// yet synced, and the old versions not yet removed: each folder is
	// synced once, after the last write (or on a signal), rather than
	// after each file (see fixers.Dirs).
	dirs fixers.Dirs
	// pending are the files prepared and not yet placed, which a signal
	// abandons.
	pendMu  sync.Mutex
	pending map[*fixers.Pending]bool
}

// writeChunk is how many files are prepared before they are synced and
// placed: it bounds the temporary files a crash can leave and the files
// held open at once.
const writeChunk = 256

func (w *writer) hold(p *fixers.Pending, on bool) {
	w.pendMu.Lock()
	defer w.pendMu.Unlock()
	if w.pending == nil {
		w.pending = map[*fixers.Pending]bool{}
	}
	if on {
		w.pending[p] = true
	} else {
		delete(w.pending, p)
	}
}

// watch ends the process cleanly on SIGINT or SIGTERM; the returned
// function stops watching.
func (w *writer) watch(e *env) func() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig, ok := <-ch
		if !ok {
			return
		}
		w.mu.Lock() // waits for the writes in hand; never released, so no other starts
		if e.progress {
			fmt.Fprint(e.stderr, "\r\x1b[K")
		}
		w.pendMu.Lock()
		for p := range w.pending {
			p.Abandon()
		}
		w.pendMu.Unlock()
		failed := w.dirs.Sync() // what is said written is on disk
		for _, p := range slices.Sorted(maps.Keys(failed)) {
			fmt.Fprintf(e.stderr, "copydesk: %s\n", report.Printable(failed[p].Error()))
		}
		fmt.Fprintf(e.stderr, "copydesk: stopped by %s: %s written before the stop; every other file is as it was\n",
			sigName(sig), count(int(w.written.Load())-len(failed), "file"))
		code := 130
		if sig == syscall.SIGTERM {
			code = 143
		}
		os.Exit(code)
	}()
	return func() {
		signal.Stop(ch)
		close(ch)
	}
}

func sigName(s os.Signal) string {
	if s == syscall.SIGTERM {
		return "SIGTERM"
	}
	return "SIGINT"
}

// writeAll writes each changed file and returns those that could not be
// written; the reason for each is one line on stderr, in path order.
func (w *writer) writeAll(e *env, paths []string, text map[string][]byte, states *fileStates) map[string]bool {
	var meter *progress.Meter
	if e.progress {
		meter = progress.New(e.stderr, "writing")
	}
	errs := make([]error, len(paths))
	// One writer a core: nothing waits for the disk but the one sync a
	// chunk, so more writers than cores only take turns.
	workers := runtime.GOMAXPROCS(0)
	if e.workers > 0 {
		workers = e.workers
	}
	scratch := make([][]byte, workers)
	for i := range scratch {
		scratch[i] = make([]byte, 64<<10)
	}
	var done atomic.Int64
	order := byFolderInTurn(paths)
	var chunks [][]int
	for start := 0; start < len(order); start += writeChunk {
		chunks = append(chunks, order[start:min(start+writeChunk, len(order))])
	}
	prepare := func(chunk []int) []*fixers.Pending {
		pend := make([]*fixers.Pending, len(chunk))
		parallelIDs(len(chunk), workers, func(k, _ int) {
			i := chunk[k]
			w.mu.RLock()
			defer w.mu.RUnlock()
			p, err := fixers.Prepare(paths[i], text[paths[i]], states.get(paths[i]))
			if err != nil {
				errs[i] = err
				return
			}
			pend[k] = p
			w.hold(p, true)
		})
		return pend
	}
	syncAll := func(chunk []int, pend []*fixers.Pending) {
		w.mu.RLock()
		defer w.mu.RUnlock()
		for k, err := range fixers.SyncAll(pend) {
			if err != nil {
				pend[k].Abandon()
				w.hold(pend[k], false)
				errs[chunk[k]] = err
				pend[k] = nil
			}
		}
	}
	place := func(chunk []int, pend []*fixers.Pending) {
		parallelIDs(len(chunk), workers, func(k, id int) {
			i := chunk[k]
			if p := pend[k]; p != nil {
				w.mu.RLock()
				errs[i] = p.Place(fixers.Options{Dirs: &w.dirs, Scratch: scratch[id]})
				w.hold(p, false)
				if errs[i] == nil {
					w.written.Add(1)
				}
				w.mu.RUnlock()
			}
			if meter != nil {
				meter.Update(int(done.Add(1)), len(paths))
			}
		})
	}
	// A chunk syncs while the next is prepared: the cores are not idle
	// while the disk works.
	var next []*fixers.Pending
	if len(chunks) > 0 {
		next = prepare(chunks[0])
	}
	for c, chunk := range chunks {
		pend := next
		synced := make(chan struct{})
		go func() {
			defer close(synced)
			syncAll(chunk, pend)
		}()
		if c+1 < len(chunks) {
			next = prepare(chunks[c+1])
		}
		<-synced
		place(chunk, pend)
	}
	w.mu.RLock() // a signal now waits for the folders to be synced, and syncs none twice
	synced := w.dirs.Sync()
	for i, p := range paths {
		if err, ok := synced[p]; ok {
			errs[i] = err
			w.written.Add(-1)
		}
	}
	w.mu.RUnlock()
	if meter != nil {
		meter.Finish()
	}
	failed := map[string]bool{}
	for i, p := range paths {
		if errs[i] != nil {
			fmt.Fprintf(e.stderr, "copydesk: %s\n", report.Printable(errs[i].Error()))
			failed[p] = true
		}
	}
	return failed
}

// byFolderInTurn orders the indexes of paths one folder after another in
// turn, in path order within each folder: writers then work in different
// folders. Creating, swapping and removing a name takes its folder's lock,
// and writers waiting on the same folder's lock spin (a sorted list gave
// the eight writers one folder at a time: 3 % of a fix's CPU in the
// kernel's rwsem_spin_on_owner on the 20 MB corpus).
func byFolderInTurn(paths []string) []int {
	var folders [][]int
	at := map[string]int{}
	for i, p := range paths {
		dir := filepath.Dir(p)
		k, ok := at[dir]
		if !ok {
			k = len(folders)
			at[dir] = k
			folders = append(folders, nil)
		}
		folders[k] = append(folders[k], i)
	}
	order := make([]int, 0, len(paths))
	for len(order) < len(paths) {
		for k, f := range folders {
			if len(f) > 0 {
				order = append(order, f[0])
				folders[k] = f[1:]
			}
		}
	}
	return order
}

// oneNamePerFile drops inputs that name a file already named (through a
// symlink or a hard link), so that it is fixed once; it returns the
// dropped reported names with the name kept. Reported inputs win over
// corpus-only ones.
func oneNamePerFile(inputs []engine.Input) ([]engine.Input, [][2]string) {
	type id struct{ dev, ino uint64 }
	seen := map[id]string{}
	keep := make([]bool, len(inputs))
	var dups [][2]string
	for pass := range 2 {
		for i, in := range inputs {
			if in.CorpusOnly != (pass == 1) {
				continue
			}
			keep[i] = true
			if in.Src != nil {
				continue
			}
			info, err := os.Stat(in.Path)
			if err != nil {
				continue // the engine reports it
			}
			dev, ino, ok := fixers.Identity(info)
			if !ok {
				continue
			}
			k := id{dev, ino}
			if first, ok := seen[k]; ok {
				keep[i] = false
				if !in.CorpusOnly {
					dups = append(dups, [2]string{in.Path, first})
				}
				continue
			}
			seen[k] = in.Path
		}
	}
	out := inputs[:0:0]
	for i, in := range inputs {
		if keep[i] {
			out = append(out, in)
		}
	}
	return out, dups
}

func anyWanted(ds []lint.Diagnostic, want func(lint.Diagnostic) bool) bool {
	for _, d := range ds {
		if want(d) {
			return true
		}
	}
	return false
}

func hasStdin(inputs []engine.Input) bool {
	for _, in := range inputs {
		if in.Src != nil {
			return true
		}
	}
	return false
}

func count(n int, what string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", what)
	}
	return fmt.Sprintf("%d %ss", n, what)
}
