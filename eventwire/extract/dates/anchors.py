"""The date expressions of an article, found once per sentence: spaCy's DATE and TIME
entities, the holidays it calls EVENTs ("New Year's Eve"), and the date words the recogniser
missed."""

from __future__ import annotations

from datetime import datetime, time

from spacy.tokens import Span, Token

from ..sentences import Sentences
from .resolve import (
    DATE_MODIFIERS,
    DAY_WORDS,
    FULL_MONTHS,
    MONTHS,
    PRIOR_MODIFIERS,
    SEQUEL_MODIFIERS,
    SEQUEL_PREPOSITIONS,
    TIME_UNITS,
    WEEKDAYS,
    names_a_holiday,
    resolve,
)

FILED_HOUR = 12  # a dateline names a day, not an hour: its middle, clear of `resolve.LATE_HOUR`


class DateAnchors:
    """The date expressions of one article, found sentence by sentence as first asked for, and
    the reference time they resolve against; built once per article (docs/design.md)."""

    def __init__(self, sentences: Sentences, reference: datetime | None, dateline_day: str | None = None) -> None:
        self.sentences = sentences
        self.reference = filed_time(reference, dateline_day)
        self._ents = [
            (e.start, e.end)
            for e in sentences.doc.ents
            if e.label_ in ("DATE", "TIME") or (e.label_ == "EVENT" and names_a_holiday(e.text))
        ]
        self._found: dict[int, list[tuple[int, int]]] = {}

    def candidates(self, sent: Span) -> list[Span]:
        """Date expressions of a sentence: spaCy's DATE/TIME entities, plus weekday, month, day
        and year words the entity recogniser missed."""
        found = self._found.get(sent.start)
        if found is None:
            found = self._found[sent.start] = find_candidates(sent, self._ents)
        return [sent.doc[start:end] for start, end in found]


def filed_time(published: datetime | None, dateline_day: str | None) -> datetime | None:
    """The time a story's relative dates resolve against: the day its dateline names when that is
    before publication ("WASHINGTON, March 3 (AP) - ... today designated", put out past midnight:
    March 3, the day it was written), else the publication time (docs/conventions.md, dates)."""
    filed = resolve(dateline_day, published, "past") if dateline_day and published else None
    if filed is None or filed.precision != "day" or filed.date >= published.date().isoformat():
        return published
    return datetime.combine(datetime.fromisoformat(filed.date), time(FILED_HOUR))


def find_candidates(sent: Span, ents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    doc = sent.doc
    spans = [part for a, b in ents if sent.start <= a < sent.end for part in _split_at_comma(doc, a, b)]
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
        elif tok.i not in covered and (sequel := _sequel(tok)) is not None:
            spans.append(sequel)
            covered.update(range(*sequel))
    return [_with_sequel_preposition(doc, start, end) for start, end in _joined(sorted(spans))]


def _split_at_comma(doc, start: int, end: int) -> list[tuple[int, int]]:
    """ "on Jan. 10, days after the army withdrew", "on March 21, after months of fighting": the
    recogniser may tag a date and the span after its comma as one; they are two expressions (not
    "March 12, 2025" nor "Wednesday, March 12")."""
    comma = next((i for i in range(start + 1, end - 1) if doc[i].text == ","), None)
    if comma is None:
        return [(start, end)]
    after = doc[comma + 1 : end]
    counted = after[0].lower_ in SEQUEL_PREPOSITIONS or any(t.lemma_.lower() in TIME_UNITS for t in after)
    return [(start, comma), (comma + 1, end)] if counted else [(start, end)]


def _joined(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "Monday night", "Tuesday evening": a day and a time of it, which the recogniser tags as
    two entities side by side, are one expression."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and joined[-1][1] == start:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _sequel(tok: Token) -> tuple[int, int] | None:
    """ "the following day", "the previous day", "a week after (the vote)": a span of time counted from the occasion
    told before (`resolve.shifted`), which the entity recogniser often leaves out; a unit counted by no word
    ("days after Russia invaded Ukraine") counts too, no finer than its unit allows."""
    if tok.lemma_.lower() not in TIME_UNITS:
        return None
    counted = [c for c in tok.children if c.dep_ in ("det", "nummod", "amod") and c.i < tok.i]
    counts_from = _preposition_after(tok) is not None or _opens_a_clause_after(tok)
    if not counted and tok.tag_ == "NNS" and counts_from:
        return tok.i, tok.i + 1
    follows = any(c.lower_ in SEQUEL_MODIFIERS | PRIOR_MODIFIERS for c in counted) or counts_from
    return (min(c.i for c in counted), tok.i + 1) if counted and follows else None


def _preposition_after(tok: Token) -> Token | None:
    """The "after" or "before" a span of time counts from: its own ("a day after the attack")
    or the one it measures ("a week after the vote", parsed as the preposition's modifier)."""
    if tok.dep_ == "npadvmod" and tok.head.lower_ in SEQUEL_PREPOSITIONS and tok.head.i == tok.i + 1:
        return tok.head
    return next(
        (c for c in tok.children if c.dep_ == "prep" and c.lower_ in SEQUEL_PREPOSITIONS and c.i == tok.i + 1), None
    )


def _opens_a_clause_after(tok: Token) -> bool:
    """ "a day after Ukraine attacked Moscow": the span measures the clause its "after" opens."""
    following = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return following is not None and following.dep_ == "mark" and following.lower_ in SEQUEL_PREPOSITIONS


def _with_sequel_preposition(doc, start: int, end: int) -> tuple[int, int]:
    """A span of time with the "after" that follows it: "a day after" counts forward."""
    return (start, end + 1) if _preposition_after(doc[end - 1]) is not None else (start, end)


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
