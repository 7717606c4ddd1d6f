"""Events: PLOVER event types from trigger lexicons matched on the dependency parse.

INTERFACE STUB -- the events work replaces the body; keep the signature.
"""
from __future__ import annotations

from datetime import datetime

from spacy.tokens import Doc

from ..model import Event
from .actors import ArticleActors


def extract_events(doc: Doc, actors: ArticleActors, reference: datetime | None) -> list[Event]:
    """Events of one article, one per real-world event, each with its evidence sentence."""
    return []
