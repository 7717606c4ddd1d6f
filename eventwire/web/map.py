"""The events map: Natural Earth's country outlines (eventwire/data/world.tsv, built by
scripts/build_world.py) drawn as SVG on the server, with a circle per place sized by its events.
No tiles and nothing fetched: the page stays script-free and offline (docs/design.md)."""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

from ..store.facets import PlacePoint

WORLD = Path(__file__).resolve().parent.parent / "data" / "world.tsv"
VIEW = "-180 -84 360 144"  # plate carrée in degrees (y is minus latitude), 84°N to 60°S
MAX_RADIUS = 6.0  # degrees, for the place with the most events
MIN_RADIUS = 0.9


@lru_cache(maxsize=1)
def outlines() -> list[tuple[str, str, str]]:
    """(code, name, SVG path) of every country."""
    lines = WORLD.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t", 2)) for line in lines[2:] if line]


def radius(count: int, most: int) -> float:
    """Area proportional to the number of events."""
    return round(max(MIN_RADIUS, MAX_RADIUS * math.sqrt(count / max(most, 1))), 2)


def map_svg(points: list[PlacePoint], place_link: Callable[[str], str], chosen: str | None = None) -> Markup:
    """The world with the points; a country or a point links (through `place_link(code)`) to its events."""
    most = max((p.count for p in points), default=1)
    parts = [Markup(f'<svg class="map" viewBox="{VIEW}" role="img" aria-label="Events by place">')]
    for code, name, path in outlines():
        cls = "land chosen" if code == chosen else "land"
        parts.append(
            Markup('<a href="{}"><path class="{}" d="{}"><title>{}</title></path></a>').format(
                place_link(code), cls, path, name
            )
        )
    for p in sorted(points, key=lambda p: -p.count):  # big circles under small ones
        where = f"{p.name} ({p.code})" if p.code else p.name
        circle = Markup('<circle class="place" cx="{}" cy="{}" r="{}"><title>{}: {:,} event{}</title></circle>').format(
            p.lon, -p.lat, radius(p.count, most), where, p.count, "" if p.count == 1 else "s"
        )
        parts.append(Markup('<a href="{}">{}</a>').format(place_link(p.code), circle) if p.code else circle)
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)
