"""Reading every input format into RawArticle records: detection, decoding, exact fields per format."""

import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from services.ingest.exceptions import BadRecordError
from services.ingest.formats import RawArticle, decode_input, detect_format, html_to_text, read_articles
from services.ingest.sources import expand_paths, read_file

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


# -- the formats of issue #8, read from the feeds written for the tests ---------------------------

FEEDS = Path(__file__).resolve().parents[4] / "tests" / "fixtures" / "feeds"
UTC = timezone.utc
PLUS2 = timezone(timedelta(hours=2))


def _articles(relative: str) -> list:
    return list(read_file(FEEDS / relative))


@pytest.mark.parametrize("relative,expected", [
    ("ninjs/meridian-homs-v1.json", "ninjs"),
    ("ninjs/harbour-1x.jsonl", "ninjs"),
    ("jsonl/dispatches.jsonl", "jsonl"),
    ("newsml/lpa-homs.xml", "newsml"),
    ("newsml/ipa-message-cp1252.xml", "newsml"),
    ("rss/cedar-latin1.rss", "feed"),
    ("atom/chronicle.atom", "feed"),
    ("rss/pages/homs-exodus.html", "html"),
    ("text/courier.txt", "text"),
    ("hostile/xxe-newsml.xml", "newsml"),
    ("hostile/billion-laughs.rss", "feed"),
])
def test_every_fixture_format_is_told_from_its_content(relative: str, expected: str) -> None:
    assert detect_format(decode_input((FEEDS / relative).read_bytes())) == expected


@pytest.mark.parametrize("text,expected", [
    ("<!-- a comment --><newsItem xmlns='http://iptc.org/std/nar/2006-10-01/'/>", "newsml"),
    ("<?xml version='1.0'?>\n<!DOCTYPE x><nar:newsMessage xmlns:nar='n'/>", "newsml"),
    ("<!DOCTYPE html><html><body>x</body></html>", "html"),
    ("<rdf:RDF xmlns:rdf='r'><channel/></rdf:RDF>", "feed"),
    ('[{"uri": "u", "body_text": "t"}]', "ninjs"),
    ('{\n  "headline": "h",\n  "body_text": "t"\n}', "ninjs"),
    ('{"body": "b", "uri": "u"}', "jsonl"),  # our own shape wins when it has a body
    ("<p>a fragment</p>", "feed"),  # unknown XML goes to feedparser, which names the fault
])
def test_detect_format_edge_cases(text: str, expected: str) -> None:
    assert detect_format(text) == expected


# One row per article: file, position among the file's results, and the exact fields expected.
FIELDS = [
    ("ninjs/meridian-homs-v1.json", 0, dict(
        where="ninjs/meridian-homs-v1.json", title="Rebels reach outskirts of Homs",
        body=("BEIRUT, Dec 6 (Meridian) — Rebels reached the northern outskirts of Homs on Friday, the "
              "Syrian Observatory for Human Rights said.\n“They are five kilometres from the city,” Rami "
              "Abdel Rahman, head of the Observatory, said. Residents & officials fled south."),
        source="Meridian Wire", credit="Meridian Wire", byline="Lina Haddad", dateline=None,
        located="Beirut", original_id="urn:meridianwire:2024-12-06:homs-advance", version=1,
        published=datetime(2024, 12, 6, 7, 45, tzinfo=UTC), first_published=datetime(2024, 12, 6, 7, 45, tzinfo=UTC),
        copyright_holder="Meridian Wire", usage_terms="Subscribers only; no archiving", url=None,
        info_sources=(("Meridian Wire", "originating"), ("Syrian Observatory for Human Rights", "infoprovider")))),
    ("ninjs/meridian-homs-v2.json", 0, dict(
        title="UPDATE 1-Rebels reach outskirts of Homs, thousands flee", version=1 + 1,
        original_id="urn:meridianwire:2024-12-06:homs-advance",
        published=datetime(2024, 12, 6, 9, 30, tzinfo=UTC), first_published=datetime(2024, 12, 6, 7, 45, tzinfo=UTC))),
    ("ninjs/harbour-1x.jsonl", 0, dict(
        where="ninjs/harbour-1x.jsonl:1", title="Hama residents return as front moves south",
        body=("HAMA, Syria (Harbour Press) - Families began returning to Hama on Friday.\n\n"
              "Shops reopened in the old city, residents said."),
        byline="By Omar Khalil", located="Hama", version=3, copyright_holder="Harbour Press",
        usage_terms="Editorial use only", source="Gulf Wire Service", credit="Harbour Press",
        original_id="http://harbourpress.example/items/2024/12/06/hama-1",
        published=datetime(2024, 12, 6, 11, 2, tzinfo=PLUS2), first_published=datetime(2024, 12, 6, 8, 15, tzinfo=PLUS2),
        info_sources=(("Harbour Press", "originating"), ("Gulf Wire Service", "distributing")))),
    ("ninjs/harbour-1x.jsonl", 1, dict(  # body_html with a named entity and a script; no dates, no source
        where="ninjs/harbour-1x.jsonl:2", title="Aleppo airport closed",
        body="ALEPPO (Harbour Press) – The airport stayed closed on Friday.", published=None,
        first_published=None, version=None, source=None, credit=None, info_sources=())),
    ("newsml/lpa-homs.xml", 0, dict(
        where="newsml/lpa-homs.xml", title="Civilians flee Homs & Hama as rebels push south",
        body=("HOMS, Syria, Dec 6 (LPA) — Thousands of civilians fled Homs on Friday as rebel fighters "
              "advanced from the north, residents said.\nTraffic on the M5 highway was \"bumper to bumper\" "
              "& slow, one driver said.\nThe army said it had reinforced its positions."),
        byline="Maya Saleh", dateline="HOMS, Syria, Dec 6 (LPA)", located="Homs", source="Levant Press Agency",
        credit="LPA", original_id="urn:newsml:lpa.example:20241206:homs-civilians", version=1,
        published=datetime(2024, 12, 6, 10, 20, tzinfo=PLUS2), copyright_holder="Levant Press Agency",
        usage_terms="Not for redistribution outside subscriber sites.", url=None,
        info_sources=(("Levant Press Agency", "originating"), ("Gulf Wire Service", "distributing")))),
    ("newsml/ipa-message-cp1252.xml", 0, dict(  # windows-1252 bytes; no firstCreated
        where="newsml/ipa-message-cp1252.xml: newsItem 1", title="Homs cafés close as fighting nears",
        body="Café owners in Homs shut their doors on Friday, saying “it’s too dangerous” to stay open.",
        byline="José Ibáñez", dateline="HOMS, Dec 6 (IPA)", source="Iberian Press Agency",
        credit="Iberian Press Agency", original_id="urn:newsml:ipa.example:20241206:homs-cafés", version=1,
        published=datetime(2024, 12, 6, 13, 0, tzinfo=UTC), first_published=None, located=None)),
    ("newsml/ipa-message-cp1252.xml", 1, dict(
        where="newsml/ipa-message-cp1252.xml: newsItem 2", version=2,
        title="CORRECTED-Homs cafés close as fighting nears",
        body=("Café owners in Homs shut their doors on Friday, saying “it’s too dangerous” to stay open.\n"
              "(Corrects day in first paragraph; prices were €2, not €20.)"),
        original_id="urn:newsml:ipa.example:20241206:homs-cafés",
        published=datetime(2024, 12, 6, 14, 10, tzinfo=UTC), first_published=datetime(2024, 12, 6, 13, 0, tzinfo=UTC))),
    ("rss/cedar-latin1.rss", 0, dict(  # ISO-8859-1 bytes, CDATA content with entities and a script
        where="rss/cedar-latin1.rss: entry 1", title="Rebels take Rastan & Talbisseh",
        body="Rebels captured Rastan & Talbisseh on Friday, the agency reported.\n“The road to Homs is open,” a commander said.",
        source="Cedar News", credit="Levant Press Agency", byline="Nadia Faïd",
        url="https://cedar.example/2024/12/06/rastan", original_id="https://cedar.example/2024/12/06/rastan",
        published=datetime(2024, 12, 6, 7, 5, tzinfo=UTC), version=None)),
    ("rss/cedar-latin1.rss", 1, dict(  # summary only + a relative link to the local copy: page text, boilerplate gone
        where="rss/cedar-latin1.rss: entry 2", title="Homs residents head for the coast",
        body=("Thousands of residents left Homs on Friday, driving west towards the coast as rebel fighters "
              "approached the city from the north, witnesses said.\nQueues of cars stretched for several "
              "kilometres along the highway to Tartus, and petrol stations ran dry by the afternoon, according "
              "to drivers who spoke to Cedar News by phone.\n“We took only our papers and some bread,” said "
              "Hala, a teacher who left with her two children. “Nobody knows what tomorrow brings.”\nThe Syrian "
              "Observatory for Human Rights said rebels were five kilometres from the outskirts of Homs, the "
              "country’s third-largest city."),
        url="https://cedar.example/2024/12/06/homs-exodus", original_id="cedar-2024-12-06-0007",
        byline="Karim Saïd", published=datetime(2024, 12, 6, 11, 40, tzinfo=UTC), credit=None)),
    ("rss/cedar-latin1.rss", 2, dict(  # summary only, a network link: never fetched; no date, no guid
        title="Aleppo airport stays shut", body="Flights to Aleppo remain suspended, the café owners' union said & more.",
        url="https://cedar.example/2024/12/06/aleppo-airport", original_id=None, published=None)),
    ("atom/chronicle.atom", 0, dict(
        where="atom/chronicle.atom: entry 1", title="Homs braces & waits", source="Northern Chronicle",
        body="Rebels took Rastan, the Observatory said.\nHoms is next.", byline="Tom Ashworth",
        original_id="tag:chronicle.example,2024-12-06:homs-braces", url="https://chronicle.example/world/homs-braces",
        published=datetime(2024, 12, 6, 11, 20, tzinfo=UTC))),
    ("atom/chronicle.atom", 1, dict(
        title="Undated brief", body="Plain text content, no date at all < and > kept.", published=None, byline=None)),
    ("jsonl/dispatches.jsonl", 0, dict(
        where="jsonl/dispatches.jsonl:1", source="Levant Dispatch", credit="Meridian Wire", dateline="HOMS, Dec 6",
        published=datetime(2024, 12, 6, 9, 0, tzinfo=UTC), version=None, original_id=None)),
    ("jsonl/dispatches.jsonl", 1, dict(where="jsonl/dispatches.jsonl:2", original_id="levant-4411", version=2)),
    ("text/courier.txt", 0, dict(
        where="text/courier.txt", source="Daily Courier", title="Homs braces for rebel advance", dateline="LONDON",
        body='Rebel forces moved closer to Homs on Friday, according to monitors.\n"We are leaving while we can," one resident said.',
        published=datetime(2024, 12, 6, 12, 0, tzinfo=UTC))),
]


@pytest.mark.parametrize("relative,position,expected", FIELDS, ids=[f"{r}#{i}" for r, i, _ in FIELDS])
def test_each_format_gives_the_exact_fields(relative: str, position: int, expected: dict) -> None:
    article = _articles(relative)[position]
    assert isinstance(article, RawArticle), article
    actual = article.model_dump()
    actual["where"] = actual["where"].removeprefix(f"{FEEDS}/")
    actual["info_sources"] = tuple((s["name"], s["role"]) for s in actual["info_sources"])
    assert {key: actual[key] for key in expected} == expected


@pytest.mark.parametrize("relative,errors", [
    ("ninjs/harbour-1x.jsonl", [
        (":3", "ninjs 'picture' item, not text"),
        (":4", "has no 'uri' (or 'guid')"),
        (":5", "has pubstatus 'canceled'; it is not for publication"),
    ]),
    ("newsml/ipa-message-cp1252.xml", [(": newsItem 3", "is a 'picture' item, not text")]),
    ("rss/cedar-latin1.rss", [
        (": entry 4", "the local copy file:pages/missing.html cannot be read (No such file or directory)"),
        (": entry 5", "../../../../etc/passwd is outside the feed's folder"),
    ]),
])
def test_bad_records_are_named_and_the_rest_still_read(relative: str, errors: list) -> None:
    items = _articles(relative)
    found = [(e.where.removeprefix(str(FEEDS / relative)), e.reason) for e in items if isinstance(e, BadRecordError)]
    assert [w for w, _ in found] == [w for w, _ in errors]
    for (_, reason), (_, expected) in zip(found, errors):
        assert expected in reason
    assert any(isinstance(i, RawArticle) for i in items)


@pytest.mark.parametrize("data,text", [
    (b'<?xml version="1.0" encoding="ISO-8859-1"?><a>caf\xe9</a>', "café"),
    (b"<?xml version='1.0' encoding='windows-1252'?><a>\x93q\x94 \x80</a>", "“q” €"),
    (b'<!DOCTYPE html><html><head><meta charset="windows-1252"></head><body>\x92</body></html>', "’"),
    ("\ufeffplain text".encode("utf-8"), "plain text"),
    ("<a>x</a>".encode("utf-16"), "<a>x</a>"),
    (b"no declaration \xc3\xa9", "no declaration é"),
    (b'<rss><![CDATA[<meta charset="latin-1">]]> \xc3\xa9</rss>', "]]> é"),  # a charset in a feed's content is no declaration
])
def test_decode_input_honours_the_declared_encoding(data: bytes, text: str) -> None:
    assert text in decode_input(data)


@pytest.mark.parametrize("data,message", [
    (b"plain \xe9t\xe9", "is not UTF-8 text (byte 6: invalid continuation byte)"),
    (b'<?xml version="1.0" encoding="utf-8"?><a>\xff</a>', "is not utf-8 text as it declares"),
    (b'<?xml version="1.0" encoding="klingon-8"?><a/>', "declares the encoding 'klingon-8', which is unknown"),
])
def test_undecodable_input_is_refused_with_the_reason(data: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        decode_input(data)


def test_a_file_that_cannot_be_decoded_is_one_bad_record(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_bytes(b'<?xml version="1.0" encoding="utf-8"?><rss>\xff</rss>')
    [error] = read_file(path)
    assert isinstance(error, BadRecordError) and error.where == str(path)
    assert "is not utf-8 text as it declares (byte" in error.reason


def test_a_pretty_printed_json_array_of_ninjs_items_is_read_item_by_item() -> None:
    text = json.dumps([{"uri": "u:1", "body_text": "One."}, [], {"uri": "u:2", "body_text": "Two."}], indent=2)
    first, bad, second = read_articles(text, where="items.json")
    assert (first.original_id, second.original_id) == ("u:1", "u:2")
    assert (bad.where, bad.reason) == ("items.json: item 2", "expected a JSON object, found list")


def test_a_single_line_json_record_keeps_its_line_number() -> None:
    [error] = read_articles('{"source": "A", "body": "x", "colour": "red"}', where="one.jsonl")
    assert error.where == "one.jsonl:1"


def test_front_matter_takes_the_provenance_keys() -> None:
    [article] = read_articles("---\nsource: A\noriginal_id: a-1\nversion: 4\nlocated: Hama\n---\nText.", where="f.txt")
    assert (article.original_id, article.version, article.located) == ("a-1", 4, "Hama")


def test_folder_walks_skip_the_local_html_copies_but_named_pages_are_read(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.html").write_text("<html></html>")
    (tmp_path / "feed.rss").write_text("<rss/>")
    assert expand_paths([str(tmp_path)]) == [tmp_path / "feed.rss"]
    assert expand_paths([str(tmp_path / "pages" / "a.html")]) == [tmp_path / "pages" / "a.html"]


def test_an_html_page_given_by_name_is_an_article_of_its_site() -> None:
    [page] = _articles("rss/pages/homs-exodus.html")
    assert (page.source, page.url, page.title) == (
        "Cedar News", "https://cedar.example/2024/12/06/homs-exodus", "Homs residents head for the coast")
    assert page.body.startswith("Thousands of residents left Homs on Friday")
    assert "cookies" not in page.body and "Related stories" not in page.body and "rights reserved" not in page.body
