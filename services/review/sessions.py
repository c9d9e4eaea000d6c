"""Server-side sessions and CSRF synchroniser tokens (shell layer; state in memory).

Every visitor gets a session with a random id (in an HttpOnly, SameSite=Strict cookie) and a CSRF
token that each form repeats; a state-changing request is accepted only when the form's token
equals its session's. Signing in starts a new session (no session fixation).
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from dataclasses import dataclass

from services.review.constants import SESSION_SECONDS
from services.review.exceptions import CsrfError

COOKIE = "wirecheck_session"


@dataclass
class Session:
    session_id: str
    csrf_token: str
    expires_at: float
    reviewer: str | None = None


class SessionStore:
    def __init__(self, lifetime_s: float = SESSION_SECONDS) -> None:
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()
        self._lifetime_s = lifetime_s

    def get(self, session_id: str | None) -> Session | None:
        with self._lock:
            session = self._sessions.get(session_id or "")
            if session is not None and session.expires_at < time.time():
                del self._sessions[session.session_id]
                return None
            return session

    def start(self, reviewer: str | None = None) -> Session:
        session = Session(secrets.token_urlsafe(32), secrets.token_urlsafe(32),
                          time.time() + self._lifetime_s, reviewer)
        with self._lock:
            self._drop_expired()
            self._sessions[session.session_id] = session
        return session

    def end(self, session_id: str) -> None:
        with self._lock:
            self._sessions.pop(session_id, None)

    def _drop_expired(self) -> None:
        now = time.time()
        for key in [k for k, s in self._sessions.items() if s.expires_at < now]:
            del self._sessions[key]


def check_csrf(session: Session | None, submitted: str | None) -> None:
    """Raise unless ``submitted`` is the session's CSRF token (compared in constant time)."""
    if session is None or not submitted or not hmac.compare_digest(session.csrf_token, submitted):
        raise CsrfError("the form's security token is missing or stale; reload the page and try again")
