-- Per-token losses move out of the score rows: at kilobytes a row they sat between a score's value and its details,
-- so every read of details walked through them. Reading a whole dataset's scores (Insights, the review) now touches
-- only small rows, and a covering index answers a score group's values alone.
CREATE TABLE score_losses (
    score_id        INTEGER PRIMARY KEY REFERENCES scores(id) ON DELETE CASCADE,
    nll_conditioned BLOB,
    nll_direct      BLOB
);
INSERT INTO score_losses(score_id, nll_conditioned, nll_direct)
    SELECT id, nll_conditioned, nll_direct FROM scores WHERE nll_conditioned IS NOT NULL OR nll_direct IS NOT NULL;
ALTER TABLE scores DROP COLUMN nll_conditioned;
ALTER TABLE scores DROP COLUMN nll_direct;
CREATE INDEX scores_by_group ON scores(metric, scorer, template, candidate_id, value);

-- The review reads each sample's candidates without their texts: a covering index in sample order replaces the
-- plain one on sample_id.
DROP INDEX candidates_by_sample;
CREATE INDEX candidates_by_sample ON candidates(sample_id, id, origin, agent_pair_id, run_id);
