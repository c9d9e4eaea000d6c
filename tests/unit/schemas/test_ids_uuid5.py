"""Ids are UUIDv5 exactly as ``uuid.uuid5`` makes them: the fast path must not change one byte."""

import uuid

from hypothesis import given
from hypothesis import strategies as st

from schemas.ids import WIRECHECK_NAMESPACE, article_id, claim_id, event_id


def test_ids_keep_the_values_they_had() -> None:
    # Values from ``str(uuid.uuid5(...))`` before the fast path; stored claims and events carry them.
    assert claim_id(article_id="a1", extractor_version="rules-25", kind="quote", span=(12, 40)) == (
        "293bda8f-a6be-58c0-8b28-f984142edaf9"
    )
    assert event_id(event_type="VerdictChanged", key="Ñandú “x” 北京") == "efd2829c-a6d0-5272-b85b-c5dce529e8ae"
    assert article_id(source="Reuters", url=None, body="Über 100") == "ad6d97c4-af49-51c3-9f8c-1d12dcb33c80"


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)))  # UTF-8 has no lone surrogates


@given(_TEXT, _TEXT, st.integers(min_value=0), st.integers(min_value=0))
def test_claim_id_is_uuid5_of_its_parts(article: str, version: str, start: int, end: int) -> None:
    name = "\x1f".join(("claim", article, version, "figure", str(start), str(end)))
    expected = str(uuid.uuid5(WIRECHECK_NAMESPACE, name))
    assert claim_id(article_id=article, extractor_version=version, kind="figure", span=(start, end)) == expected
