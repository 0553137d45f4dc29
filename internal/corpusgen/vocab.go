package corpusgen

import "slices"

// The vocabulary is invented for this generator. Straight quotes and
// apostrophes in it are turned into curly ones per article by writer.prose.

// orgKind is a kind of institution; a city prefix makes it an organisation.
type orgKind struct {
	suffix string // appended to the city, e.g. "Museum of Science and Technology"
	short  string // defined short form, e.g. "the Museum"
	the    bool   // the full name takes "the"
	tld    string // e-mail and web domain ending
}

var cities = []string{
	"Harbor City", "Lakeside", "Northfield", "Riverbend", "Eastport", "Westbrook", "Maple Valley",
	"Stonebridge", "Silverlake", "Pinecrest", "Redcliff", "Greenhaven", "Fairmont", "Oakridge",
	"Bayview", "Clearwater", "Highland", "Southgate", "Kingsport", "Ashford", "Brightwater",
	"Cedar Falls", "Elmstead", "Foxhollow", "Glenmoor", "Hollis Bay", "Ironwood", "Juniper Coast",
	"Marlow Heights", "Newhaven", "Port Aurora", "Queensbury", "Rosedale", "Thornbury",
}

var orgKinds = []orgKind{
	{"Museum of Science and Technology", "the Museum", true, "org"},
	{"University", "the University", false, "edu"},
	{"Institute of Marine Research", "the Institute", true, "org"},
	{"Public Library", "the Library", true, "org"},
	{"Botanical Garden", "the Garden", true, "org"},
	{"Academy of Fine Arts", "the Academy", true, "edu"},
	{"Observatory", "the Observatory", true, "org"},
	{"Polytechnic College", "the College", false, "edu"},
	{"Children's Museum", "the Museum", true, "org"},
	{"Historical Society", "the Society", true, "org"},
	{"Conservatory of Music", "the Conservatory", true, "edu"},
	{"Medical Center", "the Center", true, "org"},
	{"Institute of Technology", "the Institute", true, "edu"},
	{"Natural History Museum", "the Museum", true, "org"},
	{"Zoo and Aquarium", "the Zoo", true, "org"},
	{"Center for Urban Studies", "the Center", true, "org"},
	{"Normal University", "the University", false, "edu"},
	{"Maritime Museum", "the Museum", true, "org"},
	{"School of Design", "the School", true, "edu"},
	{"Science Park", "the Park", true, "org"},
}

// person is a name; cjk, when set, is written after the first mention.
type person struct{ name, cjk string }

var firstNames = []string{
	"Anna", "Tom", "Maria", "Kenji", "Fatima", "Samuel", "Olga", "Priya", "Lucas", "Amara",
	"Daniel", "Ingrid", "Rafael", "Mei", "Jonas", "Leila", "Victor", "Hana", "Oscar", "Nadia",
	"Peter", "Sofia", "Ahmed", "Clara", "Mateo", "Yuki", "Grace", "Ivan", "Elena", "David",
	"Aisha", "Henrik", "Laura", "Omar", "Rosa", "Felix", "Naomi", "Kwame", "Julia", "Marco",
	"Sara", "Tariq", "Emma", "Noah", "Lena", "Pablo", "Zara", "Arjun", "Eva", "Hugo",
}

var lastNames = []string{
	"Berg", "Price", "Santos", "Watanabe", "Haddad", "Okafor", "Ivanova", "Raman", "Moreau", "Mensah",
	"Fischer", "Lindqvist", "Costa", "Tanaka", "Novak", "Karimi", "Petrov", "Sato", "Larsen", "Hassan",
	"Collins", "Rossi", "Farouk", "Weber", "Alvarez", "Nakamura", "Osei", "Kowalski", "Marin", "Hughes",
	"Abara", "Nilsen", "Bianchi", "Rahman", "Delgado", "Keller", "Adeyemi", "Brennan", "Castillo", "Hale",
	"Ward", "Quinn", "Morgan", "Ellis", "Baptiste", "Dalton", "Greer", "Hollis", "Iyer", "Jensen",
}

// Names that carry accented letters give the mojibake defect something to spoil.
var accentedPeople = []person{
	{"José Martínez", ""}, {"Zoë Müller", ""}, {"Björn Ekström", ""}, {"Chloé Dubois", ""},
	{"Søren Madsen", ""}, {"Ana Conceição", ""}, {"René Lefèvre", ""}, {"Jürgen Schäfer", ""},
	{"Inês Araújo", ""}, {"Noémie Girard", ""},
}

var cjkPeople = []person{
	{"Li Wei", "李伟"}, {"Wang Fang", "王芳"}, {"Zhang Min", "张敏"}, {"Chen Jing", "陈静"},
	{"Liu Yang", "刘洋"}, {"Zhao Lei", "赵磊"}, {"Huang Ying", "黄莹"}, {"Zhou Tao", "周涛"},
	{"Wu Xia", "吴霞"}, {"Sun Hao", "孙浩"},
}

var roles = []string{
	"director", "deputy director", "president", "vice president", "curator", "chief curator",
	"head of the education department", "dean of the School of Ocean Sciences", "professor of marine biology",
	"head of collections", "chair of the board of trustees", "secretary general", "chief librarian",
	"research fellow", "associate professor of physics", "head of international cooperation",
	"program manager", "senior conservator", "director of public programs", "assistant professor of history",
	"lead engineer", "coordinator of the volunteer program",
}

var sectionLabels = []string{
	"Institute News", "Alliance News", "Activities", "Campus News", "Events", "Research News",
	"Notices", "Press Releases", "Exchanges", "新闻动态", "Museum News", "Community",
}

var topics = []string{
	"ocean acidification", "coral reef monitoring", "urban heat islands", "migratory birds",
	"early printed maps", "bronze age tools", "quantum sensors", "soil microbes", "river restoration",
	"deep-sea robotics", "wind energy storage", "medieval manuscripts", "children's reading habits",
	"flood forecasting", "solar cell efficiency", "glacier retreat", "wild bee populations",
	"traditional boat building", "3D printing in conservation", "machine translation", "archive digitization",
	"sea level records", "folk music recordings", "air quality sensors", "rare orchids", "fossil ferns",
	"public health data", "tidal energy", "light pollution", "young star clusters", "ancient pottery glazes",
	"mangrove forests", "battery recycling", "urban gardening", "hearing loss in older adults",
	"plankton blooms", "volcanic ash", "natural textile dyes", "paper conservation", "citizen science",
	"seagrass meadows", "early childhood numeracy", "harbor sediments", "historic shipwrecks",
	"microplastics in rivers", "bird song dialects", "drought-resistant crops", "meteor showers",
	"industrial heritage", "coastal erosion", "indoor air quality", "open research data",
	"stained glass restoration", "snow leopard tracking", "acoustic ecology", "low-carbon concrete",
	"local dialects", "wetland birds", "exoplanet atmospheres", "digital storytelling",
	"fungal networks", "clean drinking water", "ceramic membranes", "animal cognition",
	"old photographs", "rooftop solar", "sign language archives", "sleep and memory",
	"kelp forests", "ship logbooks", "museum accessibility", "tree ring dating",
	"electric ferries", "wild mushrooms", "insect migration", "urban noise",
	"glass sponges", "early computers", "heritage gardens", "tide gauges",
}

var fields = []string{
	"marine biology", "materials science", "art history", "astronomy", "environmental engineering",
	"public health", "computer science", "museum education", "archaeology", "botany", "geology",
	"oceanography", "library science", "musicology", "urban planning", "chemistry",
	"applied mathematics", "linguistics", "economics", "robotics", "ecology", "conservation science",
	"data science", "architecture", "nursing", "physics", "science communication", "zoology",
}

var events = []string{
	"science festival", "open day", "summer school", "lecture series", "book fair", "research symposium",
	"career fair", "robotics contest", "photo competition", "family science night", "heritage week",
	"reading month", "hackathon", "teacher workshop", "alumni reunion", "graduation ceremony",
	"concert season", "film week", "star party", "coding camp", "poster session", "innovation forum",
	"volunteer training day", "night at the museum", "debate tournament", "poetry evening",
	"maker fair", "museum night", "field school", "writing retreat",
}

var places = []string{
	"the main auditorium", "the East Hall", "Room 305 of the Library Building",
	"the lecture theatre on the second floor", "the rooftop observatory", "the Ocean Gallery",
	"the Founders' Room", "the conference center", "Science Square", "the old reading room",
	"Hall B", "the north lawn", "Building 7", "the visitor center", "the glasshouse",
	"the harbor-side pavilion", "the atrium", "the media lab", "Studio 4", "the west wing",
	"the sculpture courtyard", "the Riverside Campus", "the planetarium dome", "the long gallery",
}

var audiences = []string{
	"secondary school students", "local residents", "visiting scholars", "graduate students",
	"museum members", "retired engineers", "families with young children", "primary school teachers",
	"journalists", "volunteers", "international students", "city officials", "alumni",
	"amateur astronomers", "nurses", "librarians", "first-year students", "young artists",
	"small business owners", "local fishermen", "hobby gardeners", "university freshmen",
}

var exhibits = []string{
	"Tides and Time", "Machines That Think", "Paper Trails", "The Living Reef", "Light Years",
	"Clay and Fire", "Voices of the River", "Small Wonders", "The Weather Makers", "Maps of the Unknown",
	"Bright Ideas", "Under the Ice", "Stone, Bone and Bronze", "The Quiet Forest", "Signals",
	"Salt Roads", "Threads of Color", "Flight", "Deep Blue", "City of Bridges", "Hidden Gardens",
	"Moving Pictures", "Northern Lights", "The Inventors' Table", "Sound and Silence",
}

var journals = []string{
	"the Journal of Coastal Studies", "Annals of Applied Robotics", "the Review of Museum Practice",
	"Northern Botany Letters", "the Bulletin of Urban Ecology", "Materials Frontiers",
	"the Quarterly Journal of Archive Science", "Acta Oceanica Nova", "Transactions in Sensor Networks",
	"Heritage Science Reports", "the Journal of Learning in Museums", "Astronomy and Society",
}

var labs = []string{
	"Joint Laboratory for Ocean Sensing", "Center for Digital Heritage", "Coastal Resilience Lab",
	"Laboratory of Soft Materials", "Data Visualization Studio", "Center for Public Astronomy",
	"Conservation Science Unit", "Urban Climate Observatory", "Seed Bank and Herbarium Unit",
	"Learning Sciences Lab", "Sound Archive Workshop", "Robotics Teaching Center",
	"Joint Research Center for River Ecology", "Open Data Office",
}

var projects = []string{
	"Blue Reef Monitoring Project", "Open Archive Initiative", "River Voices Project", "Night Sky Survey",
	"Green Roof Pilot", "Young Makers Program", "Heritage Recipes Project", "Coastal Birds Census",
	"Atlas of Local Dialects", "Clean Harbor Program", "Old Maps Online", "Tree Ring Library",
}

var companies = []string{
	"Northwind Instruments Inc.", "Bluewater Robotics Ltd.", "Keystone Optics Inc.", "Meridian Data Co.",
	"Greenleaf Printing Ltd.", "Arcadia Sensors Inc.", "Summit Learning Inc.", "Orchard Software Ltd.",
	"Lumen Displays Inc.", "Harborline Shipping Co.",
}

var funders = []string{
	"the Coastal Heritage Fund", "the Northern Research Council", "the City Cultural Trust",
	"the Bright Futures Foundation", "the Provincial Education Bureau", "the Open Knowledge Fund",
	"the Regional Science Council", "the Arts and Heritage Lottery",
}

var countries = []string{
	"the U.S.", "Japan", "Kenya", "Brazil", "Germany", "Norway", "Chile", "India", "Vietnam",
	"South Africa", "Canada", "New Zealand", "the U.K.", "Portugal", "Egypt", "Mexico", "Finland",
	"Indonesia", "Morocco", "Peru", "Ireland", "South Korea",
}

var worldCities = []string{
	"Lisbon", "Nairobi", "Osaka", "Bergen", "Valparaíso", "Kraków", "Hanoi", "Montréal", "Cape Town",
	"Reykjavík", "Auckland", "Tromsø", "Marrakesh", "Seville", "Busan", "Cork",
}

var coopActions = []string{
	"exchange staff", "share parts of their collections", "develop joint courses", "co-host exhibitions",
	"train young researchers", "build a shared database", "apply for joint grants", "organize summer schools",
	"digitize their archives", "publish a joint catalog", "run teacher training", "share laboratory equipment",
	"host visiting fellows", "design school programs together",
}

var goals = []string{
	"bring science closer to the public", "open its collections to more visitors", "support young researchers",
	"strengthen its ties with local schools", "widen access for visitors with disabilities",
	"make its archives easier to search", "work with partners abroad", "invest in field research",
	"keep admission free for children", "train the next generation of curators",
}

var findings = []string{
	"the problem is more widespread than expected", "the decline has slowed since the new rules took effect",
	"small changes in temperature have large effects", "most samples came from a handful of sources",
	"older records are more reliable than previously thought", "the effect is strongest in spring",
	"the method works at a fraction of the usual cost", "local knowledge matched the measurements closely",
	"the trend reversed after a decade", "no single cause explains the pattern",
}

var tools = []string{
	"underwater drones", "high-resolution scanners", "low-cost air sensors", "open-source software",
	"a custom web app", "satellite images", "field notebooks", "a mass spectrometer", "3D cameras",
	"acoustic recorders", "handheld GPS units", "a new imaging rig", "camera traps", "weather balloons",
}

var gifts = []string{
	"a commemorative plaque", "a set of books on local history", "a model of the research vessel",
	"a framed photograph", "a certificate of appreciation", "a hand-painted map", "a ceramic vase",
}

var hopes = []string{
	"the cooperation would benefit students on both sides", "more young people would choose careers in research",
	"the exhibition would later travel to other cities", "the results would inform city planning",
	"the exchange would become a yearly tradition", "the new lab would attract partners from abroad",
}

var tasks = []string{
	"guiding visitors", "registration", "setting up the exhibits", "translating the labels",
	"recording the talks", "running the children's corner", "photographing the event", "looking after guests",
}

var offices = []string{
	"communications office", "press office", "Office of International Cooperation", "visitor services team",
	"education department", "events office", "alumni office", "research office",
}

var seasons = []string{"Spring", "Summer", "Autumn", "Winter", "Fall"}

var ordinals = []string{"5th", "10th", "20th", "25th", "30th", "40th", "50th", "60th", "75th", "100th"}

var agreements = []string{
	"memorandum of understanding", "cooperation agreement", "framework agreement", "five-year partnership agreement",
	"letter of intent", "joint training agreement",
}

var awards = []string{
	"the gold medal", "first prize", "the Judges' Award", "the Best Poster Award", "second place",
	"the People's Choice Award", "an honorable mention", "the Young Innovator Prize",
}

var donations = []string{
	"rare books", "historic scientific instruments", "botanical drawings", "ship models", "vintage cameras",
	"letters and diaries", "mineral specimens", "musical instruments", "early radios", "old school maps",
}

var sponsors = []string{
	"the city government", "several local companies", "the Friends of the Museum", "the student union",
	"an anonymous donor", "the regional tourism board",
}

var equipment = []string{
	"two research microscopes", "a 3D printer", "a set of tablets", "sensor kits for schools",
	"a portable planetarium", "lighting for the gallery", "a new server",
}

var prices = []string{"$5", "$8", "$12", "€6", "€10", "15 yuan", "20 yuan", "£7"}

var moneys = []string{
	"US$2.4 million", "$80,000", "€350,000", "1.2 million yuan", "$1.5 million", "£200,000", "$45,000",
}

var weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

var months = []string{"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}

// cjkTerms pairs a CJK name of a programme with its English gloss.
var cjkTerms = [][2]string{
	{"海洋之窗", "Window on the Ocean"}, {"科技周", "Science Week"}, {"开放日", "Open Day"},
	{"青少年科学营", "Youth Science Camp"}, {"星空讲堂", "Lectures under the Stars"},
	{"读书月", "Reading Month"}, {"非遗", "intangible heritage"}, {"科普", "popular science"},
	{"博物馆之夜", "Museum Night"}, {"校园开放日", "Campus Open Day"},
}

var quotes = []string{
	"This agreement opens a new chapter for both of our institutions",
	"We want every child in the city to see real science up close",
	"Good research starts with good questions, and our visitors ask the best ones",
	"It's the first time these objects have been shown together",
	"We're proud of what our students achieved this year",
	"The data tell a clear story, but we still need more of it",
	"Partnerships like this one let us do far more than we could alone",
	"Our doors are open to anyone who is curious",
	"We didn't expect so many people to come on a rainy Saturday",
	"Every record we save today is one that future researchers can use",
	"The best part was watching the students explain their work to their parents",
	"There's still a lot we don't know, and that's exciting",
	"We hope this is only the beginning",
	"Science belongs to everyone, not only to specialists",
	"The collection was hidden in storage for decades, and now it can finally be seen",
	"It took us three years to get here, and it was worth it",
	"Our volunteers are the heart of this program",
	"We learned as much from the visitors as they learned from us",
}

var captions = []string{
	"At the signing ceremony", "Visitors at the opening", "Group photo of the delegation",
	"Students present their posters", "The lecture hall was full", "A young visitor tries the experiment",
	"Guests tour the new gallery", "The two directors shake hands", "Researchers at work in the lab",
	"Volunteers prepare the exhibits", "Award winners with the judges", "A view of the exhibition",
	"Participants during the workshop", "The speaker answers questions", "Scene of the event",
	"Children at the science corner", "The team on the research vessel", "Delegates in front of the main building",
}

var headings = []string{
	"Background", "The agreement", "What happens next", "Key figures", "About the project",
	"How to take part", "The research", "A growing program", "Voices from the event", "Program highlights",
	"Practical information", "Looking ahead", "Results", "Methods", "Acknowledgments", "Getting there",
}

var inlineCode = []string{
	"config.yaml", "--dry-run", "make docs", "sensor_id", "v2.4.1", "pip install tidegauge",
	"git clone", "README.md", "samples.csv", "--output results/", "npm run build",
	"/api/v1/stations", "UTC+8", "index.html", "max_depth",
}

var repoNames = []string{"tidegauge", "reefwatch", "mapstack", "archivist", "skylog", "soilscope", "birdnet-lite"}

var imageNames = []string{"photo_", "IMG_", "DSC_", "image", "pic", "P", "event_", "news_"}

var imageExts = []string{".jpg", ".JPG", ".jpeg", ".png", ".PNG"}

var tags = []string{
	"news", "exhibition", "research", "partnership", "education", "events", "ocean", "heritage",
	"students", "lecture", "community", "awards", "library", "astronomy",
}

// GivenName reports whether w is one of the given names the generator
// writes people with: the name evaluation plants given/family swaps only
// in people's names.
func GivenName(w string) bool { return slices.Contains(firstNames, w) }
