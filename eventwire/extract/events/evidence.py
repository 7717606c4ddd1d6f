"""An event's evidence: the sentence of its trigger, cut at paragraph breaks, and its id."""

from __future__ import annotations

import hashlib

from spacy.tokens import Token

from ..article import ArticleContext


def evidence_bounds(ctx: ArticleContext, tok: Token) -> tuple[int, int]:
    """Character offsets of the trigger's sentence, cut at paragraph breaks (the parser may run
    a heading into the paragraph after it) and without surrounding space."""
    text = ctx.text
    start, end = ctx.sentences.bounds(tok)
    start = max(start, text.rfind("\n", start, tok.idx) + 1)
    cut = text.find("\n", tok.idx, end)
    end = end if cut == -1 else cut
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def evidence(ctx: ArticleContext, tok: Token) -> tuple[str, int, int]:
    """The trigger's evidence sentence and its offsets."""
    start, end = evidence_bounds(ctx, tok)
    return ctx.text[start:end], start, end


def event_id(type_: str, tok: Token) -> str:
    """Stable ids: the same text gives the same ids on every run (docs/contract.md)."""
    return hashlib.sha1(f"{type_}:{tok.idx}".encode()).hexdigest()[:16]
