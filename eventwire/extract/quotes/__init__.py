"""Quotes: direct quotes between quotation marks and indirect reported speech, with speakers.

Direct quotes are found by scanning the quotation marks of the raw text (`find_marked_spans`):
straight and curly double marks, LaTeX ``...'', guillemets, and single marks outside double
ones. Each mark is read from the characters beside it, so mixed styles (`"...”`), unbalanced
marks and apostrophes (don't, Xi's, the '90s, countries') never throw the scan out of step;
at worst one quote is cut short at the end of its sentence or paragraph.

The parse only serves to find who speaks (`extract_quotes`): the cue verb that governs the
quote ("'...,' Haas tweeted", "called the claims 'disinformation'"), one right after the
closing mark ("'...,' said Zhao"), "according to X", one before the quote in its sentence
("X said: '...'"), and for a quote that opens its sentence with no cue, the last speaker
before it. Short quoted phrases with no cue anywhere (scare quotes) and quoted titles and
names are dropped. Indirect quotes are the clauses of cue verbs ("X said (that) CLAUSE",
"according to X, CLAUSE") that contain no quotation marks.

Ids are "q" + 12 hex digits of a hash of the article text, the kind and the offsets: the
same article always gives the same ids, and two articles never share one.
"""

from __future__ import annotations

import hashlib

from spacy.tokens import Doc

from ...model import Quote
from ..actors import ArticleActors
from .direct import direct_quotes
from .indirect import indirect_quotes
from .marks import find_marked_spans
from .speakers import QuoteParse

__all__ = ["extract_quotes", "find_marked_spans"]


def extract_quotes(doc: Doc, actors: ArticleActors, text: str) -> list[Quote]:
    """Quotes of one article, each with its speaker resolved to the fullest name in the article.

    Direct quotes (kind "direct") come from the quotation marks, indirect ones ("indirect")
    from the clauses of cue verbs; both are returned in text order.  `text` is the doc's text.
    """
    if not len(doc):
        return []
    spans = find_marked_spans(text, [s.end_char for s in actors.sentences.spans])
    art = QuoteParse(doc, text, actors, spans)
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
    quotes = direct_quotes(art, spans, digest) + indirect_quotes(art, digest)
    return sorted(quotes, key=lambda q: (q.start, q.kind))
