"""Near-duplicate articles: MinHash signatures over word 3-grams of normalised text, LSH to find
candidates, the estimated Jaccard similarity to decide.

Why: outlets run the same wire copy with light edits (a typo fixed, paragraphs moved, their own
name in the credit line). Counting each copy's events again is how GDELT turned one abduction
into hundreds of kidnappings. Word 3-grams survive reordering (only the grams across a moved
boundary change) and a typo costs three grams, so a light edit keeps the similarity high while
two stories on the same topic share almost none.
"""
from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

SHINGLE_WORDS = 3
NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # datasketch's default: uint32 hash values, 512 bytes per signature
DTYPE = np.dtype("<u4")
DEFAULT_DUPLICATE = 0.8  # share of word 3-grams from which an article counts as a copy
DEFAULT_SIMILAR = 0.3    # share from which two articles are versions of one story (same group)

_WORD = re.compile(r"\w+")
# CRC-32 is a weak hash but a fast one, and datasketch's affine schemes premix every input hash
# with the MurmurHash3 finalizer, which makes weak hashes safe; the permutations are made once.
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashfunc=zlib.crc32)


def words(text: str) -> list[str]:
    """Words of the text, case and Unicode variants (curly quotes, ligatures) folded."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of word n-grams; a text shorter than n words is its own single gram."""
    w = words(text)
    if len(w) <= size:
        return {" ".join(w).encode()}
    return {" ".join(w[i:i + size]).encode() for i in range(len(w) - size + 1)}


def signature(text: str) -> LeanMinHash:
    m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashfunc=zlib.crc32,
                permutations=_TEMPLATE.permutations)
    m.update_batch(shingles(text))
    return LeanMinHash(m)


def to_blob(sig: LeanMinHash) -> bytes:
    return sig.hashvalues.astype(DTYPE).tobytes()


def from_blob(blob: bytes) -> LeanMinHash | None:
    """A stored signature, or None when it was made with other parameters (then recompute it)."""
    if len(blob) != NUM_PERM * DTYPE.itemsize:
        return None
    return LeanMinHash(hashvalues=np.frombuffer(blob, dtype=DTYPE), seed=SEED, scheme=SCHEME)


@dataclass(frozen=True)
class Match:
    article_id: str
    similarity: float  # estimated Jaccard similarity of the two articles' word 3-grams


class SimilarityIndex:
    """Signatures of the stored articles, in one LSH index tuned to the lower of the two thresholds:
    one lookup finds both copies (>= duplicate) and versions of the same story (>= similar)."""

    def __init__(self, duplicate: float = DEFAULT_DUPLICATE, similar: float = DEFAULT_SIMILAR) -> None:
        for name, value in (("duplicate", duplicate), ("similar", similar)):
            if not 0.0 < value <= 1.0:
                raise ValueError(f"{name} threshold must be in (0, 1], got {value}")
        self.duplicate, self.similar = duplicate, similar
        self._lsh = MinHashLSH(threshold=min(duplicate, similar), num_perm=NUM_PERM)
        self._sigs: dict[str, LeanMinHash] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def add(self, article_id: str, sig: LeanMinHash) -> None:
        if article_id in self._sigs:
            self.remove(article_id)
        self._lsh.insert(article_id, sig, check_duplication=False)
        self._sigs[article_id] = sig

    def signature_of(self, article_id: str) -> LeanMinHash:
        return self._sigs[article_id]

    def remove(self, article_id: str) -> None:
        if self._sigs.pop(article_id, None) is not None:
            self._lsh.remove(article_id)

    def matches(self, sig: LeanMinHash) -> list[Match]:
        """Stored articles at least `similar` (or `duplicate`) alike, most alike first."""
        floor = min(self.duplicate, self.similar)
        found = [Match(key, sig.jaccard(self._sigs[key])) for key in self._lsh.query(sig)]
        return sorted((m for m in found if m.similarity >= floor), key=lambda m: (-m.similarity, m.article_id))

    def duplicate_of(self, matches: list[Match]) -> Match | None:
        """The most alike match when it is alike enough to be a copy."""
        return matches[0] if matches and matches[0].similarity >= self.duplicate else None
