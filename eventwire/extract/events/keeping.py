"""Which mentions tell events of their own: with a political actor, and not the mere content
of another trigger ("called for sanctions": the sanctions are what is called for)."""

from __future__ import annotations

from spacy.tokens import Token

from ...model import Actor
from ..article import ArticleContext
from ..types import has
from .frames import cues
from .grammar import NOUN_POS, governor, lemma_of, light_verb, subject_of, to_infinitive
from .mentions import Mention, first_tellings
from .words import event_words

# How content hangs from the trigger that frames it ("called for sanctions", "threatened to strike").
CONTENT_DEPS = frozenset({"dobj", "pobj", "xcomp", "ccomp", "pcomp", "nsubjpass", "attr", "oprd", "acl"})
FINITE_TAGS = frozenset({"VBD", "VBN", "VBZ", "VBP"})  # done or doing, not "to do" nor "doing"


def outer(m: Mention, by_token: dict[int, Mention]) -> Mention | None:
    """The trigger whose content this mention is ("called for sanctions", "provided aid")."""
    t = m.token
    for _ in range(4):
        if t.head.i == t.i or t.dep_ not in CONTENT_DEPS:
            return None
        if t.dep_ == "pobj" and lemma_of(t.head) in event_words().circumstances:
            return None  # "reached at their summit": where or when, not what
        t = governor(t)
        if t.i in by_token:
            return by_token[t.i]
        if t.pos_ in NOUN_POS:
            return None
    return None


def _political(m: Mention) -> bool:
    """Does a political actor (a state, a body, or a known sector: police, rebels ...) take part?
    docs/conventions.md codes acts by or toward political actors only."""
    return any(a.code or a.sector for a in m.source + m.target)


def _unargued(m: Mention) -> bool:
    """A verb told as done ("then exempted the duties") whose parse gives it no actor on either
    side, and no subject at all: its sentence names them (`filling.fill_sides`).  Not an
    infinitive ("aiming to impose its rule"), a gerund unless of time or means ("facing
    threats"), nor a participle that describes a noun ("the equipment seized last year")."""
    tok = m.token
    return (
        not m.source
        and not m.target
        and (tok.tag_ in FINITE_TAGS or _done_gerund(tok))
        and tok.dep_ not in ("acl", "amod")
        and not to_infinitive(tok)
        and not subject_of(tok)
    )


def _done_gerund(tok: Token) -> bool:
    """A gerund of time or means, told as done: "after lifting the curfew", "by imposing"."""
    return tok.tag_ == "VBG" and tok.dep_ == "pcomp" and lemma_of(tok.head) in event_words().gerund_marks


def _aim(m: Mention) -> bool:
    """Is this hostile act only the aim of another word, told by an infinitive of purpose ("a
    joint force to combat smuggling", "signed a deal to fight terrorism")?  What a force or a
    deal is for has not happened.  Hostile acts only (types.yaml `consequence`): applied to
    every type, the rule also dropped handovers and pressure the annotators code, and lowered
    the held-out dyad F1 (bench/accuracy.py)."""
    tok = m.token
    pred = light_verb(tok) or tok
    return (
        pred.dep_ in ("advcl", "acl", "relcl")
        and pred.tag_ == "VB"
        and to_infinitive(pred)
        and has(m.type, "consequence")
        and _takes_no_infinitive(pred.head)
    )


def _takes_no_infinitive(head: Token) -> bool:
    """Is this a word whose "to" clause can only be a purpose?  The parser labels some
    complements as clauses of purpose ("had sworn to resist", "refused to attack"): a vow, a
    plan, a wish or a refusal takes its act as complement (status_cues.yaml)."""
    c = cues()
    return lemma_of(head) not in c.planned_heads | c.hypothetical_heads | c.negating_heads


def _topic(m: Mention) -> bool:
    """Is this trigger noun what a report, a debate or a question is about ("a report on attacks",
    "the issue of border killings", "a debate on sanctions")?  A topic names an act; it does not
    tell one.  Told elsewhere as done, the act keeps that telling."""
    tok = m.token
    prep = tok.head
    return (
        tok.pos_ in NOUN_POS
        and tok.dep_ == "pobj"
        and lemma_of(prep) in event_words().topic_prepositions
        and prep.head.pos_ in NOUN_POS
        and lemma_of(prep.head) in cues().topic_nouns
    )


def _protest_heads(mentions: list[Mention]) -> set[int]:
    """Tokens a protest's clauses hang from: its trigger, or the light verb of a protest noun
    ("began a hunger strike to demand ...")."""
    out = set()
    for m in mentions:
        if m.type == "PROTEST":
            out.add(m.token.i)
            if (verb := light_verb(m.token)) is not None:
                out.add(verb.i)
    return out


def _voiced_by_protest(m: Mention, protest_heads: set[int]) -> bool:
    """Is this statement what a protest voices, told by a clause of its trigger ("blocked roads
    demanding his return", "a demonstration calling for reforms", "began a hunger strike to
    demand")?  The protest is the event; the demand is its purpose, not a second event."""
    tok = m.token
    return has(m.type, "statement") and tok.dep_ in ("advcl", "acl", "xcomp") and tok.head.i in protest_heads


def _agreed(o: Mention) -> bool:
    """Is this AGREE a commitment ("agreed to meet", "pledged to crush") rather than an offer
    ("offered to mediate"), which stays the AGREE it is (PLOVER: offers are AGREE)?"""
    return lemma_of(o.token) not in cues().hypothetical_heads


def _told_by_agreement(m: Mention, agreement: Mention) -> bool:
    """Does agreeing to this act tell the act rather than an agreement?  Agreeing to meet is a
    planned meeting; vowing to attack ("pledged to crush the insurgents") a threat.  Agreeing to
    a meeting another holds ("agreed to Norwegian mediation") is an agreement: PLOVER's AGREE."""
    if m.type == "CONSULT":
        return not m.source or not agreement.source or bool(_codes(m.source) & _codes(agreement.source))
    return m.type in cues().vowed_harm_types


def _codes(side: list[Actor]) -> set[str | None]:
    return {a.code for a in side}


def mark_kept(ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
    """Reads every mention; marks as not kept (`Mention.kept`) those that tell no event: with
    no political actor, the mere content of another trigger, a hostile act that is only the
    aim of an infinitive of purpose, the topic of a report or a debate, or a demand a protest
    voices.  Agreeing to meet (not to another's mediation) is a planned meeting
    (docs/conventions.md): the CONSULT stays, the AGREE goes; a vowed hostile act stays, to be
    retyped THREATEN (`claims.retype_plans`), and the vow goes."""
    by_token = first_tellings(mentions)
    outers = {m.token.i: outer(m, by_token) for m in mentions}
    told_by_agreement = {
        i
        for i, o in outers.items()
        if o is not None and o.type == "AGREE" and _agreed(o) and _told_by_agreement(by_token[i], o)
    }

    def embedded(m: Mention) -> bool:
        o = outers[m.token.i]
        if o is None or m.token.i in told_by_agreement:
            return False
        return o.type == m.type or has(o.type, "content")  # "provided aid": the verb tells it

    agreeing = {outers[i].token.i for i in told_by_agreement}
    protest_heads = _protest_heads(mentions)
    for m in mentions:
        m.kept = (
            (_political(m) or _unargued(m))
            and not embedded(m)
            and m.token.i not in agreeing
            and not _aim(m)
            and not _topic(m)
            and not _voiced_by_protest(m, protest_heads)
        )
    return mentions
