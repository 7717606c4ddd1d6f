"""`process(article)`: the one pure function every engine calls, and `process_many`, the same
over a batch. Nothing else runs the extractors."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import datetime

from spacy.tokens import Doc

from . import nlp, prefilter
from .extract.article import ArticleContext
from .extract.contexts import apply_contexts
from .extract.events import extract_events
from .extract.language import ENGLISH, detect_language
from .extract.modes import apply_modes
from .learn import LinearModel
from .model import Analysis, Article

PARSE_BATCH = 8  # articles spaCy parses together: measured fastest on news-length texts


def reference_time(article: Article) -> datetime | None:
    """The time relative dates resolve against: the article's publication time, if known."""
    if not article.published:
        return None
    try:
        return datetime.fromisoformat(article.published.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return None


def process(article: Article) -> Analysis:
    """Analyse one article: parse, resolve actors, extract events, claims and quotes. No I/O.

    The English lexicons and model say nothing true about other languages, so an article in
    another language is returned with its language marked and nothing extracted.
    """
    return next(process_many([article]))


def process_many(articles: Iterable[Article], sides: LinearModel | None = None) -> Iterator[Analysis]:
    """`process` over many articles, in order, with the same results. spaCy parses English
    texts in batches (`nlp.pipe`), which takes about a sixth less CPU than one at a time.
    `sides` replaces the shipped sides model (bench/accuracy.py scores each fold with one
    trained without it)."""
    articles = [replace(a, language=a.language or detect_language(a.text)) for a in articles]
    english = [a for a in articles if a.language == ENGLISH]
    # The opt-in pre-filter blanks sentences that can hold nothing; offsets stay those of the text.
    texts = (prefilter.select(a.text).text if prefilter.enabled() else a.text for a in english)
    docs = nlp.pipe(texts, batch_size=PARSE_BATCH)
    titles = nlp.pipe((a.title or "" for a in english), batch_size=PARSE_BATCH)
    parsed = zip(docs, titles, strict=False)
    for article in articles:
        yield analyse_doc(article, *next(parsed), sides) if article.language == ENGLISH else Analysis(article=article)


def article_context(article: Article, doc: Doc, title: Doc | None = None) -> ArticleContext:
    """What the extractors read of an article's parse: with its reference time and its dateline's day."""
    return ArticleContext.build(doc, title, reference_time(article), article.extra.get("dateline_day"))


def analyse_doc(article: Article, doc: Doc, title: Doc | None = None, sides: LinearModel | None = None) -> Analysis:
    """The extractors over an article's parse (and its title's), through one `ArticleContext`: the
    event passes (docs/design.md), then how each event was done and what it was about."""
    ctx = article_context(article, doc, title)
    events = apply_contexts(apply_modes(extract_events(ctx, sides), ctx), article)
    return Analysis(article=article, events=events, quotes=ctx.quotes, entities=ctx.actors.entities())
