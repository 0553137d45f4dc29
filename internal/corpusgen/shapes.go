package corpusgen

import "strings"

const bullet = "  • "

// plainText writes a plain-text export: label, title, date, images with captions, paragraphs,
// byline, navigation. Each block is one line, or a few for the navigation.
func (w *writer) plainText(prev, next *article) {
	r, a := w.r, w.a
	if r.IntN(100) < 55 {
		w.block()
		w.raw(pick(r, sectionLabels))
	}
	w.block()
	w.raw(a.title)
	if r.IntN(100) < 85 {
		w.block()
		w.dateline()
	}
	if r.IntN(100) < 15 {
		w.block()
		w.raw("Source: ")
		w.prose(a.org.name)
	}
	if r.IntN(100) < 50 {
		w.image("")
	}
	n := 2 + r.IntN(4) + r.IntN(4)
	for i := 0; i < n; i++ {
		w.block()
		w.paragraph(i == 0, 60, 250)
		if i < n-1 && r.IntN(100) < 20 {
			w.image("")
		}
	}
	if r.IntN(100) < 12 {
		w.block()
		w.contact("")
	}
	if r.IntN(100) < 85 {
		w.block()
		w.byline()
	}
	w.navigation(prev, next, "")
	w.buf = append(w.buf, '\n')
}

// listPage writes the export of a list page: bullets before every block, a dashed line under the
// title, paragraphs indented by four spaces.
func (w *writer) listPage(prev, next *article) {
	r, a := w.r, w.a
	if r.IntN(100) < 60 {
		w.block()
		w.raw(bullet)
		w.raw(pick(r, sectionLabels))
	}
	w.block()
	w.raw(bullet)
	w.raw(a.title)
	w.buf = append(w.buf, '\n')
	dashes := 24 + r.IntN(49)
	for i := 0; i < dashes; i++ {
		w.buf = append(w.buf, '-')
	}
	if r.IntN(100) < 85 {
		w.block()
		w.raw(bullet)
		w.dateline()
	}
	if r.IntN(100) < 45 {
		w.image(bullet)
	}
	n := 2 + r.IntN(4) + r.IntN(3)
	for i := 0; i < n; i++ {
		w.block()
		w.raw("    ")
		w.paragraph(i == 0, 60, 250)
		if i < n-1 && r.IntN(100) < 15 {
			w.image(bullet)
		}
	}
	if r.IntN(100) < 80 {
		w.block()
		w.raw(bullet)
		w.byline()
	}
	w.navigation(prev, next, bullet)
	w.buf = append(w.buf, '\n')
}

// dateline writes the publication date under one of the labels exports use.
func (w *writer) dateline() {
	t := w.a.t
	switch w.r.IntN(11) {
	case 0, 1:
		w.buf = t.AppendFormat(append(w.buf, "Date:"...), "2006-01-02 15:04")
	case 2:
		w.buf = t.AppendFormat(append(w.buf, "Date: "...), "2006-01-02")
	case 3:
		w.buf = t.AppendFormat(append(w.buf, "Publish Time: "...), "Jan 2, 2006")
	case 4:
		w.buf = t.AppendFormat(append(w.buf, "Published: "...), "2 January 2006")
	case 5:
		w.raw("发布时间：")
		w.buf = appendInt(w.buf, t.Year())
		w.raw("年")
		w.buf = appendInt(w.buf, int(t.Month()))
		w.raw("月")
		w.buf = appendInt(w.buf, t.Day())
		w.raw("日")
	case 6:
		w.buf = t.AppendFormat(append(w.buf, "Release Date: "...), "2006/01/02")
	case 7:
		w.buf = t.AppendFormat(append(w.buf, "Posted on "...), "January 2, 2006")
		w.raw(" by the ")
		w.raw(pick(w.r, offices))
	case 8:
		w.buf = t.AppendFormat(append(w.buf, "Published: "...), "2 January 2006")
		w.raw(" | Views: ")
		w.buf = appendInt(w.buf, 80+w.r.IntN(5000))
	case 9:
		w.buf = t.AppendFormat(append(w.buf, "发布时间："...), "2006-01-02 15:04")
	default:
		w.buf = t.AppendFormat(w.buf, "2006-01-02")
	}
}

// image writes an image's file name and, usually, its caption, each a block behind prefix.
func (w *writer) image(prefix string) {
	w.block()
	w.raw(prefix)
	w.imageName()
	if w.r.IntN(100) < 85 {
		w.block()
		w.raw(prefix)
		w.caption()
	}
}

func (w *writer) imageName() {
	r, t := w.r, w.a.t
	switch r.IntN(7) {
	case 0, 1:
		w.raw("photo_")
		w.buf = appendPad2(w.buf, 1+r.IntN(12))
		w.raw(".jpg")
	case 2:
		w.raw("IMG_")
		w.buf = appendInt(w.buf, 1000+r.IntN(9000))
		w.raw(pick(r, imageExts[:2]))
	case 3:
		w.raw("DSC_")
		w.buf = appendPad2(w.buf, r.IntN(100))
		w.buf = appendPad2(w.buf, r.IntN(100))
		w.raw(pick(r, imageExts[:2]))
	case 4:
		w.raw("image")
		w.buf = append(w.buf, '0')
		w.buf = appendPad2(w.buf, 1+r.IntN(30))
		w.raw(pick(r, imageExts))
	case 5:
		w.buf = t.AppendFormat(w.buf, "20060102_150405")
		w.raw(".jpg")
	default:
		w.raw(pick(r, imageNames))
		w.buf = appendInt(w.buf, 1+r.IntN(40))
		w.raw(pick(r, imageExts))
	}
}

// caption writes a short caption, itself a line of prose.
func (w *writer) caption() {
	w.beginProse()
	if w.r.IntN(3) == 0 {
		start := len(w.buf)
		w.emit(captionT[w.r.IntN(len(captionT))])
		capitalize(w.buf, start)
	} else {
		w.prose(pick(w.r, captions))
	}
	w.endProse()
}

var cjkOffices = []string{"国际合作处", "宣传部", "科研处", "办公室", "教育部门", "党委宣传部"}

// byline writes who wrote the article and took the photos.
func (w *writer) byline() {
	r, a := w.r, w.a
	switch r.IntN(10) {
	case 0, 1:
		w.raw("Text and photo by ")
		w.orgMention()
		w.prose("'s ")
		w.raw(pick(r, offices))
	case 2:
		w.raw("Text by ")
		w.prose(a.p3.name)
		w.raw(", photos by ")
		w.prose(pickPerson(r).name)
	case 3:
		w.raw("(Contributed by the ")
		w.raw(pick(r, offices))
		w.raw(")")
	case 4:
		w.raw("Source: ")
		w.prose(a.org.name)
		w.raw(", ")
		w.raw(pick(r, offices))
	case 5:
		w.raw("Reporter: ")
		w.prose(pickPerson(r).name)
		w.raw(" | Editor: ")
		w.prose(pickPerson(r).name)
	case 6:
		w.raw("Editor: ")
		w.prose(pickPerson(r).name)
	case 7:
		w.raw("供稿：")
		w.raw(pick(r, cjkOffices))
	case 8:
		w.raw("Written by ")
		w.prose(pickPerson(r).name)
		w.raw("; reviewed by ")
		w.prose(pickPerson(r).name)
	default:
		w.raw("（文/图：")
		w.raw(cjkPeople[r.IntN(len(cjkPeople))].cjk)
		w.raw("）")
	}
}

// contact writes a small contact block, one item a line.
func (w *writer) contact(prefix string) {
	w.raw(prefix)
	w.raw("Contact: ")
	w.prose(pickPerson(w.r).name)
	w.buf = append(w.buf, '\n')
	w.raw(prefix)
	w.raw("Tel: ")
	w.phone()
	w.buf = append(w.buf, '\n')
	w.raw(prefix)
	w.raw("E-mail: ")
	w.email()
}

// navigation writes the links to the neighbouring articles, one block, each line behind prefix.
func (w *writer) navigation(prev, next *article, prefix string) {
	r := w.r
	if prev == nil && next == nil || r.IntN(100) >= 85 {
		return
	}
	var pl, nl string
	nextFirst := false
	switch r.IntN(4) {
	case 0, 1:
		pl, nl, nextFirst = "[previous]:", "[next]:", r.IntN(3) > 0
	case 2:
		pl, nl = "上一篇：", "下一篇："
	default:
		pl, nl = "Previous: ", "Next: "
	}
	lines := [2]struct {
		label string
		a     *article
	}{{pl, prev}, {nl, next}}
	if nextFirst {
		lines[0], lines[1] = lines[1], lines[0]
	}
	w.block()
	first := true
	for _, l := range lines {
		if l.a == nil {
			continue
		}
		if !first {
			w.buf = append(w.buf, '\n')
		}
		first = false
		w.raw(prefix)
		w.raw(l.label)
		w.raw(l.a.title)
	}
}

// markdown writes front matter and a Markdown body.
func (w *writer) markdown(prev, next *article) {
	r, a := w.r, w.a
	if a.format == formatTOML {
		w.tomlFront(prev, next)
	} else {
		w.yamlFront(prev, next)
	}
	w.buf = append(w.buf, '\n') // a blank line between the front matter and the body
	w.blocks = 0
	if r.IntN(100) < 20 {
		w.block()
		w.raw("# ")
		w.raw(a.title)
	}
	w.block()
	w.paragraph(true, 40, 160)
	n := 2 + r.IntN(5)
	list, code := false, false
	var usedHeadings uint32
	for i := 0; i < n; i++ {
		if r.IntN(100) < 35 {
			h := r.IntN(len(headings))
			if usedHeadings&(1<<h) == 0 {
				usedHeadings |= 1 << h
				w.block()
				w.raw("## ")
				w.raw(headings[h])
			}
		}
		w.block()
		w.paragraph(false, 40, 160)
		switch k := r.IntN(100); {
		case k < 25 && !list:
			list = true
			w.mdList()
		case k < 45 && !code:
			code = true
			w.codeBlock()
		case k < 65:
			w.block()
			w.raw("![")
			w.prose(pick(r, captions))
			w.buf = a.t.AppendFormat(append(w.buf, "](/images/"...), "2006/01/")
			w.imageName()
			w.raw(")")
		case k < 75:
			w.block()
			w.raw("> ")
			w.proseLine(quoteT[r.IntN(len(quoteT))])
		}
	}
	if r.IntN(100) < 50 {
		w.block()
		w.raw("*")
		w.byline()
		w.raw("*")
	}
	w.buf = append(w.buf, '\n')
}

func (w *writer) mdList() {
	r := w.r
	marker := "- "
	switch r.IntN(4) {
	case 0:
		marker = "* "
	case 1:
		marker = ""
	}
	w.block()
	n := 3 + r.IntN(4)
	start := r.IntN(len(listItemT))
	for i := 0; i < n; i++ {
		if i > 0 {
			w.buf = append(w.buf, '\n')
		}
		if marker == "" {
			w.buf = appendInt(w.buf, i+1)
			w.raw(". ")
		} else {
			w.raw(marker)
		}
		w.proseLine(listItemT[(start+i)%len(listItemT)])
	}
}

var stations = []string{"HB-01", "north-pier", "reef-07", "LK-2", "buoy-12", "estuary-3"}

func (w *writer) codeBlock() {
	r, a := w.r, w.a
	repo := pick(r, repoNames)
	w.block()
	switch r.IntN(5) {
	case 0:
		w.raw("```bash\ngit clone https://github.com/")
		appendLower(w, a.org.acronym)
		w.raw("/")
		w.raw(repo)
		w.raw(".git\ncd ")
		w.raw(repo)
		w.raw("\nmake install\n")
		w.raw(repo)
		w.raw(" --input data/")
		w.buf = appendInt(w.buf, a.t.Year())
		w.raw("/samples.csv --out results/\n```")
	case 1:
		w.raw("```json\n{\n  \"station\": \"")
		w.raw(pick(r, stations))
		w.raw("\",\n  \"depth_m\": ")
		w.buf = appendInt(w.buf, 2+r.IntN(200))
		w.raw(",\n  \"salinity\": 35.")
		w.buf = appendInt(w.buf, r.IntN(10))
		w.raw(",\n  \"observed\": \"")
		w.buf = a.t.AppendFormat(w.buf, "2006-01-02T15:04:05Z")
		w.raw("\"\n}\n```")
	case 2:
		mod := strings.ReplaceAll(repo, "-", "_")
		w.raw("```python\nimport ")
		w.raw(mod)
		w.raw("\n\ndata = ")
		w.raw(mod)
		w.raw(".load(\"samples_")
		w.buf = appendInt(w.buf, a.t.Year())
		w.raw(".csv\")\nprint(data.describe())\n```")
	case 3:
		w.raw("```yaml\nsite: ")
		w.raw(pick(r, stations))
		w.raw("\ninterval: ")
		w.buf = appendInt(w.buf, 5+r.IntN(55))
		w.raw("m\nsensors:\n  - temperature\n  - salinity\n```")
	default:
		w.raw("```\n")
		w.raw(repo)
		w.raw(" v1.")
		w.buf = appendInt(w.buf, r.IntN(10))
		w.raw("\nstations: ")
		w.buf = appendInt(w.buf, 3+r.IntN(40))
		w.raw("\nrecords: ")
		w.buf = appendInt(w.buf, 1000+r.IntN(90000))
		w.raw("\n```")
	}
}

// yamlFront writes YAML front matter between --- lines.
func (w *writer) yamlFront(prev, next *article) {
	r, a := w.r, w.a
	w.raw("---\ntitle: ")
	if r.IntN(2) == 0 && plainYAML(a.title) {
		w.raw(a.title)
	} else {
		w.quoted(a.title)
	}
	w.raw("\ndate: ")
	switch r.IntN(4) {
	case 0, 1:
		w.buf = a.t.AppendFormat(w.buf, "2006-01-02")
	case 2:
		w.buf = a.t.AppendFormat(w.buf, "2006-01-02T15:04:05+08:00")
	default:
		w.buf = a.t.AppendFormat(w.buf, "2006-01-02 15:04:05 +0000")
	}
	w.buf = append(w.buf, '\n')
	switch r.IntN(3) {
	case 0:
		w.raw("author: ")
		w.prose(a.p3.name)
	case 1:
		w.raw("by:\n  - ")
		w.prose(a.p3.name)
		w.raw("\n  - ")
		w.prose(a.p1.name)
	default:
		w.raw("authors: [")
		w.prose(a.p3.name)
		w.raw("]")
	}
	w.buf = append(w.buf, '\n')
	if r.IntN(10) < 3 {
		w.raw("slug: ")
		w.raw(a.slug)
		w.buf = append(w.buf, '\n')
	}
	if r.IntN(10) < 2 {
		w.raw("draft: false\n")
	}
	if r.IntN(10) < 6 {
		w.raw("description: ")
		w.summary()
		w.buf = append(w.buf, '\n')
	}
	if r.IntN(10) < 4 {
		w.raw("tags: [")
		w.raw(tags[a.kind%len(tags)])
		w.raw(", ")
		w.raw(tags[(a.kind+3+a.org.kind)%len(tags)])
		w.raw("]\n")
	}
	switch r.IntN(6) {
	case 0, 1: // VitePress, string or false
		w.yamlNav("prev", prev, false, r.IntN(2) == 0)
		w.yamlNav("next", next, false, r.IntN(2) == 0)
	case 2: // VitePress, {text, link}
		w.yamlNav("prev", prev, true, false)
		w.yamlNav("next", next, true, false)
	case 3:
		w.yamlNav("previous", prev, false, false)
		w.yamlNav("next", next, false, false)
	case 4: // Docusaurus
		for _, n := range [2]struct {
			key string
			a   *article
		}{{"pagination_prev", prev}, {"pagination_next", next}} {
			if n.a != nil {
				w.raw(n.key)
				w.raw(": ")
				w.raw(strings.TrimSuffix(n.a.name, n.a.ext))
				w.buf = append(w.buf, '\n')
			}
		}
	}
	w.raw("---\n")
}

func (w *writer) yamlNav(key string, n *article, object, falseAtEnd bool) {
	if n == nil {
		if falseAtEnd {
			w.raw(key)
			w.raw(": false\n")
		}
		return
	}
	w.raw(key)
	if object {
		w.raw(":\n  text: ")
		w.quoted(n.title)
		w.raw("\n  link: /")
		w.raw(strings.TrimSuffix(n.name, n.ext))
	} else {
		w.raw(": ")
		w.quoted(n.title)
	}
	w.buf = append(w.buf, '\n')
}

// tomlFront writes TOML front matter between +++ lines.
func (w *writer) tomlFront(prev, next *article) {
	r, a := w.r, w.a
	w.raw("+++\ntitle = ")
	w.quoted(a.title)
	w.raw("\ndate = ")
	switch r.IntN(3) {
	case 0:
		w.buf = a.t.AppendFormat(w.buf, "2006-01-02")
	case 1:
		w.buf = a.t.AppendFormat(w.buf, "2006-01-02T15:04:05+08:00")
	default:
		w.buf = a.t.AppendFormat(w.buf, "2006-01-02T15:04:05Z")
	}
	w.raw("\nauthors = [")
	w.quoted(a.p3.name)
	if r.IntN(2) == 0 {
		w.raw(", ")
		w.quoted(a.p1.name)
	}
	w.raw("]\n")
	if r.IntN(10) < 6 {
		w.raw("description = ")
		w.summary()
		w.buf = append(w.buf, '\n')
	}
	if r.IntN(10) < 2 {
		w.raw("draft = false\n")
	}
	pk := "previous"
	switch r.IntN(5) {
	case 0:
		pk = ""
	case 1, 2:
		pk = "prev"
	}
	if pk != "" {
		for _, n := range [2]struct {
			key string
			a   *article
		}{{pk, prev}, {"next", next}} {
			if n.a != nil {
				w.raw(n.key)
				w.raw(" = ")
				w.quoted(n.a.title)
				w.buf = append(w.buf, '\n')
			}
		}
	}
	if r.IntN(10) < 4 {
		w.raw("\n[extra]\nteam = ")
		w.quoted("the " + pick(r, offices))
		w.buf = append(w.buf, '\n')
	}
	w.raw("+++\n")
}

// summary writes a one-sentence description as a double-quoted string.
func (w *writer) summary() {
	start := len(w.buf)
	w.emit(summaryT[w.r.IntN(len(summaryT))])
	capitalize(w.buf, start)
	s := string(w.buf[start:])
	w.buf = w.buf[:start]
	w.quoted(s)
}

// quoted writes s as a double-quoted string, valid in YAML and TOML and for strconv.Unquote.
func (w *writer) quoted(s string) {
	w.buf = append(w.buf, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '\\':
			w.buf = append(w.buf, '\\', c)
		default:
			w.buf = append(w.buf, c)
		}
	}
	w.buf = append(w.buf, '"')
}

// plainYAML reports whether s can be written as a plain YAML scalar.
func plainYAML(s string) bool {
	if s == "" || strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return false
	}
	return !strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`", rune(s[0]))
}
