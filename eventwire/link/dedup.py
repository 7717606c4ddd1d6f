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

from .thresholds import DEFAULT_DUPLICATE, DEFAULT_SIMILAR

SHINGLE_WORDS = 3
NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # datasketch's default: uint32 hash values, 512 bytes per signature
DTYPE = np.dtype("<u4")

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
    return {" ".join(w[i : i + size]).encode() for i in range(len(w) - size + 1)}


def signature(text: str) -> LeanMinHash:
    m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashfunc=zlib.crc32, permutations=_TEMPLATE.permutations)
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
    """Signatures of the stored articles and of their near copies, in one LSH index tuned to the
    lower of the two thresholds: one lookup finds both copies (>= duplicate) and versions of the
    same story (>= similar). A copy stays in the index for its original, so a copy of a copy
    (wire text edited twice over) still finds the original."""

    def __init__(self, duplicate: float = DEFAULT_DUPLICATE, similar: float = DEFAULT_SIMILAR) -> None:
        for name, value in (("duplicate", duplicate), ("similar", similar)):
            if not 0.0 < value <= 1.0:
                raise ValueError(f"{name} threshold must be in (0, 1], got {value}")
        self.duplicate, self.similar = duplicate, similar
        self._lsh = MinHashLSH(threshold=min(duplicate, similar), num_perm=NUM_PERM)
        self._sigs: dict[str, LeanMinHash] = {}
        self._original: dict[str, str] = {}  # copy -> the stored article it copies
        self._copies: dict[str, set[str]] = {}  # stored article -> its copies

    def __len__(self) -> int:
        return len(self._sigs)

    def add(self, key: str, sig: LeanMinHash, original: str | None = None) -> None:
        """Index a stored article, or (with `original`) a near copy of one."""
        self._drop(key)
        self._lsh.insert(key, sig, check_duplication=False)
        self._sigs[key] = sig
        if original:
            self._original[key] = original
            self._copies.setdefault(original, set()).add(key)

    def signature_of(self, key: str) -> LeanMinHash:
        return self._sigs[key]

    def remove(self, key: str) -> None:
        """Forget an article and its copies (the store drops them with it), or one copy."""
        for copy in self._copies.pop(key, set()):
            self._drop(copy)
        self._drop(key)

    def _drop(self, key: str) -> None:
        if self._sigs.pop(key, None) is not None:
            self._lsh.remove(key)
        original = self._original.pop(key, None)
        if original:
            self._copies.get(original, set()).discard(key)

    def matches(self, sig: LeanMinHash) -> list[Match]:
        """Stored articles at least `similar` (or `duplicate`) alike to the text or to one of
        their copies, most alike first."""
        floor = min(self.duplicate, self.similar)
        best: dict[str, float] = {}
        for key in self._lsh.query(sig):
            similarity = sig.jaccard(self._sigs[key])
            article = self._original.get(key, key)
            if similarity >= max(floor, best.get(article, 0.0)):
                best[article] = similarity
        return sorted((Match(a, j) for a, j in best.items()), key=lambda m: (-m.similarity, m.article_id))

    def duplicate_of(self, matches: list[Match]) -> Match | None:
        """The most alike match when it is alike enough to be a copy."""
        return matches[0] if matches and matches[0].similarity >= self.duplicate else None
