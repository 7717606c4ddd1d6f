"""Claims: status from modality and negation, reporting frames (attributed_to), denials (disputed_by).

INTERFACE STUB -- the events work replaces the body; keep the signature.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..model import Event
from .actors import ArticleActors


def apply_claims(events: list[Event], doc: Doc, actors: ArticleActors) -> list[Event]:
    """Set status, attributed_to and disputed_by on the events; returns the same list."""
    return events
