"""Hostile XML is refused before anything is expanded or fetched, with an error that says why."""

from pathlib import Path

import pytest

from services.ingest.exceptions import BadRecordError, UnsafeXmlError
from services.ingest.formats import read_articles
from services.ingest.safe_xml import check_xml_safe, parse_xml
from services.ingest.sources import read_file

FEEDS = Path(__file__).resolve().parents[4] / "tests" / "fixtures" / "feeds"

XXE = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
       "{root}&secret;{end}")
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
          '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>{root}&c;{end}')
NEWSML = ("<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/' guid='g' version='1'><contentSet>"
          "<inlineData contenttype='text/plain'>", "</inlineData></contentSet></newsItem>")
RSS = ("<rss version='2.0'><channel><title>T</title><item><link>https://x.example/1</link><description>",
       "</description></item></channel></rss>")


@pytest.mark.parametrize("relative,reason", [
    ("hostile/xxe-newsml.xml", "declares the external entity 'secret' (SYSTEM 'file:///etc/passwd'); "
                               "external entities are never resolved"),
    ("hostile/billion-laughs.rss", "declares the entity 'lol'; entity declarations are refused because they "
                                   "allow entity-expansion attacks (billion laughs)"),
])
def test_hostile_fixtures_are_refused_as_one_bad_record(relative: str, reason: str) -> None:
    [error] = read_file(FEEDS / relative)
    assert isinstance(error, UnsafeXmlError) and error.where == str(FEEDS / relative)
    assert reason in error.reason and error.reason.startswith("refused unsafe XML")


@pytest.mark.parametrize("attack", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
@pytest.mark.parametrize("wrapper", [NEWSML, RSS], ids=["newsml", "rss"])
def test_both_attacks_are_refused_in_both_xml_formats(attack: str, wrapper: tuple[str, str]) -> None:
    text = attack.format(root=wrapper[0], end=wrapper[1])
    [error] = read_articles(text, where="in.xml")
    assert isinstance(error, UnsafeXmlError) and "refused unsafe XML" in error.reason
    assert "root:" not in str(error) and "aaaaaaaaaaaaaaaaaaaa" not in str(error)  # nothing was expanded


def test_a_malformed_document_declaring_entities_is_still_refused_as_unsafe() -> None:
    text = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x "y"> <<<broken'
    with pytest.raises(UnsafeXmlError, match="declares the entity"):
        parse_xml(text, where="w")


@pytest.mark.parametrize("text", [
    "<rss version='0.91'><channel><title>ok</title></channel></rss>",
    '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
    '"http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"/>',
    "<rss><channel><title>unclosed",  # malformed but harmless: left to feedparser's lenient reader
])
def test_safe_documents_pass_the_check(text: str) -> None:
    check_xml_safe(text, where="w")


def test_malformed_xml_is_a_bad_record_naming_the_fault() -> None:
    with pytest.raises(BadRecordError, match=r"^w: not well-formed XML \(mismatched tag"):
        parse_xml("<a><b></a>", where="w")
