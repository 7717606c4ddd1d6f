"""Quotation marks on the raw text: each mark read from the characters beside it, so mixed
styles, unbalanced marks and apostrophes never throw the scan out of step."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .cues import cues

DOUBLE_MARKS = re.compile(r"``|''|[\"\u201c\u201d\u201e\u00ab\u00bb]")
SINGLE_MARKS = re.compile(r"[\u2018\u2019']")
OPENING, CLOSING = frozenset({"\u201c", "\u201e", "\u00ab", "``"}), frozenset({"\u201d", "\u00bb", "''"})
QUOTE_CHARS = "\"'\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019"
# a mark may open a quote after these characters, and close one before these
OPEN_AFTER = frozenset(" \t\n\r\f\v\u00a0([{<\u2014\u2013-/:\u201c\u2018\u201e\u00ab")
CLOSE_BEFORE = frozenset(" \t\n\r\f\v\u00a0)]}>\u2014\u2013-/.,;:!?\u2026\u201d\u2019\u00bb\"'")
OPEN, CLOSE, EITHER = "open", "close", "either"
BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
NEWLINE = re.compile(r"\n")
ELIDED_WORD = re.compile(r"[A-Za-z]+|\d")
SENTENCE_ENDS = frozenset(".?!\u2026")


@dataclass(frozen=True)
class MarkedSpan:
    """The words between a pair of quotation marks, without the marks.

    `parts` holds one (start, end) per paragraph the quote runs over (a quote left open at a
    paragraph end continues when the next paragraph reopens it). `outer` covers the marks too.
    """

    parts: tuple[tuple[int, int], ...]
    outer: tuple[int, int]
    nested: bool = False  # inside another quote's words

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    def text(self, source: str) -> str:
        return " ".join(source[s:e] for s, e in self.parts)


def paragraph_breaks(text: str) -> list[tuple[int, int]]:
    """(end of a paragraph, start of the next) pairs: blank lines, or single newlines in a text
    that has no blank line at all."""
    pattern = BLANK_LINE if BLANK_LINE.search(text) else NEWLINE
    breaks = []
    for m in pattern.finditer(text):
        nxt = m.end()
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        if breaks and breaks[-1][1] >= m.start():  # runs of blank lines are one break
            breaks[-1] = (breaks[-1][0], nxt)
        else:
            breaks.append((m.start(), nxt))
    return breaks


def _role(text: str, start: int, end: int, mark: str) -> str:
    """Whether a mark at text[start:end] can open, close, or either, judged by its neighbours."""
    can_open = start == 0 or text[start - 1] in OPEN_AFTER
    can_close = end >= len(text) or text[end] in CLOSE_BEFORE
    if can_open and not can_close:
        return OPEN
    if can_close and not can_open:
        return CLOSE
    return OPEN if mark in OPENING else CLOSE if mark in CLOSING else EITHER


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without surrounding blanks and without a trailing comma (not part of the words)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


class _Scanner:
    """One pass over the marks of a text, double marks first, then single marks outside them."""

    def __init__(self, text: str, sentence_ends: list[int], elisions: frozenset[str]) -> None:
        self.text = text
        self.breaks = paragraph_breaks(text)
        self.paragraph_starts = [b[1] for b in self.breaks]
        self.sentence_ends = sentence_ends
        self.elisions = elisions
        self.spans: list[MarkedSpan] = []

    def paragraph_end(self, pos: int) -> int:
        i = bisect_right(self.paragraph_starts, pos)
        return self.breaks[i][0] if i < len(self.breaks) else len(self.text)

    def sentence_end(self, pos: int) -> int:
        i = bisect_right(self.sentence_ends, pos)
        return self.sentence_ends[i] if i < len(self.sentence_ends) else len(self.text)

    def add(
        self,
        parts: list[tuple[int, int]],
        opened: int,
        closed_at: int | None,
        limit: int,
        to_limit: bool = False,
        nested: bool = False,
    ) -> None:
        """Record a quote whose last mark ends at `closed_at`; one left open (None) ends at its
        sentence end or at `limit`, whichever comes first (at `limit` when `to_limit`)."""
        start, end = parts[-1]
        if closed_at is None:
            end = limit if to_limit else min(limit, self.sentence_end(start))
        trimmed = tuple(p for p in (_trim(self.text, s, e) for s, e in parts[:-1] + [(start, end)]) if p[0] < p[1])
        if trimmed:
            outer = (opened, closed_at if closed_at is not None else trimmed[-1][1])
            self.spans.append(MarkedSpan(trimmed, outer, nested))

    def doubles(self) -> None:
        text, breaks = self.text, self.breaks
        opened = None  # offset of the open quote's first mark
        parts: list[tuple[int, int]] = []  # (start, end) of the words, per paragraph
        inner = False  # a quote inside the open one opened with double marks too
        b = 0
        marks = [(m, _role(text, m.start(), m.end(), m.group())) for m in DOUBLE_MARKS.finditer(text)]
        for n, (m, role) in enumerate(marks):
            reopened = False
            for para_end, next_start in breaks[b:]:
                if next_start > m.start():
                    break
                b += 1
                if opened is None:
                    continue
                if next_start == m.start() and role != CLOSE and self.leads_in(parts[-1][0]):
                    # the next paragraph reopens it: one quote over several paragraphs
                    parts[-1] = (parts[-1][0], para_end)
                    parts.append((m.end(), m.end()))
                    reopened = True
                else:
                    self.add(parts, opened, None, para_end)
                    opened, parts, inner = None, [], False
            if reopened:
                continue
            if opened is None:
                if role != CLOSE:  # a closing mark with nothing open is a stray: skip it
                    opened, parts = m.start(), [(m.end(), m.end())]
            elif (
                role == OPEN
                and not inner
                and self.sentence_end(parts[-1][0]) > m.start()
                and self.text[max(0, m.start() - 8) : m.start()].rstrip()[-1:]
                not in ",:"  # '..., Ruto said, "not ever."': a new quote
            ):
                inner = True  # '"They cannot silence us by "closing schools," she said'
            elif role == OPEN:  # a new quote opens: the open one lost its closing mark
                self.add(parts, opened, None, m.start(), self.runs_on(parts[-1][0], m.start()))
                opened, parts, inner = m.start(), [(m.end(), m.end())], False
            elif inner and self.closes_later(marks[n + 1] if n + 1 < len(marks) else None, m.start()):
                inner = False  # the inner quote's closing mark: the open one goes on
            else:
                parts[-1] = (parts[-1][0], m.start())
                self.add(parts, opened, m.end(), m.start())
                opened, parts, inner = None, [], False
        if opened is not None:
            self.add(parts, opened, None, self.paragraph_end(parts[-1][0]))

    def closes_later(self, following: tuple[re.Match[str], str] | None, at: int) -> bool:
        """Whether the mark `following` the one at `at` can close a quote within the same sentence
        and paragraph: the mark at `at` then closed a quote inside a quote, not the quote itself."""
        if following is None:
            return False
        m, role = following
        return role != OPEN and m.start() <= min(self.sentence_end(at), self.paragraph_end(at))

    def runs_on(self, words: int, mark: int) -> bool:
        """Whether a quote left open runs on to the opening mark at `mark`: both open a sentence.
        A quote that goes on into the next paragraph has no closing mark; in a text whose
        paragraphs were joined into one, the next paragraph's opening mark is all that is left of
        the break. (One opened by a cue, "X said, '...", more often lost its mark.)"""
        return self.opens_sentence(mark) and self.opens_sentence(words)

    def opens_sentence(self, pos: int) -> bool:
        """Whether the quote whose mark or words start at `pos` opens a sentence."""
        before = self.text[:pos].rstrip().rstrip(QUOTE_CHARS + "`").rstrip()
        return not before or before[-1] in SENTENCE_ENDS

    def leads_in(self, words: int) -> bool:
        """Whether the quote whose words start at `words` opened its paragraph or a sentence, or
        followed a colon or comma: where a quote that goes on into the next paragraph opens (a
        stray mark opens elsewhere)."""
        i = bisect_right(self.paragraph_starts, words)
        before = self.text[self.paragraph_starts[i - 1] if i else 0 : words].rstrip().rstrip(QUOTE_CHARS + "`").rstrip()
        return not before or before[-1] in ":," or before[-1] in SENTENCE_ENDS

    def singles(self) -> None:
        """Single marks outside double quotes: quotes when paired, else apostrophes; then single
        marks paired inside a double quote (a quote inside a quote: "He told me 'leave now'")."""
        doubles = sorted(self.spans, key=lambda s: s.outer)
        starts = [d.outer[0] for d in doubles]
        inside: dict[int, list[int]] = {}  # double quote -> its single marks
        outside = []
        for m in SINGLE_MARKS.finditer(self.text):
            i = m.start()
            k = bisect_right(starts, i) - 1
            if k < 0 or not doubles[k].outer[0] <= i < doubles[k].outer[1]:
                outside.append(i)
            elif any(s <= i < e for s, e in doubles[k].parts):  # not half of a LaTeX ''
                inside.setdefault(k, []).append(i)
        for opened, closed in self.paired(outside):
            self.add([(opened + 1, closed)], opened, closed + 1, closed)
        for marks in inside.values():
            for opened, closed in self.paired(marks):
                self.add([(opened + 1, closed)], opened, closed + 1, closed, nested=True)

    def paired(self, marks: list[int]) -> list[tuple[int, int]]:
        """(opening, closing) offsets of the single marks that pair up as quotation marks."""
        text, pairs = self.text, []
        opened = None
        for i in marks:
            if opened is not None and self.paragraph_end(opened) < i:
                opened = None  # a single mark never pairs across paragraphs
            can_open = i == 0 or text[i - 1] in OPEN_AFTER
            can_close = i + 1 >= len(text) or text[i + 1] in CLOSE_BEFORE
            if can_open and not can_close and not self.elided(i + 1):
                opened = i
            elif can_close and not can_open and opened is not None and not self.possessive(i):
                pairs.append((opened, i))
                opened = None
        return pairs

    def elided(self, pos: int) -> bool:
        """True for the mark of 'n', 'em, '90s, a detached 's: an apostrophe, not a quote."""
        m = ELIDED_WORD.match(self.text, pos)
        if not m:
            return False
        word = m.group()
        after = self.text[m.end() : m.end() + 1]
        return word.isdigit() or (word.lower() in self.elisions and not after.isalpha())

    def possessive(self, i: int) -> bool:
        """True for the mark of a plural possessive (the countries' leaders, the players' 20 goals);
        before a capital it closes a quote ('... cannot miss' Ana Diaz said), as a possessive
        there is rarer inside a single-quoted span."""
        after = self.text[i + 2 : i + 3]
        return self.text[i - 1] in "sS" and self.text[i + 1 : i + 2] == " " and (after.islower() or after.isdigit())


def find_marked_spans(text: str, sentence_ends: list[int] | None = None) -> list[MarkedSpan]:
    """Every span between quotation marks, in text order; a single-quoted span inside a double
    quote is both left in it and listed itself (`nested`).

    `sentence_ends` (sorted end offsets) tells where a quote that never closes stops; without
    it such a quote runs to the end of its paragraph.
    """
    scanner = _Scanner(text, sorted(sentence_ends or ()), cues().elisions)
    scanner.doubles()
    scanner.singles()
    return sorted(scanner.spans, key=lambda s: s.outer)
