package repeatedword_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/repeatedword"
)

func TestRule(t *testing.T) {
	linttest.Run(t, "testdata", repeatedword.Rule)
}
