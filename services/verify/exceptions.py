"""Errors of the verifier's pure core (one base class, so the runner can dead-letter any of them)."""


class VerifyError(Exception):
    """Base class for every error the verifier raises on an input it cannot use."""


class InvalidDecisionError(VerifyError):
    """A reviewer decision that cannot be applied, e.g. an overturn without the verdict it sets."""


class UnsupportedEventError(VerifyError):
    """An event type the verifier has no handler for; route it elsewhere or dead-letter it."""


class IntakeRecordError(VerifyError):
    """A record on the verifier's intake log that the verifier did not write (no source headers)."""
