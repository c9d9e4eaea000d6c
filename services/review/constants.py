"""Word lists and limits of the review service, each with where it comes from (pure core)."""

from __future__ import annotations

from schemas.events import Verdict

# Figure quantities whose error does the most harm when published unchecked: casualty and
# displacement counts ("people") and sums of money. A single-source figure of these kinds goes to
# the top of the queue after contested claims (issue 5: "high-impact single_source figures").
HIGH_IMPACT_QUANTITIES: frozenset[str] = frozenset({"people", "money"})

# Queue tiers, lower first: what most needs a person.
TIER_CONTESTED = 0
TIER_HIGH_IMPACT = 1
TIER_REST = 2

# A reviewer comment is a note, not an essay; longer input is refused rather than cut silently.
MAX_COMMENT_CHARS = 2000

# schema.org ClaimReview rating: 1 (worst) … 4 (best), with the verdict's words as alternateName.
# Contested claims are contradicted by an independent source, so they rate lowest; corroborated
# claims are confirmed by two or more independent origins, so highest.
RATINGS: dict[Verdict, tuple[int, str]] = {
    "contested": (1, "Contested by independent sources"),
    "unverified": (2, "Cannot be verified"),
    "single_source": (3, "Single source"),
    "corroborated": (4, "Corroborated by independent sources"),
}
WORST_RATING, BEST_RATING = 1, 4

# Sessions last a working day; a reviewer signs in again the next morning.
SESSION_SECONDS = 12 * 3600

# Dashboard: one sample every few seconds, an hour kept in memory.
DASHBOARD_SAMPLE_SECONDS = 5.0
DASHBOARD_POINTS = 720
