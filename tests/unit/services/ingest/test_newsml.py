"""NewsML-G2 items → RawArticle records: the parts of an item, and the items that cannot be articles."""

import pytest

from services.ingest.exceptions import BadRecordError
from services.ingest.newsml import read_newsml

NAR = "http://iptc.org/std/nar/2006-10-01/"


def _item(inner: str, *, guid: str = "urn:g:1", version: str = "1") -> str:
    return f"<newsItem xmlns='{NAR}' guid='{guid}' version='{version}'>{inner}</newsItem>"


BODY = "<contentSet><inlineData contenttype='text/plain'>Body text.</inlineData></contentSet>"


@pytest.mark.parametrize("inner,field,value", [
    ("<itemMeta><provider literal='Lit'/></itemMeta>" + BODY, "source", "Lit"),
    ("<itemMeta><provider qcode='nprov:QC'/></itemMeta>" + BODY, "source", "QC"),
    ("<contentMeta><infoSource role='isrol:originating'><name>Orig</name></infoSource></contentMeta>" + BODY,
     "credit", "Orig"),
    ("<contentMeta><creditline>CL</creditline><infoSource role='isrol:originating' literal='O'/></contentMeta>"
     + BODY, "credit", "CL"),
    ("<contentMeta><located qcode='geo:beirut'/></contentMeta>" + BODY, "located", "beirut"),
    ("<itemMeta><title>Slug</title></itemMeta>" + BODY, "title", "Slug"),  # no headline: the item title
    ("<contentMeta><headline>A <i>styled</i>\n headline</headline></contentMeta>" + BODY, "title",
     "A styled headline"),
    ("<rightsInfo><usageTerms>Terms</usageTerms></rightsInfo>" + BODY, "usage_terms", "Terms"),
    (BODY, "body", "Body text."),
    ("<contentSet><inlineXML><html xmlns='http://www.w3.org/1999/xhtml'><body><p>a</p><ul><li>b</li></ul>"
     "<script>x()</script></body></html></inlineXML></contentSet>", "body", "a\nb"),
])
def test_item_parts(inner: str, field: str, value: str) -> None:
    [article] = read_newsml(_item(inner), where="i.xml")
    assert getattr(article, field) == value


def test_an_item_without_namespace_is_read_too() -> None:
    [article] = read_newsml("<newsItem guid='g' version='3'><contentSet><inlineData>T</inlineData>"
                            "</contentSet></newsItem>", where="i.xml")
    assert (article.original_id, article.version, article.body) == ("g", 3, "T")


@pytest.mark.parametrize("text,where,message", [
    (_item(BODY, guid=""), "i.xml", "the newsItem has no guid"),
    (_item("<contentMeta><headline>H</headline></contentMeta>"), "i.xml",
     "urn:g:1 has no contentSet/inlineXML or inlineData body (remote content is never fetched)"),
    (_item("<itemMeta><pubStatus qcode='stat:canceled'/></itemMeta>" + BODY), "i.xml",
     "urn:g:1 has pubStatus 'canceled'; it is not for publication"),
    (_item(BODY, version="v2"), "i.xml", "version: Input should be a valid integer"),
    (f"<packageItem xmlns='{NAR}'/>", "i.xml", "the root element <packageItem> is not a NewsML-G2 newsItem"),
    (_item(BODY)[:-5], "i.xml", "not well-formed XML"),
])
def test_items_that_cannot_be_articles_say_why(text: str, where: str, message: str) -> None:
    [error] = read_newsml(text, where="i.xml")
    assert isinstance(error, BadRecordError) and error.where == where and message in error.reason


def test_a_bad_item_in_a_message_does_not_stop_the_others() -> None:
    message = (f"<newsMessage xmlns='{NAR}'><itemSet>" + _item(BODY, guid="a") + _item("", guid="b")
               + _item(BODY, guid="c") + "</itemSet></newsMessage>")
    first, bad, third = read_newsml(message, where="m.xml")
    assert (first.original_id, third.original_id) == ("a", "c")
    assert bad.where == "m.xml: newsItem 2" and b"guid=\"b\"" in bad.raw
