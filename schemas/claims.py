"""Claims: the typed, attributed assertions the claims service finds in an article (contract layer).

A claim is one of three kinds, told apart by ``kind`` (a pydantic discriminated union):

* ``quote`` — words credited to a speaker, direct (in quote marks), mixed (a quoted fragment inside
  reported speech) or indirect ("X said that …");
* ``attribution`` — a statement credited to a source without quote marks ("according to SOHR");
* ``figure`` — a number, normalised to a value or a range with its unit and qualifier.

Spans are ``[start, end)`` Python ``str`` offsets into the article body.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from schemas.envelope import Frozen, Span


class Speaker(Frozen):
    """Who is quoted: the name as written at the cue, resolved to the fullest mention in the article."""

    name: str = Field(description="Resolved name, e.g. 'Hassan Abdel Ghani'.")
    as_written: str = Field(description="The mention at the cue, e.g. 'Abdel Ghani' or 'he'.")
    span: Span | None = Field(default=None, description="Span of the mention at the cue.")
    role: str | None = Field(default=None, description="Role or affiliation, e.g. 'head of SOHR'.")


class Source(Frozen):
    """Who a statement is credited to: an organisation or a person, with its aliases."""

    name: str = Field(description="Fullest name, e.g. 'Syrian Observatory for Human Rights'.")
    aliases: tuple[str, ...] = Field(default=(), description="Other names, e.g. ('SOHR',).")
    span: Span | None = None


class ClaimBase(Frozen):
    claim_id: str
    article_id: str
    extractor_version: str
    text: str = Field(description="The claim's own words, exactly body[span[0]:span[1]].")
    span: Span
    sentence: str = Field(description="The sentence that carries the claim, for context and matching.")
    sentence_span: Span


class QuoteClaim(ClaimBase):
    kind: Literal["quote"] = "quote"
    quote_type: Literal["direct", "mixed", "indirect"]
    speaker: Speaker | None
    cue: str | None = Field(default=None, description="Reporting verb as written: 'said', 'revealed'.")
    cue_span: Span | None = None
    channel: str | None = Field(default=None, description="Where it was said: 'on Telegram'.")


class AttributionClaim(ClaimBase):
    kind: Literal["attribution"] = "attribution"
    source: Source
    cue: str | None = Field(default=None, description="'according to', 'reported', 'citing' …")
    cue_span: Span | None = None


class Equivalent(Frozen):
    """The same quantity restated in another unit ('five kilometers—barely three miles')."""

    text: str
    span: Span
    value: float
    unit: str


class FigureClaim(ClaimBase):
    kind: Literal["figure"] = "figure"
    value: float | None = Field(default=None, description="Set when the figure is one number.")
    low: float | None = Field(default=None, description="Lower bound of a range, or of 'over N'.")
    high: float | None = Field(default=None, description="Upper bound of a range, or of 'under N'.")
    low_inclusive: bool = True
    high_inclusive: bool = True
    unit: str | None = Field(default=None, description="Normalised unit: 'km', 'percent', 'USD' …")
    quantity: str = Field(
        description="Kind of quantity: people, length, year, rank, money, percent, proportion, ratio, …"
    )
    qualifier: str | None = Field(default=None, description="As written: 'over', 'nearly', 'tens of'.")
    approximate: bool = False
    about: str | None = Field(default=None, description="What is counted: 'people killed'.")
    equivalents: tuple[Equivalent, ...] = ()
    in_claim_id: str | None = Field(
        default=None, description="The quote or attribution whose statement carries this figure."
    )


Claim = Annotated[QuoteClaim | AttributionClaim | FigureClaim, Field(discriminator="kind")]
