"""Errors of the shell layer (broker tooling, runners, CLI), under one base class."""


class WirecheckError(Exception):
    """Base class; the message says what went wrong and what to do about it."""


class BrokerError(WirecheckError):
    """The local Kafka broker could not be fetched, formatted, started, reached or stopped."""


class InputError(WirecheckError):
    """An input file or record is malformed; the message names the file, the record and the fault."""


class StageStuckError(WirecheckError):
    """A stage's Kafka client stopped answering mid-transaction; restarting the stage recovers."""
