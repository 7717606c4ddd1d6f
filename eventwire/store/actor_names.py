"""Actor names a filter may use instead of codes (`--actor China`, `actor=Beijing`): the countries,
capitals, seats of power and named bodies the extractors code actors with (eventwire/data/*.tsv),
read without spaCy so a query command starts fast (docs/conventions.md)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
PLACE_FILES = ("countries.tsv", "countries_extra.tsv")  # alias, code, kind
NAMED_FILES = ("bodies.tsv", "seats.tsv")  # name, aliases (|-separated), code, sector
SHOWN_KINDS = ("country", "capital")  # the place names worth suggesting (not every town)


def _rows(name: str) -> Iterator[dict[str, str]]:
    """Rows of a TSV data file; '#' lines are comments, the first other line is the header."""
    with (DATA / name).open(encoding="utf-8") as fh:
        lines = (line for line in fh if line.strip() and not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield {k: (v or "").strip() for k, v in row.items() if k}


@lru_cache(maxsize=1)
def actor_names() -> dict[str, tuple[str, str]]:
    """{casefolded name: (name as written, code)} for every coded name; the first file listing a name wins."""
    names: dict[str, tuple[str, str]] = {}
    for fname in PLACE_FILES:
        for r in _rows(fname):
            if r["code"] and r["kind"] in SHOWN_KINDS:
                names.setdefault(
                    r["alias"].casefold(), (r["alias"].title() if r["alias"].isupper() else r["alias"], r["code"])
                )
    for fname in NAMED_FILES:
        for r in _rows(fname):
            for alias in (r["name"], *r["aliases"].split("|")):
                if alias and r["code"]:
                    names.setdefault(alias.casefold(), (alias, r["code"]))
    return names


@lru_cache(maxsize=1)
def actor_codes() -> frozenset[str]:
    """Every code the name tables give an actor (ISO3 countries, IGO, NGO)."""
    return frozenset(code for _, code in actor_names().values())
