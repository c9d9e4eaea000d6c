"""Each article published once: same id and version, or same text from the same outlet, is skipped."""

import pytest

from services.ingest.dedup import Identity, PublishedIndex

V1 = Identity("art-1", "meridian wire", "sha-a", 1)


@pytest.mark.parametrize("candidate,standing", [
    (V1, "duplicate"),  # re-delivery
    (Identity("art-1", "meridian wire", "sha-b", 1), "duplicate"),  # same id and version, text re-sent
    (Identity("art-1", "meridian wire", "sha-b", 2), "new"),  # an update: same article, higher version
    (Identity("art-1", "meridian wire", "sha-b", 0), "superseded"),  # older than what is published
    (Identity("art-9", "meridian wire", "sha-a", None), "duplicate"),  # same text, same outlet, other id
    (Identity("art-9", "other outlet", "sha-a", None), "new"),  # same text from another outlet: an echo, kept
    (Identity("art-1", "meridian wire", "sha-c", None), "new"),  # unversioned new text of the article
])
def test_standing_after_version_1_is_published(candidate: Identity, standing: str) -> None:
    index = PublishedIndex()
    index.add(V1)
    assert index.standing(candidate) == standing


def test_versions_arriving_in_order_are_new_and_a_late_lower_one_is_superseded() -> None:
    index = PublishedIndex()
    standings = []
    for version, sha in [(1, "a"), (3, "c"), (4, "d"), (2, "b")]:
        identity = Identity("art", "o", sha, version)
        standings.append(index.standing(identity))
        if standings[-1] == "new":
            index.add(identity)
    assert standings == ["new", "new", "new", "superseded"]
    assert len(index) == 3
