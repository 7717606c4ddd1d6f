"""Charts drawn on the server as SVG: events over time by type, and the actor network.

Both count story events, as `eventwire timeline` and `eventwire actors` do: each real-world event
once, however many articles told it, with how often it was told in the tooltip. Nothing runs in the
browser; every mark carries a <title> tooltip and links to the events it counts.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup

from ..link.stories import date_span
from ..output import SHOWN_DATE_LENGTH
from ..store.bodies import SEPARATOR
from ..store.queries import PLOVER_TYPES

# One colour per PLOVER type: cooperative types in greens and blues, conflictual ones in ambers, reds, purples.
TYPE_COLOURS = {
    "AGREE": "#2e7d32",
    "CONSULT": "#1565c0",
    "SUPPORT": "#66bb6a",
    "CONCEDE": "#00897b",
    "COOPERATE": "#3949ab",
    "AID": "#4db6ac",
    "RETREAT": "#9ccc65",
    "REQUEST": "#29b6f6",
    "ACCUSE": "#f9a825",
    "REJECT": "#fb8c00",
    "THREATEN": "#e64a19",
    "PROTEST": "#a1887f",
    "SANCTION": "#ad1457",
    "MOBILIZE": "#7b1fa2",
    "COERCE": "#c62828",
    "ASSAULT": "#4a0d1f",
}
MAX_BINS = 90
TRIM_PERCENT = 5  # of the oldest dated events, left out of the overview's default chart


def colour(event_type: str) -> str:
    return TYPE_COLOURS.get(event_type, "#78909c")


def _bin_start(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "year":
        return day.replace(month=1, day=1)
    return day


def _next(day: date, unit: str) -> date:
    if unit == "month":
        return (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    if unit == "year":
        return day.replace(year=day.year + 1)
    return day + timedelta(days=7 if unit == "week" else 1)


def _bin_end(start: date, unit: str) -> date:
    """The last day of the bar from `start`; the calendar's last day for the bar of December 9999."""
    try:
        return _next(start, unit) - timedelta(days=1)
    except (OverflowError, ValueError):
        return date.max


def _bins(first: date, last: date, unit: str) -> list[date]:
    out, day = [], _bin_start(first, unit)
    while day <= last and len(out) <= MAX_BINS * 2:
        out.append(day)
        if _bin_end(day, unit) == date.max:
            break
        day = _next(day, unit)
    return out


def _nice_step(value: float) -> int:
    """The smallest 1, 2 or 5 times a power of ten at or above value: a grid step people can read."""
    power = 10 ** max(int(math.floor(math.log10(max(value, 1)))), 0)
    return next(m * power for m in (1, 2, 5, 10) if m * power >= value)


def _events_link(**params: str | None) -> str:
    return "/events?" + urlencode({k: v for k, v in params.items() if v})


def _trim_start(counts: Counter[date]) -> date:
    """The day from which the latest (100 - TRIM_PERCENT)% of events run: news articles also date the
    background they recall (a war begun years before), which would squeeze the news into one bar."""
    total, seen = sum(counts.values()), 0
    for day in sorted(counts):
        seen += counts[day]
        if seen > total * TRIM_PERCENT / 100:
            return day
    return max(counts)


@dataclass(frozen=True)
class Dated:
    """Events of one type told for one date: a day, or a month, season or year from `first` to `last`."""

    first: date
    last: date
    precision: str
    type: str
    events: int
    mentions: int

    def fits(self, unit: str) -> bool:
        """Whether its whole span falls in one bar of `unit` (a month-precise event in a bar by month)."""
        return _bin_start(self.first, unit) == _bin_start(self.last, unit)


def _dated(rows: list[dict[str, Any]], undated: list[dict[str, Any]]) -> list[Dated]:
    """Timeline rows (`day`, `date_precision`, `type`, `events`, `mentions`) and the `undated` ones (`day`,
    `events`: events with no date of their own, at their article's date, of type "") as Dated."""
    out = []
    for r in [*rows, *({**r, "type": "", "mentions": 0} for r in undated)]:
        precision = r.get("date_precision") or "day"
        span = date_span(r["day"], precision)
        if span:
            out.append(Dated(*map(date.fromisoformat, span), precision, r["type"], r["events"], r["mentions"]))
    return out


@dataclass(frozen=True)
class Span:
    """What the overview chart shows: its first and last day, its bar (day, week, month or year: the
    finest giving at most MAX_BINS bars), the dated events it leaves out before `first`, and those dated
    only to a span longer than one bar (a month, when bars are weeks), listed under it. The "event
    dates" card says the same."""

    first: date
    last: date
    unit: str
    earliest: date  # of every dated event
    hidden: int  # events dated before `first`
    apart: int  # events from `first` on dated to a span longer than one bar


def timeline_span(rows: list[dict[str, Any]], trim: bool = True, undated: list[dict[str, Any]] = ()) -> Span | None:
    """The chart's span over the timeline rows (a month-precise event from its first day) and the `undated`
    ones at their article's date; with `trim`, without the oldest few percent of events (news articles also
    date the background they recall). None with no dated event."""
    dated = _dated(rows, undated)
    if not dated:
        return None
    counts: Counter[date] = Counter()
    for d in dated:
        counts[d.first] += d.events
    earliest, last = min(counts), max(counts)
    first = max(_trim_start(counts), earliest) if trim else earliest
    unit = next(u for u in ("day", "week", "month", "year") if u == "year" or len(_bins(first, last, u)) <= MAX_BINS)
    if unit == "year":  # a stray date centuries back would squeeze the chart: show the latest years
        first = max(first, date(max(last.year - MAX_BINS + 1, 1), 1, 1))
    hidden = sum(n for d, n in counts.items() if d < first)
    apart = sum(d.events for d in dated if d.first >= first and not d.fits(unit))
    return Span(first, last, unit, earliest, hidden, apart)


@dataclass
class _Stacks:
    """What each bar of the chart holds: events by type, how often they were told, those with no date of
    their own; and the events too coarsely dated for a bar."""

    bins: list[date]
    events: dict[date, Counter[str]]
    told: dict[date, Counter[str]]
    by_story: Counter[date]
    apart: Counter[tuple[date, date, str]]

    @classmethod
    def of(cls, dated: list[Dated], span: Span) -> _Stacks:
        bins = _bins(span.first, span.last, span.unit)
        stacks = cls(bins, {b: Counter() for b in bins}, {b: Counter() for b in bins}, Counter(), Counter())
        for d in dated:
            key = _bin_start(d.first, span.unit)
            if d.first < span.first or key not in stacks.events:
                continue
            if not d.fits(span.unit):
                stacks.apart[(d.first, d.last, d.precision)] += d.events
            elif d.type:
                stacks.events[key][d.type] += d.events
                stacks.told[key][d.type] += d.mentions
            else:
                stacks.by_story[key] += d.events
        return stacks


def timeline_svg(
    rows: list[dict[str, Any]],
    span: Span | None,
    width: int = 960,
    height: int = 240,
    trim: dict[str, str] | None = None,
    undated: list[dict[str, Any]] = (),
) -> Markup:
    """Stacked bars of events per day, week, month or year over `span` (timeline_span of the same rows),
    from timeline rows (`day`, `date_precision`, `type`, `events`, `mentions`). An event dated only to a
    month or a year is counted in its bar when the bar spans it, else listed under the chart. With `trim`
    (the page's other query parameters), a note says what the span leaves out before it, with a link that
    shows it. `undated` rows (`day`, `events`): events with no date of their own, drawn hatched on top at
    their article's date, as GDELT dates events by story."""
    if span is None:
        return Markup('<p class="empty">No dated events yet.</p>')
    stacks = _Stacks.of(_dated(rows, undated), span)
    highest = max(sum(c.values()) + stacks.by_story[b] for b, c in stacks.events.items())
    step_y = _nice_step(highest / 5)
    lines = max(1, math.ceil(highest / step_y))
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="Events per {span.unit} by type">'
    ]
    if stacks.by_story:
        parts.append(
            '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
            'patternTransform="rotate(45)"><path d="M0,0H6V6H0Z" fill="#e2e8f0"/>'
            '<line x1="0" y1="0" x2="0" y2="6" stroke="#94a3b8" stroke-width="2"/></pattern></defs>'
        )
    plot = _Plot(width, height, step_y * lines, len(stacks.bins))
    parts += _grid(plot, step_y, lines)
    for i, b in enumerate(stacks.bins):
        parts += _bar(plot, i, b, span.unit, stacks)
    parts.append("</svg>")
    return Markup("".join(parts)) + _apart_note(stacks.apart, span.unit) + _hidden_note(span, trim)


@dataclass(frozen=True)
class _Plot:
    """The chart's drawing area: margins, the value at its top and the width of one bar."""

    width: int
    height: int
    top: int
    bins: int
    left: int = 44
    right: int = 8
    upper: int = 10
    lower: int = 26

    @property
    def plot_h(self) -> int:
        return self.height - self.upper - self.lower

    @property
    def step(self) -> float:
        return (self.width - self.left - self.right) / self.bins


def _grid(plot: _Plot, step_y: int, lines: int) -> list[str]:
    parts = []
    for i in range(lines + 1):
        y = plot.upper + plot.plot_h - plot.plot_h * i / lines
        parts.append(
            f'<line class="grid" x1="{plot.left}" x2="{plot.width - plot.right}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="tick" x="{plot.left - 6}" y="{y + 4:.1f}" text-anchor="end">{step_y * i:g}</text>'
        )
    return parts


def _bar(plot: _Plot, i: int, b: date, unit: str, stacks: _Stacks) -> list[str]:
    """One bar: a linked rectangle per type, the events with no date of their own hatched on top, and
    every few bars the label under it."""
    parts = []
    x, y, width = plot.left + i * plot.step, plot.upper + plot.plot_h, max(plot.step - 1, 1)
    end = _bin_end(b, unit)
    for event_type in PLOVER_TYPES:
        n = stacks.events[b][event_type]
        if not n:
            continue
        h = plot.plot_h * n / plot.top
        y -= h
        parts.append(
            Markup(
                '<a href="{}"><rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}">'
                "<title>{} {}: {}</title></rect></a>"
            ).format(
                _events_link(type=event_type, **{"from": b.isoformat(), "to": end.isoformat()}),
                x + 0.5,
                y,
                width,
                h,
                colour(event_type),
                _label(b, unit, long=True),
                event_type,
                _told(n, stacks.told[b][event_type]),
            )
        )
    if stacks.by_story[b]:
        h = plot.plot_h * stacks.by_story[b] / plot.top
        parts.append(
            Markup(
                '<rect class="undated" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}">'
                "<title>{}: {} with no date of their own, at their article's date</title></rect>"
            ).format(x + 0.5, y - h, width, h, _label(b, unit, long=True), _events(stacks.by_story[b]))
        )
    if i % max(1, math.ceil(plot.bins / 8)) == 0:
        parts.append(
            f'<text class="tick" x="{x + plot.step / 2:.1f}" y="{plot.height - 8}" '
            f'text-anchor="middle">{_label(b, unit)}</text>'
        )
    return parts


def _apart_note(apart: Counter[tuple[date, date, str]], unit: str) -> Markup:
    """The events dated only to a span longer than one bar, each span linked to its events."""
    if not apart:
        return Markup("")
    items = Markup(" · ").join(
        Markup('<a href="{}">{}</a> ({}): {}').format(
            _events_link(**{"from": first.isoformat(), "to": last.isoformat()}),
            first.isoformat()[: SHOWN_DATE_LENGTH.get(precision, 10)],
            precision,
            _events(n),
        )
        for (first, last, precision), n in sorted(apart.items())
    )
    return Markup('<p class="hint apart">Dated only to a longer span than a {}, not drawn: {}</p>').format(unit, items)


def _hidden_note(span: Span, trim: dict[str, str] | None) -> Markup:
    """What the span leaves out before its first day, with a link that shows it all."""
    if not span.hidden:
        return Markup("")
    return Markup(
        '<p class="hint">Showing events from {}; {} dated earlier (back to {}) left out: <a href="{}">show all</a></p>'
    ).format(
        span.first.isoformat(),
        _events(span.hidden),
        span.earliest.isoformat(),
        "/?" + urlencode({**(trim or {}), "from": span.earliest.isoformat()}),
    )


def _events(n: int) -> str:
    return f"{n:,} event" + ("" if n == 1 else "s")


def _told(events: int, mentions: int) -> str:
    """The real-world events and how often articles told them, as in "3 events, told 5 times"."""
    return f"{_events(events)}, told {mentions:,} time" + ("" if mentions == 1 else "s")


def _label(day: date, unit: str, long: bool = False) -> str:
    if unit == "year":
        return str(day.year)
    if unit == "month":
        return day.strftime("%Y-%m")
    return ("week of " if long and unit == "week" else "") + day.isoformat()


def network_svg(
    edges: list[dict[str, Any]],
    actors: list[dict[str, Any]],
    size: int = 640,
    max_nodes: int = 24,
    max_edges: int = 80,
) -> Markup:
    """Countries and bodies on a circle (size: the events they take part in, `actors`, most first),
    the events between each pair as one curve: width by number, colour by the most frequent type.
    Both directions and the mutual types (CONSULT, COOPERATE: unordered) share the curve; its tooltip
    tells them apart. The busiest pairs of the most active actors only. A country is labelled by its
    code, a named body by its name (store/bodies.py)."""
    paired = {e["source"] for e in edges} | {e["target"] for e in edges}
    weight = {a["id"]: a for a in actors if a["id"] in paired}
    nodes = list(weight)[:max_nodes]
    if not nodes:
        return Markup('<p class="empty">No events between two coded actors yet.</p>')
    pairs = _busiest_pairs(edges, set(nodes), max_edges)
    circle = _Circle(size / 2, size / 2 - 64)
    at = {actor: circle.point(i, len(nodes)) for i, actor in enumerate(nodes)}
    heaviest = max((_sum(p, "events") for p in pairs.values()), default=1)
    parts = [f'<svg class="network" viewBox="0 0 {size} {size}" role="img" aria-label="Actor network">']
    for (a, b), pair in sorted(pairs.items(), key=lambda kv: _sum(kv[1], "events")):
        names = (_short(a, weight[a]["name"], longest=60), _short(b, weight[b]["name"], longest=60))
        parts.append(_edge(circle, at[a], at[b], pair, heaviest, names))
    top = weight[nodes[0]]["events"]
    parts.extend(_node(circle, at[actor], actor, weight[actor], top) for actor in nodes)
    parts.append("</svg>")
    return Markup("".join(parts))


@dataclass(frozen=True)
class _Circle:
    """Where the network's nodes sit: evenly on a circle, the first at the top."""

    centre: float
    radius: float

    def point(self, i: int, n: int) -> tuple[float, float]:
        angle = 2 * math.pi * i / n - math.pi / 2
        return self.centre + self.radius * math.cos(angle), self.centre + self.radius * math.sin(angle)


def _busiest_pairs(
    edges: list[dict[str, Any]], nodes: set[str], max_edges: int
) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """The edges between two shown actors, grouped by unordered pair, the busiest `max_edges` pairs."""
    pairs: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for e in edges:
        if e["source"] in nodes and e["target"] in nodes:
            pairs[tuple(sorted((e["source"], e["target"])))].append(e)
    return dict(sorted(pairs.items(), key=lambda kv: -_sum(kv[1], "events"))[:max_edges])


def _edge(
    circle: _Circle,
    start: tuple[float, float],
    end: tuple[float, float],
    pair: list[dict[str, Any]],
    heaviest: int,
    names: tuple[str, str],
) -> Markup:
    """One pair's curve, bent toward the centre, with a tooltip of each direction and type."""
    total = _sum(pair, "events")
    (x1, y1), (x2, y2) = start, end
    c = circle.centre
    cx, cy = c + ((x1 + x2) / 2 - c) * 0.3, c + ((y1 + y2) / 2 - c) * 0.3
    by_type: Counter[str] = Counter()
    for e in pair:
        by_type[e["type"]] += e["events"]
    detail = ", ".join(f"{_way(e)} {e['events']}" for e in sorted(pair, key=lambda e: -e["events"]))
    return Markup(
        '<path class="edge" d="M{:.1f},{:.1f} Q{:.1f},{:.1f} {:.1f},{:.1f}" stroke="{}" '
        'stroke-width="{:.1f}"><title>{} – {}: {} ({})</title></path>'
    ).format(
        x1,
        y1,
        cx,
        cy,
        x2,
        y2,
        colour(by_type.most_common(1)[0][0]),
        1.2 + 9 * math.sqrt(total / heaviest),
        *names,
        _told(total, _sum(pair, "mentions")),
        detail,
    )


def _node(circle: _Circle, at: tuple[float, float], actor: str, row: dict[str, Any], top: int) -> Markup:
    """One actor's circle (area by its events) and its label outside the ring, linked to its events."""
    x, y = at
    r = 5 + 13 * math.sqrt(row["events"] / top)
    dx, dy = (x - circle.centre) / circle.radius, (y - circle.centre) / circle.radius
    anchor = "start" if dx > 0.3 else "end" if dx < -0.3 else "middle"
    lx, ly = x + dx * (r + 8), y + dy * (r + 8) + (4 if abs(dy) < 0.9 else 10 * dy)
    return Markup(
        '<a href="{}"><circle class="node" cx="{:.1f}" cy="{:.1f}" r="{:.1f}">'
        "<title>{}: {}</title></circle>"
        '<text class="label" x="{:.1f}" y="{:.1f}" text-anchor="{}">{}</text></a>'
    ).format(
        _events_link(actor=actor),
        x,
        y,
        r,
        f"{row['code']} {row['name']}".strip(),
        _told(row["events"], row["mentions"]),
        lx,
        ly,
        anchor,
        _short(actor, row["name"]),
    )


def _short(actor: str, name: str | None, longest: int = 16) -> str:
    """An actor as a node or tooltip shows it: a country by its code, a named body by its name (cut to `longest`)."""
    if SEPARATOR not in actor:
        return actor
    name = name or actor
    return name if len(name) <= longest else name[: longest - 1] + "…"


def _sum(rows: list[dict[str, Any]], key: str) -> int:
    return sum(r[key] for r in rows)


def _way(edge: dict[str, Any]) -> str:
    """An edge's type with its direction ("ACCUSE USA→CHN"); a mutual type has none ("CONSULT")."""
    if edge["mutual"]:
        return edge["type"]
    return f"{edge['type']} {_short(edge['source'], edge['source_name'])}→{_short(edge['target'], edge['target_name'])}"
