"""Events: PLOVER event types from the trigger lexicon matched on the dependency parse, as an
ordered list of named passes (docs/design.md lists them with what each reads and changes).

A trigger (a verb, a noun, or a noun governed by a light verb: "launch an attack") is looked
up by lemma in the lexicon (`lexicon.py`); its entry says which parse arguments are the source
and the target.  Each match is a mention.  The mention passes date the mentions, follow
definite nouns back, aim answers, mark the mentions that tell no event of their own, and add
the statements that need no trigger (`statements.py`).  Merging makes the mentions of one
real-world event one `Event`; the event passes fill empty sides, place and order the events,
and the claim passes (`claims.py`) read how each telling presents its event.

Every pass is `(ctx, items) -> items`: `ctx` is the article (`ArticleContext`, read only),
`items` the mentions, then the occasions (an event with its mentions).  A pass's docstring
opens with what it reads and what it changes.
"""

from __future__ import annotations

from collections.abc import Callable

from ...learn import LinearModel
from ...model import Event
from ..article import ArticleContext
from . import answers, claims, dating, deciding, filling, keeping, statements, triggers
from .mentions import Mention, Occasion
from .merging import merge

MentionPass = Callable[[ArticleContext, list[Mention]], list[Mention]]
OccasionPass = Callable[[ArticleContext, list[Occasion]], list[Occasion]]

# The order matters: each pass reads what the passes before it wrote.
MENTION_PASSES: tuple[MentionPass, ...] = (
    triggers.find_mentions,
    dating.date_mentions,
    dating.follow_antecedents,
    answers.aim_answers,
    answers.share_targets,
    keeping.mark_kept,
    statements.add_warnings,
    statements.add_quoted_criticism,
    statements.add_demands,
)
OCCASION_PASSES: tuple[OccasionPass, ...] = (
    filling.fill_sides,
    filling.drop_sideless,
    filling.place_from_title,
    filling.in_text_order,
    dating.date_from_the_story,
    claims.frame_tellings,
    claims.drop_unasserted,
    claims.set_status,
    claims.dispute_by_reference,
    claims.join_exercises,
    claims.reject_refusals,
    claims.retype_plans,
    claims.retell,
)


def extract_events(ctx: ArticleContext, sides: LinearModel | None = None) -> list[Event]:
    """Events of one article, one per real-world event and pair of sides, each with its evidence
    sentence: the passes propose, the sides model (`deciding`; the shipped one unless `sides`)
    decides."""
    return deciding.decide(ctx, propose(ctx), sides)


def propose(ctx: ArticleContext) -> list[Event]:
    """The events the passes give, with the sides the rules chose."""
    mentions: list[Mention] = []
    for mention_pass in MENTION_PASSES:
        mentions = mention_pass(ctx, mentions)
    occasions = merge(ctx, mentions)
    for occasion_pass in OCCASION_PASSES:
        occasions = occasion_pass(ctx, occasions)
    return [o.event for o in occasions]


def passes() -> list[tuple[str, str]]:
    """(name, what it reads and changes) of every pass in order, merging included: the
    contents of docs/design.md, like spaCy's `Language.analyze_pipes`."""
    every = (*MENTION_PASSES, merge, *OCCASION_PASSES)
    return [(f"{p.__module__.rsplit('.', 1)[-1]}.{p.__name__}", " ".join(p.__doc__.split())) for p in every]
