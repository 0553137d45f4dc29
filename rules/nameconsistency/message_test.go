package nameconsistency

import (
	"testing"

	"github.com/copydesk/copydesk/rules/internal/names"
)

// `copydesk names` groups the rule's findings by what ParseMessage reads
// back from them: every message Message writes must read back whole.
func TestParseMessage(t *testing.T) {
	tests := []names.Finding{
		{Text: "Lakesde", Target: "Lakeside", Count: 25, Docs: 5, Kind: names.KindCase},
		{Text: "Harbor City Museum of Sciences and Technology", Target: "Harbor City Museum of Science and Technology", Count: 1, Docs: 1, Kind: names.KindPlural},
		{Text: `The "Quoted" Trust`, Target: "The Quoted Trust", Count: 3, Docs: 2, Kind: names.KindCase},
		{Text: "100% Club", Target: "Club 100%: Ålesund", Count: 12, Docs: 1, Kind: names.KindCase},
	}
	for _, f := range tests {
		msg := Message(f)
		text, target, count, docs, ok := ParseMessage(msg)
		if !ok || text != f.Text || target != f.Target || count != f.Count || docs != f.Docs {
			t.Errorf("%s\nread back %q %q %d %d %v", msg, text, target, count, docs, ok)
		}
	}
	// The rule's other findings are not about a mined name.
	for _, msg := range []string{
		`"the compiler team" is written "The Compiler Team" 4 times in front matter; use one spelling`,
		`"Museums" is the short form "Museum" written in the plural; write it as defined`,
	} {
		if _, _, _, _, ok := ParseMessage(msg); ok {
			t.Errorf("read as a mined name: %s", msg)
		}
	}
}
