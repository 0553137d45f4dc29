package document

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// TokenKind classifies a token.
type TokenKind uint8

// Token kinds. Literal covers text that is not prose though it sits in it:
// URLs, e-mail addresses, file names. Gap marks where code or raw HTML was cut
// out, so that words on either side never count as neighbours. Markup is
// invisible syntax between prose (emphasis marks, link destinations) across
// which words do read as neighbours.
const (
	TokWord TokenKind = iota
	TokNumber
	TokPunct
	TokSpace
	TokNewline
	TokLiteral
	TokInvisible
	TokGap
	TokMarkup
)

var tokNames = [...]string{"word", "number", "punct", "space", "newline", "literal", "invisible", "gap", "markup"}

func (k TokenKind) String() string { return tokNames[k] }

// TokenFlags carry facts rules ask for often, computed once while tokenizing.
type TokenFlags uint8

// Token flags.
const (
	// FlagOddSpace: a space token contains a character other than U+0020
	// and tab (no-break space, thin space, ideographic space).
	FlagOddSpace TokenFlags = 1 << iota
	// FlagCJK: a word of Han, kana or Hangul characters.
	FlagCJK
	// FlagUpper: the word starts with an upper-case letter.
	FlagUpper
	// FlagDigit: the word contains a digit (IMG2041, 3D, 10th).
	FlagDigit
	// FlagHasSpace: a markup token spans whitespace (a line break inside a
	// block quote), so the words around it are separated.
	FlagHasSpace
	// FlagApostrophe: a word holds an apostrophe, straight or curly: don't.
	FlagApostrophe
	// FlagNonASCII: a word holds a character outside ASCII.
	FlagNonASCII
)

// A Token is a byte range of the source with a kind and flags, in 8
// bytes: a long document has a token every three bytes or so, and its
// tokens were the largest thing it kept while its rules ran (12 bytes a
// token, four times the text). Start is a plain offset; the length and a
// state that stands for the kind with its flags are packed in one word, so
// End, Kind and Flags are methods. A length takes 27 bits: a token longer
// than MaxTokenLen (128 MiB) loses its length (TooLong reports it, and the
// parser refuses such a file), which only a file past the default size
// limit can hold. 32-bit offsets: the reader refuses files
// of 2 GiB and more.
type Token struct {
	Start int32
	info  uint32 // length in the low tokenLenBits bits, state above
}

const (
	tokenLenBits = 27
	tokenLenMask = 1<<tokenLenBits - 1
	// MaxTokenLen is the longest token that keeps its length; a longer one
	// is cut to MaxTokenLen+1 bytes and reports TooLong.
	MaxTokenLen = tokenLenMask - 1
	noState     = tokenLenMask // no state has length bits
)

// The states: every kind with every set of flags the tokenizer and the
// parsers give it, numbered in 5 bits. NewToken refuses any other pair.
var (
	stateKind  [32]TokenKind
	stateFlags [32]TokenFlags
	stateBits  [16][128]uint32 // the state shifted into place; noState for a pair with none
)

func init() {
	for k := range stateBits {
		for f := range stateBits[k] {
			stateBits[k][f] = noState
		}
	}
	n := 0
	add := func(k TokenKind, f TokenFlags) {
		stateKind[n], stateFlags[n] = k, f
		stateBits[k][f] = uint32(n) << tokenLenBits
		n++
	}
	// Words: any of upper, digit, apostrophe, non-ASCII; or CJK alone.
	word := []TokenFlags{FlagUpper, FlagDigit, FlagApostrophe, FlagNonASCII}
	for set := range 1 << len(word) {
		var f TokenFlags
		for i, w := range word {
			if set&(1<<i) != 0 {
				f |= w
			}
		}
		add(TokWord, f)
	}
	add(TokWord, FlagCJK)
	// Numbers have no letter, so neither capital nor digit flag; a curly
	// apostrophe after one is non-ASCII.
	for _, f := range []TokenFlags{0, FlagNonASCII, FlagApostrophe, FlagNonASCII | FlagApostrophe} {
		add(TokNumber, f)
	}
	add(TokSpace, 0)
	add(TokSpace, FlagOddSpace)
	add(TokMarkup, 0)
	add(TokMarkup, FlagHasSpace)
	for _, k := range []TokenKind{TokPunct, TokNewline, TokLiteral, TokInvisible, TokGap} {
		add(k, 0)
	}
}

// NewToken returns the token of kind k and flags f over [start, end). A
// kind and flags that no tokenizer makes together (a space with a capital)
// panic: they have no state to be kept in.
func NewToken(start, end int, k TokenKind, f TokenFlags) Token {
	if k > 15 || f > 127 || stateBits[k][f] == noState {
		panic("document.NewToken: a " + k.String() + " token cannot have flags " + f.String())
	}
	return mk(start, end, k, f)
}

// mk is NewToken unchecked, for the tokenizer's loops: a pair with no
// state makes a token that reports TooLong, which FuzzTokenize looks for.
func mk(start, end int, k TokenKind, f TokenFlags) Token {
	return Token{Start: int32(start), info: min(uint32(end-start), tokenLenMask) | stateBits[k&15][f&127]}
}

// String names the flags set, for messages.
func (f TokenFlags) String() string {
	if f == 0 {
		return "none"
	}
	s := ""
	for i, name := range [...]string{"odd-space", "cjk", "upper", "digit", "has-space", "apostrophe", "non-ascii", "bit7"} {
		if f&(1<<i) != 0 {
			if s != "" {
				s += "|"
			}
			s += name
		}
	}
	return s
}

// End returns the offset just past the token.
func (t Token) End() int32 { return t.Start + int32(t.info&tokenLenMask) }

// Kind returns the token's kind.
func (t Token) Kind() TokenKind { return stateKind[t.info>>tokenLenBits] }

// Flags returns the token's flags.
func (t Token) Flags() TokenFlags { return stateFlags[t.info>>tokenLenBits] }

// TooLong reports a token longer than MaxTokenLen, whose End is wrong.
func (t Token) TooLong() bool { return t.info&tokenLenMask == tokenLenMask }

// Span returns the token's byte range.
func (t Token) Span() Span { return Span{int(t.Start), int(t.End())} }

// Is reports whether the token has all the given flags.
func (t Token) Is(f TokenFlags) bool { return t.Flags()&f == f }

// byte classes for the ASCII fast path
const (
	cOther uint8 = iota
	cLetter
	cDigit
	cSpace
	cNewline
	cPunct
	cAtom // characters that can continue a URL or file name: / : @ _ % + ~ = & # ?
)

var asciiClass [128]uint8

// wordBits marks the ASCII letters and digits for wordToken's inner loop.
var wordBits [256]uint8

const (
	bitLetter uint8 = 1 << iota
	bitDigit
)

func init() {
	for c := 'a'; c <= 'z'; c++ {
		wordBits[c], wordBits[c-'a'+'A'] = bitLetter, bitLetter
	}
	for c := '0'; c <= '9'; c++ {
		wordBits[c] = bitDigit
	}
	for c := 0; c < 128; c++ {
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			asciiClass[c] = cLetter
		case c >= '0' && c <= '9':
			asciiClass[c] = cDigit
		case c == ' ' || c == '\t':
			asciiClass[c] = cSpace
		case c == '\n' || c == '\r':
			asciiClass[c] = cNewline
		case c < 0x20 || c == 0x7f:
			asciiClass[c] = cOther
		default:
			asciiClass[c] = cPunct
		}
	}
}

// IsOddSpace reports whether r is a space character other than U+0020 and
// tab that typesetting or HTML export leaves in text.
func IsOddSpace(r rune) bool {
	switch {
	case r == 0xA0, r == 0x1680, r >= 0x2000 && r <= 0x200A, r == 0x202F, r == 0x205F, r == 0x3000:
		return true
	}
	return false
}

// IsInvisible reports whether r is a character with no visible width that
// pasting leaves behind: zero-width spaces and joiners, soft hyphen, BOM,
// word joiner, and control characters other than tab and line endings.
func IsInvisible(r rune) bool {
	switch {
	case r >= 0x200B && r <= 0x200F, r == 0x00AD, r == 0xFEFF, r >= 0x2060 && r <= 0x2064, r == 0x180E:
		return true
	case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r >= 0x7F && r <= 0x9F:
		return true
	}
	return false
}

// IsCJK reports whether r is a Han, kana or Hangul character, of the
// scripts written without spaces between words.
func IsCJK(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r))
}

// Tokenize appends the tokens of src[start:end] to dst. Offsets are
// absolute positions in src.
func Tokenize(dst []Token, src []byte, start, end int) []Token {
	i := start
	for i < end {
		c := src[i]
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case cSpace:
				j := i + 1
				var fl TokenFlags
				for j < end {
					if src[j] == ' ' || src[j] == '\t' {
						j++
						continue
					}
					if src[j] >= utf8.RuneSelf {
						r, w := utf8.DecodeRune(src[j:end])
						if IsOddSpace(r) {
							fl |= FlagOddSpace
							j += w
							continue
						}
					}
					break
				}
				dst = append(dst, mk(i, j, TokSpace, fl))
				i = j
				continue
			case cNewline:
				j := i + 1
				if c == '\r' && j < end && src[j] == '\n' {
					j++
				}
				dst = append(dst, mk(i, j, TokNewline, 0))
				i = j
				continue
			case cLetter, cDigit:
				// Fast path for the common word: ASCII letters and digits
				// ended by a space, a line break or a mark that can neither
				// join it to more (don't, 3.5, snake_case) nor start a
				// literal (example.org, a/b/c). Anything else is wordToken's.
				j := i + 1
				var bits uint8
				for j < end {
					t := wordBits[src[j]]
					if t == 0 {
						break
					}
					bits |= t
					j++
				}
				if j < end {
					n := src[j]
					if n >= utf8.RuneSelf || (n == '\'' || n == '.' || n == ',' || n == ':' || n == '_' || n == '/' || n == '@' || n == '-') && j+1 < end && src[j+1] > ' ' ||
						n == '(' && j+1 < end && src[j+1] == ')' {
						i, dst = wordToken(dst, src, i, end)
						continue
					}
				}
				bits |= wordBits[c]
				kind, fl := TokWord, TokenFlags(0)
				if c <= 'Z' && c >= 'A' {
					fl = FlagUpper
				}
				if bits&bitLetter == 0 {
					kind = TokNumber
				} else if bits&bitDigit != 0 {
					fl |= FlagDigit
				}
				dst = append(dst, mk(i, j, kind, fl))
				i = j
				continue
			case cPunct:
				if c == ':' && i+2 < end && src[i+1] == ':' && isIdentByte(src[i+2]) {
					if j := codeEnd(src, i, end); j > i {
						dst = append(dst, mk(i, j, TokLiteral, 0)) // ::1
						i = j
						continue
					}
				}
				dst = append(dst, mk(i, i+1, TokPunct, 0))
				i++
				continue
			default:
				dst = append(dst, mk(i, i+1, TokInvisible, 0))
				i++
				continue
			}
		}
		r, w := utf8.DecodeRune(src[i:end])
		switch {
		case r == utf8.RuneError && w == 1:
			dst = append(dst, mk(i, i+1, TokInvisible, 0))
			i++
		case IsOddSpace(r):
			j := i + w
			for j < end {
				if src[j] == ' ' || src[j] == '\t' {
					j++
					continue
				}
				r2, w2 := utf8.DecodeRune(src[j:end])
				if !IsOddSpace(r2) {
					break
				}
				j += w2
			}
			dst = append(dst, mk(i, j, TokSpace, FlagOddSpace))
			i = j
		case IsInvisible(r):
			dst = append(dst, mk(i, i+w, TokInvisible, 0))
			i += w
		case IsCJK(r):
			j := i + w
			for j < end && src[j] >= utf8.RuneSelf {
				r2, w2 := utf8.DecodeRune(src[j:end])
				if !IsCJK(r2) {
					break
				}
				j += w2
			}
			dst = append(dst, mk(i, j, TokWord, FlagCJK))
			i = j
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			i, dst = wordToken(dst, src, i, end)
		case r == 0x2028 || r == 0x2029 || r == 0x85:
			dst = append(dst, mk(i, i+w, TokNewline, 0))
			i += w
		default:
			dst = append(dst, mk(i, i+w, TokPunct, 0))
			i += w
		}
	}
	return dst
}

// wordToken reads a word, a number, or a literal (URL, e-mail address, file
// name) starting at i.
func wordToken(dst []Token, src []byte, i, end int) (int, []Token) {
	start := i
	var fl TokenFlags
	letters, digits := false, false
	if c := src[i]; c >= 'A' && c <= 'Z' {
		fl |= FlagUpper
	} else if c >= utf8.RuneSelf {
		fl |= FlagNonASCII
		if r, _ := utf8.DecodeRune(src[i:end]); unicode.IsUpper(r) {
			fl |= FlagUpper
		}
	}
	var bits uint8
	for i < end {
		// The hot loop: ASCII letters and digits, one table load a byte.
		for i < end {
			t := wordBits[src[i]]
			if t == 0 {
				break
			}
			bits |= t
			i++
		}
		if i >= end {
			break
		}
		letters, digits = letters || bits&bitLetter != 0, digits || bits&bitDigit != 0
		c := src[i]
		if c < utf8.RuneSelf {
			// Joiners inside a word or number: don't, 3.5, 1,000, 14:42, snake_case.
			if i > start && i+1 < end {
				n := src[i+1]
				if c == '\'' && letters && IsWordByte(n) {
					fl |= FlagApostrophe
					i++
					continue
				}
				if (c == '.' || c == ',' || c == ':') && !letters && n >= '0' && n <= '9' || c == '_' && IsWordByte(n) {
					i++
					continue
				}
			}
			break
		}
		r, w := utf8.DecodeRune(src[i:end])
		if IsCJK(r) {
			break
		}
		fl |= FlagNonASCII
		if r == '’' {
			fl |= FlagApostrophe
		}
		if unicode.IsLetter(r) || unicode.IsMark(r) {
			letters = true
		} else if unicode.IsDigit(r) {
			digits = true
		} else if r != '’' || !letters || i+w >= end || !IsWordByte(src[i+w]) {
			// Museum’s: a curly apostrophe between letters stays in the word.
			break
		}
		i += w
	}
	letters, digits = letters || bits&bitLetter != 0, digits || bits&bitDigit != 0
	// A word directly followed by URL or path punctuation may be a literal.
	if i < end && isLiteralLead(src, start, i, end) {
		if j := literalEnd(src, start, end); j > i {
			return j, append(dst, mk(start, j, TokLiteral, 0))
		}
	}
	kind := TokWord
	if !letters {
		kind = TokNumber
	} else if digits {
		fl |= FlagDigit
	}
	return i, append(dst, mk(start, i, kind, fl))
}

// IsWordByte reports a byte that may continue a word: an ASCII letter or
// digit, or any byte of a multi-byte character.
func IsWordByte(c byte) bool {
	return c >= utf8.RuneSelf || asciiClass[c] == cLetter || asciiClass[c] == cDigit
}

// isLiteralLead is a cheap test run after each word: only a word followed
// by one of : / @ . _ - with a non-space after it can start a literal.
func isLiteralLead(src []byte, start, i, end int) bool {
	c := src[i]
	if c == '(' {
		return i+1 < end && src[i+1] == ')' // a call: True()
	}
	if c != ':' && c != '/' && c != '@' && c != '.' && c != '_' && c != '-' {
		return false
	}
	return i+1 < end && src[i+1] > ' ' && src[i+1] < utf8.RuneSelf
}

// literalEnd returns the end of a URL, e-mail address, domain or file name
// starting at start, or start when there is none.
func literalEnd(src []byte, start, end int) int {
	if j := codeEnd(src, start, end); j > start {
		return j
	}
	j := start
	for j < end {
		c := src[j]
		if c <= ' ' || c >= utf8.RuneSelf || c == '"' || c == '<' || c == '>' || c == '`' || c == '\'' || c == '(' || c == '[' || c == ']' || c == '{' || c == '}' {
			break
		}
		j++
	}
	// Trailing sentence punctuation belongs to the sentence, not the literal.
	for j > start {
		c := src[j-1]
		if c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' {
			j--
			continue
		}
		break
	}
	atom := src[start:j]
	switch {
	case HasPrefixFold(atom, "http://"), HasPrefixFold(atom, "https://"), HasPrefixFold(atom, "ftp://"),
		HasPrefixFold(atom, "mailto:"), HasPrefixFold(atom, "www."):
		return j
	}
	at := -1
	for k, c := range atom {
		if c == '@' {
			at = k
			break
		}
	}
	if at > 0 {
		// user@example.org: an e-mail address needs a dot after the @.
		for _, c := range atom[at+1:] {
			if c == '.' {
				return j
			}
		}
		return start
	}
	// photo_01.jpg, example.org, docs/guide.md: known extensions and domains.
	dot := -1
	for k := len(atom) - 1; k >= 0; k-- {
		if atom[k] == '.' {
			dot = k
			break
		}
	}
	if dot > 0 && dot < len(atom)-1 && isKnownSuffix(atom[dot+1:]) {
		return j
	}
	if dot < 0 {
		for _, c := range atom {
			if c == '/' {
				// a/b paths and/or: only paths with two slashes count, so
				// "and/or" and "3/4" stay prose.
				n := 0
				for _, c2 := range atom {
					if c2 == '/' {
						n++
					}
				}
				if n >= 2 {
					return j
				}
				break
			}
		}
	}
	return start
}

var knownSuffixes = map[string]bool{
	"jpg": true, "jpeg": true, "png": true, "gif": true, "webp": true, "bmp": true, "tif": true, "tiff": true, "svg": true,
	"heic": true, "pdf": true, "doc": true, "docx": true, "xls": true, "xlsx": true, "ppt": true, "pptx": true,
	"txt": true, "md": true, "zip": true, "mp3": true, "mp4": true, "mov": true, "avi": true, "html": true, "htm": true,
	"php": true, "aspx": true, "csv": true, "json": true, "xml": true, "yaml": true, "yml": true, "go": true, "rs": true,
	"com": true, "org": true, "net": true, "edu": true, "gov": true, "io": true, "dev": true, "info": true, "cn": true,
	"uk": true, "de": true, "fr": true, "jp": true, "eu": true, "int": true, "app": true,
}

func isKnownSuffix(b []byte) bool {
	if len(b) > 5 {
		return false
	}
	var buf [5]byte
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return knownSuffixes[string(buf[:len(b)])]
}

// HasPrefixFold reports whether s starts with prefix, ASCII case
// ignored.
func HasPrefixFold(b []byte, prefix string) bool {
	if len(b) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := b[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

func isIdentByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// codeEnd returns the end of a code-like token starting at start, or start:
// technical writing names code outside backticks, and its punctuation is
// not the sentence's. Code is a chain of identifiers joined by :: or ->
// (std::tr1::, v8::, fe80::1, ::1, a->b), a call (True(), os.Exit()), or a
// dotted chain that cannot be two sentences run together: three parts or
// more (a.b.c, v1.2.3), or two whose parts are lower case (os.path) or hold
// an inner capital, an underscore or a digit (http.ResponseWriter).
func codeEnd(src []byte, start, end int) int {
	j := start
	strong := false
	dots, parts := 0, 0
	plainDot := true // every part is a word of letters, one capital at most at its start
	allLower := true
	short := false
	if j+1 < end && src[j] == ':' && src[j+1] == ':' {
		j += 2
		strong = true
	}
	for {
		k := j
		for k < end && isIdentByte(src[k]) {
			k++
		}
		if k == j {
			break
		}
		part := src[j:k]
		parts++
		if len(part) < 2 || part[0] >= '0' && part[0] <= '9' {
			short = true // a letter or a number: "e.g.", "2025.It"
		}
		for n, c := range part {
			switch {
			case c >= 'A' && c <= 'Z':
				allLower = false
				if n > 0 {
					plainDot = false
				}
			case c == '_' || c >= '0' && c <= '9':
				plainDot = false
			}
		}
		j = k
		if j+1 < end && src[j] == '(' && src[j+1] == ')' {
			j += 2
			strong = true
		}
		switch {
		case j+1 < end && src[j] == ':' && src[j+1] == ':':
			if (j+2 >= end || !isIdentByte(src[j+2])) && parts == 1 && plainDot && !strong {
				// "ship::" ends a line with a doubled colon; "v8::" and
				// "std::tr1::" are namespaces.
				break
			}
			j += 2
			strong = true
			continue
		case j+2 < end && src[j] == '-' && src[j+1] == '>' && isIdentByte(src[j+2]):
			j += 2
			strong = true
			continue
		case j+1 < end && src[j] == '.' && isIdentByte(src[j+1]):
			j++
			dots++
			continue
		}
		break
	}
	switch {
	case parts == 0:
		return start
	case strong:
		return j
	case dots >= 2 && parts > 2 && !allDigitsOrLetters(src[start:j]), dots == 1 && !short && (allLower || !plainDot):
		return j
	}
	return start
}

// allDigitsOrLetters reports a dotted run of single letters ("e.g.x") or
// numbers alone ("1.2.3"): initials and figures, not names.
func allDigitsOrLetters(b []byte) bool {
	for _, part := range bytes.Split(b, []byte{'.'}) {
		if len(part) > 1 && (part[0] < '0' || part[0] > '9') {
			return false
		}
	}
	return true
}

// Code reports whether a literal token is code (see codeEnd) rather than a
// URL, an address or a file name.
func (t Token) Code(src []byte) bool {
	if t.Kind() != TokLiteral || codeEnd(src, int(t.Start), int(t.End())) != int(t.End()) {
		return false
	}
	b := src[t.Start:t.End()]
	if bytes.Contains(b, []byte("::")) || bytes.Contains(b, []byte("()")) || bytes.Contains(b, []byte("->")) {
		return true
	}
	// example.org, notes.txt: a domain or a file name.
	dot := bytes.LastIndexByte(b, '.')
	return dot < 0 || !isKnownSuffix(b[dot+1:])
}
