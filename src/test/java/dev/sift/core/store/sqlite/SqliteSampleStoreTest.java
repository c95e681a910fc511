package dev.sift.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.model.Dataset;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.Message;
import dev.sift.core.model.Sample;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.DecidedBy;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.DuplicateGroup;
import dev.sift.core.store.NewCandidate;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.NewDecision;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.StoreException;
import dev.sift.core.store.testing.EmptyProjectTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SqliteSampleStoreTest extends EmptyProjectTest {

    private Dataset importRecords(String name, List<SampleContent> records) throws StoreException {
        return store.datasets().importDataset(new NewDataset(name, name + ".json", DatasetFormat.ALPACA_JSON), sink -> {
            for (int i = 0; i < records.size(); i++) {
                sink.add(i, records.get(i));
            }
        });
    }

    @Test
    void exactDuplicatesAreSkippedAndCountedWithProvenanceKept() throws Exception {
        Dataset d = importRecords("d", List.of(
                SampleContent.single("Add 2 and 2", "", "4"),
                SampleContent.single("Name a colour", "", "Blue"),
                SampleContent.single("Add 2 and 2", "", "4"),
                SampleContent.single("Add 2 and 2", "", "four")));

        assertThat(d.records()).isEqualTo(4);
        assertThat(d.samples()).isEqualTo(3);
        assertThat(d.duplicates()).isEqualTo(1);
        long[] ids = store.samples().ids(SampleQuery.dataset(d.id()));
        List<Sample> samples = store.samples().fetch(ids, 0, ids.length);
        assertThat(samples).extracting(Sample::recordIndex).containsExactly(0, 1, 3);
        assertThat(samples.get(0).contentHash()).hasSize(64).isNotEqualTo(samples.get(2).contentHash());
    }

    @Test
    void theSameRecordMayAppearInTwoDatasets() throws Exception {
        importRecords("a", List.of(SampleContent.single("x", "", "y")));
        Dataset b = importRecords("b", List.of(SampleContent.single("x", "", "y")));
        assertThat(b.duplicates()).isZero();
        assertThat(store.samples().count(SampleQuery.all())).isEqualTo(2);
    }

    @Test
    void aFailingSourceLeavesTheProjectUnchanged() throws Exception {
        importRecords("kept", List.of(SampleContent.single("x", "", "y")));
        assertThatThrownBy(() -> store.datasets().importDataset(
                new NewDataset("broken", "b.json", DatasetFormat.ALPACA_JSON), sink -> {
                    for (int i = 0; i < 1000; i++) {
                        sink.add(i, SampleContent.single("record " + i, "", "out"));
                    }
                    throw new IOException("b.json, record 1001: truncated");
                })).isInstanceOf(IOException.class).hasMessage("b.json, record 1001: truncated");

        assertThat(store.datasets().list()).extracting(Dataset::name).containsExactly("kept");
        assertThat(store.samples().count(SampleQuery.all())).isEqualTo(1);
    }

    @Test
    void datasetNamesAreUnique() throws Exception {
        importRecords("d", List.of(SampleContent.single("x", "", "y")));
        assertThatThrownBy(() -> importRecords("d", List.of(SampleContent.single("z", "", "y"))))
                .isInstanceOf(StoreException.class).hasMessageContaining("A dataset named 'd' already exists");
    }

    @Test
    void textFilterIsCaseInsensitiveAndTreatsWildcardsLiterally() throws Exception {
        Dataset d = importRecords("d", List.of(
                SampleContent.single("Translate to French", "Good morning", "Bonjour"),
                SampleContent.single("Compute 50% of 80", "", "40"),
                SampleContent.single("Compute 50 of 80", "", "?"),
                SampleContent.single("snake_case this", "", "snake_case"),
                new SampleContent("", "Hi", "", "Hello", List.of(new Message("user", "Hi"),
                        new Message("assistant", "Hello"), new Message("user", "Tell me about GLACIERS"),
                        new Message("assistant", "...")), "")));

        assertThat(store.samples().count(SampleQuery.dataset(d.id()).withText("bonjour"))).isEqualTo(1);
        assertThat(store.samples().count(SampleQuery.dataset(d.id()).withText("50%"))).isEqualTo(1);
        assertThat(store.samples().count(SampleQuery.dataset(d.id()).withText("e_c"))).isEqualTo(1);
        assertThat(store.samples().count(SampleQuery.dataset(d.id()).withText("glaciers"))).isEqualTo(1);
        assertThat(store.samples().count(SampleQuery.dataset(d.id()).withText("  "))).isEqualTo(5);
    }

    @Test
    void multiTurnConversationsRoundTrip() throws Exception {
        var turns = List.of(new Message("user", "Hi"), new Message("assistant", "Hello!"),
                new Message("tool", "{\"temp\": 21}"), new Message("assistant", "It is 21 degrees."));
        Dataset d = importRecords("d", List.of(new SampleContent("Be brief.", "Hi", "", "Hello!", turns, "chat")));
        long[] ids = store.samples().ids(SampleQuery.dataset(d.id()));
        SampleContent back = store.samples().fetch(ids, 0, 1).get(0).content();
        assertThat(back.messages()).isEqualTo(turns);
        assertThat(back.system()).isEqualTo("Be brief.");
        assertThat(back.category()).isEqualTo("chat");
    }

    @Test
    void forEachVisitsEveryMatchInPages() throws Exception {
        var records = new ArrayList<SampleContent>();
        for (int i = 0; i < 1_234; i++) {
            records.add(SampleContent.single("instruction " + i, "", i % 2 == 0 ? "even" : "odd"));
        }
        Dataset d = importRecords("d", records);
        var seen = new ArrayList<Integer>();
        store.samples().forEach(SampleQuery.dataset(d.id()).withText("even"), s -> seen.add(s.recordIndex()));
        assertThat(seen).hasSize(617).isSorted().doesNotHaveDuplicates();
        assertThat(store.samples().characterCounts(SampleQuery.dataset(d.id()))).hasSize(1_234);
    }

    @Test
    void fetchReturnsTheRequestedSliceInOrder() throws Exception {
        Dataset d = importRecords("d", List.of(SampleContent.single("a", "", ""), SampleContent.single("b", "", ""),
                SampleContent.single("c", "", "")));
        long[] ids = store.samples().ids(SampleQuery.dataset(d.id()));
        long[] reversed = {ids[2], ids[1], ids[0]};
        assertThat(store.samples().fetch(reversed, 1, 3)).extracting(s -> s.content().instruction())
                .containsExactly("b", "a");
    }

    @Test
    void readersSeeCommittedDataWhileAnImportIsWriting() throws Exception {
        importRecords("first", List.of(SampleContent.single("x", "", "y")));
        var insideImport = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var executor = Executors.newSingleThreadExecutor();
        try {
            Future<Dataset> writing = executor.submit(() -> store.datasets().importDataset(
                    new NewDataset("second", "s.json", DatasetFormat.ALPACA_JSON), sink -> {
                        sink.add(0, SampleContent.single("new", "", "row"));
                        insideImport.countDown();
                        release.await(5, TimeUnit.SECONDS);
                    }));
            assertThat(insideImport.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(store.samples().count(SampleQuery.all())).isEqualTo(1);
            release.countDown();
            writing.get(5, TimeUnit.SECONDS);
            assertThat(store.samples().count(SampleQuery.all())).isEqualTo(2);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void chosenOnlyFollowsEachSamplesCurrentDecision() throws Exception {
        Dataset d = importRecords("d", List.of(SampleContent.single("a", "", ""), SampleContent.single("b", "", ""),
                SampleContent.single("c", "", ""), SampleContent.single("d", "", "")));
        long[] ids = store.samples().ids(SampleQuery.dataset(d.id()));
        var decisions = store.decisions();
        decisions.addAll(List.of(
                new NewDecision(ids[0], 0, DecisionAction.CHOOSE, DecidedBy.ALGORITHM, 0, "top"),
                new NewDecision(ids[1], 0, DecisionAction.CHOOSE, DecidedBy.ALGORITHM, 0, "top"),
                new NewDecision(ids[2], 0, DecisionAction.REJECT, DecidedBy.ALGORITHM, 0, "low")));
        // the curator overrides: b rejected, c kept as edited; d has no decision at all
        decisions.addAll(List.of(
                new NewDecision(ids[1], 0, DecisionAction.REJECT, DecidedBy.CURATOR, 0, "off topic"),
                new NewDecision(ids[2], 0, DecisionAction.EDIT, DecidedBy.CURATOR, 0, "fixed")));

        assertThat(store.samples().ids(SampleQuery.dataset(d.id()).chosen())).containsExactly(ids[0], ids[2]);

        long overrideOfB = decisions.current(ids[1]).orElseThrow().id();
        decisions.undo(overrideOfB);
        assertThat(store.samples().ids(SampleQuery.dataset(d.id()).chosen())).containsExactly(ids[0], ids[1], ids[2]);
        assertThat(store.samples().count(SampleQuery.dataset(d.id()).chosen().withText("c"))).isEqualTo(1);
    }

    @Test
    void responseLengthsAreReadForManyCandidatesAtOnce() throws Exception {
        var records = new ArrayList<SampleContent>();
        for (int i = 0; i < 1_200; i++) {
            records.add(SampleContent.single("q" + i, "", "é".repeat(i % 7)));
        }
        Dataset d = importRecords("d", records);
        long[] ids = store.samples().ids(SampleQuery.dataset(d.id()));
        var candidateIds = new ArrayList<Long>();
        for (Sample sample : store.samples().fetch(ids, 0, ids.length)) {
            candidateIds.add(store.candidates().add(new NewCandidate(sample.id(), 0, 0, CandidateOrigin.ORIGINAL,
                    java.util.OptionalInt.empty(), sample.content().instruction(), "", sample.content().output())).id());
        }
        long[] asked = candidateIds.stream().mapToLong(Long::longValue).toArray();

        var lengths = store.candidates().responseLengths(java.util.Arrays.copyOf(asked, asked.length + 1));

        assertThat(lengths).hasSize(1_200);
        for (int i = 0; i < asked.length; i++) {
            assertThat(lengths.get(asked[i])).as("characters, not bytes").isEqualTo(i % 7);
        }
    }

    @Test
    void embeddingsDuplicateScansAndExportsAreKept() throws Exception {
        Dataset d = importRecords("d", List.of(SampleContent.single("a", "", ""), SampleContent.single("b", "", "")));
        long[] ids = store.samples().ids(SampleQuery.dataset(d.id()));
        store.embeddings().putAll("m", Map.of(ids[0], new float[] {0.6f, 0.8f}, ids[1], new float[] {1f, 0f}));
        assertThat(store.embeddings().load(d.id(), "m").get(ids[0])).containsExactly(0.6f, 0.8f);
        assertThat(store.embeddings().load(d.id(), "other")).isEmpty();

        store.duplicates().save(d.id(), "m", 0.5, List.of(new DuplicateGroup(List.of(
                new DuplicateGroup.Member(ids[0], 1.0), new DuplicateGroup.Member(ids[1], 0.6)))));
        var scan = store.duplicates().latest(d.id()).orElseThrow();
        assertThat(scan.groups()).singleElement().satisfies(g -> assertThat(g.members())
                .extracting(DuplicateGroup.Member::sampleId).containsExactly(ids[0], ids[1]));

        store.exports().record("out.jsonl", "alpaca-jsonl", 2, "{}");
        assertThat(store.exports().list()).singleElement().satisfies(e -> assertThat(e.records()).isEqualTo(2));
    }
}
