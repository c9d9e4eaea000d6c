"""IPTC NewsML-G2 news items → ``RawArticle`` records (pure core of ingest).

Reads a ``newsItem`` or a ``newsMessage`` holding several (NewsML-G2 2.x specification,
https://iptc.org/standards/newsml-g2/): ``@guid`` and ``@version`` identify the item and its
revision; ``itemMeta`` gives the provider, ``versionCreated``/``firstCreated`` and ``pubStatus``;
``rightsInfo`` the copyright holder and usage terms; ``contentMeta`` the headline, ``by``,
``dateline``, ``located``, ``creditline`` and ``infoSource`` entries with their roles; the body is the
XHTML of ``contentSet/inlineXML`` (or plain ``inlineData``). XML is parsed by ``safe_xml``: entity
declarations are refused.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from xml.etree.ElementTree import Element, tostring

from schemas import InfoSource
from services.ingest.exceptions import BadRecordError
from services.ingest.html_text import element_text, without_heading
from services.ingest.provenance import code_name, outlet, role_code, wire_credit
from services.ingest.records import RawArticle, validated
from services.ingest.safe_xml import parse_xml

TEXT_CLASSES = frozenset({"text", "composite"})  # ninat: item classes that carry an article
UNPUBLISHABLE = frozenset({"withheld", "canceled", "cancelled"})  # stat: codes


def read_newsml(text: str, *, where: str) -> Iterator[RawArticle | BadRecordError]:
    """Every news item of a NewsML-G2 document; a bad item is yielded as an error, not raised."""
    try:
        root = parse_xml(text, where=where)
    except BadRecordError as exc:
        yield exc
        return
    ns = _namespace(root)
    if _local(root.tag) == "newsItem":
        items = [(where, root)]
    elif _local(root.tag) == "newsMessage":
        found = root.iter(f"{ns}newsItem")
        items = [(f"{where}: newsItem {n}", item) for n, item in enumerate(found, start=1)]
    else:
        yield BadRecordError(where, f"the root element <{_local(root.tag)}> is not a NewsML-G2 "
                                    "newsItem or newsMessage", text.encode())
        return
    for here, item in items:
        yield from _read_item(item, ns, where=here)


def _read_item(item: Element, ns: str, *, where: str) -> Iterator[RawArticle | BadRecordError]:
    try:
        fields = item_fields(item, ns)
    except ValueError as exc:
        yield BadRecordError(where, str(exc), tostring(item, encoding="unicode").encode())
        return
    yield from validated(where, fields, json.dumps(fields, ensure_ascii=False, default=str))


def item_fields(item: Element, ns: str) -> dict[str, Any]:
    """``RawArticle`` fields of one newsItem; ``ValueError`` says what makes it unusable."""
    guid = (item.get("guid") or "").strip()
    if not guid:
        raise ValueError("the newsItem has no guid; it cannot be told apart from other items")
    find = _Finder(item, ns)
    _check_publishable(find, guid)
    sources = _info_sources(find)
    holder = find.name("rightsInfo/copyrightHolder")
    source = outlet(sources, provider=find.name("itemMeta/provider"), holder=holder)
    return {
        "original_id": guid,
        "version": item.get("version"),
        "title": find.text("contentMeta/headline") or find.text("itemMeta/title"),
        "body": without_heading(_body(find, guid), find.text("contentMeta/headline")),
        "byline": find.text("contentMeta/by"),
        "dateline": find.text("contentMeta/dateline"),
        "located": find.name("contentMeta/located"),
        "published": find.text("itemMeta/versionCreated") or find.text("itemMeta/firstCreated"),
        "first_published": find.text("itemMeta/firstCreated"),
        "copyright_holder": holder,
        "usage_terms": find.text("rightsInfo/usageTerms"),
        "info_sources": sources,
        "source": source,
        "credit": wire_credit(sources, find.text("contentMeta/creditline"), source),
    }


def _check_publishable(find: _Finder, guid: str) -> None:
    item_class = code_name(find.attr("itemMeta/itemClass", "qcode")) or "text"
    if item_class not in TEXT_CLASSES:
        raise ValueError(f"{guid} is a {item_class!r} item, not text; only text items are articles")
    status = (code_name(find.attr("itemMeta/pubStatus", "qcode")) or "usable").lower()
    if status in UNPUBLISHABLE:
        raise ValueError(f"{guid} has pubStatus {status!r}; it is not for publication")


def _body(find: _Finder, guid: str) -> str:
    inline = find.element("contentSet/inlineXML")
    if inline is not None:
        return element_text(inline)
    data = find.element("contentSet/inlineData")
    if data is not None:
        return "".join(data.itertext())
    raise ValueError(f"{guid} has no contentSet/inlineXML or inlineData body "
                     "(remote content is never fetched)")


def _info_sources(find: _Finder) -> tuple[InfoSource, ...]:
    sources = []
    for element in find.all("contentMeta/infoSource"):
        name = find.name_of(element)
        if name:
            sources.append(InfoSource(name=name, role=role_code(element.get("role"))))
    return tuple(sources)


class _Finder:
    """Paths under one element in the document's namespace: ``contentMeta/headline``."""

    def __init__(self, element: Element, ns: str) -> None:
        self.element_root = element
        self.ns = ns

    def _path(self, path: str) -> str:
        return "/".join(f"{self.ns}{step}" for step in path.split("/"))

    def element(self, path: str) -> Element | None:
        return self.element_root.find(self._path(path))

    def all(self, path: str) -> list[Element]:
        return self.element_root.findall(self._path(path))

    def text(self, path: str) -> str | None:
        element = self.element(path)
        value = " ".join("".join(element.itertext()).split()) if element is not None else ""
        return value or None

    def attr(self, path: str, name: str) -> str | None:
        element = self.element(path)
        return element.get(name) if element is not None else None

    def name(self, path: str) -> str | None:
        element = self.element(path)
        return self.name_of(element) if element is not None else None

    def name_of(self, element: Element) -> str | None:
        """A party or place: its ``<name>``, else ``@literal``, else the code of ``@qcode``."""
        named = element.find(f"{self.ns}name")
        if named is not None and (named.text or "").strip():
            return " ".join(named.text.split())
        return (element.get("literal") or "").strip() or code_name(element.get("qcode"))


def _namespace(root: Element) -> str:
    return root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
