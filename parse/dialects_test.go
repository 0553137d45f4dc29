package parse

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/read"
)

// proseWords lists the word tokens of a document, in order, as rules see them.
func proseWords(doc *document.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		for _, t := range doc.BlockTokens(&b) {
			if t.Kind == document.TokWord {
				out = append(out, string(doc.Src[t.Start:t.End]))
			}
		}
	}
	return out
}

// TestMarkupIsNotProse: the syntax of site generators gives rules no words;
// the prose inside it (a container's title and body, a {{% %}} body, text
// between JSX tags, text nodes of raw HTML) does. A container's title is a
// block of its own, so no word runs on from it into the body.
func TestMarkupIsNotProse(t *testing.T) {
	tests := []struct {
		name, file, src string
		words           []string
	}{
		{"container with title", "a.md", "::: tip Note\nNote that it rains.\n:::\n", []string{"Note", "Note", "that", "it", "rains"}},
		{"container title with colon", "a.md", ":::warning Warning:\nWarning signs stay up.\n:::\n", []string{"Warning", "Warning", "signs", "stay", "up"}},
		{"bracket title and attributes", "a.md", ":::note[Heads up]\nBring a coat.\n:::\n\n:::caution{icon=\"x\"}\nMind the step.\n:::\n", []string{"Heads", "up", "Bring", "a", "coat", "Mind", "the", "step"}},
		{"nested containers", "a.md", "::::details More\n:::info Old\nKept here.\n:::\n::::\n", []string{"More", "Old", "Kept", "here"}},
		{"code group", "a.md", ":::code-group\n\n```sh [npm]\nnpm install\n```\n\n:::\n", nil},
		{"container in a quote", "a.md", "> ::: tip\n> Stay dry.\n> :::\n", []string{"Stay", "dry"}},
		{"container line inside a fence stays code", "a.md", "```md\n::: tip Words\n```\n\nAfter.\n", []string{"After"}},
		{"hugo shortcode arguments", "a.md", "See {{< ref \"guide.md\" >}} and {{% param \"Title\" %}} now.\n", []string{"See", "and", "now"}},
		{"code-like shortcode body", "a.md", "{{< highlight go >}}\nfmt.Println(\"words here\")\n{{< /highlight >}}\n\nAfter.\n", []string{"After"}},
		{"code-toggle body", "a.md", "{{< code-toggle file=\"hugo\" >}}\ntitle = 'Site'\n{{< /code-toggle >}}\n", nil},
		{"markdown shortcode body is prose", "a.md", "{{% notice info %}}\nTides change.\n{{% /notice %}}\n", []string{"Tides", "change"}},
		{"other shortcode body is prose", "a.md", "{{< alert >}}\nTides change.\n{{< /alert >}}\n", []string{"Tides", "change"}},
		{"multi-line shortcode", "a.md", "{{< figure\n  src=\"a.jpg\"\n  caption=\"A caption\" >}}\n\nText.\n", []string{"Text"}},
		{"liquid and jinja", "a.md", "{% include nav.html %}\nHello {{ page.author }} there. {# note #}\n\n{% raw %}\n{{ kept }} words\n{% endraw %}\n", []string{"Hello", "there"}},
		{"stray braces stay prose", "a.md", "Use {{ in text.\n\nMore text }} here.\n", []string{"Use", "in", "text", "More", "text", "here"}},
		{"raw html block text nodes", "a.md", "<div>\n<p>Tides and <b>moons</b>.</p>\n<pre>no words</pre><code>nor here</code>\n<script>x = \"none\"</script>\n</div>\n", []string{"Tides", "and", "moons"}},
		{"mdx module lines and jsx", "a.mdx", "import A from './a';\nexport const b = {\n  c: 1,\n};\n\n<Tabs>\n  <TabItem value=\"npm\" label=\"Not prose\">\n    Run it.\n  </TabItem>\n</Tabs>\n\n<Callout type=\"tip\" />\n", []string{"Run", "it"}},
		{"mdx expressions and comments", "a.mdx", "Count {props.n} items. {/* hidden words */}\n", []string{"Count", "items"}},
		{"mdx inline jsx keeps text", "a.mdx", "<Aside>Keep this.</Aside> Press <kbd>Ctrl</kbd> now.\n", []string{"Keep", "this", "Press", "now"}},
		{"mdx indented fence is code", "a.mdx", "1. Step one.\n\n    <Tabs>\n      ```sh\n      npm words\n      ```\n    </Tabs>\n\n2. Step two.\n", []string{"Step", "one", "Step", "two"}},
		{"mdx braces inside jsx attributes", "a.mdx", "<Card title={`a ${b}`} data={{x: \"}\"}}>\nInside.\n</Card>\n", []string{"Inside"}},
		{"display math", "a.md", "Before.\n\n$$\nx  =  y , z\n$$\n\n\\[\n\\tag*{(2)} a  b\n\\]\n\nAfter.\n", []string{"Before", "After"}},
		{"one-line display math", "a.md", "$$ e = mc^2 $$\n\nText.\n", []string{"Text"}},
		{"an escaped bracket stays prose", "a.md", "\\[1\\] A note.\n", []string{"A", "note"}},
		{"a dollar amount stays prose", "a.md", "$$ signs cost money\n\nText.\n", []string{"signs", "cost", "money", "Text"}},
		{"docsy tabpane tabs hold code", "a.md", "{{< tabpane >}}\n{{< tab header=\"CLI:\" disabled=true />}}\n{{< tab \"Go\" >}}\nfunc main() {}\n{{< /tab >}}\n{{< /tabpane >}}\n\n{{< tabpane text=true >}}\n{{% tab \"Prose\" %}}\nWords here.\n{{% /tab %}}\n{{% tab header=\"English\" lang=\"en\" %}}\nWelcome.\n{{% /tab %}}\n{{< /tabpane >}}\n", []string{"Words", "here", "Welcome"}},
		{"shortcode with a language holds code", "a.md", "{{< card code=true header=\"C\" >}}\nint  main;\n{{< /card >}}\n{{< tab header=\"toml\" lang=\"toml\" >}}\nauthor = \"Ann\"\n{{< /tab >}}\n", nil},
		{"plain markdown keeps braces and colons", "a.md", "Ratio 3:1 and {braces} stay.\n", []string{"Ratio", "and", "braces", "stay"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := mustParse(t, tc.file, tc.src)
			checkInvariants(t, doc)
			if got := proseWords(doc); !reflect.DeepEqual(got, tc.words) {
				t.Errorf("words = %q, want %q", got, tc.words)
			}
		})
	}
}

// TestMarkupSeparatesWords: the words on either side of a shortcode or a
// template value are never neighbours. (A container's title line is markup
// as a whole: TestMarkupIsNotProse.)
func TestMarkupSeparatesWords(t *testing.T) {
	for _, src := range []string{
		"Note {{< x >}} Note.\n",
		"Note {{ page.x }} Note.\n",
	} {
		doc := mustParse(t, "a.md", src)
		var seen []int // block index of each "Note", and -1 after a gap
		for bi, b := range doc.Blocks {
			for _, tok := range doc.BlockTokens(&b) {
				switch {
				case tok.Kind == document.TokGap:
					seen = append(seen, -1)
				case tok.Kind == document.TokWord && string(doc.Text(tok.Span())) == "Note":
					seen = append(seen, bi)
				}
			}
		}
		if len(seen) < 2 {
			t.Fatalf("%q: words %q", src, proseWords(doc))
		}
		for i := 1; i < len(seen); i++ {
			if seen[i] >= 0 && seen[i] == seen[i-1] {
				t.Errorf("%q: the two words are neighbours in one block", src)
			}
		}
	}
}

// TestProtectedSpans: what GuardFix keeps safe fixes off.
func TestProtectedSpans(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            []string // "kind:text"
	}{
		{"shortcut label", "a.md", "Ask on the [the forum] today.\n\n[the forum]: https://example.org/f\n", []string{"a reference link's label:[the forum]"}},
		{"collapsed label", "a.md", "Read [the tide tables][] now.\n\n[the tide tables]: https://example.org/t\n", []string{"a reference link's label:[the tide tables][]"}},
		{"full reference: text is free", "a.md", "Read [the tables][t] now.\n\n[t]: https://example.org/t\n", nil},
		{"inline link: text is free, syntax is not", "a.md", "Read [the tables](t.md \"T (x)\") now.\n", []string{"link or tag syntax:[", "link or tag syntax:](t.md \"T (x)\")"}},
		{"label with emphasis and quotes", "a.md", "A [**\"Cross safely.\"**] sign.\n\n[**\"Cross safely.\"**]: https://example.org/s\n", []string{"a reference link's label:[**\"Cross safely.\"**]", "emphasis markers:**\"Cross safely.\"**"}},
		{"emphasis and inline html", "a.md", "The *the* cat and <b>bold</b> text.\n", []string{"emphasis markers:*the*", "link or tag syntax:<b>", "link or tag syntax:</b>"}},
		{"entities in markdown", "a.md", "Set&nbsp;to two&#xfe0e; and R&amp;D.\n", []string{"an entity reference:&nbsp;", "an entity reference:&#xfe0e;", "an entity reference:&amp;"}},
		{"unknown entity is text", "a.md", "A &notanentity; here.\n", nil},
		{"entities in plain text are leftovers", "a.txt", "Title\n\nSet&nbsp;to two.\n", nil},
		{"container line", "a.md", "::: tip Note\nBody.\n:::\n", []string{"markup:::: tip ", "a container's title:Note", "markup::::"}},
		{"shortcode", "a.md", "See {{< ref \"a.md\" >}} now.\n", []string{"markup:{{< ref \"a.md\" >}}"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := mustParse(t, tc.file, tc.src)
			var got []string
			for _, p := range doc.Protected {
				got = append(got, p.Kind.String()+":"+string(doc.Text(p.Span)))
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("protected = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestGuardFix: one place keeps every rule's safe fixes off markup.
func TestGuardFix(t *testing.T) {
	src := "Ask on the [the forum] and set&nbsp;it, the *the* cat.\n\n::: tip Note\nBody.\n:::\n\n[the forum]: https://example.org/f\n"
	doc := mustParse(t, "a.md", src)
	at := func(s string) int { return strings.Index(src, s) }
	label, ent, cont, em := at("[the forum]"), at("&nbsp;"), at("::: tip"), at("*the*")
	tests := []struct {
		name string
		edit lint.Edit
		want string // "safe", "unsafe" or "none"
	}{
		{"inside a label", lint.Edit{Start: label + 1, End: label + 5, NewText: ""}, "unsafe"},
		{"across the bracket", lint.Edit{Start: label - 4, End: label + 4, NewText: ""}, "unsafe"},
		{"insertion before the bracket", lint.Edit{Start: label, End: label, NewText: "x"}, "safe"},
		{"prose before", lint.Edit{Start: 0, End: 4, NewText: ""}, "safe"},
		{"replacing an entity", lint.Edit{Start: ent, End: ent + 6, NewText: " "}, "unsafe"},
		{"editing a container line", lint.Edit{Start: cont + 3, End: cont + 4, NewText: ""}, "none"},
		{"insertion inside a container line", lint.Edit{Start: cont + 4, End: cont + 4, NewText: " "}, "none"},
		{"editing a container's title", lint.Edit{Start: cont + 8, End: cont + 12, NewText: "Hint"}, "unsafe"},
		{"across the title and the name", lint.Edit{Start: cont + 4, End: cont + 12, NewText: ""}, "none"},
		{"removing emphasis whole", lint.Edit{Start: em - 1, End: em + 5, NewText: ""}, "safe"},
		{"editing inside emphasis", lint.Edit{Start: em + 1, End: em + 2, NewText: "T"}, "safe"},
		{"cutting an emphasis marker", lint.Edit{Start: em - 1, End: em + 4, NewText: ""}, "unsafe"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := lint.Diagnostic{Fix: &lint.Fix{Message: "Fix it", Applicability: lint.Safe, Edits: []lint.Edit{tc.edit}}}
			lint.GuardFix(doc.Summary, &d)
			got := "none"
			if d.Fix != nil {
				got = d.Fix.Applicability.String()
			}
			if got != tc.want {
				t.Errorf("fix is %s, want %s", got, tc.want)
			}
		})
	}
	// Through a rule: Pass.Report guards what a rule reports.
	r := &lint.Rule{ID: "fake", Category: lint.CategoryTypography, Severity: lint.SeverityWarning, Run: func(p *lint.Pass) {
		p.Report(lint.Diagnostic{Start: label, End: label + 5, Fix: &lint.Fix{Applicability: lint.Safe, Edits: []lint.Edit{{Start: label + 1, End: label + 5, NewText: ""}}}})
	}}
	ds := lint.Check(r, doc, lint.Options{})
	if len(ds) != 1 || ds[0].Fix == nil || ds[0].Fix.Applicability != lint.Unsafe {
		t.Errorf("Check through Pass.Report: %+v", ds)
	}
}

func TestHTMLArticle(t *testing.T) {
	src := "<!DOCTYPE html>\n<html><head><title>Tide &amp; time | News</title>\n" +
		"<meta property=\"article:published_time\" content=\"2025-03-14T09:30:00+08:00\">\n" +
		"<link rel=\"prev\" href=\"older.html\"></head>\n<body>\n<nav><a href=\"/\">Home</a></nav>\n" +
		"<h1>Tide&nbsp;gallery opens</h1>\n<p>The gallery opened&nbsp;on Friday. <a href=\"b.html\" rel=\"next\">Next story</a></p>\n" +
		"<pre>code  here</pre>\n</body></html>\n"
	doc := mustParse(t, "news/a.html", src)
	checkInvariants(t, doc)
	if doc.Format != document.FormatHTML {
		t.Fatalf("format %v", doc.Format)
	}
	if doc.Title != "Tide\u00a0gallery opens" {
		t.Errorf("title %q", doc.Title)
	}
	if got := string(doc.Text(doc.TitleSpan)); got != "Tide&nbsp;gallery opens" {
		t.Errorf("title span %q", got)
	}
	if doc.Date == nil || doc.Date.Raw != "2025-03-14T09:30:00+08:00" || doc.Date.ParseErr != nil {
		t.Errorf("date %+v", doc.Date)
	}
	var nav []string
	for _, n := range doc.Nav {
		nav = append(nav, n.Dir.String()+"="+n.Target+"|"+n.Text)
	}
	if want := []string{"previous=older.html|", "next=b.html|Next story"}; !reflect.DeepEqual(nav, want) {
		t.Errorf("nav %q, want %q", nav, want)
	}
	if got, want := proseWords(doc), []string{"Tide", "time", "News", "Tide", "gallery", "opens", "The", "gallery", "opened", "on", "Friday", "Next", "story"}; !reflect.DeepEqual(got, want) {
		t.Errorf("words %q, want %q", got, want)
	}
	// Entity references are markup tokens of their own, in place.
	for _, b := range doc.Blocks {
		for _, tok := range doc.BlockTokens(&b) {
			if s := string(doc.Text(tok.Span())); strings.HasPrefix(s, "&") && tok.Kind != document.TokMarkup {
				t.Errorf("entity %q read as %v", s, tok.Kind)
			}
		}
	}
	if !doc.InVerbatim(strings.Index(src, "<pre>")) || doc.InVerbatim(strings.Index(src, "The gallery")) {
		t.Error("verbatim spans: markup should be verbatim and prose not")
	}
}

func TestHTMLScrapedShapes(t *testing.T) {
	src := "<html><body>\n<p>Institute News</p>\n<h1>Lab opens</h1>\n<p>Date:2025-04-02 10:00</p>\n<p>The lab opened.</p>\n<p>[next]:Winter lectures</p>\n</body></html>\n"
	doc := mustParse(t, "a.htm", src)
	if doc.Title != "Lab opens" || doc.Date == nil || doc.Date.Raw != "2025-04-02 10:00" {
		t.Errorf("title %q date %+v", doc.Title, doc.Date)
	}
	if len(doc.Nav) != 1 || doc.Nav[0].Target != "Winter lectures" || doc.Nav[0].Dir != document.NavNext {
		t.Errorf("nav %+v", doc.Nav)
	}
}

func TestUnsupportedFormats(t *testing.T) {
	for _, name := range []string{"a.rst", "b.adoc", "c.asciidoc"} {
		if document.IsArticle(name) {
			t.Errorf("IsArticle(%s)", name)
		}
		_, err := Parse(name, []byte("Title\n=====\n\nText.\n"))
		if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), read.NotArticleFormat(name)) {
			t.Errorf("Parse(%s) = %v", name, err)
		}
	}
	for name, f := range map[string]document.Format{"a.mdx": document.FormatMarkdown, "a.html": document.FormatHTML, "a.HTM": document.FormatHTML, "a.md": document.FormatMarkdown, "a.txt": document.FormatText} {
		if document.FormatOf(name) != f || !document.IsArticle(name) {
			t.Errorf("%s: FormatOf %v IsArticle %v", name, document.FormatOf(name), document.IsArticle(name))
		}
	}
}

// TestDialectSideData: what the parsers read besides prose in the new
// shapes: MDX suppression comments, anchors in HTML blocks, link targets
// written as shortcodes.
func TestDialectSideData(t *testing.T) {
	doc := mustParse(t, "a.mdx", "{/* copydesk-disable-next-line repeated-word -- the band is The The */}\nThe The played.\n")
	if len(doc.Directives) != 1 || doc.Directives[0].Kind != document.DisableNextLine || doc.Directives[0].Rules[0] != "repeated-word" {
		t.Errorf("MDX directive: %+v", doc.Directives)
	}
	doc = mustParse(t, "a.md", "<div id=\"Top\"><a name=\"contact\"></a><!-- copydesk-disable-file -- generated --></div>\n")
	if !reflect.DeepEqual(doc.Anchors, []string{"top", "contact"}) || len(doc.Directives) != 1 {
		t.Errorf("anchors %q, directives %+v", doc.Anchors, doc.Directives)
	}
	doc = mustParse(t, "a.md", "See [the guide]({{< ref \"guide.md\" >}}) and [the repo][r].\n\n[r]: {{< param repo >}}/blob/main/a.go\n")
	if len(doc.Links) != 2 || doc.Links[0].Dest != `{{< ref "guide.md" >}}` || doc.Links[1].Dest != `{{< param repo >}}/blob/main/a.go` {
		t.Errorf("links %+v", doc.Links)
	}
}
