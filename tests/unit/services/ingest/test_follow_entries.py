"""A fetched feed body → articles: the configured format and outlet, link-only entries and their revisions."""

import pytest

from services.ingest.exceptions import BadRecordError
from services.ingest.follow.config import FeedConfig
from services.ingest.follow.entries import (FeedContentError, LinkedEntry, entry_revision, feed_text,
                                            full_text_articles, linked_article, linked_entries)
from services.ingest.records import RawArticle

RSS = ("<?xml version='1.0' encoding='iso-8859-1'?><rss version='2.0'><channel><title>Wire One</title>"
       "<item><guid>a</guid><title>Caf\xe9</title><link>https://wire.example/a</link>"
       "<description>Summary of a.</description></item>"
       "<item><guid isPermaLink='false'>b</guid><title>No link</title><description>Summary of b.</description></item>"
       "</channel></rss>")
PAGE = ("<html><body><nav>Home | Subscribe</nav><article><h1>Café</h1>"
        "<p>First paragraph of the page, long enough to be kept as the article text by the remover.</p>"
        "<p>Second paragraph of the page, also long enough to be kept as article text by the remover.</p>"
        "</article><footer>All rights reserved.</footer></body></html>")


def _feed(**settings) -> FeedConfig:
    return FeedConfig(name="wire", url="http://wire.example/feed", **settings)


def test_the_body_is_decoded_as_it_declares() -> None:
    assert "Café" in feed_text(RSS.encode("iso-8859-1"), _feed(), where="f")


@pytest.mark.parametrize(("settings", "body", "reason"), [
    ({"format": "ninjs"}, RSS, "the body reads as feed, not ninjs"),
    ({"format": "rss"}, '{"uri": "u", "body_text": "x"}', "the body reads as ninjs, not rss"),
    ({"content": "links"}, "plain words", 'the body reads as text, not an RSS/Atom feed (content = "links")'),
])
def test_a_body_in_another_format_is_refused_whole(settings: dict, body: str, reason: str) -> None:
    with pytest.raises(FeedContentError) as caught:
        feed_text(body.encode("iso-8859-1"), _feed(**settings), where="f")
    assert (caught.value.where, caught.value.reason) == ("f", reason)


def test_bytes_that_are_not_text_are_refused_whole() -> None:
    with pytest.raises(FeedContentError, match=r"^f: the body is not UTF-8 text \(byte 1: invalid"):
        feed_text(b"<\xff\xfe", _feed(), where="f")


def test_the_configured_outlet_is_every_article_s_outlet() -> None:
    text = feed_text(RSS.encode("iso-8859-1"), _feed(outlet="Meridian Wire"), where="f")
    articles = list(full_text_articles(text, _feed(outlet="Meridian Wire"), where="f"))
    assert [(a.source, a.original_id, a.body) for a in articles] == [
        ("Meridian Wire", "a", "Summary of a."), ("Meridian Wire", "b", "Summary of b.")]
    assert [a.source for a in full_text_articles(text, _feed(), where="f")] == ["Wire One", "Wire One"]


def test_an_unreadable_feed_raises_instead_of_yielding_a_record() -> None:
    with pytest.raises(FeedContentError, match="not a readable RSS/Atom feed"):
        list(full_text_articles("<notafeed>&&&</notafeed>", _feed(), where="f"))


def test_link_only_entries_carry_their_link_and_revision_and_an_entry_without_link_is_refused() -> None:
    first, second = linked_entries(RSS, _feed(content="links"), where="f")
    assert isinstance(first, LinkedEntry) and (first.key, first.link, first.outlet) == (
        "a", "https://wire.example/a", "Wire One")
    assert isinstance(second, BadRecordError)
    assert (second.where, second.reason) == ("f: entry 2", "a link-only entry without a link")


@pytest.mark.parametrize(("change", "same"), [
    ({}, True),
    ({"summary": "Corrected summary of a."}, False),
    ({"title": "Café (updated)"}, False),
    ({"updated": "2024-12-06T12:00:00Z"}, False),
    ({"tags": ["x"]}, True),  # not part of what the article is made of
])
def test_an_entry_s_revision_changes_when_it_is_updated_in_place(change: dict, same: bool) -> None:
    entry = {"id": "a", "link": "https://wire.example/a", "title": "Café", "summary": "Summary of a."}
    assert (entry_revision(entry) == entry_revision({**entry, **change})) is same


def test_a_linked_article_takes_the_page_text_and_the_entry_metadata() -> None:
    [entry, _] = linked_entries(RSS, _feed(content="links"), where="f")
    article = linked_article(entry, PAGE, where="f: entry 1")
    assert isinstance(article, RawArticle)
    assert (article.source, article.original_id, article.title, article.url) == (
        "Wire One", "a", "Café", "https://wire.example/a")
    assert article.body.splitlines() == [
        "First paragraph of the page, long enough to be kept as the article text by the remover.",
        "Second paragraph of the page, also long enough to be kept as article text by the remover."]


def test_a_page_without_article_text_is_refused() -> None:
    [entry, _] = linked_entries(RSS, _feed(content="links"), where="f")
    refused = linked_article(entry, "<html><body></body></html>", where="f: entry 1")
    assert isinstance(refused, BadRecordError)
    assert refused.reason == ("the page https://wire.example/a holds no article text the boilerplate "
                              "remover could find")


def test_the_http_charset_decodes_a_body_that_declares_none() -> None:
    body = "<rss version='2.0'><channel><title>Caf\xe9 Wire</title></channel></rss>".encode("iso-8859-1")
    assert "Café Wire" in feed_text(body, _feed(), where="f", charset="iso-8859-1")
    with pytest.raises(FeedContentError, match="is neither UTF-8 nor ascii text as its Content-Type says"):
        feed_text(body, _feed(), where="f", charset="ascii")
