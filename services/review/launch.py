"""Starting the review app: the follower thread, the dashboard sampler and uvicorn (shell layer).

The listening socket is bound before uvicorn starts, so ``--port 0`` works and the printed address
is the real one.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Callable

import uvicorn

from services.review.accounts import load_accounts
from services.review.app import create_app
from services.review.dashboard import History, Sampler
from services.review.settings import ReviewSettings
from services.review.store import ReviewStore, TopicFollower, kafka_publisher
from wirecheck.settings import Settings
from wirecheck.topics import ensure_topics

DEFAULT_PORT = 8400


def bind(host: str, port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    return sock


def serve(settings: Settings, review: ReviewSettings, *, host: str, port: int, demo: bool,
          echo: Callable[[str], None] = print) -> None:
    """Serve the app until SIGINT/SIGTERM (uvicorn handles the signals)."""
    accounts, demo_password = load_accounts(review, demo=demo)
    ensure_topics(settings)
    publish, close_producer = kafka_publisher(settings)
    store = ReviewStore(publish)
    stop = threading.Event()
    history = History()
    TopicFollower(store, settings, stop).start()
    Sampler(store, history, stop).start()
    app = create_app(store, accounts, review, history)
    sock = bind(host, port)
    address = f"http://{host}:{sock.getsockname()[1]}/"
    echo(f"review: serving the reviewer queue on {address}")
    if demo_password:
        echo(f"review: demo mode — sign in as `demo` with password {demo_password}")
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False,
                                           timeout_graceful_shutdown=3))  # open SSE streams end
    try:
        server.run(sockets=[sock])
    finally:
        stop.set()
        close_producer()
        sock.close()


def start_review_process(*, port: int = DEFAULT_PORT) -> subprocess.Popen:
    """``wirecheck review --demo`` as a child process (for ``wirecheck demo --serve``); it prints
    its own address and the demo password."""
    return subprocess.Popen([sys.executable, "-m", "wirecheck.cli", "review", "--demo", "--port", str(port)],
                            env={**os.environ, "WIRECHECK_LOG_JSON": "true"}, stdin=subprocess.DEVNULL)
