package dev.sift.core.store.sqlite;

import dev.sift.core.model.ContentHash;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.AddedPair;
import dev.sift.core.store.InstructContent;
import dev.sift.core.store.InstructPair;
import dev.sift.core.store.InstructProvenance;
import dev.sift.core.store.InstructStore;
import dev.sift.core.store.PairCount;
import dev.sift.core.store.PairProvenance;
import dev.sift.core.store.RefinementDepth;
import dev.sift.core.store.SeedChunk;
import dev.sift.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class SqliteInstructStore implements InstructStore {

    private static final String CONTENT_COLUMNS =
            "id, run_id, seed_chunk_id, skill, transformation, agent_id, text, created_at";
    private static final String PAIR_COLUMNS = "p.sample_id, p.run_id, p.content_id, p.skill, p.instruction_type,"
            + " p.refinement_round, p.agents_json, p.steps_json, p.created_at";
    private static final String OF_DATASET = " FROM instruct_pairs p JOIN samples s ON s.id = p.sample_id"
            + " WHERE s.dataset_id=?";
    private static final String OF_RUN = " FROM instruct_pairs p WHERE p.run_id=?";

    private final SqliteDatabase db;

    SqliteInstructStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public long saveContent(long runId, long seedChunkId, String skill, String transformation, long agentId,
            String text) throws StoreException {
        return db.write("save transformed content", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO instruct_contents(run_id, seed_chunk_id,"
                    + " skill, transformation, agent_id, text, created_at) VALUES (?,?,?,?,?,?,?)"
                    + " ON CONFLICT (run_id, seed_chunk_id, skill, transformation) DO NOTHING")) {
                ps.setLong(1, runId);
                Columns.setId(ps, 2, seedChunkId);
                ps.setString(3, skill);
                ps.setString(4, transformation);
                Columns.setId(ps, 5, agentId);
                ps.setString(6, text);
                ps.setString(7, Instant.now().toString());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM instruct_contents WHERE run_id=?"
                    + " AND seed_chunk_id IS ? AND skill=? AND transformation=? ORDER BY id LIMIT 1")) {
                ps.setLong(1, runId);
                Columns.setId(ps, 2, seedChunkId);
                ps.setString(3, skill);
                ps.setString(4, transformation);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public Optional<InstructContent> content(long id) throws StoreException {
        return db.read("read transformed content", c -> contents(c, "id=?", id).stream().findFirst());
    }

    @Override
    public List<InstructContent> contents(long runId) throws StoreException {
        return db.read("read transformed contents", c -> contents(c, "run_id=?", runId));
    }

    private static List<InstructContent> contents(Connection c, String where, long key) throws SQLException {
        return Columns.list(c, "SELECT " + CONTENT_COLUMNS + " FROM instruct_contents WHERE " + where + " ORDER BY id",
                key, rs -> new InstructContent(rs.getLong(1), rs.getLong(2), Columns.id(rs, 3), rs.getString(4),
                        rs.getString(5), Columns.id(rs, 6), rs.getString(7), Instant.parse(rs.getString(8))));
    }

    @Override
    public AddedPair addPair(long runId, long datasetId, SampleContent sample, PairProvenance provenance)
            throws StoreException {
        return db.write("add an AgentInstruct pair", c -> {
            int recordIndex = nextRecordIndex(c, datasetId);
            byte[] hash = ContentHash.of(sample);
            Optional<Long> existing = sampleWithHash(c, datasetId, hash);
            if (existing.isPresent()) {
                bumpCounts(c, datasetId, "duplicate_count = duplicate_count + 1");
                return new AddedPair(existing.get(), true);
            }
            long sampleId = insertSample(c, datasetId, recordIndex, sample, hash);
            insertPair(c, sampleId, runId, provenance);
            bumpCounts(c, datasetId, "sample_count = sample_count + 1");
            return new AddedPair(sampleId, false);
        });
    }

    private static int nextRecordIndex(Connection c, long datasetId) throws SQLException, StoreException {
        try (PreparedStatement ps = c.prepareStatement("SELECT record_count FROM datasets WHERE id=?")) {
            ps.setLong(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("No dataset with id " + datasetId + " to add the pair to");
                }
                return rs.getInt(1);
            }
        }
    }

    private static Optional<Long> sampleWithHash(Connection c, long datasetId, byte[] hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM samples WHERE dataset_id=? AND content_hash=?")) {
            ps.setLong(1, datasetId);
            ps.setBytes(2, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static void bumpCounts(Connection c, long datasetId, String alsoSet) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE datasets SET record_count = record_count + 1, " + alsoSet + " WHERE id=?")) {
            ps.setLong(1, datasetId);
            ps.executeUpdate();
        }
    }

    private static long insertSample(Connection c, long datasetId, int recordIndex, SampleContent content, byte[] hash)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO samples(dataset_id, record_index, system,"
                + " instruction, input, output, messages_json, category, char_count, content_hash)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, datasetId);
            ps.setInt(2, recordIndex);
            ps.setString(3, content.system());
            ps.setString(4, content.instruction());
            ps.setString(5, content.input());
            ps.setString(6, content.output());
            ps.setString(7, content.isMultiTurn() ? MessagesJson.write(content.messages()) : null);
            ps.setString(8, content.category());
            ps.setInt(9, content.characterCount());
            ps.setBytes(10, hash);
            return Columns.insert(ps);
        }
    }

    private static void insertPair(Connection c, long sampleId, long runId, PairProvenance p)
            throws SQLException, StoreException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO instruct_pairs(sample_id, run_id, content_id,"
                + " skill, instruction_type, refinement_round, agents_json, steps_json, created_at)"
                + " VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, sampleId);
            ps.setLong(2, runId);
            ps.setLong(3, p.contentId());
            ps.setString(4, p.skill());
            ps.setString(5, p.instructionType());
            ps.setInt(6, p.refinementRound());
            ps.setString(7, InstructJson.writeAgents(p.agents()));
            ps.setString(8, InstructJson.writeSteps(p.steps()));
            ps.setString(9, Instant.now().toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("FOREIGN KEY")) {
                throw new StoreException("Cannot add the pair: run " + runId + " or content " + p.contentId()
                        + " is not in this project", e);
            }
            throw e;
        }
    }

    @Override
    public Optional<InstructPair> pair(long sampleId) throws StoreException {
        return db.read("read an AgentInstruct pair", c -> pairs(c, " FROM instruct_pairs p WHERE p.sample_id=?",
                sampleId).stream().findFirst());
    }

    @Override
    public Optional<InstructProvenance> provenance(long sampleId) throws StoreException {
        return db.read("read a pair's provenance", c -> {
            Optional<InstructPair> pair = pairs(c, " FROM instruct_pairs p WHERE p.sample_id=?", sampleId).stream()
                    .findFirst();
            if (pair.isEmpty()) {
                return Optional.<InstructProvenance>empty();
            }
            InstructContent content = contents(c, "id=?", pair.get().provenance().contentId()).get(0);
            return Optional.of(new InstructProvenance(pair.get(), content, seedChunk(c, content.seedChunkId())));
        });
    }

    private static Optional<SeedChunk> seedChunk(Connection c, long chunkId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + SqliteSeedStore.chunkColumns("k") + " FROM seed_chunks k WHERE k.id=?")) {
            ps.setLong(1, chunkId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(SqliteSeedStore.mapChunk(rs, 1)) : Optional.empty();
            }
        }
    }

    @Override
    public List<InstructPair> pairs(long runId) throws StoreException {
        return db.read("read AgentInstruct pairs", c -> pairs(c, OF_RUN, runId));
    }

    private static List<InstructPair> pairs(Connection c, String fromWhere, long key) throws SQLException {
        return Columns.list(c, "SELECT " + PAIR_COLUMNS + fromWhere + " ORDER BY p.sample_id", key, rs -> {
            long sampleId = rs.getLong(1);
            var provenance = new PairProvenance(rs.getLong(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                    InstructJson.readAgents(rs.getString(7), sampleId), InstructJson.readSteps(rs.getString(8), sampleId));
            return new InstructPair(sampleId, rs.getLong(2), provenance, Instant.parse(rs.getString(9)));
        });
    }

    @Override
    public List<PairCount> pairCountsOfDataset(long datasetId) throws StoreException {
        return db.read("count AgentInstruct pairs", c -> pairCounts(c, OF_DATASET, datasetId));
    }

    @Override
    public List<PairCount> pairCountsOfRun(long runId) throws StoreException {
        return db.read("count AgentInstruct pairs", c -> pairCounts(c, OF_RUN, runId));
    }

    private static List<PairCount> pairCounts(Connection c, String fromWhere, long key) throws SQLException {
        return Columns.list(c, "SELECT p.skill, p.instruction_type, count(*)" + fromWhere
                + " GROUP BY p.skill, p.instruction_type ORDER BY p.skill, p.instruction_type", key,
                rs -> new PairCount(rs.getString(1), rs.getString(2), rs.getInt(3)));
    }

    @Override
    public List<RefinementDepth> refinementDepthsOfDataset(long datasetId) throws StoreException {
        return db.read("count refinement rounds", c -> depths(c, OF_DATASET, datasetId));
    }

    @Override
    public List<RefinementDepth> refinementDepthsOfRun(long runId) throws StoreException {
        return db.read("count refinement rounds", c -> depths(c, OF_RUN, runId));
    }

    private static List<RefinementDepth> depths(Connection c, String fromWhere, long key) throws SQLException {
        return Columns.list(c, "SELECT p.refinement_round, count(*)" + fromWhere
                + " GROUP BY p.refinement_round ORDER BY p.refinement_round", key,
                rs -> new RefinementDepth(rs.getInt(1), rs.getInt(2)));
    }
}
