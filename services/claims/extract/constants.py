"""Word lists and limits for the rule-based claim extractor (pure core of the claims service).

Every list says where it comes from. Lists are ``frozenset`` or tuples so that regexes can be built
from them once, at import time, in the modules that use them.
"""

from __future__ import annotations

# Reporting verbs, after textacy's ``_reporting_verbs`` (textacy/extract/triples.py, itself drawn from
# the quotation work of Pareti 2015), in the surface forms news copy uses, plus cues from our seed
# corpus ("revealed", "declared") and PolNeAR's frequent direct-quote cues ("asked", "continued",
# "quipped"; Newell et al., LREC 2018). Opinion verbs (think, hope, fear) are left out: they rarely
# introduce a quote in wire copy and often introduce the reporter's own hedging.
REPORTING_VERBS: frozenset[str] = frozenset(
    """
    said says told tells stated states announced announces added adds admitted admits alleged alleges
    argued argues asserted asserts claimed claims complained complains conceded concedes concluded
    confirmed confirms contended declared declares denied denies disclosed discloses estimated
    estimates explained explains insisted insists noted notes observed observes predicted predicts
    promised promises recalled recalls replied replies reported reports revealed reveals stressed
    stresses suggested suggests testified testifies urged urges warned warns wrote writes tweeted
    posted acknowledged acknowledges agreed agrees charged accused accuses cautioned vowed vows
    pledged pledges boasted emphasised emphasized countered responded responds indicated indicates
    asked asks continued continues quipped quips joked jokes
    """.split()
)

# Cues that introduce indirect speech ("X said that ...") without quote marks: the reporting verbs
# that assert content. Narrower than REPORTING_VERBS to keep "X accused Y of Z" out.
INDIRECT_VERBS: frozenset[str] = frozenset(
    """
    said says say told tells stated states announced announces added adds admitted admits alleged alleges
    claimed claims confirmed confirms declared declares estimated estimates reported reports revealed
    reveals warned warns insisted insists noted notes explained explains acknowledged acknowledges
    """.split()
)

# Cues of reported speech and stance as PolNeAR annotates them (Newell, Margolin & Ruths, LREC 2018,
# "attribution relations": cue inventory of the PolNeAR guidelines and the most frequent cues of its
# training split), beyond the asserting verbs above: opinion, intention and perception verbs
# ("believes", "wants", "expects") and participles ("saying", "adding"). Used by the clause-level
# rule of ``reported`` only, which needs a subject right before the cue, so "said" as an adjective or
# "thinks" in a question yields nothing.
CLAUSE_CUE_VERBS: frozenset[str] = INDIRECT_VERBS | frozenset(
    """
    say argued argues argue asserted asserts contended contends maintained maintains believes believe
    believed thinks think thought wants want wanted hopes hope hoped expects expect expected fears
    fear feared wrote writes tweeted suggested suggests suggest predicted predicts promised promises
    vowed vows pledged pledges denied denies concluded concludes recalled recalls stressed stresses
    emphasized emphasised complained complains conceded concedes agreed agrees countered replied
    responded indicated indicates asked asks urged urges proposed proposes guessed guesses
    acknowledge admit announce claim confirm declare deny explain insist note predict promise warn
    worried worries plans plan intends intend knows know
    """.split()
)
# Verbs of doing, not saying, that PolNeAR's learned cue table still reads as cues ("spoke in the
# lobby", "delivered a speech", "gave critical support", "passed three background checks", "went first
# at the town hall"): alone, what follows them is an object or a place, never a statement ("went on
# to explain", "sent out a statement" are other runs). Each was a right cue in under 40 % of its uses
# on PolNeAR train.
NON_SPEECH_CUES: frozenset[str] = frozenset(
    "spoke delivered gave tried attempted passed went began blocked appointed sent spent taken".split()
)
# Multi-word cues of the same inventory ("pointed out that …", "called for …").
CLAUSE_CUE_PHRASES: tuple[str, ...] = (
    "pointed out", "points out", "called for", "calls for", "made clear", "makes clear",
    "went on to say", "goes on to say",
)
# Participles that report what the subject of the main clause said ("…, saying the plan had failed").
# "citing" too when what is cited is a reason ("proposed a ban, citing fears of terrorism"); citing a
# source ("citing officials") is the attribution rule's.
PARTICIPLE_CUES: frozenset[str] = frozenset(
    """
    saying adding noting arguing warning explaining insisting claiming telling stressing suggesting
    predicting promising vowing asserting acknowledging admitting declaring announcing writing citing
    """.split()
)
# What a source is when it is cited ("citing internal documents", "citing a State Department report"):
# head nouns of records and of people who can be a statement's source, besides names and the
# learned speaker heads.
CITED_SOURCE_NOUNS: frozenset[str] = frozenset(
    """
    documents document data records record figures statistics estimates report reports study studies
    poll polls survey surveys sources source officials official people aides participants witnesses
    statement statements letter memo email emails filings filing accounts account bank newspaper paper
    network magazine institute center centre foundation service bureau union firm
    """.split()
)
# Words that open an introductory phrase before the subject ("After the debate, X said …"): a comma
# segment starting with one of them is not the subject.
INTRO_WORDS: frozenset[str] = frozenset(
    """
    after before in at on when as while during since asked speaking but still meanwhile later earlier
    however yet also even for with without despite if though although because last this instead
    then now today yesterday by from under over among amid through indeed separately privately
    publicly again so and in an interview
    """.split()
)
# Words that make a candidate subject a clause instead of a noun phrase ("what it is said", "the
# deal was said …"): auxiliaries, complementisers and relative pronouns.
CLAUSE_WORDS: frozenset[str] = frozenset(
    """
    is was were are be been being would will could should can may might must do does did that which
    who whom whose if when because while than not whether what how why where it's there
    """.split()
)
# Words that open a subordinate clause whose subject is the speaker ("The plane was grounded after
# The New York Times reported that …", "a gap that experts say renders …"): the subject of a cue is
# read after the last of them. "and" is left out: it joins speakers ("Richards and Menendez said").
SUBORDINATORS: frozenset[str] = frozenset(
    "after before when whenever while since because although though once until unless whereas as that which "
    "where but".split()
)
# Longest subject read after a subordinator: a name or a short noun phrase ("the Florida Republican");
# longer runs after "that" are mostly the reported statement itself.
SUBORDINATE_SUBJECT_MAX_WORDS = 4
# Farthest a "who" may stand from the name it refers to: room for a short description between
# ("Mr. Guerrero, a Republican who …").
RELATIVE_ANTECEDENT_MAX_CHARS = 60
# Cues of title-case headlines ("Trump Says He …", "Rubio Warns …"): the asserting, opinion and
# intention verbs of CLAUSE_CUE_VERBS in the present tense headlines use, capitalised.
HEADLINE_CUES: frozenset[str] = frozenset(
    """
    Says Said Tells Told Warns Claims Insists Admits Denies Vows Pledges Predicts Urges Argues Believes Thinks
    Wants Confirms Announces Suggests Hopes Fears Expects Promises Declares Stresses Concedes
    """.split()
) | frozenset({"Calls For", "Calls for"})
# Longest subject of a headline cue in words ("Former Florida Gov. Jeb Bush Says").
HEADLINE_SUBJECT_MAX_WORDS = 5
# Words a subject cannot end on (a determiner or preposition before the cue means "said" modifies
# a noun or the phrase was cut mid-way).
NON_FINAL_WORDS: frozenset[str] = frozenset(
    "the a an of in on at for with by to from and or but this these those his her their its our my".split()
)
# Words that open a capitalised phrase which is not someone ("No quotes …", "All of them …"): a
# subject for a learned cue never starts with one.
NON_SUBJECT_WORDS: frozenset[str] = frozenset(
    "no not all some any each every this that these those there here what which when where how why if as "
    "following after before during since until while because very".split()
)
# Longest noun phrase (in words) taken as a subject without a name in it.
SUBJECT_MAX_WORDS = 8

# Verbs that name something ("what critics called “amnesty”"): a one-word quote right after one of
# them is a label, not speech.
NAMING_VERBS: frozenset[str] = frozenset("called calls calling dubbed dubs labeled labelled labels branded termed".split())

# Verbs after which the speaker names a person or outlet being addressed ("told reporters").
ADDRESSEE_VERBS: frozenset[str] = frozenset({"told", "tells", "telling"})

# Where something was said ("on Telegram", "in a statement"): nouns of channel, from wire style
# guides' attribution examples (AP Stylebook, "said"; Reuters Handbook, "attribution").
CHANNEL_NOUNS: tuple[str, ...] = (
    "press conference", "news conference", "state television", "state TV", "statement", "interview",
    "video", "post", "speech", "briefing", "broadcast", "message", "tweet", "letter", "television",
    "TV", "radio", "podcast", "address", "communique", "communiqué", "blog", "email", "e-mail",
    "Telegram", "Twitter", "Facebook", "Instagram", "YouTube", "TikTok", "WhatsApp", "X",
)

# Channels written with "by" ("told Reuters by phone"): the means of contact in wire attributions
# (Reuters Handbook, "attribution": "said by telephone").
CHANNEL_BY_NOUNS: tuple[str, ...] = (
    "phone", "telephone", "satellite phone", "text message", "email", "e-mail", "video link",
    "videolink", "letter",
)

# Relative-clause roles ("X, who heads the Syrian Observatory, said"): the verb and the role noun
# phrase it stands for, so the role reads like an appositive ("head of the Syrian Observatory").
RELATIVE_ROLE_VERBS: dict[str, str] = {
    "heads": "head of", "headed": "head of", "leads": "leader of", "led": "leader of",
    "chairs": "chair of", "directs": "director of", "runs": "head of", "commands": "commander of",
    "founded": "founder of", "represents": "representative of", "manages": "manager of",
}

# Words that head a role or title ("rebel commander", "head of SOHR"): nouns of office common in wire
# copy, gathered from the seed corpus and the Reuters Handbook's list of titles, plus the offices of US
# political copy (PolNeAR's speakers: "congressman", "candidate", "strategist", "pollster").
ROLE_NOUNS: frozenset[str] = frozenset(
    """
    commander leader head chief spokesman spokeswoman spokesperson minister president premier
    chairman chairwoman chair director official officer general colonel major captain lieutenant
    sergeant envoy ambassador governor mayor senator secretary adviser advisor analyst expert founder
    editor correspondent researcher professor doctor activist monitor negotiator representative
    member deputy king queen prince emir sheikh cleric imam pope bishop judge prosecutor lawyer
    attorney executive ceo manager coordinator resident witness survivor fighter soldier
    reporter journalist photographer congressman congresswoman candidate nominee strategist aide
    pollster economist frontrunner front-runner contender hopeful
    """.split()
)

# Modifiers that may precede a role noun and belong to the role ("rebel", "foreign", "former", the
# "White House" or "House" of a spokesman).
ROLE_MODIFIERS: frozenset[str] = frozenset(
    """
    rebel opposition military army government foreign defence defense interior prime senior deputy
    former top local police regional state security health militia jihadist islamist field vice
    acting interim chief special assistant associate executive general supreme commander house white
    """.split()
)

# Honorifics dropped from names and not kept as a role.
HONORIFICS: frozenset[str] = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "rev", "gen", "col", "lt", "sgt", "capt",
     "sen", "rep", "gov"}
)

# Capitalised words that start sentences but never start a name (closed-class words and common
# sentence openers in news copy).
NON_NAME_WORDS: frozenset[str] = frozenset(
    """
    a an the in on at by for from to of with without within into onto after before since until during
    and but or nor so yet if when while where as because though although however meanwhile still
    this that these those there here it its his her their our my your he she they we i you who what
    which why how not no yes only also even just then now today yesterday tomorrow once some many
    most more much few several all any each every both either neither other another such will would
    can could should may might must shall is are was were be been being has have had do does did
    according despite amid among between over under about around near like unlike rebels officials
    """.split()
)

# Organisation words: a capitalised name holding one of these is an organisation, not a person.
ORG_WORDS: frozenset[str] = frozenset(
    """
    observatory ministry army council committee agency organisation organization front party forces
    group institute university bank fund commission office department government court union nations
    news press times post reuters associated agence foundation centre center network television tv
    movement coalition alliance brigade brigades authority authorities service services watch
    international corporation inc ltd company church police guard guards association federation
    parliament assembly senate congress administration bureau command
    """.split()
)

# Place words: a capitalised name holding one of these is a place, not a person.
PLACE_WORDS: frozenset[str] = frozenset(
    """
    city province region street square sea river mountains valley islands island republic kingdom
    states north south east west northern southern eastern western gulf lake bay county district
    """.split()
)

# Common nouns that stand for an organisation when the subject is "the ministry", "the group".
ORG_NOUNS: frozenset[str] = frozenset(
    """
    ministry observatory monitor group government agency army military council committee office
    department organisation organization authorities police coalition alliance campaign company
    report study survey court
    """.split()
)

PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she"})

# Number words (English cardinal system).
UNITS_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
SCALE_WORDS: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}
# Abbreviated scales in money and statistics copy ("$2.3bn", "£5m", "10k").
SCALE_ABBREVIATIONS: dict[str, float] = {
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12,
}
ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}

# Vague plural counts, as bounds [low, high): the convention of DESIGN.md ("tens of thousands" →
# [10 000, 100 000)), applied to each magnitude word: one unit of it up to the next magnitude.
VAGUE_COUNTS: dict[str, tuple[float, float]] = {
    "tens": (10, 100), "dozens": (12, 144), "scores": (20, 100), "hundreds": (100, 1000),
    "thousands": (1e3, 1e4), "millions": (1e6, 1e7), "billions": (1e9, 1e10),
}

# Qualifiers before a number and what they do to it. "just" and "only" are left out: they stress
# smallness ("just five kilometers") without bounding the number. Bound kinds: "low" sets a lower bound, "high"
# an upper bound, "approx" marks the value approximate. From the Recognizers-Text English range
# specs (NumberRangeModel) and the quantulum3 test set, reduced to what news copy uses.
QUALIFIERS: dict[str, tuple[str, bool]] = {
    # phrase: (bound kind, inclusive)
    "more than": ("low", False), "over": ("low", False), "above": ("low", False),
    "in excess of": ("low", False), "upwards of": ("low", False), "exceeding": ("low", False),
    "at least": ("low", True), "no fewer than": ("low", True), "no less than": ("low", True),
    "a minimum of": ("low", True), "as many as": ("high", True), "up to": ("high", True),
    "at most": ("high", True), "no more than": ("high", True), "a maximum of": ("high", True),
    "under": ("high", False), "fewer than": ("high", False), "less than": ("high", False),
    "below": ("high", False), "just under": ("high", False), "just over": ("low", False),
    "about": ("approx", True), "around": ("approx", True), "nearly": ("approx", True),
    "almost": ("approx", True), "roughly": ("approx", True), "approximately": ("approx", True),
    "some": ("approx", True), "an estimated": ("approx", True), "estimated": ("approx", True),
    "close to": ("approx", True), "barely": ("approx", True), "about a": ("approx", True),
    "exactly": ("exact", True), "precisely": ("exact", True),
}

# Units: surface form → (normalised unit, quantity). Normalised names follow UCUM-style short
# symbols where they exist (km, mi, kg), ISO 4217 codes for money.
UNITS: dict[str, tuple[str, str]] = {
    **{w: ("km", "length") for w in ("km", "kms", "kilometer", "kilometers", "kilometre", "kilometres")},
    **{w: ("mi", "length") for w in ("mi", "mile", "miles")},
    **{w: ("m", "length") for w in ("meter", "meters", "metre", "metres")},
    **{w: ("cm", "length") for w in ("cm", "centimeter", "centimeters", "centimetre", "centimetres")},
    **{w: ("mm", "length") for w in ("mm", "millimeter", "millimeters", "millimetre", "millimetres")},
    **{w: ("ft", "length") for w in ("ft", "foot", "feet")},
    **{w: ("in", "length") for w in ("inch", "inches")},
    **{w: ("yd", "length") for w in ("yard", "yards")},
    **{w: ("km2", "area") for w in ("km2", "km²", "square kilometers", "square kilometres",
                                    "square kilometer", "square kilometre")},
    **{w: ("mi2", "area") for w in ("square miles", "square mile")},
    **{w: ("ha", "area") for w in ("ha", "hectare", "hectares")},
    **{w: ("acre", "area") for w in ("acre", "acres")},
    **{w: ("kg", "mass") for w in ("kg", "kilogram", "kilograms", "kilogramme", "kilogrammes")},
    **{w: ("t", "mass") for w in ("tonne", "tonnes", "ton", "tons", "metric tons")},
    **{w: ("lb", "mass") for w in ("lb", "lbs", "pound", "pounds")},
    **{w: ("g", "mass") for w in ("gram", "grams", "gramme", "grammes")},
    **{w: ("percent", "percent") for w in ("%", "percent", "per cent", "pct")},
    **{w: ("pp", "percent") for w in ("percentage points", "percentage point")},
    **{w: ("year", "duration") for w in ("year", "years", "yr", "yrs")},
    **{w: ("month", "duration") for w in ("month", "months")},
    **{w: ("week", "duration") for w in ("week", "weeks")},
    **{w: ("day", "duration") for w in ("day", "days")},
    **{w: ("hour", "duration") for w in ("hour", "hours", "hr", "hrs")},
    **{w: ("minute", "duration") for w in ("minute", "minutes", "min", "mins")},
    **{w: ("km/h", "speed") for w in ("km/h", "kph", "kmh")},
    **{w: ("mph", "speed") for w in ("mph", "miles per hour")},
    **{w: ("Cel", "temperature") for w in ("°C", "degrees Celsius", "degrees celsius", "C")},
    **{w: ("degF", "temperature") for w in ("°F", "degrees Fahrenheit", "degrees fahrenheit", "F")},
    **{w: ("USD", "money") for w in ("dollars", "dollar", "USD", "US dollars")},
    **{w: ("EUR", "money") for w in ("euros", "euro", "EUR")},
    **{w: ("GBP", "money") for w in ("pounds sterling", "GBP", "sterling")},
}

# Single-letter units only count when glued to the number ("5C" is a temperature, "5 C" is not).
GLUED_ONLY_UNITS: frozenset[str] = frozenset({"C", "F", "m", "in", "min"})

CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "USD", "$": "USD", "A$": "AUD", "C$": "CAD", "£": "GBP", "€": "EUR", "¥": "JPY",
}

# Nouns that make a count a count of people (quantity "people" rather than "count").
PEOPLE_NOUNS: frozenset[str] = frozenset(
    """
    people persons civilians residents fighters soldiers troops children women men refugees migrants
    protesters demonstrators victims casualties dead deaths wounded injured prisoners detainees
    hostages rebels militants officers police policemen workers students voters patients families
    families members villagers inhabitants citizens displaced killed bodies individuals
    """.split()
)

# Verbs near a count that say what happened to what is counted ("100 people killed").
TOLL_VERBS: frozenset[str] = frozenset(
    """
    killed wounded injured displaced arrested detained dead died missing fled fleeing evacuated
    executed abducted kidnapped rescued freed released affected infected hospitalised hospitalized
    """.split()
)

WEEKDAYS: frozenset[str] = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

MONTHS: frozenset[str] = frozenset(
    """
    january february march april may june july august september october november december jan feb
    mar apr jun jul aug sep sept oct nov dec
    """.split()
)

# Days and months are never a speaker, though capitalised before a cue ("claims Thursday, saying …").
# "May" is left out: it is also a surname ("May said").
TIME_NAMES: frozenset[str] = WEEKDAYS | frozenset(
    "january february march april june july august september october november december".split()
)

# Words that end a counted noun phrase ("100 people, mostly", "residents are fleeing").
NOUN_PHRASE_STOPS: frozenset[str] = NON_NAME_WORDS | frozenset(
    "per than mostly mainly including led last next ago him them us me".split()
)

# Abbreviations whose period does not end a sentence (Reuters Handbook abbreviations, plus titles and
# the "v." of a court case: "Roe v. Wade").
ABBREVIATIONS: frozenset[str] = frozenset(
    """
    mr mrs ms dr prof gen col lt sgt capt maj cmdr adm gov sen rep st jr sr co corp inc ltd no nos vs v
    etc e.g i.e approx est fig jan feb mar apr jun jul aug sep sept oct nov dec mt ft
    """.split()
)

# Limits. Windows bound every backward or forward look so extraction stays linear in article length.
CUE_WINDOW_CHARS = 240  # how far before a quote to look for its cue (two long clauses)
AFTER_QUOTE_WINDOW_CHARS = 160  # how far after a quote to look for "..., X said"
MIXED_MAX_GAP_WORDS = 14  # cue to quote mark; beyond this the quote is not the cue's content
MIXED_QUOTE_SHARE = 0.6  # a mixed quote whose words are less of its clause is credited the clause
MIXED_MIN_WORDS = 3  # shorter quoted fragments in reported speech are scare quotes, not quotes
SCARE_MAX_WORDS = 6  # "the “capital of the revolution”": a quoted noun phrase after a determiner
LOOSE_SPEAKER_MAX_WORDS = 10  # longest noun phrase read as a speaker after a quote when no name pattern reads it
UNCUED_MIN_WORDS = 8  # a quote with no speaker and no cue is kept only if it reads as a sentence
INDIRECT_MIN_WORDS = 3  # shortest statement we accept in "X said that ..."
APPOSITIVE_MAX_WORDS = 8  # "Rami Abdel Rahman, head of SOHR, revealed"
NOUN_PHRASE_MAX_WORDS = 3  # "two pivotal towns", "Tens of thousands of Alawite residents"
