"""Settings read from the environment: the values docker-compose and shells actually pass."""

from pathlib import Path

import pytest

from wirecheck.settings import Settings


@pytest.mark.parametrize("value", ["", "  "])
def test_an_empty_feeds_variable_means_no_feeds(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("WIRECHECK_FEEDS", value)
    assert Settings().feeds_file is None


def test_a_feeds_variable_names_the_feeds_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIRECHECK_FEEDS", "/feeds/feeds.toml")
    assert Settings().feeds_file == Path("/feeds/feeds.toml")
