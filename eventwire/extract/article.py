"""`ArticleContext`: what every extractor may read about one article, built once before any of
them runs (docs/design.md).  Extractors read it and keep no state on the Doc."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import datetime

from spacy.tokens import Doc

from ..model import Actor, Quote
from .actors import ArticleActors
from .dates import DateAnchors
from .quotes import extract_quotes
from .sentences import Sentences


@dataclass(frozen=True)
class ArticleContext:
    """One article's parse and what is known about it before events are extracted."""

    doc: Doc
    title: Doc | None  # a headline may name what the body leaves out (the place)
    text: str  # doc.text, read once: `Doc.text` joins every token anew on each access
    reference: datetime | None  # publication time; relative dates resolve against `dates.reference` (the filing day)
    sentences: Sentences
    actors: ArticleActors
    dates: DateAnchors
    quotes: list[Quote]
    # (start, end, speaker) of the direct quotes whose speaker has a code, in text order:
    # "we" or "I" inside one is its speaker
    speakers: list[tuple[int, int, Actor]]
    dateline_day: str | None = None  # "June 4" of a dateline the reader took out of the body

    @classmethod
    def build(
        cls, doc: Doc, title: Doc | None, reference: datetime | None, dateline_day: str | None = None
    ) -> ArticleContext:
        text = doc.text
        sentences = Sentences.of(doc)
        actors = ArticleActors(doc, sentences)
        quotes = extract_quotes(doc, actors, text)
        speakers = sorted(
            ((q.start, q.end, q.speaker) for q in quotes if q.kind == "direct" and q.speaker and q.speaker.code),
            key=lambda s: s[:2],
        )
        anchors = DateAnchors(sentences, reference, dateline_day)
        return cls(doc, title, text, reference, sentences, actors, anchors, quotes, speakers, dateline_day)

    def speaker_at(self, offset: int) -> Actor | None:
        """The speaker of the direct quote the character offset stands in, if any."""
        n = bisect_right(self.speakers, (offset, float("inf"))) - 1
        for start, end, speaker in reversed(self.speakers[max(n - 1, 0) : n + 1]):  # a quote may hold one
            if start <= offset < end:
                return speaker
        return None
