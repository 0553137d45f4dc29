package ruledoc

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules"
)

var toy = &lint.Rule{
	ID: "toy-rule", Category: lint.CategoryNames, Severity: lint.SeverityError, Fixable: lint.FixMixed,
	Doc: lint.Doc{
		Title: "Names with a | pipe",
		Why:   "Because\nit matters.",
		Wrong: "Some ```fenced``` text\n",
		Right: "Fixed text",
		Fix:   "Safe for one, unsafe for the other.",
	},
	Options: []lint.OptionDecl{
		lint.IntOption{Name: "min", Default: 3, Doc: "Least length."},
		lint.StringOption{Name: "mode", Default: "strict", Enum: []string{"strict", "loose"}, Doc: "How strict."},
		lint.StringsOption{Name: "names", Default: []string{"Museum", "HCMST"}, Doc: "Known names."},
		lint.BoolOption{Name: "on", Default: true, Doc: "On."},
	},
}

func TestMarkdownSection(t *testing.T) {
	got := Markdown([]*lint.Rule{toy})
	for _, want := range []string{
		"`" + Command + "`",
		"copydesk has 1 rule.",
		"| [`toy-rule`](#toy-rule) | names | error | safe/unsafe | Names with a \\| pipe |\n",
		"<a id=\"toy-rule\"></a>\n\n## toy-rule\n\nNames with a | pipe.\n",
		"| names | error | safe/unsafe |\n",
		"**Why it matters.** Because it matters.\n",
		"**Wrong**\n\n````text\nSome ```fenced``` text\n````\n",
		"**Right**\n\n```text\nFixed text\n```\n",
		"**Fix.** Safe for one, unsafe for the other.\n",
		"| `min` | integer | `3` | Least length. |\n",
		"| `mode` | one of `strict`, `loose` | `\"strict\"` | How strict. |\n",
		"| `names` | list of strings | `[Museum, HCMST]` | Known names. |\n",
		"| `on` | boolean | `true` | On. |\n",
		"```yaml\nrules:\n  toy-rule:\n    severity: error    # error, warning, info or off\n    min: 3\n    mode: \"strict\"\n    names: [Museum, HCMST]\n    on: true\n```\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}

// Every registered rule has its heading, anchor and index row, in order,
// and a rule without a fix says so.
func TestMarkdownRegistry(t *testing.T) {
	reg := rules.Registry()
	got := Markdown(reg.Rules())
	last := 0
	for _, r := range reg.Rules() {
		i := strings.Index(got, "\n## "+r.ID+"\n")
		if i < last {
			t.Errorf("rule %s missing or out of order", r.ID)
		}
		last = i
		mustHave := []string{"<a id=\"" + r.ID + "\"></a>", "(#" + r.ID + ")"}
		for _, s := range mustHave {
			if !strings.Contains(got, s) {
				t.Errorf("rule %s: missing %q", r.ID, s)
			}
		}
	}
	fm, ok := reg.Lookup("front-matter")
	if ok && fm.Doc.Fix == "" && !strings.Contains(got, "**Fix.** None: the finding needs a person.") {
		t.Error("a rule without a fix does not say so")
	}
}
