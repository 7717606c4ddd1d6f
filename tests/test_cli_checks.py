"""The commands refuse what they cannot answer rightly, in one line and with exit 2, and say when a
list is cut; never a traceback (issue 13 item 1)."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from conftest import run_cli

from eventwire.cli import build_parser


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    """A store of short stories: quick to ingest, enough events to cut with --limit."""
    path = tmp_path_factory.mktemp("checks") / "ew.db"
    lines = [
        json.dumps(
            {
                "id": f"s{i}",
                "published": f"2024-03-{i + 1:02d}T10:00:00Z",
                "text": f"Chinese troops attacked Indian soldiers near the border on March {i + 1}, 2024. "
                "Russia accused Ukraine of shelling Donetsk.",
            }
        )
        for i in range(6)
    ]
    proc = run_cli("ingest", "-", "--db", str(path), stdin="\n".join(lines) + "\n")
    assert proc.returncode == 0, proc.stderr
    return path


def events(db: Path, *args: str) -> list[dict]:
    proc = run_cli("events", "--db", str(db), "--format", "json", "--limit", "0", *args)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--type", "ATTACK"], "unknown type 'ATTACK'; one of AGREE, CONSULT"),
        (["--status", "rumoured"], "unknown status 'rumoured'; one of occurred"),
        (["--from", "2025-13-45"], "from '2025-13-45' is no date"),
        (["--from", "March 2025"], "from 'March 2025' is no date"),
        (["--from", "2025-03", "--to", "2025-02"], "from 2025-03 is later than to 2025-02"),
        (["--actor", "Chna"], "no actor named or coded 'Chna'; closest: China (CHN)"),
        (["--format", "xml"], "invalid choice: 'xml'"),
        (["--limit", "-1"], "-1 is outside 0-"),
        (["--colour", "red"], "unrecognized arguments: --colour red"),
    ],
)
def test_a_value_that_cannot_be_answered_is_a_usage_error(db, args, said):
    proc = run_cli("events", "--db", str(db), *args)
    assert proc.returncode == 2
    assert said in proc.stderr
    assert "usage: eventwire events" in proc.stderr  # the subcommand's usage
    assert "Traceback" not in proc.stderr


def test_repeated_values_and_comma_lists_mean_either(db):
    assault, accuse = events(db, "--type", "ASSAULT"), events(db, "--type", "ACCUSE")
    assert assault and accuse
    both = {(e["article_id"], e["event_id"]) for e in assault + accuse}
    assert {(e["article_id"], e["event_id"]) for e in events(db, "--type", "assault,accuse")} == both
    assert {(e["article_id"], e["event_id"]) for e in events(db, "--type", "ASSAULT", "--type", "ACCUSE")} == both


def test_actors_are_found_by_name_or_capital(db):
    by_code = events(db, "--actor", "CHN")
    assert by_code
    assert events(db, "--actor", "China") == by_code
    assert events(db, "--actor", "beijing") == by_code
    assert len(events(db, "--actor", "CHN,RUS")) > len(by_code)


def test_a_list_cut_by_limit_says_so(db):
    total = len(events(db))
    proc = run_cli("events", "--db", str(db), "--limit", "2")
    assert proc.returncode == 0
    assert f"showing 2 of {total}; --limit 0 for all" in proc.stderr
    assert "showing" not in run_cli("events", "--db", str(db), "--limit", "0").stderr


def test_thresholds_and_ports_out_of_range_are_refused(tmp_path):
    proc = run_cli("relink", "--db", str(tmp_path / "x.db"), "--dedup-threshold", "1.5")
    assert proc.returncode == 2 and "1.5 is outside 0-1" in proc.stderr
    proc = run_cli("serve", "--db", str(tmp_path / "x.db"), "--port", "99999")
    assert proc.returncode == 2 and "99999 is outside 1-65535" in proc.stderr


def test_missing_database_is_said_and_not_created(tmp_path):
    for command in ("relink", "events", "quotes", "export"):
        proc = run_cli(command, "--db", str(tmp_path / "none.db"))
        assert proc.returncode == 2, command
        assert "no database at" in proc.stderr and "Traceback" not in proc.stderr
    assert not list(tmp_path.iterdir())


def test_parquet_is_not_written_to_the_terminal(db):
    proc = run_cli("export", "--db", str(db), "--format", "parquet")
    assert proc.returncode == 2 and "give it with --out FILE" in proc.stderr and not proc.stdout


def test_a_port_in_use_is_said_before_serving(db):
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        proc = run_cli("serve", "--db", str(db), "--port", str(port))
    assert proc.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in proc.stderr
    assert "serving" not in proc.stdout


def test_published_that_is_no_date_is_refused(tmp_path):
    story = tmp_path / "s.txt"
    story.write_text("Russia accused Ukraine of shelling Donetsk.")
    proc = run_cli("extract", str(story), "--published", "yesterday")
    assert proc.returncode == 2 and "--published 'yesterday' is no date" in proc.stderr


def test_published_dates_articles_that_carry_no_time(tmp_path):
    story = tmp_path / "s.txt"
    story.write_text("Russia accused Ukraine on Monday of shelling Donetsk.")
    proc = run_cli("extract", str(story), "--published", "2022-03-16")
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert (record["article"]["published"], record["article"]["published_from"]) == ("2022-03-16T00:00:00", "option")
    assert [e["date"] for e in record["events"]] == ["2022-03-14"]


def test_every_option_has_help_with_its_default():
    parser = build_parser()
    commands = next(a for a in parser._actions if a.choices)  # the subparsers action
    for name, sub in commands.choices.items():
        text = sub.format_help()
        for action in sub._actions:
            if action.option_strings and action.dest != "help":
                assert action.help, f"{name} {action.option_strings[0]} has no help"
                if action.default not in (None, False):
                    assert f"default {action.default}" in " ".join(text.split()), (name, action.dest)


def test_a_table_shows_a_date_no_finer_than_the_text_gave_it():
    from eventwire.output import event_rows

    row = {"article_id": "a", "date": "2021-10-01", "date_precision": "month", "type": "CONSULT", "status": "occurred"}
    row.update({role: [] for role in ("source", "target", "attributed_to", "disputed_by")}, sentence="They met.")
    row.update(id="e1")
    assert event_rows([row])[0]["date"] == "2021-10"  # "in October", not its first day
    assert event_rows([{**row, "date_precision": "day"}])[0]["date"] == "2021-10-01"
    assert event_rows([{**row, "date": None}])[0]["date"] is None
