"""Origins: wire credits, near-duplicate echoes, sources counted once whoever carries them."""

from __future__ import annotations

import pytest

from services.verify import handle
from services.verify.origins import AliasBook, ArticleOrigins, article_credit, wire_credit

def _rewritten(body: str, every: int) -> str:
    """Another outlet's edit of the same copy: one word in ``every`` replaced."""
    words = body.split(" ")
    return " ".join(f"edited{i}" if i % every == every - 1 else w for i, w in enumerate(words))


def _lightly_rewritten(body: str) -> str:
    return _rewritten(body, 40)  # a few words per paragraph


@pytest.mark.parametrize(
    ("text", "wire"),
    [
        ("BEIRUT (Reuters) - Rebels pushed towards Homs on Friday.", "Reuters"),
        ("DAMASCUS, Syria (AP) — Rebels pushed towards Homs.", "AP"),
        ("Rebels pushed towards Homs on Friday. — AFP", "AFP"),
        ("Reuters - Rebels pushed towards Homs on Friday.", "Reuters"),
        ("© Agence France-Presse 2024", "AFP"),
        ("(Associated Press) Rebels pushed towards Homs", "AP"),
        # A mention is an attribution, not a credit line:
        ("Rebels pushed towards Homs, AFP reported.", None),
        ("The commander told Reuters the advance would continue.", None),
        ("Rebels pushed towards Homs on Friday.", None),
    ],
)
def test_wire_credit_lines(text, wire):
    assert wire_credit(text) == wire


@pytest.mark.parametrize(
    ("credit", "byline", "sentences", "expected"),
    [
        ("Reuters", None, (), "Reuters"),
        ("Agence France-Presse", None, (), "AFP"),
        ("Gulf Syndicate", None, (), "Gulf Syndicate"),  # an unknown syndicator is its own origin
        (None, "By Jane Doe, Associated Press", (), "AP"),
        (None, "By Jane Doe", ("BEIRUT (Reuters) - Rebels advanced.",), "Reuters"),
        (None, "By Jane Doe", ("Rebels advanced, Reuters reported.",), None),
    ],
)
def test_article_credit(make, credit, byline, sentences, expected):
    meta = make.meta("Levant Dispatch", credit=credit, byline=byline)
    assert article_credit(meta, sentences) == expected


def test_default_origin_is_the_outlet(make, seed_body):
    origins = ArticleOrigins()
    meta = make.meta("Levant Dispatch", body=seed_body)
    origins.register(meta, None)
    assert origins.origin(meta.article_id) == "Levant Dispatch"


def test_light_rewrite_is_an_echo_of_the_earlier_article(make, seed_body):
    origins = ArticleOrigins()
    seed = make.meta("Levant Dispatch", body=seed_body)
    copy = make.meta("Copy Desk Daily", body=_lightly_rewritten(seed_body), hours=3)
    origins.register(seed, None)
    assert origins.register(copy, None) == set()  # the seed's origin did not move
    assert origins.origin(copy.article_id) == "Levant Dispatch"


def test_echo_follows_the_earliest_even_when_it_arrives_last(make, seed_body):
    origins = ArticleOrigins()
    seed = make.meta("Levant Dispatch", body=seed_body)
    copy = make.meta("Copy Desk Daily", body=_lightly_rewritten(seed_body), hours=3)
    origins.register(copy, None)
    assert origins.origin(copy.article_id) == "Copy Desk Daily"
    assert origins.register(seed, None) == {copy.article_id}
    assert origins.origin(copy.article_id) == "Levant Dispatch"


def test_wire_copy_makes_the_whole_cluster_the_wire(make, seed_body):
    origins = ArticleOrigins()
    seed = make.meta("Levant Dispatch", body=seed_body)
    wire = make.meta("Daily Star", body="BEIRUT (Reuters) - " + seed_body, credit="Reuters", hours=2)
    origins.register(seed, None)
    assert origins.register(wire, "Reuters") == {seed.article_id}
    assert origins.origin(seed.article_id) == origins.origin(wire.article_id) == "Reuters"


def test_heavy_rewrite_is_not_an_echo(make, seed_body):
    origins = ArticleOrigins()
    seed = make.meta("Levant Dispatch", body=seed_body)
    other = make.meta("Copy Desk Daily", body=_rewritten(seed_body, 4), hours=3)
    origins.register(seed, None)
    origins.register(other, None)
    assert origins.origin(other.article_id) == "Copy Desk Daily"


def test_independent_report_is_not_an_echo(make, seed_body):
    origins = ArticleOrigins()
    seed = make.meta("Levant Dispatch", body=seed_body)
    other = make.meta(
        "Beirut Post",
        body="Our correspondent near Hama said rebel columns were five kilometres from Homs "
        "on Friday, as families packed cars and headed for the coast. " * 3,
    )
    origins.register(seed, None)
    origins.register(other, None)
    assert origins.origin(other.article_id) == "Beirut Post"


def test_same_body_without_fingerprint_is_a_duplicate_by_content_hash(make, seed_body):
    origins = ArticleOrigins()
    seed = make.meta("Levant Dispatch", body=seed_body).model_copy(update={"fingerprint": ()})
    copy = make.meta("Copy Desk Daily", body=seed_body, hours=1).model_copy(update={"fingerprint": ()})
    origins.register(seed, None)
    origins.register(copy, None)
    assert origins.origin(copy.article_id) == "Levant Dispatch"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (("Syrian Observatory for Human Rights", ()), ("SOHR", ()), True),
        (("The Syrian Observatory", ()), ("SOHR", ()), True),
        (("Rami's Monitor", ("RM",)), ("rami's monitor", ()), True),
        (("SOHR", ()), ("Syrian state television", ()), False),
        (("Human Rights Watch", ()), ("Syrian Observatory for Human Rights", ()), False),
    ],
)
def test_alias_book_links_names_of_one_source(a, b, same):
    book = AliasBook()
    from services.verify.records import source_keys

    book.link(a[0], a[1])
    book.link(b[0], b[1])
    assert book.same(source_keys(*a), source_keys(*b)) is same


def test_alias_label_does_not_depend_on_order():
    first, second = AliasBook(), AliasBook()
    first.link("Levant Monitor for Rights", ())
    first.link("Levant Monitor", ("LMR", "Levant Monitor for Rights"))
    second.link("Levant Monitor", ("LMR", "Levant Monitor for Rights"))
    second.link("Levant Monitor for Rights", ())
    assert first.label("levant monitor") == second.label("levant monitor") == "LMR"


def _origins_of(state, *claims):
    return {state.origin(c.claim_id) for c in claims}


def test_according_to_sohr_in_two_outlets_is_one_origin(make, state):
    one = make.meta("Levant Dispatch", hours=0)
    two = make.meta("Gulf Wire", hours=3)
    a1 = make.attribution(
        one, "rebels seized two pivotal towns, Rastan and Talbisseh",
        "Syrian Observatory for Human Rights", aliases=("SOHR",),
    )
    a2 = make.attribution(two, "Rebels captured the towns of Rastan and Talbisseh", "SOHR")
    handle(make.extracted(one, a1), state, producer=make.producer)
    handle(make.extracted(two, a2), state, producer=make.producer)
    assert _origins_of(state, a1, a2) == {"SOHR"}


def test_quote_origin_is_the_witness_not_the_speaker(make, state):
    own = make.meta("Beirut Post")
    heard = make.meta("Gulf Wire")
    q_own = make.quote(own, "The rebels are five kilometres from Homs", "Abdel Rahman")
    q_afp = make.quote(
        heard, "The rebels are five kilometres from Homs", "Abdel Rahman",
        sentence="“The rebels are five kilometres from Homs,” Abdel Rahman told AFP.",
    )
    handle(make.extracted(own, q_own), state, producer=make.producer)
    handle(make.extracted(heard, q_afp), state, producer=make.producer)
    assert state.origin(q_own.claim_id) == "Beirut Post"
    assert state.origin(q_afp.claim_id) == "AFP"


def test_figure_inherits_the_origin_of_the_attribution_carrying_it(make, state):
    meta = make.meta("Levant Dispatch")
    sentence = (
        "Tens of thousands of Alawite residents are fleeing Homs toward the coast, SOHR reported."
    )
    attribution = make.attribution(
        meta, "Tens of thousands of Alawite residents are fleeing Homs toward the coast", "SOHR",
        sentence=sentence,
    )
    figure = make.figure(
        meta, "Tens of thousands", sentence, low=10000, high=100000, high_inclusive=False,
        in_claim=attribution.claim_id,
    )
    loose = make.figure(meta, "two", "Rebels seized two towns near Homs.", value=2, quantity="towns")
    handle(make.extracted(meta, attribution, figure, loose), state, producer=make.producer)
    assert state.origin(figure.claim_id) == "SOHR"
    assert state.origin(loose.claim_id) == "Levant Dispatch"
