// Package corpusgen generates deterministic synthetic corpora of institutional news articles,
// plain-text exports and Markdown, for benchmarks and for evaluations that plant defects at known places.
package corpusgen

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// DefaultMarkdownShare is the share of Markdown articles used when Options.MarkdownShare is negative.
const DefaultMarkdownShare = 0.25

// Options say what to generate. The zero value produces nothing (Bytes is 0); every other field's
// zero value is meaningful: seed 0, plain text only, no defects.
type Options struct {
	// Bytes is the approximate total size of the articles' bodies: generation stops within about
	// one article's size of it. Zero or negative produces no articles; any positive size at least one.
	Bytes int64
	// Seed selects the corpus: equal Options give byte-identical output.
	Seed int64
	// MarkdownShare is the fraction of articles written as Markdown (.md, .markdown), the rest being
	// plain-text exports (.txt). 0 means plain text only; a negative value means DefaultMarkdownShare;
	// values above 1 mean 1.
	MarkdownShare float64
	// DefectRate is the expected number of defects per 1,000 words of prose, e.g. 2. Defects go
	// only into prose lines (paragraphs, captions, list items, block quotes), never into titles,
	// navigation, front matter, URLs or code. 0 (or negative) produces clean articles.
	DefectRate float64
}

// Article is one generated file.
type Article struct {
	// Name is the relative path, slash-separated, e.g. "2025/03/museum-signs-partnership.txt".
	Name string
	// Title is the article's title exactly as written in Body (and in its neighbours' navigation).
	Title string
	// Body is the file's content. It belongs to the receiver, which may keep it.
	Body []byte
	// Defects lists the defects planted in Body, in order of Offset; nil when there are none.
	Defects []Defect
}

// Defect is one planted defect.
type Defect struct {
	// Kind is one of the Kind constants, e.g. KindDoubledWord.
	Kind string
	// Offset is the byte offset in Body of the first byte the defect inserted or changed.
	Offset int
}

// Generate produces articles for opts and passes them, in order, to emit. Consecutive articles form
// one chain of previous/next navigation, oldest first. An error from emit stops generation and is
// returned.
func Generate(opts Options, emit func(Article) error) error {
	if opts.Bytes <= 0 {
		return nil
	}
	g := newGenerator(opts)
	cur := g.plan()
	var prev *article
	var count int
	for {
		avg := int64(4500)
		if count > 0 {
			avg = g.total / int64(count)
		}
		last := g.total+avg*3/2 > opts.Bytes
		var next *article
		if !last {
			next = g.plan()
		}
		art := g.build(cur, prev, next)
		g.total += int64(len(art.Body))
		count++
		if err := emit(art); err != nil {
			return err
		}
		if last {
			return nil
		}
		prev, cur = cur, next
	}
}

// WriteDir generates the articles for opts into dir, creating dir and the sub-directories as needed
// and overwriting files of the same names. It reports how many files and bytes it wrote.
func WriteDir(dir string, opts Options) (files int, bytes int64, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, 0, err
	}
	made := map[string]bool{}
	err = Generate(opts, func(a Article) error {
		path := filepath.Join(dir, filepath.FromSlash(a.Name))
		sub := filepath.Dir(path)
		if !made[sub] {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return err
			}
			made[sub] = true
		}
		if err := os.WriteFile(path, a.Body, 0o644); err != nil {
			return err
		}
		files++
		bytes += int64(len(a.Body))
		return nil
	})
	return files, bytes, err
}

// Article formats.
const (
	formatText = iota // a plain-text export
	formatList        // a plain-text export of a list page, with bullets
	formatYAML        // Markdown with YAML front matter
	formatTOML        // Markdown with TOML front matter
)

type generator struct {
	r        *rand.Rand
	w        *writer
	mdShare  float64
	total    int64
	n        int
	names    map[string]bool
	clock    time.Time
	stepMins int64
	scratch  []byte
}

func newGenerator(opts Options) *generator {
	share := opts.MarkdownShare
	switch {
	case share < 0:
		share = DefaultMarkdownShare
	case share > 1:
		share = 1
	}
	if opts.DefectRate < 0 {
		opts.DefectRate = 0
	}
	r := rand.New(rand.NewPCG(uint64(opts.Seed), uint64(opts.Seed)^0x9e3779b97f4a7c15))
	// Spread the corpus over about six years whatever its size, starting in 2017 or 2018.
	expected := opts.Bytes / 4500
	if expected < 1 {
		expected = 1
	}
	span := int64(6 * 365 * 24 * 60)
	start := time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(400))
	return &generator{
		r:        r,
		w:        newWriter(r, opts.DefectRate),
		mdShare:  share,
		names:    map[string]bool{},
		clock:    start,
		stepMins: 2*span/expected + 1,
	}
}

// plan chooses everything about the next article that its neighbours need (title, name) or that
// the title mentions.
func (g *generator) plan() *article {
	r := g.r
	a := &article{idx: g.n}
	g.n++

	g.clock = g.clock.Add(time.Duration(r.Int64N(g.stepMins)) * time.Minute)
	y, m, d := g.clock.Date()
	a.t = time.Date(y, m, d, 8+r.IntN(11), r.IntN(60), 0, 0, time.UTC)

	switch {
	case r.Float64() < g.mdShare:
		a.format = formatYAML
		if r.IntN(10) < 3 {
			a.format = formatTOML
		}
		a.ext = ".md"
		if r.IntN(20) == 0 {
			a.ext = ".markdown"
		}
	case r.IntN(100) < 15:
		a.format, a.ext = formatList, ".txt"
	default:
		a.format, a.ext = formatText, ".txt"
	}

	a.kind = r.IntN(len(kinds))
	a.org = &orgs[r.IntN(len(orgs))]
	for {
		a.org2 = &orgs[r.IntN(len(orgs))]
		if a.org2.kind != a.org.kind && a.org2.city != a.org.city {
			break
		}
	}
	a.p1, a.p2, a.p3 = pickPerson(r), pickPerson(r), pickPerson(r)
	for a.p2.name == a.p1.name {
		a.p2 = pickPerson(r)
	}
	for a.p3.name == a.p1.name || a.p3.name == a.p2.name {
		a.p3 = pickPerson(r)
	}
	a.role1, a.role2 = pick(r, roles), pick(r, roles)
	a.topic, a.topic2 = pick(r, topics), pick(r, topics)
	for a.topic2 == a.topic {
		a.topic2 = pick(r, topics)
	}
	a.field = pick(r, fields)
	a.event = pick(r, events)
	a.exhibit = pick(r, exhibits)
	a.lab = pick(r, labs)
	a.project = pick(r, projects)
	a.journal = pick(r, journals)
	a.wcity = pick(r, worldCities)
	a.season = pick(r, seasons)
	for strings.HasPrefix(a.event, strings.ToLower(a.season)) {
		a.season = pick(r, seasons) // not "Summer summer school"
	}
	a.cjk = cjkTerms[r.IntN(len(cjkTerms))]
	a.style = quoteStyle(r.IntN(3))
	a.dayFirst = r.IntN(3) == 0
	a.clock12 = r.IntN(2) == 0
	a.defForm = r.IntN(3)
	a.setDates(r)

	g.scratch = g.w.render(g.scratch[:0], a, titles[a.kind][r.IntN(len(titles[a.kind]))])
	capitalize(g.scratch, 0)
	a.title = string(g.scratch)

	a.slug = slugify(a.title)
	base := a.t.Format("2006/01/") + a.slug
	name := base + a.ext
	for i := 2; g.names[name]; i++ {
		name = base + "-" + itoa(i) + a.ext
	}
	g.names[name] = true
	a.name = name
	return a
}

// build writes the article planned as a, between its neighbours prev and next (nil at the ends).
func (g *generator) build(a, prev, next *article) Article {
	w := g.w
	w.start(a)
	switch a.format {
	case formatText:
		w.plainText(prev, next)
	case formatList:
		w.listPage(prev, next)
	default:
		w.markdown(prev, next)
	}
	body := make([]byte, len(w.buf))
	copy(body, w.buf)
	var defects []Defect
	if len(w.defects) > 0 {
		defects = append([]Defect(nil), w.defects...)
	}
	return Article{Name: a.name, Title: a.title, Body: body, Defects: defects}
}

// Long generates one article of about opts.Bytes: the first generated
// article whole, then the bodies of the following ones, so that it has
// one front matter and one title and reads as a very long article with
// many paragraphs, headings, links and (with DefectRate) defects.
func Long(opts Options) []byte {
	var out []byte
	size := opts.Bytes
	opts.Bytes *= 2
	stop := errors.New("long enough")
	_ = Generate(opts, func(a Article) error {
		body := a.Body
		if out != nil {
			body = withoutFrontMatter(body)
		}
		out = append(out, body...)
		if !bytes.HasSuffix(out, []byte("\n\n")) {
			out = append(out, '\n')
		}
		if int64(len(out)) >= size {
			return stop
		}
		return nil
	})
	return out
}

// withoutFrontMatter cuts a leading YAML (---) or TOML (+++) block.
func withoutFrontMatter(b []byte) []byte {
	for _, fence := range []string{"---\n", "+++\n"} {
		if rest, ok := bytes.CutPrefix(b, []byte(fence)); ok {
			if i := bytes.Index(rest, []byte("\n"+fence)); i >= 0 {
				return rest[i+1+len(fence):]
			}
		}
	}
	return b
}
