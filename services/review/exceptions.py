"""Errors of the review service, under one base class; each message says what to do."""

from __future__ import annotations


class ReviewError(Exception):
    """Base class of every error the review service raises."""


class AccountsError(ReviewError):
    """The reviewer accounts are missing or malformed (production mode needs at least one)."""


class SignInError(ReviewError):
    """Wrong user name or password; the message never says which."""


class CsrfError(ReviewError):
    """A state-changing request without the session's CSRF token."""


class UnknownClaimError(ReviewError):
    """A claim id the queue does not hold (not verified yet, or never extracted)."""


class InvalidDecisionError(ReviewError):
    """A decision form that cannot become a DecisionRecorded event (e.g. overturn without a verdict)."""


class DecisionConflictError(ReviewError):
    """The claim changed (a new verdict or another reviewer's decision) since the reviewer saw it.

    Nothing was recorded; the reviewer is shown the current state and decides again.
    """

    def __init__(self, message: str, *, current_token: str) -> None:
        super().__init__(message)
        self.current_token = current_token
