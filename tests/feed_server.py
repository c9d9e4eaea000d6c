"""A scripted HTTP feed server on 127.0.0.1 for the feed-following tests.

Each path answers with the replies given for it, one per request, the last one repeating; a reply
may be a function of the request headers (for ETag logic). Every request is recorded with its
headers, so tests check what the follower sent (If-None-Match, auth).
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0  # before the status line: a slow server
    declare_length: bool = True


Script = Reply | Callable[[dict[str, str]], Reply]


def with_etag(body: bytes, *, content_type: str = "application/rss+xml") -> Callable[[dict[str, str]], Reply]:
    """200 with an ETag of the body, or 304 when the request names that ETag."""
    etag = '"' + hashlib.sha256(body).hexdigest()[:12] + '"'

    def reply(headers: dict[str, str]) -> Reply:
        if headers.get("if-none-match") == etag:
            return Reply(304, headers={"ETag": etag})
        return Reply(200, body, {"ETag": etag, "Content-Type": content_type})

    return reply


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, list[Script]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                headers = {k.lower(): v for k, v in self.headers.items()}
                reply = server._next(self.path, headers)
                time.sleep(reply.delay_s)
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if reply.declare_length:
                    self.send_header("Content-Length", str(len(reply.body)))
                else:
                    self.send_header("Connection", "close")
                self.end_headers()
                try:
                    self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout, size cap): what the test wanted

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def serve(self, path: str, *replies: Script) -> None:
        with self._lock:
            self.routes[path] = list(replies)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def hits(self, path: str) -> list[dict[str, str]]:
        with self._lock:
            return [headers for p, headers in self.requests if p == path]

    def _next(self, path: str, headers: dict[str, str]) -> Reply:
        with self._lock:
            self.requests.append((path, headers))
            script = self.routes.get(path)
            if not script:
                return Reply(404, b"not found")
            current = script.pop(0) if len(script) > 1 else script[0]
        return current(headers) if callable(current) else current

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
