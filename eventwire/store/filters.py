"""The event filters of the query commands and the API, read and checked in one place, so a value
the store cannot match is refused with the valid ones instead of answering "no rows"
(docs/contract.md). A filter takes several values, repeated or comma-separated, meaning either."""

from __future__ import annotations

import difflib
import reprlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..extract.types import vocabulary
from .actor_names import actor_codes, actor_names
from .bodies import body_id, body_names
from .queries import PLOVER_TYPES, STATUSES, EventFilter, date_span

SUGGESTIONS = 5  # closest names offered for an actor no name or code matches
SHOWN = reprlib.Repr()  # a value as an error quotes it: a long one cut in the middle
SHOWN.maxstring = 60


def plover_vocabulary() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(every mode of any type, every context) that an event may carry (data/plover_vocabulary.yaml)."""
    names = vocabulary()
    return tuple(dict.fromkeys(m for listed in names.modes.values() for m in listed)), names.contexts


@dataclass
class Problem:
    parameter: str  # as the API names it (`from`, `type`, ...); the CLI adds `--`
    message: str


@dataclass
class FilterError(ValueError):
    """Every problem of one request's filters, each a line saying why."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "; ".join(p.message for p in self.problems)


def split_values(raw: Iterable[str | None] | str | None) -> tuple[str, ...]:
    """Repeated values and comma lists as one tuple, blanks dropped, each value once."""
    if raw is None or isinstance(raw, str):
        raw = [raw]
    parts = (p.strip() for value in raw if value for p in value.split(","))
    return tuple(dict.fromkeys(p for p in parts if p))


class _Checker:
    """Collects problems while the filter's values are read, to report them all at once."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def choices(self, name: str, raw: Iterable[str | None] | str | None, valid: tuple[str, ...]) -> tuple[str, ...]:
        by_fold = {v.casefold(): v for v in valid}
        values = split_values(raw)
        unknown = [v for v in values if v.casefold() not in by_fold]
        if unknown:
            self.problems.append(
                Problem(name, f"unknown {name} {', '.join(map(SHOWN.repr, unknown))}; one of {', '.join(valid)}")
            )
        return tuple(by_fold[v.casefold()] for v in values if v.casefold() in by_fold)

    def actors(self, raw: Iterable[str | None] | str | None) -> tuple[str, ...]:
        names, codes = actor_names(), actor_codes()
        found = []
        for value in split_values(raw):
            if value.upper() in codes:
                found.append(value.upper())
            elif value.casefold() in names:
                found.append(names[value.casefold()][1])
            elif body := body_id(value):
                found.append(body)
            else:
                self.problems.append(
                    Problem("actor", f"no actor named or coded {SHOWN.repr(value)}; {_closest(value)}")
                )
        return tuple(dict.fromkeys(found))

    def dates(self, date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
        """`from` and `to` as the first and last day they name (`to=2025-02` takes in February)."""
        spans = {}
        for name, value in (("from", date_from), ("to", date_to)):
            if value:
                try:
                    spans[name] = date_span(value.strip())
                except ValueError as error:
                    self.problems.append(Problem(name, f"{name} {SHOWN.repr(value)} is no date: {error}"))
        if len(spans) == 2 and spans["from"][0] > spans["to"][1]:
            self.problems.append(Problem("from", f"from {date_from} is later than to {date_to}"))
        return (
            spans["from"][0].isoformat() if "from" in spans else None,
            spans["to"][1].isoformat() if "to" in spans else None,
        )


def _closest(value: str) -> str:
    """The names and body ids (`IGO:nato`) nearest an unknown actor, each with the id it filters by."""
    known = {**actor_names(), **{found.casefold(): (name, found) for found, name in body_names().items()}}
    close = difflib.get_close_matches(value.casefold(), list(known), n=SUGGESTIONS, cutoff=0.6)
    return "closest: " + (", ".join(dict.fromkeys(f"{known[c][0]} ({known[c][1]})" for c in close)) or "none")


def event_filter(
    *,
    type: Iterable[str | None] | str | None = None,
    status: Iterable[str | None] | str | None = None,
    actor: Iterable[str | None] | str | None = None,
    mode: Iterable[str | None] | str | None = None,
    context: Iterable[str | None] | str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    article: str | None = None,
    text: str | None = None,
    place: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> EventFilter:
    """The filter the values ask for, or a FilterError listing every value refused and why."""
    check = _Checker()
    f = EventFilter(
        type=check.choices("type", type, PLOVER_TYPES),
        status=check.choices("status", status, STATUSES),
        actor=check.actors(actor),
        mode=check.choices("mode", mode, plover_vocabulary()[0]),
        context=check.choices("context", context, plover_vocabulary()[1]),
        article=(article or None),
        text=(text or "").strip() or None,
        place=(place or "").strip().upper() or None,
        limit=limit,
        offset=offset,
    )
    f.date_from, f.date_to = check.dates(date_from, date_to)
    if check.problems:
        raise FilterError(check.problems)
    return f
