"""News cues: the compact word lists the entity and quote rules read (titles, roles, organisation words, verbs).

These are closed-class news words, not names: honorifics and office titles that announce a person, the head
words that make a capitalised phrase an organisation, the verbs that attribute speech, and the nouns that
describe an unnamed source. Names themselves come from gazetteers (:mod:`analysis.extract.gazetteer`).
All entries are lower case; the rules compare lower-cased tokens.
"""

# ruff: noqa: SIM905 (word lists read best as text)
from __future__ import annotations

import re

# Role words live in their own module; they are read from here like every other list.
from analysis.extract.role_words import (  # noqa: F401
    DESCRIPTIVE_HEADS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    SHORT_TITLES,
    SPORT_POSITIONS,
)

#: Honorifics: announce a person; never part of the canonical name.
HONORIFICS = frozenset(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady prof prof. professor rev rev. mx
    """.split()
)
#: Honorifics that tell a person's gender (for resolving "he"/"she").
MALE_HONORIFICS = frozenset(["mr", "mr.", "sir", "lord", "king", "prince", "pope", "duke"])
FEMALE_HONORIFICS = frozenset(
    ["mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "queen", "princess", "duchess"]
)

#: Words that make a role another office than the bare title: "the foreign secretary" is not "Shadow
#: Foreign Secretary Michael Ancram", "the minister" not a deputy minister.
DISTINCT_ROLE_WORDS = frozenset(
    "shadow deputy vice assistant acting interim junior under co".split()
)

#: Last words that make a capitalised phrase an organisation ("Ministry of Defence", "Carnegie ... Center").
ORG_HEADS = frozenset(
    """
    ministry department office council commission committee parliament assembly senate congress
    court tribunal agency authority bureau service services administration government cabinet party
    union federation association organisation organization institute institution foundation fund
    bank banks university college school academy center centre council board corporation corp corp.
    inc inc. ltd ltd. plc llc llp gmbh ag sa nv n.v. se spa bv oyj asa co co. company companies group holdings industries
    systems technologies technology tech airlines airways motors energy pharmaceuticals telecom
    communications media records studio studios pictures entertainment games software networks network club
    fc league alliance coalition forces army navy force police command commons lords society trust
    exchange post times journal news herald telegraph guardian observer gazette tribune chronicle
    magazine radio television tv channel press mail express broadcasting broadcaster stores bureau
    sentinel inquirer courier examiner dispatch globe railways railway register review standard
    caller bulletin monitor statesman beacon digest recorder klan manufacturing circuit
    watchdog regulator secretariat unit brigade regiment division corps guard guards initiative
    programme program project campaign movement front network labs laboratories laboratory hospital
    museum gallery theatre orchestra band academy church economics partners partnerships brothers
    shop restaurant cafe bakery pharmacy clinic brewery winery diner
    capital markets securities associates consulting research analytics investments solutions insurance
    airline carriers retailers mission embassy consulate delegation directorate inspectorate
    ombudsman tribunal united rovers athletic wanderers albion rangers hotspur fc rfc afc
    """.split()
)
#: Leading words of an organisation ("Bank of England", "Ministry of Defence", "University of Oxford").
ORG_STARTERS = frozenset(
    """
    ministry department bank university office council house court board college school institute
    museum federation association society league union chamber academy commission committee
    """.split()
)

#: Nouns that, right before a capitalised name, say it is an organisation ("drinks firm Allied Domecq").
#: Plural nouns before "such as X" / "like X" / "including X" that make X a company or body.
EXAMPLE_ORGS = frozenset(
    """
    companies firms groups banks carmakers automakers retailers carriers airlines manufacturers makers
    publishers broadcasters networks operators insurers lenders clubs teams charities organisations
    organizations agencies bodies labels studios newspapers channels chains rivals giants
    """.split()
)
#: Plural nouns before "such as X" that make X a product or a piece of software, never a person.
EXAMPLE_THINGS = frozenset(
    """
    programs programmes products software tools applications apps games sites websites services
    models cars devices phones handsets gadgets consoles titles films shows browsers systems drugs brands drinks
    """.split()
)
ORG_NOUNS = frozenset(
    """
    firm firms company group giant maker rival subsidiary retailer carrier airline bank brand chain
    operator publisher broadcaster agency manufacturer producer supplier insurer lender conglomerate
    start-up startup charity organisation organization club label studio newspaper channel watchdog
    regulator developer consultancy analysts carmaker automaker broker brokerage insurer outfit
    side rivals opponents champions brewer brewers miner refiner distiller exporter supermarket grocer
    chipmaker drugmaker steelmaker utility telecoms magazine tabloid weekly website exchange bourse
    """.split()
)

#: Words right after a run that make it a company ("Marconi shares", "a Vodafone unit").
ORG_AFTER_NOUNS = frozenset({"shares", "unit", "subsidiary", "shareholders"})
#: Roles of a member of a club, company or body, written after its name ("Middlesbrough boss Steve McClaren").
MEMBER_ROLES = frozenset(
    """
    manager boss chairman chairwoman striker midfielder defender goalkeeper keeper winger coach skipper
    captain player spokesman spokeswoman spokesperson director chief executive analyst economist
    founder owner forward full-back centre-back hooker prop fly-half scrum-half flanker lock
    """.split()
)
#: Roles after a possessive that only an organisation has ("Ford's chief executive", "SSL's shares").
CORPORATE_ROLES = frozenset(
    """
    chief chairman chairwoman shares shareholders board profits profit sales subsidiary executive
    executives headquarters stock spokesman spokeswoman spokesperson
    """.split()
)
#: Two words before a name that make it an organisation ("shares in X", "takeover of X").
ORG_BEFORE = frozenset(
    {
        ("shares", "in"),
        ("stake", "in"),
        ("bid", "for"),
        ("takeover", "of"),
        ("merger", "with"),
        ("acquisition", "of"),
        ("stake", "of"),
        ("shareholders", "in"),
        ("investors", "in"),
        ("subsidiary", "of"),
        ("unit", "of"),
        ("signed", "for"),
        ("win", "over"),
        ("victory", "over"),
        ("defeat", "by"),
        ("defeat", "to"),
        ("loss", "to"),
        ("draw", "with"),
        ("move", "to"),
        ("joined", "from"),
        ("contract", "with"),
        ("deal", "with"),
    }
)
#: Words right before a name that make it a club or company ("beat Feyenoord", "rivals Chelsea").
ORG_BEFORE_ONE = frozenset(
    {
        "beat",
        "beating",
        "face",
        "faces",
        "facing",
        "v",
        "vs",
        "versus",
        "against",
        "join",
        "joined",
        "joining",
    }
)
#: Words right after a name that make it a club or company ("Boro fans", "Ford shares").
ORG_AFTER = frozenset(
    {
        "fans",
        "supporters",
        "squad",
        "first-team",
        "shareholders",
        "shares",
        "unit",
        "subsidiary",
        "boss",
        "chairman",
        "stock",
    }
)

#: Organisations known by a bare name that carries no organisation word (compact, general news).
KNOWN_ORGS = frozenset(
    """
    NATO EU UN UNESCO UNICEF WHO IMF OECD OPEC WTO G7 G20 BBC CNN ITV POLITICO Reuters AFP Bloomberg
    Kremlin Pentagon Whitehall Congress Senate Parliament Bundestag Bundeswehr Commons Labour Tories
    Conservatives Democrats Republicans SNP UKIP Hamas Hezbollah Taliban al-Qaeda Interpol Europol
    Eurostat Frontex FIFA UEFA IOC Google Microsoft Apple Amazon Facebook Meta Yahoo IBM Intel Sony
    Nintendo Samsung Nokia Vodafone Airbus Boeing Raytheon Rheinmetall Thales Saab Dassault
    Rolls-Royce Siemens Volkswagen Toyota eBay Napster iTunes Ofcom Ofwat Ofgem Oftel Fed Treasury
    FBI CIA NSA KGB FSB MI5 MI6 GCHQ NHS EasyJet Ryanair Vivendi Disney Pixar Miramax Netflix
    Spotify OpenAI Tesla SpaceX Huawei ZTE Gazprom Rosneft Yukos Unilever BP Barclays HSBC Lloyds
    Tesco Sainsbury's Asda Woolworths MSNBC NBC ABC CBS NPR PBS Politico Axios Vox Breitbart Newsmax
    HuffPost BuzzFeed Fox Twitter Instagram YouTube TikTok Snapchat WhatsApp LinkedIn Reddit NRA ACLU DHS
    DOJ FDA EPA CDC IRS ICE USCIS FEMA NASA NOAA FCC FTC SEC GOP RNC DNC
    """.split()
)
#: Known multi-word organisations (lower case, space separated).
KNOWN_ORG_PHRASES = frozenset(
    {
        "white house",
        "downing street",
        "european union",
        "united nations",
        "european commission",
        "european parliament",
        "european council",
        "security council",
        "home office",
        "foreign office",
        "scotland yard",
        "lib dems",
        "liberal democrats",
        "sinn fein",
        "plaid cymru",
        "lockheed martin",
        "deutsche telekom",
        "federal reserve",
        "world bank",
        "red cross",
        "wall street",
        "al jazeera",
        "associated press",
        "fox news",
        "new york times",
        "washington post",
        "wall street journal",
        "usa today",
        "the hill",
        "supreme court",
        "justice department",
        "department of justice",
        "justice ministry",
        "ministry of justice",
        "european court of justice",
        "state department",
        "tea party",
        "al qaeda",
        "al-qaeda",
        "al qaida",
        "al-qaida",
        "al shabaab",
        "al-shabaab",
        "islamic state",
        "boko haram",
        "christian science monitor",
        "fox business",
    }
)

#: Words that never stand in a person's name (places, bodies, link and video captions run into a name).
NOT_IN_NAMES = frozenset(
    """
    county counties island islands kingdom family forum facility correctional videos video replay more photos
    amid fail fails fears projects advocates growing sundays mondays tuesdays wednesdays thursdays
    fridays saturdays street avenue road bridge park airport station square valley hills beach
    prison jail penitentiary
    """.split()
)

#: Words after a name that make it a place's ("King's Cross station", "Downing Street"), written lower case.
PLACE_AFTER = frozenset(
    "station street road avenue square bridge airport park stadium hospital cathedral".split()
)

#: The last word of a region's name ("San Francisco Bay Area", "Rio Grande Valley", "Orange County").
PLACE_HEADS = frozenset(
    "area valley county peninsula coast river mountains delta basin desert canyon garden".split()
)

#: Parties' usual names, each with the other forms news writes (lower case): one organisation, one name.
PARTY_FORMS = {
    "Conservative Party": ("conservatives", "conservative party", "tories", "tory party", "tory"),
    "Labour Party": ("labour", "labour party"),
    "Liberal Democrats": ("lib dems", "liberal democrats", "lib dem", "liberal democrat party"),
    "Scottish National Party": ("snp", "scottish national party"),
    "UK Independence Party": ("ukip", "uk independence party"),
    "Republican Party": ("republicans", "republican party", "gop", "grand old party", "g.o.p."),
    "Democratic Party": ("democrats", "democratic party"),
}
#: Words of party names and their members, never a surname on its own ("Democratic presidential
#: candidate ..." is not another article's "Senate Democratic").
PARTY_WORDS = frozenset(w for forms in PARTY_FORMS.values() for f in forms for w in f.split()) | {
    "democrat",
    "democratic",
    "republican",
    "liberal",
    "conservative",
}

#: Last words of events, awards and laws ("Second Amendment"): a run ending so is no person nor body.
EVENT_HEADS = frozenset(
    """
    award awards prize prizes games championships championship prix cup trophy festival conference
    summit olympics open marathon tournament series week day war indoors convention conventions debate
    debates caucus caucuses act amendment amendments treaty accord accords agreement doctrine
    """.split()
)

#: Capitalised tokens that are never names on their own (sentence starts, months, days, function words).
NOT_NAMES = frozenset(
    """
    the a an and but or nor so yet for of in on at to by with from as if when while where why how
    what who whom which that this these those there here it its it's he she they we you i his her
    their our your my mr mrs ms dr sir monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december today
    yesterday tomorrow after before since until during despite although though because however
    meanwhile moreover also not no yes all some many most more much few several each every both
    either neither one two three four five six seven eight nine ten first second third last next new
    old former earlier later now then still just only even such other another same than too very
    about above below over under again further once above across against among around behind beyond
    into onto upon within without through throughout toward towards via per unlike like according
    speaking asked asked: meanwhile, instead overall indeed perhaps maybe already please thanks
    thank let lets let's do does did is are was were be been being have has had will would shall
    should can could might must may our ours us them him her hers theirs its itself oh well hello
    dear chapter section part page figure table episode season series volume act scene christmas
    easter soon often sometimes always never together thus hence otherwise besides nevertheless
    nonetheless therefore afterwards afterward tonight anyway ago recently finally ultimately
    currently initially eventually suddenly clearly obviously apparently unfortunately fortunately
    previously subsequently additionally similarly likewise consequently accordingly importantly
    interestingly ironically notably specifically separately personally frankly honestly basically
    essentially certainly surely furthermore presidential primary sens. reps. god
    jan. feb. aug. sep. sept. oct. nov. dec.
    """.split()
)

#: Reporting verbs that attribute speech ("said", "told", "warned", "wrote").
REPORTING_VERBS = frozenset(
    """
    said says say saying told tells tell added adds add asked asks wrote writes write warned warns
    argued argues explained explains noted notes insisted insists claimed claims stressed stresses
    declared declares announced announces admitted admits acknowledged acknowledges conceded
    concedes continued continues replied replies responded responds commented comments remarked
    remarks suggested suggests observed observes recalled recalls predicted predicts promised
    promises vowed vows urged urges joked jokes quipped posted posts tweeted tweets stated states
    maintained maintains complained complains cautioned cautions pointed points agreed agrees
    confirmed confirms denied denies described describes called calls emphasised emphasized
    emphasises emphasizes reckons reckoned believes believed thinks thought fears feared hopes hoped
    boasted boasts countered counters added: said: says: told: wrote: clarified clarifies reiterated
    reiterates asserted asserts contended contends testified testifies recounted recounts texted
    emailed proclaimed proclaims lamented laments mused muses scoffed scoffs shouted shouts yelled
    pledged pledges demanded demands reasoned concluded concludes opined retweeted charged smiled
    smiles laughed laughs sighed sighs felt feels wondered wonders criticized criticised slammed blasted
    quipped responded retorted complaining marveled marvelled marvels chided chides decried decries
    exclaimed exclaims snapped murmured muttered whispered interjected foretold tweeting writing adding
    noting posting explaining affirmed affirms insisting telling declaring applauded applauds lauded
    lauds chanted screamed bellowed
    """.split()
)
#: Verbs that report speech only right after a quotation ("“About three weeks ago,” he began."; not "X began
#: to question ..." or "a story that began: “…”").
AFTER_QUOTE_VERBS = REPORTING_VERBS | frozenset(
    """began begins remembers remembered ruled rules ordered pressed persisted interrupted bragged
    griped fumed cracked deadpanned gushed protested objected ventured volunteered cried
    groaned sneered taunted teased""".split()
)
OUTLET_VERBS = frozenset({"reports", "reported", "reporting"})  # relay a report, not speech
OUTLET_AFTER_QUOTE = AFTER_QUOTE_VERBS | (OUTLET_VERBS - {"reporting"})  # "“…,” the Times reported"
#: Two-word reporting verbs, read at their first word ("Trump fired back in a tweet: “…”").
PHRASAL_REPORTING = frozenset(
    tuple(phrase.split())
    for phrase in (
        "fired back, fires back, shot back, hit back, hits back, lashed out, weighed in, chimed in, "
        "struck back, strikes back, pushed back, snapped back, put it, puts it"  # "as Heer put it, “…”"
    ).split(", ")
)
#: Reporting verbs a partial quote may hang on anywhere in its sentence ("described the plan as ...").
PARTIAL_CUES = frozenset(
    """
    said says told tells added wrote writes warned warns argued insisted claimed stressed declared
    urged promised vowed admitted suggested predicted noted described calling called branded dubbed
    labelled labeled saying adding warning noting arguing insisting describing stressing telling
    writing asked acknowledged conceded replied responded confirmed denied tweeted posted notes states
    adds insists argues claims stresses explains explained threatening threatened termed
    dubs describes condemned condemning praised praising hailed hailing criticised criticized slammed blasted
    pledged countered tweeting summed accused accusing portrayed defined summarized summarised
    criticizing criticising slamming blasting branding labelling labeling dubbing mocking
    emphasized emphasised emphasizes emphasises reiterated reiterates asserted asserts contended
    contends maintained maintains cautioned cautions complained complains testified testifies
    lamented laments clarified clarifies applauded applauds lauded lauds ruled scoffed quipped joked
    boasted bragged mused retorted
    """.split()
)
#: The same verbs' base forms: a partial quote hangs on them after a modal or "to" ("He will say Labour
#: “can no longer ...”", "is expected to tell MPs"), not after a plural subject ("respondents say they are
#: “extremely likely” to vote": a poll's wording); not "to call", "to describe", "to argue", which label
#: ("to call them “rioters”") more often than they report.
BASE_CUES = frozenset("say tell warn add".split())

#: Personal pronouns that can be a speaker.
PRONOUNS = {"he": "male", "she": "female", "i": None, "we": None, "they": None}

#: Head nouns of an unnamed source ("a senior EU diplomat", "one official", "the spokesperson").
SOURCE_HEADS = frozenset(
    """
    diplomat diplomats official officials spokesperson spokesman spokeswoman source sources analyst
    analysts expert experts aide aides adviser advisers advisor advisors minister ministers officer
    officers person people insider insiders executive executives member members lawmaker lawmakers
    mp mps mep meps statement report reports letter document spokesmen spokeswomen representative
    representatives leader leaders observer observers critic critics campaigner campaigners
    economist economists researcher researchers commander commanders general generals soldier
    soldiers resident residents witness witnesses colleague colleagues friend friends fan fans voter
    voters boss bosses president chairman chairwoman chief secretary manager coach player players
    director head governor ambassador envoy negotiator negotiators government ministry department
    commission union group company firm bank court analysis study survey poll memo lawsuit complaint
    filing ruling communique email tweet post editorial board authors author paper newspaper website
    operative operatives strategist strategists staffer staffers consultant consultants pollster
    pollsters donor donors ally allies associate associates confidant confidante confidants supporter
    supporters backer backers loyalist loyalists activist activists organizer organizers organiser
    organisers protester protesters demonstrator demonstrators
    """.split()
)

#: Verbs a name written after "said" may govern itself ("said Ms. Warren is"): it then opens the
#: reported clause and is not the reporting verb's subject.
OWN_VERBS = frozenset(
    "is was has had will would could should can did does are were might must".split()
)

#: Verbs in the past that do not end in "-ed" and take an object ("who beat Bush", "Romney spoke openly against
#: Trump"); not "said", "thought", whose clause may name its own subject ("in which he said Trump told him").
IRREGULAR_PAST = frozenset(
    """
    beat met hit led told sent won lost knew saw took made chose became fought sought caught spoke
    wrote went came gave got found kept brought bought taught ran sat stood struck swore
    threw wore drew grew flew fell broke rose shook began drove forgot forgave froze hid meant paid rode
    rang sang sank slept slid spent sprang stole stuck swept swung tore understood upheld withdrew
    withheld overtook oversaw undertook
    """.split()
)
#: Words between a subject and its verb, or a verb and its subject ("has", "also", "later").
AUXILIARIES = frozenset(
    """
    has have had was were is are also then later previously would will been
    since again already once further repeatedly publicly recently earlier separately
    outright still even just now often never always
    """.split()
)
#: Forms of "be" that make the verb after them passive ("was accused", "was quoted by").
PASSIVE_AUXILIARIES = frozenset({"been", "was", "were", "is", "are", "being", "be"})
#: The others, which leave it active ("has said", "also said", "later said").
ACTIVE_AUXILIARIES = AUXILIARIES - PASSIVE_AUXILIARIES

#: Prepositions whose object is no speaker ("a criticism of President George W. Bush", "in one tweet").
PREPOSITIONS = frozenset(
    {"of", "for", "to", "with", "from", "by", "about", "against", "on", "at", "in"}
)
#: Marks that end a clause inside a sentence.
CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")"})

#: What someone said, written as a noun they own ("Cuomo's statement that “…”", "Cruz's reference to “…”"):
#: the quotation is theirs.
SPEECH_NOUNS = frozenset(
    """
    statement remark remarks comment comments words claim claims reference tweet tweets assertion
    description promise pledge vow warning message speech argument response reply
    """.split()
)

#: Verbs that say someone spoke ("said", "told", "tweeted"): a pronoun or epithet after them may be the one
#: who spoke.
SPEECH_VERBS = frozenset(
    """
    said says added adds told tells continued explained noted insisted argued warned wrote asked replied
    boasted declared asserted stressed joked quipped tweeted posted countered conceded acknowledged
    admitted recalled remarked responded saying adding tweeting writing telling
    """.split()
)

#: Role heads of someone a report leaves unnamed ("the spokesman"): never an epithet for a person named before.
ANONYMOUS_HEADS = frozenset(
    """
    spokesman spokeswoman spokesperson spokesmen official officials source sources aide aides insider
    person analyst analysts expert experts diplomat diplomats adviser advisers advisor advisors
    representative executive member lawyer attorney statement report writer author authors editor
    reporter correspondent
    """.split()
)


#: What a report calls an organisation it has just named ("the company", "the newspaper").
BODY_NOUNS = frozenset(
    """
    company firm group newspaper paper network bank agency carrier airline retailer broadcaster
    channel union ministry department party club charity council organisation organization insurer
    """.split()
)
#: With "the committee", "the foundation": the one body named before whose name holds the word.
BODY_HEADS = BODY_NOUNS | frozenset(
    """committee commission foundation institute university association federation league regulator
    watchdog hospital museum""".split()
)

#: Last words of a newspaper's name, for "the paper" ("the New York Times ... “…,” the paper continued").
NEWSPAPER_ENDS = frozenset(
    """
    times post journal news herald telegraph guardian observer gazette tribune chronicle sentinel
    inquirer courier examiner dispatch globe register star sun mail express independent standard
    """.split()
)

#: A capitalised word that looks plural ("Employees", "Democrats", "Wars"): a group or a thing, unless the
#: text also writes it after a first name ("Maxine Waters").
PLURAL_WORD = re.compile(r"^[A-Z][a-z]+(?:ans|ese|ish|is|s)$")
