"""What a new extractor version changes: pairing claims of two versions by kind and span."""

from services.claims.diff import changed_fields, diff_claims
from services.claims.extract import extract_claims

BODY = "Over 100 people were killed, the ministry said. “We will rebuild,” Mayor Jane Roe said on Friday."


def _claims(version: str, body: str = BODY):
    return extract_claims(body, article_id="a1", extractor_version=version)


def _with(claim, **update):
    return claim.model_copy(update=update)


def test_same_claims_of_two_versions_are_no_change() -> None:
    # Ids differ (the version is part of them) but nothing the extractor found did.
    old, new = _claims("v1"), _claims("v2")
    assert {c.claim_id for c in old}.isdisjoint({c.claim_id for c in new})
    assert diff_claims(old, new) == []


def test_a_claim_only_in_the_old_version_is_removed_and_one_only_in_the_new_is_added() -> None:
    old, new = _claims("v1"), _claims("v2")
    figure = next(c for c in new if c.kind == "figure")
    quote = next(c for c in old if c.kind == "quote")
    changes = diff_claims([c for c in old if c is not quote], [c for c in new if c is not figure])
    assert [(c.change, c.kind, c.before and c.before.text, c.after and c.after.text) for c in changes] == [
        ("removed", "figure", "Over 100 people", None),
        ("added", "quote", None, "We will rebuild"),
    ]


def test_a_new_speaker_is_a_change_of_that_field() -> None:
    old, new = _claims("v1"), _claims("v2")
    quote = next(c for c in old if c.kind == "quote")
    renamed = _with(quote, speaker=_with(quote.speaker, name="Roe"))
    [change] = diff_claims([renamed if c is quote else c for c in old], new)
    assert (change.change, change.fields) == ("changed", ("speaker.name",))
    assert (change.before.speaker.name, change.after.speaker.name) == ("Roe", "Jane Roe")


def test_a_moved_boundary_pairs_overlapping_claims_of_the_same_kind() -> None:
    old, new = _claims("v1"), _claims("v2")
    quote = next(c for c in old if c.kind == "quote")
    wider = _with(quote, span=(quote.span[0] - 1, quote.span[1]), text=BODY[quote.span[0] - 1:quote.span[1]])
    [change] = diff_claims([wider if c is quote else c for c in old], new)
    assert change.change == "changed"
    assert change.fields == ("span", "text")


def test_claims_of_different_kinds_at_the_same_span_never_pair() -> None:
    old = _claims("v1")
    quote = next(c for c in old if c.kind == "quote")
    attribution = next(c for c in old if c.kind == "attribution")
    changes = diff_claims([quote], [attribution])
    assert sorted(c.change for c in changes) == ["added", "removed"]


def test_version_bound_fields_are_not_differences() -> None:
    old, new = _claims("v1"), _claims("v2")
    assert all(changed_fields(a, b) == () for a, b in zip(old, new, strict=True))
    assert changed_fields(old[0], _with(old[0], text="x")) == ("text",)
