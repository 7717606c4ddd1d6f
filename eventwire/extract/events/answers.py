"""Answers and backing: who an answer with no target of its own is aimed at."""

from __future__ import annotations

from ...model import Actor
from ..article import ArticleContext
from ..types import has
from .grammar import SUBJECTS
from .mentions import Mention, first_tellings
from .sides import coded
from .words import event_words


def aim_answers(ctx: ArticleContext, found: list[Mention]) -> list[Mention]:
    """Reads the earlier mentions; sets the target of an answer or backing that has none
    ("Kim asked Trump for relief. Trump denied the request", "... Seoul backed the proposal"):
    who made what it answers or backs, the source of its object (a definite event noun), or
    else of the nearest earlier telling of that noun's type in its sentence or the one before."""
    by_token = first_tellings(found)
    for m in found:
        if not has(m.type, "maker_aimed") or m.target or m.nominal or not coded(m.source):
            continue  # an answerer of no known country ("the agency") could not be told from the asker
        told = next(
            (by_token[c.i] for c in m.token.children if c.dep_ in ("dobj", "nsubjpass") and c.i in by_token), None
        )
        if told is None or not any(
            c.dep_ == "det" and c.lower_ in event_words().anaphoric_determiners for c in told.token.children
        ):
            continue
        own = {a.code for a in m.source}
        m.target = [a for a in told.source or _earlier_source(ctx, told, found) if a.code not in own]
    return found


def _earlier_source(ctx: ArticleContext, told: Mention, found: list[Mention]) -> list[Actor]:
    """The source of the nearest earlier telling of the same type, in its sentence or the one
    before, that names one (`found` is in text order)."""
    sent = ctx.sentences.number(told.token)
    for e in reversed(found):
        if e.token.i >= told.token.i or e.type != told.type:
            continue
        if sent - ctx.sentences.number(e.token) > 1:
            break
        if e.source:
            return e.source
    return []


def share_targets(ctx: ArticleContext, found: list[Mention]) -> list[Mention]:
    """Reads the answers; sets the target of a verb coordinated with an answer by the same
    subject and naming no target of its own: it answers the same party when it is a thing said
    ("Trump denied the request and asked instead
    for full denuclearization": asked North Korea).  A deed after an answer ("rejected the
    proposal and launched airstrikes"), or a statement after anything but an answer ("welcomed
    the envoy and promised reforms"), may be aimed elsewhere."""
    by_token = first_tellings(found)
    for m in found:
        first = by_token.get(m.token.head.i)
        if (
            m.target
            or m.nominal
            or m.token.dep_ != "conj"
            or first is None
            or first.nominal
            or not has(first.type, "answer")
            or not has(m.type, "statement")
            or not coded(m.source)
            or any(c.dep_ in SUBJECTS for c in m.token.children)
        ):
            continue
        own = {a.code for a in m.source}
        m.target = [a for a in first.target if a.code not in own]
    return found
