"""The feeds file: validated with pydantic, every bad entry named with its fault, secrets from the environment."""

from pathlib import Path

import pytest

from services.ingest.follow.config import load_feeds
from services.ingest.follow.exceptions import FeedsConfigError

REPO = Path(__file__).resolve().parents[4]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_apply_to_every_feed_and_a_feed_overrides_them(tmp_path: Path) -> None:
    config = load_feeds(_write(tmp_path, """
state_file = "state/feeds.json"
[defaults]
interval_s = 30
timeout_s = 4
[[feeds]]
name = "wire"
url = "https://wire.example/world.atom"
outlet = "Meridian Wire"
[[feeds]]
name = "cedar"
url = "http://cedar.example/rss"
interval_s = 300
content = "links"
format = "rss"
"""))
    wire, cedar = config.feeds
    assert (wire.name, str(wire.url), wire.outlet, wire.interval_s, wire.timeout_s, wire.content) == (
        "wire", "https://wire.example/world.atom", "Meridian Wire", 30.0, 4.0, "full")
    assert (cedar.interval_s, cedar.timeout_s, cedar.content, cedar.format, cedar.outlet) == (
        300.0, 4.0, "links", "rss", None)
    assert config.state_file == tmp_path / "state" / "feeds.json"


def test_every_bad_entry_is_named_with_its_fault(tmp_path: Path) -> None:
    path = _write(tmp_path, """
[[feeds]]
name = "ok"
url = "https://a.example/feed"
[[feeds]]
name = "no-url"
[[feeds]]
name = "ftp"
url = "ftp://b.example/feed"
interval_s = -1
[[feeds]]
name = "ok"
url = "https://c.example/feed"
[[feeds]]
name = "typo"
url = "https://d.example/feed"
intervall_s = 5
""")
    with pytest.raises(FeedsConfigError) as caught:
        load_feeds(path)
    lines = str(caught.value).splitlines()
    assert lines[0] == f"{path}: the feeds configuration has errors:"
    problems = [line.strip() for line in lines[1:]]
    assert problems[0] == "feeds[2] 'no-url': url: Field required"
    assert problems[1].startswith("feeds[3] 'ftp': interval_s: Input should be greater than 0")
    assert problems[2].startswith("feeds[3] 'ftp': url: URL scheme should be 'http' or 'https'")
    assert problems[3] == "feeds[4] 'ok': the name is used by an earlier feed; names must be unique"
    assert problems[4] == "feeds[5] 'typo': intervall_s: Extra inputs are not permitted"
    assert len(problems) == 5


@pytest.mark.parametrize(("text", "fault"), [
    ("", "no [[feeds]] entries: list at least one feed"),
    ("feed = 1\n[[feeds]]\nname='a'\nurl='http://a.example/'", "unknown top-level key 'feed'"),
    ("[defaults]\ncontent = 'summary'\n[[feeds]]\nname='a'\nurl='http://a.example/'",
     "[defaults] content: Input should be 'full' or 'links'"),
    ("[[feeds]]\nname='a b'\nurl='http://a.example/'", "feeds[1] 'a b': name: String should match pattern"),
    ("[[feeds]]\nname='a'\nurl='http://a.example/'\nauth = {header = 'X-Key'}", "feeds[1] 'a': auth.env: Field required"),
])
def test_faults(tmp_path: Path, text: str, fault: str) -> None:
    with pytest.raises(FeedsConfigError, match="errors") as caught:
        load_feeds(_write(tmp_path, text))
    assert fault in str(caught.value)


def test_a_file_that_is_not_toml_says_so(tmp_path: Path) -> None:
    with pytest.raises(FeedsConfigError, match=r"feeds.toml: not valid TOML \(Expected '=' after a key"):
        load_feeds(_write(tmp_path, "[[feeds]]\nname\n"))


def test_the_auth_header_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    [feed] = load_feeds(_write(tmp_path, "[[feeds]]\nname='a'\nurl='http://a.example/'\n"
                                         "auth = {header = 'X-Api-Key', env = 'WIRE_KEY'}\n")).feeds
    monkeypatch.delenv("WIRE_KEY", raising=False)
    with pytest.raises(FeedsConfigError, match="environment variable WIRE_KEY, which is not set"):
        feed.request_headers()
    monkeypatch.setenv("WIRE_KEY", "s3cret")
    assert feed.request_headers() == {"X-Api-Key": "s3cret"}


@pytest.mark.parametrize("sample", sorted(REPO.glob("samples/feeds*.toml")), ids=lambda p: p.name)
def test_the_sample_feeds_files_are_valid(sample: Path) -> None:
    assert load_feeds(sample).feeds
