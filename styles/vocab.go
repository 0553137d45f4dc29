package styles

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// A Vocab is one or more of Vale's vocabularies, a project's own terms
// kept apart from its styles: StylesPath/config/vocabularies/NAME/accept.txt
// and reject.txt, one term (a word, a phrase or a pattern) a line. Accepted
// terms are exceptions to every rule that takes them (vocab: true, the
// default) and, with the built-in style Vale in use, Vale.Terms wants them
// spelled as accepted; rejected terms are flagged by Vale.Avoid.
type Vocab struct {
	Accept, Reject []string
	// AcceptFile and RejectFile name where the terms come from, for
	// messages and explain: the first vocabulary's files.
	AcceptFile, RejectFile string
}

// vocabTypes are the rule types that take the accepted terms as
// exceptions (an existence rule only if it matches words, not nonword).
var vocabTypes = []string{"existence", "substitution", "repetition", "conditional", "capitalization"}

// BuiltinStyle is the style that holds the vocabulary's own rules,
// Vale.Terms and Vale.Avoid; it needs no folder.
const BuiltinStyle = "Vale"

// VocabDir is where the vocabularies live under the styles folder.
func VocabDir(dir string) string { return filepath.Join(dir, "config", "vocabularies") }

// LoadVocab reads the named vocabularies under dir, in order. A
// vocabulary needs its folder and at least one of its two files.
func LoadVocab(dir string, names []string) (*Vocab, error) {
	v := &Vocab{}
	var errs []error
	for _, name := range names {
		vdir := filepath.Join(VocabDir(dir), name)
		if st, err := os.Stat(vdir); err != nil || !st.IsDir() {
			errs = append(errs, fmt.Errorf("styles.vocab: no vocabulary %q in %s (a vocabulary is a folder with accept.txt and reject.txt)%s", name, VocabDir(dir), didYouMean(name, listDirs(VocabDir(dir)))))
			continue
		}
		found := false
		for _, f := range []struct {
			file  string
			terms *[]string
			first *string
		}{{"accept.txt", &v.Accept, &v.AcceptFile}, {"reject.txt", &v.Reject, &v.RejectFile}} {
			path := filepath.Join(vdir, f.file)
			st, err := os.Stat(path)
			if err != nil || !st.Mode().IsRegular() {
				continue
			}
			data, err := os.ReadFile(path)
			if err != nil {
				errs = append(errs, fmt.Errorf("styles.vocab: %w", err))
				continue
			}
			found = true
			terms, err := parseTerms(path, data)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			*f.terms = append(*f.terms, terms...)
			if *f.first == "" {
				*f.first = path
			}
		}
		if !found {
			errs = append(errs, fmt.Errorf("styles.vocab: vocabulary %q in %s has neither accept.txt nor reject.txt", name, vdir))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return v, nil
}

// parseTerms reads a vocabulary file: one term a line, blank lines and
// comments (# and a space) skipped, each term checked as a pattern here so
// that a bad one is named with its line once, not in every rule.
func parseTerms(file string, data []byte) ([]string, error) {
	var terms []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimSpace(sc.Text())
		if t == "" || t == "#" || strings.HasPrefix(t, "# ") {
			continue
		}
		if _, err := compile(termPattern(t)); err != nil {
			return nil, &loadError{file, line, fmt.Sprintf("term %q: %v", t, err)}
		}
		terms = append(terms, t)
	}
	if err := sc.Err(); err != nil {
		return nil, &loadError{file, line + 1, err.Error()}
	}
	return terms, nil
}

// termPattern reads a term as a pattern as Vale does: in a plain term a
// period is a period (Node.js), and the space between words matches any
// white space, a line wrap too.
func termPattern(t string) string {
	if literalTerm(t) {
		t = strings.ReplaceAll(t, ".", `\.`)
	}
	return wrapSpace.ReplaceAllString(t, `\s+`)
}

var wrapSpace = regexp.MustCompile(`[ \t]+`)

// literalTerm reports whether a term is plain text, periods allowed.
func literalTerm(t string) bool {
	bare := strings.ReplaceAll(t, ".", "")
	return regexp.QuoteMeta(bare) == bare
}

// vocabExceptions are a rule's exceptions and, when it takes them, the
// vocabulary's accepted terms.
func (c *crule) vocabExceptions() []string {
	if len(c.accepted) == 0 {
		return c.d.Exceptions
	}
	return append(append([]string(nil), c.d.Exceptions...), c.accepted...)
}

// vocabDefs are the built-in style's rules for a vocabulary, as Vale
// builds them: Vale.Terms, a substitution that wants each accepted term
// spelled as accepted, and Vale.Avoid, an existence rule of the rejected
// terms. Both are errors, as in Vale.
func vocabDefs(v *Vocab) []*def {
	var out []*def
	if len(v.Accept) > 0 {
		d := &def{file: v.AcceptFile, id: BuiltinStyle + ".Terms", lines: map[string]int{}, line: 1,
			Extends: "substitution", Level: "error", Message: "Use '%s' instead of '%s'.", IgnoreCase: true,
			Description: "The project's vocabulary spells this term so.", terms: true}
		for _, t := range v.Accept {
			d.Swap = append(d.Swap, pair{termPattern(strings.ToLower(t)), t})
		}
		out = append(out, d)
	}
	if len(v.Reject) > 0 {
		d := &def{file: v.RejectFile, id: BuiltinStyle + ".Avoid", lines: map[string]int{}, line: 1,
			Extends: "existence", Level: "error", Message: "Avoid using '%s'.", Vocab: true,
			Description: "The project's vocabulary rejects this term."}
		for _, t := range v.Reject {
			d.Tokens = append(d.Tokens, termPattern(t))
		}
		out = append(out, d)
	}
	return out
}
