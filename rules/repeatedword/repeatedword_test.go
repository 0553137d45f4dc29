package repeatedword_test

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/parse"
	"github.com/copydesk/copydesk/rules/repeatedword"
)

func TestRule(t *testing.T) {
	linttest.Run(t, "testdata", repeatedword.Rule)
}

// A container's title is shown as the box's heading: a doubled word there
// is found, but its line is the generator's, so the fix is unsafe; and a
// title is no neighbour of the body's first word.
func TestContainerTitle(t *testing.T) {
	for _, c := range []struct {
		src, want string
		fix       lint.Applicability
	}{
		{"::: tip Mind the the step\nBring a coat.\n:::\n", "the", lint.Unsafe},
		{":::note[Mind the the step]\nBring a coat.\n:::\n", "the", lint.Unsafe},
		{"::: tip Note\nNote that it rains.\n:::\n", "", 0},
		{":::warning Warning:\nWarning signs stay up.\n:::\n", "", 0},
	} {
		doc, err := parse.Parse("a.md", []byte(c.src))
		if err != nil {
			t.Fatal(err)
		}
		ds := lint.Check(repeatedword.Rule, doc, lint.Options{})
		if c.want == "" {
			if len(ds) > 0 {
				t.Errorf("%q: found %v", c.src, ds)
			}
			continue
		}
		if len(ds) != 1 || !strings.Contains(ds[0].Message, `"`+c.want+`"`) || ds[0].Fix == nil || ds[0].Fix.Applicability != c.fix {
			t.Errorf("%q: got %+v, want one finding of %q with an unsafe fix", c.src, ds, c.want)
		}
	}
}
