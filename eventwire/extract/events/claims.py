"""The claim passes, last in the order: each event's tellings read in their clauses
(`frames.frame_of`) give its status, who it is attributed to and who disputes it.

An event told as fact anywhere stays `occurred`; told only on someone's word it is `reported`;
a denial anywhere adds its deniers to `disputed_by`, and an event only denied is `denied`.
Events only wished, feared or posed as conditions are not events (docs/conventions.md) and
are dropped.  Then an event's type follows from how it is told: drills several countries hold
are their cooperation, a meeting one party refuses its rejection, a planned act a promise or a
threat."""

from __future__ import annotations

from spacy.tokens import Token

from ...model import Actor
from ..article import ArticleContext
from .evidence import event_id, evidence
from .frames import Frame, cues, frame_of
from .grammar import NOUN_POS, lemma_of, subject_of
from .lexicon import lexicon
from .mentions import Mention, Occasion
from .merging import unique, who
from .sides import actors_of

STATE_SECTORS = frozenset({None, "GOV", "MIL"})  # who speaks for a state, and acts for it
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


def dispute_by_reference(ctx: ArticleContext, occasions: list[Occasion]) -> list[Occasion]:
    """Reads the denials that name what they deny by a word for a claim, not a clause ("Iran
    denies the allegation", "a claim Tehran denies", "which Rwanda denies", "Moscow denied
    this"); adds their deniers to `disputed_by` of the acts done by the deniers and told in the
    denial's sentence or the one before: an actor denies what it is said to have done."""
    denials = [(v, ctx.sentences.number(v)) for v in ctx.doc if _denies_by_reference(v)]
    for v, at in denials:
        deniers = [a for a in actors_of(subject_of(v), ctx) if a.code]
        for o in occasions:
            if any(m.token.i == v.i for m in o.mentions):
                continue  # the denial's own telling ("rejected the claims" as a REJECT)
            told = {ctx.sentences.number(m.token) for m in o.mentions}
            doers = [d for d in deniers if any(_same_party(d, a) for a in o.event.source)]
            if told & {at, at - 1} and doers:
                o.event.disputed_by = unique(o.event.disputed_by + doers)
    return occasions


def _same_party(denier: Actor, doer: Actor) -> bool:
    """Is the denier the one said to have done it: a country's state or its officials for its
    state ("Tehran", "Iran's foreign minister" for Iran), the same kind of group of a country
    ("the rebels" for the M23), the same person otherwise: not a journalist for the police that
    arrested her?"""
    if denier.code != doer.code:
        return False
    speaks_for_state = denier.sector in STATE_SECTORS and (denier.sector or denier.name is None)
    if speaks_for_state:
        return doer.sector in STATE_SECTORS
    if denier.name is not None:
        return denier.name == doer.name
    return denier.sector == doer.sector


def _denies_by_reference(verb: Token) -> bool:
    """A denial not negated and with no clause of content, whose object is a claim noun ("denies
    the allegation"), or that is a relative clause of one ("a claim Tehran denies"); a verb that
    only ever denies claims also by a pronoun ("denied it") or a relative clause on the clause
    before ("..., which Rwanda denies"): "rejected it" may be a proposal."""
    c = cues()
    lemma = lemma_of(verb)
    if lemma not in c.denial_verbs or verb.pos_ != "VERB":
        return False
    if any(k.dep_ in ("ccomp", "xcomp", "neg") for k in verb.children):
        return False
    objects = [k for k in verb.children if k.dep_ == "dobj"]
    if verb.dep_ == "relcl" and (not objects or any(k.tag_ in ("WDT", "WP") for k in objects)):
        return lemma_of(verb.head) in c.claim_nouns or lemma in c.claim_only_verbs
    return any(
        lemma_of(k) in c.claim_nouns or (k.lower_ in c.claim_pronouns and lemma in c.claim_only_verbs) for k in objects
    )


def join_exercises(ctx: ArticleContext, occasions: list[Occasion]) -> list[Occasion]:
    """Reads the type, the sources and the tellings; changes a MOBILIZE told by an exercise, drills
    or patrols (lexicon `joint_acts`) whose doers are several countries to their COOPERATE, all
    of them its parties ("Russia and Belarus held military drills": PLOVER's joint exercises);
    not whom it is aimed at ("drills around Taiwan")."""
    for o in occasions:
        event = o.event
        parties = unique([a for a in event.source if a.code])
        if event.type != "MOBILIZE" or len({a.code for a in parties}) < 2:
            continue
        told = next((m for m in o.mentions if lemma_of(m.token) in lexicon().joint_acts), None)
        if told is not None:
            event.type, event.id, event.mode = "COOPERATE", event_id("COOPERATE", told.token), None
            event.source, event.target = parties, []
    return occasions


def reject_refusals(ctx: ArticleContext, occasions: list[Occasion]) -> list[Occasion]:
    """Reads the status and the chosen telling's refuser (`Frame.refused_by`); changes a meeting,
    cooperation or agreement its one party refuses ("declined to attend the summit", "will not
    negotiate with Guyana") to the REJECT it is, by the refuser to the other parties, told as
    fact or on the reporter's word (PLOVER: saying no to a meeting or a proposal)."""
    for o in occasions:
        event = o.event
        if o.told is None or event.status != "negated" or event.type not in cues().refused_types:
            continue
        m, frame = o.told
        if not frame.refused_by:
            continue
        event.type, event.id, event.mode = "REJECT", event_id("REJECT", m.token), None
        event.status = "reported" if frame.attributed_to else "occurred"
        event.attributed_to = list(frame.attributed_to)
        refusers = {who(a) for a in frame.refused_by}
        sides = unique(event.source + event.target)
        event.source = [a for a in sides if who(a) in refusers]
        event.target = [a for a in sides if who(a) not in refusers]
    return occasions


def retype_plans(ctx: ArticleContext, occasions: list[Occasion]) -> list[Occasion]:
    """Reads the status, the sides and the chosen telling; changes a planned act's type to the
    promise or threat it is (PLOVER: future aid is AGREE, "said it would impose a curfew" is
    THREATEN)."""
    c = cues()
    for o in occasions:
        event = o.event
        if o.told is None or event.status != "planned":
            continue
        m, frame = o.told
        new = c.promised_types.get(event.type)
        if new is None and event.type in c.threatened_types and frame.by_party:
            new = "THREATEN"
        if new is not None:
            event.type, event.id = new, event_id(new, m.token)
    return occasions


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
