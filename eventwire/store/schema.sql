-- eventwire store: one SQLite file. Every fact keeps its evidence (article id, sentence offsets).
PRAGMA foreign_keys = ON;

CREATE TABLE IF NOT EXISTS articles (
    id              TEXT PRIMARY KEY,
    title           TEXT,
    source          TEXT,
    url             TEXT,
    published       TEXT,              -- ISO 8601
    published_from  TEXT,              -- asset-stamp | field | html-meta | option
    authors         TEXT NOT NULL DEFAULT '[]',   -- JSON list
    slug_keywords   TEXT NOT NULL DEFAULT '[]',   -- JSON list
    language        TEXT,
    section         TEXT,
    keywords        TEXT NOT NULL DEFAULT '[]',   -- JSON list
    extra           TEXT NOT NULL DEFAULT '{}',   -- JSON object: unknown input fields
    text            TEXT NOT NULL,
    text_hash       TEXT NOT NULL,     -- sha256 of text: same id and hash on re-ingest = unchanged
    origin          TEXT,              -- file (and line) it was read from
    ingested_at     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_text_hash ON articles(text_hash);

-- content="articles" in double quotes: Datasette detects the table as the articles' search index
-- only so (sqlite.py rebuilds an older declaration when a store is opened for writing).
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, text, content="articles", content_rowid="rowid");
CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

CREATE TABLE IF NOT EXISTS entities (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    label       TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    name        TEXT,
    code        TEXT,
    sector      TEXT,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX IF NOT EXISTS entities_code ON entities(code);

CREATE TABLE IF NOT EXISTS events (
    article_id      TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id              TEXT NOT NULL,
    type            TEXT NOT NULL,
    mode            TEXT,
    context         TEXT NOT NULL DEFAULT '[]',   -- JSON list
    date            TEXT,
    date_precision  TEXT,
    date_text       TEXT,
    location_text   TEXT,
    location_name   TEXT,
    location_code   TEXT,
    lat             REAL,
    lon             REAL,
    status          TEXT NOT NULL,
    trigger         TEXT NOT NULL,
    sentence        TEXT NOT NULL,
    start           INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    trigger_start   INTEGER,
    trigger_end     INTEGER,
    confidence      REAL,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX IF NOT EXISTS events_type_date ON events(type, date);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_status ON events(status);  -- counts and filters by status

-- The actors of an event, one row each: its source and target sides, who reports it, who disputes it.
CREATE TABLE IF NOT EXISTS event_actors (
    article_id  TEXT NOT NULL,
    event_id    TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('source', 'target', 'attributed_to', 'disputed_by')),
    seq         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    name        TEXT,
    code        TEXT,
    sector      TEXT,
    title       TEXT,
    aliases     TEXT NOT NULL DEFAULT '[]',   -- JSON list: the other ways the article names the actor
    actor_id    TEXT,              -- stable id: the code, or CODE:slug for a named body (IGO:nato; store/bodies.py)
    PRIMARY KEY (article_id, event_id, role, seq),
    FOREIGN KEY (article_id, event_id) REFERENCES events(article_id, id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS event_actors_code ON event_actors(code, role);
-- event_actors_id, on (actor_id, role), is made by the store once an older store has the column (sqlite.py).
CREATE INDEX IF NOT EXISTS event_actors_role ON event_actors(role, article_id, event_id);  -- who disputes what

CREATE TABLE IF NOT EXISTS quotes (
    article_id      TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id              TEXT NOT NULL,
    kind            TEXT NOT NULL,
    text            TEXT NOT NULL,
    cue             TEXT,
    start           INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    speaker_text    TEXT,
    speaker_name    TEXT,
    speaker_code    TEXT,
    speaker_sector  TEXT,
    speaker_title   TEXT,
    speaker_aliases TEXT NOT NULL DEFAULT '[]',   -- JSON list
    PRIMARY KEY (article_id, id)
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_name);

-- ---------------------------------------------------------------- linking (eventwire/link/)

-- Each stored article's MinHash signature over word 3-grams (NUM_PERM little-endian uint32),
-- so the in-memory LSH index is rebuilt when a store is opened for writing.
CREATE TABLE IF NOT EXISTS article_signatures (
    article_id  TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    signature   BLOB NOT NULL
);

-- Copies of stored articles: the same text under another id (exact) or nearly the same text
-- (near: similarity is the estimated Jaccard similarity of word 3-grams to the closest known
-- version, the original or one of its near copies). A copy is not an article: it keeps its
-- record, not its text, and adds no events; its outlet counts among the sources of the
-- original's story events. Dropped with the original (a rerun re-reads it).
CREATE TABLE IF NOT EXISTS duplicates (
    id              TEXT PRIMARY KEY,
    duplicate_of    TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('exact', 'near')),
    similarity      REAL NOT NULL,
    title           TEXT,
    source          TEXT,
    url             TEXT,
    published       TEXT,
    outlet          TEXT,              -- normalised outlet: source, else the URL's host
    origin          TEXT,
    text_hash       TEXT NOT NULL,
    signature       BLOB,              -- of a near copy: a copy of this copy still finds the original
    ingested_at     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS duplicates_of ON duplicates(duplicate_of);

-- One real-world event told by one or more articles: events of the same type and dyad with
-- overlapping date spans and agreeing places. Every event belongs to exactly one.
CREATE TABLE IF NOT EXISTS story_events (
    id                INTEGER PRIMARY KEY,
    type              TEXT NOT NULL,
    dyad              TEXT,            -- actor ids: "USA>CHN" directed, "CHN+IGO:nato" mutual; null: no coded actor
                                       -- (events merge only when they have a dyad and a date)
    source_codes      TEXT,            -- ";"-joined, from the first article's mention
    source_names      TEXT,
    target_codes      TEXT,
    target_names      TEXT,
    source_ids        TEXT,            -- ";"-joined actor ids (IGO:nato), from the same mention
    target_ids        TEXT,
    date              TEXT,            -- first day of the span all mentions agree on
    date_precision    TEXT,
    date_start        TEXT,            -- that span (the intersection of the mentions' spans)
    date_end          TEXT,
    location_name     TEXT,
    location_code     TEXT,
    lat               REAL,
    lon               REAL,
    num_mentions      INTEGER NOT NULL DEFAULT 0,   -- events merged here
    num_articles      INTEGER NOT NULL DEFAULT 0,   -- distinct stored articles
    num_sources       INTEGER NOT NULL DEFAULT 0,   -- distinct outlets, copies included
    first_seen        TEXT,            -- earliest publication (else ingestion) time, copies included
    last_seen         TEXT,
    first_article_id  TEXT,            -- the article that first told it (first stored): names its actors
    statuses          TEXT NOT NULL DEFAULT '{}',   -- JSON {status: mentions}
    attributed_to     TEXT NOT NULL DEFAULT '[]',   -- JSON list of actors, union over mentions
    disputed_by       TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS story_events_key ON story_events(type, dyad, date_precision, date_start);
CREATE INDEX IF NOT EXISTS story_events_date ON story_events(date);

CREATE TABLE IF NOT EXISTS story_mentions (
    story_event_id  INTEGER NOT NULL REFERENCES story_events(id) ON DELETE CASCADE,
    article_id      TEXT NOT NULL,
    event_id        TEXT NOT NULL,
    PRIMARY KEY (article_id, event_id),
    FOREIGN KEY (article_id, event_id) REFERENCES events(article_id, id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS story_mentions_story_article ON story_mentions(story_event_id, article_id);

-- The outlets that told a story event (through an article or a copy of one), each once.
CREATE TABLE IF NOT EXISTS story_sources (
    story_event_id  INTEGER NOT NULL REFERENCES story_events(id) ON DELETE CASCADE,
    source          TEXT NOT NULL,     -- normalised outlet, or "article:ID" when unknown
    PRIMARY KEY (story_event_id, source)
) WITHOUT ROWID;

-- Per stored article: its normalised outlet and its story (group of articles telling the
-- same news: sharing story events, or much of their text).
CREATE TABLE IF NOT EXISTS article_links (
    article_id  TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    outlet      TEXT,
    story_id    INTEGER
);
CREATE INDEX IF NOT EXISTS article_links_story ON article_links(story_id);

-- One row per extracted event, flat, in the spirit of GDELT's event table: the columns of
-- model.FLAT_EVENT_COLUMNS in their order (a test checks it), actor codes and names as JSON lists, an
-- undated event's story date (its article's publication day), the story event it belongs to and
-- how widely that was told.
DROP VIEW IF EXISTS events_flat;
CREATE VIEW events_flat AS
SELECT e.article_id, e.id AS event_id, e.type, e.trigger, e.sentence, e.start, e."end",
       (SELECT json_group_array(code) FROM (SELECT x.code FROM event_actors x WHERE x.article_id = e.article_id AND x.event_id = e.id AND x.role = 'source'
           AND x.code IS NOT NULL ORDER BY x.seq)) AS source_codes,
       (SELECT json_group_array(name) FROM (SELECT coalesce(x.name, x.text) AS name FROM event_actors x WHERE x.article_id = e.article_id AND x.event_id = e.id AND x.role = 'source'
           ORDER BY x.seq)) AS source_names,
       (SELECT json_group_array(actor_id) FROM (SELECT x.actor_id FROM event_actors x WHERE x.article_id = e.article_id AND x.event_id = e.id AND x.role = 'source'
           AND x.actor_id IS NOT NULL ORDER BY x.seq)) AS source_ids,
       (SELECT json_group_array(code) FROM (SELECT x.code FROM event_actors x WHERE x.article_id = e.article_id AND x.event_id = e.id AND x.role = 'target'
           AND x.code IS NOT NULL ORDER BY x.seq)) AS target_codes,
       (SELECT json_group_array(name) FROM (SELECT coalesce(x.name, x.text) AS name FROM event_actors x WHERE x.article_id = e.article_id AND x.event_id = e.id AND x.role = 'target'
           ORDER BY x.seq)) AS target_names,
       (SELECT json_group_array(actor_id) FROM (SELECT x.actor_id FROM event_actors x WHERE x.article_id = e.article_id AND x.event_id = e.id AND x.role = 'target'
           AND x.actor_id IS NOT NULL ORDER BY x.seq)) AS target_ids,
       e.mode, e.context, e.date,
       CASE WHEN e.date IS NULL THEN substr(a.published, 1, 10) END AS story_date,
       e.date_precision, e.date_text,
       e.location_text, e.location_name, e.location_code, e.lat, e.lon,
       e.status,
       (SELECT json_group_array(code) FROM (SELECT x.code FROM event_actors x WHERE x.article_id = e.article_id AND x.event_id = e.id AND x.role = 'attributed_to'
           AND x.code IS NOT NULL ORDER BY x.seq)) AS attributed_to_codes,
       (SELECT json_group_array(name) FROM (SELECT coalesce(x.name, x.text) AS name FROM event_actors x WHERE x.article_id = e.article_id AND x.event_id = e.id AND x.role = 'attributed_to'
           ORDER BY x.seq)) AS attributed_to_names,
       (SELECT json_group_array(actor_id) FROM (SELECT x.actor_id FROM event_actors x WHERE x.article_id = e.article_id AND x.event_id = e.id AND x.role = 'attributed_to'
           AND x.actor_id IS NOT NULL ORDER BY x.seq)) AS attributed_to_ids,
       (SELECT json_group_array(code) FROM (SELECT x.code FROM event_actors x WHERE x.article_id = e.article_id AND x.event_id = e.id AND x.role = 'disputed_by'
           AND x.code IS NOT NULL ORDER BY x.seq)) AS disputed_by_codes,
       (SELECT json_group_array(name) FROM (SELECT coalesce(x.name, x.text) AS name FROM event_actors x WHERE x.article_id = e.article_id AND x.event_id = e.id AND x.role = 'disputed_by'
           ORDER BY x.seq)) AS disputed_by_names,
       (SELECT json_group_array(actor_id) FROM (SELECT x.actor_id FROM event_actors x WHERE x.article_id = e.article_id AND x.event_id = e.id AND x.role = 'disputed_by'
           AND x.actor_id IS NOT NULL ORDER BY x.seq)) AS disputed_by_ids,
       e.confidence, e.trigger_start, e.trigger_end,
       a.title AS article_title, a.published AS article_published, a.source AS article_outlet,
       a.url AS article_url,
       m.story_event_id, l.story_id, s.num_mentions AS story_mentions, s.num_articles AS story_articles,
       s.num_sources AS story_sources
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN story_mentions m ON m.article_id = e.article_id AND m.event_id = e.id
LEFT JOIN story_events s ON s.id = m.story_event_id
LEFT JOIN article_links l ON l.article_id = e.article_id;
