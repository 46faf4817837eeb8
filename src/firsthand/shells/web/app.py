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
4. ``read_only`` turns every write off, and the pages offer none;
5. the server answers only to the host names it serves, and refuses a write from another
   origin, errors included (``guard``); uploads stream to disk within limits and are read
   in worker processes, so pages keep answering meanwhile (``uploads``);
6. with ``accounts`` every page needs a signed-in session, each write its session's token
   and an editor's account, and every write records who made it (``sessions``).
"""

from __future__ import annotations

import hashlib
import secrets
import tempfile
import threading
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Message

from firsthand.case import accounts as account_store
from firsthand.case.casebook import case_timeline, case_views, document_page, entity_page, needs_narrowing
from firsthand.case.findings import compare_case
from firsthand.case.store import CaseFile, SearchFilter
from firsthand.engine.pipeline import Outcome
from firsthand.errors import CaseFileError
from firsthand.reading.ingest import MAX_BYTES
from firsthand.record import ENTITY_TYPES
from firsthand.shells.web.guard import CSP, RequestGuard, allowed_host_names, came_with_origin, wants_json
from firsthand.shells.web.render import marked_text
from firsthand.shells.web.sessions import (
    COOKIE,
    SessionGate,
    clear_session_cookie,
    local_target,
    session_of,
    set_session_cookie,
)
from firsthand.shells.web.uploads import ReceivedFile, UploadReaders, UploadRefused, receive_form

__all__ = ["CSP", "create_app"]

BASES = ("witnessed", "asserted", "reported", "hearsay", "opinion", "request")
PAGE_SIZE = 50
ENTITIES_PAGE = 100
# A page of conflicts or agreements stops here; it says how many there are.
PAIRS_SHOWN = 200
# SQLite's integers end at 2**63 - 1: a larger id or page in a URL names nothing there.
LARGEST_ID = 2**63 - 1
LARGEST_PAGE = 10**9
# A merge's or a split's form: a token, an id and a reason.
MAX_FORM_BYTES = 64 * 1024

templates = Environment(
    loader=PackageLoader("firsthand.shells.web", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


class CaseFiles:
    """One connection to the case per server thread: SQLite connections stay in the thread
    that opened them (psycopg's may not be shared by two threads at once either), and
    opening one per request would cost more than the page."""

    def __init__(self, path: str, *, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        self.local = threading.local()
        # Create or migrate it once, before any request; one served read-only must exist.
        with CaseFile(path, create=not read_only, read_only=read_only) as case:
            # What the case's driver raises when a query fails: a page says so.
            self.errors = case.backend.errors

    def get(self) -> CaseFile:
        case: CaseFile | None = getattr(self.local, "case", None)
        if case is not None and case.backend.broken():
            # The database server went away (a restart): this thread's next page reconnects.
            case.close()
            case = None
        if case is None:
            case = CaseFile(self.path, create=False, read_only=self.read_only)
            self.local.case = case
        return case


def create_app(
    db_path: str | Path,
    *,
    read_only: bool = False,
    host: str | None = None,
    allowed_hosts: Iterable[str] = (),
    accounts: bool = False,
) -> Starlette:
    """The web app over one case file.

    It answers to loopback names, to ``host`` (the address it is bound to) and to
    ``allowed_hosts`` (the names others reach it by), on any port, and to no other name.
    With ``accounts``, every page needs a signed-in user (``firsthand user add``).
    """
    cases = CaseFiles(str(db_path), read_only=read_only)
    csrf_token = secrets.token_urlsafe(32)
    readers = UploadReaders()

    def document_label(document_id: str) -> str:
        return cases.get().document_label(document_id)

    def expected_token(request: Request) -> str:
        """The token a write must carry: its session's, or (without accounts) the server's."""
        session = session_of(request)
        return session.csrf if session is not None else csrf_token

    def may_write(request: Request) -> bool:
        session = session_of(request)
        return not read_only and (not accounts or (session is not None and session.user.can_write))

    def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        session = session_of(request)
        html = templates.get_template(template).render(
            request=request,
            read_only=not may_write(request),
            served_read_only=read_only,
            user=session.user if session is not None else None,
            csrf_token=expected_token(request),
            bases=BASES,
            status=status,
            doc_label=document_label,
            **context,
        )
        return HTMLResponse(html, status_code=status)

    async def error_page(request: Request, status: int, detail: str) -> Response:
        """An error as JSON for a client that asks for it, else as a page."""
        if wants_json(request):
            return JSONResponse({"error": detail}, status_code=status)
        return page(request, "error.html", status=status, detail=detail)

    def token_check(request: Request, expected: str | None = None) -> Callable[[str], bool]:
        """Whether a given token is the one this write must carry: ``expected``, else its
        session's (or, without accounts, the server's)."""
        wanted = (expected or expected_token(request)).encode()
        return lambda given: secrets.compare_digest(given.encode(), wanted)

    def made_by(request: Request) -> str | None:
        session = session_of(request)
        return session.user.name if session is not None else None

    def check_writer(request: Request) -> bool:
        """Refuse a write that may not go ahead; True when its header carried the right token.

        Without the header, the token must come in the form, and the request must name the
        page it came from: every browser sends ``Origin`` with a form, and the guard has
        refused any origin but this server's.
        """
        if read_only:
            raise HTTPException(403, "this case is served read-only")
        if not may_write(request):
            raise HTTPException(403, "your account may read this case, not change it")
        return check_origin_and_header(request)

    def check_origin_and_header(request: Request, expected: str | None = None) -> bool:
        """The write comes from a page of this server: True when its header carried the token."""
        token_ok = token_check(request, expected)
        if request.headers.get("sec-fetch-site") not in (None, "same-origin", "none"):
            raise HTTPException(403, "cross-site request refused")
        given = request.headers.get("x-csrf-token")
        if given is not None:
            if not token_ok(given):
                raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")
            return True
        if not came_with_origin(request):
            raise HTTPException(
                403, "a form sent without an Origin header is refused (CSRF): reload the page and try again"
            )
        return False

    async def check_write(request: Request) -> dict[str, str]:
        """The small form of a write that may go ahead (a merge, a split); else an HTTP error."""
        return await small_form(request, check_writer(request))

    async def small_form(request: Request, header_token: bool, expected: str | None = None) -> dict[str, str]:
        body = await bounded_body(request, MAX_FORM_BYTES)

        async def replay() -> Message:
            return {"type": "http.request", "body": body, "more_body": False}

        form = await Request(request.scope, replay).form(max_files=0, max_fields=20)
        fields = {k: v for k, v in form.multi_items() if isinstance(v, str)}
        if not header_token and not token_check(request, expected)(fields.get("csrf", "")):
            raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")
        return fields

    # Signing in --------------------------------------------------------------------------

    def login_page(request: Request, status: int = 200, problem: str | None = None) -> HTMLResponse:
        target = local_target(request.query_params.get("next"))
        return page(request, "login.html", status=status, problem=problem, next=target, csrf_login=csrf_token)

    async def login(request: Request) -> Response:
        if request.method == "GET":
            return login_page(request)
        # A login form carries the server's token (there is no session yet): no other site
        # can sign a browser in under an account of its choosing.
        header_token = check_origin_and_header(request, csrf_token)
        fields = await small_form(request, header_token, csrf_token)
        name, password = fields.get("name", "").strip(), fields.get("password", "")
        # Each server thread has its own connection (CaseFiles): take it in the thread that uses it.
        user = await run_in_threadpool(lambda: account_store.check_password(cases.get(), name, password))
        if user is None:
            return login_page(request, 401, "wrong name or password")
        token, _ = await run_in_threadpool(lambda: account_store.open_session(cases.get(), user))
        response = RedirectResponse(local_target(fields.get("next")), status_code=303)
        set_session_cookie(response, request, token)
        return response

    async def logout(request: Request) -> Response:
        await small_form(request, check_origin_and_header(request))
        token = request.cookies.get(COOKIE)
        await run_in_threadpool(lambda: account_store.close_session(cases.get(), token))
        response = RedirectResponse("/login", status_code=303)
        clear_session_cookie(response)
        return response

    # Pages -------------------------------------------------------------------------------

    def overview(request: Request) -> HTMLResponse:
        case = cases.get()
        number = page_number(request)
        documents = case.overview(offset=(number - 1) * PAGE_SIZE, limit=PAGE_SIZE)
        total = case.count()
        return page(
            request, "overview.html", documents=documents, total=total, page=number, max_file_bytes=MAX_BYTES,
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
        number = page_number(request)
        rows = case.case_entities(
            entity_type=wanted or None, offset=(number - 1) * ENTITIES_PAGE, limit=ENTITIES_PAGE + 1
        )
        return page(
            request, "entities.html", entities=rows[:ENTITIES_PAGE], wanted=wanted, entity_types=ENTITY_TYPES,
            page=number, more=len(rows) > ENTITIES_PAGE,
        )  # fmt: skip

    def entity(request: Request) -> Response:
        case = cases.get()
        case_id = entity_number(request)
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
            keep = case.case_id(str(entity_number(request)))
            other = case.case_id(_number_or_name(form.get("other", "").strip()))
            if other == keep:
                raise CaseFileError(case.path, "an entity cannot be merged into itself")
            reason = str(form.get("reason") or "merged by a user in the browser")
            case.merge(keep, other, reason, made_by=made_by(request))
        except CaseFileError as err:
            raise HTTPException(400, err.problem) from None
        return RedirectResponse(f"/entities/{keep}?done=merged", status_code=303)

    async def split(request: Request) -> Response:
        form = await check_write(request)
        case = cases.get()
        try:
            case_id = case.case_id(str(entity_number(request)))
            case.split(
                case_id, str(form.get("reason") or "split by a user in the browser"), made_by=made_by(request)
            )
        except CaseFileError as err:
            raise HTTPException(400, err.problem) from None
        return RedirectResponse(f"/entities/{case_id}?done=split", status_code=303)

    async def upload(request: Request) -> Response:
        header_token = check_writer(request)
        with tempfile.TemporaryDirectory(prefix="firsthand-upload-") as folder:
            try:
                form = await receive_form(
                    request, Path(folder), token_checked=header_token, token_ok=token_check(request)
                )
            except UploadRefused as refused:
                # The rest of the body is not read: the connection closes with the answer.
                raise HTTPException(
                    refused.status, refused.problem, headers={"Connection": "close"}
                ) from None
            added_by = made_by(request)
            results = [
                result for received in form.files for result in await read_and_store(received, added_by)
            ]
        if not form.files:
            results.append({"file": "", "status": "failed", "reason": "no file chosen"})
        if wants_json(request):
            return JSONResponse({"results": results})
        return page(request, "uploaded.html", results=results)

    async def read_and_store(received: ReceivedFile, added_by: str | None) -> list[dict[str, str]]:
        """One file read in a worker process, then stored here, each document it holds (an
        e-mail's attachments) in a transaction of its own: a failure costs only itself, and the
        event loop answers pages meanwhile."""
        if await run_in_threadpool(lambda: cases.get().has(received.sha256)):
            return [{"file": received.name, "status": "already present", "reason": ""}]
        outcomes = await readers.read(received)
        return [await run_in_threadpool(store_outcome, outcome, added_by) for outcome in outcomes]

    def store_outcome(outcome: Outcome, added_by: str | None) -> dict[str, str]:
        if outcome.error is not None:
            return {"file": outcome.path, "status": "failed", "reason": outcome.error.problem}
        if (
            outcome.record is None
            or outcome.raw is None
            or not cases.get().add(outcome.record, outcome.raw, added_by=added_by)
        ):
            return {"file": outcome.path, "status": "already present", "reason": ""}
        return {"file": outcome.path, "status": "added", "reason": "", "id": outcome.record.document.id}

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
                request, "compare.html", wanted=wanted, error=error, total=case.count(), findings=None
            )
        views = case_views(case, entity_id)
        findings = compare_case(views)
        return page(
            request, "compare.html", wanted=wanted, error=None, findings=findings,
            clashes=sum(f.stance == "clash" for f in findings), agreements=sum(f.stance == "agree" for f in findings),
            documents_read=len(views), total=case.count(), shown=PAIRS_SHOWN,
        )  # fmt: skip

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        response = await error_page(request, exc.status_code, exc.detail)
        response.headers.update(exc.headers or {})
        return response

    async def database_error(request: Request, exc: Exception) -> Response:
        return await error_page(request, 500, f"the case file could not be read ({exc})")

    async def number_too_large(request: Request, exc: Exception) -> Response:
        # A number past SQLite's integers, in a filter or a form: it names nothing in the case.
        return await error_page(request, 400, "a number in the request is too large to name anything")

    def lookup_session(token: str | None) -> account_store.Session | None:
        return account_store.session(cases.get(), token)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            await run_in_threadpool(readers.close)

    routes = [
        Route("/login", login, methods=["GET", "POST"]),
        Route("/logout", logout, methods=["POST"]),
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
        Mount("/static", StaticFiles(packages=[("firsthand.shells.web", "static")]), name="static"),
    ]
    return Starlette(
        routes=routes,
        middleware=[
            Middleware(RequestGuard, hosts=allowed_host_names(host, allowed_hosts), error_page=error_page),
            *([Middleware(SessionGate, lookup=lookup_session)] if accounts else []),
        ],
        exception_handlers={
            HTTPException: http_error,
            **dict.fromkeys(cases.errors, database_error),
            OverflowError: number_too_large,
        },
        lifespan=lifespan,
    )


def page_number(request: Request) -> int:
    """The page a list is asked for: the first when none (or no number) is given."""
    number = max(1, _int(request.query_params.get("page"), 1))
    if number > LARGEST_PAGE:
        raise HTTPException(400, "no such page: the page number is too large")
    return number


def entity_number(request: Request) -> int:
    """The entity id in the URL; a 404 for one past SQLite's integers (it names none)."""
    number = int(request.path_params["id"])
    if number > LARGEST_ID:
        raise HTTPException(404, "no such entity: the id is too large")
    return number


def _number_or_name(text: str) -> str:
    if text.isdigit() and int(text) > LARGEST_ID:
        raise HTTPException(400, "no such entity: the id is too large")
    return text


async def bounded_body(request: Request, limit: int) -> bytes:
    """The request's body, refused with a 413 once past ``limit`` bytes, declared or sent."""
    declared = request.headers.get("content-length", "")
    too_large = HTTPException(
        413, f"the request is over its {limit // 1024} KB limit", {"Connection": "close"}
    )
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise too_large
    return bytes(body)


def _int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
