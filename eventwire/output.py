"""Print records for people (`table`) or programs (`csv`, `json`, `jsonl`)."""

from __future__ import annotations

import csv
import json
import shutil
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from .model import EVENT_ROLES, flat_event

FORMATS = ("table", "csv", "json", "jsonl")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet may run as a formula


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ";".join(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def csv_cell(value: Any) -> str:
    """A value as a CSV cell a spreadsheet shows as text: lists of names ";"-joined, other lists and
    objects as JSON, and a cell starting with = + - @ quoted so article text never runs as a formula
    (the CLI, the export and the web's download alike)."""
    text = _cell(value)
    return "'" + text if isinstance(value, (str, list)) and text.startswith(FORMULA_STARTS) else text


def print_rows(
    rows: Sequence[dict[str, Any]], fmt: str = "table", out: TextIO = sys.stdout, columns: Sequence[str] | None = None
) -> None:
    """Rows (dicts with the same keys) in the chosen format."""
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "json":
        json.dump(list(rows), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows({k: csv_cell(row.get(k)) for k in columns} for row in rows)
    else:
        _print_table(rows, columns, out)


def _print_table(rows: Sequence[dict[str, Any]], columns: list[str], out: TextIO) -> None:
    if not rows:
        out.write("(no rows)\n")
        return
    width = shutil.get_terminal_size((160, 24)).columns
    cells = [[" ".join(_cell(row.get(c)).split()) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    budget = max(width - 2 * (len(columns) - 1), 20)
    while sum(widths) > budget and max(widths) > 12:  # shrink the widest column first
        widths[widths.index(max(widths))] -= 1

    def fit(text: str, w: int) -> str:
        return text if len(text) <= w else text[: w - 1] + "…"

    out.write("  ".join(c.ljust(w)[:w] for c, w in zip(columns, widths, strict=False)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for r in cells:
        out.write("  ".join(fit(v, w).ljust(w) for v, w in zip(r, widths, strict=False)).rstrip() + "\n")


def write_json_stream(records: Iterable[dict[str, Any]], fmt: str, out: TextIO = sys.stdout) -> None:
    """Records as JSON Lines, or as one JSON array written as the records come."""
    if fmt == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
        return
    out.write("[")
    for i, record in enumerate(records):
        out.write(("," if i else "") + "\n" + json.dumps(record, ensure_ascii=False, indent=2))
    out.write("\n]\n")


# The columns of the event row a table shows, with their headings (the other formats keep every field).
TABLE_EVENT_COLUMNS = {
    "article_id": "article",
    "date": "date",
    "type": "type",
    "source": "source",
    "target": "target",
    "status": "status",
    "attributed_to": "reported by",
    "disputed_by": "disputed by",
    "sentence": "evidence",
}


def _actors(side: list[dict[str, Any]]) -> str:
    """Codes, a named body's with its name ("IGO NATO": docs/contract.md), else the name the text gave."""
    return ", ".join(
        f"{a['code']} {a['body']}" if a.get("body") else a.get("code") or a.get("name") or a["text"] for a in side
    )


SHOWN_DATE_LENGTH = {"month": 7, "season": 7, "year": 4}  # a table shows a date no finer than the text gave it


def shown_date(row: dict[str, Any]) -> str | None:
    """The event's date as a table shows it: "2021-10" for "in October", not its first day."""
    date = row.get("date")
    return date[: SHOWN_DATE_LENGTH.get(row.get("date_precision") or "day", len(date))] if date else date


def event_rows(rows: list[dict[str, Any]], fmt: str = "table") -> list[dict[str, Any]]:
    """Events for a table (actors as codes, the evidence sentence), else as their flat rows (model.py)."""
    if fmt != "table":
        return [flat_event(r) for r in rows]
    return [
        {
            heading: _actors(r[column]) if column in EVENT_ROLES else shown_date(r) if column == "date" else r[column]
            for column, heading in TABLE_EVENT_COLUMNS.items()
        }
        for r in rows
    ]
