"""A generated stream of news claims for the verifier's scale benchmark (bench layer, no I/O).

Stories are built from templates of conflict and disaster copy: a place, an event with a toll, two
or three named speakers with roles, a monitoring group with its acronym, figures (tolls with
qualifiers, distances, money). Each story is then *published* the way wires and outlets do it:

* a wire original (credited, "CITY (Reuters) -"), republished verbatim or lightly edited by several
  outlets (near-duplicate bodies: echoes);
* rewrites by outlets with their own sentences: the same speakers paraphrased, the same group cited,
  the toll as reported at their time (rising), now and then a conflicting figure or a denial;
* corrections: some articles come again as version 2 with a higher toll (supersession).

Places, speakers and groups are drawn with Zipf-like weights, so a few names ("Gaza", "UN") are hot
across thousands of stories, as in real copy. Everything is derived from one seed: the stream is the
same on every run, so a replay can be compared with the live run.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

from schemas import ids
from schemas.claims import AttributionClaim, FigureClaim, QuoteClaim, Source, Speaker
from schemas.envelope import Producer
from schemas.events import ArticleMeta, ClaimsExtracted
from services.ingest.fingerprint import fingerprint

EXTRACTOR = "bench-templates-1"
PRODUCER = Producer(service="claims", version=EXTRACTOR)
START = datetime(2024, 1, 1, tzinfo=timezone.utc)

_CITIES = """Homs Aleppo Hama Idlib Raqqa Deir-ez-Zor Daraa Latakia Tartus Qamishli Mosul Kirkuk Basra
Erbil Fallujah Ramadi Tikrit Gaza Rafah Khan-Younis Jenin Nablus Hebron Beirut Tyre Sidon Tripoli
Benghazi Misrata Sirte Sanaa Aden Taiz Hodeidah Marib Kharkiv Kherson Bakhmut Avdiivka Mariupol
Zaporizhzhia Odesa Donetsk Luhansk Sumy Khartoum Omdurman Darfur Geneina Kabul Kandahar Herat Kunduz
Mogadishu Kismayo Goma Bunia Beni Bamako Gao Timbuktu Maiduguri Kano Juba Malakal""".split()
_FIRST = """Rami Hassan Ahmed Omar Leila Fatima Yusuf Ivan Olena Mykola Sergei Amina Ali Mariam Khalid
Samir Nadia Abdullah Ibrahim Mustafa Hana Oksana Dmytro Andriy Iryna Grace John Peter Mohamed Aisha
Tariq Salma Rania Karim Walid Mona Zeinab Bashir Hamid Noor""".split()
_LAST = """Rahman Ghani Haddad Khalil Mansour Nasser Saleh Aziz Darwish Hamdan Kovalenko Shevchenko
Bondarenko Melnyk Tkachenko Petrov Okafor Mensah Diallo Traore Keita Abubakar Yusufzai Karimi Hosseini
Farouk Barakat Sabbagh Qasim Jaber Awad Habib Said Suleiman Osman Bakr Zaki Fadel Hijazi Tamimi""".split()
_ROLES = ["the provincial governor", "a military spokesman", "the health minister", "a UN envoy",
          "the head of the local council", "a rebel commander", "the mayor", "an aid coordinator",
          "a hospital director", "the interior minister", "a police chief", "a Red Crescent official"]
_GROUPS = [("Syrian Observatory for Human Rights", "SOHR"), ("United Nations", "UN"),
           ("International Committee of the Red Cross", "ICRC"), ("Armed Conflict Location and Event Data", "ACLED"),
           ("World Health Organization", "WHO"), ("Office for the Coordination of Humanitarian Affairs", "OCHA"),
           ("International Organization for Migration", "IOM"), ("Doctors Without Borders", "MSF"),
           ("World Food Programme", "WFP"), ("Human Rights Watch", "HRW"), ("Amnesty International", "AI"),
           ("Civil Defence Directorate", "CDD")]
_WIRES = [("Reuters", "Reuters"), ("AFP", "AFP"), ("AP", "AP")]
_EVENTS = [("killed", "shelling"), ("killed", "air strikes"), ("injured", "an explosion"),
           ("displaced", "the fighting"), ("killed", "a drone attack"), ("arrested", "a security sweep")]
_TARGETS = ["hospital", "bridge", "power station", "school", "market", "water plant", "bakery",
            "fuel depot", "airport", "railway station", "refugee camp", "grain silo"]
_STATEMENTS = [
    "the {target} in {place} was hit deliberately and the attack must be investigated",
    "our forces will not withdraw from {place} while civilians remain trapped near the {target}",
    "the humanitarian situation around the {target} in {place} is catastrophic and worsening",
    "convoys carrying medicine reached the {target} in {place} after days of negotiations",
    "talks on a ceasefire for {place} will resume next week under international supervision",
    "the militants used the {target} as a base to launch attacks on nearby villages",
    "power and water supplies to the {target} in {place} were cut for a third day",
    "reinforcements arrived overnight to secure the {target} and the roads into {place}",
]
_GROUP_STATEMENTS = [
    "{event_noun} hit the {target} district of {place} overnight",
    "government troops withdrew from positions around the {target} in {place}",
    "families sheltering near the {target} in {place} were evacuated by volunteers",
]
_OUTLET_WORDS = """Daily Evening Morning Gulf Levant Global National Metro Coastal Capital Frontier
Northern Southern Eastern Western Union Independent Free City Valley Star Sun Post Herald Times
Chronicle Gazette Dispatch Observer Tribune Courier Monitor Review Journal Express""".split()


def _zipf(rng: random.Random, items: list, skew: float = 1.0):
    weights = [1.0 / (rank + 1) ** skew for rank in range(len(items))]
    return rng.choices(items, weights=weights, k=1)[0]


class Workload:
    """Articles of generated stories as ClaimsExtracted events, ~``claims`` claims in all."""

    def __init__(self, *, seed: int = 7, outlets: int = 600) -> None:
        self.seed = seed
        rng = random.Random(seed)
        self.outlets = sorted({" ".join(rng.sample(_OUTLET_WORDS, 2)) for _ in range(outlets * 3)})[:outlets]
        self.places = _CITIES + [f"{a}-{b.lower()}" for a in _CITIES[:40] for b in _CITIES[40:70]]

    def events(self, claims: int | None = None) -> Iterator[ClaimsExtracted]:
        """Events in publication order until ``claims`` claims were emitted (None: without end)."""
        rng, emitted, story = random.Random(self.seed), 0, 0
        while claims is None or emitted < claims:
            for event in self._story(rng, story):
                emitted += len(event.claims)
                yield event
            story += 1

    # --- one story -----------------------------------------------------------------------------

    def _story(self, rng: random.Random, number: int) -> list[ClaimsExtracted]:
        place = _zipf(rng, self.places, 0.9)
        event, cause = rng.choice(_EVENTS)
        s = {
            "number": number, "place": place, "event": event, "cause": cause,
            "target": rng.choice(_TARGETS), "toll": rng.randint(3, 400),
            "speakers": [(f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", rng.choice(_ROLES)) for _ in range(3)],
            "statements": rng.sample(_STATEMENTS, 3), "group": _zipf(rng, _GROUPS, 0.8),
            "group_statement": rng.choice(_GROUP_STATEMENTS), "km": rng.randint(2, 60),
            "aid": rng.randint(2, 90), "hours": number * 0.35, "wire": rng.choice(_WIRES),
        }
        out = [self._article(rng, s, "wire", 0, version=1)]
        copies, rewrites = rng.choice([0, 1, 2, 3, 5, 8]), rng.choice([0, 1, 1, 2, 3, 4])
        for i in range(copies):
            out.append(self._article(rng, s, "copy", i + 1, version=1))
        for i in range(rewrites):
            out.append(self._article(rng, s, "rewrite", i + 1, version=1))
        if rng.random() < 0.1:  # a correction of the wire story: a higher toll, version 2
            s["toll"] = int(s["toll"] * 1.5) + 1
            out.append(self._article(rng, s, "wire", 0, version=2))
        return out

    def _article(self, rng: random.Random, s: dict, role: str, i: int, *, version: int) -> ClaimsExtracted:
        hours = s["hours"] + (0 if role == "wire" else i * 1.5) + (6 if version == 2 else 0)
        if role == "wire":
            outlet, credit = s["wire"][0], s["wire"][1]
        else:
            outlet, credit = self.outlets[(s["number"] * 7 + i * 13 + (role == "rewrite")) % len(self.outlets)], None
        toll = s["toll"] + (int(s["toll"] * 0.1 * i) if role == "rewrite" else 0)
        if role == "rewrite" and rng.random() < 0.08:
            toll = max(1, s["toll"] // 3)  # a conflicting figure from one outlet
        sentences = _wire_sentences(s, toll) if role != "rewrite" else _rewrite_sentences(rng, s, toll)
        lead = f"{s['place'].upper()} ({credit}) - " if credit else ""
        if role == "copy" and rng.random() < 0.5:
            sentences = sentences[:-1]  # a trimmed republication
        url = f"https://{outlet.lower().replace(' ', '')}.example/{s['number']}-{role}-{i}"
        return _event(outlet, url, credit, START + timedelta(hours=hours), version, lead, sentences)


def _wire_sentences(s: dict, toll: int) -> list[tuple[str, list[dict]]]:
    (name0, role0), (name1, role1), _ = s["speakers"]
    group, acronym = s["group"]
    said = s["statements"][0].format(**s)
    told = s["statements"][1].format(**s)
    group_says = s["group_statement"].format(event_noun=s["cause"].capitalize(), **s)
    return [
        (f"{s['cause'].capitalize()} {s['event']} {toll} people in {s['place']} on Monday, officials said.",
         [_figure(str(toll), toll, s["event"])]),
        (f"“{said[0].upper() + said[1:]},” {name0}, {role0}, said.", [_quote(said[0].upper() + said[1:], name0, role0)]),
        (f"{group_says}, according to the {group} ({acronym}).", [_attribution(group_says, group, acronym)]),
        (f"{name1}, {role1}, said that {told}.", [_quote(told, name1, role1)]),
        (f"Rebels were {s['km']} kilometres from the centre of {s['place']}, witnesses said.",
         [_figure(f"{s['km']} kilometres", s["km"], None, unit="km", quantity="length")]),
        (f"Donors pledged ${s['aid']} million in aid for {s['place']} this week.",
         [_figure(f"${s['aid']} million", s["aid"] * 1e6, None, unit="USD", quantity="money")]),
    ]


def _rewrite_sentences(rng: random.Random, s: dict, toll: int) -> list[tuple[str, list[dict]]]:
    (name0, _), _, (name2, role2) = s["speakers"]
    group, acronym = s["group"]
    said = s["statements"][0].format(**s)
    short = " ".join(said.split()[: max(6, len(said.split()) - 3)])  # shortened in the rewrite
    own = s["statements"][2].format(**s)
    negated = rng.random() < 0.05
    group_says = s["group_statement"].format(event_noun=s["cause"].capitalize(), **s)
    qualifier = rng.choice(["more than", "about", ""])
    toll_text = f"{qualifier} {toll}".strip()
    last = name0.split()[-1]
    denial = "It is not true that " if negated else ""
    return [
        (f"At least {toll_text} people were {s['event']} when {s['cause']} struck {s['place']}, our correspondent reported.",
         [_figure(f"{toll_text} people", toll, s["event"], qualifier=qualifier or None)]),
        (f"{acronym} said {group_says[0].lower() + group_says[1:]}.", [_attribution(group_says, acronym, group)]),
        (f"{denial}{short[0].upper() + short[1:]}, {last} told our reporter.", [_quote(denial + short, last, None)]),
        (f"“{own[0].upper() + own[1:]},” said {name2}, {role2}.", [_quote(own[0].upper() + own[1:], name2, role2)]),
    ]


def _quote(text: str, speaker: str, role: str | None) -> dict:
    return {"kind": "quote", "text": text, "speaker": speaker, "role": role}


def _attribution(text: str, name: str, alias: str) -> dict:
    return {"kind": "attribution", "text": text, "name": name, "alias": alias}


def _figure(text: str, value: float, event: str | None, *, unit: str | None = None,
            quantity: str = "people", qualifier: str | None = None) -> dict:
    return {"kind": "figure", "text": text, "value": value, "unit": unit, "quantity": quantity,
            "qualifier": qualifier, "about": f"people {event}" if event else None}


def _event(outlet: str, url: str, credit: str | None, published: datetime, version: int, lead: str,
           sentences: list[tuple[str, list[dict]]]) -> ClaimsExtracted:
    body = lead + " ".join(text for text, _ in sentences)
    article_id = ids.article_id(source=outlet, url=url, body=body)
    meta = ArticleMeta(article_id=article_id, source=outlet, url=url, credit=credit, published_at=published,
                       content_sha256=ids.content_hash(body), fingerprint=fingerprint(body))
    claims, offset = [], len(lead)
    for text, specs in sentences:
        sentence_span = (offset, offset + len(text))
        parent = None
        for spec in specs:
            claim = _claim(spec, article_id, text, sentence_span, parent)
            parent = parent or claim.claim_id
            claims.append(claim)
        offset += len(text) + 1
    return ClaimsExtracted.create(
        key=f"{article_id}:{meta.content_sha256}:{EXTRACTOR}", producer=PRODUCER, correlation_id=article_id,
        occurred_at=published, article=meta, extractor_version=EXTRACTOR, claims=tuple(claims),
    )


def _claim(spec: dict, article_id: str, sentence: str, sentence_span: tuple[int, int], parent: str | None):
    start = sentence.find(spec["text"])
    start = max(start, 0)
    span = (sentence_span[0] + start, sentence_span[0] + start + len(spec["text"]))
    base = dict(claim_id=ids.claim_id(article_id=article_id, extractor_version=EXTRACTOR, kind=spec["kind"], span=span),
                article_id=article_id, extractor_version=EXTRACTOR, text=spec["text"], span=span,
                sentence=sentence, sentence_span=sentence_span)
    if spec["kind"] == "quote":
        return QuoteClaim(**base, quote_type="direct", cue="said",
                          speaker=Speaker(name=spec["speaker"], as_written=spec["speaker"], role=spec["role"]))
    if spec["kind"] == "attribution":
        return AttributionClaim(**base, source=Source(name=spec["name"], aliases=(spec["alias"],)), cue="according to")
    return FigureClaim(**base, value=spec["value"], unit=spec["unit"], quantity=spec["quantity"],
                       qualifier=spec["qualifier"], about=spec["about"], in_claim_id=parent)
