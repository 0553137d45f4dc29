package parse

import (
	"errors"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/read"
)

func mustParse(t *testing.T, name, src string) *document.Document {
	t.Helper()
	doc, err := Parse(name, []byte(src))
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return doc
}

// roles lists each block's role and first words, for compact assertions.
func roles(doc *document.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		text := string(doc.Src[b.Prose.Start:b.End])
		if i := strings.IndexAny(text, "\r\n"); i >= 0 {
			text = text[:i]
		}
		if len(text) > 12 {
			text = text[:12]
		}
		out = append(out, b.Role.String()+":"+text)
	}
	return out
}

func TestParseTextShapes(t *testing.T) {
	tests := []struct {
		name, src string
		roles     []string
		title     string
		date      string
		nav       []string
	}{
		{
			name: "full export",
			src: "Institute News\n\nMuseum signs partnership with Lakeside\n\nDate:2025-03-14 09:30\n\nphoto_01.jpg\n\nAt the signing ceremony\n\n" +
				"On March 12 the director led a delegation. Both sides agreed.\n\nText and photo by the communications office\n\n" +
				"[next]:Museum opens new gallery\n[previous]:Winter lectures conclude\n",
			roles: []string{"label:Institute Ne", "title:Museum signs", "date:Date:2025-03", "image:photo_01.jpg", "caption:At the signi", "body:On March 12 ", "byline:Text and pho", "navigation:[next]:Museu", "navigation:[previous]:W"},
			title: "Museum signs partnership with Lakeside",
			date:  "2025-03-14 09:30",
			nav:   []string{"next=Museum opens new gallery", "previous=Winter lectures conclude"},
		},
		{
			name:  "no label, published line",
			src:   "Health alliance extends evening clinics\n\nPublished: 28 March 2025\n\nThe clinics will open until nine.\n",
			roles: []string{"title:Health allia", "date:Published: 2", "body:The clinics "},
			title: "Health alliance extends evening clinics",
			date:  "28 March 2025",
		},
		{
			name:  "title then date on the next line",
			src:   "Library reopens reading room\nPublish Time: Mar 21, 2025\n\nThe dome was restored.\n\nNext: Harbor festival\nPrevious: Lakeside scholarship\n",
			roles: []string{"title:Library reop", "date:Publish Time", "body:The dome was", "navigation:Next: Harbor", "navigation:Previous: La"},
			title: "Library reopens reading room",
			date:  "Mar 21, 2025",
			nav:   []string{"next=Harbor festival", "previous=Lakeside scholarship"},
		},
		{
			name:  "no date line",
			src:   "Institute News\n\nWinter lectures conclude\n\nThe series ended on Friday with a talk on tides.\n",
			roles: []string{"label:Institute Ne", "title:Winter lectu", "body:The series e"},
			title: "Winter lectures conclude",
		},
		{
			name:  "chinese labels",
			src:   "新闻动态\n\nCoastal institute deploys wave buoys\n\n发布时间：2025年4月8日\n\nThe buoys report every ten minutes.\n\n上一篇：Harbor festival\n下一篇：Reading room reopens\n",
			roles: []string{"label:新闻动态", "title:Coastal inst", "date:发布时间", "body:The buoys re", "navigation:上一篇：", "navigation:下一篇："},
			title: "Coastal institute deploys wave buoys",
			date:  "2025年4月8日",
			nav:   []string{"previous=Harbor festival", "next=Reading room reopens"},
		},
		{
			name:  "list page export",
			src:   "  • Academy names new fellows\n----------\n  • Posted on April 2, 2025\n\n    The academy named six fellows this spring.\n\n  • [next]:Harbor festival\n",
			roles: []string{"title:Academy name", "none:----------", "date:Posted on Ap", "body:The academy ", "navigation:[next]:Harbo"},
			title: "Academy names new fellows",
			date:  "April 2, 2025",
			nav:   []string{"next=Harbor festival"},
		},
		{
			name:  "crlf and bom",
			src:   "\ufeffMuseum News\r\n\r\nGallery opens\r\n\r\nDate: 2025-03-14\r\n\r\nThe gallery opens on Friday.\r\n",
			roles: []string{"label:Museum News", "title:Gallery open", "date:Date: 2025-0", "body:The gallery "},
			title: "Gallery opens",
			date:  "2025-03-14",
		},
		{
			name: "export without blank lines",
			src: "Exchanges\nHarbor museum opens its ocean gallery\nRelease Date: 2018/12/27\n" +
				"The Harbor City Museum opened its ocean gallery on Friday, and " + strings.Repeat("more than four hundred visitors came to see it ", 4) + "before noon.\n" +
				"photo_01.jpg\nVisitors at the opening\n" +
				"The gallery shows shells, corals and fossils from the museum's own collection, " + strings.Repeat("many of them never shown before ", 4) + "in public.\n" +
				"Editor: Sofia Larsen\n",
			roles: []string{"label:Exchanges", "title:Harbor museu", "date:Release Date", "body:The Harbor C", "image:photo_01.jpg", "caption:Visitors at ", "body:The gallery ", "byline:Editor: Sofi"},
			title: "Harbor museum opens its ocean gallery",
			date:  "2018/12/27",
		},
		{
			name:  "hard-wrapped paragraphs stay whole",
			src:   "Museum News\n\nGallery opens\n\nThe gallery opens on Friday with a talk by the\ncurator. Tickets are free for members and\nchildren under twelve.\n",
			roles: []string{"label:Museum News", "title:Gallery open", "body:The gallery "},
			title: "Gallery opens",
		},
		{
			name: "empty",
			src:  "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustParse(t, "a.txt", tt.src)
			got := roles(doc)
			if strings.Join(got, "|") != strings.Join(tt.roles, "|") {
				t.Errorf("roles:\n got %q\nwant %q", got, tt.roles)
			}
			if doc.Title != tt.title {
				t.Errorf("title = %q, want %q", doc.Title, tt.title)
			}
			if tt.date == "" {
				if doc.Date != nil {
					t.Errorf("date = %+v, want none", doc.Date)
				}
			} else if doc.Date == nil || doc.Date.Raw != tt.date || doc.Date.ParseErr != nil {
				t.Errorf("date = %+v, want %q", doc.Date, tt.date)
			} else if string(doc.Src[doc.Date.Span.Start:doc.Date.Span.End]) != tt.date {
				t.Errorf("date span covers %q", doc.Src[doc.Date.Span.Start:doc.Date.Span.End])
			}
			var nav []string
			for _, l := range doc.Nav {
				nav = append(nav, l.Dir.String()+"="+l.Target)
				if string(doc.Src[l.Span.Start:l.Span.End]) != l.Target {
					t.Errorf("nav span covers %q, want %q", doc.Src[l.Span.Start:l.Span.End], l.Target)
				}
			}
			if strings.Join(nav, "|") != strings.Join(tt.nav, "|") {
				t.Errorf("nav = %q, want %q", nav, tt.nav)
			}
		})
	}
}

func TestParseDateLabelWithSpacedColon(t *testing.T) {
	doc := mustParse(t, "a.txt", "Harbor News\n\nFerry returns\n\nDate : 2025-03-14 09:30\n\nBody.\n")
	if doc.Date == nil || doc.Date.Raw != "2025-03-14 09:30" || doc.Date.Label != "Date :" {
		t.Fatalf("date = %+v", doc.Date)
	}
}

func TestParseDateLineWithCredit(t *testing.T) {
	doc := mustParse(t, "a.txt", "Ferry returns\n\nPosted on January 2, 2025 by the communications office\n\nBody.\n")
	if doc.Date == nil || doc.Date.Raw != "January 2, 2025" {
		t.Fatalf("date = %+v", doc.Date)
	}
}

func TestParseImpossibleDate(t *testing.T) {
	doc := mustParse(t, "a.txt", "Waterfront photographs\n\nDate:2025-02-30 10:00\n\nBody.\n")
	if doc.Date == nil || doc.Date.ParseErr != nil || doc.Date.Parsed.Err == nil {
		t.Fatalf("want a parsed date with a calendar error, got %+v", doc.Date)
	}
}

func TestParseMarkdown(t *testing.T) {
	src := "---\ntitle: \"Driftwood 2.4 released\"\ndate: 2025-03-14T09:30:00+08:00\ndescription: Faster builds\nprev:\n  text: Contributor summit\n  link: ./summit.md\nnext: Config tips\n---\n\n" +
		"# Heading\n\nSet `lang` to `en` to start <b>now</b> and read [the docs](https://example.org/x) today.\n\n```go\nthe the\n```\n\n> quoted line one\n> line two\n\n<!-- copydesk-disable-next-line nbsp -- typeset on purpose -->\n- item *one*\n"
	doc := mustParse(t, "post.md", src)
	if doc.Title != "Driftwood 2.4 released" || string(doc.Src[doc.TitleSpan.Start:doc.TitleSpan.End]) != doc.Title {
		t.Errorf("title = %q span %v", doc.Title, doc.TitleSpan)
	}
	if doc.Date == nil || doc.Date.Source != document.DateFrontMatter || doc.Date.Parsed.Hour != 9 {
		t.Errorf("date = %+v", doc.Date)
	}
	if len(doc.Nav) != 2 || doc.Nav[0].Dir != document.NavPrev || doc.Nav[0].Target != "./summit.md" || doc.Nav[0].Text != "Contributor summit" || !doc.Nav[0].IsPath ||
		doc.Nav[1].Target != "Config tips" || doc.Nav[1].IsPath {
		t.Errorf("nav = %+v", doc.Nav)
	}
	if string(doc.Src[doc.Nav[0].Span.Start:doc.Nav[0].Span.End]) != "./summit.md" {
		t.Errorf("nav span covers %q", doc.Src[doc.Nav[0].Span.Start:doc.Nav[0].Span.End])
	}
	// Token texts of the paragraph: code, HTML and link destinations are cut.
	var para *document.Block
	for i := range doc.Blocks {
		if doc.Blocks[i].Kind == document.KindParagraph && doc.Blocks[i].Role == document.RoleBody {
			para = &doc.Blocks[i]
			break
		}
	}
	if para == nil {
		t.Fatal("no body paragraph")
	}
	var words []string
	for _, tok := range doc.BlockTokens(para) {
		switch tok.Kind() {
		case document.TokWord:
			words = append(words, string(doc.Src[tok.Start:tok.End()]))
		case document.TokGap:
			words = append(words, "|")
		}
	}
	if got := strings.Join(words, " "); got != "Set | to | to start | now | and read the docs today" {
		t.Errorf("prose words = %q", got)
	}
	for _, want := range []string{"title", "description", "heading", "code", "quote", "list-item", "html"} {
		found := false
		for _, b := range doc.Blocks {
			if b.Kind.String() == want || (b.Kind == document.KindField && b.Role.String() == want) {
				found = true
			}
		}
		if !found {
			t.Errorf("no %s block", want)
		}
	}
	if !doc.InVerbatim(strings.Index(src, "the the")) || !doc.InVerbatim(strings.Index(src, "```go")) || !doc.InVerbatim(1) {
		t.Error("code block and front matter must be verbatim")
	}
	if len(doc.Directives) != 1 || doc.Directives[0].Kind != document.DisableNextLine || doc.Directives[0].Reason != "typeset on purpose" || doc.Directives[0].Rules[0] != "nbsp" {
		t.Errorf("directives = %+v", doc.Directives)
	}
}

func TestParseTOMLFrontMatter(t *testing.T) {
	src := "+++\npath = \"2025/03/14/new-maintainers\"\ntitle = \"New maintainers\"\nauthors = [\"Lee\"]\n\n[extra]\nteam = \"the docs team\"\n+++\n\nWelcome to the team.\n"
	doc := mustParse(t, "post.md", src)
	if doc.Title != "New maintainers" || string(doc.Src[doc.TitleSpan.Start:doc.TitleSpan.End]) != "New maintainers" {
		t.Errorf("title = %q span %v", doc.Title, doc.TitleSpan)
	}
	extra, _ := doc.Meta["extra"].(map[string]any)
	if extra["team"] != "the docs team" {
		t.Errorf("meta = %v", doc.Meta)
	}
}

func TestParseBadFrontMatter(t *testing.T) {
	doc := mustParse(t, "post.md", "---\ntitle: [unclosed\n---\n\nBody.\n")
	if len(doc.Problems) != 1 || doc.Problems[0].Rule != "front-matter" || !strings.Contains(doc.Problems[0].Message, "YAML") {
		t.Errorf("problems = %+v", doc.Problems)
	}
	doc = mustParse(t, "post.md", "+++\ntitle = \n+++\n\nBody.\n")
	if len(doc.Problems) != 1 || !strings.Contains(doc.Problems[0].Message, "TOML") {
		t.Errorf("problems = %+v", doc.Problems)
	}
}

func TestParseRejects(t *testing.T) {
	if _, err := Parse("a.txt", []byte("abc\x00def")); !errors.Is(err, read.ErrBinary) {
		t.Errorf("binary: %v", err)
	}
	_, err := Parse("a.txt", []byte("Caf\xe9 opens\nsecond line"))
	if !errors.Is(err, read.ErrEncoding) || !strings.Contains(err.Error(), "line 1, column 4") || !strings.Contains(err.Error(), "Windows-1252") {
		t.Errorf("latin-1: %v", err)
	}
	if _, err := Parse("a.txt", []byte{0xFF, 0xFE, 'a', 0}); !errors.Is(err, read.ErrEncoding) {
		t.Errorf("utf-16: %v", err)
	}
}

func TestPosition(t *testing.T) {
	doc := mustParse(t, "a.txt", "\ufeffTitle “quoted”\r\n\r\n中文 text the the\n")
	off := strings.Index(string(doc.Src), "the the")
	if l, c := doc.Position(off); l != 3 || c != 9 {
		t.Errorf("Position = %d:%d, want 3:9", l, c)
	}
	if l, c := doc.Position(3); l != 1 || c != 1 {
		t.Errorf("after BOM = %d:%d, want 1:1", l, c)
	}
	off = strings.Index(string(doc.Src), "quoted")
	if l, c := doc.Position(off); l != 1 || c != 8 {
		t.Errorf("quoted = %d:%d, want 1:8", l, c)
	}
	if doc.Newline() != "\r\n" {
		t.Errorf("Newline = %q", doc.Newline())
	}
}

func TestTokenize(t *testing.T) {
	src := "Don’t pay 1,000 or 3.5 at 14:42; see https://example.org/a, mail lee@example.org, photo_01.jpg and end.Next U.S. 中文\u00a0x\u200by"
	toks := document.Tokenize(nil, []byte(src), 0, len(src))
	var got []string
	for _, tok := range toks {
		if tok.Kind() == document.TokSpace && !tok.Is(document.FlagOddSpace) {
			continue
		}
		got = append(got, tok.Kind().String()+":"+src[tok.Start:tok.End()])
	}
	want := []string{
		"word:Don’t", "word:pay", "number:1,000", "word:or", "number:3.5", "word:at", "number:14:42", "punct:;", "word:see",
		"literal:https://example.org/a", "punct:,", "word:mail", "literal:lee@example.org", "punct:,", "literal:photo_01.jpg",
		"word:and", "word:end", "punct:.", "word:Next", "word:U", "punct:.", "word:S", "punct:.", "word:中文", "space:\u00a0", "word:x",
		"invisible:\u200b", "word:y",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("tokens:\n got %q\nwant %q", got, want)
	}
	for i := 1; i < len(toks); i++ {
		if toks[i].Start != toks[i-1].End() {
			t.Fatalf("tokens must tile the range: %v then %v", toks[i-1], toks[i])
		}
	}
}

func TestInlineCodeTagsAreCut(t *testing.T) {
	doc := mustParse(t, "a.md", "Press <kbd>the</kbd> the key, type <code>a &lt; b</code> and <b>bold</b> text.\n")
	var words []string
	for _, tok := range doc.Tokens {
		switch tok.Kind() {
		case document.TokWord:
			words = append(words, string(doc.Src[tok.Start:tok.End()]))
		case document.TokGap:
			words = append(words, "|")
		}
	}
	if got := strings.Join(words, " "); got != "Press | the key type | and | bold | text" {
		t.Errorf("words = %q", got)
	}
}

func TestBlockFacts(t *testing.T) {
	tests := []struct {
		text string
		want document.BlockFacts
	}{
		{"Plain words only", 0},
		{"Two  spaces", document.HasLongSpace},
		{"A\u00a0space", document.HasOddSpace | document.HasNonASCII},
		{"Café", document.HasNonASCII},
		{"Don't (now)", document.HasSingleQuote | document.HasBracket},
		{"“Yes”", document.HasDoubleQuote | document.HasNonASCII},
		{"end.Next", document.HasPunctBeforeWord},
		{"said,“We", document.HasPunctBeforeWord | document.HasDoubleQuote | document.HasNonASCII},
		{"end.. ok", document.HasPunctRun},
		{"word , next", document.HasSpaceBeforePunct},
		{"( inside)", document.HasBracket | document.HasSpaceBeforePunct},
		{"Q&amp;A", document.HasAmpersand | document.HasPunctBeforeWord},
		{"zero\u200bwidth", document.HasInvisible | document.HasNonASCII},
	}
	for _, tt := range tests {
		src := []byte(tt.text)
		got := document.FactsOf(src, document.Tokenize(nil, src, 0, len(src)))
		if got != tt.want {
			t.Errorf("%q: facts %b, want %b", tt.text, got, tt.want)
		}
	}
}

func TestYAMLFrontMatterValues(t *testing.T) {
	doc := mustParse(t, "a.md", "---\ntitle: T\ndraft: true\nweight: 3\nratio: 0.5\ntags: [a, b]\nnext: null\nauthor: &a Lee\nby: *a\nextra:\n  team: docs\n---\n\nBody.\n")
	m := doc.Meta
	if m["title"] != "T" || m["draft"] != true || m["weight"] != 3 || m["ratio"] != 0.5 || m["next"] != nil || m["by"] != "Lee" {
		t.Errorf("meta = %#v", m)
	}
	if tags, ok := m["tags"].([]any); !ok || len(tags) != 2 || tags[1] != "b" {
		t.Errorf("tags = %#v", m["tags"])
	}
	if extra, ok := m["extra"].(map[string]any); !ok || extra["team"] != "docs" {
		t.Errorf("extra = %#v", m["extra"])
	}
	if !doc.Draft {
		t.Error("draft: true not read")
	}
}
