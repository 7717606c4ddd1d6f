"""Indirect quotes: the clauses of cue verbs ("X said (that) CLAUSE", "according to X,
CLAUSE") that contain no quotation marks."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...model import Quote
from .direct import quote_id
from .speakers import QuoteParse


def _clause(art: QuoteParse, tokens: Span) -> tuple[int, int] | None:
    """Character offsets of a reported clause without its "that" and end punctuation; None when
    it overlaps quotation marks (those words are direct quotes) or is too short to be one."""
    if any(art.in_quote[t.i] for t in tokens):
        return None
    i, j = tokens.start, tokens.end
    while i < j and (art.doc[i].dep_ == "mark" or art.doc[i].is_punct):
        i += 1
    while j > i and art.doc[j - 1].is_punct:
        j -= 1
    if j - i < 3:
        return None
    return art.doc[i].idx, art.doc[j - 1].idx + len(art.doc[j - 1])


def _reported(art: QuoteParse) -> list[tuple[tuple[int, int], Token, str]]:
    """(clause offsets, speaker token, cue text) of every indirect quote."""
    doc, found = art.doc, []
    for verb in art.cue_tokens:
        if art.cue_kind(verb, art.cues.speech) != "cue" or any(c.dep_ == "neg" for c in verb.children):
            continue
        comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        subj = art.subject_of(verb) if comp is not None else None
        offsets = _clause(art, doc[comp.left_edge.i : comp.right_edge.i + 1]) if subj is not None else None
        if offsets:
            found.append((offsets, subj, verb.text))
    for cue, obj in art.phrase_hits:
        sent = art.sent_of(cue.start)
        end = max(obj.right_edge.i + 1, cue.end)
        before, after = doc[sent.start : cue.start], doc[end : sent.end]
        offsets = _clause(art, after if len(after) > len(before) else before)
        if offsets:
            found.append((offsets, obj, cue.text))
    return found


def indirect_quotes(art: QuoteParse, digest: str) -> list[Quote]:
    return [
        Quote(
            id=quote_id(digest, "indirect", start, end),
            text=art.text[start:end],
            start=start,
            end=end,
            speaker=art.speaker(subj),
            kind="indirect",
            cue=cue,
        )
        for (start, end), subj, cue in _reported(art)
    ]
