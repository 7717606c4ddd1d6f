"""What every route shares: a read-only connection per request and the filters as bounded query parameters."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Query, Request
from fastapi.exceptions import RequestValidationError
from starlette.convertors import Convertor, register_url_convertor

from ..store.database import connect
from ..store.queries import PLOVER_TYPES, STATUSES, EventFilter, date_span

MAX_PAGE = 500  # rows per page, API and UI
DEFAULT_PAGE = 50
MAX_OFFSET = 1_000_000
MAX_TEXT = 200  # characters of a free-text filter

# Empty values are allowed (an HTML form sends `type=` for "any"); they mean no filter.
TYPE_PATTERN = "^(?i:" + "|".join(PLOVER_TYPES) + ")?$"
STATUS_PATTERN = "^(" + "|".join(STATUSES) + ")?$"
DATE_PATTERN = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"


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
TypeParam = _text("PLOVER event type, e.g. CONSULT", pattern=TYPE_PATTERN)
ActorParam = _text("country or IGO code on either side, e.g. CHN", 16)
FromParam = _text("first date, YYYY-MM-DD", alias="from", pattern=DATE_PATTERN)
ToParam = _text("last date, YYYY-MM-DD", alias="to", pattern=DATE_PATTERN)
StatusParam = _text("occurred, reported, planned, hypothetical, denied or negated", pattern=STATUS_PATTERN)
ArticleParam = _text("article id")
PlaceParam = _text("ISO3 code of the country where events happened, e.g. SYR", 3)
Search = _text('FTS5 query over title and text, e.g. "Sullivan AND Rome"')


def _dates(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    """`from` and `to` as the first and last day they cover (`to=2025-02` takes in February), or a
    RequestValidationError (422) saying which day does not exist or that `from` comes after `to`."""
    problems, spans = [], {}
    for name, value in (("from", date_from), ("to", date_to)):
        if value:
            try:
                spans[name] = date_span(value)
            except ValueError as error:
                problems.append(
                    {"loc": ("query", name), "msg": f"{value!r} is no date: {error}", "type": "value_error"}
                )
    if len(spans) == 2 and spans["from"][0] > spans["to"][1]:
        problems.append(
            {"loc": ("query", "from"), "msg": f"from {date_from} is later than to {date_to}", "type": "value_error"}
        )
    if problems:
        raise RequestValidationError(problems)
    return (
        spans["from"][0].isoformat() if "from" in spans else None,
        spans["to"][1].isoformat() if "to" in spans else None,
    )


def event_filter(
    type: TypeParam = None,
    actor: ActorParam = None,
    date_from: FromParam = None,
    date_to: ToParam = None,
    status: StatusParam = None,
    q: _text("words in the evidence sentence") = None,
    article: ArticleParam = None,
    place: PlaceParam = None,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> EventFilter:
    """The filters of `eventwire events` as query parameters; empty strings mean no filter; a day that
    does not exist, or `from` after `to`, is a 422 saying so."""
    date_from, date_to = _dates(date_from, date_to)
    return EventFilter(
        type=type or None,
        actor=(actor or "").strip() or None,
        date_from=date_from,
        date_to=date_to,
        status=status or None,
        article=article or None,
        text=(q or "").strip() or None,
        place=(place or "").strip() or None,
        limit=limit,
        offset=offset,
    )


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
