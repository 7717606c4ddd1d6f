"""Walk the paths a user names and yield one Article or one ReadError per record, never raising."""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..model import Article
from .common import DEFAULT_MAX_BYTES, BadRecord, ReadError, check_size, decode, id_from_text
from .html import read_html
from .jsonl import read_json_record
from .text import read_text

JSONL = {".jsonl", ".ndjson"}
HTML = {".html", ".htm"}
TEXT = {".txt", ""}
GZIP_ERRORS = (EOFError, OSError, zlib.error)  # truncated or corrupt .gz (BadGzipFile is an OSError)

Record = Article | ReadError


def form_of(path: Path) -> tuple[str | None, bool]:
    """('jsonl' | 'html' | 'text' | None, gzipped?) from a file name."""
    name = path.name.lower()
    gz = name.endswith(".gz")
    if gz:
        name = name[:-3]
    suffix = Path(name).suffix
    if suffix in JSONL:
        return "jsonl", gz
    if suffix in HTML:
        return "html", gz
    if suffix in TEXT or not any(c.isalpha() for c in suffix):
        return "text", gz
    return None, gz


def article_id_of(path: Path) -> str:
    """The file name without its extensions: `000_a3803002c0d27c0a.txt.gz` -> `000_a3803002c0d27c0a`."""
    name = path.name
    for ext in (".gz", ".txt", ".html", ".htm"):
        if name.lower().endswith(ext):
            name = name[: -len(ext)]
    return name


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
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if not any(part.startswith(".") for part in child.relative_to(path).parts) and form_of(child)[0]:
                yield from _read_file(child, max_bytes)
    elif path.exists():
        yield from _read_file(path, max_bytes)
    else:
        yield ReadError(raw, "no such file or folder")


def _read_file(path: Path, max_bytes: int) -> Iterator[Record]:
    form, gz = form_of(path)
    origin = str(path)
    if form is None:
        yield ReadError(origin, f"unsupported file type {path.suffix!r} (use .txt, .jsonl, .html or .gz of these)")
        return
    try:
        stream: BinaryIO = gzip.open(path, "rb") if gz else open(path, "rb")  # noqa: SIM115
    except OSError as err:
        yield ReadError(origin, f"cannot open: {err.strerror or err}")
        return
    with stream:
        if form == "jsonl":
            yield from _read_jsonl(stream, origin, max_bytes)
        else:
            yield _read_single(stream, form, article_id_of(path), origin, max_bytes)


def _read_stdin(max_bytes: int) -> Iterator[Record]:
    data = sys.stdin.buffer.read()
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except GZIP_ERRORS as err:
            yield ReadError("<stdin>", f"corrupt or truncated gzip data ({err})")
            return
    head = data.lstrip()[:1]
    stream = io.BytesIO(data)
    if head == b"{":
        yield from _read_jsonl(stream, "<stdin>", max_bytes)
    else:
        form = "html" if head == b"<" else "text"
        yield _read_single(stream, form, None, "<stdin>", max_bytes)


def _read_single(stream: BinaryIO, form: str, article_id: str | None, origin: str, max_bytes: int) -> Record:
    try:
        data = stream.read(max_bytes + 1)
        check_size(len(data) if len(data) <= max_bytes else _total_size(stream, len(data)), max_bytes)
        text = decode(data)
        ident = article_id or id_from_text(text)
        return read_html(text, ident, origin) if form == "html" else read_text(text, ident, origin)
    except BadRecord as err:
        return ReadError(origin, str(err))
    except GZIP_ERRORS as err:
        return ReadError(origin, f"corrupt or truncated gzip data ({err})")


def _total_size(stream: BinaryIO, already: int) -> int:
    """Size of an oversized record, counted without holding it in memory."""
    total = already
    while chunk := stream.read(1 << 20):
        total += len(chunk)
    return total


def _read_jsonl(stream: BinaryIO, origin: str, max_bytes: int) -> Iterator[Record]:
    number = 0
    try:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            where = f"{origin}:{number}"
            try:
                check_size(len(line), max_bytes)
                yield read_json_record(decode(line), where)
            except BadRecord as err:
                yield ReadError(where, str(err))
    except GZIP_ERRORS as err:
        yield ReadError(f"{origin}:{number + 1}", f"corrupt or truncated gzip data ({err})")
