"""Resolving a date expression against the article's reference (publication) time, with a
precision (day, month, season, year).

Own rules come first because a general date parser reads news wrong: it takes "on Monday" as
the coming Monday whatever the tense, "in October" as this year's, and "late last year" as a
day.  dateparser is only asked about numeric dates ("3/14/2022") that our rules do not read.

Conventions (docs/contract.md: `date` is the first day of the span):
- A weekday is the nearest such day: back for a past-tense event, ahead for a present or
  future one (the reference day itself counts either way), either way for an event noun in a
  present-tense clause ("the attack on Sunday shows ...", `tense.event_tense`).  A past-tense weekday naming the
  day after the reference day counts as that next day when the reference time is late in the
  evening (`LATE_HOUR`): such stamps belong to stories updated past midnight or told from
  time zones ahead (Moscow, Beijing), where that day has already begun.  An event noun
  ("Monday's meeting") takes the tense of the clause it sits in.
- A day of the month alone ("on the 19th") is of the reference's month, or of the month
  before for a past day still ahead in it (after, for a future day already gone).
- A month without a year, with or without a day, is the most recent one for the past (this
  month included), the coming one for the future, and the nearest one for a present-tense
  sentence ("the August attack is the deadliest", told in October: the August just past).
- A weekend is a Saturday and its Sunday, and gives their month as a week does.
- Weeks run Sunday to Saturday (US newsroom usage: on a Sunday, "last week" is the working
  week just ended; told on a Sunday, a past "this week" is that week too, whichever day the
  outlet starts its weeks on).  A week is not a precision of docs/contract.md: "last/this/next week" gives the month
  when that week's Monday to Friday fall in one month, else nothing.
- Seasons are meteorological, northern hemisphere: spring March 1, summer June 1, fall
  September 1, winter December 1 (running into the next year).  "this fall" is the season
  containing the reference time, else the one to come in the same calendar year, else the
  last one.
- "early/mid/late last year", "earlier this year", "mid-2021", "the start of the year"
  keep year precision; "the end of last month" is that month.
- Without a reference time, relative expressions give nothing (never invented); explicit
  dates with a year still resolve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from ..vocabulary import read_yaml, word_set

LATE_HOUR = 20
OWN_RANK = 10  # attachment ranks below this are a word's own modifiers (see `_attachment`)
CONTEXT_SENTENCES = 4

_CALENDAR = read_yaml("calendar.yaml")
MONTHS = {name: n for n, names in enumerate(_CALENDAR["months"], start=1) for name in names}
FULL_MONTHS = frozenset(names[0] for names in _CALENDAR["months"])
WEEKDAYS = {name: n for n, name in enumerate(_CALENDAR["weekdays"])}
SEASONS: dict[str, int] = _CALENDAR["seasons"]
DAY_WORDS: dict[str, int] = _CALENDAR["day_words"]
HOLIDAYS: dict[str, list[int]] = _CALENDAR["holidays"]
NUMBER_WORDS: dict[str, int] = _CALENDAR["number_words"]
DATE_MODIFIERS = word_set(_CALENDAR, "date_modifiers", "calendar.yaml")
FUTURE_AUX = word_set(_CALENDAR, "future_auxiliaries", "calendar.yaml")
SETTING_PREPOSITIONS = word_set(_CALENDAR, "setting_prepositions", "calendar.yaml")
MEANS_PREPOSITIONS = word_set(_CALENDAR, "means_prepositions", "calendar.yaml")
OCCASION_PREPOSITIONS = word_set(_CALENDAR, "occasion_prepositions", "calendar.yaml")
DEADLINE_PREPOSITIONS = word_set(_CALENDAR, "deadline_prepositions", "calendar.yaml")
ONSET_PREPOSITIONS = word_set(_CALENDAR, "onset_prepositions", "calendar.yaml")
SEQUEL_MODIFIERS = word_set(_CALENDAR, "sequel_modifiers", "calendar.yaml")
PRIOR_MODIFIERS = word_set(_CALENDAR, "prior_modifiers", "calendar.yaml")
SEQUEL_PREPOSITIONS = word_set(_CALENDAR, "sequel_prepositions", "calendar.yaml")
TIME_UNITS = word_set(_CALENDAR, "time_units", "calendar.yaml")
ANTERIORITY_ADVERBS = word_set(_CALENDAR, "anteriority_adverbs", "calendar.yaml")
SEQUEL_ADVERBS = word_set(_CALENDAR, "sequel_adverbs", "calendar.yaml")
STRETCH_MODIFIERS = word_set(_CALENDAR, "stretch_modifiers", "calendar.yaml")
STRETCH_UNITS = word_set(_CALENDAR, "stretch_units", "calendar.yaml")
STORY_DAY_WORDS = word_set(_CALENDAR, "story_day_words", "calendar.yaml")
PAST_ONLY_WORDS = word_set(_CALENDAR, "past_only_words", "calendar.yaml")

_MON = "|".join(sorted(MONTHS, key=len, reverse=True))
_WD = "|".join(WEEKDAYS)
_REL = r"(?:(last|this|next|coming|previous)\s+)?"
_ORD = r"(?:st|nd|rd|th)?"
_RULES = [  # (kind, regex) tried in this order on the normalised expression
    ("iso", re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")),
    ("month_day", re.compile(rf"\b({_MON})\s+(\d{{1,2}}){_ORD}\b(?:\s+(\d{{4}})\b)?")),
    ("day_month", re.compile(rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?({_MON})\b(?:\s+(\d{{4}})\b)?")),
    ("numeric", re.compile(r"\b\d{1,4}[/.]\d{1,2}[/.]\d{2,4}\b")),
    ("day_of_month", re.compile(r"^(?:on )?the (\d{1,2})(?:st|nd|rd|th)$")),
    ("month_year", re.compile(rf"\b({_MON})\s+(?:of\s+)?(\d{{4}})\b")),
    ("month_of_period", re.compile(rf"\b({_MON})\s+(?:of\s+)?(last|this|next|previous)\s+year\b")),
    ("holiday", re.compile(rf"\b({'|'.join(sorted(HOLIDAYS, key=len, reverse=True))})\b(?:\s+(\d{{4}})\b)?")),
    ("day_word", re.compile(r"\b(today|tonight|yesterday|tomorrow|last night|this (?:morning|afternoon|evening))\b")),
    ("weekday", re.compile(rf"\b{_REL}({_WD})\b")),
    (
        "ago",
        re.compile(
            rf"\b(\d+|{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})\s+"
            r"(day|week|month|year)s?\s+ago\b"
        ),
    ),
    (
        "part",
        re.compile(r"\b(?:beginning|start|end|middle|rest)\s+of\s+(?:the|(last|this|next|previous))\s+(month|year)\b"),
    ),
    ("weekend", re.compile(r"\b(?:(last|this|next|coming|previous|the)\s+)?weekend\b")),
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


# --- resolving an expression --------------------------------------------------------------


@lru_cache(maxsize=4096)
def resolve(text: str, reference: datetime | None, tense: str) -> DateRef | None:
    """Resolve one date expression ("on Monday", "in October", "March 14, 2022") told in a
    `tense`: past | future | present (as future, but a month, with or without a day, is the
    nearest one) | nearest (an event noun in a present-tense clause: the nearest of all)."""
    if not text or not text.strip():
        return None
    norm = _normalise(text)
    if _COUNTED_FROM_AN_OCCASION.search(norm):
        return None  # "the next week", "the previous year": counted from the occasion told (`shifted`)
    for kind, pattern in _RULES:
        match = pattern.search(norm)
        if match:
            found = _HANDLERS[kind](match, reference, tense)
            if found:
                return DateRef(found[0].isoformat(), found[1], text.strip())
    return None


def _normalise(text: str) -> str:
    norm = text.lower()
    for pattern, repl in _NORMALISE:
        norm = pattern.sub(repl, norm)
    return norm


_COUNT = rf"\d+|{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))}"
_LATER = re.compile(rf"\b(?:({_COUNT}|a few|several)\s+)?(hour|day|week|month|year)s?\s+(later|earlier|after|before)\b")
# "the next day", "the following morning", "the previous day", "the day after": one of that
# span later (or earlier).
_NEXT, _PRIOR = "|".join(sorted(SEQUEL_MODIFIERS)), "|".join(sorted(PRIOR_MODIFIERS))
_SEQUEL = [
    (re.compile(rf"\bthe (?:{_NEXT}) (?:morning|afternoon|evening|night)\b"), "one day later"),
    (re.compile(rf"\bthe (?:{_NEXT}) (day|week|month|year)\b"), r"one \1 later"),
    (re.compile(rf"\bthe (?:{_PRIOR}) (?:morning|afternoon|evening|night)\b"), "one day earlier"),
    (re.compile(rf"\bthe (?:{_PRIOR}) (day|week|month|year)\b"), r"one \1 earlier"),
    (re.compile(r"\bthe (day|week|month|year) (after|before)\b"), r"one \1 \2"),
]


_UNITS = "|".join(sorted(STRETCH_UNITS))
_STRETCH = re.compile(
    rf"(?:the )?(?:(?:{'|'.join(sorted(STRETCH_MODIFIERS))}) (?:(?:{_COUNT}|few|several|couple of) )?|many |several )?"
    rf"(?:{_UNITS})"
)


def stretch_to_now(text: str) -> bool:
    """ "recent weeks", "the past three years", "decades" ("for decades"): a stretch of time up to
    now, which pins no date; not a span counted from an occasion ("two years", "days later")."""
    return _STRETCH.fullmatch(_normalise(text).strip()) is not None


_COUNTED_FROM_AN_OCCASION = re.compile(rf"\bthe (?:{_NEXT}|{_PRIOR}) (?:week|month|year)\b")


def shifted(anchor: DateRef, text: str) -> DateRef | None:
    """ "two days later", "a month earlier", "the next day", "a week after": the date of the
    occasion told before (`anchor`), moved by that span, no finer than the span and the anchor
    allow ("days later" after a day is that month; "weeks later" a month gives none).  None
    when `text` is no such span."""
    norm = told = _normalise(text)
    for pattern, repl in _SEQUEL:
        norm = pattern.sub(repl, norm)
    m = _LATER.search(norm)
    if not m:
        return None
    word, unit, sign = m[1], m[2], 1 if m[3] in ("later", "after") else -1
    count = None if word is None or not (word.isdigit() or word in NUMBER_WORDS) else int(NUMBER_WORDS.get(word, word))
    start, fine = date.fromisoformat(anchor.date), anchor.precision == "day"
    found: Found = None
    if unit == "hour":
        found = start, anchor.precision
    elif unit in ("day", "week") and count is not None and fine:
        moved = start + timedelta(days=sign * count * (7 if unit == "week" else 1))
        found = (moved, "day") if unit == "day" else (moved.replace(day=1), "month")
    elif unit == "day":  # "days later": the anchor's month at best
        found = (start.replace(day=1), "month") if fine else (start, anchor.precision)
    elif unit == "month" and count is not None and anchor.precision != "year":
        found = _add_months(start.replace(day=1), sign * count), "month"
    elif unit == "year" and count is not None:
        found = date(start.year + sign * count, 1, 1), "year"
    return DateRef(found[0].isoformat(), found[1], m[0] if norm == told else told.strip()) if found else None


def _iso(m: re.Match, ref: datetime | None, tense: str) -> Found:
    return _day(int(m[1]), int(m[2]), int(m[3]))


def _month_day(m: re.Match, ref: datetime | None, tense: str) -> Found:
    return _dated(MONTHS[m[1]], int(m[2]), m[3], ref, tense)


def _day_month(m: re.Match, ref: datetime | None, tense: str) -> Found:
    return _dated(MONTHS[m[2]], int(m[1]), m[3], ref, tense)


def _day_of_month(m: re.Match, ref: datetime | None, tense: str) -> Found:
    """ "on the 19th": that day of the reference's month, or of the month before for a past day
    still ahead in this one (of the month after for a future one already gone)."""
    if ref is None:
        return None
    today, day = ref.date(), int(m[1])
    month = today.replace(day=1)
    if tense == "past" and day > today.day:
        month = _add_months(month, -1)
    elif tense == "future" and day < today.day:
        month = _add_months(month, 1)
    return _day(month.year, month.month, day)


def _holiday(m: re.Match, ref: datetime | None, tense: str) -> Found:
    """ "on New Year's Eve", "Christmas Day 2023": the holiday's day, as a month and day are."""
    month, day = HOLIDAYS[m[1]]
    return _dated(month, day, m[2], ref, tense)


def names_a_holiday(text: str) -> bool:
    """Does an entity the recogniser calls an EVENT ("New Year's Eve") name a holiday's day?"""
    return _normalise(text).strip().removeprefix("the ") in HOLIDAYS


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


def _month_of_period(m: re.Match, ref: datetime | None, tense: str) -> Found:
    """ "in May of this year", "March last year": that month of that year."""
    if ref is None:
        return None
    step = {"last": -1, "previous": -1, "this": 0, "next": 1}[m[2]]
    return date(ref.year + step, MONTHS[m[1]], 1), "month"


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
    elif tense == "nearest":
        shift = -back if back <= ahead else ahead
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
    if m[2] == "week" and step == 0 and tense == "past" and today.weekday() == 6:
        step = -1  # told on a Sunday, what was done "this week" was done in the week just ending
    if m[2] == "week":
        return _week_month(today + timedelta(weeks=step))
    if m[2] == "month":
        return _add_months(today.replace(day=1), step), "month"
    return date(today.year + step, 1, 1), "year"


def _part(m: re.Match, ref: datetime | None, tense: str) -> Found:
    """ "since the start of the year", "by the end of last month": that year or month."""
    if ref is None:
        return None
    step = {"last": -1, "previous": -1, "next": 1}.get(m[1] or "", 0)
    today = ref.date()
    if m[2] == "month":
        return _add_months(today.replace(day=1), step), "month"
    return date(today.year + step, 1, 1), "year"


def _weekend(m: re.Match, ref: datetime | None, tense: str) -> Found:
    """ "over the weekend", "last weekend", "this weekend": the Saturday and Sunday just past
    (the reference day's own, on a weekend) for the past, the coming ones for the future; the
    month they fall in, as a week gives (a weekend pins no day)."""
    if ref is None:
        return None
    today = ref.date()
    past = today - timedelta(days=(today.weekday() - 5) % 7)  # the last Saturday, today included
    ahead = past if today.weekday() >= 5 else past + timedelta(days=7)
    rel = m[1] if m[1] != "the" else None
    if rel in ("last", "previous") or (rel is None and tense == "past"):
        saturday = past
    elif rel in ("next", "coming") or tense == "future":
        saturday = ahead
    else:  # "this weekend", or one talked about in the present: the nearest
        saturday = past if today - past <= ahead - today else ahead
    sunday = saturday + timedelta(days=1)
    return (saturday.replace(day=1), "month") if saturday.month == sunday.month else None


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
        if tense in ("present", "nearest") and _months_between(past, current) < _months_between(current, ahead):
            chosen = past
    return chosen, "month"


def _months_between(a: date, b: date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


def _year(m: re.Match, ref: datetime | None, tense: str) -> Found:
    return date(int(m[1]), 1, 1), "year"


_HANDLERS = {
    "iso": _iso,
    "month_day": _month_day,
    "day_month": _day_month,
    "numeric": _numeric,
    "day_of_month": _day_of_month,
    "month_year": _month_year,
    "month_of_period": _month_of_period,
    "holiday": _holiday,
    "day_word": _day_word,
    "weekday": _weekday,
    "ago": _ago,
    "part": _part,
    "weekend": _weekend,
    "period": _period,
    "season": _season,
    "month": _month,
    "year": _year,
}
