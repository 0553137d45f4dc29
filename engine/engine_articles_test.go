package engine

import (
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/lint"
)

func TestEngineSkipsNonArticles(t *testing.T) {
	reg, err := lint.NewRegistry(append(lint.Builtin(), linkRule)...)
	if err != nil {
		t.Fatal(err)
	}
	inputs := []Input{
		{Path: "requirements.txt", Src: []byte("requests==2.31.0\n")},
		{Path: "pins.txt", Src: []byte("requests==2.31.0\nidna==3.6\n")},
		{Path: "a.txt", Src: []byte("Alpha\n\nThe body of the article.\n\n[next]:Nowhere\n")},
	}
	res := (&Engine{Registry: reg, Config: config.Default("."), SkipNonArticles: true}).Lint(inputs)
	if len(res.Files) != 1 || res.Files[0].Path != "a.txt" {
		t.Fatalf("files = %v, want only a.txt", res.Files)
	}
	if len(res.Skipped) != 2 || res.Skipped[0].Path != "pins.txt" || res.Skipped[1].Path != "requirements.txt" {
		t.Fatalf("skipped = %v, want pins.txt and requirements.txt", res.Skipped)
	}
	for _, f := range res.Skipped {
		if f.Skipped == "" || len(f.Diagnostics) > 0 {
			t.Errorf("%s: reason %q, diagnostics %v", f.Path, f.Skipped, f.Diagnostics)
		}
	}
}
