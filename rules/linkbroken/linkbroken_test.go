package linkbroken_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/linkbroken"
)

func TestRule(t *testing.T) {
	linttest.RunCorpus(t, "testdata", linkbroken.Rule)
}
