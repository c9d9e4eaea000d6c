"""The review web app: queue, claim pages, decisions, live updates, export, dashboard (shell layer).

Server-rendered Jinja2 pages with autoescaping (article text is untrusted), a strict
Content-Security-Policy (scripts and styles only from this app's /static), server-side sessions and
a CSRF synchroniser token on every state-changing request.
"""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, generate_latest

from schemas.events import VERDICTS
from services.review.accounts import Accounts
from services.review.claimreview import claim_reviews
from services.review.dashboard import History, charts, snapshot
from services.review.decisions import describe_decision
from services.review.exceptions import (
    CsrfError,
    DecisionConflictError,
    InvalidDecisionError,
    SignInError,
    UnknownClaimError,
)
from services.review.metrics import review_registry
from services.review.queue import KINDS, QueueFilter, order_queue, outlets, queue_depth
from services.review.render import claim_context
from services.review.sessions import COOKIE, Session, SessionStore, check_csrf
from services.review.settings import ReviewSettings
from services.review.store import ReviewStore

HERE = Path(__file__).parent
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
SSE_HEARTBEAT_S = 15.0


class NotSignedIn(Exception):
    """Raised by ``reviewer_session``; pages redirect to /login, other endpoints answer 401."""


def create_app(store: ReviewStore, accounts: Accounts, settings: ReviewSettings,
               history: History | None = None) -> FastAPI:
    app = FastAPI(title="wirecheck review", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.store, app.state.accounts, app.state.settings = store, accounts, settings
    app.state.sessions = SessionStore()
    app.state.history = history or History()
    app.state.registry = review_registry(store)
    templates = Jinja2Templates(directory=str(HERE / "templates"))  # autoescape on for .html
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.exception_handler(NotSignedIn)
    async def _not_signed_in(request: Request, exc: NotSignedIn):
        if request.method == "GET" and "text/html" in request.headers.get("accept", "text/html"):
            return RedirectResponse("/login", status_code=303)
        return JSONResponse({"error": "sign in first"}, status_code=401)

    @app.exception_handler(CsrfError)
    async def _csrf(request: Request, exc: CsrfError):
        return _page(request, "message.html", {"title": "Refused", "message": str(exc)}, status=403)

    @app.exception_handler(UnknownClaimError)
    async def _unknown(request: Request, exc: UnknownClaimError):
        return _page(request, "message.html", {"title": "Not found", "message": str(exc)}, status=404)

    def _session(request: Request) -> Session | None:
        return app.state.sessions.get(request.cookies.get(COOKIE))

    def reviewer_session(request: Request) -> Session:
        session = _session(request)
        if session is None or session.reviewer is None:
            raise NotSignedIn()
        return session

    def _page(request: Request, name: str, context: dict, *, status: int = 200,
              session: Session | None = None) -> HTMLResponse:
        session = session or _session(request)
        fresh = session is None
        session = session or app.state.sessions.start()
        response = templates.TemplateResponse(
            request, name, {"session": session, "reviewer": session.reviewer, **context}, status_code=status)
        if fresh:
            _set_cookie(response, session)
        return response

    def _set_cookie(response: Response, session: Session) -> None:
        response.set_cookie(COOKIE, session.session_id, httponly=True, samesite="strict",
                            secure=settings.secure_cookies, path="/")

    @app.get("/login", response_class=HTMLResponse)
    def login_form(request: Request):
        return _page(request, "login.html", {"error": None})

    @app.post("/login")
    def login(request: Request, username: str = Form(""), password: str = Form(""),
              csrf_token: str = Form("")):
        session = _session(request)
        check_csrf(session, csrf_token)
        try:
            reviewer = app.state.accounts.verify(username, password)
        except SignInError as exc:
            return _page(request, "login.html", {"error": str(exc)}, status=401)
        app.state.sessions.end(session.session_id)
        signed_in = app.state.sessions.start(reviewer)  # a new id: no session fixation
        response = RedirectResponse("/", status_code=303)
        _set_cookie(response, signed_in)
        return response

    @app.post("/logout")
    def logout(request: Request, csrf_token: str = Form("")):
        session = reviewer_session(request)
        check_csrf(session, csrf_token)
        app.state.sessions.end(session.session_id)
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(COOKIE, path="/")
        return response

    def _queue(request: Request) -> tuple[QueueFilter, list, list[str], int]:
        params = {k: request.query_params.get(k, "") for k in ("verdict", "kind", "outlet", "since", "until")}
        try:
            queue_filter = QueueFilter(**params)
        except ValueError:
            queue_filter = QueueFilter()
        views = store.read(lambda p: p.views())
        return queue_filter, order_queue(views, queue_filter), outlets(views), queue_depth(views)

    @app.get("/", response_class=HTMLResponse)
    def queue_page(request: Request):
        session = reviewer_session(request)
        queue_filter, rows, outlet_names, depth = _queue(request)
        return _page(request, "queue.html", {
            "rows": rows, "filter": queue_filter, "outlets": outlet_names, "kinds": KINDS,
            "verdicts": VERDICTS, "depth": depth, "caught_up": store.caught_up.is_set(),
            "query": request.url.query}, session=session)

    @app.get("/queue/rows", response_class=HTMLResponse)
    def queue_rows(request: Request):
        session = reviewer_session(request)
        _, rows, _, depth = _queue(request)
        return _page(request, "_rows.html", {"rows": rows, "depth": depth}, session=session)

    @app.get("/events")
    async def events(request: Request):
        reviewer_session(request)

        async def stream():
            version = -1
            while not await request.is_disconnected():
                new = await asyncio.to_thread(store.wait_for_change, version, SSE_HEARTBEAT_S)
                if new == version:
                    yield ": heartbeat\n\n"
                    continue
                version = new
                depth = store.read(lambda p: queue_depth(p.views()))
                yield f"event: queue\ndata: {json.dumps({'version': version, 'depth': depth})}\n\n"

        return StreamingResponse(stream(), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})

    @app.get("/claims/{claim_id}", response_class=HTMLResponse)
    def claim_page(request: Request, claim_id: str):
        session = reviewer_session(request)
        view = store.view(claim_id)
        context = store.read(lambda p: claim_context(view, p))
        return _page(request, "claim.html", {**context, "verdicts": VERDICTS, "notice": None,
                                             "describe_decision": describe_decision}, session=session)

    @app.post("/claims/{claim_id}/decision", response_class=HTMLResponse)
    def decide(request: Request, claim_id: str, csrf_token: str = Form(""), token: str = Form(""),
               action: str = Form(""), verdict: str = Form(""), comment: str = Form("")):
        session = reviewer_session(request)
        check_csrf(session, csrf_token)
        try:
            store.decide(claim_id, reviewer=session.reviewer, action=action, verdict=verdict or None,
                         comment=comment, seen_token=token)
        except (DecisionConflictError, InvalidDecisionError) as exc:
            status = 409 if isinstance(exc, DecisionConflictError) else 422
            view = store.view(claim_id)
            context = store.read(lambda p: claim_context(view, p))
            return _page(request, "claim.html", {**context, "verdicts": VERDICTS, "notice": str(exc),
                                                 "describe_decision": describe_decision},
                         status=status, session=session)
        return RedirectResponse(f"/claims/{claim_id}?recorded=1", status_code=303)

    @app.get("/export/claimreview.jsonld")
    def export_claimreview(request: Request):
        reviewer_session(request)
        base = settings.base_url or str(request.base_url)
        reviews = store.read(lambda p: claim_reviews(p.views(), base_url=base,
                                                     organisation=settings.organisation))
        return Response(json.dumps(reviews, ensure_ascii=False, indent=2), media_type="application/ld+json",
                        headers={"Content-Disposition": 'attachment; filename="claimreview.jsonld"'})

    @app.get("/dashboard", response_class=HTMLResponse)
    def dashboard(request: Request):
        session = reviewer_session(request)
        now = store.read(lambda p: snapshot(p, time.time()))
        return _page(request, "dashboard.html", {"now": now, "charts": charts(app.state.history)},
                     session=session)

    @app.get("/metrics")
    def metrics():
        body = generate_latest(REGISTRY) + generate_latest(app.state.registry)
        return Response(body, media_type=CONTENT_TYPE_LATEST)

    @app.get("/healthz")
    def healthz():
        return {"caught_up": store.caught_up.is_set()}

    return app
