"""Quotes: direct quotes between quotation marks and indirect reported speech, with speakers.

INTERFACE STUB -- the quotes work replaces the body; keep the signature.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..model import Quote
from .actors import ArticleActors


def extract_quotes(doc: Doc, actors: ArticleActors) -> list[Quote]:
    """Quotes of one article, each with its speaker resolved to the fullest name in the article."""
    return []
