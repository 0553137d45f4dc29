package styles

import (
	"sort"
	"time"
	"github.com/copydesk/copydesk/lint"
	"fmt"
	"path/filepath"
	"testing"
)

func TestDebugLits(t *testing.T) {
	set, err := Load(filepath.Join(sharedDir(), "styles"), []string{"Microsoft", "write-good", "proselint", "alex"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range set.rules {
		for _, e := range c.entries {
			if e.word != "" || e.re.anch != nil || e.re.runs != nil {
				continue
			}
			short := true
			for _, l := range e.lits {
				if len(l) < 3 {
					short = true
				}
			}
			if short {
				fmt.Printf("%s %q lits=%q always=%v\n", c.d.id, e.source, e.lits, len(e.lits) == 0)
			}
		}
	}
}

func TestDebugTime(t *testing.T) {
	set, docs := sharedDocs(&testing.B{})
	_ = docs
	var parsed []*lint.Document
	for _, in := range docs {
		d, _ := lint.Parse(in.Path, in.Src)
		parsed = append(parsed, d)
	}
	type rt struct {
		id string
		d  time.Duration
	}
	var out []rt
	for _, r := range set.Rules() {
		st := time.Now()
		for _, d := range parsed {
			lint.Check(r, d, nil)
		}
		out = append(out, rt{r.ID, time.Since(st)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].d > out[j].d })
	for _, x := range out[:15] {
		fmt.Println(x.id, x.d)
	}
}

func TestDebugScan(t *testing.T) {
	set, docs := sharedDocs(&testing.B{})
	var parsed []*lint.Document
	n := 0
	for _, in := range docs {
		d, _ := lint.Parse(in.Path, in.Src)
		parsed = append(parsed, d)
		n += len(in.Src)
	}
	st := time.Now()
	hits := 0
	for _, d := range parsed {
		hits += len(set.scan(d).hits)
	}
	fmt.Println("scan", time.Since(st), n, "bytes", hits, "hits", set.auto.States(), "states")
	st = time.Now()
	for _, d := range parsed {
		buildUnits(d, false)
	}
	fmt.Println("units", time.Since(st))
}

