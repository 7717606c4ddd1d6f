"""Record-level isolation in the readers: a bad record costs itself alone, with a clear reason,
and every skip (looping links, unreadable folders, oversized lines, truncated gzip on stdin) is
reported on one line."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.model import Article
from eventwire.readers import discover
from eventwire.readers.common import ReadError
from eventwire.readers.discover import READERS, Reader, read_paths
from eventwire.readers.text import read_text

GOOD = {"id": "g", "text": "Kenya and Somalia held talks in Nairobi on Monday."}


def read(*paths: Path | str, **kw) -> list[Article | ReadError]:
    return list(read_paths([str(p) for p in paths], **kw))


def jsonl(path: Path, *lines: str | dict) -> Path:
    path.write_text("".join((ln if isinstance(ln, str) else json.dumps(ln)) + "\n" for ln in lines), encoding="utf-8")
    return path


def errors_of(records: list[Article | ReadError]) -> dict[str, str]:
    return {r.origin.rsplit("/", 1)[-1]: r.reason for r in records if isinstance(r, ReadError)}


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("url", 123, "url must be a string, not int"),
        ("source", 7, "source must be a string, not int"),
        ("section", {"a": 1}, "section must be a string, not dict"),
        ("text", ["a", "b"], "text must be a string, not list"),
        ("id", True, "id must be a string or an integer, not bool"),
        ("id", 1.5, "id must be a string or an integer, not float"),
        ("authors", ["Jane", 3], "authors must be a string or a list of strings, not list"),
        ("published", 20250101, "published must be a string, not int"),
        ("published", "2025-13-01", "published '2025-13-01' is not a date"),
        ("published", "not a date at all", "is not a date"),
        ("id", "a\nb", "contains control characters"),
        ("id", "x\x1b[31m", "contains control characters"),
        ("text", "Talks.\x00 More talks.", "NUL character in text at offset 6"),
        ("note", {"deep": "a\x00"}, "NUL character in note.deep at offset 1"),
    ],
)
def test_a_field_of_the_wrong_kind_is_one_bad_record(tmp_path, field, value, reason):
    path = jsonl(tmp_path / "a.jsonl", GOOD, {**GOOD, "id": "bad", field: value}, {**GOOD, "id": "after"})
    records = read(path)
    assert reason in errors_of(records)["a.jsonl:2"]
    assert [r.id for r in records if isinstance(r, Article)] == ["g", "after"]


def test_broken_json_values_are_bad_records(tmp_path):
    lines = [
        "[" * 100_000 + "]" * 100_000,  # nested 100,000 deep: Python's parser overflows
        json.dumps({**GOOD, "extra": json.loads("[" * 40 + "]" * 40)}),  # parses, but too deep
        '{"text": "Talks held.", "n": NaN}',
        '{"text": "Talks held.", "n": ' + "9" * 5000 + "}",  # over Python's 4,300 digits
        '{"text": "Talks \\ud800 held."}',  # a lone surrogate: SQLite cannot store it
        '{"text": "Talks held.", "\\u0000": 1}',
    ]
    records = read(jsonl(tmp_path / "a.jsonl", *lines, {**GOOD, "id": "last"}))
    errors = errors_of(records)
    assert "nested deeper than 32" in errors["a.jsonl:1"] and "nested deeper than 32" in errors["a.jsonl:2"]
    assert "NaN is not a JSON number" in errors["a.jsonl:3"]
    assert errors["a.jsonl:4"].startswith("not valid JSON")
    assert "lone surrogate" in errors["a.jsonl:5"]
    assert "NUL character in a key" in errors["a.jsonl:6"]
    assert [r.id for r in records if isinstance(r, Article)] == ["last"]


def test_an_integer_id_is_kept_as_text(tmp_path):
    [article] = read(jsonl(tmp_path / "a.jsonl", {**GOOD, "id": 42}))
    assert article.id == "42"


def test_nul_bytes_anywhere_in_a_file_are_refused_with_their_offset(tmp_path):
    path = tmp_path / "late.txt"
    path.write_bytes(b"Title\n\n" + b"Talks were held. " * 1000 + b"\x00 end")
    [error] = read(path)
    assert error.reason.startswith(f"NUL byte at byte {7 + 17 * 1000}")


def test_a_line_over_max_bytes_is_reported_and_the_next_lines_read(tmp_path):
    path = tmp_path / "big.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(json.dumps(GOOD) + "\n")
        f.write(json.dumps({"id": "huge", "text": "word " * 2_000_000}) + "\n")  # 10 MB in a 30 KB .gz
        f.write(json.dumps({**GOOD, "id": "after"}) + "\n")
    records = read(path, max_bytes=100_000)
    assert "10,000,0" in errors_of(records)["big.jsonl.gz:2"] and "over the limit of 100,000" in str(records[1])
    assert [r.id for r in records if isinstance(r, Article)] == ["g", "after"]


def test_an_oversized_line_is_never_held_in_memory(tmp_path):
    """--max-bytes is enforced while reading: the reader never asks for more than the limit."""
    path = jsonl(tmp_path / "a.jsonl", {"id": "huge", "text": "word " * 200_000}, GOOD)
    asked: list[int] = []

    class Watched:
        def __init__(self, stream):
            self.stream = stream

        def readline(self, size=-1):
            asked.append(size)
            return self.stream.readline(size)

    with path.open("rb") as f:
        records = list(discover.read_stream(Watched(f), READERS[".jsonl"], "a.jsonl", None, 10_000))
    assert isinstance(records[0], ReadError) and records[1].id == "g"
    assert asked and all(0 < size <= 1 << 20 for size in asked)


def read_in_a_process(*paths: str, stdin: bytes = b"", as_user: bool = True) -> list[str]:
    """One line per record read in a fresh process (ids of articles, errors as printed)."""
    code = (
        "import sys; from eventwire.readers.discover import read_paths; "
        "[print(getattr(r, 'id', None) or r) for r in read_paths(sys.argv[1:])]"
    )
    cmd = [sys.executable, "-c", code, *paths]
    proc = subprocess.run(cmd if as_user else without_root(cmd), input=stdin, capture_output=True, check=True)
    return proc.stdout.decode().splitlines()


def run_stdin(data: bytes) -> list[str]:
    return read_in_a_process("-", stdin=data)


def test_stdin_keeps_the_readable_records_of_a_truncated_gzip():
    lines = b"".join(
        (json.dumps({**GOOD, "id": f"r{i}", "text": f"Talks {i} {os.urandom(64).hex()}"}) + "\n").encode()
        for i in range(400)
    )
    data = gzip.compress(lines)
    out = run_stdin(data[: len(data) // 2])
    assert out[0] == "r0" and len(out) > 10
    assert "corrupt or truncated gzip" in out[-1] and out[-1].startswith("<stdin>:")


def test_stdin_html_and_text_are_sniffed():
    page = "<html><body><article><p>" + "The minister met the envoy in Rome. " * 10 + "</p></article></body></html>"
    [html_id] = run_stdin(page.encode())
    [text_id] = run_stdin(b"Headline\n\nThe minister met the envoy in Rome.\n")
    assert len(html_id) == 16 and len(text_id) == 16 and html_id != text_id


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><nav><ul><li><a href=/>Home</a></li><li><a href=/news>News</a></li>"
        "<li><a href=/sport>Sport</a></li></ul></nav></body></html>",
        "<html><body><div class=cookie-banner><p>We use cookies to improve your experience."
        " <button>Accept all</button></p></div></body></html>",
    ],
)
def test_a_page_of_a_menu_or_a_cookie_banner_has_no_main_text(tmp_path, page):
    path = tmp_path / "menu.html"
    path.write_text(page, encoding="utf-8")
    [error] = read(path)
    assert isinstance(error, ReadError) and "no main text" in error.reason


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")
def test_looping_links_are_reported_and_the_rest_read(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)  # a folder inside itself
    (tmp_path / "sub" / "story.txt").write_text("Headline\n\nTalks were held.\n", encoding="utf-8")
    records = read(tmp_path)
    errors = errors_of(records)
    assert "Too many levels of symbolic links" in errors["a.txt"] and "b.txt" in errors
    assert "No such file" in errors["gone.txt"]
    assert "already read" in errors["up"]
    assert [r.id for r in records if isinstance(r, Article)] == ["story"]


def test_a_file_name_with_control_characters_is_shown_escaped(tmp_path):
    name = tmp_path / "evil\n\x1b[2Jname.txt"
    name.write_text("")
    [error] = read(name)
    line = str(error)
    assert "\n" not in line and "\x1b" not in line
    assert "evil\\n\\x1b[2Jname.txt: empty" in line


def test_an_id_from_a_file_name_with_control_characters_is_refused(tmp_path):
    name = tmp_path / "a\tb.txt"
    name.write_text("Headline\n\nTalks were held.\n", encoding="utf-8")
    [error] = read(name)
    assert "contains control characters" in error.reason


def without_root(cmd: list[str]) -> list[str]:
    """The command run without root's right to read any file (root ignores permissions)."""
    if os.geteuid() != 0:
        return cmd
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *cmd]


def test_an_unreadable_folder_is_reported(tmp_path):
    locked = tmp_path / "in" / "locked"
    locked.mkdir(parents=True)
    (locked / "x.txt").write_text("Headline\n\nTalks.\n")
    (tmp_path / "in" / "ok.txt").write_text("Headline\n\nTalks.\n")
    locked.chmod(0)
    try:
        out = read_in_a_process(str(tmp_path / "in"), as_user=False)
    finally:
        locked.chmod(0o755)
    assert any(line.endswith("locked: cannot read the folder: Permission denied") for line in out)
    assert "ok" in out


def test_a_reader_is_one_entry_in_the_table(tmp_path, monkeypatch):
    (tmp_path / "notes.md").write_text("A headline\n\nThe minister met the envoy.\n", encoding="utf-8")
    assert read(tmp_path) == []  # not an input format: left out of a folder
    monkeypatch.setitem(READERS, ".md", Reader(read_text))
    [article] = read(tmp_path)
    assert (article.id, article.title) == ("notes", "A headline")
