"""HTML pages: main text and metadata (title, date, author, site) through trafilatura."""

from __future__ import annotations

import trafilatura

from ..model import Article
from .common import BadRecord, fill_source, normalise_published, split_names


def read_html(html: str, article_id: str, origin: str) -> Article:
    """One article from an HTML page; raises BadRecord when the page has no main text."""
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    text = (doc.text if doc else "") or ""
    if not text.strip():
        raise BadRecord("no main text found in the HTML page")
    published = normalise_published(doc.date)
    article = Article(
        id=article_id,
        text=text,
        title=doc.title,
        source=doc.sitename,
        url=doc.url,
        published=published,
        published_from="html-meta" if published else None,
        authors=split_names(doc.author),
        origin=origin,
    )
    return fill_source(article)
