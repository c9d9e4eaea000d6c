"""Reading plain text with front matter, JSON lines and RSS/Atom into RawArticle records."""

from datetime import datetime, timezone

import pytest

from services.ingest.exceptions import BadRecordError
from services.ingest.formats import detect_format, html_to_text, read_articles

FRONT = """---
title: Rebels near Homs
source: Reuters
url: https://x.example/1
published: 2024-12-06T08:10:00Z
byline: Staff
credit: Reuters
---
BEIRUT (Reuters) - Rebels advanced.
Second paragraph.
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Cedar News</title>
<item><title>One &amp; two</title><link>https://cedar.example/1</link>
<pubDate>Fri, 06 Dec 2024 13:05:00 GMT</pubDate>
<description><![CDATA[<p>First <b>para</b> &amp; more.</p><script>alert(1)</script><p>Second.</p>]]></description></item>
<item><title>Empty</title><link>https://cedar.example/2</link><description></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Northern Chronicle</title>
<entry><title>Homs braces</title><link href="https://nc.example/a"/><updated>2024-12-06T11:20:00Z</updated>
<author><name>Tom Ashworth</name></author><content type="html">&lt;p&gt;Rebels took Rastan.&lt;/p&gt;</content></entry>
</feed>"""


@pytest.mark.parametrize("text,expected", [
    (FRONT, "text"), ("plain words", "text"), ('{"body": "x"}', "jsonl"), (RSS, "feed"),
    (ATOM, "feed"), ("\ufeff  <rss></rss>", "feed"), ("", "text"),
])
def test_detect_format_from_content(text: str, expected: str) -> None:
    assert detect_format(text) == expected


def test_front_matter_gives_metadata_and_body() -> None:
    [article] = read_articles(FRONT, where="f.txt")
    assert article.source == "Reuters" and article.credit == "Reuters" and article.byline == "Staff"
    assert article.url == "https://x.example/1" and article.title == "Rebels near Homs"
    assert article.published == datetime(2024, 12, 6, 8, 10, tzinfo=timezone.utc)
    assert article.body == "BEIRUT (Reuters) - Rebels advanced.\nSecond paragraph."


def test_plain_text_without_front_matter_is_all_body() -> None:
    [article] = read_articles("SYRIA—A nation.\n---\nmore", where="f.txt")
    assert article.body == "SYRIA—A nation.\n---\nmore" and article.source is None


@pytest.mark.parametrize("header,message", [
    ("colour: blue", "line 2 'colour: blue' is not 'key: value'"),
    ("title Rebels", "is not 'key: value'"),
])
def test_bad_front_matter_is_refused_with_the_line(header: str, message: str) -> None:
    [error] = read_articles(f"---\n{header}\n---\nbody", where="f.txt")
    assert isinstance(error, BadRecordError) and error.where == "f.txt" and message in error.reason


def test_bad_published_date_is_refused() -> None:
    [error] = read_articles("---\npublished: yesterday\n---\nbody", where="f.txt")
    assert isinstance(error, BadRecordError) and "published" in error.reason


def test_json_lines_bad_lines_do_not_stop_the_rest() -> None:
    text = "\n".join([
        '{"source": "A", "body": "one"}',
        "{broken",
        "[1]",
        '{"source": "B", "body": "two", "colour": "red"}',
        '{"source": "C", "body": "three", "published": "2024-12-06T10:00:00+01:00"}',
    ])
    items = list(read_articles(text, where="feed.jsonl"))
    assert [getattr(i, "source", None) for i in items] == ["A", None, None, None, "C"]
    errors = [i for i in items if isinstance(i, BadRecordError)]
    assert [e.where for e in errors] == ["feed.jsonl:2", "feed.jsonl:3", "feed.jsonl:4"]
    assert "not valid JSON" in errors[0].reason
    assert "expected a JSON object, found list" in errors[1].reason
    assert "colour" in errors[2].reason
    assert items[4].published == datetime(2024, 12, 6, 9, 0, tzinfo=timezone.utc)


def test_rss_entries_become_articles_with_text_not_markup() -> None:
    first, second = read_articles(RSS, where="cedar.xml")
    assert first.source == "Cedar News" and first.title == "One & two"
    assert first.url == "https://cedar.example/1"
    assert first.published == datetime(2024, 12, 6, 13, 5, tzinfo=timezone.utc)
    assert first.body == "First para & more.\nSecond."
    assert second.body == "" and second.published is None


def test_atom_entry() -> None:
    [entry] = read_articles(ATOM, where="nc.xml")
    assert (entry.source, entry.byline, entry.url) == ("Northern Chronicle", "Tom Ashworth", "https://nc.example/a")
    assert entry.body == "Rebels took Rastan."


@pytest.mark.parametrize("feed", ["<?xml version='1.0'?><rss>&&&<<<", "<?xml version='1.0'?><rss><channel><title>x"])
def test_unreadable_feed_is_refused(feed: str) -> None:
    [error] = read_articles(feed, where="bad.xml")
    assert isinstance(error, BadRecordError) and "not a readable RSS/Atom feed" in error.reason


@pytest.mark.parametrize("html,text", [
    ("<p>a</p><p>b</p>", "a\nb"),
    ("x<br>y", "x\ny"),
    ("<p>  spaced   out </p>", "spaced out"),
    ("<style>p{}</style><p>kept</p>", "kept"),
    ("<img src=x onerror=alert(1)>caption", "caption"),
])
def test_html_to_text(html: str, text: str) -> None:
    assert html_to_text(html) == text
