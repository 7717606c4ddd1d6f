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
    duplicate_of    TEXT REFERENCES articles(id) ON DELETE SET NULL,
    ingested_at     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid');
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
    PRIMARY KEY (article_id, event_id, role, seq),
    FOREIGN KEY (article_id, event_id) REFERENCES events(article_id, id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS event_actors_code ON event_actors(code, role);

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
    PRIMARY KEY (article_id, id)
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_name);
