"""Actors: who a noun phrase stands for (name, country code, sector, title), resolved within an article.

INTERFACE STUB -- the actors work replaces the body; the API below is what events, quotes and
the pipeline call, keep it.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..model import Actor, Entity


class ArticleActors:
    """Actor resolution over one parsed article.

    Built once per article; remembers the fullest mention of each person so that a later
    surname, pronoun or title ("Sullivan", "he", "the spokesman") resolves back to it.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    def actor_for_span(self, span: Span) -> Actor | None:
        """The actor a noun phrase denotes, or None when it denotes no political actor."""
        return Actor(text=span.text, name=span.text)

    def actor_for_token(self, token: Token) -> Actor | None:
        """The actor of the noun phrase headed by `token` (a subject, object or pobj)."""
        return self.actor_for_span(self.doc[token.left_edge.i: token.right_edge.i + 1])

    def entities(self) -> list[Entity]:
        """People, organisations and places of the article, with offsets, name and code."""
        return [Entity(text=e.text, label=e.label_, start=e.start_char, end=e.end_char, name=e.text)
                for e in self.doc.ents if e.label_ in {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}]
