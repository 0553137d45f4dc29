package engine_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/internal/corpusgen"
	"github.com/copydesk/copydesk/rules"
)

// TestLongDocuments lints an archive with every document parsed as a
// long one is (its tokens packed, a Markdown body in pieces): the
// findings, document and corpus rules' alike, are those of the run that
// reads none so. Two long articles are among the archive, so that their
// blocks are in many chunks, and the Markdown one in several pieces.
func TestLongDocuments(t *testing.T) {
	inputs := reportedArchive(t)
	for _, md := range []float64{0, 1} {
		name := map[float64]string{0: "long.txt", 1: "long.md"}[md]
		inputs = append(inputs, engine.Input{Path: "long/" + name, Src: corpusgen.Long(corpusgen.Options{Bytes: 3 << 20, Seed: 5, MarkdownShare: md, DefectRate: 3})})
	}
	lint := func(longFrom int) *engine.Result {
		e := &engine.Engine{Registry: rules.Registry(), Config: config.Default("."), Today: time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)}
		engine.LongFrom(e, longFrom)
		return e.Lint(inputs)
	}
	want, got := lint(0), lint(1)
	w, g := want.Diagnostics(), got.Diagnostics()
	if len(w) < 1000 {
		t.Fatalf("only %d findings: the archive is meant to have many", len(w))
	}
	if !reflect.DeepEqual(g, w) {
		t.Fatalf("%d findings with every document read as a long one, %d with none", len(g), len(w))
	}
	if !reflect.DeepEqual(got.Notes, want.Notes) || len(got.RunErrors)+len(want.RunErrors) > 0 {
		t.Fatalf("notes %q and errors %v read as long; %q and %v not", got.Notes, got.RunErrors, want.Notes, want.RunErrors)
	}
}
