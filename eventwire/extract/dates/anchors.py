"""The date expressions of an article, found once per sentence: spaCy's DATE and TIME
entities and the date words the recogniser missed."""

from __future__ import annotations

from datetime import datetime

from spacy.tokens import Span, Token

from ..sentences import Sentences
from .resolve import DATE_MODIFIERS, DAY_WORDS, FULL_MONTHS, MONTHS, WEEKDAYS


class DateAnchors:
    """The date expressions of one article, found sentence by sentence as first asked for, and
    the reference time they resolve against; built once per article (docs/design.md)."""

    def __init__(self, sentences: Sentences, reference: datetime | None) -> None:
        self.sentences = sentences
        self.reference = reference
        self._ents = [(e.start, e.end) for e in sentences.doc.ents if e.label_ in ("DATE", "TIME")]
        self._found: dict[int, list[tuple[int, int]]] = {}

    def candidates(self, sent: Span) -> list[Span]:
        """Date expressions of a sentence: spaCy's DATE/TIME entities, plus weekday, month, day
        and year words the entity recogniser missed."""
        found = self._found.get(sent.start)
        if found is None:
            found = self._found[sent.start] = find_candidates(sent, self._ents)
        return [sent.doc[start:end] for start, end in found]


def find_candidates(sent: Span, ents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    doc = sent.doc
    spans = [(a, b) for a, b in ents if sent.start <= a < sent.end]
    covered = {i for a, b in spans for i in range(a, b)}
    for tok in sent:
        if tok.i not in covered and _is_date_word(tok):
            start = tok.i
            while start > sent.start and doc[start - 1].lower_ in DATE_MODIFIERS:
                start -= 1
            end = tok.i + 1
            while end < sent.end and doc[end].like_num and tok.lower_ in MONTHS:
                end += 1
            spans.append((start, end))
            covered.update(range(start, end))
    return spans


def _is_date_word(tok: Token) -> bool:
    """A weekday, month, day word or year standing alone (not in a name: "the Sunday Times")."""
    if tok.ent_type_ not in ("", "DATE", "TIME"):
        return False
    word = tok.lower_
    if word in WEEKDAYS or word in DAY_WORDS:
        return True
    if word in FULL_MONTHS:
        return tok.text[0].isupper() and tok.pos_ == "PROPN"
    return tok.tag_ == "CD" and len(word) == 4 and word.isdigit() and 1900 <= int(word) <= 2100
