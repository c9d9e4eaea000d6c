"""Feed entries with only a summary take their text from a local HTML copy, never the network."""

import re
from pathlib import Path

import pytest

from services.ingest.exceptions import BadRecordError, LocalPageError
from services.ingest.feeds import read_feed
from services.ingest.sources import LocalPages

PAGE = ("<html><head><link rel='canonical' href='https://site.example/a'></head><body>"
        "<nav>Home | World | Sport | Subscribe | Log in</nav><article><h1>Headline</h1>"
        + "".join(f"<p>Paragraph {n} of the article says something worth reading about the news.</p>"
                  for n in range(1, 6))
        + "</article><footer>Copyright. All rights reserved.</footer></body></html>")


def _feed(link: str, *, content: str = "") -> str:
    return (f"<rss version='2.0'><channel><title>Site</title><item><title>T</title><link>{link}</link>"
            f"<description>The summary.</description>{content}</item></channel></rss>")


@pytest.mark.parametrize("link", ["pages/a.html", "./pages/a.html", "file:pages/a.html"])
def test_a_relative_link_to_a_local_copy_gives_the_page_text(tmp_path: Path, link: str) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.html").write_text(PAGE, encoding="utf-8")
    [article] = read_feed(_feed(link), where="f.rss", load_page=LocalPages(tmp_path))
    assert article.body.splitlines()[0] == "Paragraph 1 of the article says something worth reading about the news."
    assert len(article.body.splitlines()) == 5 and "Subscribe" not in article.body
    assert article.url == "https://site.example/a"  # the page's canonical URL


def test_an_absolute_file_url_inside_the_folder_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    assert LocalPages(tmp_path)((tmp_path / "a.html").as_uri()) == PAGE
    [article] = read_feed(_feed((tmp_path / "a.html").as_uri()), where="f.rss", load_page=LocalPages(tmp_path))
    assert article.url == "https://site.example/a"


@pytest.mark.parametrize("link", ["https://site.example/a", "http://site.example/a", "//site.example/a",
                                  "urn:x:1", "mailto:desk@site.example"])
def test_network_links_are_never_fetched(tmp_path: Path, link: str) -> None:
    assert LocalPages(tmp_path)(link) is None
    [article] = read_feed(_feed(link), where="f.rss", load_page=LocalPages(tmp_path))
    assert article.body == "The summary."


@pytest.mark.parametrize("link,message", [
    ("../secret.html", "is outside the feed's folder"),
    ("file:///etc/passwd", "is outside the feed's folder"),
    ("file://etc/passwd", "is outside the feed's folder"),  # feedparser's spelling of file:///etc/passwd
    ("pages/none.html", "cannot be read (No such file or directory)"),
])
def test_unusable_local_links_are_refused(tmp_path: Path, link: str, message: str) -> None:
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    (tmp_path / "secret.html").write_text(PAGE)
    with pytest.raises(LocalPageError, match=re.escape(message)):
        LocalPages(feeds)(link)
    [error] = read_feed(_feed(link), where="f.rss", load_page=LocalPages(feeds))
    assert isinstance(error, BadRecordError) and error.where == "f.rss: entry 1" and message in error.reason


def test_a_local_copy_without_article_text_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_text("<html><head><title>Nothing</title></head><body></body></html>")
    [error] = read_feed(_feed("empty.html"), where="f.rss", load_page=LocalPages(tmp_path))
    assert "holds no article text the boilerplate remover could find" in error.reason


def test_full_content_wins_over_the_local_copy(tmp_path: Path) -> None:
    content = "<content:encoded xmlns:content='http://purl.org/rss/1.0/modules/content/'>&lt;p&gt;Full.&lt;/p&gt;</content:encoded>"
    feed = _feed("pages/a.html", content=content).replace("<rss version='2.0'>",
                                                          "<rss version='2.0' xmlns:content='http://purl.org/rss/1.0/modules/content/'>")
    [article] = read_feed(feed, where="f.rss", load_page=LocalPages(tmp_path))
    assert article.body == "Full."


def test_without_a_loader_an_entry_keeps_its_summary() -> None:
    [article] = read_feed(_feed("pages/a.html"), where="f.rss")
    assert article.body == "The summary."
