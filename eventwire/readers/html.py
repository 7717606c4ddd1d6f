"""HTML pages: main text and metadata (title, date, author, site) through trafilatura, imported
on the first page read: it costs half a second of start-up that reading JSON Lines need not pay."""

from __future__ import annotations

from ..model import Article
from .common import BadRecord, check_id, id_from_text, normalise_published, split_names
from .furniture import fill_source

# Fewer words than this is no article: what trafilatura falls back on when a page has no main
# text is its menu or its cookie banner ("Home News Sport", "We use cookies. Accept all").
MIN_WORDS = 20


def read_html(html: str, article_id: str | None, origin: str) -> Article:
    """One article from an HTML page; raises BadRecord when the page has no main text.
    Without `article_id` (stdin), the id is a hash of the page."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    text = (doc.text if doc else "") or ""
    words = len(text.split())
    if words < MIN_WORDS:
        raise BadRecord(f"no main text found in the HTML page ({words} words: a menu or a banner at most)")
    published = normalise_published(doc.date)
    article = Article(
        id=check_id(article_id or id_from_text(html)),
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
