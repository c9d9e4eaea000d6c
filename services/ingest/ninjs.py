"""IPTC ninjs (News in JSON) items → ``RawArticle`` fields (pure core of ingest).

Reads both generations (schemas at https://www.iptc.org/std/ninjs/): 1.x names a single
``headline``, ``body_text`` / ``body_html``, ``byline`` and ``infosource`` (with ``rel``); 2.x has
arrays ``headlines`` and ``bodies`` (each with a role and a content type), ``by`` and
``infosources`` (with ``role``). ``uri`` (or Superdesk's ``guid``) identifies the item across its
versions: every ``version`` of one uri is an update of one article, so the uri, not a URL, becomes
the article's ``original_id``.
"""

from __future__ import annotations

from typing import Any

from schemas import InfoSource
from services.ingest.html_text import html_to_text
from services.ingest.provenance import code_name, outlet, role_code, wire_credit

# Keys only ninjs uses; a JSON record with one of them (and no ``body``) is read as ninjs.
NINJS_KEYS = frozenset({"uri", "guid", "headline", "headlines", "body_text", "body_html", "bodies",
                        "versioncreated", "firstcreated"})
TEXT_TYPES = frozenset({"text", "composite"})
# pubstatus values that mean "do not publish" (IPTC NewsCodes pubstatus).
UNPUBLISHABLE = frozenset({"withheld", "canceled", "cancelled"})
MAIN_ROLES = (None, "main", "body", "text")  # roles of the main body/headline in 2.x arrays


def looks_like_ninjs(record: dict[str, Any]) -> bool:
    """A JSON object is ninjs when it has a ninjs key and no ``body`` (our own JSON-lines shape)."""
    return "body" not in record and not NINJS_KEYS.isdisjoint(record)


def ninjs_fields(item: dict[str, Any]) -> dict[str, Any]:
    """``RawArticle`` fields of one ninjs item; ``ValueError`` says what makes it unusable."""
    identity = _text(item.get("uri")) or _text(item.get("guid"))
    if not identity:
        raise ValueError("the ninjs item has no 'uri' (or 'guid'); it cannot be told apart from other items")
    _check_publishable(item, identity)
    sources = _info_sources(item)
    holder = _text(item.get("copyrightholder"))
    source = outlet(sources, holder=holder)
    return {
        "original_id": identity,
        "version": _text(item.get("version")),
        "title": _headline(item),
        "body": _body(item, identity),
        "byline": _text(item.get("by")) or _text(item.get("byline")),
        "published": item.get("versioncreated") or item.get("firstcreated"),
        "first_published": item.get("firstcreated"),
        "located": _text(item.get("located")),
        "copyright_holder": holder,
        "usage_terms": _text(item.get("usageterms")),
        "info_sources": sources,
        "source": source,
        "credit": wire_credit(sources, None, source),
    }


def _check_publishable(item: dict[str, Any], identity: str) -> None:
    kind = _text(item.get("type")) or "text"
    if kind not in TEXT_TYPES:
        raise ValueError(f"{identity} is a ninjs {kind!r} item, not text; only text items are articles")
    status = (_text(item.get("pubstatus")) or "usable").lower()
    if status in UNPUBLISHABLE:
        raise ValueError(f"{identity} has pubstatus {status!r}; it is not for publication")


def _headline(item: dict[str, Any]) -> str | None:
    if _text(item.get("headline")):
        return _text(item["headline"])
    return _main_value(item.get("headlines"), "headlines")


def _body(item: dict[str, Any], identity: str) -> str:
    """``body_text``, else ``body_html`` as text, else the main entry of 2.x ``bodies``."""
    if _text(item.get("body_text")):
        return item["body_text"]
    if _text(item.get("body_html")):
        return html_to_text(item["body_html"])
    bodies = item.get("bodies")
    if isinstance(bodies, list) and bodies:
        main = _main_entry(bodies, "bodies")
        value = _text(main.get("value")) or ""
        return html_to_text(value) if "html" in (main.get("contenttype") or "") else value
    raise ValueError(f"{identity} has no body_text, body_html or bodies")


def _main_value(entries: Any, name: str) -> str | None:
    if not isinstance(entries, list) or not entries:
        return None
    return _text(_main_entry(entries, name).get("value"))


def _main_entry(entries: list[Any], name: str) -> dict[str, Any]:
    """The entry whose role marks it as the main one, else the first."""
    if not all(isinstance(e, dict) for e in entries):
        raise ValueError(f"'{name}' must be a list of objects with a 'value'")
    return next((e for e in entries if role_code(e.get("role")) in MAIN_ROLES), entries[0])


def _info_sources(item: dict[str, Any]) -> tuple[InfoSource, ...]:
    entries = item.get("infosources", item.get("infosource")) or []
    if not isinstance(entries, list):
        raise ValueError("'infosources' must be a list of objects")
    sources = []
    for entry in entries:
        if not isinstance(entry, dict):
            raise ValueError("'infosources' must be a list of objects")
        name = _text(entry.get("name")) or _text(entry.get("literal")) or code_name(entry.get("code"))
        if name:
            sources.append(InfoSource(name=name, role=role_code(entry.get("role") or entry.get("rel"))))
    return tuple(sources)


def _text(value: Any) -> str | None:
    """A non-blank string as given (numbers as text: some providers send ``"version": 2``)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return str(value)
    return value if isinstance(value, str) and value.strip() else None
