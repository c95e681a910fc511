-- AgentInstruct: named pools of raw seed documents cut into chunks, the content that transformation agents made of a
-- chunk, and the provenance of every instruction pair a run added to a dataset.

-- A named pool of raw seed documents, like a dataset. settings_json holds how it was cut (chunk token budget, overlap,
-- JSONL text field) and the paths it was read from.
CREATE TABLE seed_collections (
    id              INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL UNIQUE,
    created_at      TEXT    NOT NULL,
    settings_json   TEXT    NOT NULL DEFAULT '{}',
    document_count  INTEGER NOT NULL DEFAULT 0,
    chunk_count     INTEGER NOT NULL DEFAULT 0,
    duplicate_count INTEGER NOT NULL DEFAULT 0
);

-- One passage of a seed document. source is the file path as given, or file#record for a JSONL document; kind is
-- text | markdown | code and language names a code chunk's language (java, python, ...). content_hash is the SHA-256
-- of the normalised text: exact duplicates within a collection are kept once.
CREATE TABLE seed_chunks (
    id            INTEGER PRIMARY KEY,
    collection_id INTEGER NOT NULL REFERENCES seed_collections(id) ON DELETE CASCADE,
    source        TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    language      TEXT    NOT NULL DEFAULT '',
    chunk_index   INTEGER NOT NULL,
    text          TEXT    NOT NULL,
    token_count   INTEGER NOT NULL,
    content_hash  BLOB    NOT NULL,
    UNIQUE (collection_id, content_hash)
);
CREATE INDEX seed_chunks_by_collection ON seed_chunks(collection_id, id);

-- What one transformation agent of a skill made of one seed chunk in a run (an argument passage, a debate, an API
-- list). A deleted seed collection leaves the content with no chunk rather than taking the run's data with it.
CREATE TABLE instruct_contents (
    id             INTEGER PRIMARY KEY,
    run_id         INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    seed_chunk_id  INTEGER REFERENCES seed_chunks(id) ON DELETE SET NULL,
    skill          TEXT    NOT NULL,
    transformation TEXT    NOT NULL,
    agent_id       INTEGER REFERENCES agents(id) ON DELETE SET NULL,
    text           TEXT    NOT NULL,
    created_at     TEXT    NOT NULL,
    UNIQUE (run_id, seed_chunk_id, skill, transformation)
);

-- Where an AgentInstruct sample came from: its content, skill, instruction type, the agents of each role (JSON object
-- role -> agent name) and the refinement steps (JSON list of {round, suggestions, instruction}); refinement_round 0 is
-- an unrefined instruction.
CREATE TABLE instruct_pairs (
    sample_id        INTEGER PRIMARY KEY REFERENCES samples(id) ON DELETE CASCADE,
    run_id           INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    content_id       INTEGER NOT NULL REFERENCES instruct_contents(id) ON DELETE CASCADE,
    skill            TEXT    NOT NULL,
    instruction_type TEXT    NOT NULL,
    refinement_round INTEGER NOT NULL DEFAULT 0,
    agents_json      TEXT    NOT NULL DEFAULT '{}',
    steps_json       TEXT    NOT NULL DEFAULT '[]',
    created_at       TEXT    NOT NULL
);
CREATE INDEX instruct_pairs_by_run ON instruct_pairs(run_id, sample_id);
CREATE INDEX instruct_pairs_by_skill ON instruct_pairs(run_id, skill, instruction_type);
