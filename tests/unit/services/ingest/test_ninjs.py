"""ninjs 1.x and 2.x items → RawArticle fields, and the items that cannot be articles."""

import re

import pytest

from services.ingest.ninjs import looks_like_ninjs, ninjs_fields


@pytest.mark.parametrize("record,expected", [
    ({"uri": "u", "body_text": "x"}, True),
    ({"guid": "g", "headline": "h"}, True),
    ({"headlines": [], "bodies": []}, True),  # no uri: read as ninjs, refused for it by ninjs_fields
    ({"uri": "u", "body": "x"}, False),  # our JSON-lines shape
    ({"source": "A", "title": "t"}, False),
])
def test_looks_like_ninjs(record: dict, expected: bool) -> None:
    assert looks_like_ninjs(record) is expected


@pytest.mark.parametrize("item,field,value", [
    # 1.x names
    ({"headline": "H1", "body_text": "t"}, "title", "H1"),
    ({"byline": "By A", "body_text": "t"}, "byline", "By A"),
    ({"body_html": "<p>a &amp; b</p><p>c&nbsp;d</p>"}, "body", "a & b\nc d"),
    ({"body_text": "plain", "body_html": "<p>html</p>"}, "body", "plain"),  # body_text wins
    # 2.x names
    ({"headlines": [{"role": "short", "value": "S"}, {"role": "main", "value": "M"}], "body_text": "t"}, "title", "M"),
    ({"headlines": [{"value": "Only"}], "body_text": "t"}, "title", "Only"),
    ({"by": "B", "body_text": "t"}, "byline", "B"),
    ({"bodies": [{"role": "main", "contenttype": "text/plain", "value": "a <b> stays"}]}, "body", "a <b> stays"),
    ({"bodies": [{"contenttype": "text/html", "value": "<p>x</p><p>y</p>"}]}, "body", "x\ny"),
    ({"bodies": [{"role": "summary", "value": "s"}, {"role": "main", "value": "m"}]}, "body", "m"),
    # versions and times
    ({"version": 7, "body_text": "t"}, "version", "7"),  # a number is accepted as text, validated later
    ({"firstcreated": "2024-12-06T08:00:00Z", "body_text": "t"}, "published", "2024-12-06T08:00:00Z"),
    ({"versioncreated": "2024-12-06T09:00:00Z", "firstcreated": "2024-12-06T08:00:00Z", "body_text": "t"},
     "published", "2024-12-06T09:00:00Z"),
    # provenance
    ({"copyrightholder": "C", "body_text": "t"}, "source", "C"),
    ({"infosource": [{"name": "W", "rel": "originating"}], "body_text": "t"}, "credit", "W"),
    ({"infosources": [{"name": "W", "role": "isrol:originating"}, {"name": "D", "role": "isrol:distributing"}],
      "copyrightholder": "C", "body_text": "t"}, "source", "D"),
    ({"body_text": "t"}, "source", None),
])
def test_ninjs_fields(item: dict, field: str, value: object) -> None:
    assert ninjs_fields({"uri": "urn:x:1", **item})[field] == value


@pytest.mark.parametrize("item,message", [
    ({"body_text": "t"}, "has no 'uri' (or 'guid')"),
    ({"uri": "u", "headline": "no body"}, "u has no body_text, body_html or bodies"),
    ({"uri": "u", "type": "video", "body_text": "t"}, "is a ninjs 'video' item, not text"),
    ({"uri": "u", "pubstatus": "withheld", "body_text": "t"}, "has pubstatus 'withheld'"),
    ({"uri": "u", "bodies": ["just a string"]}, "'bodies' must be a list of objects"),
    ({"uri": "u", "body_text": "t", "infosources": {"name": "x"}}, "'infosources' must be a list of objects"),
])
def test_items_that_cannot_be_articles_say_why(item: dict, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        ninjs_fields(item)
