package nameconsistency_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/nameconsistency"
)

func TestRule(t *testing.T) {
	linttest.RunCorpus(t, "testdata", nameconsistency.Rule)
}
