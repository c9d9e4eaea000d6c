"""Word lists, thresholds and limits of the verifier (pure core; data only).

Each value says where it comes from. Change them here, never inline.
"""

from __future__ import annotations

import re

# --- origins -------------------------------------------------------------------------------------

# The wires whose credit makes an article an echo of the wire (AP Stylebook / Reuters Handbook credit
# lines). Keys are casefolded spellings, values the origin label.
WIRE_NAMES: dict[str, str] = {
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "dpa": "dpa",
    "anadolu": "Anadolu",
    "xinhua": "Xinhua",
}
_WIRE_ALT = r"Reuters|AFP|AP|Associated Press|Agence France[- ]Presse|dpa|Anadolu|Xinhua"

# Credit lines a wire puts in the copy itself; a bare mention ("AFP reported") is an attribution,
# not a credit, so only these forms count. Catches: "BEIRUT (Reuters) -", "(AP) —", "Reuters -" at
# the start, a "— AP" or "- AFP" sign-off at the end, "© Agence France-Presse".
WIRE_CREDIT_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\((?P<wire>{_WIRE_ALT})\)\s*[-–—]?"),
    re.compile(rf"^\s*(?P<wire>{_WIRE_ALT})\s*[-–—]\s"),
    re.compile(rf"[-–—]\s*(?P<wire>{_WIRE_ALT})\s*\.?\s*$"),
    re.compile(rf"(?:©|\(c\)|copyright)\s*(?:\d{{4}}\s*)?(?:the\s+)?(?P<wire>{_WIRE_ALT})", re.I),
)

# "… told AFP" / "in an interview with Reuters": the words were heard by that outlet, whoever
# carries them (see origins.py, the quote rule).
HEARD_BY_PATTERN = re.compile(
    rf"\b(?:told|said to|speaking to|in an interview with|interviewed by)\s+(?:the\s+)?"
    rf"(?P<wire>{_WIRE_ALT})\b"
)

# Aliases known before any article links them (organisations that appear in most conflict copy).
KNOWN_SOURCE_ALIASES: tuple[tuple[str, ...], ...] = (
    ("SOHR", "Syrian Observatory for Human Rights", "Syrian Observatory"),
    ("UN", "United Nations"),
    ("HTS", "Hayat Tahrir al-Sham"),
    ("OCHA", "UN Office for the Coordination of Humanitarian Affairs"),
    ("Reuters", "Thomson Reuters"),
    ("AFP", "Agence France-Presse", "Agence France Presse"),
    ("AP", "Associated Press", "The Associated Press"),
)

# A multi-word name yields its acronym as an alias only with at least this many capitalised words:
# two-letter acronyms ("HR" for "Human Rights") collide too often to link blindly.
MIN_ACRONYM_WORDS = 3

# Near-duplicate bodies: 5-shingle Jaccard at or above this makes an article an echo. A light rewrite
# (a few words changed per paragraph) keeps ~0.7–0.9 of its 5-shingles; independent reports of the
# same event share well under 0.2 (measured on the Homs seed and its hand-made rewrites, see tests).
NEAR_DUPLICATE_JACCARD = 0.6

# LSH banding of the 64-permutation MinHash: 21 bands of 3 rows. A pair at Jaccard 0.6 becomes a
# candidate with probability 1-(1-0.6**3)**21 ≈ 0.994; at 0.1 with ≈ 0.02 (Leskovec, Rajaraman &
# Ullman, "Mining of Massive Datasets", ch. 3.4).
LSH_ROWS_PER_BAND = 3

# An article's MinHash and LSH buckets are dropped once the newest article is this much later: a
# copy published more than MATCH_WINDOW after its original is no longer found as its echo (its
# claims could not be matched with the original's anyway). They were ~1/3 of the projection's
# memory at 3*10^4 claims (bench/results/profiles/04-*.txt); clusters already formed stay.
NEAR_DUPLICATE_HORIZON_SECONDS = 14 * 86400.0

# --- matching ------------------------------------------------------------------------------------

# Statements (quotes, attributions) match when this share of the shorter one's content words is in
# the longer one — robust to shortening and light paraphrase (containment, Broder 1997).
STATEMENT_CONTAINMENT = 0.6
# … and they share at least this many content words (one shared word is chance).
MIN_SHARED_STATEMENT_WORDS = 2
# A statement with fewer content words cannot be checked (unverified).
MIN_STATEMENT_WORDS = 2

# Figures are about the same thing when they share an entity, or at least this many context words.
MIN_SHARED_FIGURE_WORDS = 2
# Words either side of a figure that make up its context.
FIGURE_CONTEXT_WINDOW = 8

# "about 40" means 40 ± 15 %: newsroom style guides round casualty and crowd figures to the nearest
# 10–20 % (AP Stylebook, "numerals"/"estimates"); 15 % is the middle of that band.
APPROXIMATE_TOLERANCE = 0.15
# An exact round figure ("100") may itself be rounded: half a unit of its last significant digit,
# but never more than this share of the value (so "100" is 95–105, not 50–150).
ROUND_NUMBER_TOLERANCE = 0.05

# Qualifiers as written by the claims service (schemas.claims.FigureClaim.qualifier).
APPROXIMATE_QUALIFIERS = frozenset(
    {"about", "around", "approximately", "roughly", "some", "nearly", "almost", "close to",
     "an estimated", "estimated", "around about", "circa", "tens of", "hundreds of",
     "thousands of", "dozens of", "barely", "just"}
)
BELOW_QUALIFIERS = frozenset({"nearly", "almost", "just under", "close to", "barely"})
OVER_QUALIFIERS = frozenset({"over", "more than", "above", "upwards of", "exceeding", "at least"})
UNDER_QUALIFIERS = frozenset({"under", "less than", "below", "fewer than", "at most", "up to"})

# Normalised unit → (base unit, factor to the base). Only convertible pairs share a base.
UNIT_TO_BASE: dict[str, tuple[str, float]] = {
    "km": ("m", 1000.0), "kilometer": ("m", 1000.0), "kilometre": ("m", 1000.0),
    "m": ("m", 1.0), "meter": ("m", 1.0), "metre": ("m", 1.0),
    "cm": ("m", 0.01), "mi": ("m", 1609.344), "mile": ("m", 1609.344),
    "ft": ("m", 0.3048), "foot": ("m", 0.3048), "feet": ("m", 0.3048), "yd": ("m", 0.9144),
    "nmi": ("m", 1852.0),
    "kg": ("kg", 1.0), "g": ("kg", 0.001), "t": ("kg", 1000.0), "tonne": ("kg", 1000.0),
    "lb": ("kg", 0.45359237),
    "km2": ("m2", 1e6), "sq km": ("m2", 1e6), "mi2": ("m2", 2589988.11), "sq mi": ("m2", 2589988.11),
    "ha": ("m2", 1e4), "hectare": ("m2", 1e4), "acre": ("m2", 4046.8564224),
    "h": ("s", 3600.0), "hour": ("s", 3600.0), "min": ("s", 60.0), "minute": ("s", 60.0),
    "day": ("s", 86400.0), "week": ("s", 604800.0),
    "percent": ("percent", 1.0), "%": ("percent", 1.0),
}

# Events whose counts only grow as reports come in: a later, higher figure updates an earlier one
# (DESIGN.md: "a rising toll is an update, not a contradiction, when later").
TOLL_EVENTS = frozenset({"killed", "injured", "displaced", "arrested", "missing"})

# Event words → event class. A figure's event is the nearest of these to it; two figures with
# different events ("killed 12" / "injured 12") never match.
EVENT_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ["killed", "kill", "kills", "killing", "dead", "death", "deaths", "died", "die", "dies",
         "fatalities", "toll", "lives", "massacred", "slain"], "killed"),
    **dict.fromkeys(
        ["injured", "injuring", "injuries", "wounded", "wounding", "hurt", "casualties"], "injured"),
    **dict.fromkeys(
        ["displaced", "fled", "flee", "fleeing", "flees", "refugees", "evacuated", "exodus"],
        "displaced"),
    **dict.fromkeys(["arrested", "detained", "detention", "arrests", "jailed"], "arrested"),
    **dict.fromkeys(["missing", "disappeared", "unaccounted"], "missing"),
    **dict.fromkeys(["seized", "captured", "took", "taken", "overran", "fell"], "captured"),
    **dict.fromkeys(["fired", "launched", "struck", "strikes", "airstrikes"], "fired"),
    **dict.fromkeys(["rescued", "freed", "released"], "released"),
}

# Counted nouns that say nothing about who was counted ("100 people" matches "100 civilians").
GENERIC_COUNTED = frozenset({"people", "person", "persons", "individuals", "others", "total"})

# English function words and reporting verbs: they carry no claim content (an abridged SMART list,
# Salton 1971, plus the reporting verbs of textacy.constants.REPORTING_VERBS).
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    out over own same she should so some such than that the their theirs them themselves then
    there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours us upon amid among via per
    said says say saying told tell tells according reported reports report reporting revealed
    declared added stated announced claimed noted explained warned confirmed insisted
    mr mrs ms dr one's it's""".split()
)
NEGATIONS = frozenset({"not", "no", "never", "nobody", "none", "nothing", "denied", "deny", "denies"})

# Names that are not entities when capitalised (calendar words, titles).
NON_ENTITY_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december president prime minister mr mrs ms dr
    sir general gen col colonel rebel rebels commander leader head""".split()
)
NAME_TITLES = frozenset(
    """mr mrs ms dr sir president prime minister general gen col colonel commander sheikh
    rebel spokesman spokeswoman""".split()
)

# Word numbers, so "five kilometres" and "5 km" share their words.
NUMBER_WORDS: dict[str, str] = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}

# Words that scale a number rather than name what is counted ("tens of thousands").
NUMBER_SCALE_WORDS = frozenset(
    """tens dozen dozens hundred hundreds thousand thousands million millions billion billions
    score scores""".split()
)

# British → American spellings, so "kilometres" and "kilometers" share their word.
SPELLING_VARIANTS: dict[str, str] = {
    "kilometre": "kilometer", "kilometres": "kilometers", "metre": "meter", "metres": "meters",
    "neighbourhood": "neighborhood", "neighbourhoods": "neighborhoods", "towards": "toward",
    "defence": "defense", "offence": "offense", "centre": "center", "organisation": "organization",
}

# Claims published more than this apart are not compared: a news story's claims are reported,
# repeated and updated within days (TDT-style event tracking uses windows of days to weeks, Allan
# et al., "Topic Detection and Tracking Pilot Study", 1998). 14 days keeps slow follow-ups (a toll
# revised a week later) while bounding how many claims a hot place or person gathers.
MATCH_WINDOW_SECONDS = 14 * 86400.0

# --- index ---------------------------------------------------------------------------------------

# Blocking keys per claim, the longest content words first (length is a cheap proxy for rarity).
MAX_KEY_WORDS = 12
# A blocking key shared by more claims than this is treated like a stopword when the claim has other
# keys: scanning it would make per-claim cost grow with the index (an inverted-index stop list).
HOT_KEY_POSTINGS = 2000
# At most this many candidates (the most recent) are compared with a new claim. Corroboration needs
# two origins and a contest one: the 64th agreeing report adds nothing a reviewer needs, while
# linking a hot claim to every later one makes the cost per claim grow with the story (measured in
# bench/results/verify.md).
MAX_CANDIDATES = 64
# At most this many links per claim, the first found in arrival order. Without a cap a hot claim
# gathers every later report of its story, and each new one re-assesses it and re-lists all its
# evidence, O(links) per arrival (bench/results/profiles/02-*.txt); 32 links from distinct outlets
# already decide any verdict (two origins corroborate, one contests).
MAX_LINKS = 32
# Time buckets (of MATCH_WINDOW) whose postings the index keeps behind the newest one. A claim is
# only compared within MATCH_WINDOW (it looks up its own bucket and the two beside it), so older
# postings serve only claims that arrive over two weeks late; dropping them keeps the index's
# postings to about a month of claims (profile 04).
RETAINED_BUCKETS = 2

# --- verdicts ------------------------------------------------------------------------------------

# Confidence is the rule of succession over independent origins (Laplace): (agree + 1) /
# (agree + disagree + 2). A reviewer's decision is certain.
REVIEWER_CONFIDENCE = 1.0
# With no evidence either way, the rule of succession gives (0 + 1) / (0 + 2).
UNVERIFIED_CONFIDENCE = 0.5
# The reason on the last verdict of a claim whose article was replaced by a newer version.
RETRACTED_REASON = "superseded by a newer version of the article"

# --- process -------------------------------------------------------------------------------------

# Events applied between two moves of the heap into the GC's permanent generation (heap.py). ~5
# claims an event, so ~20,000 claims: each full collection then traverses at most those since the
# last freeze instead of the whole projection (gen-2 GC time at 3*10^5 claims: 14.7 s CPU unfrozen,
# 8.0 s freezing every 20,000 claims, of ~250 s handling).
FREEZE_EVERY_EVENTS = 4000
