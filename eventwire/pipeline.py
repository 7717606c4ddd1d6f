"""`process(article)`: the one pure function every engine calls. Nothing else runs the extractors."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from . import nlp, prefilter
from .extract.actors import ArticleActors
from .extract.claims import apply_claims
from .extract.events import extract_events
from .extract.language import detect_language
from .extract.quotes import extract_quotes
from .model import Analysis, Article

ENGLISH = "en"


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
    article = replace(article, language=article.language or detect_language(article.text))
    if article.language != ENGLISH:
        return Analysis(article=article)
    # The opt-in pre-filter blanks sentences that can hold nothing; offsets stay those of the text.
    doc = nlp.parse(prefilter.select(article.text).text if prefilter.enabled() else article.text)
    doc.user_data["title"] = article.title  # a headline may name what the body leaves out (the place)
    actors = ArticleActors(doc)
    quotes = extract_quotes(doc, actors)  # first: "we" in a quote is its speaker's side
    events = apply_claims(extract_events(doc, actors, reference_time(article), quotes), doc, actors)
    return Analysis(article=article, events=events, quotes=quotes, entities=actors.entities())
