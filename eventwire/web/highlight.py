"""An article's text as HTML with its events, quotes and entities marked, everything else escaped.

Spans overlap freely (a quote runs across two event sentences, an entity sits inside a trigger), so
the text is cut at every span boundary and each piece carries the classes of all spans covering it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape


@dataclass
class Span:
    start: int
    end: int
    classes: tuple[str, ...]
    title: str
    anchor: str | None = None  # element id placed where the span starts (evidence links jump there)
    href: str | None = None  # where a click on the span leads


def fragment(kind: str, record_id: str) -> str:
    """The element id of an event or quote in the article page (safe in HTML and in a URL fragment)."""
    return f"{kind}-{quote(str(record_id), safe='')}"


def names(actors: Iterable[dict[str, Any]]) -> str:
    """Actors for a tooltip or table cell: `Wang Yi (CHN)`, else the code or the words used."""
    out = []
    for a in actors:
        label = a.get("name") or a.get("text") or ""
        out.append(f"{label} ({a['code']})" if a.get("code") and a.get("code") != label else label or a.get("code"))
    return ", ".join(x for x in out if x)


def spans(events: list[dict[str, Any]], quotes: list[dict[str, Any]], entities: list[dict[str, Any]]) -> list[Span]:
    """The marks of an article: event sentences and triggers, quotes, entities."""
    out: list[Span] = []
    for e in events:
        summary = f"{e['type']}: {names(e['source']) or '?'} → {names(e['target']) or '?'} ({e['status']})"
        card = "#" + fragment("event", e["id"])
        has_trigger = e.get("trigger_start") is not None and e.get("trigger_end") is not None
        out.append(Span(e["start"], e["end"], ("s",), summary, None if has_trigger else fragment("ev", e["id"])))
        if has_trigger:
            out.append(
                Span(
                    e["trigger_start"],
                    e["trigger_end"],
                    ("t", f"ty-{e['type']}"),
                    summary,
                    fragment("ev", e["id"]),
                    card,
                )
            )
    for q in quotes:
        speaker = q.get("speaker_name") or q.get("speaker_text") or "unknown speaker"
        out.append(
            Span(
                q["start"],
                q["end"],
                ("q",),
                f"{q['kind']} quote: {speaker}",
                fragment("qt", q["id"]),
                "#" + fragment("quote", q["id"]),
            )
        )
    for n in entities:
        detail = " · ".join(x for x in (n.get("name"), n.get("code"), n.get("sector")) if x)
        out.append(
            Span(n["start"], n["end"], ("n", f"n-{n['label']}"), f"{n['label']}" + (f": {detail}" if detail else ""))
        )
    return out


def render(text: str, marks: list[Span]) -> Markup:
    """The text as HTML: each piece between span boundaries escaped and wrapped in its spans' classes."""
    size = len(text)
    marks = [m for m in marks if 0 <= m.start < m.end <= size]
    cuts = sorted({0, size, *(m.start for m in marks), *(m.end for m in marks)})
    starting: dict[int, list[Span]] = {}
    for m in marks:
        starting.setdefault(m.start, []).append(m)
    active: list[Span] = []
    html: list[str] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        active = [m for m in active if m.end > left] + starting.get(left, [])
        for m in starting.get(left, []):
            if m.anchor:
                html.append(Markup('<span class="anchor" id="{}"></span>').format(m.anchor))
        html.append(_piece(text[left:right], active))
    return Markup("").join(html)


def _piece(chunk: str, active: list[Span]) -> str:
    if not active:
        return escape(chunk)
    classes = " ".join(sorted({c for m in active for c in m.classes}))
    title = " | ".join(dict.fromkeys(m.title for m in active))
    href = next((m.href for m in sorted(active, key=lambda m: m.classes[0] != "t") if m.href), None)
    if href:
        return Markup('<a class="{}" href="{}" title="{}">{}</a>').format(classes, href, title, chunk)
    return Markup('<span class="{}" title="{}">{}</span>').format(classes, title, chunk)
