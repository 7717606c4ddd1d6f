"""The claim passes, last in the order: each event's tellings read in their clauses
(`frames.frame_of`) give its status, who it is attributed to and who disputes it.

An event told as fact anywhere stays `occurred`; told only on someone's word it is `reported`;
a denial anywhere adds its deniers to `disputed_by`, and an event only denied is `denied`.
Events only wished, feared or posed as conditions are not events (docs/conventions.md) and
are dropped."""

from __future__ import annotations

from ...model import Actor
from ..article import ArticleContext
from .evidence import event_id, evidence
from .frames import Frame, cues, frame_of
from .grammar import NOUN_POS, lemma_of
from .lexicon import lexicon
from .mentions import Mention, Occasion
from .merging import unique, who

# Preference between the tellings of one event: told as fact first.
STATUS_RANK = {"occurred": 0, "reported": 1, "planned": 2, "negated": 3}


def frame_tellings(ctx: ArticleContext, occasions: list[Occasion]) -> list[Occasion]:
    """Reads each telling's clause chain; sets `Occasion.frames`, one frame per telling."""
    for o in occasions:
        parties = {who(a) for a in o.event.source + o.event.target}
        o.frames = [
            (m, frame_of(m.token, ctx, parties, m.rule.requires if m.rule else frozenset())) for m in o.mentions
        ]
    return occasions


def drop_unasserted(ctx: ArticleContext, occasions: list[Occasion]) -> list[Occasion]:
    """Reads the frames; drops the events only wished, feared or conditional, and denied by none."""
    return [o for o in occasions if _asserted(o) or _deniers(o)]


def set_status(ctx: ArticleContext, occasions: list[Occasion]) -> list[Occasion]:
    """Reads the frames; sets status, attributed_to and disputed_by, and chooses the telling the
    event is told by (`Occasion.told`): told as fact first, a verb before a noun."""
    for o in occasions:
        event, told = o.event, _asserted(o)
        if not told:
            event.status = "denied"
        else:
            o.told = m, f = min(
                told, key=lambda mf: (mf[0].token.pos_ in NOUN_POS, STATUS_RANK[mf[1].status], mf[0].token.i)
            )
            status = f.status
            if status == "occurred" and event.status == "planned":
                status = "planned"  # dated after the reference time (merging)
            event.status = status
            reported = [a for _, ff in told if ff.status == "reported" for a in ff.attributed_to]
            event.attributed_to = unique(reported) if status == "reported" else []
        event.disputed_by = _deniers(o)
    return occasions


def retype_plans(ctx: ArticleContext, occasions: list[Occasion]) -> list[Occasion]:
    """Reads the status, the sides and the chosen telling; changes a planned act's type to the
    promise or threat it is (PLOVER: future aid is AGREE, "said it would impose a curfew" is
    THREATEN), a cooperative act its actor refuses to the REJECT it is ("declined to attend the
    summit"), and a show of force several countries hold together to the COOPERATE it is
    ("Russia and Belarus held military drills": PLOVER's joint exercises)."""
    c = cues()
    for o in occasions:
        event = o.event
        _join_exercise(o)
        if o.told is not None and event.status == "negated" and o.told[1].refused and event.type in c.refused_types:
            m, frame = o.told
            event.type, event.id, event.mode = "REJECT", event_id("REJECT", m.token), None
            event.status = "reported" if frame.attributed_to else "occurred"
            event.attributed_to = list(frame.attributed_to)
            continue
        if o.told is None or event.status != "planned":
            continue
        m, frame = o.told
        new = c.promised_types.get(event.type)
        if new is None and event.type in c.threatened_types and frame.by_party:
            new = "THREATEN"
        if new is not None:
            event.type, event.id = new, event_id(new, m.token)
    return occasions


def _join_exercise(o: Occasion) -> None:
    """A MOBILIZE told by an exercise, drills or patrols (lexicon `joint_acts`) whose doers are
    several countries is their COOPERATE, all of them its parties; not whom it is aimed at
    ("drills around Taiwan")."""
    event = o.event
    parties = unique([a for a in event.source if a.code])
    if event.type != "MOBILIZE" or len({a.code for a in parties}) < 2:
        return
    told = next((m for m in o.mentions if lemma_of(m.token) in lexicon().joint_acts), None)
    if told is not None:
        event.type, event.id, event.mode = "COOPERATE", event_id("COOPERATE", told.token), None
        event.source, event.target = parties, []


def retell(ctx: ArticleContext, occasions: list[Occasion]) -> list[Occasion]:
    """Reads the chosen telling; makes it the event's evidence (trigger, sentence, id)."""
    for o in occasions:
        if o.told is None or o.told[0].token.idx == o.event.trigger_start:
            continue
        event, tok = o.event, o.told[0].token
        event.id = event_id(event.type, tok)
        event.trigger = tok.text
        event.sentence, event.start, event.end = evidence(ctx, tok)
        event.trigger_start, event.trigger_end = tok.idx, tok.idx + len(tok.text)
    return occasions


def _asserted(o: Occasion) -> list[tuple[Mention, Frame]]:
    """The tellings neither denied nor only hypothetical."""
    return [(m, f) for m, f in o.frames if not f.deniers and f.status != "hypothetical"]


def _deniers(o: Occasion) -> list[Actor]:
    return unique([a for _, f in o.frames for a in f.deniers])
