"""`eventwire serve`: the web UI and the JSON API over one store, opened read-only.

Every request gets its own read-only connection, so an `eventwire ingest` may write into the same file
(WAL) while the server runs. Answers are kept per state of the store (responses.py): while an ingest
commits, pages show its batches a refresh later; once it stops, the next reload shows everything.
Several worker processes (`--workers`, one per core by default) share the load.
"""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path

import uvicorn
from fastapi import Depends, FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..engines import default_workers
from ..store import queries
from ..store.database import StoreError, connect
from ..store.queries import EventFilter
from . import api, pages
from .cache import Aggregates, last_write, store_stamp
from .deps import plain_parameters
from .responses import ResponseCache

STATIC = Path(__file__).with_name("static")
DB_VARIABLE = "EVENTWIRE_DB"  # how `serve` tells its worker processes which database to open
MAX_BODY = 16 * 1024  # bytes: the API only reads; nothing needs a large request
MAX_URL = 4 * 1024  # characters of path and query string
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
# Pages load nothing but their own stylesheet and SVG drawn on the server: no script may run at all.
PAGE_CSP = (
    "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"
)


def create_app(db_path: str) -> FastAPI:
    """The application over the SQLite store at db_path; a StoreError now if it cannot be read (missing,
    not an eventwire database, unreadable), rather than an error on every request."""
    connect(db_path, readonly=True).close()
    app = FastAPIOffline(
        title="eventwire",
        version=__version__,
        redoc_url=None,
        description="Political events, quotes and claims extracted from news articles. "
        "Every list takes `limit` (at most 500) and `offset`.",
        dependencies=[Depends(plain_parameters)],
    )
    app.state.db_path = str(Path(db_path).resolve())
    app.state.aggregates = Aggregates(app.state.db_path)
    for compute in (queries.actor_counts, queries.actor_network, api.timeline_rows):  # overview and /actors
        app.state.aggregates.warm(compute, EventFilter())
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_middleware(  # inside the bounds below
        ResponseCache, stamp=partial(store_stamp, app.state.db_path), last_write=partial(last_write, app.state.db_path)
    )
    app.middleware("http")(_bounds_and_headers)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(StoreError, _store_error)
    app.add_middleware(HeadAsGet)
    return app


class HeadAsGet:
    """HEAD on every GET route: the GET answer's status and headers, without its body (RFC 9110 9.3.2)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


async def _bounds_and_headers(request: Request, call_next) -> Response:
    """Refuse oversized requests before any work; add the security headers to every answer."""
    if len(str(request.url)) > MAX_URL:
        return PlainTextResponse("URL too long", status_code=414)
    length = request.headers.get("content-length")
    if (length and (not length.isdigit() or int(length) > MAX_BODY)) or "chunked" in request.headers.get(
        "transfer-encoding", ""
    ):
        return PlainTextResponse("request body too large", status_code=413)
    response = await call_next(request)
    response.headers.update(SECURITY_HEADERS)
    docs = request.url.path.startswith(("/docs", "/static-offline-docs"))
    response.headers["Content-Security-Policy"] = DOCS_CSP if docs else PAGE_CSP
    return response


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith(("/api/", "/openapi.json"))


async def _invalid(request: Request, exc: RequestValidationError) -> Response:
    """Bad filters: the API answers 422 with the details; a page says what was wrong in words."""
    if not _wants_html(request):
        return await request_validation_exception_handler(request, exc)
    problems = [f"{'/'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors()]
    return pages.page(request, "error.html", 422, title="Invalid filter", problems=problems)


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    if not _wants_html(request):
        return await http_exception_handler(request, exc)
    title = "Not found" if exc.status_code == 404 else f"Error {exc.status_code}"
    return pages.page(request, "error.html", exc.status_code, title=title, problems=[str(exc.detail)])


async def _store_error(request: Request, exc: StoreError) -> Response:
    """The database went away or changed under the server: say so in one line (503), no traceback."""
    return PlainTextResponse(f"database unavailable: {exc}", status_code=503)


def app_from_environment() -> FastAPI:
    """The application of one worker process (uvicorn starts each with this factory): the database
    named by EVENTWIRE_DB, which `serve` sets."""
    return create_app(os.environ[DB_VARIABLE])


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, workers: int | None = None) -> None:
    """Run the UI and API with uvicorn until interrupted, in `workers` processes (default: one per core)."""
    workers = workers or default_workers()
    print(
        f"eventwire: serving {db} at http://{host}:{port}/ (API docs at /docs) with {workers} workers; Ctrl+C stops",
        flush=True,
    )
    os.environ[DB_VARIABLE] = str(Path(db).resolve())
    uvicorn.run(
        f"{__name__}:app_from_environment",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level="warning",
        limit_concurrency=64,  # per worker process
        timeout_keep_alive=5,
        h11_max_incomplete_event_size=MAX_URL * 4,
        server_header=False,
    )
