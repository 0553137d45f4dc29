package lint

import (
	"bytes"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Which files are articles. A folder walk reads only the extensions
// IsArticle accepts; a file named on the command line or passed by a
// pre-commit hook is read whatever its extension, so these checks decide,
// before any rule runs, that a file is not an article at all: a licence, a
// change log, a list of package pins, a build script, a robots.txt. A file
// that is skipped gets no findings and feeds nothing to the checks across
// articles. Each check returns the reason, for --verbose, or "".

// nonArticleNames are the stems of files that projects keep beside their
// articles and that are not articles: legal text (which no fix may touch),
// change logs, contributor lists, dependency pins, build and crawler files.
// A stem matches the whole name before its extension, or a prefix followed
// by '-', '_' or '.' (requirements-dev.txt, LICENSE-MIT.txt, COPYING.LIB).
var nonArticleNames = []string{
	"license", "licence", "copying", "copyright", "notice", "unlicense",
	"third_party_notices", "thirdpartynotices", "third-party-notices",
	"changelog", "releasenotes", "release-notes", "release_notes",
	"authors", "contributors", "maintainers", "codeowners",
	"requirements", "constraints", "dev-requirements", "test-requirements",
	"cmakelists", "makefile", "dockerfile", "vagrantfile", "gemfile", "procfile",
	"robots", "humans", "security", "ads", "app-ads", "llms", "llms-full",
}

// NotArticleName returns why a file name is not an article's, or "".
func NotArticleName(name string) string {
	base := strings.ToLower(filepath.Base(name))
	stem := base
	if ext := filepath.Ext(base); ext != "" && ext != base {
		stem = strings.TrimSuffix(base, ext)
	}
	for _, n := range nonArticleNames {
		if stem == n || len(base) > len(n) && strings.HasPrefix(base, n) && strings.ContainsRune("-_.", rune(base[len(n)])) {
			return "not an article: " + filepath.Base(name) + " is a well-known project file, not a page"
		}
	}
	return ""
}

// NotArticleFormat returns why a file whose extension copydesk does not
// read is skipped: a markup it does not parse would be linted as plain
// text, its markup reported as prose. "" for the formats it reads.
func NotArticleFormat(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".rst", ".rest":
		return "reStructuredText is not read (copydesk reads " + articleExtensions + ")"
	case ".adoc", ".asciidoc", ".asc":
		return "AsciiDoc is not read (copydesk reads " + articleExtensions + ")"
	case ".org":
		return "Org mode is not read (copydesk reads " + articleExtensions + ")"
	case ".tex", ".textile", ".pod", ".wiki", ".mediawiki", ".creole":
		return strings.TrimPrefix(strings.ToLower(filepath.Ext(name)), ".") + " markup is not read (copydesk reads " + articleExtensions + ")"
	}
	return ""
}

// articleExtensions names what IsArticle accepts, for messages.
const articleExtensions = ".txt, .md and .markdown"

// ArticleExtensions names the extensions a folder walk reads, for
// messages such as "no articles here".
func ArticleExtensions() string { return articleExtensions }

// NotArticleText returns why a plain-text file is not an article, or "":
// an article has at least one paragraph of prose, and a list of package
// pins, a crawler file or a build script has none. A paragraph (lines
// between blank lines) is prose when it reads mostly as
// running text (most of its bytes are in such lines): words of letters
// side by side, not names joined to numbers and operators, and not comment
// lines. Markdown is not judged
// from its text: its markup already says what is prose.
func NotArticleText(src []byte) string {
	total, prose := 0, 0 // bytes of the paragraph's lines, and of its prose lines
	seenText := false
	flush := func() bool {
		ok := total > 0 && 2*prose > total
		total, prose = 0, 0
		return ok
	}
	for len(src) > 0 {
		var line []byte
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			line, src = src, nil
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			if flush() {
				return ""
			}
			continue
		}
		seenText = true
		total += len(line)
		if proseLine(line) {
			prose += len(line)
		}
	}
	if flush() || !seenText {
		// An empty file is left to the rules, which say nothing about it.
		return ""
	}
	return "not an article: no paragraph of prose (the text reads as data, code or a list of names, not sentences)"
}

// proseLine: three words of letters in a row, or two ending a sentence,
// or a run of six CJK characters; comment lines of config files and build
// scripts are not prose.
func proseLine(line []byte) bool {
	switch line[0] {
	case '#', ';', '{', '}', '<':
		return false
	case '/':
		if len(line) > 1 && (line[1] == '/' || line[1] == '*') {
			return false
		}
	}
	run, cjk := 0, 0
	for f := range bytes.FieldsSeq(line) {
		w, sentenceEnd := wordField(f)
		if !w {
			run = 0
		} else {
			run++
			if run >= 3 || run >= 2 && sentenceEnd {
				return true
			}
		}
		for _, r := range string(f) {
			if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
				if cjk++; cjk >= 6 {
					return true
				}
			} else if !unicode.IsPunct(r) {
				cjk = 0
			}
		}
	}
	return false
}

// wordField reports whether a space-separated field is a word of letters,
// with opening and closing punctuation around it and apostrophes or
// hyphens inside; and whether it ends a sentence.
func wordField(f []byte) (word, sentenceEnd bool) {
	f = bytes.TrimLeft(f, "\"'(“‘«¿¡")
	end := len(f)
	for end > 0 {
		r, size := utf8.DecodeLastRune(f[:end])
		if !strings.ContainsRune(",.;:!?\"')”’»…", r) {
			break
		}
		if strings.ContainsRune(".!?…", r) {
			sentenceEnd = true
		}
		end -= size
	}
	body := f[:end]
	if len(body) == 0 {
		return false, false
	}
	letters := 0
	for i, r := range string(body) {
		switch {
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			letters++
		case (r == '\'' || r == '’' || r == '-') && i > 0 && i < len(body)-1:
		default:
			return false, false
		}
	}
	return letters > 0, sentenceEnd
}
