"""One sentence index per article, shared by every extractor (docs/design.md).

`Token.sent` walks the doc from its start on each call and `Doc.sents` builds new spans on
each pass; the index reads the sentences once and answers by token index.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token


@dataclass(frozen=True)
class Sentences:
    """The sentences of one doc: their spans and the sentence number of every token."""

    doc: Doc
    spans: list[Span]
    number_of: list[int]  # token index -> sentence number

    @classmethod
    def of(cls, doc: Doc) -> Sentences:
        spans = list(doc.sents)
        number_of = [0] * len(doc)
        for n, sent in enumerate(spans):
            number_of[sent.start : sent.end] = [n] * (sent.end - sent.start)
        return cls(doc, spans, number_of)

    def number(self, tok: Token) -> int:
        """The index of the token's sentence: how far apart two words are told."""
        return self.number_of[tok.i]

    def span(self, tok: Token) -> Span:
        """The token's sentence (`tok.sent` without the walk)."""
        return self.spans[self.number_of[tok.i]]

    def bounds(self, tok: Token) -> tuple[int, int]:
        """Character offsets of the token's sentence."""
        sent = self.span(tok)
        return sent.start_char, sent.end_char
