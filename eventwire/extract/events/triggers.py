"""The first pass: every trigger of the lexicon found on the parse, with its sides."""

from __future__ import annotations

from spacy.tokens import Token

from ..article import ArticleContext
from ..types import has
from .evidence import evidence_bounds
from .grammar import lemma_of
from .lexicon import Rule, lexicon
from .matching import matches
from .mentions import Mention
from .roles import verb_role
from .sides import side_actors


def find_mentions(ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
    """Reads the lexicon and the parse; adds a mention for every trigger (a second for a trigger
    whose entries tell two events: a prison sentence), with its source and target actors as the
    entry's roles find them (no filtering)."""
    lex = lexicon()
    out = list(mentions)
    for tok in ctx.doc:
        for rule in matches(tok, lex):
            out.append(_mention(ctx, tok, rule))
    return out


def _mention(ctx: ArticleContext, tok: Token, rule: Rule) -> Mention:
    """The telling of one trigger under one entry, with its sides."""
    bounds = evidence_bounds(ctx, tok)
    source = side_actors(tok, rule.source, rule, ctx, bounds)
    target = side_actors(tok, rule.target, rule, ctx, bounds) if rule.target else []
    if not source and target:  # a side left empty may be told by "its"/"their"
        source = side_actors(tok, rule.source, rule, ctx, bounds, other=target)
    if not target and source and rule.target:
        target = side_actors(tok, rule.target, rule, ctx, bounds, other=source)
    if rule.mutual and has(rule.type, "mutual"):
        source, target = source + [a for a in target if a not in source], []
    elif rule.mutual and not target and len(source) > 1:  # "clashes between A and B"
        source, target = source[:1], source[1:]
    return Mention(rule.type, tok, rule, source, target, unknown_doer=not source and _names_doer(tok, rule))


def _names_doer(tok: Token, rule: Rule) -> bool:
    """Does the text say the doer is unknown ("harassed by unknown men", "unidentified
    men attacked")?  Then the source stays empty rather than filled from the sentence."""
    if rule.noun or rule.source[:1] != ("subj",):
        return False
    unknown = lexicon().unknown_doers
    return any(lemma_of(m) in unknown for d in verb_role(tok, "subj") for m in d.children if m.dep_ == "amod")
