"""Named bodies as themselves (docs/contract.md): NATO, the EU and the UN are three actors in the network,
the actor tables, the filters and the Gephi files, each with its name, while their `code` stays IGO."""

from __future__ import annotations

import json
import re
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import run_cli
from fastapi.testclient import TestClient

from eventwire.link.linker import Linker
from eventwire.model import Actor, Analysis, Article, Event
from eventwire.store import filters
from eventwire.store.bodies import actor_id, body_id, body_names
from eventwire.store.database import StoreError, connect
from eventwire.store.sqlite import Store
from eventwire.web.app import create_app

RUSSIA = Actor("Russia", "Russia", "RUS")


def _event(n: int, kind: str, source: list[Actor], target: list[Actor]) -> Event:
    sentence = f"Sentence {n}."
    return Event(
        f"e{n}", kind, "accused", sentence, 0, len(sentence), source, target, date="2022-03-14", date_precision="day"
    )


def bodies_analysis() -> Analysis:
    """On one day NATO (through its head), the EU and the UN each accuse Russia; Amnesty accuses it too."""
    stoltenberg = Actor("NATO chief Jens Stoltenberg", "Jens Stoltenberg", "IGO", "GOV", "NATO Secretary General")
    return Analysis(
        Article("bodies-1", "Sentence 1.", title="Bodies", published="2022-03-14T10:00:00Z"),
        [
            _event(1, "ACCUSE", [stoltenberg], [RUSSIA]),
            _event(2, "ACCUSE", [Actor("the EU", "The European Union", "IGO", "IGO")], [RUSSIA]),
            _event(3, "ACCUSE", [Actor("the U.N.", "United Nations", "IGO", "IGO")], [RUSSIA]),
            _event(4, "ACCUSE", [Actor("Amnesty", "Amnesty International", "NGO", "NGO")], [RUSSIA]),
            _event(5, "CONSULT", [Actor("NATO", "NATO", "IGO", "IGO"), Actor("Ukraine", "Ukraine", "UKR")], []),
        ],
    )


@pytest.fixture(scope="module")
def bodies_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("bodies") / "bodies.db"
    with Store(path) as store:
        store.write([bodies_analysis()])
    return path


@pytest.fixture(scope="module")
def client(bodies_db) -> TestClient:
    return TestClient(create_app(str(bodies_db)))


def cli_json(db: Path, *args: str) -> list[dict]:
    proc = run_cli(*args, "--db", str(db), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_a_body_is_known_by_its_name_an_alias_or_the_title_of_who_speaks_for_it():
    assert actor_id("IGO", "United Nations") == actor_id("IGO", "the U.N.") == "IGO:united-nations"
    assert actor_id("IGO", "Jens Stoltenberg", "NATO Secretary General") == "IGO:nato"
    assert actor_id("IGO", "Antonio Guterres") == "IGO:united-nations"  # his title in people.tsv names the UN
    assert actor_id("IGO", "Arctic Widget Council") == "IGO"  # a body the tables lack: its code alone
    assert actor_id("RUS", "Moscow") == "RUS" and actor_id(None, "someone") is None
    assert actor_id("IGO", "OPEC+") != actor_id("IGO", "OPEC")
    assert body_id("NATO") == body_id("igo:nato") == "IGO:nato" and body_id("IGO") is None
    assert len(set(body_names())) == len(body_names())  # one id per body


def test_bodies_are_actors_of_their_own_with_names_in_the_actor_table(bodies_db):
    rows = {r["id"]: r for r in cli_json(bodies_db, "actors")}
    assert {"IGO:nato", "IGO:european-union", "IGO:united-nations", "NGO:amnesty-international"} <= set(rows)
    assert "IGO" not in rows
    assert (rows["IGO:nato"]["code"], rows["IGO:nato"]["name"], rows["IGO:nato"]["events"]) == ("IGO", "NATO", 2)
    assert rows["RUS"]["events"] == 4  # four accusations by four bodies, not one story event of "IGO"
    network = cli_json(bodies_db, "actors", "--network")
    assert {(e["source"], e["source_name"], e["target"]) for e in network if e["type"] == "ACCUSE"} == {
        ("IGO:nato", "NATO", "RUS"),
        ("IGO:european-union", "European Union", "RUS"),
        ("IGO:united-nations", "United Nations", "RUS"),
        ("NGO:amnesty-international", "Amnesty International", "RUS"),
    }
    table = run_cli("actors", "--db", str(bodies_db)).stdout
    assert "IGO:nato" in table and "European Union" in table
    events = run_cli("events", "--db", str(bodies_db), "--actor", "NATO").stdout
    assert "IGO NATO" in events  # Stoltenberg speaks for NATO: the table names the body beside its code


@pytest.mark.parametrize(
    "value, found",
    [
        ("NATO", {"e1", "e5"}),
        ("United Nations", {"e3"}),
        ("UN", {"e3"}),
        ("IGO:european-union", {"e2"}),
        ("IGO", {"e1", "e2", "e3", "e5"}),  # every intergovernmental body
        ("NGO", {"e4"}),
        ("NATO,Amnesty International", {"e1", "e4", "e5"}),
    ],
)
def test_the_actor_filter_finds_a_body_by_name_or_every_body_by_its_code(bodies_db, client, value, found):
    assert {r["event_id"] for r in cli_json(bodies_db, "events", "--actor", value)} == found
    assert {e["id"] for e in client.get("/api/events", params={"actor": value}).json()["items"]} == found


def test_api_web_and_gephi_files_show_bodies_with_their_names(client):
    actors = client.get("/api/actors").json()
    nato = next(a for a in actors["actors"] if a["id"] == "IGO:nato")
    assert (nato["code"], nato["name"]) == ("IGO", "NATO")
    page = client.get("/actors").text
    assert 'href="/events?actor=IGO%3Anato"' in page and "European Union" in page and "Amnesty International" in page
    events = client.get("/events").text  # the actor facet and each event's actor link name the body
    assert "actor=IGO%3Aunited-nations" in events and "United Nations" in events
    assert 'Jens Stoltenberg <span class="muted">(NATO)</span>' in events  # who speaks for the body, and which
    stories = client.get("/api/stories", params={"actor": "NATO", "type": "ACCUSE"}).json()["items"]
    assert [(s["source_codes"], s["source_ids"], s["target_ids"]) for s in stories] == [("IGO", "IGO:nato", "RUS")]
    assert 'href="/stories?actor=IGO%3Aeuropean-union" title="European Union">IGO</a>' in client.get("/stories").text
    graph = ET.fromstring(client.get("/actors.gexf").content)
    nodes = {n.get("id"): n.get("label") for n in graph.iter() if n.tag.endswith("}node")}
    assert nodes["IGO:nato"] == "IGO NATO" and nodes["RUS"] == "RUS Russia"


def older_store(path: Path) -> Path:
    """A store as an eventwire before actor ids left it: no actor_id column, one lumped IGO."""
    with Store(path) as store:
        store.write([bodies_analysis()])
    conn = sqlite3.connect(path)
    conn.execute("DROP INDEX event_actors_id")
    conn.execute("DROP VIEW events_flat")  # its view had no actor ids either (the store remakes it)
    conn.execute("ALTER TABLE event_actors DROP COLUMN actor_id")
    conn.execute("UPDATE story_events SET dyad = 'IGO>RUS' WHERE dyad LIKE 'IGO:%>RUS'")
    conn.commit()
    conn.close()
    return path


def accuse_dyads(path: Path) -> set[str]:
    conn = connect(path, readonly=True)
    dyads = {r[0] for r in conn.execute("SELECT dyad FROM story_events WHERE type = 'ACCUSE'")}
    conn.close()
    return dyads


BODY_DYADS = {"IGO:nato>RUS", "IGO:european-union>RUS", "IGO:united-nations>RUS", "NGO:amnesty-international>RUS"}


def test_an_older_store_gets_actor_ids_and_its_story_events_keyed_by_them(tmp_path):
    path = older_store(tmp_path / "old.db")
    with pytest.raises(StoreError, match="older eventwire: run `eventwire relink"):
        connect(path, readonly=True)
    Store(path).close()  # what ingest and relink open it with
    assert accuse_dyads(path) == BODY_DYADS
    with sqlite3.connect(path) as conn:  # the flat view gives the ids as well
        ids = {
            s
            for (row,) in conn.execute("SELECT source_ids FROM events_flat WHERE type = 'ACCUSE'")
            for s in json.loads(row)
        }
    assert ids == {"IGO:nato", "IGO:european-union", "IGO:united-nations", "NGO:amnesty-international"}


@pytest.mark.parametrize(
    "older_view",
    ["CREATE VIEW events_flat AS SELECT article_id, id AS event_id, type FROM events", None],  # None: no view
)
def test_a_store_whose_flat_view_is_older_is_read_only_after_relink(tmp_path, older_view):
    path = tmp_path / "old.db"
    with Store(path) as store:
        store.write([bodies_analysis()])
    with sqlite3.connect(path) as conn:  # the view as an eventwire before actor ids in the flat rows made it
        conn.execute("DROP VIEW events_flat")
        if older_view:
            conn.execute(older_view)
    proc = run_cli("export", "--db", str(path), "--table", "events", "--format", "csv")
    assert proc.returncode == 2 and "run `eventwire relink" in proc.stderr and "Traceback" not in proc.stderr
    assert run_cli("relink", "--db", str(path)).returncode == 0
    proc = run_cli("export", "--db", str(path), "--table", "events", "--format", "csv")
    assert proc.returncode == 0 and "source_ids" in proc.stdout.splitlines()[0]


def test_a_migration_cut_short_is_done_again_on_the_next_open(tmp_path, monkeypatch):
    path = older_store(tmp_path / "old.db")
    with monkeypatch.context() as m:  # killed while relinking: the new column must not be kept without its ids
        m.setattr(Linker, "relink", lambda self, conn: (_ for _ in ()).throw(KeyboardInterrupt))
        with pytest.raises(KeyboardInterrupt):
            Store(path)
    with pytest.raises(StoreError, match="older eventwire"):
        connect(path, readonly=True)
    Store(path).close()
    assert accuse_dyads(path) == BODY_DYADS


@pytest.mark.parametrize(
    ("value", "offered"),
    [("IGO:unted-nations", "United Nations (IGO:united-nations)"), ("IGO:nat", "NATO (IGO:nato)")],
)
def test_a_misspelt_body_id_is_refused_with_the_ids_it_may_mean(value, offered):
    with pytest.raises(filters.FilterError, match=re.escape(offered)):
        filters.event_filter(actor=value)


def test_an_error_quotes_a_long_value_cut_short():  # `--actor` has no length limit (the API's is 200)
    with pytest.raises(filters.FilterError) as refused:
        filters.event_filter(actor="x" * 5000, type="y" * 5000)
    assert "no actor named or coded 'xxx" in str(refused.value) and len(str(refused.value)) < 400


def test_the_stories_table_names_each_body_by_its_id(bodies_db):
    proc = run_cli("stories", "--db", str(bodies_db), "--min-articles", "1", "--type", "ACCUSE")
    assert proc.returncode == 0, proc.stderr
    sources = {line.split()[3] for line in proc.stdout.splitlines()[2:]}
    assert "IGO:nato" in sources and "IGO" not in sources  # not three bare IGOs


def test_relink_of_an_older_store_relinks_it_once_and_says_how_many_ids_it_set(tmp_path):
    proc = run_cli("relink", "--db", str(older_store(tmp_path / "old.db")))
    assert proc.returncode == 0, proc.stderr
    assert "actor ids changed 10" in proc.stderr  # every coded actor: 5 bodies, Russia 4 times, Ukraine
    assert accuse_dyads(tmp_path / "old.db") == BODY_DYADS


def test_a_migration_the_database_refuses_is_one_line_and_changes_nothing(tmp_path):
    path = older_store(tmp_path / "old.db")
    conn = sqlite3.connect(path)  # a write the database refuses, as a full disk or a failing file would
    conn.execute("CREATE TRIGGER refuse BEFORE UPDATE ON event_actors BEGIN SELECT RAISE(ABORT, 'refused'); END")
    conn.commit()
    conn.close()
    proc = run_cli("relink", "--db", str(path))
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines() == [f"eventwire: {path}: refused"]
    with pytest.raises(StoreError, match="older eventwire"):  # the column was not kept without its ids
        connect(path, readonly=True)


def test_a_person_the_tables_tie_to_a_body_is_no_filter_on_that_body():
    with pytest.raises(filters.FilterError, match="no actor named or coded 'Jens Stoltenberg'"):
        filters.event_filter(actor="Jens Stoltenberg")  # else every NATO event, his or not
    assert actor_id("IGO", "Jens Stoltenberg") == "IGO:nato"  # his own events still count as NATO's
