package document

import (
	"path/filepath"
	"strings"
)

// articleExts is every extension copydesk reads, with its format: the one
// list that folder walks (IsArticle), the parser (FormatOf) and messages
// (ArticleExtensions) read. A format added here is walked, parsed and
// named everywhere at once. Read only.
var articleExts = [...]struct {
	ext    string
	format Format
}{
	{".txt", FormatText},
	{".md", FormatMarkdown},
	{".markdown", FormatMarkdown},
	{".mdown", FormatMarkdown},
	{".mkd", FormatMarkdown},
	{".mdx", FormatMarkdown},
	{".html", FormatHTML},
	{".htm", FormatHTML},
}

func formatOfExt(name string) (Format, bool) {
	ext := strings.ToLower(filepath.Ext(name))
	for _, a := range articleExts {
		if a.ext == ext {
			return a.format, true
		}
	}
	return FormatText, false
}

// IsArticle reports whether a file name has an extension copydesk reads.
func IsArticle(name string) bool {
	_, ok := formatOfExt(name)
	return ok
}

// FormatOf picks the format from the file name: by extension, plain text
// for any other.
func FormatOf(name string) Format {
	f, _ := formatOfExt(name)
	return f
}

// Extensions lists the extensions IsArticle accepts, lower case with the
// dot, for checks that other lists (the pre-commit hooks' files pattern)
// agree with it.
func Extensions() []string {
	out := make([]string, len(articleExts))
	for i, a := range articleExts {
		out[i] = a.ext
	}
	return out
}

// ArticleExtensions names the extensions IsArticle accepts, for messages
// such as "no articles here (looked for ...)".
func ArticleExtensions() string {
	var b strings.Builder
	for i, a := range articleExts {
		switch {
		case i == len(articleExts)-1 && i > 0:
			b.WriteString(" and ")
		case i > 0:
			b.WriteString(", ")
		}
		b.WriteString(a.ext)
	}
	return b.String()
}
