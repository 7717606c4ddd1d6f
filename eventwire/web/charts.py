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


def _bins(first: date, last: date, unit: str) -> list[date]:
    out, day = [], _bin_start(first, unit)
    while day <= last and len(out) <= MAX_BINS * 2:
        out.append(day)
        day = _next(day, unit)
    return out


def _parse(day: str) -> date | None:
    try:
        return date.fromisoformat(day)
    except (TypeError, ValueError):
        return None


def _nice_step(value: float) -> int:
    """The smallest 1, 2 or 5 times a power of ten at or above value: a grid step people can read."""
    power = 10 ** max(int(math.floor(math.log10(max(value, 1)))), 0)
    return next(m * power for m in (1, 2, 5, 10) if m * power >= value)


def _events_link(**params: str | None) -> str:
    return "/events?" + urlencode({k: v for k, v in params.items() if v})


def _trim_start(counts: dict[date, Counter[str]]) -> date:
    """The day from which the latest (100 - TRIM_PERCENT)% of events run: news articles also date the
    background they recall (a war begun years before), which would squeeze the news into one bar."""
    total, seen = sum(sum(c.values()) for c in counts.values()), 0
    for day in sorted(counts):
        seen += sum(counts[day].values())
        if seen > total * TRIM_PERCENT / 100:
            return day
    return max(counts)


@dataclass(frozen=True)
class Span:
    """What the overview chart shows: its first and last day, its bar (day, week, month or year: the
    finest giving at most MAX_BINS bars), and the dated events it leaves out before `first`. The
    "event dates" card says the same."""

    first: date
    last: date
    unit: str
    earliest: date  # of every dated event
    hidden: int  # events dated before `first`


def _counts(rows: list[dict[str, Any]], value: str) -> dict[date, Counter[str]]:
    out: dict[date, Counter[str]] = defaultdict(Counter)
    for r in rows:
        day = _parse(r["day"])
        if day is not None:
            out[day][r["type"]] += r[value]
    return out


def timeline_span(rows: list[dict[str, Any]], trim: bool = True, undated: list[dict[str, Any]] = ()) -> Span | None:
    """The chart's span over rows of `day`, `type` and `events` and the `undated` ones (`day`, `events`)
    at their article's date; with `trim`, without the oldest few percent of events (news articles also
    date the background they recall). None with no dated event."""
    counts = _counts([*rows, *({**r, "type": ""} for r in undated)], "events")
    if not counts:
        return None
    earliest, last = min(counts), max(counts)
    first = max(_trim_start(counts), earliest) if trim else earliest
    unit = next(u for u in ("day", "week", "month", "year") if u == "year" or len(_bins(first, last, u)) <= MAX_BINS)
    if unit == "year":  # a stray date centuries back would squeeze the chart: show the latest years
        first = max(first, date(max(last.year - MAX_BINS + 1, 1), 1, 1))
    hidden = sum(sum(c.values()) for d, c in counts.items() if d < first)
    return Span(first, last, unit, earliest, hidden)


def timeline_svg(
    rows: list[dict[str, Any]],
    width: int = 960,
    height: int = 240,
    trim: dict[str, str] | None = None,
    undated: list[dict[str, Any]] = (),
) -> Markup:
    """Stacked bars of events per day, week, month or year (timeline_span), from rows of `day`, `type`,
    `events` and `mentions`. With `trim` (the page's other query parameters), the oldest few percent of
    events are left out, with a note and a link that shows them. `undated` rows (`day`, `events`): events
    with no date of their own, drawn hatched on top at their article's date, as GDELT dates events by story."""
    counts, told = _counts(rows, "events"), _counts(rows, "mentions")
    span = timeline_span(rows, trim is not None, undated)
    if span is None:
        return Markup('<p class="empty">No dated events yet.</p>')
    first, last, unit = span.first, span.last, span.unit
    note = Markup("")
    if span.hidden:
        note = Markup(
            '<p class="hint">Showing events from {}; {} dated earlier (back to {}) left out: '
            '<a href="{}">show all</a></p>'
        ).format(
            first.isoformat(),
            _events(span.hidden),
            span.earliest.isoformat(),
            "/?" + urlencode({**(trim or {}), "from": span.earliest.isoformat()}),
        )
    bins = _bins(first, last, unit)
    stacks: dict[date, Counter[str]] = {b: Counter() for b in bins}
    stacks_told: dict[date, Counter[str]] = {b: Counter() for b in bins}
    for day, by_type in counts.items():
        key = _bin_start(day, unit)
        if key in stacks:
            stacks[key].update(by_type)
            stacks_told[key].update(told[day])
    by_story: Counter[date] = Counter()
    for r in undated:
        day = _parse(r["day"])
        if day is not None and _bin_start(day, unit) in stacks:
            by_story[_bin_start(day, unit)] += r["events"]
    highest = max(sum(c.values()) + by_story[b] for b, c in stacks.items())
    step_y = _nice_step(highest / 5)
    lines = max(1, math.ceil(highest / step_y))
    top = step_y * lines
    left, right, upper, lower = 44, 8, 10, 26
    plot_w, plot_h = width - left - right, height - upper - lower
    step = plot_w / len(bins)
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="Events per {unit} by type">']
    if by_story:
        parts.append(
            '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
            'patternTransform="rotate(45)"><path d="M0,0H6V6H0Z" fill="#e2e8f0"/>'
            '<line x1="0" y1="0" x2="0" y2="6" stroke="#94a3b8" stroke-width="2"/></pattern></defs>'
        )
    for i in range(lines + 1):
        value = step_y * i
        y = upper + plot_h - plot_h * i / lines
        parts.append(
            f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="tick" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{value:g}</text>'
        )
    label_every = max(1, math.ceil(len(bins) / 8))
    for i, b in enumerate(bins):
        x, y = left + i * step, upper + plot_h
        end = _next(b, unit) - timedelta(days=1)
        for event_type in PLOVER_TYPES:
            n = stacks[b][event_type]
            if not n:
                continue
            h = plot_h * n / top
            y -= h
            link = _events_link(type=event_type, **{"from": b.isoformat(), "to": end.isoformat()})
            parts.append(
                Markup(
                    '<a href="{}"><rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}">'
                    "<title>{} {}: {}</title></rect></a>"
                ).format(
                    link,
                    x + 0.5,
                    y,
                    max(step - 1, 1),
                    h,
                    colour(event_type),
                    _label(b, unit, long=True),
                    event_type,
                    _told(n, stacks_told[b][event_type]),
                )
            )
        if by_story[b]:
            h = plot_h * by_story[b] / top
            y -= h
            parts.append(
                Markup(
                    '<rect class="undated" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}">'
                    "<title>{}: {} with no date of their own, at their article's date</title></rect>"
                ).format(x + 0.5, y, max(step - 1, 1), h, _label(b, unit, long=True), _events(by_story[b]))
            )
        if i % label_every == 0:
            parts.append(
                f'<text class="tick" x="{x + step / 2:.1f}" y="{height - 8}" '
                f'text-anchor="middle">{_label(b, unit)}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts)) + note


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
    names: dict[str, str],
    size: int = 640,
    max_nodes: int = 24,
    max_edges: int = 80,
) -> Markup:
    """Countries and bodies on a circle (size: the events they take part in, `actors`, most first),
    the events between each pair as one curve: width by number, colour by the most frequent type.
    Both directions and the mutual types (CONSULT, COOPERATE: unordered) share the curve; its tooltip
    tells them apart. The busiest pairs of the most active actors only."""
    paired = {e["source"] for e in edges} | {e["target"] for e in edges}
    weight = {a["code"]: a for a in actors if a["code"] in paired}
    nodes = list(weight)[:max_nodes]
    if not nodes:
        return Markup('<p class="empty">No events between two coded actors yet.</p>')
    pairs: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for e in edges:
        if e["source"] in nodes and e["target"] in nodes:
            pairs[tuple(sorted((e["source"], e["target"])))].append(e)
    pairs = dict(sorted(pairs.items(), key=lambda kv: -_sum(kv[1], "events"))[:max_edges])
    centre, radius = size / 2, size / 2 - 64
    at = {
        code: (
            centre + radius * math.cos(2 * math.pi * i / len(nodes) - math.pi / 2),
            centre + radius * math.sin(2 * math.pi * i / len(nodes) - math.pi / 2),
        )
        for i, code in enumerate(nodes)
    }
    heaviest = max((_sum(p, "events") for p in pairs.values()), default=1)
    parts = [f'<svg class="network" viewBox="0 0 {size} {size}" role="img" aria-label="Actor network">']
    for (a, b), pair in sorted(pairs.items(), key=lambda kv: _sum(kv[1], "events")):
        total = _sum(pair, "events")
        (x1, y1), (x2, y2) = at[a], at[b]
        cx, cy = centre + ((x1 + x2) / 2 - centre) * 0.3, centre + ((y1 + y2) / 2 - centre) * 0.3
        by_type: Counter[str] = Counter()
        for e in pair:
            by_type[e["type"]] += e["events"]
        detail = ", ".join(f"{_way(e)} {e['events']}" for e in sorted(pair, key=lambda e: -e["events"]))
        parts.append(
            Markup(
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
                a,
                b,
                _told(total, _sum(pair, "mentions")),
                detail,
            )
        )
    top = weight[nodes[0]]["events"]
    for code in nodes:
        x, y = at[code]
        r = 5 + 13 * math.sqrt(weight[code]["events"] / top)
        dx, dy = (x - centre) / radius, (y - centre) / radius
        anchor = "start" if dx > 0.3 else "end" if dx < -0.3 else "middle"
        lx, ly = x + dx * (r + 8), y + dy * (r + 8) + (4 if abs(dy) < 0.9 else 10 * dy)
        parts.append(
            Markup(
                '<a href="{}"><circle class="node" cx="{:.1f}" cy="{:.1f}" r="{:.1f}">'
                "<title>{}: {}</title></circle>"
                '<text class="label" x="{:.1f}" y="{:.1f}" text-anchor="{}">{}</text></a>'
            ).format(
                _events_link(actor=code),
                x,
                y,
                r,
                names.get(code, code),
                _told(weight[code]["events"], weight[code]["mentions"]),
                lx,
                ly,
                anchor,
                code,
            )
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _sum(rows: list[dict[str, Any]], key: str) -> int:
    return sum(r[key] for r in rows)


def _way(edge: dict[str, Any]) -> str:
    """An edge's type with its direction ("ACCUSE USA→CHN"); a mutual type has none ("CONSULT")."""
    return edge["type"] if edge["mutual"] else f"{edge['type']} {edge['source']}→{edge['target']}"
