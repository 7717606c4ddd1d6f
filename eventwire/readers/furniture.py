"""The furniture of wire copy: a byline, a dateline and closing credits say by whom, where and for
whom a story was filed, never who acted in it (docs/contract.md).  The readers take them out of
the body, so no agency or reporter becomes an actor or a speaker, and keep what they say as the
article's authors, dateline and outlet."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Article
from .common import outlet_from_url, split_names

_NAME = r"[A-Z][\w.'’\-]*(?: (?:[A-Z][\w.'’\-]*|de|da|van|von|al|el|bin))*"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"

# "By Ann Wanjiru", "By Ann Wanjiru and Tom Obi, Reuters": a paragraph of names alone.
BYLINE = re.compile(rf"^\s*By (?P<names>{_NAME}(?:(?:, | and | & ){_NAME})*)\s*$")

# "NAIROBI (AFP) -", "NAIROBI, June 4 (Reuters) -", "MARANCHON, SPAIN —", "WASHINGTON —", "Kyiv (AFP) -":
# a place, perhaps its country or state, perhaps the day, an agency (optional after a place in
# capitals), and a dash.
_CAPITALS = r"[A-Z][A-Z.'’\-]{2,}(?:[ /][A-Z][A-Z.'’\-]+)*"
_TOWN = r"[A-Z][a-z.'’\-]+(?: (?:(?:de|da|do|del|la|el|al) )?[A-Z][a-z.'’\-]+){0,3}"
_IN_STATE = r"(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*?)?"
_DAY = rf"(?:,? (?P<day>{_MONTH} \d{{1,2}}(?:, \d{{4}})?))?"
_AGENCY = r"\s*\((?P<agency>[A-Za-z][\w&.\- ]{0,30})\)"
DATELINES = (
    re.compile(rf"^\s*(?P<place>{_CAPITALS}{_IN_STATE}){_DAY}(?:{_AGENCY})?\s*[-–—]+\s+"),
    re.compile(rf"^\s*(?P<place>{_TOWN}{_IN_STATE}){_DAY}{_AGENCY}\s*[-–—]+\s+"),
)

# Closing lines: "(Reporting by A in Nairobi; Editing by B)", "Copyright 2024 The Associated Press.
# All rights reserved.", "© AFP 2024", "CNN's A and B contributed to this report."
REPORTED_BY = re.compile(r"^\((?:Additional )?(?:reporting|writing|editing|compiled|research)\b[^()]*\)\.?$", re.I)
REPORTERS = re.compile(r"\b(?:reporting|writing) by (?P<names>[^;)]+)", re.I)
RIGHTS = re.compile(r"^(?:copyright\b|©|\(c\) ?\d{4})[^\n]{0,300}$|^all rights reserved\b[^\n]{0,200}$", re.I)
CREDIT_LINE = re.compile(
    r"^(?P<outlet>[A-Z][\w&.\- ]{0,40}?)(?:['’]s?)\s+(?P<names>[^\n]{3,300}?)\s+"
    r"contributed (?:to )?(?:this|the) (?:report|story|article)\.?\s*$"
)
IN_PLACE = re.compile(r"\s+(?:in|from) [A-Z][\w.'’\- ]*$")  # "A in Nairobi" -> "A"


def take_furniture(article: Article) -> Article:
    """The article with its byline, dateline and closing credits out of the body: the dateline's
    place in `extra["dateline"]`, its day as written in `extra["dateline_day"]` (the story's day,
    docs/conventions.md); the agency and the reporters as the outlet and the authors when the
    record names none.  A body that would
    be left empty is kept whole."""
    text, authors, source, extra = article.text, list(article.authors), article.source, dict(article.extra)
    first, _, rest = text.lstrip().partition("\n")
    byline = BYLINE.match(first)
    if byline and rest.strip():
        authors = authors or split_names(byline["names"])
        text = rest.lstrip()
    dateline = next((m for m in (d.match(text) for d in DATELINES) if m), None)
    if dateline and text[dateline.end() :].strip():
        text = text[dateline.end() :]
        extra["dateline"] = dateline["place"]
        if dateline["day"]:
            extra["dateline_day"] = dateline["day"]
        source = source or dateline["agency"]
    text, outlet, reporters = _without_credits(text)
    source, authors = source or outlet, authors or reporters
    return replace(article, text=text, authors=authors, source=source, extra=extra)


def _without_credits(text: str) -> tuple[str, str | None, list[str]]:
    """The text without its closing credit and rights lines, with the outlet and the reporters
    they name; the text as it was when it has none.  The last line of text is never taken."""
    lines = text.rstrip().split("\n")
    outlet, reporters = None, []
    while sum(bool(ln.strip()) for ln in lines) > 1:
        last = lines[-1].strip()
        credit = CREDIT_LINE.match(last)
        if REPORTED_BY.match(last):
            names = (n for m in REPORTERS.finditer(last) for n in split_names(m["names"]))
            reporters = reporters or [IN_PLACE.sub("", n) for n in names]
        elif credit:
            outlet, reporters = credit["outlet"].strip(), reporters or split_names(credit["names"])
        elif last and not RIGHTS.match(last):
            break
        lines.pop()
    kept = "\n".join(lines).rstrip()
    return (kept if len(kept) < len(text.rstrip()) else text), outlet, reporters


def fill_source(article: Article) -> Article:
    """The article without its furniture (`take_furniture`), its outlet from the URL when neither
    the record nor the furniture names one."""
    article = take_furniture(article)
    if not article.source:
        article.source = outlet_from_url(article.url)
    return article
