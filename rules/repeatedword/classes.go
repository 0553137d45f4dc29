package repeatedword

// The classes of doubles that are language, not slips. Each holds for
// English in general; none names a word of a particular text.

// interjections are words of sound and feeling that English doubles as a
// matter of course: "ha ha", "oh oh", "tick tock", "knock knock", "beep beep".
var interjections = set(
	"ha", "haha", "hah", "heh", "hee", "ho", "hoho", "oh", "ah", "aah", "ooh", "uh", "um", "mm", "hmm", "er",
	"yeah", "yay", "hey", "hi", "bye", "no", "yes", "yo", "ay", "aye", "whoa", "wow", "woo", "boo", "yum",
	"bla", "blah", "yada", "yadda", "tut", "tsk", "shh", "hush", "pooh", "la", "doo", "dum", "da", "tra",
	"knock", "tick", "tock", "ding", "dong", "beep", "bleep", "honk", "toot", "bang", "boom", "bam", "pow",
	"zzz", "choo", "chug", "quack", "meow", "woof", "baa", "moo", "oink", "tweet", "chirp", "buzz", "clap",
	"chop", "bravo", "encore", "hear", "there", "now", "well", "come", "hello", "night",
)

// intensifiers and the adjectives English doubles for emphasis ("far far
// away", "poor poor fellow", "very very good", "ten thousand thousand"):
// degree words, the few adjectives of age, size and feeling that English
// reduplicates as a figure (old old, little little, dear dear), and the
// number words, which double to multiply.
var intensifiers = set(
	"very", "really", "so", "too", "much", "many", "far", "long", "ever", "indeed", "quite", "truly",
	"old", "little", "tiny", "wee", "poor", "dear", "sweet",
	"hundred", "thousand", "million", "billion",
)

// loans are reduplicated words English borrowed whole (dictionaries write
// most of them with a hyphen or as one word): "mahi mahi", "tuk tuk".
var loans = set(
	"agar", "aye-aye", "beri", "bon", "cous", "dik", "frou", "mahi", "muu", "pom", "tom", "tuk", "wiki",
	"chow", "cha", "bora", "kai", "ylang", "ha-ha", "can-can", "so-so", "tse", "pili", "lomi", "mau",
)

// auxiliaries are the closed class of English auxiliary and modal verbs.
// After "you you" one shows that the first "you" closed a clause as an
// object and the second opens the next as its subject: "I told you you
// should", "when he spoke to you you were".
var auxiliaries = set(
	"am", "are", "is", "was", "were", "be", "been", "have", "has", "had", "do", "does", "did", "will", "would",
	"shall", "should", "can", "could", "may", "might", "must", "ought", "need", "dare", "know", "knew", "see",
	"saw", "think", "thought", "said", "say", "mean", "meant", "want", "wanted", "get", "got", "go", "went",
	"'re", "’re", "'d", "’d", "'ll", "’ll", "'ve", "’ve",
)

// adverbParticles finish a phrasal verb ("log in", "slip out", "give
// up"); the same word may then open a phrase of its own: "logged in in the
// morning". Prepositions that also end prepositional verbs ("believed in
// in", "resorted to to") are left reported: without a dictionary of those
// verbs they cannot be told from a slip ("shown at at a fair").
var adverbParticles = set("in", "out", "up", "down", "off", "away", "back", "over")

// phrasalHeads are the verbs of the phrasal verbs written about interfaces
// and forms, which take the particle right after them: "log in in the
// morning", "sign in in the book", "fill out out of habit".
var phrasalHeads = set(
	"log", "logs", "logged", "logging", "sign", "signs", "signed", "signing", "check", "checks", "checked",
	"checking", "plug", "plugged", "fill", "filled", "type", "typed", "tune", "tuned", "turn", "turned", "hand",
	"handed", "call", "called", "drop", "dropped", "pass", "passed", "hold", "held", "give", "gave", "set",
	"put", "lock", "locked", "pay", "paid", "write", "wrote", "opt", "opted", "zoom", "zoomed", "scroll",
	"scrolled", "shut", "break", "broke", "cut",
)

// irregularPast are the common irregular past forms, which end a verb
// phrase like the -ed forms: "took the letters in in the morning".
var irregularPast = set(
	"took", "laid", "put", "set", "brought", "gave", "told", "came", "went", "got", "made", "kept", "held",
	"left", "let", "cut", "shut", "sent", "spent", "built", "lent", "bent", "threw", "drew", "fell", "ran",
	"sat", "stood", "stuck", "hung", "spun", "wound", "paid", "said", "sold", "brought", "caught", "taught",
	"sought", "fought", "thought", "bought", "broke", "spoke", "woke", "wore", "tore", "swore", "bore",
	"drove", "rode", "rose", "wrote", "gone", "done", "given", "taken", "written", "broken", "spoken",
	"driven", "ridden", "shown", "grown", "thrown", "known", "blown", "flown", "drawn",
)

// phrasalObjects are the pronouns that sit between a verb and its particle:
// "sign them in in the book", "took it in in the morning".
var phrasalObjects = set("it", "them", "him", "her", "me", "us", "you", "this", "that", "these", "those")

// modalNouns are modals that are also nouns; after a determiner the first
// copy is the noun and the second the verb: "the will will show it".
var modalNouns = set("will", "can", "may", "must")

// determiners open a noun phrase.
var determiners = set("the", "a", "an", "this", "that", "his", "her", "its", "their", "our", "my", "your",
	"whose", "every", "each", "no", "any", "some")

// functionWords are English's closed classes: articles, pronouns,
// prepositions, conjunctions, auxiliaries. A double of one written in
// capitals at a sentence start ("The The") is a slip, not a name; and a
// stretch of text with none of them is not English.
var functionWords = set(
	"the", "a", "an", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "with", "from",
	"into", "onto", "as", "than", "that", "this", "these", "those", "it", "its", "is", "are", "was", "were",
	"be", "been", "being", "have", "has", "had", "do", "does", "did", "will", "would", "shall", "should",
	"can", "could", "may", "might", "must", "not", "no", "he", "she", "they", "we", "i", "you", "him", "her",
	"them", "us", "me", "my", "your", "his", "their", "our", "which", "who", "whom", "whose", "what", "when",
	"where", "why", "how", "if", "so", "there", "then", "also", "about", "after", "before", "over", "under",
	"up", "out", "all", "some", "any", "each", "every", "because", "while", "until", "such", "through",
	"between", "without", "within", "during", "against", "among", "upon", "via", "per", "only", "more", "most",
)

// latinEndings end the genus and species names of Latin binomials, which
// repeat in tautonyms and trinomials: "Rattus rattus", "Homo sapiens
// sapiens", "Gorilla gorilla gorilla".
var latinEndings = []string{"us", "um", "is", "ae", "ii", "a", "es", "ex", "ix", "ens", "ans", "on", "o", "i"}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// speechVerbs introduce words reported as said or as a sound: what follows
// is the utterance, doubled as it was spoken ("they said bye bye", "the
// car went beep beep", "she cried help help").
var speechVerbs = set("said", "say", "says", "saying", "cried", "cry", "cries", "shouted", "shout", "shouts",
	"yelled", "yell", "called", "call", "sang", "sing", "sings", "whispered", "went", "goes", "chanted",
	"chant", "replied", "answered", "muttered", "screamed", "sounded", "repeated", "echoed")

// nameWords are English words that are also given names or months; beside
// the word written with a capital they are a name and the word: "Will will
// be here", "In May may we", "May May come?".
var nameWords = set("may", "will", "june", "april", "august", "mark", "bill", "rose", "pat", "sue", "frank",
	"grace", "hope", "joy", "faith", "art", "rob", "jack", "bob", "max", "ray", "dawn", "summer", "robin")
