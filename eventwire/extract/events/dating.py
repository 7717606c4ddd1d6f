"""Dating the mentions: each telling's own date, else the date of the sentences before, else
the date of its telling; a definite event noun shares the date of the telling it points back to."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...model import Event  # noqa: F401
from ..article import ArticleContext
from ..dates import (
    DateRef,
    Lender,
    context_date,
    counted_back,
    date_for_event,
    dates_its_clauses,
    describes_a_thing,
    own_date,
    resolve,
    sentence_date,
    shifted,
    unpinned_time,
)
from ..dates.cues import cues
from ..dates.resolve import OCCASION_PREPOSITIONS, STORY_DAY_WORDS
from ..dates.tense import event_tense, past_perfect, told_before
from ..types import has
from .grammar import content_clause, lemma_of, light_verb
from .mentions import Mention, Occasion, first_tellings
from .words import event_words

PRECISION_CHARS = {"year": 4, "month": 7, "season": 7, "day": 10}
LEAD_SENTENCES = 3  # a news lead: the opening sentence and the two that name its day and its source


def date_mentions(ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
    """Reads the dates of the article (`ctx.dates`); sets every mention's date."""
    day = story_day(ctx)
    for m in mentions:
        m.date = mention_date(ctx, m, day)
    return mentions


def mention_date(ctx: ArticleContext, m: Mention, day: DateRef | None) -> DateRef | None:
    """The date of one telling (`day`: the story's, `story_day`, read once per article): its
    own, else the story's day for one told "overnight" and none for one told over a stretch up
    to now ("in recent weeks": `dates.unpinned_time`), else (a
    noun under a light verb is told like a verb: "imposed tariffs"; not one told as before the
    occasion, "had threatened": `tense.told_before`) that of the sentences before, else that of
    its telling."""
    own = date_for_event(m.token, ctx.dates)
    if own is not None:
        return own
    unpinned = unpinned_time(m.token, ctx.dates)
    if unpinned is not None:
        told = day if unpinned.text.lower() in STORY_DAY_WORDS else None
        return DateRef(told.date, told.precision, unpinned.text) if told else None
    if (m.nominal and light_verb(m.token) is None and not _occurs(m.token)) or told_before(m.token):
        return _statement_date(ctx, m)
    statement = has(m.type, "statement")
    lends = _lends_to(ctx, m, day) if statement else None
    return context_date(m.token, ctx.dates, statement, lends) or _statement_date(ctx, m)


def _lends_to(ctx: ArticleContext, m: Mention, day: DateRef | None) -> Lender | None:
    """ "In 2023, police killed 30 protesters.  The United States urged Kenya to ...": a thing
    said with no date of its own is a reaction, the news of the story's day, unless its speaker
    took part in the background told before it: a sentence dating its occasion at a month or a
    year lends that date to a thing said only when it names the speaker ("Last year, Kenya and
    Somalia met in Nairobi.  Kenya asked ..."; docs/conventions.md).  The story's day lies
    within a month or year that holds it ("earlier this year").  So does a day of a month before
    the story's ("The army took the palace on March 21.  Egypt welcomed the advance", in a story
    of April 16); a day of the story's month lends as before."""
    codes = {a.code for a in m.source if a.code}
    if not codes or day is None:
        return None

    def lends(sent: Span, found: DateRef) -> bool:
        named = (a.code for _, a in ctx.actors.coded_between(sent.start_char, sent.end_char))
        return (found.precision == "day" and found.date[:7] == day.date[:7]) or any(code in codes for code in named)

    return lends


def _occurs(noun: Token) -> bool:
    """ "the talks ended", "fighting erupted": an event noun whose verb says that it took place
    is told like a verb."""
    return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in cues()["occurrence_verbs"]


def _statement_date(ctx: ArticleContext, m: Mention) -> DateRef | None:
    """A warning, demand or promise told in a reported clause ("we have told Beijing that we
    will not stand by", Sullivan said) or in the content clause of a telling noun ("Tuesday's
    announcement that Ukraine had agreed") happens when it is told: the date of the telling.
    So does a planned act told there ("announced that India will build ..."): the promise of
    it (`claims.retype_plans`) is made when it is told."""
    if not (has(m.type, "statement") or event_tense(m.token) == "future"):
        return None
    teller = m.token
    for _ in range(4):
        if teller.head.i == teller.i or not (teller.dep_ in ("ccomp", "xcomp", "conj") or content_clause(teller)):
            break
        teller = teller.head
    if teller.i == m.token.i:
        return None
    if teller.pos_ != "VERB":  # the noun's own date only: not "denied on Monday reports that ..."
        return own_date(teller, ctx.dates) if any(content_clause(c) for c in teller.children) else None
    return date_for_event(teller, ctx.dates) or context_date(teller, ctx.dates, statement=True)


def compatible(a: DateRef, b: DateRef) -> bool:
    """Can two dates name the same occasion (equal at the coarser precision)?"""
    cut = min(PRECISION_CHARS.get(a.precision, 10), PRECISION_CHARS.get(b.precision, 10))
    return a.date[:cut] == b.date[:cut]


def finer(a: DateRef, b: DateRef) -> bool:
    return PRECISION_CHARS.get(a.precision, 10) > PRECISION_CHARS.get(b.precision, 10)


def _antecedent(m: Mention, earlier: list[Mention]) -> Mention | None:
    """The telling a definite event noun points back to ("a visit by the minister last month
    ... during the visit on May 3"): the nearest earlier one of its type and word."""
    if not m.nominal or not any(
        c.dep_ == "det" and c.lower_ in event_words().anaphoric_determiners for c in m.token.children
    ):
        return None
    lemma = lemma_of(m.token)
    return next((a for a in reversed(earlier) if a.type == m.type and lemma_of(a.token) == lemma), None)


def follow_antecedents(ctx: ArticleContext, found: list[Mention]) -> list[Mention]:
    """Reads the earlier mentions; sets the sides and date of a definite event noun, which tells
    the event named before it again: it takes that telling's actors when it names none and its
    date when it gives none; a finer date it gives ("the visit on May 3" after "a visit last
    month") dates the first telling and whatever the same words dated there.  A date that
    cannot be the same occasion leaves both apart.  Then a clause with no date of its own set
    in an event noun told there ("marked two years since the attack of October 7, 2023 ...
    Militants killed 1,200 people in the attack") takes that noun's date (`_set_in`)."""
    _follow_nouns(ctx, found)
    by_token = first_tellings(found)
    for m in found:
        setting = _set_in(m.token, by_token)
        if setting is not None and setting.date and date_for_event(m.token, ctx.dates) is None:
            m.date = setting.date
    return found


def _set_in(verb: Token, by_token: dict[int, Mention]) -> Mention | None:
    """The telling of an event noun a clause is set in ("killed 1,200 people in the attack and
    took hostages": both verbs; the parser may hang the setting on the object), if any."""
    for clause in (verb, verb.head) if verb.dep_ == "conj" else (verb,):
        heads = [clause, *(c for c in clause.children if c.dep_ == "dobj")]
        for prep in (c for head in heads for c in head.children):
            if prep.dep_ == "prep" and prep.lower_ in OCCASION_PREPOSITIONS:
                told = next((by_token[o.i] for o in prep.children if o.dep_ == "pobj" and o.i in by_token), None)
                if told is not None and told.nominal:
                    return told
    return None


def _follow_nouns(ctx: ArticleContext, found: list[Mention]) -> None:
    for n, m in enumerate(found):
        a = _antecedent(m, found[:n])
        if a is None or (m.date and a.date and not compatible(m.date, a.date)):
            continue
        if not m.sides:
            m.source, m.target = list(a.source), list(a.target)
        if m.date is None:
            m.date = a.date
        elif a.date is not None and finer(m.date, a.date):
            old, where = a.date, ctx.sentences.bounds(a.token)
            for other in found[:n]:
                if other.date == old and ctx.sentences.bounds(other.token) == where:
                    other.date = m.date


def date_from_the_story(ctx: ArticleContext, occasions: list[Occasion]) -> list[Occasion]:
    """Reads each event's date and tellings; dates the events still undated, unless told ahead:
    a news story tells the events of one day, the first day its lead names ("... on Monday froze
    the assets": `story_day`), and its other sentences go on with that day's events without
    repeating it; a story whose lead names no day tells the news of the day it is published
    (docs/conventions.md, dates).  A telling in a sentence that dates another of its past clauses
    takes that date instead (`dates.sentence_date`): a background sentence is not of the story's day.  A telling
    set before the story's occasion ("had signed", "signed earlier": `tense.told_before`) takes
    neither, and its event stays undated unless another telling dates it.  One told a span
    before a clause dated only by the story's day ("agreed to accept the flights a week after
    Trump threatened tariffs", in a sentence naming no date) lies that span from it, and stays
    undated when the span pins no date ("weeks after").  After merging: an undated telling
    joins a dated telling of its event first."""
    day = story_day(ctx)
    for o in occasions:
        if day and o.event.date is None and all(_of_the_story(m) for m in o.mentions):
            earlier = [told_before(m.token) or unpinned_time(m.token, ctx.dates) is not None for m in o.mentions]
            dates = (
                sentence_date(m.token, ctx.dates) for m, before in zip(o.mentions, earlier, strict=True) if not before
            )
            told = next((d for d in dates if d), None)
            if told is None and any(earlier):
                continue
            counted = next((c for m in o.mentions if (c := _counted_from_the_day(ctx, m))), None)
            told = told or (shifted(day, counted) if counted else day)
            if told is None:
                continue
            o.event.date, o.event.date_precision, o.event.date_text = told.date, told.precision, told.text
    return occasions


def _counted_from_the_day(ctx: ArticleContext, m: Mention) -> str | None:
    """The span a telling lies before a clause of the story's day (`dates.counted_back`), in a
    sentence that names no date ("Moldova applied to join in 2022, days after Russia invaded"
    does, wherever the parser hangs it)."""
    if dates_its_clauses(ctx.sentences.span(m.token), ctx.dates):
        return None
    return counted_back(m.token, ctx.dates)


def _of_the_story(m: Mention) -> bool:
    """Can a telling be of the story's day: not told ahead ("will freeze"), not a relative
    clause telling what a thing is ("a war that killed thousands")."""
    return event_tense(m.token) != "future" and not describes_a_thing(m.token)


def story_day(ctx: ArticleContext) -> DateRef | None:
    """The day of a story's news: its dateline's ("NAIROBI, June 4 (Reuters) -"), else the first
    day its lead names for what was done or said (not "will meet on Friday", nor a day after
    publication: "Monday's meeting" in a Sunday story, nor one told as before the story's
    occasion: "had accused India of striking mosques on May 7"), else its publication day.  The
    lead is its first sentences, not its first alone: a lead told in the present ("Russia says it ...")
    leaves the day to the next ("..., the ministry said Tuesday"); a day named further down
    mostly dates background ("the deal signed on Feb. 5"), not the news."""
    if ctx.reference is None or not len(ctx.doc):
        return None
    published = ctx.reference.date().isoformat()
    filed = resolve(ctx.dateline_day, ctx.reference, "past") if ctx.dateline_day else None
    if filed and filed.precision == "day" and filed.date <= published:
        return DateRef(filed.date, "day", ctx.dateline_day)
    for sent in ctx.sentences.spans[:LEAD_SENTENCES]:
        before = past_perfect(sent.root)  # "had turned back two planes carrying deportees on Jan. 26"
        for span in ctx.dates.candidates(sent):
            if before or told_before(span.root) or event_tense(span.root) == "future":
                continue
            found = resolve(span.text, ctx.reference, "past")
            if found and found.precision == "day" and found.date <= published:
                return DateRef(found.date, "day", span.text)
    return DateRef(published, "day", "")
