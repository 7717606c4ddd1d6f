"""Event dates: the date expression tied to an event's trigger, resolved against the article's
reference (publication) time, with a precision (day, month, season, year).

Own rules come first because a general date parser reads news wrong: it takes "on Monday" as
the coming Monday whatever the tense, "in October" as this year's, and "late last year" as a
day.  dateparser is only asked about numeric dates ("3/14/2022") that our rules do not read.

Conventions (docs/contract.md: `date` is the first day of the span):
- A weekday is the nearest such day: back for a past-tense event, ahead for a present or
  future one (the reference day itself counts either way).  A past-tense weekday naming the
  day after the reference day counts as that next day when the reference time is late in the
  evening (`LATE_HOUR`): such stamps belong to stories updated past midnight or told from
  time zones ahead (Moscow, Beijing), where that day has already begun.  An event noun
  ("Monday's meeting") takes the tense of the clause it sits in.
- A month without a year is the most recent one for the past (this month included), the
  coming one otherwise.  A month with a day but no year: the same, and the nearest one for a
  present-tense sentence.
- Weeks run Sunday to Saturday (US newsroom usage: on a Sunday, "last week" is the working
  week just ended).  A week is not a precision of docs/contract.md: "last/this/next week" gives the month
  when that week's Monday to Friday fall in one month, else nothing.
- Seasons are meteorological, northern hemisphere: spring March 1, summer June 1, fall
  September 1, winter December 1 (running into the next year).  "this fall" is the season
  containing the reference time, else the one to come in the same calendar year, else the
  last one.
- "early/mid/late last year", "earlier this year", "mid-2021" keep year precision.
- Without a reference time, relative expressions give nothing (never invented); explicit
  dates with a year still resolve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from spacy.tokens import Span, Token

from .sentences import Sentences
from .vocabulary import read_yaml, word_set

LATE_HOUR = 20
OWN_RANK = 10  # attachment ranks below this are a word's own modifiers (see `_attachment`)
CONTEXT_SENTENCES = 2

_CALENDAR = read_yaml("calendar.yaml")
MONTHS = {name: n for n, names in enumerate(_CALENDAR["months"], start=1) for name in names}
FULL_MONTHS = frozenset(names[0] for names in _CALENDAR["months"])
WEEKDAYS = {name: n for n, name in enumerate(_CALENDAR["weekdays"])}
SEASONS: dict[str, int] = _CALENDAR["seasons"]
DAY_WORDS: dict[str, int] = _CALENDAR["day_words"]
NUMBER_WORDS: dict[str, int] = _CALENDAR["number_words"]
DATE_MODIFIERS = word_set(_CALENDAR, "date_modifiers", "calendar.yaml")
FUTURE_AUX = word_set(_CALENDAR, "future_auxiliaries", "calendar.yaml")

_MON = "|".join(sorted(MONTHS, key=len, reverse=True))
_WD = "|".join(WEEKDAYS)
_REL = r"(?:(last|this|next|coming|previous)\s+)?"
_ORD = r"(?:st|nd|rd|th)?"
_RULES = [  # (kind, regex) tried in this order on the normalised expression
    ("iso", re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")),
    ("month_day", re.compile(rf"\b({_MON})\s+(\d{{1,2}}){_ORD}\b(?:\s+(\d{{4}})\b)?")),
    ("day_month", re.compile(rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?({_MON})\b(?:\s+(\d{{4}})\b)?")),
    ("numeric", re.compile(r"\b\d{1,4}[/.]\d{1,2}[/.]\d{2,4}\b")),
    ("month_year", re.compile(rf"\b({_MON})\s+(?:of\s+)?(\d{{4}})\b")),
    ("day_word", re.compile(r"\b(today|tonight|yesterday|tomorrow|last night|this (?:morning|afternoon|evening))\b")),
    ("weekday", re.compile(rf"\b{_REL}({_WD})\b")),
    (
        "ago",
        re.compile(
            rf"\b(\d+|{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})\s+"
            r"(day|week|month|year)s?\s+ago\b"
        ),
    ),
    ("period", re.compile(r"\b(last|this|next|coming|previous)\s+(week|month|year)\b")),
    ("season", re.compile(rf"\b{_REL}(?:the\s+)?({'|'.join(SEASONS)})\b(?:\s+(?:of\s+)?(\d{{4}})\b)?")),
    ("month", re.compile(rf"\b{_REL}({_MON})\b")),
    ("year", re.compile(r"\b(1[89]\d\d|20\d\d)\b")),
]
_NORMALISE = [
    (re.compile(r"[’`]"), "'"),
    (re.compile(r"'s\b"), ""),
    (re.compile(r"[,()]"), " "),
    (re.compile(r"\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\."), r"\1"),
    (re.compile(r"\bmid-"), "mid "),
    (re.compile(r"\bthis past\b"), "last"),
    (re.compile(r"\s+"), " "),
]


Found = tuple[date, str] | None  # a handler's answer: first day of the span, precision


@dataclass(frozen=True)
class DateRef:
    """A resolved date: the first day of the span, its precision and the words it came from
    (frozen: resolutions are cached and shared)."""

    date: str
    precision: str  # day | month | season | year
    text: str


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    """The cue-word lists of data/date_place_cues.yaml (shared with places.py)."""
    return {key: frozenset(words) for key, words in read_yaml("date_place_cues.yaml").items()}


# --- resolving an expression --------------------------------------------------------------


@lru_cache(maxsize=4096)
def resolve(text: str, reference: datetime | None, tense: str) -> DateRef | None:
    """Resolve one date expression ("on Monday", "in October", "March 14, 2022") told in a
    `tense`: past | future | present (as future, but a day of a month without a year is the
    nearest one)."""
    if not text or not text.strip():
        return None
    norm = text.lower()
    for pattern, repl in _NORMALISE:
        norm = pattern.sub(repl, norm)
    for kind, pattern in _RULES:
        match = pattern.search(norm)
        if match:
            found = _HANDLERS[kind](match, reference, tense)
            if found:
                return DateRef(found[0].isoformat(), found[1], text.strip())
    return None


def _iso(m: re.Match, ref: datetime | None, tense: str) -> Found:
    return _day(int(m[1]), int(m[2]), int(m[3]))


def _month_day(m: re.Match, ref: datetime | None, tense: str) -> Found:
    return _dated(MONTHS[m[1]], int(m[2]), m[3], ref, tense)


def _day_month(m: re.Match, ref: datetime | None, tense: str) -> Found:
    return _dated(MONTHS[m[2]], int(m[1]), m[3], ref, tense)


def _dated(month: int, day: int, year: str | None, ref: datetime | None, tense: str) -> Found:
    if year:
        return _day(int(year), month, day)
    if ref is None:
        return None
    today = ref.date()
    options = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _day(y, month, day))]
    past = max((d for d, _ in options if d <= today), default=None)
    ahead = min((d for d, _ in options if d >= today), default=None)
    if tense == "past" or ahead is None:
        chosen = past
    elif tense == "future" or past is None:
        chosen = ahead
    else:
        chosen = past if today - past <= ahead - today else ahead
    return (chosen, "day") if chosen else None


def _day(year: int, month: int, day: int) -> Found:
    try:
        return date(year, month, day), "day"
    except ValueError:
        return None


def _numeric(m: re.Match, ref: datetime | None, tense: str) -> Found:
    """ "3/14/2022", "14.03.2022": dateparser knows the orders (English: month first unless the
    first number cannot be a month)."""
    data = _dateparser().get_date_data(m[0])
    return (data.date_obj.date(), "day") if data and data.date_obj else None


@lru_cache(maxsize=1)
def _dateparser():
    from dateparser.date import DateDataParser  # imported only when a numeric date turns up

    return DateDataParser(languages=["en"], settings={"PARSERS": ["absolute-time"]})


def _month_year(m: re.Match, ref: datetime | None, tense: str) -> Found:
    return date(int(m[2]), MONTHS[m[1]], 1), "month"


def _day_word(m: re.Match, ref: datetime | None, tense: str) -> Found:
    if ref is None:
        return None
    word = m[1]
    shift = -1 if word == "last night" else DAY_WORDS.get(word, 0)
    return ref.date() + timedelta(days=shift), "day"


def _weekday(m: re.Match, ref: datetime | None, tense: str) -> Found:
    if ref is None:
        return None
    rel, target = m[1], WEEKDAYS[m[2]]
    back = (ref.weekday() - target) % 7
    ahead = (target - ref.weekday()) % 7
    if rel in ("last", "previous"):
        shift = -(back or 7)
    elif rel in ("next", "coming"):
        shift = ahead or 7
    elif tense == "past":
        late_tomorrow = ahead == 1 and ref.hour >= LATE_HOUR
        shift = 1 if late_tomorrow else -back
    else:
        shift = ahead
    return ref.date() + timedelta(days=shift), "day"


def _ago(m: re.Match, ref: datetime | None, tense: str) -> Found:
    if ref is None:
        return None
    count = int(m[1]) if m[1].isdigit() else NUMBER_WORDS[m[1]]
    unit, today = m[2], ref.date()
    if unit == "day":
        return today - timedelta(days=count), "day"
    if unit == "week":
        return _week_month(today - timedelta(weeks=count))
    if unit == "month":
        return _add_months(today.replace(day=1), -count), "month"
    return date(today.year - count, 1, 1), "year"


def _period(m: re.Match, ref: datetime | None, tense: str) -> Found:
    if ref is None:
        return None
    step = {"last": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[m[1]]
    today = ref.date()
    if m[2] == "week":
        return _week_month(today + timedelta(weeks=step))
    if m[2] == "month":
        return _add_months(today.replace(day=1), step), "month"
    return date(today.year + step, 1, 1), "year"


def _week_month(day: date) -> Found:
    """The month of the Sunday-to-Saturday week holding `day`, if its Monday to Friday share one."""
    sunday = day - timedelta(days=(day.weekday() + 1) % 7)
    monday, friday = sunday + timedelta(days=1), sunday + timedelta(days=5)
    if monday.month != friday.month:
        return None
    return monday.replace(day=1), "month"


def _add_months(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _season(m: re.Match, ref: datetime | None, tense: str) -> Found:
    rel, start_month, year = m[1], SEASONS[m[2]], m[3]
    if year:
        return date(int(year), start_month, 1), "season"
    if ref is None:
        return None
    today = ref.date()
    starts = [date(y, start_month, 1) for y in range(today.year - 2, today.year + 2)]
    current = next((s for s in starts if s <= today < _add_months(s, 3)), None)
    past = max(s for s in starts if _add_months(s, 3) <= today)
    ahead = min(s for s in starts if s > today)
    if rel in ("last", "previous"):
        chosen = past
    elif rel in ("next", "coming"):
        chosen = ahead
    elif current:
        chosen = current
    elif rel == "this":
        chosen = ahead if ahead.year == today.year else past
    elif tense == "past":
        chosen = past
    else:
        chosen = ahead
    return chosen, "season"


def _month(m: re.Match, ref: datetime | None, tense: str) -> Found:
    if ref is None:
        return None
    rel, month = m[1], MONTHS[m[2]]
    this_year = date(ref.year, month, 1)
    current = ref.date().replace(day=1)
    if rel in ("last", "previous"):
        chosen = this_year if this_year < current else date(ref.year - 1, month, 1)
    elif rel in ("next", "coming"):
        chosen = this_year if this_year > current else date(ref.year + 1, month, 1)
    elif rel == "this" or this_year == current:
        chosen = this_year
    else:
        past = this_year if this_year < current else date(ref.year - 1, month, 1)
        ahead = this_year if this_year > current else date(ref.year + 1, month, 1)
        chosen = past if tense == "past" else ahead
    return chosen, "month"


def _year(m: re.Match, ref: datetime | None, tense: str) -> Found:
    return date(int(m[1]), 1, 1), "year"


_HANDLERS = {
    "iso": _iso,
    "month_day": _month_day,
    "day_month": _day_month,
    "numeric": _numeric,
    "month_year": _month_year,
    "day_word": _day_word,
    "weekday": _weekday,
    "ago": _ago,
    "period": _period,
    "season": _season,
    "month": _month,
    "year": _year,
}


# --- finding the expression tied to a trigger ---------------------------------------------

VERB_POS = {"VERB", "AUX"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}
NOUN_POS = {"NOUN", "PROPN"}
SETTING_PREPOSITIONS = word_set(_CALENDAR, "setting_prepositions", "calendar.yaml")
DEADLINE_PREPOSITIONS = word_set(_CALENDAR, "deadline_prepositions", "calendar.yaml")


def date_for_event(trigger: Token, anchors: DateAnchors) -> DateRef | None:
    """The date of the event whose trigger word is `trigger`: the date expression of its own
    clause, or of the noun phrase when the trigger is an event noun ("Monday's meeting").  A
    date that modifies another verb is not this event's.  None when the trigger has none."""
    if trigger.dep_ in ("aux", "auxpass"):
        trigger = trigger.head
    return _first_resolved(trigger, anchors, None)


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
        found = resolve(span.text, anchors.reference, event_tense(teller))
        if found:
            return DateRef(found.date, found.precision, _with_preposition(span).text)
    return None


def context_date(trigger: Token, anchors: DateAnchors) -> DateRef | None:
    """For a past event told without a date of its own, the date of a past clause in one of the
    two sentences before it: news tells one occasion over several sentences and paragraphs
    ("Pedersen said Friday ... He called for ...").  Present and future events keep no date:
    they describe states and plans, not that occasion; nor does an event in a sentence that
    dates other clauses ("told CNN on Sunday that Moscow has asked ...").  Callers use it only
    when `date_for_event` finds nothing."""
    if event_tense(trigger) != "past":
        return None
    doc, sent, reference = trigger.doc, anchors.sentences.span(trigger), anchors.reference
    if any(not _is_deadline(span) and resolve(span.text, reference, "past") for span in anchors.candidates(sent)):
        return None  # the sentence dates its own clauses; this one it leaves undated
    for _ in range(CONTEXT_SENTENCES):
        if sent.start == 0:
            return None
        previous = anchors.sentences.span(doc[sent.start - 1])
        found = date_for_event(previous.root, anchors) or _past_clause_date(previous, anchors)
        if found:
            return found if reference is None or found.date <= reference.date().isoformat() else None
        sent = previous
    return None


def _past_clause_date(sent: Span, anchors: DateAnchors) -> DateRef | None:
    """The first date of a sentence that dates a past-tense clause ("talks failed at the Hanoi
    Summit held in February")."""
    for span in anchors.candidates(sent):
        if _is_deadline(span):
            continue
        _, stop = _climb(span.root, sent.root)
        if stop is not None and stop.pos_ in VERB_POS and _verb_tense(stop) == "past":
            found = resolve(span.text, anchors.reference, "past")
            if found:
                return DateRef(found.date, found.precision, _with_preposition(span).text)
    return None


def event_tense(trigger: Token) -> str:
    """past | future | present: of the clause the event word sits in ("will hold talks"), or
    future for an event noun its modifiers put ahead ("upcoming talks")."""
    future = cues()["future_cues"]
    if trigger.pos_ not in VERB_POS and any(
        c.lemma_.lower() in future for c in trigger.children if c.dep_ in ("amod", "acl", "compound")
    ):
        return "future"
    verb = _anchor(trigger)
    return _verb_tense(verb) if verb is not None else "present"


def _verb_tense(verb: Token) -> str:
    if verb.lemma_.lower() in cues()["future_cues"]:
        return "future"
    if any(a.lower_ in FUTURE_AUX for a in verb.children if a.dep_ in ("aux", "auxpass")):
        return "future"
    return "past" if past_form(verb) else "present"


def past_form(verb: Token) -> bool:
    """Is the verb in a past form: a past or perfect auxiliary ("did", "has met"), a past
    tense, or a participle with no auxiliary ("the jailed publisher")?"""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "VBD" or a.lemma_.lower() == "have" for a in auxes):
        return True
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not auxes)


def _governor(token: Token) -> Token | None:
    """The nearest verb above a noun: the clause an event noun sits in."""
    for anc in token.ancestors:
        if anc.pos_ in VERB_POS:
            return anc
    return None


def clause_verb(token: Token) -> Token | None:
    """The verb of the clause a trigger stands in: itself, or the verb above its noun."""
    return token if token.pos_ in VERB_POS else _governor(token)


class DateAnchors:
    """The date expressions of one article, found sentence by sentence as first asked for, and
    the reference time they resolve against; built once per article (docs/design.md)."""

    def __init__(self, sentences: Sentences, reference: datetime | None) -> None:
        self.sentences = sentences
        self.reference = reference
        self._ents = [(e.start, e.end) for e in sentences.doc.ents if e.label_ in ("DATE", "TIME")]
        self._found: dict[int, list[tuple[int, int]]] = {}

    def candidates(self, sent: Span) -> list[Span]:
        """Date expressions of a sentence: spaCy's DATE/TIME entities, plus weekday, month, day
        and year words the entity recogniser missed."""
        found = self._found.get(sent.start)
        if found is None:
            found = self._found[sent.start] = _find_candidates(sent, self._ents)
        return [sent.doc[start:end] for start, end in found]


def _find_candidates(sent: Span, ents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    doc = sent.doc
    spans = [(a, b) for a, b in ents if sent.start <= a < sent.end]
    covered = {i for a, b in spans for i in range(a, b)}
    for tok in sent:
        if tok.i not in covered and _is_date_word(tok):
            start = tok.i
            while start > sent.start and doc[start - 1].lower_ in DATE_MODIFIERS:
                start -= 1
            end = tok.i + 1
            while end < sent.end and doc[end].like_num and tok.lower_ in MONTHS:
                end += 1
            spans.append((start, end))
            covered.update(range(start, end))
    return spans


def _is_date_word(tok: Token) -> bool:
    """A weekday, month, day word or year standing alone (not in a name: "the Sunday Times")."""
    if tok.ent_type_ not in ("", "DATE", "TIME"):
        return False
    word = tok.lower_
    if word in WEEKDAYS or word in DAY_WORDS:
        return True
    if word in FULL_MONTHS:
        return tok.text[0].isupper() and tok.pos_ == "PROPN"
    return tok.tag_ == "CD" and len(word) == 4 and word.isdigit() and 1900 <= int(word) <= 2100


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
        return 1, trigger  # "since 2011, when the government sent soldiers"
    if _is_deadline(span):
        return None
    steps, stop = _climb(span.root, trigger)
    if stop is not None and stop.i == trigger.i:
        return steps, trigger
    anchor = _anchor(trigger)
    if stop is not None and anchor is not None:
        if stop.i == anchor.i:
            return 10 + steps, trigger
        if _shares_subject(stop, anchor):
            return 20 + steps, stop
        clause = _first_conjunct(anchor)
        teller = _anchor(clause.head) if clause.dep_ == "ccomp" else None
        if teller is not None and stop.i == teller.i and _verb_tense(clause) != "past":
            return 30 + steps, stop
        if stop.i == _where_clause_verb(anchor):
            return 25 + steps, stop
    if _frames_sentence(span, sent):
        return 40, trigger
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


def _anchor(trigger: Token) -> Token | None:
    """The verb whose time the event shares: the trigger itself, the verb over an event noun,
    or the head of a subjectless participle clause."""
    verb = clause_verb(trigger)
    while verb is not None and _is_participle_clause(verb):
        verb = verb.head
    return verb


def _is_participle_clause(verb: Token) -> bool:
    """ "..., calling for talks", "called a meeting to discuss Iran": no subject, no time of its own."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ in ("VB", "VBG", "VBN")
        and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    )


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


def _climb(tok: Token, trigger: Token) -> tuple[int, Token | None]:
    """Walk up from a date to the verb or noun it dates (or to the trigger, if met first).
    Clauses that share their head's time (subjectless participles and purpose infinitives;
    participles and occurrence relatives on the event noun or on a setting: "the summit held
    in February", "meetings that wrapped up this week") are passed through, and so are
    subjects and nouns that only set the scene ("in a November report", "at a briefing
    Wednesday", "a court in November"); a noun the date describes ("Tuesday's announcement",
    "a trial for 2025", "details about Monday's meeting") keeps it.  A document's date ("a
    letter dated Feb. 4") leads to the clause the document takes part in."""
    occurrence = cues()["occurrence_verbs"]
    steps, via = 0, None
    while True:
        if tok.i == trigger.i:
            return steps, tok
        if steps and tok.pos_ in VERB_POS:
            describes_occasion = tok.dep_ == "acl" or (tok.dep_ == "relcl" and tok.lemma_.lower() in occurrence)
            occasion = tok.head.i == trigger.i or _is_setting(tok.head)
            through = (
                (describes_occasion and occasion)
                or _is_participle_clause(tok)
                or (tok.dep_ == "pcomp" and not any(c.dep_ in SUBJECT_DEPS for c in tok.children))
            )
            if not through and _dates_document(tok):
                tok, steps = _governor(tok), steps + 1
                if tok is None:
                    return steps, None
                continue
            if not through:
                return steps, tok
        elif steps and tok.pos_ in NOUN_POS and not _scene_noun(tok, via):
            return steps, tok
        if tok.head.i == tok.i:
            return steps, None
        via, tok, steps = tok, tok.head, steps + 1


def _dates_document(verb: Token) -> bool:
    """ "a letter dated Feb. 4": the date of a document is that of the clause it takes part in,
    whatever noun the parser hangs the participle on."""
    return verb.dep_ == "acl" and verb.lemma_.lower() in cues()["dating_verbs"]


def _scene_noun(noun: Token, via: Token) -> bool:
    if noun.dep_ in SUBJECT_DEPS or _is_setting(noun):
        return True
    return via.dep_ == "prep" and via.lower_ in SETTING_PREPOSITIONS and noun.dep_ in ("dobj", "attr")


def _is_setting(noun: Token) -> bool:
    """The object of "in/at/during ...": where or when something else happens."""
    return noun.dep_ == "pobj" and noun.head.lower_ in SETTING_PREPOSITIONS


def _with_preposition(span: Span) -> Span:
    """'on Monday' rather than 'Monday' when a preposition governs the expression."""
    head = span.root.head
    if span.root.dep_ == "pobj" and head.i == span.start - 1:
        return span.doc[head.i : span.end]
    return span
