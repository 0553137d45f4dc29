package names

import (
	"fmt"
	"math/rand/v2"

	"github.com/copydesk/copydesk/lint"
)

// Invented words for generated glossaries: benchmarks and the evaluation
// need thousands of names that look like institutions and people.
var (
	genCities = []string{"Harbor City", "Lakeside", "Northfield", "Riverbend", "Eastport", "Westbrook", "Maple Valley",
		"Stonebridge", "Silverlake", "Pinecrest", "Redcliff", "Greenhaven", "Fairmont", "Oakridge", "Bayview",
		"Clearwater", "Highland", "Southgate", "Kingsport", "Ashford", "Brightwater", "Cedar Falls", "Elmstead"}
	genSyllables = []string{"al", "bor", "cen", "dra", "el", "fen", "gar", "hol", "is", "jor", "kel", "lan", "mor",
		"nes", "or", "pel", "quin", "ros", "sel", "tor", "ul", "var", "wen", "yar", "zel"}
	genKinds = []string{"Museum of Science and Technology", "University", "Institute of Marine Research",
		"Public Library", "Botanical Garden", "Academy of Fine Arts", "Observatory", "Polytechnic College",
		"Historical Society", "Conservatory of Music", "Medical Center", "Institute of Technology",
		"Natural History Museum", "Center for Urban Studies", "Maritime Museum", "School of Design", "Science Park",
		"Water Trust", "Rowing Club", "Chamber Orchestra", "Harbour Authority", "Partnership Council"}
	genFirst = []string{"Anna", "Tom", "Maria", "Kenji", "Fatima", "Samuel", "Olga", "Priya", "Lucas", "Amara",
		"Daniel", "Ingrid", "Rafael", "Mei", "Jonas", "Leila", "Victor", "Hana", "Oscar", "Nadia"}
)

func genWord(r *rand.Rand) string {
	n := 2 + r.IntN(2)
	b := []byte{}
	for range n {
		b = append(b, genSyllables[r.IntN(len(genSyllables))]...)
	}
	b[0] -= 'a' - 'A'
	return string(b)
}

// GenerateGlossary returns n invented glossary entries: every city with
// every kind of institution, then invented places and people, with an
// acronym alias on some. The same seed gives the same entries.
func GenerateGlossary(n int, seed uint64) []lint.NameEntry {
	r := rand.New(rand.NewPCG(seed, 7))
	var out []lint.NameEntry
	seen := map[string]bool{}
	add := func(e lint.NameEntry) {
		if !seen[e.Name] && len(out) < n {
			seen[e.Name] = true
			out = append(out, e)
		}
	}
	for _, c := range genCities {
		for _, k := range genKinds {
			add(lint.NameEntry{Name: c + " " + k, Source: "generated"})
		}
	}
	for len(out) < n {
		switch r.IntN(3) {
		case 0:
			add(lint.NameEntry{Name: genFirst[r.IntN(len(genFirst))] + " " + genWord(r), Source: "generated"})
		default:
			name := genWord(r) + " " + genKinds[r.IntN(len(genKinds))]
			e := lint.NameEntry{Name: name, Source: "generated"}
			if r.IntN(4) == 0 {
				e.Aliases = []string{fmt.Sprintf("%c%cX%d", name[0], name[1]-'a'+'A', r.IntN(90)+10)}
			}
			add(e)
		}
	}
	return out
}
