"""Linking: copies of stored articles, one story event per real-world event, stories of articles."""

from __future__ import annotations

import json
import random
import re
import sqlite3
from pathlib import Path

import pytest
from conftest import EXAMPLES, SEED, SEED_ID, run_cli

from eventwire.link import dedup
from eventwire.model import Actor, Analysis, Article, Event, Location
from eventwire.store import queries
from eventwire.store.queries import EventFilter
from eventwire.store.sqlite import Store

VOA = EXAMPLES / "voa_stories.jsonl"
ROME = Location("Rome", "Rome", "ITA", 41.89, 12.48)

# A second report of the seed's Rome meeting, in another outlet's words (written for this test).
SECOND_REPORT = (
    "Top US and Chinese officials met in Rome on Monday for seven hours of talks, as Washington "
    "warned Beijing against helping Moscow. White House national security adviser Jake Sullivan "
    "held the talks with Yang Jiechi, China's top diplomat, at a hotel in the Italian capital. "
    "A US official said the meeting was intense and that Sullivan was direct about the "
    "consequences China would face. Chinese state media said Yang told Sullivan that Beijing "
    "opposed any words or deeds that spread disinformation."
)


def count(conn: sqlite3.Connection, sql: str, *args: object) -> int:
    return conn.execute(f"SELECT count(*) FROM {sql}", args).fetchone()[0]


def actors(*codes: str) -> list[Actor]:
    return [Actor(text=c, name=c, code=c) for c in codes]


def event(
    text: str,
    phrase: str,
    type_: str,
    source: list[str],
    target: list[str],
    date: str | None,
    precision: str = "day",
    location: Location | None = None,
    **extra: object,
) -> Event:
    """An event whose evidence is the sentence of `text` holding `phrase`, with true offsets."""
    at = text.index(phrase)
    stop = text.rfind(". ", 0, at)
    start = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, at) + 1)
    end = min(i for i in (text.find(". ", at) + 1, text.find("\n", at), len(text)) if i > 0)
    return Event(
        id=f"{type_}:{at}",
        type=type_,
        trigger=phrase.split()[0],
        sentence=text[start:end],
        start=start,
        end=end,
        source=actors(*source),
        target=actors(*target),
        date=date,
        date_precision=precision,
        location=location,
        **extra,
    )


def seed_article() -> Article:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    return Article(id=SEED_ID, title=lines[2], text="\n".join(lines[4:]), source="CNN", published="2022-03-13T21:12:38")


def seed_analysis() -> Analysis:
    art = seed_article()
    return Analysis(
        art,
        [
            event(
                art.text,
                "Monday’s meeting between Yang and Sullivan",
                "CONSULT",
                ["USA"],
                ["CHN"],
                "2022-03-14",
                location=ROME,
                status="planned",
            ),
            event(
                art.text,
                "Moscow has asked Beijing",
                "REQUEST",
                ["RUS"],
                ["CHN"],
                "2022-03",
                "month",
                status="reported",
                attributed_to=[Actor("A senior US official", code="USA")],
                disputed_by=[Actor("China", "China", "CHN")],
            ),
        ],
    )


def second_analysis() -> Analysis:
    art = Article(
        id="second-report",
        title="US and China hold tense talks in Rome",
        text=SECOND_REPORT,
        source="Example Wire",
        url="https://example.org/rome-talks",
        published="2022-03-14T19:05:00",
    )
    return Analysis(
        art,
        [
            event(
                SECOND_REPORT,
                "met in Rome on Monday",
                "CONSULT",
                ["USA", "CHN"],
                [],
                "2022-03-14",
                location=ROME,
                status="reported",
                attributed_to=[Actor("Chinese state media", code="CHN", sector="MED")],
            ),
        ],
    )


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "ew.db") as s:
        yield s


# ---------------------------------------------------------------------------- copies


def perturb(record: dict, rng: random.Random, new_id: str) -> dict:
    """Another outlet's copy: two sentences swapped, one moved, five typos, the outlet renamed."""
    sentences = re.split(r"(?<=[.!?”])\s+", record["text"])
    i = rng.randrange(len(sentences) - 1)
    sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
    sentences.insert(rng.randrange(len(sentences)), sentences.pop(rng.randrange(len(sentences))))
    words = " ".join(sentences).split(" ")
    for _ in range(5):
        k = rng.choice([j for j, w in enumerate(words) if len(w) > 4])
        w = words[k]
        words[k] = w[:2] + w[3] + w[2] + w[4:]  # transpose two letters
    text = " ".join(words).replace("VOA", "Global Wire").replace("Voice of America", "Global Wire")
    assert text != record["text"]
    return {
        **record,
        "id": new_id,
        "text": text,
        "source": "Global Wire",
        "url": f"https://globalwire.example/{new_id}",
    }


def test_voa_twice_plus_perturbed_copies_store_no_extra_articles(tmp_path):
    records = [json.loads(line) for line in VOA.read_text(encoding="utf-8").splitlines()]
    rng = random.Random(5)
    originals = rng.sample(records, 10)
    copies = tmp_path / "copies.jsonl"
    copies.write_text(
        "".join(json.dumps(perturb(r, rng, f"copy-{r['id']}")) + "\n" for r in originals), encoding="utf-8"
    )
    db = tmp_path / "ew.db"
    first = run_cli("ingest", str(VOA), "--db", str(db))
    assert first.returncode == 0, first.stderr
    with sqlite3.connect(db) as conn:
        before = {t: count(conn, t) for t in ("articles", "events", "story_events", "story_mentions")}
    second = run_cli("ingest", str(VOA), str(copies), "--db", str(db))
    assert second.returncode == 0, second.stderr
    assert "unchanged 20" in second.stderr
    with sqlite3.connect(db) as conn:
        assert {t: count(conn, t) for t in before} == before  # no article, event or story event added
        linked = dict(conn.execute("SELECT id, duplicate_of FROM duplicates WHERE kind = 'near'"))
        assert linked == {f"copy-{r['id']}": r["id"] for r in originals}
        assert count(conn, "events WHERE article_id LIKE 'copy-%'") == 0
        # every copy is another outlet that told the original's events
        told = conn.execute(
            "SELECT min(s.num_sources) FROM story_events s JOIN story_mentions m "
            "ON m.story_event_id = s.id JOIN duplicates d ON d.duplicate_of = m.article_id"
        ).fetchone()
        assert told[0] is None or told[0] >= 2
    third = run_cli("ingest", str(VOA), str(copies), "--db", str(db))
    assert "unchanged 30" in third.stderr  # copies are recognised before analysis on a rerun


def test_exact_copy_under_another_id_adds_a_source_not_an_event(store):
    original = seed_analysis()
    copy = Analysis(
        Article(id="syndicated", text=original.article.text, source="Other Outlet"),
        [event(original.article.text, "Moscow has asked Beijing", "REQUEST", ["RUS"], ["CHN"], None)],
    )
    store.write([original])
    assert store.write([original]).unchanged == 1  # an article is no copy of itself
    result = store.write([copy])
    assert (result.stored, result.duplicates) == (0, 1)
    conn = store.conn
    assert tuple(
        conn.execute("SELECT duplicate_of, kind, similarity FROM duplicates WHERE id = 'syndicated'").fetchone()
    ) == (SEED_ID, "exact", 1.0)
    assert count(conn, "articles") == 1 and count(conn, "events") == 2
    consult = conn.execute(
        "SELECT num_mentions, num_articles, num_sources FROM story_events WHERE type = 'CONSULT'"
    ).fetchone()
    assert tuple(consult) == (1, 1, 2)
    assert queries.duplicates_of(conn, SEED_ID)[0]["id"] == "syndicated"
    assert queries.duplicate(conn, "syndicated")["duplicate_of"] == SEED_ID


def test_dedup_threshold_is_a_parameter(tmp_path):
    text = VOA.read_text(encoding="utf-8").splitlines()[0]
    record = json.loads(text)
    words = record["text"].split(" ")
    edited = " ".join(w + "x" if i % 15 == 0 else w for i, w in enumerate(words))  # every 15th word
    similarity = dedup.signature(record["text"]).jaccard(dedup.signature(edited))
    assert 0.5 < similarity < 0.8
    for threshold, is_copy in ((similarity - 0.1, True), (min(similarity + 0.1, 1.0), False)):
        with Store(tmp_path / f"{threshold}.db", dedup_threshold=threshold) as s:
            s.write([Analysis(Article(id="a", text=record["text"]))])
            assert s.write([Analysis(Article(id="b", text=edited))]).duplicates == is_copy
    with pytest.raises(ValueError):
        Store(tmp_path / "bad.db", dedup_threshold=1.5)


def edited(text: str, every: int, offset: int) -> str:
    return " ".join(w + "x" if i % every == offset else w for i, w in enumerate(text.split(" ")))


def test_a_reopened_store_finds_copies_and_copies_of_copies(tmp_path):
    original = json.loads(VOA.read_text(encoding="utf-8").splitlines()[3])["text"]
    copy = edited(original, 36, 0)
    copy_of_copy = edited(copy, 36, 18)  # edited twice over: too far from the original alone
    assert dedup.signature(original).jaccard(dedup.signature(copy_of_copy)) < dedup.DEFAULT_DUPLICATE
    with Store(tmp_path / "ew.db") as s:
        s.write([Analysis(Article(id="a", text=original))])
        assert s.write([Analysis(Article(id="b", text=copy))]).duplicates == 1
    with Store(tmp_path / "ew.db") as s:  # the index comes back from the stored signatures
        assert s.write([Analysis(Article(id="c", text=copy_of_copy))]).duplicates == 1
        assert dict(s.conn.execute("SELECT id, duplicate_of FROM duplicates")) == {"b": "a", "c": "a"}
        s.write([Analysis(Article(id="a", text="The original, withdrawn."))])  # its copies go with it
        assert s.write([Analysis(Article(id="d", text=copy_of_copy))]).duplicates == 0


# ---------------------------------------------------------------------- story events


def test_seed_and_a_second_report_of_the_rome_meeting_make_one_consult(store):
    seed, second = seed_analysis(), second_analysis()
    store.write([seed])
    store.write([second])
    [consult] = queries.story_events(store.conn, EventFilter(type="CONSULT"))
    assert (consult["num_mentions"], consult["num_articles"], consult["num_sources"]) == (2, 2, 2)
    assert consult["dyad"] == "CHN+USA" and consult["date"] == "2022-03-14" and consult["location_name"] == "Rome"
    assert (consult["first_seen"], consult["last_seen"]) == ("2022-03-13T21:12:38", "2022-03-14T19:05:00")
    assert consult["statuses"] == {"planned": 1, "reported": 1}
    assert [a["text"] for a in consult["attributed_to"]] == ["Chinese state media"]
    assert sorted(consult["outlets"]) == ["cnn", "example wire"]
    assert queries.story_event(store.conn, consult["id"]) == consult
    texts = {SEED_ID: seed.article.text, "second-report": SECOND_REPORT}
    assert [m["article_id"] for m in consult["mentions"]] == [SEED_ID, "second-report"]
    for m in consult["mentions"]:
        assert texts[m["article_id"]][m["start"] : m["end"]] == m["sentence"]
    # the two articles tell the same news: one story
    [story] = queries.stories(store.conn)
    assert [a["id"] for a in story["articles"]] == [SEED_ID, "second-report"]
    assert [e["type"] for e in story["story_events"]] == ["CONSULT"]


def test_the_pipeline_links_the_seed_and_a_second_report_through_the_cli(tmp_path):
    second = tmp_path / "second.jsonl"
    second.write_text(
        json.dumps(
            {"id": "second-report", "text": SECOND_REPORT, "source": "Example Wire", "published": "2022-03-14T19:05:00"}
        )
        + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "ew.db"
    proc = run_cli("ingest", str(SEED), str(second), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT date, num_mentions, num_articles, num_sources FROM story_events "
            "WHERE type = 'CONSULT' AND dyad = 'CHN+USA' ORDER BY date"
        ).fetchall()
    assert ("2022-03-14", 2, 2, 2) in rows  # the Rome meeting, told by CNN and Example Wire
    assert all(r[2] == 1 for r in rows if r[0] != "2022-03-14")  # the Zurich meeting in October stays apart


def test_different_meetings_stay_apart_and_coarse_dates_agree_with_fine_ones(store):
    a, b = "US and Chinese officials met in Rome.", "They met again on Tuesday. Envoys also met in Oslo."
    c = "The two powers talked in March."
    store.write(
        [
            Analysis(
                Article(id="a", text=a, source="A"),
                [event(a, "officials met", "CONSULT", ["USA"], ["CHN"], "2022-03-14", location=ROME)],
            )
        ]
    )
    store.write(
        [
            Analysis(
                Article(id="b", text=b, source="B"),
                [
                    event(b, "They met again", "CONSULT", ["CHN"], ["USA"], "2022-03-15"),  # next day
                    event(
                        b,
                        "Envoys also met",
                        "CONSULT",
                        ["USA", "CHN"],
                        [],
                        "2022-03-14",
                        location=Location("Oslo", "Oslo", "NOR", 59.91, 10.75),
                    ),  # elsewhere
                ],
            )
        ]
    )
    store.write(
        [
            Analysis(
                Article(id="c", text=c, source="C"),
                [event(c, "talked in March", "CONSULT", ["USA"], ["CHN"], "2022-03-01", "month")],
            )
        ]
    )
    rows = store.conn.execute(
        "SELECT date, date_precision, location_name, num_mentions FROM story_events ORDER BY date, location_name"
    ).fetchall()
    # the month-precise report joins the first matching meeting, and it narrows nothing
    assert [tuple(r) for r in rows] == [
        ("2022-03-14", "day", "Oslo", 1),
        ("2022-03-14", "day", "Rome", 2),
        ("2022-03-15", "day", None, 1),
    ]


def test_events_without_a_coded_actor_or_a_date_are_never_merged(store):
    for article_id in ("a", "b"):
        text = f"Protesters marched in the report of {article_id}."
        store.write(
            [
                Analysis(
                    Article(id=article_id, text=text, source=article_id),
                    [
                        event(text, "Protesters", "PROTEST", [], [], "2022-03-14"),
                        event(text, "marched", "PROTEST", ["FRA"], [], None),
                    ],
                )
            ]
        )
    assert count(store.conn, "story_events") == 4
    assert count(store.conn, "story_events WHERE num_mentions > 1") == 0


def third_analysis() -> Analysis:
    text = "Jake Sullivan and Yang Jiechi talked in Rome on Monday, officials said."
    return Analysis(
        Article(id="third", text=text, source="Third Outlet", published="2022-03-15T08:00:00"),
        [
            event(
                text,
                "talked in Rome",
                "CONSULT",
                ["USA"],
                ["CHN"],
                "2022-03-14",
                location=ROME,
                attributed_to=[Actor("officials")],
            )
        ],
    )


def test_replacing_an_article_recomputes_its_story_events_as_if_it_never_was(tmp_path):
    columns = (
        "type, dyad, date, location_name, num_mentions, num_articles, num_sources, first_seen, last_seen, "
        "first_article_id, statuses, attributed_to, disputed_by"
    )

    def story_rows(s: Store) -> list[tuple]:
        return [tuple(r) for r in s.conn.execute(f"SELECT {columns} FROM story_events ORDER BY type, date")]

    with Store(tmp_path / "never.db") as never:
        never.write([seed_analysis(), third_analysis()])
        expected = story_rows(never)
    with Store(tmp_path / "ew.db") as s:
        s.write([seed_analysis(), second_analysis(), third_analysis()])
        assert s.conn.execute("SELECT num_sources FROM story_events WHERE type = 'CONSULT'").fetchone()[0] == 3
        s.write([Analysis(Article(id="second-report", text="Corrected: the talks were postponed."))])
        assert story_rows(s) == expected
        assert count(s.conn, "story_sources") == 3  # CNN twice (CONSULT, REQUEST), Third Outlet once
        s.write([Analysis(Article(id=SEED_ID, text="Withdrawn.")), Analysis(Article(id="third", text="Gone."))])
        assert count(s.conn, "story_events") == 0  # no mention left, no story event


def test_relink_rebuilds_what_ingest_linked(store):
    store.write([seed_analysis(), second_analysis()])
    store.write([Analysis(Article(id="copy", text=SECOND_REPORT + " Updated.", source="Third"))])

    def snapshot() -> list[tuple]:
        return [
            tuple(r)
            for r in store.conn.execute(
                "SELECT s.type, s.dyad, s.date, s.num_mentions, s.num_sources, s.attributed_to, "
                "l.story_id, m.article_id "
                "FROM story_events s JOIN story_mentions m ON m.story_event_id = s.id "
                "JOIN article_links l ON l.article_id = m.article_id ORDER BY m.article_id, m.event_id"
            )
        ]

    linked = snapshot()
    counts = store.relink()
    assert snapshot() == linked
    assert counts == {
        "articles": 2,
        "duplicates": 1,
        "story_events": 2,
        "story_mentions": 3,
        "stories": 1,
        "actor ids changed": 0,
    }


# ------------------------------------------------------------------------- queries


def test_timeline_and_actor_network_count_each_real_event_once(store):
    store.write([seed_analysis(), second_analysis()])
    assert queries.timeline(store.conn, EventFilter()) == [
        {"date": "2022-03-13", "date_precision": "day", "events": 1, "mentions": 1, "story_dated": 1},  # undated
        {"date": "2022-03-14", "date_precision": "day", "events": 1, "mentions": 2, "story_dated": 0},
    ]
    assert queries.timeline(store.conn, EventFilter(actor="rus")) == [  # undated: at its article's date
        {"date": "2022-03-13", "date_precision": "day", "events": 1, "mentions": 1, "story_dated": 1}
    ]
    network = queries.actor_network(store.conn, EventFilter())
    assert {(r["source"], r["target"], r["type"], r["events"], r["mentions"]) for r in network} == {
        ("CHN", "USA", "CONSULT", 1, 2),
        ("RUS", "CHN", "REQUEST", 1, 1),
    }
    counts = {r["code"]: r for r in queries.actor_counts(store.conn, EventFilter(type="REQUEST"))}
    assert (counts["RUS"]["as_source"], counts["CHN"]["as_target"], set(counts)) == (1, 1, {"RUS", "CHN"})
    assert [r["type"] for r in queries.story_events(store.conn, EventFilter(actor="RUS"))] == ["REQUEST"]
    assert queries.story_events(store.conn, EventFilter(), min_articles=2)[0]["type"] == "CONSULT"
    assert queries.count_story_events(store.conn, EventFilter(status="reported")) == 2


def test_story_filters_read_every_event_filter_on_one_mention(store):
    """The web's filters (those of `eventwire events`) all narrow story events: claims too, and the
    conditions on a mention hold for the same mention (the CONSULT is planned in one article and
    reported in the other: a claim, and planned, but neither a planned claim nor planned in the
    other's words)."""
    store.write([seed_analysis(), second_analysis()])

    def types(**kw):
        return sorted(s["type"] for s in queries.story_events(store.conn, EventFilter(**kw)))

    assert types(claims_only=True) == ["CONSULT", "REQUEST"]
    assert types(status="planned") == ["CONSULT"]
    assert types(status="planned", claims_only=True) == []
    assert types(text="seven hours") == ["CONSULT"]  # the reported mention's sentence
    assert types(text="seven hours", status="planned") == []
    assert types(article=SEED_ID, actor="RUS") == ["REQUEST"]
    assert [r["code"] for r in queries.actor_counts(store.conn, EventFilter(status="planned"))] == ["CHN", "USA"]
    assert queries.actor_counts(store.conn, EventFilter(limit=1, offset=1))[0]["code"] == "RUS"
    assert len(queries.actor_counts(store.conn, EventFilter(limit=-1))) == 3  # no limit, as the web's cache asks


def test_flat_event_view_has_one_row_per_event_with_its_story(store):
    store.write([seed_analysis(), second_analysis()])
    rows = [dict(r) for r in store.conn.execute("SELECT * FROM events_flat ORDER BY article_id, start")]
    assert len(rows) == count(store.conn, "events") == 3
    request = next(r for r in rows if r["type"] == "REQUEST")
    assert (
        request["source_codes"],
        request["target_codes"],
        request["attributed_to_names"],
        request["disputed_by_names"],
    ) == ('["RUS"]', '["CHN"]', '["A senior US official"]', '["China"]')
    consults = [r for r in rows if r["type"] == "CONSULT"]
    assert {r["story_event_id"] for r in consults} != {None} and len({r["story_event_id"] for r in consults}) == 1
    assert {(r["article_outlet"], r["story_sources"], r["location_name"]) for r in consults} == {
        ("CNN", 2, "Rome"),
        ("Example Wire", 2, "Rome"),
    }
