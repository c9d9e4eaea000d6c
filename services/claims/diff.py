"""What a new extractor version changes in one article's claims (pure core of the claims service).

Claims of two versions never share ids (the version is part of every claim id), so they are paired
by what they say: first the same kind at the same span, then the same kind at overlapping spans
(largest overlap first, one to one). A pair whose fields differ is ``changed``; what is left is
``added`` (only in the new version) or ``removed`` (only in the old one).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from schemas.claims import AttributionClaim, FigureClaim, QuoteClaim

AnyClaim = QuoteClaim | AttributionClaim | FigureClaim
ChangeKind = Literal["added", "removed", "changed"]

# Fields that differ between any two versions by construction (ids derive from the version), so
# they say nothing about what the extractor found.
_VERSIONED_FIELDS = frozenset({"claim_id", "extractor_version", "in_claim_id"})


@dataclass(frozen=True, slots=True)
class ClaimChange:
    """One difference between the old and the new claims of an article."""

    change: ChangeKind
    kind: str
    before: AnyClaim | None
    after: AnyClaim | None
    fields: tuple[str, ...] = ()  # for ``changed``: the differing fields, dotted ("speaker.name")

    def as_json(self) -> dict:
        def dump(claim: AnyClaim | None) -> dict | None:
            return None if claim is None else claim.model_dump(mode="json", exclude_none=True)

        return {"change": self.change, "kind": self.kind, "fields": list(self.fields),
                "before": dump(self.before), "after": dump(self.after)}


def diff_claims(before: Sequence[AnyClaim], after: Sequence[AnyClaim]) -> list[ClaimChange]:
    """The changes from ``before`` to ``after`` (one article's claims), in body order."""
    pairs = _pairs(before, after)
    paired_before = {i for i, _ in pairs}
    paired_after = {j for _, j in pairs}
    changes = [
        ClaimChange("changed", before[i].kind, before[i], after[j], fields)
        for i, j in pairs
        if (fields := changed_fields(before[i], after[j]))
    ]
    changes += [ClaimChange("removed", c.kind, c, None) for i, c in enumerate(before) if i not in paired_before]
    changes += [ClaimChange("added", c.kind, None, c) for j, c in enumerate(after) if j not in paired_after]
    return sorted(changes, key=_position)


def changed_fields(old: AnyClaim, new: AnyClaim) -> tuple[str, ...]:
    """Dotted names of the fields whose values differ, version-bound fields left out."""
    return tuple(sorted(_differences(_comparable(old), _comparable(new), prefix="")))


def _comparable(claim: AnyClaim) -> dict:
    return claim.model_dump(mode="json", exclude=set(_VERSIONED_FIELDS))


def _differences(old: object, new: object, *, prefix: str) -> list[str]:
    # Nested models (speaker, source) are compared field by field so the report names the field.
    if isinstance(old, dict) and isinstance(new, dict):
        found = []
        for key in old.keys() | new.keys():
            found += _differences(old.get(key), new.get(key), prefix=f"{prefix}{key}.")
        return found
    return [] if old == new else [prefix.rstrip(".")]


def _pairs(before: Sequence[AnyClaim], after: Sequence[AnyClaim]) -> list[tuple[int, int]]:
    # Same kind and span first; then the largest overlap of the same kind, one to one.
    at_span = {(c.kind, tuple(c.span)): j for j, c in enumerate(after)}
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for i, c in enumerate(before):
        j = at_span.get((c.kind, tuple(c.span)))
        if j is not None and j not in used:
            pairs[i] = j
            used.add(j)
    overlapping = sorted(
        (-_overlap(b.span, a.span), i, j)
        for i, b in enumerate(before) if i not in pairs
        for j, a in enumerate(after) if j not in used and b.kind == a.kind and _overlap(b.span, a.span) > 0
    )
    for _, i, j in overlapping:
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    return sorted(pairs.items())


def _overlap(a: Sequence[int], b: Sequence[int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _position(change: ClaimChange) -> tuple[int, int, str]:
    claim = change.after or change.before
    assert claim is not None  # every change has at least one side
    return claim.span[0], claim.span[1], change.change
