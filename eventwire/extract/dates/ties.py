"""Tying a date expression to an event's trigger: the date of its own clause, of the noun
phrase of an event noun, or of the sentences before; a date of another clause is not its."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from spacy.tokens import Span, Token

from ..quotes.cues import cues as quote_cues
from .anchors import DateAnchors
from .cues import cues
from .resolve import (
    CONTEXT_SENTENCES,
    DEADLINE_PREPOSITIONS,
    MEANS_PREPOSITIONS,
    ONSET_PREPOSITIONS,
    OWN_RANK,
    PAST_ONLY_WORDS,
    SEQUEL_ADVERBS,
    SEQUEL_PREPOSITIONS,
    SETTING_PREPOSITIONS,
    STORY_DAY_WORDS,
    DateRef,
    resolve,
    shifted,
    stretch_to_now,
)
from .tense import (
    SUBJECT_DEPS,
    VERB_POS,
    anchor_verb,
    event_tense,
    governor,
    is_participle_clause,
    past_perfect,
    resolution_tense,
    verb_tense,
)

NOUN_POS = {"NOUN", "PROPN"}
Lender = Callable[[Span, DateRef], bool]  # may this sentence lend this date of its occasion?


def date_for_event(trigger: Token, anchors: DateAnchors) -> DateRef | None:
    """The date of the event whose trigger word is `trigger`: the date expression of its own
    clause, or of the noun phrase when the trigger is an event noun ("Monday's meeting").  A
    date that modifies another verb is not this event's.  None when the trigger has none."""
    if trigger.dep_ in ("aux", "auxpass"):
        trigger = trigger.head
    return _counted_back(trigger, anchors) or _first_resolved(trigger, anchors, None) or _counted_on(trigger, anchors)


def _counted_on(verb: Token, anchors: DateAnchors) -> DateRef | None:
    """ "Russia struck Kyiv a day after Ukraine attacked Moscow on Tuesday", "fighting resumed
    hours after the truce took effect on Friday": a clause told that span after (or before) a
    dated clause of its own lies that span from that clause's date."""
    sent = anchors.sentences.span(verb)
    for clause in (c for c in verb.children if c.dep_ == "advcl"):
        mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in SEQUEL_PREPOSITIONS), None)
        span = mark and next(
            (s for s in anchors.candidates(sent) if s.end == mark.i and s.root.head.i in (clause.i, verb.i)), None
        )
        told = _first_resolved(clause, anchors, None) if span is not None else None
        if told is not None:
            return shifted(told, f"{span.text} {mark.lower_}")
    return None


def _counted_back(trigger: Token, anchors: DateAnchors) -> DateRef | None:
    """ "killed 30 rebels on Friday, a day after an attack on a train", "shelled the port on
    Friday, a week after militants attacked a convoy": an event noun or clause after a span
    counted from it lies that span before (or after) the date of the clause it hangs on, its
    own or the one it goes on with ("The protests came a year after crowds stormed parliament",
    after a lead of Tuesday's protests)."""
    counted = _counted_span(trigger, anchors)
    if counted is None:
        return None
    span, prep, verb = counted
    while verb.pos_ not in VERB_POS and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in VERB_POS:
        return None
    told = date_for_event(verb, anchors) or context_date(verb, anchors)
    return shifted(told, _turned(span, prep)) if told is not None else None


def counted_back(trigger: Token, anchors: DateAnchors) -> str | None:
    """The span an event is told before (or after) the clause it hangs on, turned to count from
    that clause ("agreed to accept the flights a week after Trump threatened tariffs": "a week
    before"), for a clause dated only later, by the story's day; None when none is counted."""
    counted = _counted_span(trigger, anchors)
    return _turned(*counted[:2]) if counted is not None else None


def _turned(span: Span, prep: Token) -> str:
    return f"{span.text} {'before' if prep.lower_ == 'after' else 'after'}"


def _counted_span(trigger: Token, anchors: DateAnchors) -> tuple[Span, Token, Token] | None:
    """The span counted ("a week"), its "after" or "before" and the word the event hangs on:
    for an event noun, the preposition's head; for a clause ("a week after rebels attacked"),
    or an event noun its verb takes as object, the verb the clause modifies."""
    sent = anchors.sentences.span(trigger)
    if trigger.dep_ == "pobj" and trigger.head.lower_ in SEQUEL_PREPOSITIONS:
        prep = trigger.head
        span = next((s for s in anchors.candidates(sent) if s.end - 1 == prep.i and len(s) > 1), None)
        return (span[:-1], prep, prep.head) if span is not None else None
    if trigger.dep_ == "dobj" and trigger.pos_ in NOUN_POS:  # "six months after Yoon declared martial law"
        trigger = trigger.head
    mark = next((c for c in trigger.children if c.dep_ == "mark" and c.lower_ in SEQUEL_PREPOSITIONS), None)
    if trigger.dep_ != "advcl" or mark is None:
        return None
    span = next((s for s in anchors.candidates(sent) if s.end == mark.i and s.root.head.i == trigger.i), None)
    return (span, mark, trigger.head) if span is not None else None


def own_date(word: Token, anchors: DateAnchors) -> DateRef | None:
    """The date among a word's own modifiers ("Tuesday's announcement", "a statement on Monday"),
    not one of the clause it sits in ("denied on Monday accusations that ...")."""
    return _first_resolved(word, anchors, OWN_RANK)


def _first_resolved(trigger: Token, anchors: DateAnchors, below: int | None) -> DateRef | None:
    """The closest tied date expression that resolves (ties ranked below `below`, if given)."""
    sent = anchors.sentences.span(trigger)
    ranked = sorted(
        (tie[0], span.start, tie[1], span)
        for span in anchors.candidates(sent)
        if (tie := _attachment(span, trigger, sent)) is not None and (below is None or tie[0] < below)
    )
    for _, _, teller, span in ranked:
        found = resolve(span.text, anchors.reference, resolution_tense(teller))
        if found:
            return DateRef(found.date, found.precision, _with_preposition(span).text)
    return None


def unpinned_time(trigger: Token, anchors: DateAnchors) -> Span | None:
    """A time expression of the trigger's own clause that names no date: a stretch up to now
    ("in recent weeks, vessels have harassed ...", "for decades", `resolve.stretch_to_now`) or
    a word of the story's own day ("shelled the city overnight", `STORY_DAY_WORDS`).  The event
    is told at that time: not at a date borrowed from the sentences around it."""
    sent = anchors.sentences.span(trigger)
    return next(
        (
            span
            for span in anchors.candidates(sent)
            if (span.text.lower() in STORY_DAY_WORDS or (stretch_to_now(span.text) and not _counts_from(span)))
            and _attachment(span, trigger, sent) is not None
        ),
        None,
    )


def _counts_from(span: Span) -> bool:
    """ "days after Russia invaded": a span counted from an occasion, not a stretch up to now."""
    return span.end < len(span.doc) and span.doc[span.end].lower_ in SEQUEL_PREPOSITIONS


def dates_its_clauses(sent: Span, anchors: DateAnchors) -> bool:
    """Does the sentence name a date (not a deadline) of its own clauses?  ("told CNN on Sunday
    that Moscow has asked ...": then a clause it leaves undated borrows no other sentence's.)"""
    return any(
        not _is_deadline(span) and resolve(span.text, anchors.reference, "past") for span in anchors.candidates(sent)
    )


def context_date(
    trigger: Token, anchors: DateAnchors, statement: bool = False, lends: Lender | None = None
) -> DateRef | None:
    """For a past event told without a date of its own, the date of a past clause in one of the
    few sentences before it: news tells one occasion over several sentences and paragraphs
    ("Pedersen said Friday ... He called for ..."), or moves on from it ("Two days later,
    ...": that date moved, `resolve.shifted`).  A `statement` (a thing said) found no
    such date there takes that of the last dated speech act before it: a story tells when its
    speakers spoke once, in the lead ("UNICEF said Thursday ... She urged the council ..."),
    and the dates of what they report (`_speech_date`) are not that.  Present and future
    events keep no date: they describe states and plans, not that occasion; nor does an event
    in a sentence that dates other clauses ("told CNN on Sunday that Moscow has asked ...").
    A sentence whose date `lends` refuses is passed over for the ones before it.  Callers use
    it only when `date_for_event` finds nothing."""
    if event_tense(trigger) != "past" or describes_a_thing(trigger):
        return None
    doc, sent, reference = trigger.doc, anchors.sentences.span(trigger), anchors.reference
    if dates_its_clauses(sent, anchors):
        return None  # the sentence dates its own clauses; this one it leaves undated
    own, new_paragraph = sent, False
    sequel = any(t.dep_ == "advmod" and t.lower_ in SEQUEL_ADVERBS for t in anchor_verb(trigger).children)
    for _ in range(CONTEXT_SENTENCES):
        if sent.start == 0:
            break
        previous = anchors.sentences.span(doc[sent.start - 1])
        new_paragraph = new_paragraph or _ends_a_paragraph(previous)
        found = _occasion_date(previous, anchors, statement, onsets=not new_paragraph, background=sequel)
        if found and found.text.split()[0].lower() in ONSET_PREPOSITIONS:
            break  # "detained since March 3": when a state began, not an occasion to go on with
        if found and (lends is None or lends(previous, found)):
            moved = (shifted(found, span.text) for span in anchors.candidates(own))
            return _not_after(next((m for m in moved if m), found), reference)
        sent = previous
    return _speech_date(own, anchors, lends) if statement else None


def _occasion_date(
    sent: Span, anchors: DateAnchors, statement: bool, onsets: bool, background: bool = False
) -> DateRef | None:
    """The date of the occasion a sentence tells, for the sentences after it to go on with: its
    main clause's, else that of a past clause of it.  For a thing done, a speaker's report of
    it is dated by what was reported, not by when it was said ("Troops shelled the post on
    Monday, the army said Wednesday.  Two soldiers died": Monday); a thing said goes on with
    the saying.  A clause saying when a state began ("tensions have risen since the premier
    said last year that ...") is background: the story goes on with its date (`onsets`) only
    within its paragraph ("... since talks failed at the summit held in February.  There, Kim
    asked ..."), and the next paragraph tells news of its own.  A sentence told as before the
    story's occasion, in the past perfect ("The junta had seized power in 2020"), is background:
    the story does not go on with its date, unless the clause after says it goes on with it
    (`background`: "Trump then ordered tariffs")."""
    root = sent.root
    if past_perfect(root) and not background:
        return None
    if not statement and _is_speech_act(root):
        reported = (date_for_event(c, anchors) for c in root.children if c.dep_ == "ccomp")
        found = next((d for d in reported if d), None)
        if found:
            return found
    return date_for_event(root, anchors) or _past_clause_date(sent, anchors, onsets)


def describes_a_thing(trigger: Token) -> bool:
    """ "a war that killed 100,000 people", "the group, which bombed the embassy": a relative
    clause tells what a thing is, at no time of the story's; so does a participle before a
    noun ("the banned books", "a jailed reporter")."""
    if trigger.dep_ == "amod" and trigger.tag_ == "VBN":
        return True
    verb = anchor_verb(trigger)
    return verb is not None and _first_conjunct(verb).dep_ == "relcl"


def _not_after(found: DateRef, reference: datetime | None) -> DateRef | None:
    """A date borrowed for a past event cannot be after the time the story was told."""
    return found if reference is None or found.date <= reference.date().isoformat() else None


def _is_speech_act(tok: Token) -> bool:
    """A verb of saying with a speaker ("she said", not "cases reported last year")."""
    speech, lemma = quote_cues(), tok.lemma_.lower()
    return (
        tok.pos_ == "VERB"
        and (lemma in speech.speech or lemma in speech.direct)
        and any(c.dep_ == "nsubj" for c in tok.children)
    )


def _speech_date(sent: Span, anchors: DateAnchors, lends: Lender | None = None) -> DateRef | None:
    """The date of the last past-tense verb of saying before `sent` that has a speaker and a date
    of its own ("she said Thursday", "X told reporters on Monday"); the dates inside what was said
    are not it, nor those of a participle ("cases reported last year") or of a saying that began
    a state ("tensions have risen since he said last year")."""
    doc = sent.doc
    while sent.start > 0:
        sent = anchors.sentences.span(doc[sent.start - 1])
        for tok in reversed(sent):
            if _is_speech_act(tok) and verb_tense(tok) == "past" and not _opens_a_state(tok):
                found = date_for_event(tok, anchors)
                if found and (lends is None or lends(sent, found)):
                    return _not_after(found, anchors.reference)
    return None


def sentence_date(trigger: Token, anchors: DateAnchors) -> DateRef | None:
    """The time of the sentence a trigger sits in, for an event told there without a date of its
    own: the first date of a past clause of it ("last year it was put on a list of books banned
    by the Taliban"), never after publication.  A background sentence tells one earlier
    occasion; the story's day (`events.dating.date_from_the_story`) is not its time."""
    found = _past_clause_date(anchors.sentences.span(trigger), anchors)
    return _not_after(found, anchors.reference) if found else None


def _past_clause_date(sent: Span, anchors: DateAnchors, onsets: bool = True) -> DateRef | None:
    """The first date of a sentence that dates a past-tense clause ("talks failed at the Hanoi
    Summit held in February"), with or without (`onsets`) a clause saying when a state began
    ("since the premier said last year that ...")."""
    for span in anchors.candidates(sent):
        if _is_deadline(span):
            continue
        _, stop = _climb(span.root, sent.root)
        if (
            stop is not None
            and stop.pos_ in VERB_POS
            and verb_tense(stop) == "past"
            and (onsets or not _opens_a_state(stop))
        ):
            found = resolve(span.text, anchors.reference, "past")
            if found:
                return DateRef(found.date, found.precision, _with_preposition(span).text)
    return None


def _ends_a_paragraph(sent: Span) -> bool:
    """Is the sentence the last of its paragraph: a line break between it and the next?  Read
    from the tokens: `Doc.text` joins the whole text anew on each access."""
    doc = sent.doc
    last = sent.end - 1
    while last > sent.start and doc[last].is_space:
        last -= 1
    spaces = [doc[last].whitespace_]
    for tok in doc[last + 1 :]:
        if not tok.is_space:
            break
        spaces += [tok.text, tok.whitespace_]
    return "\n" in "".join(spaces)


def _opens_a_state(verb: Token) -> bool:
    """A clause opened by "since": the time a state began."""
    return any(c.dep_ == "mark" and c.lower_ in ONSET_PREPOSITIONS for c in verb.children)


def _attachment(span: Span, trigger: Token, sent: Span) -> tuple[int, Token] | None:
    """How closely a date expression is tied to the trigger (lower is closer) and the word whose
    tense resolves it; None when it belongs to another clause.  Own modifiers come first; then
    those of the clause an event noun or a subjectless participle ("..., calling for talks")
    sits in; then those of a coordinated verb sharing the subject ("attacking and fighting
    troops since 2011"); then the date of the verb a "where" clause is set by ("began March 6
    in the region, where forces clashed"); then a statement's date for what it says now or
    promises ("said Tuesday that it would resume aid"); last a date framing the whole sentence
    ("In October 2020, China revised the law")."""
    if span.start <= trigger.i < span.end:
        return 0, trigger
    if span.start <= trigger.head.i < span.end and trigger.dep_ in ("relcl", "advcl", "acl"):
        return 1, trigger  # "since 2015, when the army moved in"
    if _is_deadline(span):
        return None
    steps, stop = _climb(span.root, trigger, past=any(t.lower_ in PAST_ONLY_WORDS for t in span))
    if stop is not None and stop.i == trigger.i:
        return steps, trigger
    anchor = anchor_verb(trigger)
    if stop is not None and anchor is not None:
        if stop.i == anchor.i:
            return 10 + steps, trigger
        if _shares_subject(stop, anchor):
            return 20 + steps, stop
        clause = _first_conjunct(anchor)
        teller = anchor_verb(clause.head) if clause.dep_ == "ccomp" else None
        if teller is not None and stop.i == teller.i and verb_tense(clause) != "past":
            return 30 + steps, stop
        if stop.i == _where_clause_verb(anchor):
            return 25 + steps, stop
    if _frames_sentence(span, sent):  # resolved in the tense of the sentence's verb: "On Tuesday, X said ..."
        return 40, sent.root if sent.root.pos_ in VERB_POS else trigger
    return None


def _where_clause_verb(verb: Token) -> int | None:
    """The verb a "where" clause sets its scene by ("violence that began March 6 in the coastal
    region, where forces clashed"): told in one breath, the clause shares that verb's time."""
    place = verb.head
    if (
        verb.dep_ != "relcl"
        or not _is_setting(place)
        or not any(c.lower_ == "where" for c in verb.children if c.dep_ == "advmod")
    ):
        return None
    governor = place.head.head
    return governor.i if governor.pos_ in VERB_POS else None


def _first_conjunct(verb: Token) -> Token:
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _shares_subject(a: Token, b: Token) -> bool:
    """Coordinated verbs, the second without a subject of its own: one clause, one time."""
    first, second = (a, b) if a.i < b.i else (b, a)
    return (
        second.dep_ == "conj" and second.head.i == first.i and not any(c.dep_ in SUBJECT_DEPS for c in second.children)
    )


def _is_deadline(span: Span) -> bool:
    """ "until April 2", "by Friday", "before October's expiration": a limit, not the event's day."""
    head = span.root.head
    return span.root.dep_ == "pobj" and head.lower_ in DEADLINE_PREPOSITIONS


def _frames_sentence(span: Span, sent: Span) -> bool:
    """A date opening the sentence `sent`, set off by a comma, scopes over all of it."""
    doc = span.doc
    lead = doc[sent.start : span.start]
    return (
        all(t.pos_ in ("ADP", "ADV", "CCONJ", "PUNCT") for t in lead)
        and span.end < sent.end
        and doc[span.end].text == ","
    )


def _climb(tok: Token, trigger: Token, past: bool = False) -> tuple[int, Token | None]:
    """Walk up from a date to the verb or noun it dates (or to the trigger, if met first).
    Clauses that share their head's time (subjectless participles and purpose infinitives,
    gerunds of means: "by signing the accord on Monday";
    participles and occurrence relatives on the event noun or on a setting: "the summit held
    in February", "meetings that wrapped up this week") are passed through, and so are
    subjects and nouns that only set the scene ("in a June statement", "at a briefing
    Wednesday", "a court in November"), unless the date is part of its name ("the 1951
    Mutual Defense Treaty"); a noun the date describes ("Tuesday's announcement",
    "a trial for 2025", "details about Monday's meeting") keeps it.  A document's date ("a
    letter dated Feb. 4") leads to the clause the document takes part in, and a date set in
    the telling of a thing ("accused Kyiv of attacking its plants in a statement on Tuesday")
    to the verb of telling, wherever the parser hangs it (`_teller_of`).  A date that can only
    be `past` ("last week", "two days ago") set on a thing to be done ("threatened to cut
    supplies last week") is when it was put ahead: the verb above it."""
    occurrence = cues()["occurrence_verbs"]
    steps, via, told_in = 0, None, False
    while True:
        if steps and tok.pos_ in VERB_POS and (teller := _teller_of(tok, told_in)) is not None:
            tok, steps = teller, steps + 1
            continue
        if steps and past and tok.pos_ in VERB_POS and _to_come(tok):
            tok, steps = tok.head, steps + 1
            continue
        if tok.i == trigger.i:
            return steps, tok
        if steps and tok.pos_ in VERB_POS:
            describes_occasion = tok.dep_ == "acl" or (tok.dep_ == "relcl" and tok.lemma_.lower() in occurrence)
            occasion = tok.head.i == trigger.i or _is_setting(tok.head) or _of_the_subject(tok)
            through = (
                (describes_occasion and occasion)
                or is_participle_clause(tok)
                or (
                    tok.dep_ == "pcomp"
                    and tok.head.lower_ in MEANS_PREPOSITIONS
                    and not any(c.dep_ in SUBJECT_DEPS for c in tok.children)
                )
            )
            if not through and _dates_document(tok):
                tok, steps = governor(tok), steps + 1
                if tok is None:
                    return steps, None
                continue
            if not through:
                return steps, tok
        elif steps and tok.pos_ in NOUN_POS and not _scene_noun(tok, via):
            return steps, tok
        elif steps and tok.tag_ == "JJS":
            return steps, tok  # "the deadliest since 2019": the measure of a comparison, no one's date
        told_in = told_in or (_is_setting(tok) and tok.lemma_.lower() in cues()["telling_nouns"])
        if tok.head.i == tok.i:
            return steps, None
        via, tok, steps = tok, tok.head, steps + 1


def _teller_of(verb: Token, told_in: bool) -> Token | None:
    """The verb of telling above a clause of what is told ("accused Kyiv of attacking", "urged
    Israel to halt") when the date is set in a telling (`told_in`: "in a statement issued on
    Tuesday") or beside one ("... in a statement on Tuesday"): the parser hangs these on the
    lower verb, but a statement, report or briefing is where the telling was done."""
    if verb.dep_ not in ("pcomp", "xcomp", "ccomp"):
        return None
    telling = cues()["telling_nouns"]
    if not told_in and not any(
        c.dep_ == "prep" and any(o.dep_ == "pobj" and o.lemma_.lower() in telling for o in c.children)
        for c in verb.children
    ):
        return None
    above, speech = governor(verb), quote_cues()
    return above if above is not None and above.lemma_.lower() in speech.speech | speech.direct else None


def _of_the_subject(participle: Token) -> bool:
    """ "Rubio, speaking to reporters on Monday, said ...": a present participle on the subject
    tells the occasion of the clause's verb (a past one, "the man arrested on Monday", tells its own)."""
    return participle.tag_ == "VBG" and participle.head.dep_ in SUBJECT_DEPS


def _to_come(verb: Token) -> bool:
    """ "threatened to cut", "agreed to resume": an infinitive of a thing put ahead by a past verb."""
    return (
        verb.dep_ == "xcomp"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and verb.head.pos_ in VERB_POS
        and verb_tense(verb.head) == "past"
    )


def _dates_document(verb: Token) -> bool:
    """ "a letter dated Feb. 4": the date of a document is that of the clause it takes part in,
    whatever noun the parser hangs the participle on."""
    return verb.dep_ == "acl" and verb.lemma_.lower() in cues()["dating_verbs"]


def _scene_noun(noun: Token, via: Token) -> bool:
    """A noun a date passes on to the clause above: a subject, a setting, or an object the date
    is set beside, by a preposition ("sent troops to the border in May") or bare ("halted the
    entry of aid earlier this month", which the parser hangs on the object)."""
    if _in_a_name(via, noun):
        return False
    if noun.dep_ in SUBJECT_DEPS or _is_setting(noun):
        return True
    beside = via.dep_ == "npadvmod" or (via.dep_ == "prep" and via.lower_ in SETTING_PREPOSITIONS)
    return beside and noun.dep_ in ("dobj", "attr")


def _in_a_name(date: Token, noun: Token) -> bool:
    """ "the 1951 Mutual Defense Treaty", "the 2015 Paris Agreement": a date inside a name says
    which thing it is, and dates nothing the clause tells of it."""
    return noun.pos_ == "PROPN" and date.i < noun.i and date.dep_ in ("nummod", "compound", "amod")


def _is_setting(noun: Token) -> bool:
    """The object of "in/at/during ...": where or when something else happens."""
    return noun.dep_ == "pobj" and noun.head.lower_ in SETTING_PREPOSITIONS


def _with_preposition(span: Span) -> Span:
    """'on Monday' rather than 'Monday' when a preposition governs the expression."""
    head = span.root.head
    if span.root.dep_ == "pobj" and head.i == span.start - 1:
        return span.doc[head.i : span.end]
    return span
