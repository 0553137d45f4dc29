package styles

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/lint"
)

func TestZZWhy(t *testing.T) {
	var v map[string][]struct {
		Check string
		Line  int
	}
	data, _ := os.ReadFile("/tmp/cmp/vale.json")
	json.Unmarshal(data, &v)
	var c struct{ Diagnostics []struct{ Path, Rule string; Line int } }
	data, _ = os.ReadFile("/tmp/cmp/cd.json")
	json.Unmarshal(data, &c)
	type k struct {
		f    string
		l    int
		rule string
	}
	V, C := map[k]int{}, map[k]int{}
	for f, as := range v {
		for _, a := range as {
			V[k{f, a.Line, a.Check}]++
		}
	}
	for _, d := range c.Diagnostics {
		C[k{d.Path, d.Line, d.Rule}]++
	}
	docs := map[string]*lint.Document{}
	kindAt := func(f string, line int) string {
		d, ok := docs[f]
		if !ok {
			src, _ := os.ReadFile(filepath.Join("/tmp/cmp", f))
			d, _ = lint.Parse(f, src)
			docs[f] = d
		}
		if line > d.Lines() {
			return "past-end"
		}
		off := d.LineStart(line)
		sp := d.LineSpan(line)
		for _, b := range d.Blocks {
			if b.Span.Start <= sp.End && off <= b.Span.End {
				return b.Kind.String()
			}
		}
		return "none"
	}
	why := map[string]map[string]int{}
	add := func(dir, rule, kind string) {
		pkg := rule[:strings.IndexByte(rule, '.')]
		key := dir + " " + pkg
		if why[key] == nil {
			why[key] = map[string]int{}
		}
		why[key][kind]++
	}
	for key, n := range V {
		if m := n - C[key]; m > 0 {
			for i := 0; i < m; i++ {
				add("vale-only", key.rule, kindAt(key.f, key.l))
			}
		}
	}
	for key, n := range C {
		if m := n - V[key]; m > 0 {
			for i := 0; i < m; i++ {
				add("cd-only", key.rule, kindAt(key.f, key.l))
			}
		}
	}
	var keys []string
	for k := range why {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, why[k])
	}
}
