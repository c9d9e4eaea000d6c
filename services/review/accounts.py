"""Reviewer accounts with Argon2 password hashes (shell layer: reads files and the environment).

Production mode needs accounts from ``WIRECHECK_REVIEW_ACCOUNTS_FILE`` or
``WIRECHECK_REVIEW_ACCOUNTS``: lines ``name:hash`` where ``hash`` comes from
``wirecheck review --hash-password``. There is no default password. Demo mode adds one account,
``demo``, with a random password printed at start-up.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from services.review.exceptions import AccountsError, SignInError
from services.review.settings import ReviewSettings

HASHER = PasswordHasher()
NAME = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")
# Verified against when the name is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = HASHER.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    return HASHER.hash(password)


@dataclass
class Accounts:
    hashes: dict[str, str] = field(default_factory=dict)

    def verify(self, name: str, password: str) -> str:
        """The reviewer's name when the password matches; ``SignInError`` otherwise."""
        stored = self.hashes.get(name)
        try:
            HASHER.verify(stored or _DUMMY_HASH, password)
        except (VerificationError, InvalidHashError):
            raise SignInError("wrong user name or password") from None
        if stored is None:
            raise SignInError("wrong user name or password")
        return name

    def add(self, name: str, password_hash: str) -> None:
        if not NAME.match(name):
            raise AccountsError(f"account name {name!r}: use letters, digits and _ . @ - (at most 64)")
        if not password_hash.startswith("$argon2"):
            raise AccountsError(f"account {name!r}: the hash is not Argon2; make one with "
                                "`wirecheck review --hash-password`")
        self.hashes[name] = password_hash


def parse_accounts(text: str, *, where: str) -> Accounts:
    """``name:hash`` entries separated by whitespace or lines; ``#`` starts a comment line."""
    accounts = Accounts()
    for line in text.splitlines():
        if line.strip().startswith("#"):
            continue
        for entry in line.split():
            name, sep, password_hash = entry.partition(":")
            if not sep:
                raise AccountsError(f"{where}: {entry[:20]!r} is not `name:hash`")
            accounts.add(name, password_hash)
    return accounts


def load_accounts(settings: ReviewSettings, *, demo: bool) -> tuple[Accounts, str | None]:
    """The configured accounts, plus the demo account in demo mode (its password returned once)."""
    accounts = parse_accounts(settings.accounts, where="WIRECHECK_REVIEW_ACCOUNTS")
    if settings.accounts_file is not None:
        try:
            text = settings.accounts_file.read_text(encoding="utf-8")
        except OSError as exc:
            raise AccountsError(f"cannot read the accounts file {settings.accounts_file}: {exc}") from exc
        accounts.hashes.update(parse_accounts(text, where=str(settings.accounts_file)).hashes)
    demo_password = None
    if demo:
        demo_password = secrets.token_urlsafe(12)
        accounts.add("demo", hash_password(demo_password))
    if not accounts.hashes:
        raise AccountsError(
            "no reviewer accounts: put `name:hash` lines (hash from `wirecheck review --hash-password`) "
            "in a file named by WIRECHECK_REVIEW_ACCOUNTS_FILE, or run `wirecheck review --demo`")
    return accounts, demo_password
