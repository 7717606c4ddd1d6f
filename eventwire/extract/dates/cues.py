"""The cue words of data/date_place_cues.yaml, read once per process (dates and places)."""

from __future__ import annotations

from functools import lru_cache

from ..vocabulary import read_yaml


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    """The cue-word lists of data/date_place_cues.yaml (shared with places.py)."""
    return {key: frozenset(words) for key, words in read_yaml("date_place_cues.yaml").items()}
