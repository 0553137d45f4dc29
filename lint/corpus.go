package lint

import (
	"fmt"
	"runtime/debug"
	"sync"

	"github.com/copydesk/copydesk/document"
)

// A CorpusCheck makes a rule a corpus rule, one that judges the documents
// together (links between articles, names across the archive). Make one
// with Corpus or CorpusFacts; the driver calls its methods.
type CorpusCheck struct {
	collect func(*Pass) any // nil: the rule needs the summaries only
	check   func(*CorpusPass, []any)
	// encode and decode store a fact as bytes (FactCodec); nil when the
	// rule has none.
	encode func(any) ([]byte, bool)
	decode func([]byte) (any, error)
}

// FactCodec lets a driver keep c's facts between processes (the command's
// cache of the archive's files): encode turns a fact into bytes, decode
// gives it back, equal in what check reads of it, or fails on bytes
// encode did not make. F is the rule's fact type, as in CorpusFacts; a
// fact of another type is not stored. Facts of a document read as context
// only (Pass.Context) are the ones kept, so they must carry no text. A
// decoded fact may share the bytes' memory: the driver never changes them.
func FactCodec[F any](c *CorpusCheck, encode func(F) []byte, decode func([]byte) (F, error)) *CorpusCheck {
	c.encode = func(a any) ([]byte, bool) {
		f, ok := a.(F)
		if !ok {
			return nil, false
		}
		return encode(f), true
	}
	c.decode = func(b []byte) (any, error) { return decode(b) }
	return c
}

// Storable reports whether the rule's facts can be kept as bytes: it
// collects none, or it has a FactCodec.
func (c *CorpusCheck) Storable() bool { return c.collect == nil || c.encode != nil }

// EncodeFact turns a fact Collect returned into bytes; false when the
// rule has no codec or the fact is not of its type.
func (c *CorpusCheck) EncodeFact(f any) ([]byte, bool) {
	if c.encode == nil {
		return nil, false
	}
	return c.encode(f)
}

// DecodeFact gives back a fact from what EncodeFact made; it may share
// b's memory, which must not change again.
func (c *CorpusCheck) DecodeFact(b []byte) (any, error) {
	if c.decode == nil {
		return nil, fmt.Errorf("the rule's facts cannot be stored")
	}
	return c.decode(b)
}

// Corpus makes a corpus rule that needs nothing of a document beyond its
// summary (path, title, navigation, links, dates).
func Corpus(check func(pass *CorpusPass)) *CorpusCheck {
	return &CorpusCheck{check: func(p *CorpusPass, _ []any) { check(p) }}
}

// CorpusFacts makes a corpus rule in two phases. collect runs on each
// document while its tokens exist, in parallel, and returns what check
// will need of it (mined names, whether the page has a date); the
// document's tokens are not kept. check runs once over the corpus with
// facts[i] from pass.Summaries[i], the zero F where collect did not run (a
// file whose encoding could not be read).
//
// F is the rule's own type, so neither phase converts anything: the
// driver keeps each document's fact under the rule that made it.
func CorpusFacts[F any](collect func(pass *Pass) F, check func(pass *CorpusPass, facts []F)) *CorpusCheck {
	return &CorpusCheck{
		collect: func(p *Pass) any { return collect(p) },
		check: func(p *CorpusPass, facts []any) {
			typed := make([]F, len(facts))
			for i, f := range facts {
				// Only collect, returning an F, filled this slot.
				typed[i], _ = f.(F)
			}
			check(p, typed)
		},
	}
}

// Collects reports whether the rule has a per-document phase.
func (c *CorpusCheck) Collects() bool { return c.collect != nil }

// Collect runs the per-document phase, for drivers: what it returns goes,
// unchanged, into Check's facts.
func (c *CorpusCheck) Collect(pass *Pass) any {
	if c.collect == nil {
		return nil
	}
	return c.collect(pass)
}

// Check runs the corpus phase, for drivers: facts[i] is what Collect
// returned for pass.Summaries[i], or nil.
func (c *CorpusCheck) Check(pass *CorpusPass, facts []any) { c.check(pass, facts) }

// Values holds work that rules share beyond one document (ProjectValue,
// ArchiveValue), each built the first time a rule asks for it, once,
// while the other rules asking wait. The driver owns one for each
// lifetime: the engine one for what depends on the configuration, each
// corpus run one for what depends on the articles. That ownership, not a
// cache in the rule's package, is what keeps two engines in one process
// (two configurations, tests side by side) from seeing each other's work.
//
// The zero Values is empty and ready; a Values is safe for concurrent use
// and must not be copied. A nil *Values keeps nothing: each request
// builds anew (lint.Check, which has no driver).
type Values struct {
	mu    sync.Mutex
	slots map[any]*slot
}

type slot struct {
	once sync.Once
	v    any
	// failed is what build panicked with, raised again for every rule
	// that asks, so that each of them fails naming itself instead of
	// reading a zero value.
	failed any
}

func (vs *Values) get(key any, name string, build func() any) any {
	if vs == nil {
		return build()
	}
	vs.mu.Lock()
	if vs.slots == nil {
		vs.slots = map[any]*slot{}
	}
	s := vs.slots[key]
	if s == nil {
		s = &slot{}
		vs.slots[key] = s
	}
	vs.mu.Unlock()
	s.once.Do(func() {
		defer func() {
			if p := recover(); p != nil {
				s.failed = fmt.Sprintf("building the %s: %v\n%s", name, p, debug.Stack())
			}
		}()
		s.v = build()
	})
	if s.failed != nil {
		panic(s.failed)
	}
	return s.v
}

// A ProjectValue is work that depends on the project configuration alone,
// such as the index of the names glossary. The engine builds it the first
// time a rule asks and hands the same value to every document of every
// run after, so the configuration must not change under a running engine.
// Declare one as a package variable: the variable is the value's name, and
// the engine keeps the value.
type ProjectValue[T any] struct {
	name  string
	build func(*Project) T
}

// NewProjectValue declares a value built from the project by build; name
// says what it is in the error when build fails ("names glossary index").
func NewProjectValue[T any](name string, build func(*Project) T) *ProjectValue[T] {
	return &ProjectValue[T]{name: name, build: build}
}

// Get returns the value for the pass's project.
func (v *ProjectValue[T]) Get(pass *Pass) T {
	t, _ := pass.Values.get(v, v.name, func() any { return v.build(pass.Project) }).(T)
	return t
}

// An ArchiveValue is work over every article of one corpus run, such as
// the index of the articles by path and title that the link rules share.
// The driver builds it the first time a rule of the run asks, and drops it
// with the run.
type ArchiveValue[T any] struct {
	name  string
	build func(*CorpusPass) T
}

// NewArchiveValue declares a value built from a run's summaries by build.
func NewArchiveValue[T any](name string, build func([]*document.Summary) T) *ArchiveValue[T] {
	return &ArchiveValue[T]{name: name, build: func(p *CorpusPass) T { return build(p.Summaries) }}
}

// NewRunValue declares an ArchiveValue that build makes from the run as
// a whole: the summaries, which of them are reported, the memos the driver
// keeps (Kept). build sees no rule, so that the value is the same
// whichever rule asks first.
func NewRunValue[T any](name string, build func(*CorpusPass) T) *ArchiveValue[T] {
	return &ArchiveValue[T]{name: name, build: build}
}

// Get returns the value for the pass's summaries.
func (v *ArchiveValue[T]) Get(pass *CorpusPass) T {
	t, _ := pass.Values.get(v, v.name, func() any {
		return v.build(&CorpusPass{Summaries: pass.Summaries, Project: pass.Project, Today: pass.Today,
			KnownFiles: pass.KnownFiles, Values: pass.Values, Reported: pass.Reported, Kept: pass.Kept})
	}).(T)
	return t
}

// A KeptValue is a corpus rule's memo from one run to the next over the
// same archive: the index behind a language server, re-linting the page
// being edited against every other article, keeps it for as long as it
// lives. The archive may change between runs, so what the value holds must
// check for itself that it still applies; the driver only keeps it. A
// driver that keeps nothing (a lint run) gives a new one to each run.
type KeptValue[T any] struct {
	name  string
	build func() T
}

// NewKeptValue declares a memo made empty by build.
func NewKeptValue[T any](name string, build func() T) *KeptValue[T] {
	return &KeptValue[T]{name: name, build: build}
}

// Get returns the memo the pass's driver keeps.
func (v *KeptValue[T]) Get(pass *CorpusPass) T {
	t, _ := pass.Kept.get(v, v.name, func() any { return v.build() }).(T)
	return t
}
