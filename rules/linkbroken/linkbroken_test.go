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

// TestSitesSideBySide: a Hugo and a Zola site in folders of one project
// each keep their own conventions: the Hugo site's slugs do not hide the
// Zola site's scheme-less link, the Hugo site's text files do not make the
// Zola bundle's missing assets broken, and the Hugo mount point stays quiet.
func TestSitesSideBySide(t *testing.T) {
	linttest.RunCorpus(t, "testdata/sites", linkbroken.Rule)
}
