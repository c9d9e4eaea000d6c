"""HTML to article text (pure core of ingest).

Three kinds of HTML reach ingest, and each gets the tool that fits it:

* an HTML *fragment* with no page around it (a feed entry's content, a ninjs ``body_html``):
  ``html_to_text`` keeps every paragraph — there is no boilerplate to remove;
* an XHTML body parsed as XML (NewsML-G2 ``inlineXML``): ``element_text`` does the same over the
  element tree;
* a whole web *page* (the local HTML copy a feed entry links to, or an HTML file given to ingest):
  ``page_record`` uses trafilatura's boilerplate remover, which drops navigation,
  cookie banners, related links and comments (Barbaresi, "Trafilatura: A Web Scraping Library and
  Command-Line Tool for Text Discovery and Extraction", ACL 2021 demos) — not regexes.
"""

from __future__ import annotations

from html.parser import HTMLParser
from xml.etree.ElementTree import Element

# Elements that end a paragraph, and elements whose text is never article text.
BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "pre",
          "section", "article", "figcaption", "dd", "dt"}
SKIP = {"script", "style", "head", "template", "noscript"}
# Marks a block boundary while collecting: newlines in HTML source are only whitespace.
BREAK = "\u2029"


class _TextCollector(HTMLParser):
    """Collects the text of an HTML fragment, a paragraph per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in SKIP:
            self._skipping += 1
        elif tag in BLOCKS:
            self.parts.append(BREAK)

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP and self._skipping:
            self._skipping -= 1
        elif tag in BLOCKS:
            self.parts.append(BREAK)

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment: paragraphs kept, whitespace inside them folded."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return _paragraphs("".join(collector.parts), sep=BREAK)


def element_text(element: Element) -> str:
    """Plain text of an (X)HTML element tree, a paragraph per block element, namespaces ignored."""
    parts: list[str] = []
    _collect(element, parts)
    return _paragraphs("".join(parts), sep=BREAK)


def _collect(element: Element, parts: list[str]) -> None:
    name = _local_name(element.tag)
    if name in SKIP:
        return
    block = name in BLOCKS
    parts.append(BREAK if block else "")
    parts.append(element.text or "")
    for child in element:
        _collect(child, parts)
        parts.append(child.tail or "")
    parts.append(BREAK if block else "")


def _local_name(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""  # comments have no str tag


def _paragraphs(text: str, *, sep: str = "\n") -> str:
    """One line per paragraph (split at ``sep``), whitespace inside each folded to single spaces."""
    paragraphs = (" ".join(p.split()) for p in text.split(sep))
    return "\n".join(p for p in paragraphs if p)


def page_record(html: str) -> dict[str, str | None]:
    """Text and metadata of a whole web page as ``RawArticle`` fields (source is the site name)."""
    import trafilatura  # imported here: it costs ~0.6 s, and most inputs carry no web page

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                            include_tables=False, favor_precision=True)
    if not extracted:
        return {"body": ""}
    document = extracted.as_dict()
    return {
        "body": without_heading(_paragraphs(document.get("text") or ""), document.get("title")),
        "title": document.get("title"),
        "byline": document.get("author"),
        "source": document.get("sitename"),
        "url": document.get("url"),
        "published": document.get("date"),
    }


def without_heading(body: str, title: str | None) -> str:
    """The body without a first paragraph that only repeats the headline (a page's or an XHTML
    body's ``<h1>``); titles often add to it (" | Cedar News", "… as rebels push south")."""
    first, _, rest = body.partition("\n")
    if title and rest and first and title.casefold().startswith(first.casefold()):
        return rest
    return body
