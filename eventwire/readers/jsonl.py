"""JSON Lines: one article per line with the fields of docs/contract.md; unknown fields kept in `extra`.

A line is checked before it becomes an Article: each known field of its type, no nesting
deeper than MAX_DEPTH, no NUL character and no lone surrogate in any string (SQLite and
every reader downstream would choke on them), so a bad line is refused with its reason here
and never reaches the store."""

from __future__ import annotations

import json
from typing import Any

from ..model import Article
from .common import BadRecord, check_id, id_from_text, normalise_published, split_names
from .furniture import fill_source

MAX_DEPTH = 32  # objects and arrays inside one another; an article needs a few
STRING, NAMES = (str,), (str, list)
FIELDS: dict[str, tuple[type, ...]] = {  # the types each known field may have besides null
    "id": (str, int),
    "title": STRING,
    "text": STRING,
    "body": STRING,
    "published": STRING,
    "date": STRING,
    "pub_date": STRING,
    "url": STRING,
    "source": STRING,
    "section": STRING,
    "author": NAMES,
    "authors": NAMES,
    "keywords": NAMES,
}
TYPE_NAMES = {str: "a string", int: "an integer", list: "a list of strings"}


def read_json_record(line: str, article_id: str | None, origin: str) -> Article:
    """One article from one JSON line; raises BadRecord with the reason when it is not one.
    `article_id` is the id when the record has none (else a hash of its text)."""
    record = parse(line)
    text = record.get("text") or record.get("body")
    if not isinstance(text, str) or not text.strip():
        raise BadRecord("no 'text' or 'body' field with text")
    published_raw = next((record[k] for k in ("published", "date", "pub_date") if record.get(k)), None)
    published = normalise_published(published_raw)
    if published_raw and not published:
        raise BadRecord(f"published {published_raw!r} is not a date")
    article = Article(
        id=check_id(str(record["id"])) if record.get("id") not in (None, "") else article_id or id_from_text(text),
        text=text,
        title=record.get("title"),
        source=record.get("source"),
        url=record.get("url"),
        published=published,
        published_from="field" if published else None,
        authors=split_names(record.get("authors") or record.get("author")),
        section=record.get("section"),
        keywords=split_names(record.get("keywords")),
        extra={k: v for k, v in record.items() if k not in FIELDS},
        origin=origin,
    )
    return fill_source(article)


def parse(line: str) -> dict[str, Any]:
    """The JSON object of a line, its known fields of the right types and its strings clean."""
    try:
        record: Any = json.loads(line, parse_constant=_no_constant)
    except json.JSONDecodeError as err:
        raise BadRecord(f"not valid JSON ({err.msg} at column {err.colno})") from None
    except RecursionError:
        raise BadRecord(f"JSON nested deeper than {MAX_DEPTH} levels") from None
    except ValueError as err:  # an integer of more than 4,300 digits
        raise BadRecord(f"not valid JSON ({err})") from None
    if not isinstance(record, dict):
        raise BadRecord(f"expected a JSON object, got {type(record).__name__}")
    for name, types in FIELDS.items():
        value = record.get(name)
        if value is not None and not _of_type(value, types):
            raise BadRecord(f"{name} must be {' or '.join(TYPE_NAMES[t] for t in types)}, not {type(value).__name__}")
    _check_values(record)
    return record


def _no_constant(name: str) -> float:
    raise BadRecord(f"{name} is not a JSON number")


def _of_type(value: object, types: tuple[type, ...]) -> bool:
    if isinstance(value, bool):  # JSON true and false are ints to Python
        return False
    if isinstance(value, list):
        return list in types and all(isinstance(v, str) for v in value)
    return isinstance(value, types)


def _check_values(record: dict[str, Any]) -> None:
    """Every string of the record (keys too) free of NUL and lone surrogates, at most MAX_DEPTH deep."""
    stack: list[tuple[object, str, int]] = [(record, "record", 1)]
    while stack:
        value, where, depth = stack.pop()
        if isinstance(value, str):
            _check_string(value, where)
        elif isinstance(value, dict | list):
            if depth > MAX_DEPTH:
                raise BadRecord(f"JSON nested deeper than {MAX_DEPTH} levels")
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                path = key if where == "record" else f"{where}.{key}"
                if isinstance(key, str):
                    _check_string(key, f"a key of {where}")
                stack.append((item, str(path), depth + 1))


def _check_string(value: str, where: str) -> None:
    nul = value.find("\x00")
    if nul >= 0:
        raise BadRecord(f"NUL character in {where} at offset {nul}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        raise BadRecord(f"invalid Unicode (a lone surrogate) in {where} at offset {err.start}") from None
