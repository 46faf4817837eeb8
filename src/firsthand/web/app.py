"""`firsthand serve`: the case file in a browser, over the same library the CLI uses.

A Starlette app. Each page asks the library (``store``, ``casebook``, ``compare``) for
its facts and hands them to a Jinja template; nothing here decides what a fact is. The
safety rules hold on every response:

1. every piece of document text goes through escaping (Jinja's autoescape, and
   ``render.marked_text`` for the highlighted text);
2. a Content-Security-Policy lets the page load only what this server serves: no CDN,
   no inline script, no request to another host;
3. every write (upload, merge, split) needs the CSRF token the server put in its pages,
   and a request from another site is refused;
4. ``read_only`` turns every write off, and the pages offer none.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import sqlite3
import threading
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..casebook import case_timeline, case_views, document_page, entity_page, needs_narrowing
from ..compare import find_agreements, find_conflicts
from ..errors import CaseFileError
from ..ingest import MAX_BYTES
from ..pipeline import read_uploads
from ..record import ENTITY_TYPES
from ..store import CaseFile, SearchFilter
from .render import marked_text

logger = logging.getLogger("firsthand.web")
BASES = ("witnessed", "asserted", "reported", "hearsay", "opinion", "request")
PAGE_SIZE = 50
ENTITIES_PAGE = 100
# A page of conflicts or agreements stops here; it says how many there are.
PAIRS_SHOWN = 200
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
    " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
}

templates = Environment(
    loader=PackageLoader("firsthand.web", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


class CaseFiles:
    """One connection to the case file per server thread: SQLite connections stay in the
    thread that opened them, and opening one per request would cost more than the page."""

    def __init__(self, path: str, *, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        self.local = threading.local()
        # Create or migrate it once, before any request; one served read-only must exist.
        CaseFile(path, create=not read_only).close()

    def get(self) -> CaseFile:
        case: CaseFile | None = getattr(self.local, "case", None)
        if case is None:
            case = CaseFile(self.path, create=False)
            if self.read_only:
                case.db.execute("PRAGMA query_only = ON")
            self.local.case = case
        return case


class SecurityHeaders(BaseHTTPMiddleware):
    async def dispatch(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        started = time.perf_counter()
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        # The server's own time, for the benchmark and the browser's network panel.
        response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
        return response


def create_app(db_path: str | Path, *, read_only: bool = False) -> Starlette:
    """The web app over one case file."""
    cases = CaseFiles(str(db_path), read_only=read_only)
    csrf_token = secrets.token_urlsafe(32)

    def document_label(document_id: str) -> str:
        return cases.get().document_label(document_id)

    def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = templates.get_template(template).render(
            request=request,
            read_only=read_only,
            csrf_token=csrf_token,
            bases=BASES,
            status=status,
            doc_label=document_label,
            **context,
        )
        return HTMLResponse(html, status_code=status)

    async def check_write(request: Request) -> dict[str, Any]:
        """The form of a write that may go ahead; else an HTTP error."""
        if read_only:
            raise HTTPException(403, "this case is served read-only")
        if request.headers.get("sec-fetch-site") not in (None, "same-origin", "none"):
            raise HTTPException(403, "cross-site request refused")
        form = await request.form(max_files=100, max_part_size=MAX_BYTES)
        given = request.headers.get("x-csrf-token") or form.get("csrf") or ""
        if not isinstance(given, str) or not secrets.compare_digest(given, csrf_token):
            raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")
        return dict(form.multi_items()) | {"_files": form.getlist("files")}

    # Pages -------------------------------------------------------------------------------

    def overview(request: Request) -> HTMLResponse:
        case = cases.get()
        number = max(1, _int(request.query_params.get("page"), 1))
        documents = case.overview(offset=(number - 1) * PAGE_SIZE, limit=PAGE_SIZE)
        total = case.count()
        return page(
            request, "overview.html", documents=documents, total=total, page=number,
            pages=max(1, -(-total // PAGE_SIZE)), entity_types=ENTITY_TYPES, filters={},
        )  # fmt: skip

    def search(request: Request) -> HTMLResponse:
        case = cases.get()
        params = request.query_params
        query = params.get("q", "").strip()
        filters = {
            k: params.get(k, "").strip() for k in ("entity", "type", "document", "basis", "from", "to")
        }
        error, result = None, None
        if query:
            try:
                entity = case.case_id(filters["entity"]) if filters["entity"] else None
                facets = SearchFilter(
                    entity=entity, entity_type=filters["type"] or None, document=filters["document"] or None,
                    basis=filters["basis"] or None, since=filters["from"] or None, until=filters["to"] or None,
                )  # fmt: skip
                result = case.search(query, facets, limit=100)
            except CaseFileError as err:
                error = err.problem
        return page(
            request, "search.html", query=query, filters=filters, result=result, error=error,
            entity_types=ENTITY_TYPES,
        )  # fmt: skip

    def document_in(request: Request) -> tuple[CaseFile, str]:
        """The case and the document the URL names by its id or a prefix of it; else a 404."""
        case = cases.get()
        try:
            return case, case.resolve_id(request.path_params["id"])
        except CaseFileError as err:
            raise HTTPException(404, err.problem) from None

    def document(request: Request) -> HTMLResponse:
        case, document_id = document_in(request)
        view = document_page(case, document_id)
        raw_size = case.raw_size(document_id)
        return page(
            request,
            "document.html",
            doc=view,
            text=marked_text(view.text, view.highlights),
            raw_size=raw_size,
        )

    def raw(request: Request) -> Response:
        case, document_id = document_in(request)
        data = case.raw(document_id)
        # Served as bytes to save, never as a page: a stored HTML file must not run here.
        return Response(
            data,
            media_type="application/octet-stream",
            headers={
                "Content-Disposition": f'attachment; filename="{document_id[:12]}.raw"',
                "X-Sha256": hashlib.sha256(data).hexdigest(),
            },
        )

    def entities(request: Request) -> HTMLResponse:
        case = cases.get()
        wanted = request.query_params.get("type", "")
        number = max(1, _int(request.query_params.get("page"), 1))
        rows = case.case_entities(
            entity_type=wanted or None, offset=(number - 1) * ENTITIES_PAGE, limit=ENTITIES_PAGE + 1
        )
        return page(
            request, "entities.html", entities=rows[:ENTITIES_PAGE], wanted=wanted, entity_types=ENTITY_TYPES,
            page=number, more=len(rows) > ENTITIES_PAGE,
        )  # fmt: skip

    def entity(request: Request) -> Response:
        case = cases.get()
        case_id = _int(request.path_params["id"], -1)
        try:
            view = entity_page(case, case_id)
        except CaseFileError as err:
            raise HTTPException(404, err.problem) from None
        if view.merged_into is not None:
            return RedirectResponse(f"/entities/{view.merged_into}", status_code=303)
        return page(request, "entity.html", page=view, message=request.query_params.get("done"))

    async def merge(request: Request) -> Response:
        form = await check_write(request)
        case = cases.get()
        try:
            # The page may be older than a merge made since: merge into what the entity is now.
            keep = case.case_id(str(request.path_params["id"]))
            other = case.case_id(str(form.get("other", "")).strip())
            if other == keep:
                raise CaseFileError(case.path, "an entity cannot be merged into itself")
            case.merge(keep, other, str(form.get("reason") or "merged by a user in the browser"))
        except CaseFileError as err:
            raise HTTPException(400, err.problem) from None
        return RedirectResponse(f"/entities/{keep}?done=merged", status_code=303)

    async def split(request: Request) -> Response:
        form = await check_write(request)
        case = cases.get()
        try:
            case_id = case.case_id(str(request.path_params["id"]))
            case.split(case_id, str(form.get("reason") or "split by a user in the browser"))
        except CaseFileError as err:
            raise HTTPException(400, err.problem) from None
        return RedirectResponse(f"/entities/{case_id}?done=split", status_code=303)

    async def upload(request: Request) -> Response:
        form = await check_write(request)
        files = [f for f in form["_files"] if isinstance(f, UploadFile) and f.filename]
        uploads = [(Path(f.filename or "upload").name, await f.read()) for f in files]
        # Reading parses: off the event loop, so other pages still answer meanwhile.
        results = await run_in_threadpool(store_uploads, uploads)
        if not files:
            results.append({"file": "", "status": "failed", "reason": "no file chosen"})
        if "application/json" in request.headers.get("accept", ""):
            return JSONResponse({"results": results})
        return page(request, "uploaded.html", results=results)

    def store_uploads(uploads: list[tuple[str, bytes]]) -> list[dict[str, str]]:
        """Each upload read and stored in a transaction of its own: a failure costs only itself."""
        case = cases.get()
        results = []
        for outcome in read_uploads(uploads, skip=case.has):
            if outcome.error is not None:
                results.append({"file": outcome.path, "status": "failed", "reason": outcome.error.problem})
            elif outcome.record is None or outcome.raw is None or not case.add(outcome.record, outcome.raw):
                results.append({"file": outcome.path, "status": "already present", "reason": ""})
            else:
                document_id = outcome.record.document.id
                results.append({"file": outcome.path, "status": "added", "reason": "", "id": document_id})
        return results

    def timeline(request: Request) -> HTMLResponse:
        case = cases.get()
        params = request.query_params
        filters = {k: params.get(k, "").strip() for k in ("entity", "place", "from", "to")}
        error = None
        try:
            entity_id = case.case_id(filters["entity"]) if filters["entity"] else None
        except CaseFileError as err:
            error, entity_id = err.problem, None
        if error or needs_narrowing(case, entity_id):
            return page(request, "timeline.html", page=None, filters=filters, error=error, total=case.count())
        view = case_timeline(
            case, entity=entity_id, place=filters["place"] or None,
            since=filters["from"] or None, until=filters["to"] or None,
        )  # fmt: skip
        return page(request, "timeline.html", page=view, filters=filters, error=error, total=case.count())

    def compare(request: Request) -> HTMLResponse:
        case = cases.get()
        wanted = request.query_params.get("entity", "").strip()
        error, entity_id = None, None
        try:
            entity_id = case.case_id(wanted) if wanted else None
        except CaseFileError as err:
            error = err.problem
        if error or needs_narrowing(case, entity_id):
            return page(
                request, "compare.html", wanted=wanted, error=error, total=case.count(), conflicts=None
            )
        views = case_views(case, entity_id)
        return page(
            request, "compare.html", wanted=wanted, error=None, conflicts=find_conflicts(views),
            agreements=find_agreements(views), documents_read=len(views), total=case.count(), shown=PAIRS_SHOWN,
        )  # fmt: skip

    async def not_found(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        detail = exc.detail if isinstance(exc, HTTPException) else "internal error"
        if "application/json" in request.headers.get("accept", ""):
            return JSONResponse({"error": detail}, status_code=status)
        return page(request, "error.html", status=status, detail=detail)

    async def database_error(request: Request, exc: Exception) -> Response:
        return page(request, "error.html", status=500, detail=f"the case file could not be read ({exc})")

    async def server_error(request: Request, exc: Exception) -> Response:
        # One line for the reader, the traceback for whoever runs the server.
        logger.exception("error on %s", request.url.path)
        return page(
            request,
            "error.html",
            status=500,
            detail=f"internal error ({type(exc).__name__}): see the server's log",
        )

    routes = [
        Route("/", overview),
        Route("/search", search),
        Route("/documents/{id}", document),
        Route("/documents/{id}/raw", raw),
        Route("/entities", entities),
        Route("/entities/{id:int}", entity),
        Route("/entities/{id:int}/merge", merge, methods=["POST"]),
        Route("/entities/{id:int}/split", split, methods=["POST"]),
        Route("/upload", upload, methods=["POST"]),
        Route("/timeline", timeline),
        Route("/compare", compare),
        Mount("/static", StaticFiles(packages=[("firsthand.web", "static")]), name="static"),
    ]
    return Starlette(
        routes=routes,
        middleware=[Middleware(SecurityHeaders)],
        exception_handlers={
            HTTPException: not_found,
            sqlite3.DatabaseError: database_error,
            Exception: server_error,
        },
    )


def _int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
