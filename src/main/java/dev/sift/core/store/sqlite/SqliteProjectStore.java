package dev.sift.core.store.sqlite;

import dev.sift.core.store.AgentStore;
import dev.sift.core.store.CandidateStore;
import dev.sift.core.store.DatasetStore;
import dev.sift.core.store.DecisionStore;
import dev.sift.core.store.ReviewStore;
import dev.sift.core.store.DuplicateStore;
import dev.sift.core.store.EmbeddingStore;
import dev.sift.core.store.EndpointStore;
import dev.sift.core.store.InstructStore;
import dev.sift.core.store.ExportLog;
import dev.sift.core.store.LlmCallStore;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.RunStore;
import dev.sift.core.store.SampleStore;
import dev.sift.core.store.SeedStore;
import dev.sift.core.store.ScoreStore;
import dev.sift.core.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** A project kept in one SQLite file (WAL mode, single writer, numbered migrations). */
public final class SqliteProjectStore implements ProjectStore {

    /** Project files end with this. */
    public static final String EXTENSION = ".sift";

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final SqliteDatabase db;
    private final SqliteDatasetStore datasets;
    private final SqliteSampleStore samples;
    private final SqliteEmbeddingStore embeddings;
    private final SqliteDuplicateStore duplicates;
    private final SqliteExportLog exports;
    private final SqliteEndpointStore endpoints;
    private final SqliteAgentStore agents;
    private final SqliteRunStore runs;
    private final SqliteCandidateStore candidates;
    private final SqliteLlmCallStore llmCalls;
    private final SqliteScoreStore scores;
    private final SqliteDecisionStore decisions;
    private final SqliteReviewStore review;
    private final SqliteSeedStore seeds;
    private final SqliteInstructStore instruct;

    private SqliteProjectStore(SqliteDatabase db) {
        this.db = db;
        this.datasets = new SqliteDatasetStore(db);
        this.samples = new SqliteSampleStore(db);
        this.embeddings = new SqliteEmbeddingStore(db);
        this.duplicates = new SqliteDuplicateStore(db);
        this.exports = new SqliteExportLog(db);
        this.endpoints = new SqliteEndpointStore(db);
        this.agents = new SqliteAgentStore(db);
        this.runs = new SqliteRunStore(db);
        this.candidates = new SqliteCandidateStore(db);
        this.llmCalls = new SqliteLlmCallStore(db);
        this.scores = new SqliteScoreStore(db);
        this.decisions = new SqliteDecisionStore(db);
        this.review = new SqliteReviewStore(db);
        this.seeds = new SqliteSeedStore(db);
        this.instruct = new SqliteInstructStore(db);
    }

    /** Creates a new, empty project; fails if the file exists. */
    public static SqliteProjectStore create(Path file) throws StoreException {
        if (Files.exists(file)) {
            throw new StoreException(file + " already exists; open it instead, or choose another name");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new StoreException("Cannot create " + file + ": folder " + parent + " does not exist");
        }
        return openMigrated(file);
    }

    /** Opens an existing project, bringing its schema up to date. */
    public static SqliteProjectStore open(Path file) throws StoreException {
        if (!Files.isRegularFile(file)) {
            throw new StoreException("No project at " + file);
        }
        checkIsSqlite(file);
        return openMigrated(file);
    }

    /** Opens the project if the file exists, else creates it. */
    public static SqliteProjectStore openOrCreate(Path file) throws StoreException {
        return Files.exists(file) ? open(file) : create(file);
    }

    private static SqliteProjectStore openMigrated(Path file) throws StoreException {
        SqliteDatabase db = new SqliteDatabase(file);
        try {
            db.write("update the schema", c -> {
                Migrator.migrate(c, file.getFileName().toString());
                return null;
            });
            return new SqliteProjectStore(db);
        } catch (StoreException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static void checkIsSqlite(Path file) throws StoreException {
        byte[] head = new byte[SQLITE_MAGIC.length];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n == 0) {
                return; // an empty file becomes a new project
            }
            if (n < head.length || !Arrays.equals(head, SQLITE_MAGIC)) {
                throw new StoreException(file.getFileName() + " is not a Sift project (not an SQLite file)");
            }
        } catch (IOException e) {
            throw new StoreException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Path file() {
        return db.file();
    }

    @Override
    public DatasetStore datasets() {
        return datasets;
    }

    @Override
    public SampleStore samples() {
        return samples;
    }

    @Override
    public EmbeddingStore embeddings() {
        return embeddings;
    }

    @Override
    public DuplicateStore duplicates() {
        return duplicates;
    }

    @Override
    public ExportLog exports() {
        return exports;
    }

    @Override
    public EndpointStore endpoints() {
        return endpoints;
    }

    @Override
    public AgentStore agents() {
        return agents;
    }

    @Override
    public RunStore runs() {
        return runs;
    }

    @Override
    public CandidateStore candidates() {
        return candidates;
    }

    @Override
    public LlmCallStore llmCalls() {
        return llmCalls;
    }

    @Override
    public ScoreStore scores() {
        return scores;
    }

    @Override
    public DecisionStore decisions() {
        return decisions;
    }

    @Override
    public ReviewStore review() {
        return review;
    }

    @Override
    public SeedStore seeds() {
        return seeds;
    }

    @Override
    public InstructStore instruct() {
        return instruct;
    }

    @Override
    public void close() {
        db.close();
    }
}
