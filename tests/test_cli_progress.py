"""Ingest's progress bar has a total when the input can be counted cheaply (issue 13 item 6)."""

from __future__ import annotations

import gzip

from eventwire.readers.count import records_in


def test_files_and_lines_of_plain_json_lines_are_counted(tmp_path):
    (tmp_path / "news").mkdir()
    for name in ("a.txt", "b.html", "notes.pdf"):
        (tmp_path / "news" / name).write_text("Russia accused Ukraine.")
    (tmp_path / "news" / "wire.jsonl").write_text('{"id": "1", "text": "x"}\n{"id": "2", "text": "y"}\n{"id": "3"}')
    assert records_in([str(tmp_path / "news")]) == 2 + 3  # the pdf is no record
    assert records_in([str(tmp_path / "news" / "a.txt"), str(tmp_path / "news" / "wire.jsonl")]) == 4


def test_what_cannot_be_counted_without_reading_it_has_no_total(tmp_path):
    packed = tmp_path / "wire.jsonl.gz"
    with gzip.open(packed, "wt") as fh:
        fh.write('{"id": "1", "text": "x"}\n')
    assert records_in([str(packed)]) is None
    assert records_in(["-"]) is None
    assert records_in([str(tmp_path / "a.txt.gz")]) == 1  # one article, gzipped or not
