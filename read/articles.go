package read

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/document"
)

// Which files are articles. A folder walk reads only the extensions
// IsArticle accepts; a file named on the command line or passed by a
// pre-commit hook is read whatever its extension, so these checks decide,
// before any rule runs, that a file is not an article at all: a licence, a
// change log, a list of package pins, a build script, a robots.txt. A file
// that is skipped gets no findings and feeds nothing to the checks across
// articles. Each check returns the reason, for --verbose, or "".

// nonArticleNames are the stems of files that projects keep beside their
// articles and that are not pages, in any format: legal text (which no fix
// may touch) and change logs; a Markdown one with front matter is the
// exception, a page of the site (a docs site's changelog.md). nonArticleTextNames are not pages as plain
// text or without an extension (requirements.txt, robots.txt, AUTHORS),
// but may well be as Markdown (a site's authors.md page). A stem matches
// the whole name before its extension, or a prefix followed by '-', '_' or
// '.' (requirements-dev.txt, LICENSE-MIT.txt, COPYING.LIB).
var (
	nonArticleNames = []string{
		"license", "licence", "copying", "copyright", "notice", "unlicense",
		"third_party_notices", "thirdpartynotices", "third-party-notices",
		"changelog", "releasenotes", "release-notes", "release_notes", "codeowners",
	}
	nonArticleTextNames = []string{
		"authors", "contributors", "maintainers", "security",
		"requirements", "constraints", "dev-requirements", "test-requirements",
		"cmakelists", "makefile", "dockerfile", "vagrantfile", "gemfile", "procfile",
		"robots", "humans", "ads", "app-ads", "llms", "llms-full",
	}
)

// NotArticleName returns why a file name is not an article's, or "".
func NotArticleName(name string) string {
	base := strings.ToLower(filepath.Base(name))
	ext := filepath.Ext(base)
	stem := base
	if ext != "" && ext != base {
		stem = strings.TrimSuffix(base, ext)
	}
	orig := filepath.Base(name)
	matches := func(n string) bool {
		if stem == n {
			return true
		}
		if len(stem) <= len(n)+1 || !strings.HasPrefix(stem, n) || !strings.ContainsRune("-_.", rune(stem[len(n)])) {
			return false
		}
		// A variant: LICENSE-MIT, COPYING.LIB, requirements-dev. An
		// article's slug (license-fees-rise, robots-at-the-fair) is lower
		// case and runs on for several words, so a variant is one more
		// word, and of a legal or change-log name, in capitals.
		rest := stem[len(n)+1:]
		if strings.ContainsAny(rest, "-_.") {
			return false
		}
		switch n {
		case "requirements", "constraints":
			return true
		}
		upper := orig[:len(n)]
		return upper == strings.ToUpper(upper) && slices.Contains(nonArticleNames, n)
	}
	text := document.FormatOf(name) == document.FormatText
	for _, n := range nonArticleNames {
		if matches(n) {
			return "not an article: " + filepath.Base(name) + " is a well-known project file, not a page"
		}
	}
	for _, n := range nonArticleTextNames {
		if text && matches(n) {
			return "not an article: " + filepath.Base(name) + " is a well-known project file, not a page"
		}
	}
	return ""
}

// HasFrontMatter reports whether src opens with a front matter
// delimiter line (--- for YAML, +++ for TOML), after an optional byte
// order mark: a site generator publishes such a file as a page, whatever
// its name.
func HasFrontMatter(src []byte) bool {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	for _, d := range []string{"---", "+++"} {
		if rest, ok := bytes.CutPrefix(src, []byte(d)); ok {
			rest = bytes.TrimLeft(rest, " \t")
			return len(rest) > 0 && (rest[0] == '\n' || rest[0] == '\r')
		}
	}
	return false
}

// NotArticleFormat returns why a file whose extension copydesk does not
// read is skipped: a markup it does not parse would be linted as plain
// text, its markup reported as prose. "" for the formats it reads.
func NotArticleFormat(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".rst", ".rest":
		return "reStructuredText is not read (copydesk reads " + document.ArticleExtensions() + ")"
	case ".adoc", ".asciidoc", ".asc":
		return "AsciiDoc is not read (copydesk reads " + document.ArticleExtensions() + ")"
	case ".org":
		return "Org mode is not read (copydesk reads " + document.ArticleExtensions() + ")"
	case ".tex", ".textile", ".pod", ".wiki", ".mediawiki", ".creole":
		return strings.TrimPrefix(strings.ToLower(filepath.Ext(name)), ".") + " markup is not read (copydesk reads " + document.ArticleExtensions() + ")"
	}
	return ""
}

// NotArticleText returns why a plain-text file is not an article, or "":
// an article has prose, and a list of package pins, a crawler file or a
// key-value file has none. The test is lenient on purpose, since a file
// wrongly skipped is never linted: one line of running text is enough
// (two words of letters side by side, or one ending a sentence, or a run
// of four CJK characters), where labels ("Disallow:"), comment lines and
// trailing comments, and lines of code or pins (name(, a=b) do not count.
// Markdown is not judged from its text: its markup says what is prose.
func NotArticleText(src []byte) string {
	if len(bytes.TrimSpace(src)) == 0 {
		return "" // an empty file is left to the rules, which say nothing about it
	}
	for len(src) > 0 {
		var line []byte
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			line, src = src, nil
		}
		if line = bytes.TrimSpace(line); len(line) > 0 && proseLine(line) {
			return ""
		}
	}
	return "not an article: no line of prose (the text reads as data, code or a list of names, not sentences)"
}

// proseLine reports whether a trimmed, non-empty line holds running text.
func proseLine(line []byte) bool {
	switch line[0] {
	case '#', ';', '{', '}', '<', '[', '=':
		return false
	case '/':
		if len(line) > 1 && (line[1] == '/' || line[1] == '*') {
			return false
		}
	}
	if bytes.IndexByte(line, '=') >= 0 || codeCall(line) {
		return false
	}
	// CJK text runs on without spaces, its punctuation inside a field.
	cjk := 0
	for _, r := range string(line) {
		if !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			cjk = 0
		} else if cjk++; cjk >= 4 {
			return true
		}
	}
	run := 0
	for f := range bytes.FieldsSeq(line) {
		if string(f) == "#" || string(f) == "//" {
			break // a trailing comment
		}
		w, sentenceEnd, label := wordField(f)
		switch {
		case !w || label:
			run = 0
		default:
			run++
			if run >= 2 || sentenceEnd {
				return true
			}
		}
	}
	return false
}

// codeCall: a letter directly followed by '(' (add_executable(, f(x)),
// which running text does not write.
func codeCall(line []byte) bool {
	for i := 1; i < len(line); i++ {
		if line[i] == '(' {
			c := line[i-1]
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' {
				return true
			}
		}
	}
	return false
}

// wordField reads a space-separated field: a word of letters (with
// opening and closing punctuation around it, apostrophes or hyphens
// inside); whether it ends a sentence; and whether it is a label ending in
// a colon.
func wordField(f []byte) (word, sentenceEnd, label bool) {
	f = bytes.TrimLeft(f, "\"'(“‘«¿¡「『")
	end := len(f)
	for end > 0 {
		r, size := utf8.DecodeLastRune(f[:end])
		if !strings.ContainsRune(",.;:!?\"')”’»…。！？，、；：」』", r) {
			break
		}
		switch {
		case strings.ContainsRune(".!?…。！？", r):
			sentenceEnd = true
		case r == ':' || r == '：':
			label = end == len(f)
		}
		end -= size
	}
	body := f[:end]
	if len(body) == 0 {
		return false, false, false
	}
	letters := 0
	for i, r := range string(body) {
		switch {
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			letters++
		case (r == '\'' || r == '’' || r == '-') && i > 0 && i < len(body)-1:
		default:
			return false, false, false
		}
	}
	return letters > 0, sentenceEnd, label
}
