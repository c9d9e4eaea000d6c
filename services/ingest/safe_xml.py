"""Safe parsing of XML inputs (pure core of ingest): entity declarations and external references
are refused before anything is expanded or fetched.

A wire or feed file is untrusted input. Entity declarations serve two known attacks: the "billion
laughs" expansion (nested internal entities that grow to gigabytes) and XML external entities (XXE,
``<!ENTITY x SYSTEM "file:///etc/passwd">``), which read local files or fetch URLs. No news format
we read needs either, so any ``<!ENTITY`` is refused (defusedxml with ``forbid_entities`` and
``forbid_external``; see https://github.com/tiran/defusedxml#attack-vectors). A plain DOCTYPE, as
old RSS 0.91 feeds carry, is allowed: expat does not fetch external DTDs.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as defused_etree
from defusedxml import DefusedXmlException, EntitiesForbidden

from services.ingest.exceptions import BadRecordError, UnsafeXmlError

ENTITY_DECLARATION = re.compile(r"<!ENTITY", re.IGNORECASE)


def parse_xml(text: str, *, where: str) -> Element:
    """The root element of ``text``; ``UnsafeXmlError`` for entities, ``BadRecordError`` if malformed."""
    try:
        return defused_etree.fromstring(text, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except EntitiesForbidden as exc:
        raise UnsafeXmlError(where, _entity_reason(exc), text.encode()) from None
    except DefusedXmlException as exc:
        raise UnsafeXmlError(where, f"refused unsafe XML: {exc}", text.encode()) from None
    except ParseError as exc:
        if ENTITY_DECLARATION.search(text):
            raise UnsafeXmlError(where, _declared_entities_reason(), text.encode()) from None
        raise BadRecordError(where, f"not well-formed XML ({exc})", text.encode()) from None


def check_xml_safe(text: str, *, where: str) -> None:
    """Refuse ``text`` if it declares entities; malformed XML passes (lenient readers handle it)."""
    try:
        parse_xml(text, where=where)
    except UnsafeXmlError:
        raise
    except BadRecordError:
        return


def _entity_reason(exc: EntitiesForbidden) -> str:
    if exc.sysid or exc.pubid:
        return (f"refused unsafe XML: it declares the external entity {exc.name!r} "
                f"(SYSTEM {exc.sysid or exc.pubid!r}); external entities are never resolved — "
                "send the document without its DOCTYPE entity declarations")
    return _declared_entities_reason(exc.name)


def _declared_entities_reason(name: str | None = None) -> str:
    named = f" {name!r}" if name else ""
    return (f"refused unsafe XML: it declares the entity{named}; entity declarations are refused "
            "because they allow entity-expansion attacks (billion laughs) — send the document "
            "without its DOCTYPE entity declarations")
