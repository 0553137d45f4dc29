package corpusgen

import (
	"math/rand/v2"
	"strings"
	"time"
)

// Templates are sentences with {slot} markers. They are parsed once, at package initialisation.
// Conventions that keep clean output clean: a slot that names a noun phrase brings its own
// determiner ("{place}" is "the East Hall"), so no template writes "the" before it; a template ends
// with its punctuation, and writer.literal drops a period that would follow one already written.

var kinds = []string{
	"signing", "exhibition", "lecture", "research", "visit", "competition", "festival", "workshop",
	"donation", "anniversary",
}

var titleSrc = [][]string{
	{ // signing
		"{orgname} signs partnership with {org2name}",
		"{orgname} and {org2name} sign {agreement}",
		"{org2name} and {orgname} agree to set up {lab}",
		"New partnership links {orgname} with {org2name}",
	},
	{ // exhibition
		`Exhibition "{exhibit}" opens at {orgname}`,
		"{orgname} opens new gallery on {topic}",
		`"{exhibit}": {num} objects on {topic} go on display`,
		"New exhibition at {orgname} explores {topic}",
	},
	{ // lecture
		"{p2} lectures on {topic}",
		"{season} lecture series at {orgname} concludes",
		"{p2} of {org2name} speaks on {topic}",
		"Lecture on {topic} draws {num} listeners",
	},
	{ // research
		"Researchers report new findings on {topic}",
		"{orgname} team publishes study on {topic}",
		"New method for studying {topic} developed at {orgname}",
		"Study links {topic} and {topic2}",
	},
	{ // visit
		"Delegation from {org2name} visits {orgname}",
		"{p1} leads delegation to {wcity}",
		"Guests from {wcity} tour {orgname}",
	},
	{ // competition
		"{orgname} students win {award} at {event}",
		"{num} teams compete in {event} final",
		"Young researchers honored at {year2} {event}",
	},
	{ // festival
		"{orgname} holds {event}",
		"{event} at {orgname} welcomes {bignum} visitors",
		"{season} {event} concludes",
	},
	{ // workshop
		"Workshop on {topic} held at {orgname}",
		"{num} teachers complete training in {field}",
		"Training course on {topic} for {audience}",
	},
	{ // donation
		"{orgname} receives donation of {donation}",
		"Collection of {donation} donated to {orgname}",
		"Family gives {donation} to {orgname}",
	},
	{ // anniversary
		"{orgname} marks {ordinal} anniversary",
		"{orgname} celebrates {ordinal} anniversary with {event}",
		"{ordinal} anniversary of {orgname} celebrated",
	},
}

// Every lead names the main organisation, so that its first mention in the body defines the short form.
var leadSrc = [][]string{
	{
		"{date}, {p1full}, led a delegation to {org2}, where the two institutions signed a {agreement}.",
		"{date}, {orgdef} and {org2} signed a {agreement} in {place}.",
	},
	{
		`{date}, the exhibition "{exhibit}" opened at {orgdef}.`,
		"{date}, {orgdef} opened a new permanent gallery devoted to {topic}.",
	},
	{
		"{date}, {p2full}, gave a public lecture on {topic} at {orgdef}.",
		"{date}, the last talk of the {season} lecture series at {orgdef} took place in {place}.",
	},
	{
		"{date}, a research team from {orgdef} published a study on {topic} in {journal}.",
		"Researchers at {orgdef} have developed a new way to study {topic}, according to a paper published this month in {journal}.",
	},
	{
		"{date}, a delegation from {org2} led by {p2full}, visited {orgdef}.",
		"{date}, {p1full}, led a delegation to {wcity} for a {n5}-day working visit.",
	},
	{
		"{date}, students from {orgdef} won {award} at the {year2} {event} in {wcity}.",
		"{date}, the final round of the {event} took place at {orgdef}, with {num} teams taking part.",
	},
	{
		"{date}, {orgdef} held its annual {event}, which attracted {bignum} visitors.",
		`{date}, this year's {event} opened at {orgdef} under the theme "{exhibit}".`,
	},
	{
		"{date}, a {n5}-day workshop on {topic} opened at {orgdef}.",
		"{date}, {num} {audience} completed a training course in {field} run by {orgdef}.",
	},
	{
		"{date}, {orgdef} received a donation of {num} {donation} from the family of {p3}.",
		"{date}, a ceremony was held at {orgdef} to mark the donation of {donation} by {company} and its staff.",
	},
	{
		"{date}, {orgdef} celebrated its {ordinal} anniversary with a ceremony in {place}.",
		"{date}, more than {bignum} guests, staff and alumni gathered to mark the {ordinal} anniversary of {orgdef}.",
	},
}

var kindSrc = [][]string{
	{
		"Under the agreement, both sides will {coop} and {coop2}.",
		"The two institutions also agreed to set up a {lab}, which is expected to open in {month2} {year2}.",
		"{p1} and {p2} signed the agreement on behalf of their institutions.",
		"The cooperation builds on more than {num} years of exchanges between {org} and {org2}, including {num2} joint projects in {field}.",
		"The agreement runs for {n5} years and can be extended by mutual consent.",
		"A working group with members from both sides will meet every {n5} months to review progress.",
		"{p2} described the agreement as a natural next step for the two partners.",
		"Among the first joint activities will be a summer course on {topic} for {audience}.",
	},
	{
		"The exhibition brings together more than {num} objects, many of them on loan from {org2}.",
		"Highlights include {donation} and a large interactive model that visitors can operate themselves.",
		"The gallery is divided into {n5} sections, each built around a single question about {topic}.",
		"Labels are in English and Chinese, and an audio guide is available in {n5} languages.",
		"{p1}, who curated the show, spent {num} months selecting the objects.",
		"The exhibition runs until {date2} and then travels to {wcity}.",
		"Designers from {company} helped create the lighting and the touch screens.",
		"The exhibition is open from {time} to {time2}, {weekday} to {weekday2}, in {place}.",
	},
	{
		`The lecture, titled "{exhibit}", traced the history of {topic} from the first observations to current research.`,
		"{p2} began with a simple experiment that anyone could repeat at home.",
		"The talk drew on {num} years of fieldwork and on data from the {project}.",
		"Afterwards, {p2} answered questions from {audience} for almost an hour.",
		"The series, organized by the {office} of {org}, has hosted {num} speakers since it began in {year}.",
		"Slides from the lecture (PDF, {n5} MB) can be downloaded from {url}.",
		"Many of the questions from the audience concerned {topic2}, a subject {p2} has studied for {num} years.",
	},
	{
		"The team, led by {p1}, analyzed {bignum} records collected between {year} and {year3}.",
		"Their results suggest that {finding}.",
		"The method combines {tool} with {tool2} and costs far less than earlier approaches.",
		"The paper ({doi}) is open access.",
		"{p2}, who was not involved in the study, called the results promising but said more data were needed.",
		"The research was supported by {funder} and by {company}.",
		"Next, the team plans to test the method at {num} sites along the coast.",
		"The results, which have not yet been replicated, suggest that {finding}.",
	},
	{
		"The guests toured {place} and the {lab}, and met with researchers and students.",
		"During the talks, the two sides discussed how to {coop} and {coop2}.",
		"{p2} gave a short presentation on the work of {org2} in {field}.",
		"The delegation also visited {place2} and a local school.",
		"The visit ended with a working lunch at which both sides agreed to meet again in {year2}.",
		"It was one of {n5} visits by delegations from {wcity} since {year}.",
	},
	{
		"The winning team built a device that can monitor {topic} in real time.",
		"Judges from {org2} and {company} scored the entries on originality, method and presentation.",
		"Teams had {n12} weeks to prepare and {n5} minutes to present.",
		"{p3}, a member of the winning team, said the hardest part was keeping the project simple.",
		"The top {n5} teams will represent the region at the national final in {month2}.",
		"This year's entries ranged from {topic} to {topic2}.",
	},
	{
		"More than {num} stands offered experiments, games and short talks for all ages.",
		"The most popular activity was a workshop on {topic}, where queues formed well before {time}.",
		"For the first time, part of the program was streamed online.",
		"Food trucks and a small book market were set up near {place}.",
		"The festival closed with a concert by students of {org2}.",
		"Children could collect stamps at {num2} stations and exchange a full card for a small prize.",
	},
	{
		"The course combined lectures, lab sessions and a field trip to {place}.",
		"Trainers from {org2} and {company} led most of the practical sessions.",
		"Participants learned how to use {tool} and how to share their data openly.",
		"Each participant left with a lesson plan that can be used in class right away.",
		"The next course is planned for {month2} {year2}; applications open on {date2}.",
		"Feedback forms gave the course an average score of {score} out of 5.",
	},
	{
		"The items date from {year} to {year3} and were kept for decades in a private home.",
		"Conservators will spend the coming months cleaning and cataloging the collection.",
		"A selection will be shown to the public in {place} from {date2}.",
		"{p1} thanked the donors and said the gift fills an important gap in the collection.",
		"The collection has been valued at {money}, though the family asked for nothing in return.",
		"Most of the pieces were gathered by {p3}'s grandfather, a teacher who traveled widely.",
	},
	{
		"Founded in {year} with a staff of {n12}, {org} now has more than {num} employees.",
		"A photo exhibition in {place} traces the history of {org} from its first building to today.",
		"Former directors, including {p3}, shared memories of the early years.",
		"The celebrations will continue throughout the year with a series of talks on {topic}.",
		"A commemorative book, edited by {p2}, was presented at the ceremony.",
		"Messages of congratulation arrived from partners in {country}, {country2} and {country3}.",
	},
}

var generalSrc = []string{
	"More than {bignum} people attended, including {audience} and {audience2}.",
	"According to {p2}, research on {topic} has become one of the most discussed subjects in {field} over the past {num} years.",
	"{p1} said that {org} would continue to {goal}.",
	"The event was co-organized by {org} and {org2}, with support from {sponsor}.",
	"Registration is open until {date2}; details are available at {url}.",
	"For more information, contact the {office} at {email} or call {phone}.",
	"The program included {num} talks, {num2} workshops and a guided tour of {place}.",
	"In {year}, {org} received {money} from {funder} to support work on {topic}.",
	"Participants came from {num2} countries, e.g., {country}, {country2} and {country3}.",
	"The {lab}, founded in {year}, now employs {num} researchers and {num2} technicians.",
	"Data from the {project} show that {finding}.",
	"Admission is free for {audience}; other visitors pay {price}.",
	"{p2}, who joined {org2} in {year}, presented the results of a {num}-month study of {topic}.",
	"(Photos of the event can be found at {url}.)",
	"The team used {tool} and {tool2} to collect about {bignum} samples.",
	"The meeting ended with a tour of {place}.",
	"Since {year}, the number of {audience} taking part has grown by {pct}.",
	"{company} provided {equipment} free of charge.",
	"At the end of the ceremony, {p1} presented {p2} with {gift}.",
	"The next session is scheduled for {date2} at {time}.",
	"Both sides expressed the hope that {hope}.",
	"This {event}, first held in {year}, has become a fixture of the {city} calendar.",
	"Some {num} volunteers helped with {task}.",
	`The program's Chinese name, "{cjkname}", means "{cjkgloss}".`,
	"Guests from {country} and {country2} joined online.",
	"The project is funded by {funder} (Grant No. {grant}).",
	"{p3} of the {office} said the {event} had drawn {pct} more visitors than last year.",
	"Organizers say the {event} will return in {season2} {year2}.",
	"A recording of the talk is available on {org}'s website at {url}.",
	"The {lab} will also offer internships to {audience}.",
	"Over {n5} days, visitors could take part in hands-on activities, talks and guided walks.",
	"{p1} thanked {sponsor} and the many volunteers for their support.",
	"The work is part of a wider effort to {goal}.",
	"Questions can be sent to {email} before {date2}.",
	"As in previous years, the {event} was free and open to the public.",
	"Some of the results will be shown at a {event} in {wcity} later this year.",
	"Earlier this year, {org} signed a similar agreement with a partner in {wcity}.",
	"The study, led by {p2}, involved {num} researchers from {num2} institutions.",
	"About {pct} of the participants were taking part for the first time.",
	"Staff from {org} also visited {place} and met with {audience}.",
	"In the afternoon, participants split into {n5} groups to discuss {topic} and {topic2}.",
	"The organizers thanked {company} for its support; the company has sponsored the program since {year}.",
	"The full text (in English and Chinese) is available at {url}.",
	"With a budget of {money}, the project will run until {year2}.",
	"{p3}, who has worked with {org} for {num} years, led the tours.",
	"Tickets cost {price} and can be booked online; children under {n12} enter free.",
	"In total, the organizers counted {bignum} visits to the exhibition website in the first week.",
	"Local media, including the {city} Daily, covered the event.",
	"The U.S. partner, {company}, supplied {tool} for the fieldwork.",
	"A second phase, planned for {year2}, will focus on {topic2}.",
	"Readers who want to know more can write to {email}.",
	"The Q&A session after the talk by {p2} lasted almost an hour.",
	"Dr. {plast} and Prof. {plast2} chaired the morning and afternoon sessions respectively.",
	"Among the speakers were {p2} and {p3}, both experts in {field}.",
	"Each participant received a certificate and a copy of the proceedings.",
	"Further events in the series are listed at {url2}.",
	"The weather was kind, and the program ran without interruption from {time} until late afternoon.",
	"Students from {org2} also took part, i.e., {num} undergraduates and {num2} doctoral candidates.",
	"The event began at {time} with a welcome speech by {p1}.",
	"Visitors rated the experience {score} out of 5 on average, up from {score2} a year earlier.",
	"The {project} has so far published {num} reports and {bignum} open data records.",
	"Entry to {place} is through the side gate on {weekday}s.",
	"Light refreshments were served in {place2} after the talks.",
	"The organizers plan to publish a short report on the results by {month2}.",
	"Several participants said they would like the sessions on {topic} to be longer next time.",
	"In the words of one visitor, it was \"the best afternoon out in months\".",
	"The {office} can arrange group visits for up to {num} people.",
	"The {city} branch of {company} has supported similar programs at {org2}.",
}

var quoteSrc = []string{
	`"{quote}," said {p1}.`,
	`{p1} said: "{quote}."`,
	`"{quote}," {p2} told reporters.`,
	`As {p1} put it, "{quote}."`,
	`"{quote}," added {p3}, who helped organize the event.`,
	`In a speech at the opening, {p1} said, "{quote}."`,
	`"{quote}," {p2} said after the event.`,
}

// Markdown-only sentences: backticks are Markdown.
var markdownSrc = []string{
	"The data and the code ({code}) are published under an open license at {url}.",
	"To reproduce the figures, run {code} in the project folder.",
	"Settings such as {code} and {code2} are described in the project documentation.",
	"The tool reads {code} and writes one file per station.",
	"All runs used the same settings file, {code}.",
}

var captionSrc = []string{
	"{p1} speaks at the {event}",
	"{p2} visits {place}",
	"Guests at {orgname}",
	"{p1} and {p2} at the ceremony",
	"A corner of the exhibition \"{exhibit}\"",
	"Participants in front of {place}",
	"{p3} explains the project to visitors",
}

var summarySrc = []string{
	"News from {orgname}: {topic}, the {event} and more.",
	"A report on the {event} at {orgname}.",
	"What happened at {orgname} this {season2}.",
	"{p1} on {topic} and the work ahead.",
	"How {orgname} and {org2name} are working together on {topic}.",
	"Highlights from {orgname}, {month} {year3}.",
}

var listItemSrc = []string{
	"{num} talks on {topic}",
	"Date: {date2}",
	"Venue: {place}",
	"Contact: {email}",
	"a guided tour of {place}",
	"hands-on activities for {audience}",
	"free admission for {audience2}",
	"a panel on {topic2} with {p2} and {p3}",
	"an exhibition of {donation}",
	"workshops run by {company}",
	"a poster session on {field}",
	"Tickets: {price}",
}

// Slots.
const (
	sOrg = iota
	sOrgDef
	sOrgName
	sOrg2
	sOrg2Name
	sP1
	sP1Full
	sP2
	sP2Full
	sP3
	sTopic
	sTopic2
	sField
	sEvent
	sExhibit
	sLab
	sProject
	sJournal
	sWCity
	sCoop
	sCoop2
	sGoal
	sFinding
	sTool
	sTool2
	sGift
	sHope
	sTask
	sOffice
	sSeason
	sSeason2
	sOrdinal
	sAgreement
	sAward
	sDonation
	sSponsor
	sEquipment
	sPrice
	sMoney
	sCJKName
	sCJKGloss
	sQuote
	sDate
	sDate2
	sMonth
	sMonth2
	sYear
	sYear2
	sYear3
	sTime
	sTime2
	sWeekday
	sWeekday2
	sNum
	sNum2
	sN5
	sN12
	sScore
	sScore2
	sBignum
	sPct
	sURL
	sURL2
	sEmail
	sPhone
	sDOI
	sGrant
	sPLast
	sPLast2
	sCountry
	sCountry2
	sCountry3
	sAudience
	sAudience2
	sPlace
	sPlace2
	sCode
	sCode2
	sCity
	sCompany
	sFunder
	numSlots
)

var slotNames = map[string]int{
	"org": sOrg, "orgdef": sOrgDef, "orgname": sOrgName, "org2": sOrg2, "org2name": sOrg2Name,
	"p1": sP1, "p1full": sP1Full, "p2": sP2, "p2full": sP2Full, "p3": sP3,
	"topic": sTopic, "topic2": sTopic2, "field": sField, "event": sEvent, "exhibit": sExhibit,
	"lab": sLab, "project": sProject, "journal": sJournal, "wcity": sWCity, "coop": sCoop, "coop2": sCoop2,
	"goal": sGoal, "finding": sFinding, "tool": sTool, "tool2": sTool2, "gift": sGift, "hope": sHope,
	"task": sTask, "office": sOffice, "season": sSeason, "season2": sSeason2, "ordinal": sOrdinal,
	"agreement": sAgreement, "award": sAward, "donation": sDonation, "sponsor": sSponsor,
	"equipment": sEquipment, "price": sPrice, "money": sMoney, "cjkname": sCJKName, "cjkgloss": sCJKGloss,
	"quote": sQuote, "date": sDate, "date2": sDate2, "month": sMonth, "month2": sMonth2, "year": sYear,
	"year2": sYear2, "year3": sYear3, "time": sTime, "time2": sTime2, "weekday": sWeekday,
	"weekday2": sWeekday2, "num": sNum, "num2": sNum2, "n5": sN5, "n12": sN12, "score": sScore,
	"score2": sScore2, "bignum": sBignum, "pct": sPct, "url": sURL, "url2": sURL2, "email": sEmail,
	"phone": sPhone, "doi": sDOI, "grant": sGrant, "plast": sPLast, "plast2": sPLast2,
	"country": sCountry, "country2": sCountry2, "country3": sCountry3, "audience": sAudience,
	"audience2": sAudience2, "place": sPlace, "place2": sPlace2, "code": sCode, "code2": sCode2,
	"city": sCity, "company": sCompany, "funder": sFunder,
}

// piece is a literal (slot < 0) or a slot.
type piece struct {
	lit  string
	slot int
}

type tmpl struct {
	id     int // index into the per-article "used" stamps
	pieces []piece
}

var (
	titles    [][]*tmpl
	leads     [][]*tmpl
	kindPools [][]*tmpl
	general   []*tmpl
	quoteT    []*tmpl
	mdT       []*tmpl
	captionT  []*tmpl
	summaryT  []*tmpl
	listItemT []*tmpl
	numTmpls  int
	orgs      []org
)

func parseAll(src []string) []*tmpl {
	out := make([]*tmpl, len(src))
	for i, s := range src {
		out[i] = parseTemplate(s)
	}
	return out
}

func parseTemplate(s string) *tmpl {
	t := &tmpl{id: numTmpls}
	numTmpls++
	for s != "" {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			t.pieces = append(t.pieces, piece{lit: s, slot: -1})
			break
		}
		if i > 0 {
			t.pieces = append(t.pieces, piece{lit: s[:i], slot: -1})
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			panic("corpusgen: unclosed slot in template " + s)
		}
		id, ok := slotNames[s[i+1:i+j]]
		if !ok {
			panic("corpusgen: unknown slot " + s[i:i+j+1])
		}
		t.pieces = append(t.pieces, piece{slot: id})
		s = s[i+j+1:]
	}
	return t
}

func init() {
	for k := range kinds {
		titles = append(titles, parseAll(titleSrc[k]))
		leads = append(leads, parseAll(leadSrc[k]))
		kindPools = append(kindPools, parseAll(kindSrc[k]))
	}
	general = parseAll(generalSrc)
	quoteT = parseAll(quoteSrc)
	mdT = parseAll(markdownSrc)
	captionT = parseAll(captionSrc)
	summaryT = parseAll(summarySrc)
	listItemT = parseAll(listItemSrc)

	for ci, city := range cities {
		for ki, k := range orgKinds {
			o := org{city: ci, kind: ki, name: city + " " + k.suffix, short: k.short}
			o.full = o.name
			if k.the {
				o.full = "the " + o.name
			}
			var ac []byte
			for _, w := range strings.Fields(o.name) {
				switch w {
				case "of", "and", "for", "the":
					continue
				}
				ac = append(ac, w[0])
			}
			o.acronym = string(ac)
			if (ci+ki)%2 == 0 {
				o.domain = strings.ToLower(o.acronym) + "." + k.tld
			} else {
				o.domain = strings.ToLower(strings.ReplaceAll(city, " ", "")) + "-" +
					strings.ToLower(string(ac[len(ac)-1:])) + "." + k.tld
			}
			orgs = append(orgs, o)
		}
	}
}

// org is an invented institution.
type org struct {
	city, kind int
	name       string // full name without "the"
	full       string // full name as used in a sentence, with "the" where it takes one
	short      string // the defined short form, e.g. "the Museum"
	acronym    string // e.g. "HCMST"
	domain     string // e.g. "hcmst.org"
}

type quoteStyle int

const (
	styleStraight    quoteStyle = iota // "..." and '
	styleCurly                         // “...” and ’
	styleCurlyQuotes                   // “...” and '
)

// article is the plan of one article plus the state of writing it.
type article struct {
	idx            int
	t              time.Time
	format         int
	ext            string
	kind           int
	org, org2      *org
	p1, p2, p3     person
	role1, role2   string
	topic, topic2  string
	field, event   string
	exhibit, lab   string
	project        string
	journal, wcity string
	season         string
	cjk            [2]string
	style          quoteStyle
	dayFirst       bool // "14 March" rather than "March 14"
	clock12        bool // "2 p.m." rather than "14:00"
	defForm        int  // how the short form of org is defined
	title, slug    string
	name           string

	ev, evFrom, fut time.Time // event date, start of a date range ending at ev, a future date

	// Writing state.
	orgDefined bool
}

func (a *article) setDates(r *rand.Rand) {
	a.ev = a.t.AddDate(0, 0, -r.IntN(4))
	a.evFrom = a.ev.AddDate(0, 0, -1-r.IntN(3))
	a.fut = a.t.AddDate(0, 0, 5+r.IntN(55))
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

func pickPerson(r *rand.Rand) person {
	switch n := r.IntN(100); {
	case n < 12:
		return cjkPeople[r.IntN(len(cjkPeople))]
	case n < 22:
		return accentedPeople[r.IntN(len(accentedPeople))]
	}
	return person{name: pick(r, firstNames) + " " + pick(r, lastNames)}
}

// capitalize upper-cases the ASCII letter at b[i], if it is a lower-case one.
func capitalize(b []byte, i int) {
	if i < len(b) && b[i] >= 'a' && b[i] <= 'z' {
		b[i] -= 'a' - 'A'
	}
}

// slugify keeps up to six significant ASCII words of title, lower-cased and joined by hyphens.
func slugify(title string) string {
	var b []byte
	words := 0
	for i := 0; i < len(title) && words < 6; {
		for i < len(title) && !isAlnum(title[i]) {
			i++
		}
		j := i
		for j < len(title) && isAlnum(title[j]) {
			j++
		}
		if j == i {
			break
		}
		w := title[i:j]
		i = j
		switch strings.ToLower(w) {
		case "the", "of", "and", "a", "an", "on", "at", "for", "in", "with", "to", "s":
			continue
		}
		if len(b) > 0 {
			b = append(b, '-')
		}
		for k := 0; k < len(w); k++ {
			c := w[k]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
		words++
	}
	if len(b) == 0 {
		return "article"
	}
	return string(b)
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func itoa(n int) string {
	var b [20]byte
	return string(appendInt(b[:0], n))
}

func appendInt(b []byte, n int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	var d [20]byte
	i := len(d)
	for {
		i--
		d[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return append(b, d[i:]...)
}

// appendPad2 appends n as at least two digits.
func appendPad2(b []byte, n int) []byte {
	if n < 10 {
		b = append(b, '0')
	}
	return appendInt(b, n)
}
