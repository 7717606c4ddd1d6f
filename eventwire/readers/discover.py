"""Walk the paths a user names and yield one Article or one ReadError per record, never raising.

Whatever goes wrong costs one record (a line of a JSON Lines file), or one file or folder when
it cannot be read at all; everything else is still read. Nothing is held whole in memory: a
record over --max-bytes is counted through, not read, whether it is a file, a line or stdin.
"""

from __future__ import annotations

import errno
import gzip
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..model import Article
from .common import DEFAULT_MAX_BYTES, BadRecord, ReadError, check_size, decode
from .html import read_html
from .jsonl import read_json_record
from .text import read_text

GZIP_ERRORS = (EOFError, OSError, zlib.error)  # truncated or corrupt .gz (BadGzipFile is an OSError)
SNIFF_BYTES = 4096  # of stdin, to tell JSON Lines from HTML from plain text

Record = Article | ReadError


@dataclass(frozen=True)
class Reader:
    """How one input format is read: `read(text, fallback id or None, origin)` gives an Article
    (or raises BadRecord); `per_line` when each line is a record, else the whole file is one."""

    read: Callable[[str, str | None, str], Article]
    per_line: bool = False


# File suffix (before any .gz) -> its reader. A new input format is one module and one line here.
READERS: dict[str, Reader] = {
    ".txt": Reader(read_text),
    ".jsonl": Reader(read_json_record, per_line=True),
    ".ndjson": Reader(read_json_record, per_line=True),
    ".html": Reader(read_html),
    ".htm": Reader(read_html),
}
PLAIN = ".txt"  # the reader of a file without a suffix, or with one of digits only (`story.2024`)


def reader_of(path: Path) -> tuple[Reader | None, bool]:
    """(its reader or None, gzipped?) from a file's name."""
    name = path.name.lower()
    gz = name.endswith(".gz")
    suffix = Path(name.removesuffix(".gz")).suffix
    if suffix in READERS:
        return READERS[suffix], gz
    if not any(c.isalpha() for c in suffix):
        return READERS[PLAIN], gz
    return None, gz


def article_id_of(path: Path) -> str:
    """The file name without its extensions: `000_a3803002c0d27c0a.txt.gz` -> `000_a3803002c0d27c0a`."""
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    suffix = Path(name).suffix
    return name[: -len(suffix)] if suffix and suffix.lower() in READERS else name


def read_paths(
    paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES, published: str | None = None
) -> Iterator[Record]:
    """Every record under the given files, folders (recursively, in name order) and `-` (stdin)."""
    for raw in paths:
        for record in _read_one(raw, max_bytes):
            if published and isinstance(record, Article) and not record.published:
                record.published, record.published_from = published, "option"
            yield record


def _read_one(raw: str, max_bytes: int) -> Iterator[Record]:
    if raw == "-":
        yield from _read_stdin(max_bytes)
        return
    path = Path(raw)
    try:
        is_dir, exists = path.is_dir(), path.exists()
    except OSError as err:  # e.g. a path through a folder we may not enter
        yield ReadError(raw, f"cannot read: {err.strerror or err}")
        return
    if is_dir:
        for found in walk(path):
            yield from [found] if isinstance(found, ReadError) else from_file(found, max_bytes)
    elif exists:
        yield from from_file(path, max_bytes)
    else:
        yield ReadError(raw, _missing(path))


def walk(folder: Path) -> Iterator[Path | ReadError]:
    """The files of known suffix under a folder, depth first in name order, following links to
    folders once each; a folder that cannot be listed or is reached again through a link gives
    a ReadError (a link to a file that loops or leads nowhere gives one when it is opened).
    Hidden files and folders, and files of other suffixes, are left out."""
    seen: set[tuple[int, int]] = set()
    stack: list[Path] = [folder]
    while stack:
        path = stack.pop()
        try:
            is_dir = path is folder or path.is_dir()
        except OSError as err:  # in a folder we may list but not enter
            yield ReadError(str(path), f"cannot read: {err.strerror or err}")
            continue
        if not is_dir:
            if reader_of(path)[0]:
                yield path
            continue
        try:
            info = path.stat()
            if (info.st_dev, info.st_ino) in seen:
                yield ReadError(str(path), "symbolic link to a folder already read (a loop)")
                continue
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(path) as entries:
                children = sorted(Path(e.path) for e in entries if not e.name.startswith("."))
        except OSError as err:
            yield ReadError(str(path), f"cannot read the folder: {err.strerror or err}")
            continue
        stack.extend(reversed(children))


def _missing(path: Path) -> str:
    """Why a path that does not exist as a file or folder cannot be read."""
    try:
        path.stat()
    except OSError as err:
        if err.errno == errno.ELOOP:
            return "symbolic link loop"
        if path.is_symlink():
            return "broken symbolic link"
        return "no such file or folder" if err.errno == errno.ENOENT else f"cannot read: {err.strerror}"
    return "not a file or folder"


def from_file(path: Path, max_bytes: int) -> Iterator[Record]:
    """The records of one file, plain or gzipped."""
    reader, gz = reader_of(path)
    origin = str(path)
    if reader is None:
        yield ReadError(origin, f"unsupported file type {path.suffix!r} (use {', '.join(READERS)} or .gz of these)")
        return
    try:
        stream: BinaryIO = gzip.open(path, "rb") if gz else open(path, "rb")  # noqa: SIM115
    except OSError as err:
        yield ReadError(origin, f"cannot open: {err.strerror or err}")
        return
    with stream:
        yield from read_stream(stream, reader, origin, None if reader.per_line else article_id_of(path), max_bytes)


def _read_stdin(max_bytes: int) -> Iterator[Record]:
    """stdin, streamed as a file is: gzip when it starts with gzip's magic bytes, then JSON Lines
    when it starts with `{`, HTML with `<`, else plain text."""
    stream: BinaryIO = sys.stdin.buffer
    try:
        if stream.peek(2)[:2] == b"\x1f\x8b":
            stream = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[assignment]
        head = stream.peek(SNIFF_BYTES).lstrip()[:1]
    except GZIP_ERRORS as err:
        yield ReadError("<stdin>", f"corrupt or truncated gzip data ({err})")
        return
    suffix = {b"{": ".jsonl", b"<": ".html"}.get(head, PLAIN)
    yield from read_stream(stream, READERS[suffix], "<stdin>", None, max_bytes)


def read_stream(
    stream: BinaryIO, reader: Reader, origin: str, article_id: str | None, max_bytes: int
) -> Iterator[Record]:
    """The records of an open stream: one per line, or the whole stream as one. A record that
    fails in any way is a ReadError; a stream that breaks (truncated gzip) ends with one."""
    number = 0
    try:
        if not reader.per_line:
            yield _record(*_whole(stream, max_bytes), reader, article_id, origin, max_bytes)
            return
        for number, (line, size) in enumerate(_lines(stream, max_bytes), 1):
            if size > max_bytes or line.strip():
                yield _record(line, size, reader, None, f"{origin}:{number}", max_bytes)
    except GZIP_ERRORS as err:
        where = f"{origin}:{number + 1}" if reader.per_line else origin
        yield ReadError(where, f"corrupt or truncated gzip data ({err})")


def _record(data: bytes, size: int, reader: Reader, article_id: str | None, origin: str, max_bytes: int) -> Record:
    """One record checked, decoded and made an Article; whatever goes wrong, a ReadError instead."""
    try:
        check_size(size, max_bytes)
        return reader.read(decode(data), article_id, origin)
    except BadRecord as err:
        return ReadError(origin, str(err))
    except Exception as err:  # a bug in a reader or a library costs this record only
        return ReadError(origin, f"could not be read: {type(err).__name__}: {err}")


def _whole(stream: BinaryIO, max_bytes: int) -> tuple[bytes, int]:
    """(the stream's bytes, its size); beyond `max_bytes` it is counted through, not kept."""
    data = stream.read(max_bytes + 1)
    return data, len(data) if len(data) <= max_bytes else _count_rest(stream, len(data))


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[bytes, int]]:
    """(each line, its size); a line over `max_bytes` is counted through, not kept."""
    while line := stream.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            yield b"", _count_rest(stream, len(line), line_only=True)
        else:
            yield line, len(line)


def _count_rest(stream: BinaryIO, already: int, line_only: bool = False) -> int:
    """Size of an oversized record: `already` plus the rest of the stream, or of the line."""
    total = already
    while piece := (stream.readline(1 << 20) if line_only else stream.read(1 << 20)):
        total += len(piece)
        if line_only and piece.endswith(b"\n"):
            break
    return total
