"""Word lists that tell a name from the words around it: openers, dates, headline verbs, heads.

Pure data of the claims service's name finder (``names.py``), kept apart so that module stays a
reader of runs. All entries are lower-case; multi-word places are written with single spaces.
"""

from services.claims.extract.constants import WEEKDAYS

# Words that open a sentence before a name but are no part of it: discourse words and the imperative
# verbs of slogans and quoted speech ("Well Senator Sanders", "Trust Donald Trump", "Follow Jane Doe").
OPENING_WORDS = frozenset(
    """
    well oh okay ok hey look listen maybe perhaps earlier later again instead indeed sure thanks thank
    please sorry trust follow make stop vote see know tell let join read ask imagine remember elect
    certainly clearly obviously surely frankly honestly finally
    """.split()
)
# Prepositions that open a sentence before a name ("Outside Carrier's plant", "Besides China"), and
# as adjectives before a common noun are part of the subject ("outside experts said").
OPENING_PREPOSITIONS = frozenset(
    "outside inside behind beyond across along against toward towards through throughout beside besides".split()
)
# "-ing" words that open names: given names, and nouns or adjectives of organisations and events.
ING_NAME_WORDS = frozenset(
    "sterling channing irving browning fleming manning harding morning evening spring building wedding "
    "training founding reading boeing nanjing kunming".split()
)
# A weekday after these is an event's name ("Super Tuesday"), not the day a name was mentioned on.
DAY_EVENT_MODIFIERS = frozenset("super black cyber good ash easter palm bloody giving mega mini".split())
# Verbs of title-case headlines: a run holding one is a headline, and the name ends before it
# ("Hillary Clinton Wins Delaware"); in a subject read too far they end it too ("Rubio has broken
# many" -> "Rubio"). Cue verbs are cut by the name pattern itself.
HEADLINE_VERBS = frozenset(
    """
    wins loses beats leads trails takes makes gets wants slams blasts rips hits knocks mocks bashes
    attacks defends backs endorses rejects launches unveils signs vetoes faces meets visits joins picks
    drops quits ends suspends blames accuses praises criticizes criticises sues plans seeks gives goes
    heads holds keeps pushes returns releases reveals sweeps clinches captures responds fires hires
    is are was were has have had
    """.split()
)
# Last words that make a name an organisation or an event ("Las Vegas Sun", "Immigration and Customs
# Enforcement", "White House", "Super Tuesday"); only last, since "House Speaker" opens a title.
ORG_HEADS = frozenset(
    """
    enforcement sun times post journal tribune herald globe gazette daily magazine radio channel show
    house convention act amendment club school college campaign caucus project initiative review report
    poll institution museum hospital airport hotel plaza tower towers resort casino stadium arena
    """.split()
) | WEEKDAYS
# US states, world countries and capitals, and the largest US cities: a name that is one, or ends in
# one, is no person ("Minnesota", "Philadelphia", "Salt Lake City"). Left out: names that are as often
# a person's ("Washington", "Jackson", "Jordan", "Virginia", "Georgia", "Houston", "Austin", "Paris").
POLITIES = frozenset(
    """
    alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho
    illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
    mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah
    vermont wisconsin wyoming america canada mexico cuba brazil argentina chile colombia venezuela peru
    britain england scotland wales ireland france germany italy spain portugal belgium netherlands
    switzerland austria poland ukraine russia greece turkey sweden norway denmark finland hungary
    syria iraq iran israel lebanon egypt libya yemen afghanistan pakistan india china japan korea
    vietnam indonesia philippines australia nigeria kenya ethiopia somalia qatar kuwait
    london berlin moscow beijing tokyo baghdad damascus tehran kabul cairo brussels rome madrid
    ottawa havana jerusalem ankara istanbul kiev kyiv islamabad riyadh beirut
    chicago philadelphia boston atlanta miami seattle denver detroit dallas cleveland baltimore
    pittsburgh cincinnati milwaukee nashville memphis portland sacramento orlando tampa manchester
    """.split()
) | frozenset(
    place.replace("-", " ")
    for place in """
    new-hampshire new-jersey new-mexico new-york north-carolina south-carolina north-dakota south-dakota
    rhode-island west-virginia las-vegas los-angeles san-francisco san-diego san-antonio salt-lake-city
    new-orleans des-moines st.-louis kansas-city saudi-arabia south-africa north-korea south-korea
    new-zealand united-kingdom
    """.split()
)
# Nouns that describe a person before the name, as a role does ("Democrat Hillary Clinton", "House
# Speaker Paul Ryan", "Billionaire Donald Trump"); the role nouns of ``constants`` besides.
DESCRIPTOR_NOUNS = frozenset(
    """
    democrat republican independent libertarian rival billionaire businessman businesswoman actor actress
    singer rapper author writer comedian host anchor columnist commentator pastor preacher speaker justice
    chancellor commissioner councilman councilwoman alderman assemblyman assemblywoman sheriff rabbi
    priest cardinal coach entrepreneur mogul investor developer
    """.split()
)
