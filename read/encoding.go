package read

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// Diagnosis describes a text that is not UTF-8: where, and what it
// probably is.
type Diagnosis struct {
	Offset int    // first bad byte
	Name   string // likely encoding
	// confidence says how sure the guess is, for the message.
	Confidence string
	Fixed      []byte // the text converted to UTF-8, nil when no conversion is clearly right
}

// Script families the scorer tells apart.
type encFamily uint8

const (
	famSingle  encFamily = iota // Windows-125x: one byte a character
	famGB                       // simplified Chinese
	famBig5                     // traditional Chinese
	famJapan                    // Shift_JIS, EUC-JP
	famKorea                    // EUC-KR
	famUnicode                  // UTF-16, UTF-32, stray bytes in UTF-8
)

type encCandidate struct {
	name   string
	enc    encoding.Encoding // nil: UTF-8 with stray Windows-1252 bytes
	family encFamily
	unit   int // code unit size for UTF-16/32, else 0
	prior  float64
}

func encCandidates() []encCandidate {
	return []encCandidate{
		{name: "UTF-8 with stray Windows-1252 bytes", family: famUnicode},
		{name: "Windows-1252 (Western European)", enc: charmap.Windows1252, family: famSingle, prior: 0.02},
		{name: "Windows-1250 (Central European)", enc: charmap.Windows1250, family: famSingle},
		{name: "Windows-1251 (Cyrillic)", enc: charmap.Windows1251, family: famSingle},
		{name: "Windows-1253 (Greek)", enc: charmap.Windows1253, family: famSingle},
		{name: "Windows-1254 (Turkish)", enc: charmap.Windows1254, family: famSingle},
		{name: "Windows-1255 (Hebrew)", enc: charmap.Windows1255, family: famSingle},
		{name: "Windows-1256 (Arabic)", enc: charmap.Windows1256, family: famSingle},
		{name: "Windows-1257 (Baltic)", enc: charmap.Windows1257, family: famSingle},
		{name: "Windows-1258 (Vietnamese)", enc: charmap.Windows1258, family: famSingle},
		{name: "GB18030 (Chinese)", enc: simplifiedchinese.GB18030, family: famGB},
		{name: "Big5 (Traditional Chinese)", enc: traditionalchinese.Big5, family: famBig5},
		{name: "Shift_JIS (Japanese)", enc: japanese.ShiftJIS, family: famJapan},
		{name: "EUC-JP (Japanese)", enc: japanese.EUCJP, family: famJapan},
		{name: "EUC-KR (Korean)", enc: korean.EUCKR, family: famKorea},
		{name: "UTF-16 (little-endian, no byte order mark)", enc: xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), family: famUnicode, unit: 2},
		{name: "UTF-16 (big-endian, no byte order mark)", enc: xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), family: famUnicode, unit: 2},
		{name: "UTF-32 (little-endian, no byte order mark)", enc: utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), family: famUnicode, unit: 4},
		{name: "UTF-32 (big-endian, no byte order mark)", enc: utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM), family: famUnicode, unit: 4},
	}
}

// byteOrderMark recognises a UTF-32 or UTF-16 byte order mark; UTF-32's
// are tested first, since FF FE 00 00 also starts like UTF-16's.
func byteOrderMark(src []byte) (encCandidate, bool) {
	switch {
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE, 0, 0}):
		return encCandidate{name: "UTF-32 (little-endian, with a byte order mark)", enc: utf32.UTF32(utf32.LittleEndian, utf32.ExpectBOM), family: famUnicode, unit: 4}, true
	case bytes.HasPrefix(src, []byte{0, 0, 0xFE, 0xFF}):
		return encCandidate{name: "UTF-32 (big-endian, with a byte order mark)", enc: utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM), family: famUnicode, unit: 4}, true
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		return encCandidate{name: "UTF-16 (little-endian, with a byte order mark)", enc: xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), family: famUnicode, unit: 2}, true
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		return encCandidate{name: "UTF-16 (big-endian, with a byte order mark)", enc: xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), family: famUnicode, unit: 2}, true
	}
	return encCandidate{}, false
}

// zeroLayout says whether a file's NUL bytes fall where UTF-16 or UTF-32
// puts them. In UTF-32 the top byte of every unit is zero, since no code
// point passes U+10FFFF; in UTF-16 text written mostly in one script the
// zeros fall on one byte of each pair.
func zeroLayout(src []byte, unit int, strict bool) bool {
	if len(src)%unit != 0 || len(src) == 0 {
		return false
	}
	if unit == 4 {
		be, le := true, true
		for i := 0; i < len(src); i += 4 {
			be = be && src[i] == 0 && src[i+1] <= 0x10
			le = le && src[i+3] == 0 && src[i+2] <= 0x10
		}
		return be || le
	}
	var at [2]int
	zeros := 0
	for i, c := range src {
		if c == 0 {
			at[i%2]++
			zeros++
		}
	}
	// Loose: six zeros in ten on one side. Strict, as mostly-ASCII text
	// gives: a zero in one pair in four, nine in ten on one side.
	if strict {
		return zeros*8 >= len(src) && max(at[0], at[1])*10 >= zeros*9
	}
	return zeros > 0 && max(at[0], at[1])*10 >= zeros*6
}

// looksWide reports whether a file with NUL bytes is UTF-16 or UTF-32 text
// rather than a binary file.
func looksWide(src []byte) bool {
	if _, ok := byteOrderMark(src); ok {
		return true
	}
	if zeroLayout(src, 2, true) || zeroLayout(src, 4, true) {
		return true
	}
	// Few zeros (Japanese or Chinese text with hardly any ASCII): UTF-16
	// only when it reads clearly as such.
	if zeroLayout(src, 2, false) {
		g := guessEncodings(src)
		return len(g) > 0 && g[0].cand.unit > 0 && g[0].score >= encSureScore
	}
	return false
}

// encGuess is one candidate's decoding and its score.
type encGuess struct {
	cand  encCandidate
	out   []byte
	score float64 // mean plausibility per byte the candidate decoded, at most 1
}

// guessEncodings decodes the whole file in every candidate encoding that
// can apply and scores each result, best first. Results that decode to the
// same text are kept once, under the first candidate's name.
func guessEncodings(src []byte) []encGuess {
	var cands []encCandidate
	if bom, ok := byteOrderMark(src); ok {
		cands = []encCandidate{bom}
	} else {
		for _, c := range encCandidates() {
			if c.unit > 0 && !zeroLayout(src, c.unit, false) {
				continue
			}
			if c.enc == nil && !hasMultibyteUTF8(src) {
				continue
			}
			cands = append(cands, c)
		}
	}
	var guesses []encGuess
	for _, c := range cands {
		var out []byte
		if c.enc == nil {
			out = repairStray(src)
		} else {
			var err error
			out, err = c.enc.NewDecoder().Bytes(src)
			if err != nil || !utf8.Valid(out) {
				continue
			}
		}
		dup := false
		for _, g := range guesses {
			if bytes.Equal(g.out, out) {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		guesses = append(guesses, encGuess{cand: c, out: out, score: scoreText(scoreSample(out), c.family, c.unit > 0, nil) + c.prior})
	}
	sort.SliceStable(guesses, func(i, j int) bool { return guesses[i].score > guesses[j].score })
	return guesses
}

// scoreSample is the part of a decoding that is scored: the first 256 KiB,
// cut at a character. The score of a long article settles well before
// that; the whole decoding is still checked for errors before it is
// offered as a conversion.
func scoreSample(out []byte) []byte {
	const most = 256 << 10
	if len(out) <= most {
		return out
	}
	end := most
	for end > 0 && !utf8.RuneStart(out[end]) {
		end--
	}
	return out[:end]
}

func hasMultibyteUTF8(src []byte) bool {
	for i := 0; i < len(src); {
		r, w := utf8.DecodeRune(src[i:])
		if w > 1 && r != utf8.RuneError {
			return true
		}
		i += w
	}
	return false
}

// Thresholds of a sure guess: the best decoding reads as text nearly
// everywhere, and clearly better than any other reading of the bytes.
const (
	encSureScore  = 0.6
	encSureMargin = 0.25
	// encSureDiffMargin is the margin of two single-byte decodings over
	// the characters they read differently: one reads them as letters of
	// the text's language (1), the other as strangers (-0.5) or symbols.
	encSureDiffMargin = 0.75
)

// DiagnoseEncoding says where a text stops being UTF-8 and which
// encoding it most likely is, and how sure that guess is.
func DiagnoseEncoding(src []byte) Diagnosis {
	p := Diagnosis{Offset: firstInvalid(src)}
	if _, ok := byteOrderMark(src); ok {
		p.Offset = 0
	}
	guesses := guessEncodings(src)
	if len(guesses) == 0 {
		p.Name, p.Confidence = "no known encoding", "every candidate encoding fails to decode it"
		return p
	}
	best := guesses[0]
	p.Name = best.cand.name
	next := -1.0
	if len(guesses) > 1 {
		next = guesses[1].score
	}
	sure := best.score >= encSureScore
	for _, g := range guesses[1:] {
		if best.score-g.score >= encSureMargin {
			break
		}
		if !singleByteMargin(best, g) {
			sure = false
			break
		}
	}
	switch {
	case sure && len(guesses) > 1:
		p.Confidence = fmt.Sprintf("sure: it reads as text %.0f%%, the next guess %s %.0f%%", 100*clamp01(best.score), guesses[1].cand.name, 100*clamp01(next))
	case sure:
		p.Confidence = fmt.Sprintf("sure: it reads as text %.0f%%", 100*clamp01(best.score))
	case len(guesses) > 1:
		p.Confidence = fmt.Sprintf("not sure: it reads as text %.0f%%, and as %s %.0f%%; no conversion is offered", 100*clamp01(best.score), guesses[1].cand.name, 100*clamp01(next))
	default:
		p.Confidence = fmt.Sprintf("not sure: it reads as text only %.0f%%; no conversion is offered", 100*clamp01(best.score))
	}
	// A conversion that leaves a replacement character or a NUL byte
	// would lose what the undecodable bytes were.
	lossy := bytes.Count(best.out, []byte("\uFFFD")) > bytes.Count(src, []byte("\uFFFD")) || bytes.IndexByte(best.out, 0) >= 0
	if sure && lossy {
		sure = false
		p.Confidence = "not sure: some bytes do not decode as " + best.cand.name + "; no conversion is offered"
	}
	// A decoding that does not encode back to the same bytes read some
	// bytes as another character than the one they were written for
	// (Big5 has codes that decode alike): it is not clearly right. A byte
	// order mark settles the encoding, and the decoder drops the mark.
	if _, bom := byteOrderMark(src); sure && !bom && best.cand.enc != nil {
		if back, err := best.cand.enc.NewEncoder().Bytes(best.out); err != nil || !bytes.Equal(back, src) {
			sure = false
			p.Confidence = "not sure: the text does not encode back to the same bytes as " + best.cand.name + "; no conversion is offered"
		}
	}
	if sure {
		p.Fixed = best.out
	}
	return p
}

// singleByteMargin compares two single-byte decodings where they differ:
// Windows-1250 and Windows-1252 read most accented letters alike, and
// their means over the whole text differ little even when one of them
// turns every è into č. The better one must read clearly better on the
// characters that differ.
func singleByteMargin(best, other encGuess) bool {
	if best.cand.family != famSingle || other.cand.family != famSingle {
		return false
	}
	a, b := []rune(string(scoreSample(best.out))), []rune(string(scoreSample(other.out)))
	if len(a) != len(b) {
		return false
	}
	diff := make([]bool, len(a))
	for i := range a {
		diff[i] = a[i] != b[i]
	}
	return scoreText(scoreSample(best.out), famSingle, false, diff)-scoreText(scoreSample(other.out), famSingle, false, diff) >= encSureDiffMargin
}

func clamp01(f float64) float64 { return max(0, min(1, f)) }

func firstInvalid(src []byte) int {
	for off := 0; off < len(src); {
		r, w := utf8.DecodeRune(src[off:])
		if r == utf8.RuneError && w == 1 {
			return off
		}
		off += w
	}
	return len(src)
}

func repairStray(src []byte) []byte {
	out := make([]byte, 0, len(src)+16)
	for i := 0; i < len(src); {
		r, w := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && w == 1 {
			out = utf8.AppendRune(out, charmap.Windows1252.DecodeByte(src[i]))
			i++
			continue
		}
		out = append(out, src[i:i+w]...)
		i += w
	}
	return out
}

// cjkSets marks the characters each East Asian standard lists as its
// common ones: GB2312 level 1 (3,755 hanzi), Big5's frequently used
// characters (5,401), JIS X 0208 level 1 kanji (2,965) and the 2,350 Hangul
// syllables of KS X 1001. They are read from the decoders' own tables once.
type cjkSets struct{ bmp [0x10000]uint8 }

func (s *cjkSets) get(r rune) uint8 {
	if r < 0 || r >= 0x10000 {
		return 0
	}
	return s.bmp[r]
}

func (s *cjkSets) has(r rune, bit uint8) bool { return s.get(r)&bit != 0 }

const (
	setGB uint8 = 1 << iota
	setBig5
	setJIS
	setKS
	setFrequent // among frequentHanzi
)

var commonCJK = sync.OnceValue(func() *cjkSets {
	s := &cjkSets{}
	add := func(enc encoding.Encoding, bit uint8, lo, hi byte, trails [][2]byte, last uint16) {
		dec := enc.NewDecoder()
		var buf [2]byte
		for l := int(lo); l <= int(hi); l++ {
			for _, t := range trails {
				for c := int(t[0]); c <= int(t[1]); c++ {
					if uint16(l)<<8|uint16(c) > last {
						break
					}
					buf[0], buf[1] = byte(l), byte(c)
					out, err := dec.Bytes(buf[:])
					if err != nil {
						continue
					}
					r, n := utf8.DecodeRune(out)
					if n == len(out) && r != utf8.RuneError && r < 0x10000 {
						s.bmp[r] |= bit
					}
				}
			}
		}
	}
	hi := [][2]byte{{0xA1, 0xFE}}
	add(simplifiedchinese.GB18030, setGB, 0xB0, 0xD7, hi, 0xD7F9)
	add(traditionalchinese.Big5, setBig5, 0xA4, 0xC6, [][2]byte{{0x40, 0x7E}, {0xA1, 0xFE}}, 0xC67E)
	add(japanese.EUCJP, setJIS, 0xB0, 0xCF, hi, 0xCFD3)
	add(korean.EUCKR, setKS, 0xB0, 0xC8, hi, 0xC8FE)
	for _, r := range frequentHanzi {
		s.bmp[r] |= setFrequent
	}
	return s
})

// latinLanguage is a language written in the Latin script: the letters
// beyond ASCII it uses, and some of its most frequent words that are
// plain ASCII, which read the same in every single-byte encoding and so
// tell the language before the encoding is known.
type latinLanguage struct {
	letters string
	words   string
}

// latinLanguages: a single-byte decoding is read against the language its
// ASCII words show (or, without them, the one that accounts for most of
// its letters). A French text read as Windows-1250 gives "trčs": č is a
// letter, but not a French one.
var latinLanguages = []latinLanguage{
	{"àâæçéèêëîïôœùûüÿ", " le la les des et est un une du que pour dans qui au sur pas par ont il elle "}, // French
	{"äöüß", " der die das und ist nicht ein eine den dem mit von zu auf sich des im "},                   // German
	{"áéíñóúü", " el la los las y que de en un una por con para del se al "},                              // Spanish
	{"áâãàçéêíóôõú", " o a os as e que de em um uma para com do da no na por "},                           // Portuguese
	{"àèéìíòóù", " il la le di che e un una per con del della in non sono "},                              // Italian
	{"áéëïóöü", " de het een en van is dat op te in niet met zijn voor "},                                 // Dutch
	{"åæøé", " og er det en at til som med for af ikke den "},                                             // Danish, Norwegian
	{"åäöé", " och att det som en med inte den till av "},                                                 // Swedish
	{"áðéíóúýþæö", " og er að sem til með ekki "},                                                         // Icelandic
	{"ąćęłńóśźż", " i w na nie to z do jest o jak po od za "},                                             // Polish
	{"áčďéěíňóřšťúůýž", " a v se na je to ze do pro s z o jako by ve "},                                   // Czech
	{"áäčďéíĺľňóôŕšťúýž", " a v sa na je to do pre s z o ako by vo "},                                     // Slovak
	{"áéíóöőúüű", " a az es hogy nem egy is de meg van "},                                                 // Hungarian
	{"ăâîșțşţ", " si de la in cu pe un o nu care "},                                                       // Romanian
	{"čćđšž", " i je u na se da za od su "},                                                               // Croatian, Slovene, Bosnian
	{"çğıöşüâî", " ve bir bu da de ile olarak gibi "},                                                     // Turkish
	{"äöõüšž", " ja on et ei see ka "},                                                                    // Estonian
	{"āčēģīķļņšūž", " un ir ar no par uz "},                                                               // Latvian
	{"ąčęėįšųūž", " ir yra kad su is "},                                                                   // Lithuanian
	{"àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ", " va la cho mot trong "}, // Vietnamese
	{"àçèéíïòóú·", " i el la les de que en un una per amb "}, // Catalan
}

// latinLetters picks the letters a decoded text's language uses.
func latinLetters(out []byte) string {
	// Count each language's frequent words among the ASCII words.
	hits := make([]int, len(latinLanguages))
	var word []byte
	flush := func() {
		if len(word) > 0 && len(word) <= 6 {
			w := " " + string(word) + " "
			for i, l := range latinLanguages {
				if strings.Contains(l.words, w) {
					hits[i]++
				}
			}
		}
		word = word[:0]
	}
	for _, c := range out {
		switch {
		case c >= 'a' && c <= 'z':
			word = append(word, c)
		case c >= 'A' && c <= 'Z':
			word = append(word, c+'a'-'A')
		case c < 0x80:
			flush()
		default:
			word = append(word, 0x80) // not an ASCII word
		}
	}
	flush()
	counts := map[rune]int{}
	letters := 0
	for _, r := range string(out) {
		if r >= 0xC0 && unicode.Is(unicode.Latin, r) {
			counts[unicode.ToLower(r)]++
			letters++
		}
	}
	most := 0
	for _, n := range hits {
		most = max(most, n)
	}
	// Each language scores the share of the frequent words it explains
	// (of the best count) and the share of the accented letters.
	best, lang := 0.0, ""
	for i, l := range latinLanguages {
		score := 0.0
		if most > 0 {
			score = float64(hits[i]) / float64(most)
		}
		if letters > 0 {
			n := 0
			for _, r := range l.letters {
				n += counts[r]
			}
			score += float64(n) / float64(letters)
		}
		if score > best {
			best, lang = score, l.letters
		}
	}
	return lang
}

// frequentHanzi are the most frequent characters of Chinese prose, in
// simplified and traditional forms.
const frequentHanzi = "的一是不了在人有我他这這个個们們中来來上大为為和国國地到以说說时時要就出会會可也你对對生能而子那得于於着著下自之年过過发發后後作里裡裏用道行所然家种種事成方多经經么麼去法学學如都同现現当當没沒动動面起看定天分还還进進好小部其些主样樣理心她本前开開但因只从從想实實日军軍者意无無力它与與长長把机機十民第公此已工使情明性知全三又关關点點正业業外将將两兩高间間由问問很最重并並物手应應战戰向头頭文体體政美相见見被利什二等产產或新己制身果加西斯月话話合回特代内內信表化老给給世位次度门門任常先海通教儿兒原东東声聲提立及比员員解水名真论論处處走义義各入几幾口认認条條平系气氣题題活尔爾更别別打女变變四神总總何电電数數安少报報才结結反受目太量再感建务務做接必场場件计計管期市直德资資命山金指克许許统統区區保至队隊形社便空决決治展马馬科司五基眼书書非则則听聽白却界达達光放强強即像难難且权權思王象完设設式色路记記南品住告类類求据據程北边邊死张張该該交规規万萬取拉格望觉覺术術领領共确確传傳师師观觀清今切院让讓识識候带帶导導争爭运運笑飞飛风風步改收根干乱亂早夜半周"

// vowels of the Cyrillic and Greek alphabets: a long word without one is
// a wrong decoding.
const vowels = "аеёиоуыэюяіїєўαεηιουωάέήίόύώϊϋΐΰ"

// scoreText says how much decoded text looks like text: the mean, over the
// bytes that are not plain ASCII, of each character's plausibility, from
// -3 (a decoding error, a control character) to 1 (a common character of
// a language the encoding serves, in a plausible place).
//
// only, when not nil, restricts the mean to the characters it marks, by
// their index in out; the context of each is still read in full.
func scoreText(out []byte, fam encFamily, wide bool, only []bool) float64 {
	sets := commonCJK()
	var lang string
	if fam == famSingle || fam == famUnicode {
		lang = latinLetters(out)
	}
	// One pass for the whole-text measures of East Asian prose.
	var kana, han, frequent, hangul, hangulSpaces int
	if fam != famSingle {
		prev := rune(0)
		for _, r := range string(out) {
			switch scriptOf(r) {
			case scKana:
				kana++
			case scHan:
				han++
				if sets.has(r, setFrequent) {
					frequent++
				}
			case scHangul:
				hangul++
			default:
				if r == ' ' && scriptOf(prev) == scHangul {
					hangulSpaces++
				}
			}
			prev = r
		}
	}
	// Japanese prose is a third kana or more; hanzi without kana read as
	// Japanese are Chinese text in a Japanese encoding's table.
	noKana := fam == famJapan && kana*5 < han
	// Korean puts spaces between words; hangul in runs of a dozen and
	// more without one are Chinese read in a Korean table.
	unspaced := fam == famKorea && hangul >= 8 && hangulSpaces*12 < hangul
	// Chinese prose leans on a few hundred characters (的, 是, 在, 了,
	// 人...) for half or more of its text; common characters drawn at
	// random, as another encoding's bytes give, hit them far less.
	rareWords := (fam == famGB || fam == famBig5) && han >= 6 && frequent*100 < han*40

	var sum, weight float64
	// The current word's letters of alphabetic scripts, to score once its
	// end shows whether it mixes scripts.
	var wordScripts uint8
	var wordSum, wordWeight float64
	var wordLetters, wordVowels, wordTonos int
	var wordCaseBreak, wordFinalInside bool
	var wordLast rune
	endWord := func() {
		switch {
		case wordScripts&(wordScripts-1) != 0, // two scripts in one word
			wordCaseBreak, // a capital after a small letter: "ВлЫк"
			wordScripts&(scCyrillic|scGreek) != 0 && wordLetters >= 4 && wordVowels == 0, // no vowel
			wordTonos > 1,   // Greek writes one accent a word
			wordFinalInside: // a final form inside a word: Greek ς, Hebrew ך ם ן ף ץ
			sum -= wordWeight
		default:
			sum += wordSum
		}
		weight += wordWeight
		wordScripts, wordSum, wordWeight = 0, 0, 0
		wordLetters, wordVowels, wordTonos, wordCaseBreak, wordFinalInside = 0, 0, 0, false, false
		wordLast = 0
	}
	prev := rune(' ')
	for i, k := 0, -1; i < len(out); {
		k++
		skip := only != nil && (k >= len(only) || !only[k])
		if c := out[i]; c < 0x80 && !wide {
			// Plain ASCII reads the same in every candidate but UTF-16
			// and UTF-32: it ends or extends a word and counts for
			// nothing, except control characters.
			i++
			r := rune(c)
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
				wordLetters++
				wordScripts |= scLatin
				if c <= 'Z' && prev >= 'a' && unicode.IsLower(prev) {
					wordCaseBreak = true
				}
				wordLast = r
			} else if wordScripts != 0 {
				endWord()
			}
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F {
				if !skip {
					sum -= 3
					weight++
				}
			}
			prev = r
			continue
		}
		r, n := utf8.DecodeRune(out[i:])
		i += n
		// Source bytes this character stands for, as the family encodes it.
		b := 1.0
		switch {
		case wide:
			b = 2
		case fam != famSingle && r >= 0x80 && (r < 0xFF61 || r > 0xFF9F) && r != utf8.RuneError:
			b = 2
		}
		sc := scriptOf(r)
		alpha := sc&(scOther|scBad) == 0 && sc != 0
		if !alpha && sc != scMark && wordScripts != 0 {
			endWord()
		}
		if alpha {
			wordLetters++
			lower := unicode.ToLower(r)
			if strings.ContainsRune(vowels, lower) {
				wordVowels++
			}
			if r != lower && unicode.IsLower(prev) {
				wordCaseBreak = true
			}
			if sc == scGreek && strings.ContainsRune("άέήίόύώΐΰΆΈΉΊΌΎΏ", r) {
				wordTonos++
			}
			if wordLast == 'ς' || wordLast >= 0x5DA && wordLast <= 0x5E5 && strings.ContainsRune("ךםןףץ", wordLast) {
				wordFinalInside = true
			}
			wordLast = r
			wordScripts |= sc
		}
		w, counted := 0.0, true
		switch {
		case r < 0x80:
			w = 1 // from two or four bytes of UTF-16 or UTF-32
			if r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' || r == 0x7F {
				w = -3
			}
		case r == utf8.RuneError, sc == scBad:
			w = -3 // decoding errors, C1 controls, private use, unassigned
		case alpha:
			lw := 1.0
			switch {
			case fam != famSingle && fam != famUnicode:
				lw = -0.5 // Latin, Cyrillic and Greek letters are rare in East Asian text
			case sc == scLatin && lang != "" && !strings.ContainsRune(lang, unicode.ToLower(r)):
				lw = -0.5
			}
			if !skip {
				wordSum += lw * b
				wordWeight += b
			}
			counted = false
		case sc == scMark:
			w = -1
			if unicode.IsLetter(prev) {
				w = 0.5
			}
		case sc == scHan:
			w = hanWeight(sets.get(r), fam)
			if noKana || rareWords {
				w = min(w, 0.3)
			}
			// Chinese and Japanese put no spaces between words; Korean
			// read as Chinese shows as hanzi with spaces between them.
			if i+1 < len(out) && out[i] == ' ' {
				if r2, _ := utf8.DecodeRune(out[i+1:]); scriptOf(r2) == scHan {
					w = -0.5
				}
			}
		case sc == scHangul:
			switch {
			case fam == famKorea && sets.has(r, setKS) && !unspaced, fam == famUnicode:
				w = 1
			case fam == famKorea:
				w = 0.3
			default:
				w = -0.5
			}
		case sc == scHalfKana:
			w = -0.5
		case sc == scKana:
			w = -0.5
			if fam == famJapan || fam == famUnicode {
				w = 1
			}
		case sc == scCJKPunct:
			w = 1
			if fam == famSingle {
				w = 0.5
			}
		default:
			w = symbolWeight(r)
		}
		if counted && !skip {
			sum += w * b
			weight += b
		}
		prev = r
	}
	if wordScripts != 0 {
		endWord()
	}
	if weight == 0 {
		return 0
	}
	return sum / weight
}

// Classes of characters for the scorer; the alphabets are bits so that a
// word can tell it mixes them.
const (
	scLatin uint8 = 1 << iota
	scCyrillic
	scGreek
	scHebrew
	scArabic
	scThai
	scOther // anything else
	scBad   // C1 controls, private use, unassigned

	scHan      = scOther | 1
	scKana     = scOther | 2
	scHalfKana = scOther | 3
	scHangul   = scOther | 4
	scCJKPunct = scOther | 5
	scMark     = scOther | 6
)

func scriptOf(r rune) uint8 {
	switch {
	case r < 0x80:
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return scLatin
		}
		return scOther
	case r < 0xA0:
		return scBad
	case r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7, r >= 0x1E00 && r <= 0x1EFF:
		return scLatin
	case r >= 0x300 && r <= 0x36F:
		return scMark
	case r >= 0x370 && r <= 0x3FF:
		if unicode.IsLetter(r) {
			return scGreek
		}
	case r >= 0x400 && r <= 0x52F:
		if unicode.IsLetter(r) {
			return scCyrillic
		}
	case r >= 0x590 && r <= 0x5FF:
		if unicode.IsLetter(r) {
			return scHebrew
		}
		if unicode.Is(unicode.Mn, r) {
			return scMark
		}
	case r >= 0x600 && r <= 0x6FF:
		if unicode.IsLetter(r) {
			return scArabic
		}
		if unicode.Is(unicode.Mn, r) {
			return scMark
		}
	case r >= 0xE00 && r <= 0xE7F:
		if unicode.IsLetter(r) {
			return scThai
		}
		if unicode.Is(unicode.Mn, r) {
			return scMark
		}
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF01 && r <= 0xFF5E:
		return scCJKPunct
	case r >= 0x3040 && r <= 0x30FF, r >= 0x31F0 && r <= 0x31FF:
		if r == 0x30FB || r == 0x3099 || r == 0x309A {
			return scOther
		}
		return scKana
	case r >= 0xFF61 && r <= 0xFF9F:
		return scHalfKana
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3400 && r <= 0x4DBF, r >= 0xF900 && r <= 0xFAFF, r >= 0x20000 && r <= 0x2FFFF:
		return scHan
	case r >= 0xAC00 && r <= 0xD7A3, r >= 0x1100 && r <= 0x11FF, r >= 0x3130 && r <= 0x318F:
		return scHangul
	case r >= 0xE000 && r <= 0xF8FF, r >= 0xF0000:
		return scBad
	}
	if unicode.Is(unicode.Mn, r) {
		return scMark
	}
	if !unicode.IsGraphic(r) && !unicode.Is(unicode.Cf, r) {
		return scBad
	}
	return scOther
}

// symbolWeight scores punctuation and symbols: typographic punctuation is
// text, the rest of Latin-1's symbols (¤ ¦ ¨ ¯ ´ ¸) are what a wrong
// single-byte decoding leaves.
func symbolWeight(r rune) float64 {
	switch r {
	case '‘', '’', '“', '”', '‚', '„', '–', '—', '…', '«', '»', '‹', '›', '•', '€', '£', '¥', '©', '®', '™', '°', '§', '¡', '¿', '·', '\u00A0':
		return 0.7
	case '×', '±', '½', '¼', '¾', '²', '³', '¹', 'µ', '№', '†', '‡', '‰':
		return 0
	}
	return -0.5
}

// hanWeight is the plausibility of a Chinese character under a family:
// common in the standard the encoding serves scores 1, a rarer one less.
func hanWeight(in uint8, fam encFamily) float64 {
	var want uint8
	switch fam {
	case famGB:
		want = setGB
	case famBig5:
		want = setBig5
	case famJapan:
		want = setJIS
	case famKorea:
		return 0.2 // Korean text is written in Hangul, with few hanja
	case famUnicode:
		want = setGB | setBig5 | setJIS
	default:
		return -0.5
	}
	if in&want != 0 {
		return 1
	}
	return 0.1
}

// ErrBinary and ErrEncoding classify files that are not UTF-8 text.
var (
	ErrBinary   = errors.New("binary file, not an article")
	ErrEncoding = errors.New("not valid UTF-8")
)

// CheckText rejects binary files and invalid UTF-8 with a message that says
// where and what the file most likely is.
func CheckText(src []byte) error {
	head := src
	if len(head) > 8000 {
		head = head[:8000]
	}
	if bytes.IndexByte(head, 0) >= 0 || len(src) >= 2 && (src[0] == 0xFF && src[1] == 0xFE || src[0] == 0xFE && src[1] == 0xFF) {
		if !looksWide(src) {
			return ErrBinary
		}
	} else if utf8.Valid(src) {
		return nil
	}
	p := DiagnoseEncoding(src)
	if p.Offset >= len(src) || p.Offset == 0 && (src[0] < 0x80 || src[0] == 0xFF || src[0] == 0xFE) {
		return fmt.Errorf("%w: the file looks like %s (%s): convert it to UTF-8", ErrEncoding, p.Name, p.Confidence)
	}
	line := bytes.Count(src[:p.Offset], []byte{'\n'}) + 1
	col := utf8.RuneCount(src[bytes.LastIndexByte(src[:p.Offset], '\n')+1:p.Offset]) + 1
	return fmt.Errorf("%w: byte 0x%02X at line %d, column %d; the file looks like %s (%s): convert it to UTF-8",
		ErrEncoding, src[p.Offset], line, col, p.Name, p.Confidence)
}
