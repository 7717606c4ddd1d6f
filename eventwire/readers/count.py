"""How many records an input holds, when that is cheap to know: ingest's progress bar shows a total
and a time left from it (docs/recipes.md)."""

from __future__ import annotations

from pathlib import Path

from .common import ReadError
from .discover import reader_of, walk

CHUNK = 1 << 20  # bytes read at a time to count lines


def _lines(path: Path) -> int:
    count, last = 0, b"\n"
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")


def records_in(paths: list[str]) -> int | None:
    """Records under the paths: one per article file, one per line of plain JSON Lines; None when
    counting would mean reading it all (stdin, gzipped JSON Lines) or a path cannot be read."""
    total = 0
    try:
        for name in paths:
            if name == "-":
                return None
            path = Path(name)
            for found in walk(path) if path.is_dir() else [path]:
                if isinstance(found, ReadError):
                    continue
                reader, gz = reader_of(found)
                if reader is not None and reader.per_line and gz:
                    return None
                total += _lines(found) if reader is not None and reader.per_line else 1
    except OSError:
        return None
    return total
