"""Signing in, when the case is served with accounts (``serve`` beyond loopback).

Every request but the login page and the static files must come with the cookie of a live
session; a page asked for without one is sent to the login page, anything else gets a 401.
The cookie is HttpOnly and SameSite=Strict (Secure too over HTTPS): no script reads it and no
other site's page sends it. The session's own CSRF token then guards each write, as the
server's token does without accounts (``app.check_writer``).
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from firsthand.case.accounts import SESSION_LIFETIME, Session
from firsthand.shells.web.guard import plain_error

COOKIE = "firsthand_session"
OPEN_PATHS = ("/login", "/static/")

SessionLookup = Callable[[str | None], Session | None]


class SessionGate:
    """Puts the request's session in ``scope["state"]["session"]``, or keeps the request out."""

    def __init__(self, app: ASGIApp, *, lookup: SessionLookup) -> None:
        self.app = app
        self.lookup = lookup

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/static/"):
            await self.app(scope, receive, send)  # a stylesheet needs no session looked up
            return
        request = Request(scope)
        found = await run_in_threadpool(self.lookup, request.cookies.get(COOKIE))
        scope.setdefault("state", {})["session"] = found
        if found is None and not request.url.path.startswith(OPEN_PATHS):
            await self.refuse(request)(scope, receive, send)
            return
        await self.app(scope, receive, send)

    @staticmethod
    def refuse(request: Request) -> Response:
        if request.method == "GET" and "application/json" not in request.headers.get("accept", ""):
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
        return plain_error(request, 401, "sign in first: this case is served with accounts")


def session_of(request: Request) -> Session | None:
    found: Session | None = request.scope.get("state", {}).get("session")
    return found


def local_target(target: str | None) -> str:
    """Where to go after signing in: a path of this server, never another site."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def set_session_cookie(response: Response, request: Request, token: str) -> None:
    response.set_cookie(
        COOKIE,
        token,
        max_age=int(SESSION_LIFETIME.total_seconds()),
        path="/",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
