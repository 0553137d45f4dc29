package read

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
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

// Invented sentences: no real organisation, person or event.
var encSentences = map[string][]string{
	"zh-Hans": {
		"市议会周二在港口大楼召开会议，讨论新的渡轮时刻表。",
		"图书馆将从下个月起延长周末的开放时间。",
		"委员们同意明年春天在河边修建一条自行车道。",
		"据负责人介绍，这个项目预计花费三百万元。",
		"当地学校的学生参观了新建的气象站，并向工程师提出了许多问题。",
		"“我们希望更多的家庭能够使用这些服务，”主任说。",
		"报告显示，去年游客人数增加了百分之十二。",
		"会议结束后，居民可以在网上查看完整的记录。",
	},
	"zh-Hant": {
		"市議會週二在港口大樓召開會議，討論新的渡輪時刻表。",
		"圖書館將從下個月起延長週末的開放時間。",
		"委員們同意明年春天在河邊修建一條自行車道。",
		"據負責人介紹，這個項目預計花費三百萬元。",
		"當地學校的學生參觀了新建的氣象站，並向工程師提出了許多問題。",
		"「我們希望更多的家庭能夠使用這些服務，」主任說。",
		"報告顯示，去年遊客人數增加了百分之十二。",
		"會議結束後，居民可以在網上查看完整的記錄。",
	},
	"ja": {
		"市議会は火曜日に港のホールで会合を開き、新しいフェリーの時刻表について話し合った。",
		"図書館は来月から週末の開館時間を延長する予定です。",
		"委員たちは来年の春に川沿いに自転車道を作ることに同意した。",
		"担当者によると、この計画には約三億円がかかる見込みだという。",
		"地元の学校の生徒たちは新しい気象観測所を見学し、技術者に多くの質問をした。",
		"「もっと多くの家族にこのサービスを使ってほしい」と所長は話した。",
		"報告書によれば、昨年の観光客は十二パーセント増えた。",
		"会議の後、住民はインターネットで記録を読むことができる。",
	},
	"ko": {
		"시의회는 화요일 항구 회관에서 회의를 열고 새 여객선 시간표를 논의했다.",
		"도서관은 다음 달부터 주말 개관 시간을 늘릴 예정이다.",
		"위원들은 내년 봄에 강변을 따라 자전거 도로를 만들기로 합의했다.",
		"담당자에 따르면 이 사업에는 약 삼십억 원이 들 것으로 보인다.",
		"지역 학교 학생들은 새로 지은 기상 관측소를 견학하고 기술자들에게 많은 질문을 했다.",
		"\"더 많은 가족이 이 서비스를 이용하기를 바랍니다\"라고 소장은 말했다.",
		"보고서에 따르면 지난해 관광객 수는 십이 퍼센트 늘었다.",
		"회의가 끝난 뒤 주민들은 인터넷에서 전체 기록을 볼 수 있다.",
	},
	"fr": {
		"Le conseil municipal s’est réuni mardi à la halle du port pour étudier les nouveaux horaires du bac.",
		"La bibliothèque prolongera ses heures d’ouverture le week-end dès le mois prochain.",
		"Les élus ont approuvé la création d’une piste cyclable le long de la rivière au printemps.",
		"Selon la responsable, le projet coûtera près de trois millions d’euros.",
		"Des élèves du collège ont visité la nouvelle station météo et ont posé des questions aux ingénieurs.",
		"« Nous voulons que davantage de familles profitent de ces services », a déclaré la directrice.",
		"Le rapport montre que le nombre de visiteurs a augmenté de douze pour cent l’an dernier.",
		"Après la séance, les habitants pourront consulter le procès-verbal complet en ligne.",
	},
	"de": {
		"Der Stadtrat traf sich am Dienstag in der Hafenhalle, um über den neuen Fährfahrplan zu beraten.",
		"Die Bücherei verlängert ab nächstem Monat ihre Öffnungszeiten am Wochenende.",
		"Die Mitglieder stimmten zu, im Frühjahr einen Radweg entlang des Flusses zu bauen.",
		"Laut der Leiterin wird das Vorhaben rund drei Millionen Euro kosten.",
		"Schüler der örtlichen Schule besuchten die neue Wetterstation und stellten den Ingenieuren viele Fragen.",
		"„Wir möchten, dass mehr Familien diese Angebote nutzen“, sagte die Direktorin.",
		"Dem Bericht zufolge stieg die Zahl der Besucher im vergangenen Jahr um zwölf Prozent.",
		"Nach der Sitzung können die Bürger das vollständige Protokoll im Netz lesen.",
	},
	"es": {
		"El ayuntamiento se reunió el martes en la lonja del puerto para estudiar los nuevos horarios del transbordador.",
		"La biblioteca ampliará su horario de fin de semana a partir del próximo mes.",
		"Los concejales acordaron construir un carril bici junto al río en primavera.",
		"Según la responsable, el proyecto costará unos tres millones de euros.",
		"Alumnos del instituto visitaron la nueva estación meteorológica y preguntaron mucho a los ingenieros.",
		"«Queremos que más familias aprovechen estos servicios», dijo la directora.",
		"El informe señala que el número de visitantes creció un doce por ciento el año pasado.",
		"¿Podrán los vecinos leer el acta completa en internet después de la sesión?",
	},
	"pl": {
		"Rada miejska zebrała się we wtorek w hali portowej, aby omówić nowy rozkład promów.",
		"Biblioteka od przyszłego miesiąca wydłuży godziny otwarcia w weekendy.",
		"Radni zgodzili się zbudować wiosną ścieżkę rowerową wzdłuż rzeki.",
		"Według kierowniczki projekt będzie kosztował około trzech milionów złotych.",
		"Uczniowie miejscowej szkoły zwiedzili nową stację pogodową i zadali inżynierom wiele pytań.",
		"„Chcemy, żeby więcej rodzin korzystało z tych usług” – powiedziała dyrektorka.",
		"Z raportu wynika, że liczba gości wzrosła w zeszłym roku o dwanaście procent.",
		"Po posiedzeniu mieszkańcy będą mogli przeczytać cały protokół w sieci.",
	},
	"cs": {
		"Městská rada se v úterý sešla v přístavní hale, aby projednala nový jízdní řád přívozu.",
		"Knihovna od příštího měsíce prodlouží otevírací dobu o víkendech.",
		"Zastupitelé souhlasili, že na jaře postaví podél řeky cyklostezku.",
		"Podle vedoucí bude projekt stát přibližně tři miliony korun.",
		"Žáci místní školy navštívili novou meteorologickou stanici a kladli inženýrům mnoho otázek.",
		"„Chceme, aby tyto služby využívalo více rodin,“ řekla ředitelka.",
		"Ze zprávy vyplývá, že počet návštěvníků loni vzrostl o dvanáct procent.",
		"Po zasedání si obyvatelé mohou přečíst celý zápis na internetu.",
	},
	"ru": {
		"Городской совет собрался во вторник в портовом зале, чтобы обсудить новое расписание парома.",
		"Библиотека со следующего месяца продлит часы работы по выходным.",
		"Депутаты согласились весной построить велосипедную дорожку вдоль реки.",
		"По словам руководителя, проект обойдётся примерно в три миллиона рублей.",
		"Ученики местной школы посетили новую метеостанцию и задали инженерам много вопросов.",
		"«Мы хотим, чтобы больше семей пользовались этими услугами», — сказала директор.",
		"Согласно отчёту, число гостей в прошлом году выросло на двенадцать процентов.",
		"После заседания жители смогут прочитать полный протокол в интернете.",
	},
	"el": {
		"Το δημοτικό συμβούλιο συνεδρίασε την Τρίτη στην αίθουσα του λιμανιού για το νέο πρόγραμμα του πορθμείου.",
		"Η βιβλιοθήκη θα επεκτείνει το ωράριο του Σαββατοκύριακου από τον επόμενο μήνα.",
		"Τα μέλη συμφώνησαν να φτιαχτεί ποδηλατόδρομος κατά μήκος του ποταμού την άνοιξη.",
		"Σύμφωνα με την υπεύθυνη, το έργο θα κοστίσει περίπου τρία εκατομμύρια ευρώ.",
		"Μαθητές του τοπικού σχολείου επισκέφθηκαν τον νέο μετεωρολογικό σταθμό.",
		"«Θέλουμε περισσότερες οικογένειες να χρησιμοποιούν αυτές τις υπηρεσίες», είπε η διευθύντρια.",
		"Η έκθεση δείχνει ότι οι επισκέπτες αυξήθηκαν κατά δώδεκα τοις εκατό πέρυσι.",
		"Μετά τη συνεδρίαση οι κάτοικοι μπορούν να διαβάσουν τα πρακτικά στο διαδίκτυο.",
	},
	"tr": {
		"Belediye meclisi salı günü liman salonunda toplanarak yeni feribot tarifesini görüştü.",
		"Kütüphane gelecek aydan itibaren hafta sonu çalışma saatlerini uzatacak.",
		"Üyeler ilkbaharda nehir boyunca bir bisiklet yolu yapılmasını kabul etti.",
		"Sorumlu kişiye göre proje yaklaşık üç milyon liraya mal olacak.",
		"Yerel okulun öğrencileri yeni meteoroloji istasyonunu gezdi ve mühendislere birçok soru sordu.",
		"“Daha fazla ailenin bu hizmetlerden yararlanmasını istiyoruz” dedi müdür.",
		"Rapora göre geçen yıl ziyaretçi sayısı yüzde on iki arttı.",
		"Toplantıdan sonra halk tutanağın tamamını internette okuyabilecek.",
	},
}

// encCase is a language written in one encoding, and the name the guess
// must give.
type encCase struct {
	lang, name string
	enc        encoding.Encoding
}

var encCases = []encCase{
	{"zh-Hans", "GB18030", simplifiedchinese.GB18030},
	{"zh-Hant", "Big5", traditionalchinese.Big5},
	{"ja", "Shift_JIS", japanese.ShiftJIS},
	{"ja", "EUC-JP", japanese.EUCJP},
	{"ko", "EUC-KR", korean.EUCKR},
	{"fr", "Windows-1252", charmap.Windows1252},
	{"de", "Windows-1252", charmap.Windows1252},
	{"es", "Windows-1252", charmap.Windows1252},
	{"pl", "Windows-1250", charmap.Windows1250},
	{"cs", "Windows-1250", charmap.Windows1250},
	{"ru", "Windows-1251", charmap.Windows1251},
	{"el", "Windows-1253", charmap.Windows1253},
	{"tr", "Windows-1254", charmap.Windows1254},
	{"zh-Hans", "UTF-16 (little-endian, with", xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM)},
	{"ja", "UTF-16 (big-endian, no", xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)},
	{"fr", "UTF-16 (little-endian, no", xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)},
	{"ko", "UTF-32 (little-endian, with", utf32.UTF32(utf32.LittleEndian, utf32.UseBOM)},
	{"de", "UTF-32 (big-endian, no", utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM)},
}

// encArticle builds an article of n sentences in a language: a title line,
// then paragraphs of up to four sentences.
func encArticle(lang string, n int, rng *rand.Rand) string {
	ss := encSentences[lang]
	var b strings.Builder
	sep := " "
	if strings.HasPrefix(lang, "zh") || lang == "ja" {
		sep = ""
	}
	for i := range n {
		if i > 0 {
			if i%4 == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteString(sep)
			}
		}
		b.WriteString(ss[rng.IntN(len(ss))])
	}
	b.WriteString("\n")
	return b.String()
}

var encLengths = []int{1, 2, 3, 5, 8, 13, 21, 40, 80, 200}

// TestEncodingGuess writes invented articles of every length, from one
// sentence to a long article, in each encoding, and holds the guess to two
// promises: a conversion, when offered, gives back exactly the text that
// was written; and from three sentences up a conversion is offered, under
// the right name.
func TestEncodingGuess(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 15))
	for _, c := range encCases {
		for _, n := range encLengths {
			text := encArticle(c.lang, n, rng)
			src, err := c.enc.NewEncoder().Bytes([]byte(text))
			if err != nil {
				t.Fatalf("%s in %s: %v", c.lang, c.name, err)
			}
			if string(src) == text {
				continue // no letter outside ASCII in this draw
			}
			t.Run(fmt.Sprintf("%s/%s/%d", c.lang, c.name, n), func(t *testing.T) {
				if err := CheckText(src); err == nil {
					t.Fatalf("checkText accepts %s as UTF-8", c.name)
				}
				p := DiagnoseEncoding(src)
				if p.Fixed != nil && string(p.Fixed) != text {
					t.Fatalf("wrong conversion offered as %s (%s):\n got %.120q\nwant %.120q", p.Name, p.Confidence, p.Fixed, text)
				}
				if n >= 3 && p.Fixed == nil {
					t.Errorf("no conversion offered: guessed %s (%s)", p.Name, p.Confidence)
				}
				if p.Fixed != nil && !strings.HasPrefix(p.Name, c.name) {
					t.Errorf("guessed %s, want %s", p.Name, c.name)
				}
			})
		}
	}
}

// TestEncodingStray keeps the repair of a UTF-8 file with a few stray
// Windows-1252 bytes, and refuses it when the UTF-8 is only an accident of
// a legacy encoding's byte pairs.
func TestEncodingStray(t *testing.T) {
	src := []byte("Le conseil s’est réuni mardi. Les élus ont approuv\xe9 le projet.\n")
	p := DiagnoseEncoding(src)
	want := "Le conseil s’est réuni mardi. Les élus ont approuvé le projet.\n"
	if string(p.Fixed) != want || !strings.HasPrefix(p.Name, "UTF-8 with stray") {
		t.Errorf("got %s (%s) %q, want the stray byte read as Windows-1252", p.Name, p.Confidence, p.Fixed)
	}
	if p.Offset != strings.Index(want, "é le") {
		t.Errorf("offset %d, want the stray byte's", p.Offset)
	}
}

// TestEncodingRefuses: bytes that no encoding reads as text get no
// conversion, and the message says the guess is not sure.
func TestEncodingRefuses(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 50 {
		src := make([]byte, 20+i*37)
		for j := range src {
			src[j] = byte(0x80 + rng.IntN(0x80))
		}
		p := DiagnoseEncoding(src)
		if p.Fixed != nil {
			t.Errorf("random bytes %d: conversion offered as %s (%s)", i, p.Name, p.Confidence)
		}
		if !strings.HasPrefix(p.Confidence, "not sure") && !strings.HasPrefix(p.Confidence, "every") {
			t.Errorf("random bytes %d: %s (%s)", i, p.Name, p.Confidence)
		}
	}
}

// TestEncodingUTF32 keeps UTF-32 apart from UTF-16: both start FF FE.
func TestEncodingUTF32(t *testing.T) {
	src, _ := utf32.UTF32(utf32.LittleEndian, utf32.UseBOM).NewEncoder().Bytes([]byte("Harbour notes\n"))
	if err := CheckText(src); err == nil || !strings.Contains(err.Error(), "UTF-32 (little-endian, with a byte order mark)") {
		t.Errorf("checkText: %v", err)
	}
	p := DiagnoseEncoding(src)
	if !strings.HasPrefix(p.Name, "UTF-32") || string(p.Fixed) != "Harbour notes\n" {
		t.Errorf("got %s %q", p.Name, p.Fixed)
	}
}

// BenchmarkEncodingGuess: a Chinese article of about 1 MB in GB18030,
// decoded and scored in every candidate encoding.
func BenchmarkEncodingGuess(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	text := encArticle("zh-Hans", 30000, rng)
	src, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if p := DiagnoseEncoding(src); p.Fixed == nil {
			b.Fatal(p.Name, p.Confidence)
		}
	}
}

// FuzzEncodingGuess reaches the guess with any bytes: it never panics, a
// conversion it offers is valid UTF-8 without NUL or replacement
// characters the input did not have, and encoding the conversion back
// with the guessed encoding gives the input (so the fix loses nothing).
func FuzzEncodingGuess(f *testing.F) {
	rng := rand.New(rand.NewPCG(7, 7))
	for _, c := range encCases {
		src, _ := c.enc.NewEncoder().Bytes([]byte(encArticle(c.lang, 2, rng)))
		f.Add(src)
	}
	f.Add([]byte("Caf\xe9\n"))
	f.Add([]byte("\xff\xfe\x00\x00H\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, src []byte) {
		if utf8.Valid(src) && bytes.IndexByte(src, 0) < 0 {
			return
		}
		err := CheckText(src)
		if err == nil {
			t.Fatalf("checkText accepts %q", src)
		}
		if !errors.Is(err, ErrEncoding) {
			return
		}
		p := DiagnoseEncoding(src)
		if p.Name == "" || p.Confidence == "" {
			t.Fatalf("no guess named: %+v", p)
		}
		if p.Fixed == nil {
			return
		}
		if !utf8.Valid(p.Fixed) || bytes.IndexByte(p.Fixed, 0) >= 0 || bytes.Count(p.Fixed, []byte("\uFFFD")) > bytes.Count(src, []byte("\uFFFD")) {
			t.Fatalf("conversion as %s is lossy: %q", p.Name, p.Fixed)
		}
		for _, c := range append(encCandidates(), bomCandidates()...) {
			if c.name != p.Name || c.enc == nil {
				continue
			}
			back, err := c.enc.NewEncoder().Bytes(p.Fixed)
			if err == nil && !bytes.Equal(back, src) && !strings.Contains(c.name, "byte order mark") {
				t.Fatalf("%s: %q converts to %q, which encodes back to %q", c.name, src, p.Fixed, back)
			}
		}
	})
}

func bomCandidates() []encCandidate {
	var out []encCandidate
	for _, bom := range [][]byte{{0xFF, 0xFE, 0, 0}, {0, 0, 0xFE, 0xFF}, {0xFF, 0xFE}, {0xFE, 0xFF}} {
		c, _ := byteOrderMark(bom)
		out = append(out, c)
	}
	return out
}
