package nameconsistency_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/nameconsistency"
)

// Each folder is an archive of its own: trust has a glossary, seeds has
// the cases the names issue lists (a joined name in a caption, Sciences
// for Science in one article, a comma for the name's "and", a dropped
// letter in a city name used mostly inside longer names, the plural of a
// defined short form, a lower-cased word, a name across a verse's lines)
// beside its traps (two frequent names one letter apart, two teams
// coordinated, a national academy beside a city's); ownname has a
// document that writes its own look-alike of the archive's name many times.
func TestRule(t *testing.T) {
	for _, dir := range []string{"testdata/trust", "testdata/seeds", "testdata/ownname"} {
		t.Run(dir, func(t *testing.T) { linttest.RunCorpus(t, dir, nameconsistency.Rule) })
	}
}

// TestOptionsPerFile: an archive whose folders are configured with
// different limits. Each file's spellings are judged with its own options,
// whichever file comes first.
func TestOptionsPerFile(t *testing.T) {
	linttest.RunCorpus(t, "testdata/perfile", nameconsistency.Rule)
}
