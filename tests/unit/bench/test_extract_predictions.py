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


def test_a_partly_labelled_text_scores_predictions_of_its_kind_or_at_a_gold_figure() -> None:
    from bench.scoring import scored_figures

    gold = [{"span": (20, 29), "value": 125000.0}]
    year = {"span": (3, 7), "value": 1972.0, "kind": None}  # a year: no spec labels years
    count = {"span": (40, 42), "value": 30.0, "kind": "number"}  # a number in a currency spec
    money = {"span": (20, 29), "value": 125.0, "kind": "money"}  # at the gold figure: judged, wrong value
    dollars = {"span": (50, 55), "value": 5.0, "kind": "money"}  # the spec's kind, not labelled: wrong
    pred = [year, count, money, dollars]
    assert scored_figures(pred, gold, spec_kind="money") == [money, dollars]
    assert scored_figures(pred, gold, spec_kind=None) == pred  # a fully labelled text judges every one


def test_the_halves_of_a_split_quote_are_joined() -> None:
    body = "“We are close,” Mayor Jane Roe said, “and we will not stop until the city is rebuilt.”"
    [joined] = _predicted_statements(body, "t")
    assert body[joined["span"][0]:joined["span"][1]] == (
        "We are close,” Mayor Jane Roe said, “and we will not stop until the city is rebuilt")


def test_a_restatement_in_another_unit_is_a_figure_prediction_of_its_own() -> None:
    from bench.extract import wirecheck_figures

    text = "The point is at 1,500,000 kilometres (930,000 mi) from Earth."
    found = [(text[f["span"][0]:f["span"][1]], f["value"], f["unit"]) for f in wirecheck_figures(text)]
    assert found == [("1,500,000 kilometres (930,000 mi", 1_500_000.0, "km"), ("930,000 mi", 930_000.0, "mi")]


def test_a_continuation_after_a_mixed_quote_is_joined_to_it() -> None:
    body = "The mayor said the bridge “will reopen in May, whatever it costs.” “We have the money and the crews.”"
    [joined] = _predicted_statements(body, "t")
    assert body[joined["span"][0]:joined["span"][1]] == (
        "will reopen in May, whatever it costs.” “We have the money and the crews")
    assert joined["type"] == "mixed" and joined["name"] == "The mayor"


def test_a_quote_with_a_cue_of_its_own_is_not_joined_to_the_one_before() -> None:
    body = "Mayor Jane Roe said the bridge “will reopen in May.” “We have the money,” a council member said."
    first, second = _predicted_statements(body, "t")
    assert body[first["span"][0]:first["span"][1]] == "will reopen in May"
    assert body[second["span"][0]:second["span"][1]] == "We have the money"
