"""HTML fragments, XHTML element trees and headings repeated in the body."""

from xml.etree.ElementTree import fromstring

import pytest

from services.ingest.html_text import element_text, html_to_text, without_heading


@pytest.mark.parametrize("html,text", [
    ("<p>one\n   line</p><p>two</p>", "one line\ntwo"),  # source newlines are whitespace
    ("<p>caf&eacute; &#8220;q&#8221; &amp;</p>", "café “q” &"),
    ("<head><title>t</title></head><p>body</p>", "body"),
    ("", ""),
])
def test_html_to_text(html: str, text: str) -> None:
    assert html_to_text(html) == text


@pytest.mark.parametrize("xml,text", [
    ("<html xmlns='http://www.w3.org/1999/xhtml'><head><title>T</title></head><body><p>a <em>b</em>\n c</p>"
     "<p>d</p><!-- note --></body></html>", "a b c\nd"),
    ("<body><h2>Sub</h2><p>x</p><ul><li>1</li><li>2</li></ul></body>", "Sub\nx\n1\n2"),
    ("<div>tail <br/>after</div>", "tail\nafter"),
])
def test_element_text(xml: str, text: str) -> None:
    assert element_text(fromstring(xml)) == text


@pytest.mark.parametrize("body,title,expected", [
    ("Headline\nText.", "Headline | Site", "Text."),
    ("Civilians flee\nText.", "Civilians flee Homs as rebels push", "Text."),
    ("Text.\nMore.", "Headline", "Text.\nMore."),
    ("Headline", "Headline", "Headline"),  # never empties a body
    ("Headline\nText.", None, "Headline\nText."),
])
def test_without_heading(body: str, title: str | None, expected: str) -> None:
    assert without_heading(body, title) == expected
