"""What every request passes before a page sees it, and every response carries after.

1. The ``Host`` must name this server: a page on another site whose name was made to
   resolve to 127.0.0.1 (DNS rebinding) asks under its own name, and is refused before it
   can read the case or the token in its pages.
2. A write must come from a page of this server: an ``Origin`` (or ``Referer``) naming
   another origin is refused; one naming none is left to the token check, which then wants
   the token in the ``X-CSRF-Token`` header (no other site can set that header).
3. Every response, errors included, carries the security headers, and every response but
   the static files ``Cache-Control: no-store``: the pages show the case's documents.
4. An exception no handler took becomes a one-line 500 with those headers, never a
   traceback (Starlette's own last handler sits outside the middleware, without them).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from urllib.parse import urlsplit

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

logger = logging.getLogger("firsthand.shells.web")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
    " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    # "same-origin", not "no-referrer": under no-referrer a browser sends `Origin: null` with
    # every POST, even to its own server, and the origin check could tell nothing apart.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
}
# Names the server answers to on any port: loopback, which no other machine reaches.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
DEFAULT_PORTS = {"http": 80, "https": 443}

ErrorPage = Callable[[Request, int, str], Awaitable[Response]]


def host_name(host: str) -> str:
    """The name in a ``Host`` header or a ``--host``, without port, brackets, case or final dot."""
    host = host.strip().lower()
    if host.startswith("["):  # [::1]:8000
        host = host[1 : host.find("]")] if "]" in host else ""
    elif host.count(":") == 1:  # name:port; more colons: a bare IPv6 address
        host = host.split(":", 1)[0]
    return host.rstrip(".")


def is_loopback(host: str) -> bool:
    return host_name(host) in LOOPBACK_HOSTS or host_name(host).startswith("127.")


def allowed_host_names(bound_to: str | None, extra: Iterable[str]) -> frozenset[str]:
    """Loopback, the address the server is bound to (unless a wildcard), and the names given."""
    names = {*LOOPBACK_HOSTS, *(host_name(h) for h in extra)}
    if bound_to and host_name(bound_to) not in ("0.0.0.0", "::", ""):
        names.add(host_name(bound_to))
    return frozenset(names)


def wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


def plain_error(request: Request, status: int, detail: str) -> Response:
    """An error that shows nothing of the case (no page, no token): JSON or one line of text."""
    if wants_json(request):
        return JSONResponse({"error": detail}, status_code=status)
    return PlainTextResponse(detail + "\n", status_code=status)


def origin_of(request: Request) -> tuple[str, int] | None:
    """The (host, port) this request's scheme and ``Host`` name: what a same-origin page sends."""
    host = request.headers.get("host", "")
    port = host.rsplit(":", 1)[1] if host.rsplit(":", 1)[-1].isdigit() and not host.endswith("]") else ""
    scheme = request.url.scheme
    return host_name(host), int(port) if port else DEFAULT_PORTS.get(scheme, 80)


def sent_from(request: Request) -> tuple[str, int] | str | None:
    """Where the page that sent a write says it was: (host, port) from ``Origin`` or else
    ``Referer``; the header's text when it names no host (``null``); None when neither is sent."""
    given = request.headers.get("origin") or request.headers.get("referer")
    if given is None:
        return None
    try:
        parts = urlsplit(given)
        port = parts.port or DEFAULT_PORTS.get(parts.scheme, 0)
    except ValueError:
        return given
    if not parts.hostname:
        return given
    return host_name(parts.hostname), port


class RequestGuard:
    """ASGI middleware: the host allow-list, the origin of writes, the headers of every answer."""

    def __init__(self, app: ASGIApp, *, hosts: frozenset[str], error_page: ErrorPage) -> None:
        self.app = app
        self.hosts = hosts
        self.error_page = error_page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        response_started = False
        static = str(scope.get("path", "")).startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
                if not static:
                    headers["Cache-Control"] = "no-store"
                # The server's own time, for the benchmark and the browser's network panel.
                headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
            await send(message)

        request = Request(scope)
        refusal = self.refusal(request)
        if refusal is not None:
            # Answered before the body is read: close rather than read the rest of it.
            refusal.headers["Connection"] = "close"
            await refusal(scope, receive, send_with_headers)
            return
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as err:
            # One line for the reader, the traceback for whoever runs the server.
            logger.exception("error on %s", scope.get("path"))
            if response_started:
                raise
            detail = f"internal error ({type(err).__name__}): see the server's log"
            response = await self.error_page(request, 500, detail)
            await response(scope, receive, send_with_headers)

    def refusal(self, request: Request) -> Response | None:
        """The answer to a request that must go no further; None when it may."""
        asked = host_name(request.headers.get("host", ""))
        if asked not in self.hosts:
            return plain_error(
                request,
                400,
                f"this server does not answer to the host name {asked!r}"
                " (firsthand serve --allowed-host NAME adds one)",
            )
        if request.method not in SAFE_METHODS:
            sender = sent_from(request)
            if sender is not None and sender != origin_of(request):
                shown = sender if isinstance(sender, str) else f"{sender[0]}:{sender[1]}"
                return plain_error(request, 403, f"cross-origin request refused (sent from {shown})")
        return None


def came_with_origin(request: Request) -> bool:
    """Whether a write names the page it came from (the guard has already refused any other)."""
    return sent_from(request) is not None
