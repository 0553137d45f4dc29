package trailingwhitespace_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/trailingwhitespace"
)

func TestRule(t *testing.T) {
	linttest.Run(t, "testdata", trailingwhitespace.Rule)
}
