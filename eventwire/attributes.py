"""The model's attribute ruler and lemmatizer, with their answers remembered per word.

In the small English model these two set each token's coarse part of speech, morphology and
lemma from its word form, fine tag and dependency label alone, plus, for a few two-word
patterns ("gon na", "let 's", "there is"), the word before.  They work the same values out
again for every token of every article, which costs about a quarter of the whole pipeline
(bench/throughput.py).  `RememberedAttributes` asks them once per distinct (word, tag, label)
or two-word match and writes the remembered values back in one array: the output is theirs,
token for token (tests/test_nlp.py compares the two on news text).
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

Row = tuple[int, int, int]  # ORTH, TAG, DEP of a token
Values = tuple[int, int, int]  # POS, MORPH, LEMMA (0: no lemma yet)
MAX_REMEMBERED = 500_000  # entries per table; past it a table starts afresh


class RememberedAttributes:
    """A pipeline component standing in for the attribute ruler and the lemmatizer it follows."""

    def __init__(self, ruler: AttributeRuler, lemmatizer: Lemmatizer) -> None:
        self.vocab = ruler.vocab
        self.ruler = ruler
        self.lemmatizer = lemmatizer
        # The ruler's patterns of more than one token: only where one matches does a token's
        # neighbour count, and there the ruler itself is asked about the matched words.
        self.in_context = Matcher(self.vocab)
        for i, pattern in enumerate(ruler.patterns):
            for words in pattern["patterns"]:
                if len(words) > 1:
                    self.in_context.add(str(i), [words])
        self.words: dict[tuple[Row, ...], tuple[Values, ...]] = {}
        self.lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        rows = [tuple(r) for r in doc.to_array([ORTH, TAG, DEP]).tolist()]
        values: list[Values] = [self._ruled((row,))[0] for row in rows]
        for _, start, end in self.in_context(doc, allow_missing=True):
            values[start:end] = self._ruled(tuple(rows[start:end]))
        out = numpy.array(
            [
                (pos, morph, lemma or self._lemma(row[0], pos, morph))
                for row, (pos, morph, lemma) in zip(rows, values, strict=False)
            ],
            dtype="uint64",
        )
        if len(doc):
            doc.from_array([POS, MORPH, LEMMA], out)
        return doc

    def _words(self, rows: tuple[Row, ...]) -> Doc:
        """A doc of just these words, tagged and labelled as in the article."""
        doc = Doc(self.vocab, words=[self.vocab.strings[orth] for orth, _, _ in rows])
        for token, (_, tag, dep) in zip(doc, rows, strict=False):
            token.tag, token.dep = tag, dep
        return doc

    def _ruled(self, rows: tuple[Row, ...]) -> tuple[Values, ...]:
        """What the ruler sets on these words (alone, or as one multi-word match)."""
        found = self.words.get(rows)
        if found is None:
            doc = self.ruler(self._words(rows))
            found = tuple((t.pos, t.morph.key, t.lemma) for t in doc)
            if len(self.words) >= MAX_REMEMBERED:
                self.words.clear()
            self.words[rows] = found
        return found

    def _lemma(self, orth: int, pos: int, morph: int) -> int:
        """The lemmatizer's lemma for a word with this part of speech and morphology."""
        key = (orth, pos, morph)
        lemma = self.lemmas.get(key)
        if lemma is None:
            token = Doc(self.vocab, words=[self.vocab.strings[orth]])[0]
            token.pos = pos
            if morph:  # 0: no morphology (set_morph would record an empty analysis instead)
                token.set_morph(morph)
            lemma = self.vocab.strings.add(self.lemmatizer.lemmatize(token)[0])
            if len(self.lemmas) >= MAX_REMEMBERED:
                self.lemmas.clear()
            self.lemmas[key] = lemma
        return lemma
