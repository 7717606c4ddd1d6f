"""The furniture of wire copy: a byline, a dateline and closing credits say by whom, where and for
whom a story was filed, never who acted in it (docs/contract.md).  The readers take them out of
the body, so no agency or reporter becomes an actor or a speaker, and keep what they say as the
article's authors, dateline and outlet.  The words come from data/wire_copy.yaml and the months of
data/calendar.yaml.

Every pattern reads one line and is linear in its length: a word never ends in the dash that
may follow it, so a run of hyphens has one reading."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..extract.vocabulary import read_tsv, read_yaml
from ..model import Article
from .common import outlet_from_url, split_names

_WIRE = read_yaml("wire_copy.yaml")
_AGENCIES = frozenset(_WIRE["agencies"])
_LABELS = frozenset(_WIRE["labels"])
_PARTICLES = "|".join(map(re.escape, _WIRE["name_particles"]))
_CREDIT_ROLES = "|".join(map(re.escape, _WIRE["credit_roles"]))
_MONTH = "|".join(
    sorted(
        {f"{n.capitalize()}\\.?" for names in read_yaml("calendar.yaml")["months"] for n in names[1:]}
        | {names[0].capitalize() for names in read_yaml("calendar.yaml")["months"]},
        key=len,
        reverse=True,
    )
)

_WEEKDAY = "|".join(day.capitalize() for day in read_yaml("calendar.yaml")["weekdays"])
# A line that is a date alone, with its year, heads official readouts and statements ("March 5,
# 2025", "Thursday, 5 March 2025"): the day the text's "today" is.
DATE_LINE = re.compile(
    rf"^\s*(?:(?:{_WEEKDAY}),? )?(?P<day>(?:{_MONTH}) \d{{1,2}}, \d{{4}}|\d{{1,2}} (?:{_MONTH}),? \d{{4}})\s*$"
)

_NAME_WORD = r"[A-Z][\w.'’]*(?:-[\w.'’]+)*"
_NAME = rf"{_NAME_WORD}(?: (?:(?:{_PARTICLES}) )*{_NAME_WORD})*"
# "By Ann Wanjiru", "By Ann Wanjiru and Tom Obi, Reuters": a line of names alone.
BYLINE = re.compile(rf"^\s*By (?P<names>{_NAME}(?:(?:, | and | & ){_NAME})*)\s*$")

# "NAIROBI (AFP) -", "NAIROBI, June 4 (Reuters) -", "MARANCHON, SPAIN —", "WASHINGTON —", "Kyiv (AFP) -",
# and the colon of South Asian papers: "PESHAWAR:", "ISLAMABAD, July 9 (APP):".
_CAPITALS = r"[A-Z][A-Z.'’]{2,}(?:-[A-Z.'’]+)*(?:[ /][A-Z][A-Z.'’]*(?:-[A-Z.'’]+)*)*"
_TOWN = rf"[A-Z][a-z.'’]+(?:-[A-Za-z][a-z.'’]*)*(?: (?:(?:{_PARTICLES}) )?[A-Z][a-z.'’]+(?:-[A-Za-z][a-z.'’]*)*){{0,3}}"
_IN_STATE = r"(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*)?"
_DAY = rf"(?:,? (?P<day>(?:{_MONTH}) \d{{1,2}}(?:, \d{{4}})?))?"
_AGENCY = r" ?\((?P<agency>[A-Za-z][\w&.\- ]{0,30}?)\)"
DATELINES = (
    # a place in capitals with its agency or day, before any dash ("NAIROBI, June 4 (Reuters) -")
    re.compile(rf"^\s*(?P<place>{_CAPITALS}{_IN_STATE}){_DAY}(?:{_AGENCY})? ?(?:[-–—]+|(?P<colon>:))\s+"),
    # a place in ordinary case, with a known agency ("Kyiv (AFP) -")
    re.compile(rf"^\s*(?P<place>{_TOWN}{_IN_STATE}){_DAY}{_AGENCY} ?[-–—]+\s+"),
)
# A dateline with neither agency nor day ends in a long dash ("WASHINGTON —"): "NATO - Russia
# council" and "U.S. - China talks" open with a hyphen, unless the place is a capital city (copy
# whose dashes became hyphens: "KYIV - Russia launched ..."); or in a colon after a place, not a
# label ("PESHAWAR:", not "BREAKING:").
LONG_DASH = re.compile(r" ?(?:—|–|--)\s+$")
CAPITAL_CITIES = frozenset(row["alias"].upper() for row in read_tsv("countries.tsv") if row["kind"] == "capital")

# Closing lines: "(Reporting by A in Nairobi; Editing by B)", "Copyright 2024 The Associated Press.
# All rights reserved.", "© AFP 2024", "CNN's A and B contributed to this report.", "Associated Press
# writer A contributed to this report.", "The Associated Press contributed to this report."
REPORTED_BY = re.compile(
    r"^\((?:additional )?(?:reporting|writing|editing|compiled|research)\b[^()]*?\bby\b[^()]*\)\.?$", re.I
)
REPORTERS = re.compile(r"\b(?:reporting|writing) by (?P<names>[^;)]+)", re.I)
RIGHTS = re.compile(r"^(?:copyright\s+(?:©\s*)?\d{4}|©|\(c\) ?\d{4}|all rights reserved\b)[^\n]{0,300}$", re.I)
_OUTLET = r"(?P<outlet>[A-Z][\w&.\- ]{0,40}?)"
_CONTRIBUTED = r"\s+contributed (?:to )?(?:this|the) (?:report|story|article)\.?\s*$"
CREDIT_LINES = (
    re.compile(rf"^{_OUTLET}['’]s?\s+(?:(?:{_CREDIT_ROLES})\s+)?(?P<names>[^\n]{{3,300}}?){_CONTRIBUTED}"),
    re.compile(rf"^{_OUTLET}\s+(?:{_CREDIT_ROLES})\s+(?P<names>[^\n]{{3,300}}?){_CONTRIBUTED}"),
    re.compile(rf"^{_OUTLET}(?P<names>){_CONTRIBUTED}"),
)
IN_PLACE = re.compile(r"\s+(?:in|from) [A-Z][\w.'’\- ]*$")  # "A in Nairobi" -> "A"


@dataclass(frozen=True)
class Credits:
    """What the closing lines of a text say: the text without them, the outlet and the reporters."""

    text: str
    outlet: str | None
    reporters: list[str]


def take_furniture(article: Article) -> tuple[Article, str | None]:
    """The article with its byline, dateline and closing credits out of the body, and the outlet
    its credit line names.  The dateline's place goes to `extra["dateline"]`, its day as written to
    `extra["dateline_day"]` (the story's day, docs/conventions.md), unless the record has its own;
    a dateline's or a byline's agency is the outlet and the reporters the authors, when the record
    names none.  A first line that repeats the title goes too (HTML pages give the headline as the
    body's first line): the dateline stands after it; so does a line that is a date alone, the
    story's day.  A body that would be left empty is kept whole."""
    text, authors, source, extra = article.text, list(article.authors), article.source, dict(article.extra)
    first, _, rest = text.lstrip().partition("\n")
    if (
        article.title
        and _plain(first) == _plain(article.title)
        and not first.rstrip().endswith((".", '"', "”"))
        and rest.strip()
    ):
        text = rest.lstrip()
        first, _, rest = text.partition("\n")
    byline = BYLINE.match(first)
    if byline:
        names = split_names(byline["names"])
        source = source or next((n for n in names if n in _AGENCIES), None)
        authors = authors or [n for n in names if n not in _AGENCIES]
        if rest.strip():
            text = rest.lstrip()
    first, _, rest = text.lstrip().partition("\n")
    dated = DATE_LINE.match(first)
    if dated and rest.strip():
        text = rest.lstrip()
        extra.setdefault("dateline_day", dated["day"])
    dateline = _dateline(text)
    if dateline and text[dateline.end() :].strip():
        text = text[dateline.end() :]
        extra.setdefault("dateline", dateline["place"])
        if dateline["day"]:
            extra.setdefault("dateline_day", dateline["day"])
        source = source or dateline["agency"]
    credits = closing_credits(text)
    authors = authors or credits.reporters
    return replace(article, text=credits.text, authors=authors, source=source, extra=extra), credits.outlet


def _plain(line: str) -> str:
    return " ".join(line.split()).casefold()


def _dateline(text: str) -> re.Match[str] | None:
    for pattern in DATELINES:
        found = pattern.match(text)
        if found is None:
            continue
        if pattern is DATELINES[1] and found["agency"] not in _AGENCIES:
            continue
        if found["agency"] or found["day"] or LONG_DASH.search(found[0]) or found["place"] in CAPITAL_CITIES:
            return found
        if found.groupdict().get("colon") and found["place"].upper() not in _LABELS:
            return found
    return None


def _credit_line(line: str) -> re.Match[str] | None:
    """A credit line's match; one with no names must name a known agency ("The Associated Press
    contributed to this report", not "Ann Obi contributed ...")."""
    for pattern in CREDIT_LINES:
        found = pattern.match(line)
        if found and (found["names"] or found["outlet"].strip() in _AGENCIES):
            return found
    return None


def closing_credits(text: str) -> Credits:
    """The text without its closing credit, reporting and rights lines, with the outlet and the
    reporters they name; the text as it was when it has none.  A text's one remaining line is
    never taken."""
    lines = text.rstrip().split("\n")
    left = sum(bool(line.strip()) for line in lines)
    outlet, reporters = None, []
    while left > 1:
        last = lines[-1].strip()
        credit = _credit_line(last)
        if REPORTED_BY.match(last):
            names = (n for m in REPORTERS.finditer(last) for n in split_names(m["names"]))
            reporters = reporters or [IN_PLACE.sub("", n) for n in names]
        elif credit:
            outlet = credit["outlet"].strip()
            reporters = reporters or [IN_PLACE.sub("", n) for n in split_names(credit["names"])]
        elif last and not RIGHTS.match(last):
            break
        left -= bool(last)
        lines.pop()
    kept = "\n".join(lines).rstrip()
    return Credits(kept if len(kept) < len(text.rstrip()) else text, outlet, reporters)


def fill_source(article: Article) -> Article:
    """The article without its furniture (`take_furniture`); its outlet is the record's, else
    the dateline's or byline's agency, else the URL's, else the credit line's."""
    article, credited = take_furniture(article)
    if not article.source:
        article.source = outlet_from_url(article.url) or credited
    return article
