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

// TestPackedTokens lints an archive with every document's tokens packed,
// as only a long one's are in a run: the findings, document and corpus
// rules' alike, are those of the run that packs none. Two long articles
// are among the archive, so that most of their blocks are in chunks of
// their own.
func TestPackedTokens(t *testing.T) {
	inputs := reportedArchive(t)
	for _, md := range []float64{0, 1} {
		name := map[float64]string{0: "long.txt", 1: "long.md"}[md]
		inputs = append(inputs, engine.Input{Path: "long/" + name, Src: corpusgen.Long(corpusgen.Options{Bytes: 3 << 20, Seed: 5, MarkdownShare: md, DefectRate: 3})})
	}
	lint := func(packFrom int) *engine.Result {
		e := &engine.Engine{Registry: rules.Registry(), Config: config.Default("."), Today: time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)}
		engine.PackFrom(e, packFrom)
		return e.Lint(inputs)
	}
	want, got := lint(0), lint(1)
	w, g := want.Diagnostics(), got.Diagnostics()
	if len(w) < 1000 {
		t.Fatalf("only %d findings: the archive is meant to have many", len(w))
	}
	if !reflect.DeepEqual(g, w) {
		t.Fatalf("%d findings with every document's tokens packed, %d with none packed", len(g), len(w))
	}
	if !reflect.DeepEqual(got.Notes, want.Notes) || len(got.RunErrors)+len(want.RunErrors) > 0 {
		t.Fatalf("notes %q and errors %v packed; %q and %v unpacked", got.Notes, got.RunErrors, want.Notes, want.RunErrors)
	}
}
