"""Which unit and quantity a matched number carries, and the scale it is written with (pure core).

``figures`` matches a number with what may follow it; this module decides what that is: a currency sign
or code ("$5", "75 USD million"), a unit word or letter (letters such as "m", "in", "C" only where they
cannot be something else: "a 400 m race", "2 1/2 in thick", "highs of 30C" in weather copy — not
"Boeing 777F"), a scale ("5m" is metres without a currency, "$2.1T" a trillion only in money).
"""

from __future__ import annotations

import re

from services.claims.extract.constants import CURRENCY_SYMBOLS, GLUED_ONLY_UNITS
from services.claims.extract.context import ArticleContext
from services.claims.extract.cues import WS
from services.claims.extract.figure_words import ALL_UNITS, MILLION_CODES, MORE_CURRENCY_SYMBOLS, MORE_GLUED_ONLY_UNITS
from services.claims.extract.numbers import parse_scale

_INCH_AFTER = re.compile(rf"{WS}*(?:[.!?;,)]|\Z)|{WS}+(?:thick|long|wide|tall|high|deep|across|in{WS}+diameter)\b")
_DIGIT_AFTER = re.compile(rf"{WS}*\d")
# Words that make a bare "24 degrees" or "30C" a temperature, not an angle or a model name ("Boeing
# 777F"), in the sentence that holds it or the one before.
_WEATHER = re.compile(
    r"(?i:temperature|weather|forecast|heat|hot|cold|warm|cool|freez|degrees? (?:fahrenheit|celsius)|thermometer"
    r"|\bhighs?\b|\blows?\b|fever|boil|oven)"
)
_SCALE_AFTER_CODE = re.compile(rf"{WS}+(million|billion|trillion)(?![\w])")
CURRENCY_SIGNS = {**CURRENCY_SYMBOLS, **MORE_CURRENCY_SYMBOLS}
_GLUED_ONLY = GLUED_ONLY_UNITS | MORE_GLUED_ONLY_UNITS


def unit_of(match: re.Match[str]) -> tuple[str | None, str | None, int]:
    # The unit, its quantity, and where the figure ends; currency symbols count as a unit.
    unit_text = match.group("unit")
    number_end = max(match.end("num"), match.end("scale"), optional_group_end(match, "suffix"),
                     optional_group_end(match, "num2"), optional_group_end(match, "scale2"))
    if unit_text and not unit_is_written(match, unit_text):
        unit_text = None
    currency = match.group("cur") or optional_group(match, "cur2")
    if unit_text and ALL_UNITS[unit_text][1] == "money":
        sign, opens_next = not unit_text[0].isalnum(), _DIGIT_AFTER.match(match.string, match.end("unit"))
        if (sign and (currency or opens_next)) or (currency and opens_next):
            unit_text = None  # "$ 20 $ 37", "rmb 10 usd 20": the second currency opens the next amount
    if currency:
        if unit_text and ALL_UNITS[unit_text][1] == "money":
            return ALL_UNITS[unit_text][0], "money", match.end("unit")
        return CURRENCY_SIGNS[currency.rstrip()], "money", number_end
    if unit_text:
        if unit_text.lower() in {"pound", "pounds"} and match.group("scale"):
            return "GBP", "money", match.end("unit")  # "20 million pounds" is money, "25 pounds" weight
        unit, quantity = ALL_UNITS[unit_text]
        return unit, quantity, match.end("unit")
    scale = match.group("scale")
    if scale and scale.strip() == "m":
        return "m", "length", number_end  # "5m" with no currency is metres
    return None, None, number_end


def unit_is_written(match: re.Match[str], unit_text: str) -> bool:
    # Letters that are units only glued to the number ("10L", "30C"), or for "m" without a currency,
    # or for "in" before a size word or the end of the sentence ("2 1/2 in thick", "my pencil is 2
    # in."); an inch mark that closes a quotation ('"English 101"') is a quote mark.
    body, end = match.string, match.end("unit")
    if unit_text == '"':
        opened = body.count('"', body.rfind("\n", 0, match.start()) + 1, match.start("unit"))
        return opened % 2 == 0
    if unit_text not in _GLUED_ONLY or not match.group("glue"):
        return True
    if unit_text == "m":
        return not match.group("cur")  # "a 400 m race"; "$5 m" is no money in metres
    return unit_text == "in" and _INCH_AFTER.match(body, end) is not None


def optional_group(match: re.Match[str], name: str) -> str | None:
    return match.group(name) if name in match.re.groupindex else None


def optional_group_end(match: re.Match[str], name: str) -> int:
    return match.end(name) if optional_group(match, name) else -1


def scale_of(match: re.Match[str], unit: str | None) -> float:
    scale_text = match.group("scale")
    if unit == "m" and scale_text and scale_text.strip() == "m":
        scale_text = None  # "5m" with no currency: metres, not millions
    if scale_text == "T" and not match.group("cur"):
        scale_text = None  # "100T": a trillion only in money ("$2.1T")
    millions = 1e6 if match.group("unit") in MILLION_CODES else 1.0  # "30 MUSD"
    return parse_scale(scale_text) * millions


def degrees_kind(ctx: ArticleContext, match: re.Match[str], unit: str | None, quantity: str | None) -> str | None:
    # "the temperature is 24 degrees", "highs of 30°": degrees with weather words about are heat.
    if unit != "deg":
        return quantity
    return "temperature" if _about_weather(ctx, match) else quantity


def is_code_letter(ctx: ArticleContext, match: re.Match[str]) -> bool:
    # A capital C or F glued to a number is a temperature in weather copy ("highs of 30C") only.
    return match.group("unit") in {"C", "F"} and not match.group("glue") and not _about_weather(ctx, match)


def _about_weather(ctx: ArticleContext, match: re.Match[str]) -> bool:
    # Weather words in the figure's sentence or the one before ("It got cold. Now it is -10C").
    start, end = ctx.sentences.sentence_of(match.start())
    before = ctx.sentences.sentence_of(start - 1)[0] if start > 0 else start
    return _WEATHER.search(ctx.body, min(before, start), max(end, match.end())) is not None


def scale_after_code(body: str, match: re.Match[str], quantity: str | None, unit_end: int) -> tuple[float, int]:
    # "75 USD million": a currency code between the number and its scale, as wire copy writes it.
    code = match.group("unit")
    if quantity != "money" or not code or not code.isupper():
        return 1.0, unit_end
    found = _SCALE_AFTER_CODE.match(body, unit_end)
    return (parse_scale(found.group(1)), found.end()) if found else (1.0, unit_end)
