"""How the extraction benchmark turns wirecheck's claims into predictions for PolNeAR."""

from bench.extract import _predicted_statements

BODY = "“We will rebuild,” Mayor Jane Roe said on Friday. “It will take years, but we will do it.”"


def test_a_continuation_quote_is_joined_to_the_quote_before_it() -> None:
    [joined] = _predicted_statements(BODY, "t")
    assert BODY[joined["span"][0]:joined["span"][1]] == (
        "We will rebuild,” Mayor Jane Roe said on Friday. “It will take years, but we will do it")
    assert joined["name"] == "Jane Roe"


def test_without_joining_every_quoted_stretch_is_a_prediction() -> None:
    first, second = _predicted_statements(BODY, "t", join_continuations=False)
    assert BODY[first["span"][0]:first["span"][1]] == "We will rebuild"
    assert BODY[second["span"][0]:second["span"][1]] == "It will take years, but we will do it"
