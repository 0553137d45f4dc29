package namevariant_test

import (
	"testing"
	"time"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/namevariant"
)

// `copydesk names` groups the rule's findings by what ParseMessage reads
// back from them: the spelling found and the glossary's name, for a listed
// variant and for a near miss alike.
func TestParseMessage(t *testing.T) {
	cfg := config.Default(".")
	cfg.Names = []lint.NameEntry{
		{Name: "Harbor City Museum of Science and Technology", Source: "names.yaml:1"},
		{Name: "Riverside Ferry Trust", Variants: []string{"River-side Ferry Trust"}},
	}
	src := linttest.InArticle("The Harbor City Museum of Sciences and Technology opens. The River-side Ferry Trust sails.")
	got := linttest.CorpusFindings(t, map[string]string{"a.txt": src}, cfg, time.Time{}, namevariant.Rule)["a.txt"]
	want := map[string]string{
		"Harbor City Museum of Sciences and Technology": "Harbor City Museum of Science and Technology",
		"River-side Ferry Trust":                        "Riverside Ferry Trust",
	}
	if len(got) != len(want) {
		t.Fatalf("findings: %v", got)
	}
	for _, d := range got {
		text, name, ok := namevariant.ParseMessage(d.Message)
		if !ok || text != src[d.Start:d.End] || want[text] != name {
			t.Errorf("%s\nread back %q %q %v", d.Message, text, name, ok)
		}
	}
	if _, _, ok := namevariant.ParseMessage(`doubled word "the"; remove the second one`); ok {
		t.Error("another rule's message read as a name")
	}
}
