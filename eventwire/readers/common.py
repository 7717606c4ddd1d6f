"""What every reader shares: the error record, size and encoding checks, field normalisation."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import dateparser

DEFAULT_MAX_BYTES = 2_000_000
YEAR_FIRST = re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?!\d)")


@dataclass
class ReadError:
    """A record that could not be read: where it was and why, in one line."""

    origin: str  # "path" or "path:line"
    reason: str

    def __str__(self) -> str:
        return printable(f"{self.origin}: {self.reason}")


class BadRecord(ValueError):
    """Raised inside a reader for one record; the caller turns it into a ReadError and goes on."""


def printable(text: str) -> str:
    """The text on one terminal line whatever it holds: control characters (a newline, an ANSI
    escape) and other unprintable ones written as Python escapes, `\\n`, `\\x1b`."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape", "backslashreplace").decode() for c in text)


def check_id(article_id: str) -> str:
    """An article id as it will be stored and shown: not empty, and no control characters
    (Unicode category Cc: newline, tab, escape, NUL)."""
    if not article_id.strip():
        raise BadRecord("empty id")
    if any(unicodedata.category(c) == "Cc" for c in article_id):
        raise BadRecord(f"id {article_id!r} contains control characters")
    return article_id


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def id_from_text(text: str) -> str:
    """A stable id for a record that brings none: the first 16 hex digits of its text's hash."""
    return text_hash(text)[:16]


def decode(data: bytes) -> str:
    """UTF-8 text of a record, refusing binary data and invalid bytes with a precise reason."""
    nul = data.find(b"\x00")
    if nul >= 0:
        raise BadRecord(f"NUL byte at byte {nul}: binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise BadRecord(f"invalid UTF-8 at byte {err.start}") from None
    if not text.strip():
        raise BadRecord("empty")
    return text


def check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise BadRecord(f"{size:,} bytes, over the limit of {max_bytes:,} (--max-bytes)")


def normalise_published(value: object) -> str | None:
    """An ISO 8601 timestamp from whatever a record gives (ISO strings first, then dateparser),
    None when it is no date: a year-month-day date that does not exist (2025-13-01) too, which
    dateparser would read as 13 January."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        if not _possible_year_first(text):
            return None
        when = dateparser.parse(text, languages=["en"], settings={"RETURN_AS_TIMEZONE_AWARE": False})
        if when is None:
            return None
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
        return when.isoformat() + "Z"
    return when.isoformat()


def _possible_year_first(text: str) -> bool:
    """False for a text that begins with a year, a month and a day that make no date."""
    start = YEAR_FIRST.match(text)
    if start:
        try:
            datetime.strptime(start[0], "%Y-%m-%d")
        except ValueError:
            return False
    return True


def split_names(value: object) -> list[str]:
    """Authors or keywords given as a list or as one string joined by commas, semicolons or 'and'."""
    if not value:
        return []
    items = value if isinstance(value, list) else re.split(r"\s*(?:,|;|\band\b|&)\s*", str(value))
    seen: dict[str, None] = {}
    for item in items:
        item = str(item).strip()
        if item and item.lower() not in {s.lower() for s in seen}:
            seen[item] = None
    return list(seen)


@lru_cache(maxsize=1)
def _outlets() -> dict[str, str]:
    path = Path(__file__).resolve().parent.parent / "data" / "outlets.tsv"
    rows = (
        line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")
    )
    return {host.strip().lower(): name.strip() for host, name in rows}


def outlet_from_url(url: str | None) -> str | None:
    """The outlet's name for a URL: from data/outlets.tsv when known, else the bare host."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    host = host.removeprefix("www.").lower()
    if not host:
        return None
    outlets = _outlets()
    parts = host.split(".")
    for i in range(len(parts) - 1):  # news.bbc.co.uk -> bbc.co.uk
        name = outlets.get(".".join(parts[i:]))
        if name:
            return name
    return host
