package lint

import (
	"errors"
	"fmt"
	"iter"
	"slices"

	"github.com/copydesk/copydesk/document"
)

// An Input is work that several rules do on one document, declared once
// so that the driver does it once a document: the house-style rules' single
// scan of the text for all their words, say. A rule lists the inputs it
// reads in Rule.Requires and reads each with Of, as a go/analysis analyzer
// lists Requires and reads Pass.ResultOf.
//
// An Input is a plain value, built once where the rules that read it are
// built: a package-level variable beside them, or a field of the set of
// rules it serves. What it computes is kept by the pass's DocInputs, never
// by the Input.
type Input[T any] struct {
	// Name says what the input is, for listings and errors: "house-style
	// matches".
	Name string
	// Build computes the input for one document. It sees the document and
	// the run (Doc, Project, Rel, Today, Values), not the rule that asked
	// first: the value must be the same whichever rule asks, so Rule,
	// Options and Sink are unset, and Build must not report.
	Build func(pass *Pass) T
	// Release, when set, gives back what a value holds (pooled memory) once
	// every rule of its document is done; no rule may keep the value.
	Release func(T)
}

// Of returns the input for the pass's document, built on first use and
// kept for the other rules of the document. Reading an input the rule does
// not list in Requires is a programming error, and panics.
func (in *Input[T]) Of(p *Pass) T {
	if p.Rule != nil && !slices.Contains(p.Rule.Requires, Requirement(in)) {
		panic(fmt.Sprintf("rule %s reads the input %q but does not list it in Requires", p.Rule.ID, in.Name))
	}
	if p.Inputs == nil {
		return in.build(p)
	}
	if v, ok := p.Inputs.built[in]; ok {
		return v.(T) // stored under in only by the line below: always a T
	}
	v := in.build(p)
	if p.Inputs.built == nil {
		p.Inputs.built = make(map[Requirement]any)
	}
	p.Inputs.built[in] = v
	return v
}

// build runs Build on a view of the pass without the rule, so that the
// value cannot depend on which rule asked first. The engine's Values are
// in the view: what Build keeps across documents (a pool) is the engine's.
func (in *Input[T]) build(p *Pass) T {
	return in.Build(&Pass{Doc: p.Doc, Project: p.Project, Rel: p.Rel, Today: p.Today, Inputs: p.Inputs, Values: p.Values})
}

func (in *Input[T]) release(v any) {
	if in.Release != nil {
		in.Release(v.(T))
	}
}

// InputName returns Name: a Requirement's name, whatever its type.
func (in *Input[T]) InputName() string { return in.Name }

func (in *Input[T]) check() error {
	switch {
	case in == nil:
		return errors.New("a nil input")
	case in.Name == "":
		return errors.New("an input without a name")
	case in.Build == nil:
		return fmt.Errorf("input %q has no Build", in.Name)
	}
	return nil
}

// A Requirement is an Input of any type, as Rule.Requires lists it.
type Requirement interface {
	InputName() string
	check() error
	release(v any)
}

// DocInputs holds the inputs built for one document. The driver makes one
// for each document and gives it to every pass over that document; the
// zero value holds none. Without one (lint.Check) each Of builds afresh.
type DocInputs struct {
	built map[Requirement]any
}

// Release gives back what the inputs built for the document hold, once
// every rule of the document is done (see Input.Release).
func (d *DocInputs) Release() {
	for in, v := range d.built {
		in.release(v)
	}
	clear(d.built)
}

// MayFind reports whether the rule may find something in block b: whether
// b has any of the facts in Rule.Needs, or always when it declares none.
// Blocks is the loop that asks it; a rule whose loop body appends to
// slices it keeps across blocks asks it itself, since the body of a range
// over Blocks is a closure and moves those slices to the heap.
func (p *Pass) MayFind(b *document.Block) bool {
	need := p.Rule.Needs
	return need == 0 || b.Facts&need != 0
}

// Blocks yields the document's blocks that may hold what the rule looks
// for, with their indexes: the blocks having any of the facts in
// Rule.Needs, or every block when the rule declares none. A document
// parsed without facts has every fact in every block, and yields them all,
// which is how the prefilter is tested.
func (p *Pass) Blocks() iter.Seq2[int, *document.Block] {
	return func(yield func(int, *document.Block) bool) {
		blocks := p.Doc.Blocks
		for i := range blocks {
			if b := &blocks[i]; p.MayFind(b) && !yield(i, b) {
				return
			}
		}
	}
}

// validateInputs checks what a rule declares it reads: facts only for a
// document rule, and only facts there are; inputs that can be built.
func validateInputs(r *Rule) error {
	var errs []error
	if r.Needs != 0 && r.Run == nil {
		errs = append(errs, errors.New("declares the block facts it Needs but has no Run to pass blocks to"))
	}
	if r.Needs&^document.KnownFacts != 0 {
		errs = append(errs, fmt.Errorf("declares that it Needs unknown block facts %#x", uint32(r.Needs&^document.KnownFacts)))
	}
	for i, in := range r.Requires {
		if in == nil {
			errs = append(errs, fmt.Errorf("its Requires[%d] is nil", i))
			continue
		}
		if err := in.check(); err != nil {
			errs = append(errs, fmt.Errorf("its Requires[%d]: %w", i, err))
		}
		if slices.Contains(r.Requires[:i], in) {
			errs = append(errs, fmt.Errorf("its Requires lists %q twice", in.InputName()))
		}
	}
	return errors.Join(errs...)
}
