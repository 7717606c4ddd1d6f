"""Plain text in the seed layout: optional asset header, title, body (docs/contract.md)."""

from __future__ import annotations

import re
from datetime import datetime

from ..model import Article
from .common import BadRecord, check_id, id_from_text
from .furniture import fill_source

# `220313211238 jake sullivan yang jiechi split super tease` or the CNN asset name with hyphens.
ASSET_HEADER = re.compile(
    r"^(?P<stamp>\d{12})(?:[\s_-]+(?P<slug>[^\n]*?))?(?:\.(?:jpe?g|png|gif|webp))?\s*$", re.IGNORECASE
)


def asset_stamp(line: str) -> tuple[str, list[str]] | None:
    """(ISO time, slug keywords) of an asset header line, or None when the line is not one."""
    match = ASSET_HEADER.match(line.strip())
    if not match:
        return None
    try:
        when = datetime.strptime(match["stamp"], "%y%m%d%H%M%S")
    except ValueError:
        return None
    slug = [w for w in re.split(r"[\s_-]+", (match["slug"] or "").lower()) if w]
    return when.isoformat(), slug


def read_text(text: str, article_id: str | None, origin: str) -> Article:
    """One article from a plain-text file: header (if any), then the title line, then the body.
    Without `article_id` (stdin), the id is a hash of the text."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    published = published_from = None
    slug: list[str] = []
    stamp = asset_stamp(lines[0]) if lines else None
    if stamp:
        published, slug = stamp
        published_from = "asset-stamp"
        lines.pop(0)
        while lines and not lines[0].strip():
            lines.pop(0)
    title = lines.pop(0).strip() if lines else None
    body = "\n".join(lines).strip("\n")
    if not body.strip():
        if not title:
            raise BadRecord("no text after the header")
        title, body = None, title  # a one-paragraph file is all body
    article = Article(
        id=check_id(article_id or id_from_text(text)),
        text=body,
        title=title,
        published=published,
        published_from=published_from,
        slug_keywords=slug,
        origin=origin,
    )
    return fill_source(article)
