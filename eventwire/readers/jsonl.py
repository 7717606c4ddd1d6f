"""JSON Lines: one article per line with the fields of SPEC §1; unknown fields kept in `extra`."""

from __future__ import annotations

import json
from typing import Any

from ..model import Article
from .common import BadRecord, fill_source, id_from_text, normalise_published, split_names

KNOWN = {
    "id",
    "title",
    "text",
    "body",
    "published",
    "date",
    "pub_date",
    "url",
    "source",
    "author",
    "authors",
    "section",
    "keywords",
}


def read_json_record(line: str, origin: str) -> Article:
    """One article from one JSON line; raises BadRecord with the reason when it is not one."""
    try:
        record: Any = json.loads(line)
    except json.JSONDecodeError as err:
        raise BadRecord(f"not valid JSON ({err.msg} at column {err.colno})") from None
    if not isinstance(record, dict):
        raise BadRecord(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text") or record.get("body")
    if not isinstance(text, str) or not text.strip():
        raise BadRecord("no 'text' or 'body' field with text")
    published_raw = next((record[k] for k in ("published", "date", "pub_date") if record.get(k)), None)
    published = normalise_published(published_raw)
    article = Article(
        id=str(record["id"]) if record.get("id") not in (None, "") else id_from_text(text),
        text=text,
        title=record.get("title"),
        source=record.get("source"),
        url=record.get("url"),
        published=published,
        published_from="field" if published else None,
        authors=split_names(record.get("authors") or record.get("author")),
        section=record.get("section"),
        keywords=split_names(record.get("keywords")),
        extra={k: v for k, v in record.items() if k not in KNOWN},
        origin=origin,
    )
    return fill_source(article)
