package htmlentity_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/htmlentity"
)

// FuzzRule runs the rule and the fix loop on arbitrary text.
func FuzzRule(f *testing.F) {
	linttest.Fuzz(f, htmlentity.Rule,
		"R&amp;D &nbsp; a&nbsp;b &#8217; &#x201C; &ampx; &#; &#0; &shy; \\&amp; &lt;div&gt;", "&amp;nbsp; `&amp;` <code>&lt;</code> &#x60;&amp;&#x60;")
}
