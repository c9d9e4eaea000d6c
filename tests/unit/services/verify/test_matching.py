"""Does claim B assert the same thing as claim A? Positives and hard negatives."""

from __future__ import annotations

from datetime import timedelta

import pytest

from services.verify.matching import relate
from services.verify.origins import AliasBook
from services.verify.records import claim_record, timestamp

ALIASES = AliasBook()


def _rel(a, b):
    ra = claim_record(a, published_at=timestamp(_published(a)))
    rb = claim_record(b, published_at=timestamp(_published(b)))
    forward = relate(ra, rb, same_source=ALIASES.same)
    backward = relate(rb, ra, same_source=ALIASES.same)
    assert forward.kind == backward.kind, "the relation must be symmetric"
    return forward


_PUBLISHED = {}


def _published(claim):
    return _PUBLISHED[claim.article_id]


@pytest.fixture
def two(make):
    """Two articles of different outlets, the second published a day later."""
    a = make.meta("Levant Dispatch")
    b = make.meta("Gulf Wire", hours=24)
    _PUBLISHED[a.article_id] = a.published_at
    _PUBLISHED[b.article_id] = b.published_at
    return a, b


SEED_QUOTE = (
    "Hayat Tahrir al-Sham (HTS) and allied factions are now just five kilometers—barely three "
    "miles—from the outskirts of Homs"
)


@pytest.mark.parametrize(
    ("quote_a", "quote_b", "expected"),
    [
        pytest.param(
            (SEED_QUOTE, "Rami Abdel Rahman"),
            ("HTS and allied factions are now just five kilometres from the outskirts of Homs", "Abdel Rahman"),
            "supports", id="shortened, British spelling, surname only",
        ),
        pytest.param(
            ("his forces “continue to march steadily towards the city of Homs”", "Hassan Abdel Ghani"),
            ('his forces "continue to march steadily toward the city of Homs"', "Hassan Abdel Ghani"),
            "supports", id="curly vs straight marks, towards/toward",
        ),
        pytest.param(
            ("We are marching steadily towards the city of Homs", "Hassan Abdel Ghani"),
            ("The rebels marched steadily toward Homs city", "Dr. Abdel Ghani"),
            "supports", id="paraphrase lite, title dropped",
        ),
        pytest.param(
            (SEED_QUOTE, "Rami Abdel Rahman"),
            (SEED_QUOTE, "Hassan Abdel Ghani"),
            "none", id="different speakers",
        ),
        pytest.param(
            ("We will continue to march towards Homs", "Hassan Abdel Ghani"),
            ("We will continue to march towards Homs", "Ahmed Abdel Ghani"),
            "none", id="same surname, different first names",
        ),
        pytest.param(
            (SEED_QUOTE, "Rami Abdel Rahman"),
            ("Tens of thousands of Alawite residents are fleeing toward the coast", "Rami Abdel Rahman"),
            "none", id="same speaker, unrelated statement",
        ),
        pytest.param(
            ("The army has withdrawn from Hama", "Rami Abdel Rahman"),
            ("The army has not withdrawn from Hama", "Rami Abdel Rahman"),
            "contradicts", id="negated on one side",
        ),
        pytest.param(
            (SEED_QUOTE, None), (SEED_QUOTE, None), "none", id="no speaker: cannot be matched",
        ),
    ],
)
def test_quotes(make, two, quote_a, quote_b, expected):
    a, b = two
    assert _rel(make.quote(a, *quote_a), make.quote(b, *quote_b)).kind == expected


@pytest.mark.parametrize(
    ("attr_a", "attr_b", "expected"),
    [
        pytest.param(
            ("rebels seized two pivotal towns, Rastan and Talbisseh", "Syrian Observatory for Human Rights", ()),
            ("Rebels captured the towns of Rastan and Talbisseh", "SOHR", ()),
            "supports", id="full name vs acronym, paraphrase",
        ),
        pytest.param(
            ("rebels seized the towns of Rastan and Talbisseh", "the Syrian Observatory", ()),
            ("Rebels captured the towns of Rastan and Talbisseh", "SOHR", ()),
            "supports", id="known alias",
        ),
        pytest.param(
            ("rebels seized the towns of Rastan and Talbisseh", "SOHR", ()),
            ("rebels seized the towns of Rastan and Talbisseh", "Syrian state television", ()),
            "none", id="different sources",
        ),
        pytest.param(
            ("rebels seized the towns of Rastan and Talbisseh", "SOHR", ()),
            ("rebels seized the towns of Saraqib and Maarat al-Numan", "SOHR", ()),
            "none", id="same source, same words, other towns",
        ),
        pytest.param(
            ("rebels seized the towns of Rastan and Talbisseh", "SOHR", ()),
            ("Tens of thousands of Alawite residents are fleeing Homs", "SOHR", ()),
            "none", id="same source, unrelated statement",
        ),
    ],
)
def test_attributions(make, two, attr_a, attr_b, expected):
    a, b = two
    claim_a = make.attribution(a, attr_a[0], attr_a[1], aliases=attr_a[2])
    claim_b = make.attribution(b, attr_b[0], attr_b[1], aliases=attr_b[2])
    assert _rel(claim_a, claim_b).kind == expected


KILLED_100 = ("over 100 people", "In 2014, twin bombings killed over 100 people, mostly civilians, in an Alawite neighborhood of Homs.", dict(low=100, low_inclusive=False, qualifier="over"))


@pytest.mark.parametrize(
    ("fig_a", "fig_b", "expected"),
    [
        pytest.param(KILLED_100, ("105", "Twin bombings in Homs in 2014 killed 105 people.", dict(value=105)), "supports", id="over 100 ~ 105 killed"),
        pytest.param(KILLED_100, ("12", "Twin bombings in Homs in 2014 killed 12 people.", dict(value=12)), "contradicts", id="over 100 vs a later, lower 12"),
        pytest.param(KILLED_100, ("about 40 people", "The 2014 twin bombings in an Alawite district of Homs killed about 40 people.", dict(value=40, qualifier="about")), "contradicts", id="over 100 vs about 40"),
        pytest.param(KILLED_100, ("about 40 people", "The 2014 twin bombings in Homs injured about 40 people.", dict(value=40, qualifier="about")), "none", id="killed vs injured"),
        pytest.param(KILLED_100, ("about 40 people", "The 2016 twin bombings in Homs killed about 40 people.", dict(value=40, qualifier="about")), "none", id="2014 vs 2016"),
        pytest.param(
            ("12", "A North Korea missile strike killed 12 soldiers near the border.", dict(value=12)),
            ("12", "A South Korea missile strike killed 12 soldiers near the border.", dict(value=12)),
            "none", id="North Korea vs South Korea",
        ),
        pytest.param(
            ("12", "Shelling killed 12 civilians in Homs on Monday.", dict(value=12)),
            ("30", "Shelling killed 30 fighters in Homs on Monday.", dict(value=30)),
            "none", id="civilians vs fighters",
        ),
        pytest.param(
            ("12", "Shelling killed 12 people in Aleppo on Monday.", dict(value=12)),
            ("30", "Shelling killed 30 people in Homs on Monday.", dict(value=30)),
            "none", id="another city: no name in common",
        ),
        pytest.param(
            ("12", "Shelling killed 12 people on Monday, medics said.", dict(value=12)),
            ("30", "Shelling killed 30 people in Homs on Monday, medics said.", dict(value=30)),
            "updates", id="one side names nothing: words decide",
        ),
        pytest.param(
            ("12", "Shelling killed 12 people in Homs on Monday.", dict(value=12)),
            ("12", "Inflation in the eurozone fell to 12 percent last month, the bank said.", dict(value=12)),
            "none", id="unrelated story",
        ),
    ],
)
def test_counts(make, two, fig_a, fig_b, expected):
    a, b = two
    claim_a = make.figure(a, fig_a[0], fig_a[1], **fig_a[2])
    claim_b = make.figure(b, fig_b[0], fig_b[1], **fig_b[2])
    assert _rel(claim_a, claim_b).kind == expected, _rel(claim_a, claim_b).why


@pytest.mark.parametrize(
    ("earlier", "later", "expected"),
    [
        pytest.param(12, 20, "updates", id="later higher toll updates"),
        pytest.param(20, 12, "contradicts", id="later lower toll contradicts"),
        pytest.param(12, 12, "supports", id="same toll supports"),
    ],
)
def test_rising_toll_is_an_update_only_when_later(make, two, earlier, later, expected):
    a, b = two
    sentence = "Shelling killed {n} people in Homs on Monday, medics said."
    claim_a = make.figure(a, str(earlier), sentence.format(n=earlier), value=earlier)
    claim_b = make.figure(b, str(later), sentence.format(n=later), value=later)
    assert _rel(claim_a, claim_b).kind == expected


def test_tolls_of_the_same_moment_contradict(make):
    a = make.meta("Levant Dispatch")
    b = make.meta("Gulf Wire")
    _PUBLISHED[a.article_id] = a.published_at
    _PUBLISHED[b.article_id] = b.published_at
    sentence = "Shelling killed {n} people in Homs on Monday, medics said."
    claim_a = make.figure(a, "12", sentence.format(n=12), value=12)
    claim_b = make.figure(b, "20", sentence.format(n=20), value=20)
    assert _rel(claim_a, claim_b).kind == "contradicts"


@pytest.mark.parametrize(
    ("fig_b", "expected"),
    [
        pytest.param(("five kilometres", "The rebels are five kilometres from Homs.", dict(value=5, unit="km")), "supports", id="5 km"),
        pytest.param(("3 miles", "Rebel units were 3 miles from Homs on Friday.", dict(value=3, unit="mi")), "supports", id="3 mi"),
        pytest.param(("20 km", "Rebels were 20 km from Homs on Friday.", dict(value=20, unit="km")), "contradicts", id="20 km"),
        pytest.param(("20 km", "Rebels were 20 km from Aleppo on Friday.", dict(value=20, unit="km")), "none", id="another city"),
        pytest.param(("20", "Rebels killed 20 soldiers near Homs on Friday.", dict(value=20)), "none", id="a count is not a distance"),
    ],
)
def test_distances(make, two, fig_b, expected):
    a, b = two
    seed_sentence = f"“{SEED_QUOTE},” Rami Abdel Rahman, head of SOHR, revealed."
    claim_a = make.figure(
        a, "five kilometers", seed_sentence, quantity="length", value=5, unit="km",
        equivalents=(("three miles", 3, "mi"),),
    )
    quantity = "length" if fig_b[2].get("unit") else "people"
    claim_b = make.figure(b, fig_b[0], fig_b[1], quantity=quantity, **fig_b[2])
    assert _rel(claim_a, claim_b).kind == expected, _rel(claim_a, claim_b).why


def test_claims_of_one_article_are_never_compared(make, two):
    a, _ = two
    first = make.quote(a, SEED_QUOTE, "Rami Abdel Rahman")
    second = make.quote(a, SEED_QUOTE, "Rami Abdel Rahman", sentence=f"He said: {SEED_QUOTE}.")
    assert _rel(first, second).kind == "none"


def test_relation_carries_a_reason_in_words(make, two):
    a, b = two
    relation = _rel(
        make.figure(a, KILLED_100[0], KILLED_100[1], **KILLED_100[2]),
        make.figure(b, "about 40 people", "The 2014 twin bombings in Homs killed about 40 people.", value=40, qualifier="about"),
    )
    assert "over 100 people" in relation.why and "about 40 people" in relation.why
