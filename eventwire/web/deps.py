"""What every route shares: a read-only connection per request and the filters as bounded query parameters."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import StringConstraints
from starlette.convertors import Convertor, register_url_convertor

from ..store import filters
from ..store.database import connect
from ..store.queries import PLOVER_TYPES, STATUSES, EventFilter

MAX_PAGE = 500  # rows per page, API and UI
DEFAULT_PAGE = 50
MAX_OFFSET = 1_000_000
MAX_TEXT = 200  # characters of a free-text filter

# C0 control characters but tab, newline and carriage return (an article id may hold a newline), and DEL.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class AnyText(Convertor):
    """A path parameter that is any text, `/` and newline included: every stored id has its page."""

    regex = r"[\s\S]+"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("id", AnyText())


def plain_parameters(request: Request) -> None:
    """Every route's first check: a control character in the path or a query parameter is a 422 that
    names it (SQLite and the pages would choke on a NUL), before any parameter is read."""
    problems = [
        {"loc": loc, "msg": f"control character {found.group()!r} at {found.start()}", "type": "value_error"}
        for loc, text in (
            (("path",), request.scope["path"]),
            *((("query", key), key + value) for key, value in request.query_params.multi_items()),
        )
        if (found := CONTROL.search(text))
    ]
    if problems:
        raise RequestValidationError(problems)


def get_conn(request: Request) -> Iterator[sqlite3.Connection]:
    """A fresh read-only connection per request: each request sees every batch committed before it.

    It is closed when the last reference to it goes, as the request ends, not here: a route runs in a
    worker thread, and a request cancelled while its route still reads (a server stopping, a refresh
    of the response cache cut short) would close the connection under that thread, which crashes
    SQLite (a segmentation fault, not an exception)."""
    yield connect(request.app.state.db_path, readonly=True)


def _text(description: str, max_length: int = MAX_TEXT, **kw: str) -> Any:
    """An optional text query parameter, bounded."""
    return Annotated[str | None, Query(max_length=max_length, description=description, **kw)]


Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"rows per page (at most {MAX_PAGE})")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")]
PlaceParam = _text("ISO3 code of the country where events happened, e.g. SYR", 3)
Search = _text('FTS5 query over title and text, e.g. "Sullivan AND Rome"')
ArticleParam = _text("article id")
FromParam = _text("first date, YYYY[-MM[-DD]]", alias="from")
ToParam = _text("last date, YYYY[-MM[-DD]] (a month or year takes in all its days)", alias="to")


def _values(description: str) -> Any:
    """A filter that takes several values, repeated (`type=ACCUSE&type=THREATEN`) or comma-separated."""
    return Annotated[
        list[Annotated[str, StringConstraints(max_length=MAX_TEXT)]] | None, Query(description=description)
    ]


def event_filter(
    type: _values(f"PLOVER event types: {', '.join(PLOVER_TYPES)}") = None,
    actor: _values(
        "actors on either side: codes, names or bodies, e.g. CHN, China, NATO, IGO:nato; IGO alone for every IGO"
    ) = None,
    date_from: FromParam = None,
    date_to: ToParam = None,
    status: _values(f"statuses: {', '.join(STATUSES)}") = None,
    mode: _values("modes of the event, e.g. aerial") = None,
    context: _values("contexts of the event, e.g. election") = None,
    q: _text("words in the evidence sentence") = None,
    article: ArticleParam = None,
    place: PlaceParam = None,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> EventFilter:
    """The filters of `eventwire events` as query parameters, checked as the commands check them
    (store/filters.py); empty strings mean no filter; a refused value is a 422 saying why."""
    try:
        return filters.event_filter(
            type=type,
            actor=actor,
            mode=mode,
            context=context,
            date_from=date_from,
            date_to=date_to,
            status=status,
            article=article or None,
            text=q,
            place=place,
            limit=limit,
            offset=offset,
        )
    except filters.FilterError as error:
        raise RequestValidationError(
            [{"loc": ("query", p.parameter), "msg": p.message, "type": "value_error"} for p in error.problems]
        ) from None


@dataclass
class QuoteFilter:
    speaker: str | None
    q: str | None
    article: str | None
    limit: int
    offset: int


def quote_filter(
    speaker: _text("part of the speaker's name or description") = None,
    q: _text("words quoted") = None,
    article: ArticleParam = None,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> QuoteFilter:
    return QuoteFilter((speaker or "").strip() or None, (q or "").strip() or None, article or None, limit, offset)
