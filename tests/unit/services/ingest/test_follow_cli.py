"""The follow commands refuse a bad feeds file before anything starts, naming every fault."""

import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

from wirecheck.cli import main

BAD = '[[feeds]]\nname = "a"\nurl = "gopher://a.example/"\n[[feeds]]\nname = "b"\n'


@pytest.fixture(autouse=True)
def _signal_handlers_restored():
    """`run` installs its own SIGTERM/SIGINT handlers; give pytest its own back."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


@pytest.mark.parametrize("command", [["ingest", "--follow"], ["run", "ingest", "--feeds"], ["feeds", "check"],
                                     ["feeds", "status"]])
def test_a_bad_feeds_file_is_refused_with_every_fault(tmp_path: Path, command: list[str]) -> None:
    feeds = tmp_path / "feeds.toml"
    feeds.write_text(BAD, encoding="utf-8")
    result = CliRunner().invoke(main, [*command, str(feeds)], env={"WIRECHECK_HOME": str(tmp_path)})
    assert result.exit_code == 1
    assert "feeds[1] 'a': url: URL scheme should be 'http' or 'https'" in result.output
    assert "feeds[2] 'b': url: Field required" in result.output


def test_dry_run_and_follow_do_not_combine(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", "--dry-run", "--follow", str(tmp_path / "f.toml")])
    assert result.exit_code == 2 and "--dry-run and --follow cannot be combined" in result.output


def test_check_lists_the_feeds_of_a_good_file() -> None:
    result = CliRunner().invoke(main, ["feeds", "check", str(Path(__file__).resolve().parents[4] / "samples/feeds.toml")])
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == ("meridian-world: https://wire.example/meridian/world.ninjs "
                                             "(ninjs, full text, every 30 s, outlet Meridian Wire)")
