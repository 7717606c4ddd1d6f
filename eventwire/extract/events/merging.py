"""Merging: the mentions of one real-world event (same type, same actors, compatible date)
become one `Event` whose evidence is the best-argued mention (docs/design.md)."""

from __future__ import annotations

from datetime import datetime

from spacy.tokens import Token

from ...model import Actor, Event
from ..article import ArticleContext
from ..dates import DateRef, past_form
from ..places import place_for_event
from ..types import has
from .dating import compatible
from .evidence import event_id, evidence
from .grammar import NOUN_POS, governor
from .mentions import Mention, Occasion


def who(actor: Actor) -> str:
    return actor.code or (actor.name or actor.text).lower()


def dyad_key(type_: str, source: list[Actor], target: list[Actor]) -> tuple:
    """Identity of an event for merging: type and actors (unordered for mutual types)."""
    src, tgt = frozenset(map(who, source)), frozenset(map(who, target))
    if has(type_, "mutual"):
        return type_, src | tgt, frozenset()
    return type_, src, tgt


def _fuller(key: tuple, keys: list[tuple]) -> tuple | None:
    """The one fuller dyad a telling with a side left out belongs to ("Russia asked it": RUS->?
    joins RUS->CHN when that is the only REQUEST by RUS), or None.  A telling with no side at
    all stays on its own: its sentence fills it (`filling.fill_sides`)."""
    type_, src, tgt = key
    if src and tgt or not (src or tgt) or has(type_, "mutual"):
        return None
    found = [k for k in keys if k != key and k[0] == type_ and src <= k[1] and tgt <= k[2]]
    return found[0] if len(found) == 1 else None


def _by_date(group: list[Mention]) -> list[list[Mention]]:
    """Split one dyad's mentions into occasions by date; undated tellings join the first."""
    buckets: list[tuple[DateRef, list[Mention]]] = []
    undated = []
    for m in sorted(group, key=lambda m: m.token.i):
        if m.date is None:
            undated.append(m)
            continue
        bucket = next((b for b in buckets if compatible(b[0], m.date)), None)
        if bucket is None:
            buckets.append((m.date, [m]))
        else:
            bucket[1].append(m)
    if not buckets:
        return [undated]
    buckets[0][1].extend(undated)
    return [ms for _, ms in buckets]


def merge(ctx: ArticleContext, mentions: list[Mention]) -> list[Occasion]:
    """Reads the kept mentions; groups the mentions of one real-world event (same type, same
    actors, compatible date) and makes each group an event, told by its best-argued mention."""
    groups: dict[tuple, list[Mention]] = {}
    for m in (m for m in mentions if m.kept):
        groups.setdefault(dyad_key(m.type, m.source, m.target), []).append(m)
    for key in list(groups):
        fuller = _fuller(key, list(groups))
        if fuller is not None:
            groups[fuller].extend(groups.pop(key))
    return [Occasion(occasion, _to_event(ctx, occasion)) for group in groups.values() for occasion in _by_date(group)]


def evidence_rank(m: Mention) -> tuple:
    return (m.sides, not m.nominal, m.date is not None, -m.token.i)


def _to_event(ctx: ArticleContext, group: list[Mention]) -> Event:
    best = max(group, key=evidence_rank)
    sentence, start, end = evidence(ctx, best.token)
    sources = [a for m in group for a in m.source]
    targets = [a for m in group for a in m.target]
    date = best.date or next((m.date for m in group if m.date), None)
    return Event(
        id=event_id(best.type, best.token),
        type=best.type,
        trigger=best.token.text,
        sentence=sentence,
        start=start,
        end=end,
        source=unique(best.source or sources),
        target=unique(best.target or targets),
        mode=next(
            (m.rule.mode for m in sorted(group, key=evidence_rank, reverse=True) if m.rule and m.rule.mode), None
        ),
        confidence=round(min(0.95, 0.45 + 0.15 * best.sides + 0.1 * (not best.nominal) + 0.05 * (len(group) - 1)), 2),
        trigger_start=best.token.idx,
        trigger_end=best.token.idx + len(best.token.text),
        date=date.date if date else None,
        date_precision=date.precision if date else None,
        date_text=date.text if date else None,
        status="planned" if _after(date, ctx.reference) and not _past(best.token) else "occurred",
        location=next(
            (
                loc
                for m in sorted(group, key=evidence_rank, reverse=True)
                if (loc := place_for_event(m.token)) is not None
            ),
            None,
        ),
    )


def _past(tok: Token) -> bool:
    """Is the trigger (or the verb over a nominal trigger) in a past form?"""
    return past_form(governor(tok) if tok.pos_ in NOUN_POS else tok)


def _after(date: DateRef | None, reference: datetime | None) -> bool:
    """Is the date later than the reference time, at the date's precision?"""
    if date is None or reference is None:
        return False
    cut = len(date.date)
    return date.date[:cut] > reference.date().isoformat()[:cut]


def unique(items: list[Actor]) -> list[Actor]:
    out: list[Actor] = []
    for a in items:
        if all(who(a) != who(b) for b in out):
            out.append(a)
    return out
