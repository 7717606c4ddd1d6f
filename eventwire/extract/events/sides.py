"""The actors of a trigger's arguments: who an argument word stands for, with its conjuncts
and modifiers, and the side (source or target) a lexicon entry's roles yield."""

from __future__ import annotations

from spacy.tokens import Token

from ...model import Actor
from ..article import ArticleContext
from .grammar import clause_of_noun, modified_noun, pobjs, with_conjuncts
from .lexicon import Rule
from .roles import ACTOR_ENTS, noun_role, verb_role
from .words import event_words


def _stance_prefix(tok: Token) -> bool:
    """Is this name the X of "anti-X" or "pro-X" (a stance toward X, not X itself)?"""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in event_words().stances


def actors_at(tok: Token, ctx: ArticleContext, depth: int = 2) -> list[Actor]:
    """The actor of an argument; a common noun with no code yields to the actors modifying it
    ("the US claims" -> US, "Kenyan and Ugandan exports" -> KEN, UGA), a quantity or group
    that is no actor to what it counts ("hundreds of Afghan refugees")."""
    if tok.lower_ in event_words().first_person and (speaker := ctx.speaker_at(tok.idx)) is not None:
        return [speaker]
    if group := ctx.actors.group_members(tok):  # "the two countries": those named just before
        return group
    actor = ctx.actors.actor_for_token(tok)
    if actor is not None and (not actor.code or not _modified(tok)) and _figurative(tok, ctx, depth):
        return []
    mods = [
        c
        for c in tok.children
        if c.dep_ in ("poss", "compound", "amod", "nmod")
        and (c.ent_type_ in ACTOR_ENTS or c.tag_ == "PRP$")
        and not _stance_prefix(c)
    ]
    coordinated = [g for c in mods for g in c.children if g.dep_ == "conj"]
    mods += coordinated
    if coordinated and not tok.ent_type_:  # "senior US and Chinese officials": both sides
        found = _modifier_actors(mods, ctx)
        if len(found) > 1:
            return found
    if actor is not None and actor.code and depth and len(ofs := _of_conjuncts(tok)) > 1:
        found = [a for g in ofs for a in actors_at(g, ctx, depth - 1) if a.code]
        if len({a.code for a in found}) > 1:  # "leaders of Armenia and Azerbaijan": both
            return found
    if actor is None and depth:  # "Kenya's shelling of Ethiopian towns" is Kenya's
        found = _modifier_actors(_owners(mods), ctx) or [
            a for g in pobjs(tok, ("of",)) for a in actors_at(g, ctx, depth - 1)
        ]
        if found:
            return found
    if (actor is None or not actor.code) and not tok.ent_type_:
        found = (
            _modifier_actors(mods, ctx)
            if coordinated
            else _modifier_actors(_owners(mods), ctx) or _modifier_actors(mods, ctx)
        )
        if found:
            return found
    return [actor] if actor is not None else []


def _modified(tok: Token) -> bool:
    """Does a word before the noun say whose it is ("Turkish and Greek sides", "Kenya's forces")?  A
    bare "the forces" takes the story's country (docs/design.md), which an "of" phrase overrides."""
    return any(c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < tok.i for c in tok.children)


def _figurative(tok: Token, ctx: ArticleContext, depth: int) -> bool:
    """Is this word of a kind of actor ("forces", "police") said to be of something that is no
    actor ("the forces of nature", "the forces of the market")?  Then it names no one."""
    ofs = pobjs(tok, ("of",))
    return bool(ofs) and depth > 0 and not tok.ent_type_ and not any(actors_at(g, ctx, 0) for g in ofs)


def _of_conjuncts(tok: Token) -> list[Token]:
    """The words of a noun's "of" phrase with their conjuncts ("leaders of Armenia and Azerbaijan")."""
    return [g for o in pobjs(tok, ("of",)) for g in with_conjuncts(o)]


def _owners(mods: list[Token]) -> list[Token]:
    """The possessors among modifiers not coordinated: "Iran's U.N. mission" and "his U.N.
    mission" are Iran's (when the possessor names an actor), the U.N. being where it serves."""
    return [c for c in mods if c.dep_ == "poss"]


def _modifier_actors(mods: list[Token], ctx: ArticleContext) -> list[Actor]:
    """The coded actors the modifiers name (an uncoded one says nothing about whose)."""
    return [a for c in mods if (a := ctx.actors.actor_for_token(c)) is not None and a.code]


def actors_of(tokens: list[Token], ctx: ArticleContext, skip: int = -1) -> list[Actor]:
    """The actors of argument tokens and their conjuncts, without repeats (token `skip` left out).
    The noun a relative clause or participle of the trigger `skip` is said of stands alone: "Egypt,
    which backs X, and the UAE" says nothing of the UAE's backing."""
    clause = clause_of_noun(tokens[0].doc[skip]) if skip >= 0 and tokens else None
    alone = modified_noun(clause).i if clause is not None else -1
    out: list[Actor] = []
    for head in tokens:
        for t in [head] if head.i == alone else with_conjuncts(head):
            if t.i == skip:
                continue
            out += [a for a in actors_at(t, ctx) if all(a != b for b in out)]
    return out


def _seat(tok: Token, ctx: ArticleContext) -> bool:
    """Is this place name a capital or seat of government (an actor only by metonymy)?"""
    if tok.ent_type_ != "GPE":
        return False
    actor = ctx.actors.actor_for_token(tok)
    return actor is not None and actor.sector == "GOV"


def side_actors(
    tok: Token,
    roles: tuple[str, ...],
    rule: Rule,
    ctx: ArticleContext,
    bounds: tuple[int, int],
    other: list[Actor] | None = None,
) -> list[Actor]:
    """Actors of the first role (in lexicon order) that yields any, within the trigger's
    paragraph (`bounds`: character offsets).  Given the `other` side, an "its"/"their" stands
    for the country or body named before it that is not on that side ("Tehran rejected its
    offer": the US named before, not Tehran); with no other side known, the pronoun may as well
    stand for a group no name gives ("the group ... to impose its law"), and stays unresolved."""
    for role in roles:
        tokens = noun_role(tok, role) if rule.noun else verb_role(tok, role)
        tokens = [t for t in tokens if bounds[0] <= t.idx < bounds[1]]
        if role == "mod":  # "the Paris agreement", "the Hanoi summit": a seat of government before
            tokens = [t for t in tokens if not _seat(t, ctx)]  # an event noun is its place
        found = actors_of(tokens, ctx, skip=tok.i)
        if not found and other:
            left_out = {a.code for a in other if a.code}
            found = [a for t in tokens if (a := ctx.actors.possessor(t, left_out)) is not None][:1]
        if found:
            return found
    return []


def coded(side: list[Actor]) -> list[Actor]:
    """The actors of a side that have a code (a country, a body)."""
    return [a for a in side if a.code]
