-- Sift project schema, version 1: the whole domain of the product, filled in by later features.
-- Times are ISO-8601 UTC text. JSON columns hold UTF-8 JSON text.

CREATE TABLE project_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE datasets (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL UNIQUE,
    source_file   TEXT    NOT NULL,
    format        TEXT    NOT NULL,
    imported_at   TEXT    NOT NULL,
    record_count  INTEGER NOT NULL,
    sample_count  INTEGER NOT NULL,
    duplicate_count INTEGER NOT NULL
);

-- One instruction record. Single-turn records keep messages_json NULL.
CREATE TABLE samples (
    id            INTEGER PRIMARY KEY,
    dataset_id    INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    record_index  INTEGER NOT NULL,
    system        TEXT    NOT NULL,
    instruction   TEXT    NOT NULL,
    input         TEXT    NOT NULL,
    output        TEXT    NOT NULL,
    messages_json TEXT,
    category      TEXT    NOT NULL,
    char_count    INTEGER NOT NULL,
    content_hash  BLOB    NOT NULL,
    UNIQUE (dataset_id, content_hash)
);
CREATE INDEX samples_by_dataset ON samples(dataset_id, record_index);

CREATE TABLE sample_embeddings (
    sample_id  INTEGER PRIMARY KEY REFERENCES samples(id) ON DELETE CASCADE,
    model      TEXT    NOT NULL,
    dimension  INTEGER NOT NULL,
    vector     BLOB    NOT NULL  -- little-endian float32, L2-normalised
);

CREATE TABLE duplicate_scans (
    id          INTEGER PRIMARY KEY,
    dataset_id  INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    model       TEXT    NOT NULL,
    threshold   REAL    NOT NULL,
    created_at  TEXT    NOT NULL,
    group_count INTEGER NOT NULL
);

-- Near-duplicate groups: similarity is the cosine to the group's representative (the first sample).
CREATE TABLE duplicate_members (
    scan_id     INTEGER NOT NULL REFERENCES duplicate_scans(id) ON DELETE CASCADE,
    group_no    INTEGER NOT NULL,
    sample_id   INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
    similarity  REAL    NOT NULL,
    PRIMARY KEY (scan_id, group_no, sample_id)
);

-- Where a model is served. Keys are never stored: key_ref names an environment variable or a
-- credential-file entry.
CREATE TABLE endpoints (
    id              INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL UNIQUE,
    kind            TEXT    NOT NULL,            -- openai | local
    base_url        TEXT,
    model_dir       TEXT,
    key_ref         TEXT,
    max_concurrency INTEGER NOT NULL DEFAULT 8,
    rpm_limit       INTEGER,
    tpm_limit       INTEGER,
    price_in_per_mtok  REAL NOT NULL DEFAULT 0,
    price_out_per_mtok REAL NOT NULL DEFAULT 0,
    group_name      TEXT,
    created_at      TEXT    NOT NULL
);

CREATE TABLE agents (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL UNIQUE,
    endpoint_id   INTEGER REFERENCES endpoints(id),
    endpoint_group TEXT,
    model         TEXT    NOT NULL,
    role          TEXT    NOT NULL,
    system_prompt TEXT    NOT NULL DEFAULT '',
    params_json   TEXT    NOT NULL DEFAULT '{}',
    created_at    TEXT    NOT NULL
);

CREATE TABLE agent_pairs (
    id                   INTEGER PRIMARY KEY,
    name                 TEXT    NOT NULL UNIQUE,
    instruction_agent_id INTEGER NOT NULL REFERENCES agents(id),
    response_agent_id    INTEGER NOT NULL REFERENCES agents(id),
    UNIQUE (instruction_agent_id, response_agent_id)
);

CREATE TABLE runs (
    id            INTEGER PRIMARY KEY,
    recipe        TEXT    NOT NULL,
    dataset_id    INTEGER REFERENCES datasets(id),
    config_json   TEXT    NOT NULL,
    seed          INTEGER NOT NULL,
    status        TEXT    NOT NULL,               -- queued | running | succeeded | failed | cancelled
    created_at    TEXT    NOT NULL,
    started_at    TEXT,
    finished_at   TEXT,
    done_items    INTEGER NOT NULL DEFAULT 0,
    total_items   INTEGER NOT NULL DEFAULT 0,
    tokens_in     INTEGER NOT NULL DEFAULT 0,
    tokens_out    INTEGER NOT NULL DEFAULT 0,
    cost_usd      REAL    NOT NULL DEFAULT 0,
    budget_usd    REAL,
    error         TEXT
);

CREATE TABLE run_events (
    id        INTEGER PRIMARY KEY,
    run_id    INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    at        TEXT    NOT NULL,
    kind      TEXT    NOT NULL,
    message   TEXT    NOT NULL,
    data_json TEXT
);
CREATE INDEX run_events_by_run ON run_events(run_id, id);

-- A proposed (instruction, input, response) for a sample; origin 'original' is the record itself.
CREATE TABLE candidates (
    id            INTEGER PRIMARY KEY,
    sample_id     INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
    run_id        INTEGER REFERENCES runs(id) ON DELETE CASCADE,
    agent_pair_id INTEGER REFERENCES agent_pairs(id),
    origin        TEXT    NOT NULL,               -- original | generated | reflection | instruct
    round_no      INTEGER,
    instruction   TEXT    NOT NULL,
    input         TEXT    NOT NULL DEFAULT '',
    response      TEXT    NOT NULL,
    created_at    TEXT    NOT NULL
);
CREATE INDEX candidates_by_sample ON candidates(sample_id);
CREATE INDEX candidates_by_run ON candidates(run_id);

-- A named metric on a candidate, with the scorer and template that produced it. Token NLL arrays
-- are little-endian float32 blobs so that every IFD variant can be recomputed without the model.
CREATE TABLE scores (
    id            INTEGER PRIMARY KEY,
    candidate_id  INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
    metric        TEXT    NOT NULL,
    value         REAL,                           -- NULL stands for NaN (not scorable)
    scorer        TEXT    NOT NULL,
    template      TEXT    NOT NULL DEFAULT '',
    max_length    INTEGER,
    nll_conditioned BLOB,
    nll_direct      BLOB,
    details_json  TEXT,
    created_at    TEXT    NOT NULL,
    UNIQUE (candidate_id, metric, scorer, template)
);

-- Which candidate a sample keeps. The newest row that is not undone is in force.
CREATE TABLE decisions (
    id            INTEGER PRIMARY KEY,
    sample_id     INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
    candidate_id  INTEGER REFERENCES candidates(id) ON DELETE SET NULL,
    action        TEXT    NOT NULL,               -- choose | edit | reject
    decided_by    TEXT    NOT NULL,               -- algorithm | curator
    run_id        INTEGER REFERENCES runs(id) ON DELETE SET NULL,
    reason        TEXT    NOT NULL DEFAULT '',
    edited_json   TEXT,
    decided_at    TEXT    NOT NULL,
    undone_at     TEXT
);
CREATE INDEX decisions_by_sample ON decisions(sample_id, id);

CREATE TABLE weight_history (
    run_id        INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    round_no      INTEGER NOT NULL,
    agent_pair_id INTEGER NOT NULL REFERENCES agent_pairs(id),
    weight        REAL    NOT NULL,
    PRIMARY KEY (run_id, round_no, agent_pair_id)
);

-- Every LLM request and its response. request_hash is the SHA-256 of the canonical request and
-- serves as the cache key; a successful row answers a repeated request at zero cost.
CREATE TABLE llm_calls (
    id            INTEGER PRIMARY KEY,
    request_hash  BLOB    NOT NULL,
    run_id        INTEGER REFERENCES runs(id) ON DELETE SET NULL,
    endpoint_id   INTEGER REFERENCES endpoints(id) ON DELETE SET NULL,
    model         TEXT    NOT NULL,
    request_json  TEXT    NOT NULL,
    response_json TEXT,
    status        TEXT    NOT NULL,               -- ok | error | cached
    http_status   INTEGER,
    latency_ms    INTEGER,
    tokens_in     INTEGER NOT NULL DEFAULT 0,
    tokens_out    INTEGER NOT NULL DEFAULT 0,
    cost_usd      REAL    NOT NULL DEFAULT 0,
    error         TEXT,
    created_at    TEXT    NOT NULL
);
CREATE INDEX llm_calls_by_hash ON llm_calls(request_hash, status);

CREATE TABLE exports (
    id            INTEGER PRIMARY KEY,
    path          TEXT    NOT NULL,
    format        TEXT    NOT NULL,
    record_count  INTEGER NOT NULL,
    manifest_json TEXT    NOT NULL,
    exported_at   TEXT    NOT NULL
);
