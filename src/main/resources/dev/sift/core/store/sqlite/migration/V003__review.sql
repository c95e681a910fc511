-- Review: curator actions that undo and redo as one, notes, where a candidate came from, and the
-- full-text index the review searches.

-- One curator action (a choice, an edit, a rejection, a note, or a bulk action over a filter).
-- Undo marks the newest action not undone; redo takes back the oldest undone action newer than it.
CREATE TABLE review_actions (
    id            INTEGER PRIMARY KEY,
    kind          TEXT    NOT NULL,
    description   TEXT    NOT NULL,
    sample_count  INTEGER NOT NULL,
    first_sample  INTEGER,
    created_at    TEXT    NOT NULL,
    undone_at     TEXT
);

ALTER TABLE decisions ADD COLUMN action_id INTEGER REFERENCES review_actions(id);
CREATE INDEX decisions_by_action ON decisions(action_id);

-- A sample's note is its newest row not undone; an empty note clears it.
CREATE TABLE sample_notes (
    id            INTEGER PRIMARY KEY,
    sample_id     INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
    note          TEXT    NOT NULL,
    action_id     INTEGER REFERENCES review_actions(id),
    created_at    TEXT    NOT NULL,
    undone_at     TEXT
);
CREATE INDEX sample_notes_by_sample ON sample_notes(sample_id, id);
CREATE INDEX sample_notes_by_action ON sample_notes(action_id);

-- Where a candidate came from beyond its origin: the dataset it was matched from, "curator" for an edit.
ALTER TABLE candidates ADD COLUMN source TEXT NOT NULL DEFAULT '';

-- Word index over each sample's text and all its candidates (rowid = sample id), filled on demand.
CREATE VIRTUAL TABLE review_search USING fts5(
    text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
CREATE TABLE review_search_state (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    last_sample_id    INTEGER NOT NULL,
    last_candidate_id INTEGER NOT NULL
);
-- A deleted sample or candidate sends the index back to just before it, so that a row which takes over a freed id
-- is indexed again (documents of samples that are gone match no sample and are never returned).
CREATE TRIGGER review_search_sample_deleted AFTER DELETE ON samples BEGIN
    UPDATE review_search_state SET last_sample_id = min(last_sample_id, old.id - 1);
END;
CREATE TRIGGER review_search_candidate_deleted AFTER DELETE ON candidates BEGIN
    UPDATE review_search_state SET last_sample_id = min(last_sample_id, old.sample_id - 1),
        last_candidate_id = min(last_candidate_id, old.id - 1);
END;
