"""Sentences cut by rule, with no parse: the pre-filter reads them to choose what to parse
(eventwire/prefilter.py), the contexts model to find the sentences around an event
(extract/contexts.py), where gold evidence and extracted sentences must be cut alike."""

from __future__ import annotations

import re

# A sentence ends at . ! or ? (and any closing marks after it) followed by space; the word
# before a full stop is checked against the abbreviations before the cut is made.  A match starts
# only where a run of stops starts, and never gives back what it took: linear on a line of dots.
END = re.compile(r"""(?<![.!?])[.!?]++["'”’»)\]]*+(?=\s)""")
ACRONYM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]?")  # U.S, U.N, e.g
PARAGRAPH = re.compile(r"\n\s*\n")


def sentences(text: str, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """Sentence spans by rule: a cut after . ! ? and closing marks before a space, unless the
    word is an abbreviation, an initial or a dotted acronym; and at every blank line.  When
    unsure it does not cut: a sentence too long is parsed whole, one cut wrongly is not."""
    cuts = {m.end() for m in PARAGRAPH.finditer(text)}
    for m in END.finditer(text):
        if text[m.start()] == "." and _abbreviation(text, m.start(), abbreviations):
            continue
        cuts.add(m.end())
    spans, start = [], 0
    for cut in sorted(cuts) + [len(text)]:
        chunk = text[start:cut]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((start + lead, start + len(chunk.rstrip())))
        start = cut
    return spans


def _abbreviation(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    word_start = max(text.rfind(" ", 0, dot), text.rfind("\n", 0, dot)) + 1
    word = text[word_start:dot].lstrip("\"'“‘(")
    return (
        (len(word) == 1 and word.isalpha())
        or word in abbreviations
        or word.lower() in abbreviations
        or bool(ACRONYM.fullmatch(word))
    )
