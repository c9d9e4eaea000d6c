"""Outlet, wire credit and info-source roles of wire items (pure core of ingest).

The verifier counts sources by independent origin, so ingest keeps who *originated* a story apart
from who *delivered* it. IPTC formats say so in ``infoSource`` / ``infosources`` entries with a role
(NewsML-G2 spec 2.x, "infoSource"; ninjs 1.2+ ``infosource``, 2.x ``infosources``). Roles arrive as
QCodes (``isrol:originating``) or URIs (``http://cv.iptc.org/newscodes/infosourcerole/originating``);
we keep only the code, which is what a reader (and the verifier) compares.
"""

from __future__ import annotations

from collections.abc import Sequence

from schemas import InfoSource

# Role codes meaning "this party created the content" and "this party passed it on". Codes differ
# between providers, so each set holds the spellings seen in IPTC examples and provider docs.
ORIGINATING_ROLES = frozenset({"originating", "originator", "origin", "originfo", "source"})
DISTRIBUTING_ROLES = frozenset({"distributing", "distributor", "publisher", "publishing", "aggregator"})


def role_code(role: str | None) -> str | None:
    """``isrol:originating`` or ``http://…/infosourcerole/originating`` → ``originating``."""
    if not role or not role.strip():
        return None
    first = role.split()[0]  # a QCode list may hold several roles; the first is the main one
    return first.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() or None


def code_name(qcode: str | None) -> str | None:
    """The readable part of a QCode used as a name: ``nprov:AFP`` → ``AFP``."""
    if not qcode or not qcode.strip():
        return None
    return qcode.strip().rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1] or None


def with_role(sources: Sequence[InfoSource], roles: frozenset[str]) -> str | None:
    """Name of the first info source whose role is one of ``roles``."""
    return next((s.name for s in sources if s.role in roles), None)


def outlet(sources: Sequence[InfoSource], *, provider: str | None = None,
           holder: str | None = None) -> str | None:
    """Who delivered the item: the provider named by the item, else a distributing info source,
    else the copyright holder, else the originating source."""
    return (_given(provider) or with_role(sources, DISTRIBUTING_ROLES) or _given(holder)
            or with_role(sources, ORIGINATING_ROLES))


def _given(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


def wire_credit(sources: Sequence[InfoSource], creditline: str | None, source: str | None) -> str | None:
    """The wire credited: an explicit credit line, else the originating info source, else the
    outlet itself — a wire format item that names no other origin is its sender's own copy."""
    return _given(creditline) or with_role(sources, ORIGINATING_ROLES) or source
