package linkbroken_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/linkbroken"
)

func TestRule(t *testing.T) {
	linttest.RunCorpus(t, "testdata/site", linkbroken.Rule)
}

// TestHugo: a Hugo site (hugo.toml) with glossary shorthand links, links
// written as URLs from a page served at a folder of its own, and anchors an
// include brings; broken links are still reported.
func TestHugo(t *testing.T) {
	linttest.RunCorpus(t, "testdata/hugo", linkbroken.Rule)
}

// TestAssetsElsewhere: links to kinds of files the walked folders hold none
// of are not judged; links to articles still are.
func TestAssetsElsewhere(t *testing.T) {
	linttest.RunCorpus(t, "testdata/no-assets", linkbroken.Rule)
}

// TestZola: Zola spells emoji in anchors out in words; an anchor that
// starts with a heading's slug is taken as that heading's.
func TestZola(t *testing.T) {
	linttest.RunCorpus(t, "testdata/zola", linkbroken.Rule)
}

// TestIgnore: the ignore option adds destination patterns that are not
// checked.
func TestIgnore(t *testing.T) {
	linttest.RunCorpus(t, "testdata/ignore", linkbroken.Rule)
}
