package dev.sift.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.NewCandidate;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.NewScore;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.Score;
import dev.sift.core.store.StoreException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code CandidateStore.addAll} and {@code ScoreStore.saveAll}: many rows in one transaction. */
class SqliteBulkWriteTest {

    @TempDir
    Path dir;

    private ProjectStore store;
    private long datasetId;
    private long[] samples;

    @BeforeEach
    void open() throws Exception {
        store = SqliteProjectStore.create(dir.resolve("p.sift"));
        datasetId = store.datasets().importDataset(new NewDataset("d", "d.jsonl", DatasetFormat.ALPACA_JSONL), sink -> {
            sink.add(0, SampleContent.single("one", "", "a"));
            sink.add(1, SampleContent.single("two", "", "b"));
        }).id();
        samples = store.samples().ids(SampleQuery.dataset(datasetId));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private NewCandidate original(long sample, String response) {
        return new NewCandidate(sample, 0, 0, CandidateOrigin.ORIGINAL, OptionalInt.empty(), "q", "", response);
    }

    @Test
    void addAllReturnsTheIdsInOrderAndSaveAllReplacesLikeSave() throws Exception {
        long[] ids = store.candidates().addAll(List.of(original(samples[0], "a"), original(samples[1], "b"),
                NewCandidate.generated(samples[1], 0, "q", "", "c")));

        assertThat(store.candidates().listBySample(samples[1])).extracting(Candidate::id, Candidate::response)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ids[1], "b"),
                        org.assertj.core.groups.Tuple.tuple(ids[2], "c"));

        store.scores().saveAll(List.of(score(ids[0], 0.5), score(ids[1], Double.NaN)));
        store.scores().saveAll(List.of(score(ids[0], 0.7)));
        assertThat(store.scores().list(datasetId, "ifd", "m", "t")).extracting(Score::value)
                .containsExactly(0.7, Double.NaN);
    }

    @Test
    void aFailingRowLeavesNothingWritten() throws Exception {
        assertThatThrownBy(() -> store.candidates().addAll(List.of(original(samples[0], "a"), original(9999, "x"))))
                .isInstanceOf(StoreException.class);
        assertThat(store.candidates().listBySample(samples[0])).isEmpty();
    }

    private static NewScore score(long candidate, double value) {
        return new NewScore(candidate, "ifd", value, "m", "t", 0, null, null, "");
    }
}
