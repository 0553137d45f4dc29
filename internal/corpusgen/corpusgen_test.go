package corpusgen

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func collect(t testing.TB, opts Options) []Article {
	t.Helper()
	var arts []Article
	if err := Generate(opts, func(a Article) error {
		arts = append(arts, a)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return arts
}

func totalSize(arts []Article) int64 {
	var n int64
	for _, a := range arts {
		n += int64(len(a.Body))
	}
	return n
}

func TestDeterministic(t *testing.T) {
	opts := Options{Bytes: 1 << 20, Seed: 7, MarkdownShare: 0.3, DefectRate: 3}
	a, b := collect(t, opts), collect(t, opts)
	if len(a) != len(b) {
		t.Fatalf("%d articles, then %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Name != b[i].Name || a[i].Title != b[i].Title || !bytes.Equal(a[i].Body, b[i].Body) {
			t.Fatalf("article %d differs between runs: %s, %s", i, a[i].Name, b[i].Name)
		}
		if len(a[i].Defects) != len(b[i].Defects) {
			t.Fatalf("article %d: defects differ between runs", i)
		}
		for j := range a[i].Defects {
			if a[i].Defects[j] != b[i].Defects[j] {
				t.Fatalf("article %d: defect %d differs between runs", i, j)
			}
		}
	}
	opts.Seed = 8
	c := collect(t, opts)
	if len(c) > 0 && bytes.Equal(c[0].Body, a[0].Body) {
		t.Error("seeds 7 and 8 produced the same first article")
	}
}

func TestSize(t *testing.T) {
	for _, size := range []int64{2 << 20, 300 << 10} {
		arts := collect(t, Options{Bytes: size, Seed: 3, MarkdownShare: -1, DefectRate: 2})
		got := totalSize(arts)
		if d := float64(got-size) / float64(size); d < -0.1 || d > 0.1 {
			t.Errorf("Bytes %d: got %d bytes in %d articles, %.1f%% off", size, got, len(arts), 100*d)
		}
	}
	if arts := collect(t, Options{Bytes: 1}); len(arts) != 1 {
		t.Errorf("Bytes 1: got %d articles, want 1", len(arts))
	}
	if arts := collect(t, Options{}); len(arts) != 0 {
		t.Errorf("zero Options: got %d articles, want none", len(arts))
	}
}

func TestMarkdownShare(t *testing.T) {
	for _, tc := range []struct {
		share    float64
		min, max float64
	}{{0, 0, 0}, {-1, 0.18, 0.32}, {1, 1, 1}, {0.6, 0.5, 0.7}} {
		arts := collect(t, Options{Bytes: 1 << 20, Seed: 5, MarkdownShare: tc.share})
		md := 0
		for _, a := range arts {
			if !strings.HasSuffix(a.Name, ".txt") {
				md++
			}
		}
		if f := float64(md) / float64(len(arts)); f < tc.min || f > tc.max {
			t.Errorf("MarkdownShare %v: %.2f of %d articles are Markdown, want %v to %v",
				tc.share, f, len(arts), tc.min, tc.max)
		}
	}
}

// navTargets returns the titles (or, for Docusaurus, document ids) an article links to as previous
// and next.
func navTargets(t *testing.T, a Article) (prev, next []string) {
	t.Helper()
	body := string(a.Body)
	if strings.HasSuffix(a.Name, ".txt") {
		for _, line := range strings.Split(body, "\n") {
			line = strings.TrimPrefix(line, bullet)
			for _, l := range []struct {
				label string
				next  bool
			}{{"[previous]:", false}, {"[next]:", true}, {"上一篇：", false}, {"下一篇：", true},
				{"Previous: ", false}, {"Next: ", true}} {
				if v, ok := strings.CutPrefix(line, l.label); ok {
					if l.next {
						next = append(next, v)
					} else {
						prev = append(prev, v)
					}
				}
			}
		}
		return prev, next
	}
	front, _ := frontMatter(t, a)
	lines := strings.Split(front, "\n")
	for i, line := range lines {
		key, val, ok := strings.Cut(line, ": ")
		if !ok {
			key, val, ok = strings.Cut(line, " = ")
		}
		if !ok && strings.HasSuffix(line, ":") && i+1 < len(lines) {
			key = strings.TrimSuffix(line, ":")
			val, ok = strings.CutPrefix(lines[i+1], "  text: ")
		}
		if !ok || val == "false" {
			continue
		}
		switch key {
		case "prev", "previous":
			prev = append(prev, unquote(t, a, val))
		case "next":
			next = append(next, unquote(t, a, val))
		case "pagination_prev":
			prev = append(prev, val)
		case "pagination_next":
			next = append(next, val)
		}
	}
	return prev, next
}

func unquote(t *testing.T, a Article, s string) string {
	t.Helper()
	u, err := strconv.Unquote(s)
	if err != nil {
		t.Errorf("%s: bad quoted string %s: %v", a.Name, s, err)
	}
	return u
}

// frontMatter returns the front matter of a Markdown article, between its fences, and the body after it.
func frontMatter(t *testing.T, a Article) (front, rest string) {
	t.Helper()
	body := string(a.Body)
	fence := body[:min(4, len(body))]
	if fence != "---\n" && fence != "+++\n" {
		t.Errorf("%s: no front matter fence at the start", a.Name)
		return "", body
	}
	i := strings.Index(body[4:], "\n"+fence)
	if i < 0 {
		t.Errorf("%s: front matter opened with %q is not closed", a.Name, fence[:3])
		return "", body
	}
	return body[4 : 4+i+1], body[4+i+5:]
}

func TestShapes(t *testing.T) {
	arts := collect(t, Options{Bytes: 3 << 20, Seed: 11, MarkdownShare: -1, DefectRate: 2})
	names := map[string]bool{}
	seen := map[string]int{}
	for i, a := range arts {
		if names[a.Name] {
			t.Errorf("duplicate name %s", a.Name)
		}
		names[a.Name] = true
		if !utf8.Valid(a.Body) {
			t.Errorf("%s: not valid UTF-8", a.Name)
		}
		if a.Title == "" || strings.ContainsAny(a.Title, "\n\r") {
			t.Errorf("%s: bad title %q", a.Name, a.Title)
		}
		ext := filepath.Ext(a.Name)
		switch ext {
		case ".txt":
			lines := strings.Split(string(a.Body), "\n")
			found := false
			for _, line := range lines[:min(len(lines), 6)] {
				if strings.TrimPrefix(line, bullet) == a.Title {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: no title line %q near the top", a.Name, a.Title)
			}
			if strings.HasPrefix(lines[0], bullet) {
				seen["list page"]++
			}
		case ".md", ".markdown":
			front, _ := frontMatter(t, a)
			if a.Body[0] == '+' {
				seen["toml"]++
				if !strings.Contains(front, "title = "+strconv.Quote(a.Title)) {
					t.Errorf("%s: TOML title is not %q", a.Name, a.Title)
				}
			} else {
				seen["yaml"]++
				if !strings.Contains(front, "title: "+strconv.Quote(a.Title)+"\n") &&
					!strings.Contains(front, "title: "+a.Title+"\n") {
					t.Errorf("%s: YAML title is not %q", a.Name, a.Title)
				}
			}
			if strings.Contains(string(a.Body), "\n```") {
				seen["code block"]++
			}
		default:
			t.Errorf("%s: unexpected extension", a.Name)
		}
		body := string(a.Body)
		for _, s := range []string{"Date:", "Publish Time: ", "Published: ", "发布时间：", "photo_", "IMG_",
			"Text and photo by ", "hereinafter", "“", "\"", "@", "https://", "e.g.,", "U.S.", "Inc."} {
			if strings.Contains(body, s) {
				seen[s]++
			}
		}

		// Navigation points at the neighbours, and only at them.
		prev, next := navTargets(t, a)
		for _, p := range prev {
			if i == 0 || p != arts[i-1].Title && p != strings.TrimSuffix(arts[i-1].Name, filepath.Ext(arts[i-1].Name)) {
				t.Errorf("%s: previous %q is not the previous article", a.Name, p)
			}
		}
		for _, n := range next {
			if i == len(arts)-1 || n != arts[i+1].Title && n != strings.TrimSuffix(arts[i+1].Name, filepath.Ext(arts[i+1].Name)) {
				t.Errorf("%s: next %q is not the next article", a.Name, n)
			}
		}
		if len(prev) > 0 || len(next) > 0 {
			seen["navigation"]++
		}
	}
	for _, s := range []string{"list page", "toml", "yaml", "code block", "Date:", "Publish Time: ", "Published: ",
		"发布时间：", "photo_", "IMG_", "Text and photo by ", "hereinafter", "“", "\"", "@", "https://", "e.g.,",
		"U.S.", "Inc.", "navigation"} {
		if seen[s] == 0 {
			t.Errorf("no article has %q", s)
		}
	}
	if t.Failed() {
		return
	}
	if seen["navigation"] < len(arts)/2 {
		t.Errorf("only %d of %d articles have navigation", seen["navigation"], len(arts))
	}
}

// cleanProblems lists what a clean article must not contain.
func cleanProblems(a Article) []string {
	var out []string
	body := string(a.Body)
	for _, bad := range []string{"\u00a0", "\u200b", "&nbsp;", "&amp;", "&quot;", "â€", "Ã", "Â", "，", "\n\n\n", " ,"} {
		if strings.Contains(body, bad) {
			out = append(out, "contains "+strconv.Quote(bad))
		}
	}
	inCode := false
	for n, line := range strings.Split(body, "\n") {
		where := a.Name + ":" + strconv.Itoa(n+1) + ": "
		if strings.HasPrefix(line, "```") {
			inCode = !inCode
		}
		if strings.HasSuffix(line, " ") || strings.HasSuffix(line, "\t") {
			out = append(out, where+"trailing white space")
		}
		content := strings.TrimLeft(line, " •")
		if strings.Contains(content, "  ") {
			out = append(out, where+"double space")
		}
		if inCode {
			continue
		}
		if strings.Contains(content, "..") || strings.Contains(content, ",,") {
			out = append(out, where+"doubled punctuation")
		}
		if strings.Count(line, "“") != strings.Count(line, "”") {
			out = append(out, where+"unbalanced curly quotes")
		}
		words := strings.Split(content, " ")
		for i := 1; i < len(words); i++ {
			x, y := words[i-1], words[i]
			if x == "" || y == "" || !isAlnum(x[len(x)-1]) || !isAlnum(y[0]) {
				continue
			}
			if strings.EqualFold(x, strings.TrimRight(y, ".,;:!?)”\"")) {
				out = append(out, where+"doubled word "+strconv.Quote(x+" "+y))
			}
		}
	}
	return out
}

func TestCleanOutput(t *testing.T) {
	arts := collect(t, Options{Bytes: 3 << 20, Seed: 2, MarkdownShare: 0.4})
	bad := 0
	for _, a := range arts {
		if a.Defects != nil {
			t.Errorf("%s: defects %v with DefectRate 0", a.Name, a.Defects)
		}
		for _, p := range cleanProblems(a) {
			if bad++; bad <= 20 {
				t.Error(p)
			}
		}
	}
	if bad > 20 {
		t.Errorf("and %d more problems", bad-20)
	}
}

func TestParagraphsAreLongLines(t *testing.T) {
	arts := collect(t, Options{Bytes: 512 << 10, Seed: 4})
	long := 0
	for _, a := range arts {
		for _, line := range strings.Split(string(a.Body), "\n") {
			if n := len(strings.Fields(line)); n >= 60 {
				long++
				if n > 300 {
					t.Errorf("%s: a paragraph of %d words", a.Name, n)
				}
			}
		}
	}
	if long < 2*len(arts) {
		t.Errorf("%d paragraphs of 60 words or more in %d articles", long, len(arts))
	}
}

// checkDefect reports what is wrong with the claim that d is in body.
func checkDefect(body []byte, d Defect) string {
	o := d.Offset
	if o < 0 || o >= len(body) {
		return "offset out of range"
	}
	rest := body[o:]
	has := func(prefixes ...string) bool {
		for _, p := range prefixes {
			if bytes.HasPrefix(rest, []byte(p)) {
				return true
			}
		}
		return false
	}
	lineEnd := bytes.IndexByte(rest, '\n')
	if lineEnd < 0 {
		lineEnd = len(rest)
	}
	switch d.Kind {
	case KindDoubledWord:
		j := bytes.IndexByte(rest, ' ')
		word := string(rest[:j])
		if o < len(word)+1 || string(body[o-len(word)-1:o-1]) != word {
			return "no repeated word " + strconv.Quote(word)
		}
	case KindDoubledPunctuation:
		if o == 0 || body[o] != body[o-1] || !strings.ContainsRune(".,;:!?", rune(body[o])) {
			return "no doubled punctuation"
		}
	case KindSpaceBeforeComma:
		if !has(" ,") {
			return "no space before a comma"
		}
	case KindDoubleSpace:
		if o == 0 || body[o-1] != ' ' || body[o] != ' ' {
			return "no double space"
		}
	case KindNBSPSpace:
		if !has("\u00a0") {
			return "no no-break space"
		}
	case KindZeroWidthSpace:
		if !has("\u200b") {
			return "no zero-width space"
		}
	case KindHTMLEntity:
		if !has("&amp;", "&nbsp;", "&quot;") {
			return "no entity"
		}
	case KindMojibake:
		if !has("â€", "Ã", "Â") {
			return "no mojibake"
		}
	case KindFullwidthComma:
		if !has("，") {
			return "no full-width comma"
		}
	case KindMismatchedQuote:
		if !has(`"`, "”", "“") {
			return "no quotation mark"
		}
	case KindTrailingSpace, KindTrailingNBSP:
		if len(strings.TrimRight(string(rest[:lineEnd]), " \t\u00a0")) != 0 || lineEnd == 0 {
			return "no trailing white space"
		}
	case KindBlankLines:
		if !has("\n\n") {
			return "no blank lines"
		}
	default:
		return "unknown kind"
	}
	return ""
}

func TestDefects(t *testing.T) {
	const rate = 2.0
	arts := collect(t, Options{Bytes: 4 << 20, Seed: 9, MarkdownShare: -1, DefectRate: rate})
	kindCount := map[string]int{}
	defects, words := 0, 0
	for _, a := range arts {
		words += len(bytes.Fields(a.Body))
		last := -1
		for _, d := range a.Defects {
			if d.Offset < last {
				t.Errorf("%s: defects out of order", a.Name)
			}
			last = d.Offset
			if msg := checkDefect(a.Body, d); msg != "" {
				lo, hi := max(d.Offset-30, 0), min(d.Offset+30, len(a.Body))
				t.Errorf("%s: %s at %d: %s: %q", a.Name, d.Kind, d.Offset, msg, a.Body[lo:hi])
			}
			kindCount[d.Kind]++
			defects++
		}
	}
	for _, k := range Kinds() {
		if kindCount[k] < 20 {
			t.Errorf("only %d defects of kind %s", kindCount[k], k)
		}
	}
	perK := 1000 * float64(defects) / float64(words)
	if perK < 0.6*rate || perK > 1.2*rate {
		t.Errorf("%.2f defects per 1,000 words, want about %v", perK, rate)
	}
	t.Logf("%d defects in %d words (%.2f per 1,000)", defects, words, perK)
}

func TestInject(t *testing.T) {
	line := []byte(`Both sides agreed, and the Museum’s “Ocean Night” drew crowds to Montréal.`)
	word := func(w string) int { return bytes.Index(line, []byte(" "+w)) + 1 }
	r := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct {
		kind string
		at   int
		want string
	}{
		{KindDoubledWord, word("the"), `Both sides agreed, and the the Museum’s`},
		{KindDoubledPunctuation, word("agreed,"), `agreed,, and`},
		{KindSpaceBeforeComma, word("agreed,"), `agreed , and`},
		{KindDoubleSpace, word("the"), `and  the`},
		{KindNBSPSpace, word("the"), "and\u00a0the"},
		{KindHTMLEntity, word("and"), `agreed, &amp; the`},
		{KindHTMLEntity, word("drew"), `”&nbsp;drew`},
		{KindMojibake, word("Museum’s"), `Museumâ€™s`},
		{KindMojibake, word("Montréal."), `MontrÃ©al.`},
		{KindMojibake, word("crowds"), `drewÂ crowds`},
		{KindMismatchedQuote, word("Night”"), `“Ocean Night" drew`},
		{KindBlankLines, 0, "Montréal.\n\n"},
	} {
		out, off, ok := Inject(tc.kind, line, tc.at, r)
		if !ok || !bytes.Contains(out, []byte(tc.want)) {
			t.Errorf("Inject(%s, %d) = %q, %v; want it to contain %q", tc.kind, tc.at, out, ok, tc.want)
			continue
		}
		if msg := checkDefect(out, Defect{tc.kind, off}); msg != "" {
			t.Errorf("Inject(%s, %d): offset %d: %s", tc.kind, tc.at, off, msg)
		}
	}
	if _, _, ok := Inject(KindFullwidthComma, line, word("the"), r); ok {
		t.Error("a full-width comma planted after a word without a comma")
	}
	if _, _, ok := Inject(KindDoubledWord, line, 3, r); ok {
		t.Error("a defect planted at an offset that is not a word start")
	}
	out, off, ok := Inject(KindFullwidthComma, line, word("agreed,"), r)
	if !ok || !bytes.HasPrefix(out[off:], []byte("，")) || !bytes.HasPrefix(line, []byte("Both sides agreed, and")) {
		t.Errorf("full-width comma: %q at %d, and the input became %q", out, off, line)
	}
	for _, k := range []string{KindTrailingSpace, KindTrailingNBSP} {
		out, off, ok := Inject(k, line, 0, r)
		if !ok || off != len(line) || len(strings.TrimRight(string(out), " \t\u00a0")) != len(line) {
			t.Errorf("Inject(%s) = %q, %d, %v", k, out, off, ok)
		}
	}
}

func TestWriteDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	opts := Options{Bytes: 200 << 10, Seed: 1, MarkdownShare: -1, DefectRate: 2}
	files, n, err := WriteDir(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	arts := collect(t, opts)
	if files != len(arts) || n != totalSize(arts) {
		t.Errorf("WriteDir wrote %d files, %d bytes; Generate made %d, %d", files, n, len(arts), totalSize(arts))
	}
	for _, a := range arts {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(a.Name)))
		if err != nil || !bytes.Equal(got, a.Body) {
			t.Errorf("%s: file differs from the generated article (%v)", a.Name, err)
		}
	}
}

func BenchmarkGenerate(b *testing.B) {
	opts := Options{Bytes: 20 << 20, Seed: 1, MarkdownShare: -1, DefectRate: 2}
	var n int64
	for b.Loop() {
		n = 0
		if err := Generate(opts, func(a Article) error {
			n += int64(len(a.Body))
			return nil
		}); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(n)
}

func TestPlant(t *testing.T) {
	line := []byte(`Both sides agreed, and the Museum’s “Ocean Night” (a late opening) drew crowds to Montréal. Guests came from Lakeside: students, staff and “friends”.`)
	word := func(w string) int { return bytes.Index(line, []byte(" "+w)) + 1 }
	for _, tc := range []struct {
		kind   string
		at     int
		want   string // a part of the new line
		extent string // out[start:end], or its prefix when it ends in "…"
	}{
		{KindDoubledWord, word("the"), `and the the Museum’s`, `the`},
		{KindDoubledPunctuation, word("agreed,"), `agreed,, and`, `,`},
		{KindSpaceBeforeComma, word("agreed,"), `agreed , and`, ` ,`},
		{KindDoubleSpace, word("drew"), `)  drew`, ` `},
		{KindNBSPSpace, word("drew"), ")\u00a0drew", "\u00a0"},
		{KindTrailingSpace, 0, `friends”.`, ``},
		{KindSpaceBeforePunctuation, word("Lakeside:"), `Lakeside : students`, ` :`},
		{KindSpaceBeforePunctuation, word("Montréal."), `Montréal . Guests`, ` .`},
		{KindMissingSpaceAfter, word("agreed,"), `agreed,and`, `,a`},
		{KindMissingSpaceAfter, word("Lakeside:"), `Lakeside:students`, `:s`},
		{KindMixedQuotes, word("“Ocean"), `Museum’s "Ocean Night" (a`, `"Ocean Night"`},
		{KindFullwidthPunctuation, word("Lakeside:"), `Lakeside：`, `：`},
		{KindEntityChar, word("Museum’s"), `Museum&`, `&`},
		{KindEntityChar, word("Montréal."), `Montr&`, `&`},
		{KindDecomposed, word("Montréal."), "Montre\u0301al.", "e\u0301"},
		{KindBulletArtifact, 0, `Both sides`, ``},
		{KindImageLine, 0, "“friends”.\n\n", ``},
		{KindSeparatorLine, 0, "“friends”.\n\n", ``},
	} {
		r := rand.New(rand.NewPCG(1, 2))
		out, start, end, ok := Plant(tc.kind, line, tc.at, r)
		if !ok || !bytes.Contains(out, []byte(tc.want)) || start >= end || end > len(out) {
			t.Errorf("Plant(%s, %d) = %q, [%d, %d), %v; want it to contain %q", tc.kind, tc.at, out, start, end, ok, tc.want)
			continue
		}
		if !bytes.HasPrefix(out[start:end], []byte(tc.extent)) {
			t.Errorf("Plant(%s): extent %q, want %q", tc.kind, out[start:end], tc.extent)
		}
		if !utf8.Valid(out) {
			t.Errorf("Plant(%s): invalid UTF-8 %q", tc.kind, out)
		}
	}
	// The line-end defects and the bullet have a known shape.
	r := rand.New(rand.NewPCG(3, 4))
	if out, s, e, ok := Plant(KindMissingTerminal, line, 0, r); ok {
		t.Errorf("a full stop removed after a quotation mark: %q [%d, %d)", out, s, e)
	}
	short := []byte("Guests came from Lakeside.")
	if out, s, e, ok := Plant(KindMissingTerminal, short, 0, r); !ok || string(out) != "Guests came from Lakeside" || string(out[s:e]) != "Lakeside" {
		t.Errorf("missing terminal: %q [%d, %d), %v", out, s, e, ok)
	}
	if out, s, e, ok := Plant(KindBulletArtifact, short, 0, r); !ok || !bytes.HasSuffix(out, append([]byte(" "), short...)) || s != 0 || e != len(out)-len(short)-1 {
		t.Errorf("bullet: %q [%d, %d), %v", out, s, e, ok)
	}
	for _, k := range []string{KindImageLine, KindSeparatorLine} {
		out, s, e, ok := Plant(k, short, 0, r)
		if !ok || !bytes.HasPrefix(out, append(short, "\n\n"...)) || s != len(short)+2 || e != len(out) || bytes.ContainsAny(out[s:], " \n") {
			t.Errorf("Plant(%s) = %q [%d, %d), %v", k, out, s, e, ok)
		}
	}
	// Quotation marks and brackets: one of the pair goes, the extent runs from the one left to
	// where the other was.
	for seed := uint64(0); seed < 8; seed++ {
		r := rand.New(rand.NewPCG(seed, 1))
		out, s, e, ok := Plant(KindUnbalancedQuote, line, word("“Ocean"), r)
		if !ok || bytes.Count(out, []byte("“")) != 2 && bytes.Count(out, []byte("”")) != 2 {
			t.Errorf("unbalanced quote: %q, %v", out, ok)
			continue
		}
		if x := string(out[s:e]); x != "“Ocean Night" && x != "Ocean Night”" {
			t.Errorf("unbalanced quote: extent %q in %q", x, out)
		}
		out, s, e, ok = Plant(KindUnbalancedBracket, line, word("(a"), r)
		if x := string(out[s:e]); !ok || x != "(a late opening" && x != "a late opening)" {
			t.Errorf("unbalanced bracket: extent %q in %q", x, out)
		}
	}
	// No place for them here.
	for _, tc := range []struct {
		kind string
		at   int
	}{
		{KindMissingSpaceAfter, word("Montréal.")}, // not letters only before the full stop
		{KindMissingSpaceAfter, word("friends”.")},
		{KindSpaceBeforePunctuation, word("sides")},
		{KindUnbalancedQuote, word("sides")},
		{KindMixedQuotes, word("(a")},
		{KindUnbalancedBracket, word("“Ocean")},
		{KindEntityChar, word("sides")},
		{KindDecomposed, word("Museum’s")},
		{KindFullwidthPunctuation, word("the")},
		{"no-such-kind", word("the")},
	} {
		if out, _, _, ok := Plant(tc.kind, line, tc.at, rand.New(rand.NewPCG(1, 1))); ok {
			t.Errorf("Plant(%s, %d) planted: %q", tc.kind, tc.at, out)
		}
	}
	if _, _, _, ok := Plant(KindMissingTerminal, []byte("Harbor City Museum Inc."), 0, r); ok {
		t.Error("a full stop removed after an abbreviation")
	}
	if _, _, _, ok := Plant(KindImageLine, []byte("Download the map:"), 0, r); ok {
		t.Error("an image name planted after a colon")
	}
	straight := []byte(`She called it "a beginning" and "a promise".`)
	if _, _, _, ok := Plant(KindUnbalancedQuote, straight, bytes.Index(straight, []byte(`"a b`)), r); ok {
		t.Error("a straight quote removed where other straight quotes would re-pair")
	}
	one := []byte(`She called it "a beginning" today.`)
	out, s, e, ok := Plant(KindMixedQuotes, one, bytes.IndexByte(one, '"'), r)
	if !ok || string(out) != `She called it “a beginning” today.` || string(out[s:e]) != "“a beginning”" {
		t.Errorf("mixed quotes: %q [%d, %d)", out, s, e)
	}
}

func TestAllKinds(t *testing.T) {
	all := AllKinds()
	seen := map[string]bool{}
	for _, k := range all {
		if seen[k] {
			t.Errorf("kind %s listed twice", k)
		}
		seen[k] = true
	}
	for _, k := range Kinds() {
		if !seen[k] {
			t.Errorf("kind %s planted by Generate but not in AllKinds", k)
		}
	}
	if len(all) != len(injectors)+len(extraInjectors) {
		t.Errorf("%d kinds, want %d", len(all), len(injectors)+len(extraInjectors))
	}
}
