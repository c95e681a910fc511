package dev.sift.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentPair;
import dev.sift.core.model.AgentRole;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import dev.sift.core.store.NewRun;
import dev.sift.core.store.RoundWeights;
import dev.sift.core.store.StoreException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-round agent pair weights of a run (the weight_history table). */
class SqliteWeightHistoryTest {

    @TempDir
    Path dir;

    SqliteProjectStore store;
    long runId;
    long pairA;
    long pairB;

    @BeforeEach
    void open() throws StoreException {
        store = SqliteProjectStore.create(dir.resolve("p.sift"));
        long endpoint = store.endpoints().add(new Endpoint(0, "e", EndpointKind.OPENAI, "http://127.0.0.1:9/v1", "", "",
                1, OptionalInt.empty(), OptionalInt.empty(), 0, 0, "")).id();
        long w = store.agents().add(new Agent(0, "w", endpoint, "", "m", AgentRole.INSTRUCTION_REWRITER, "", "{}")).id();
        long r1 = store.agents().add(new Agent(0, "r1", endpoint, "", "m", AgentRole.RESPONDER, "", "{}")).id();
        long r2 = store.agents().add(new Agent(0, "r2", endpoint, "", "m", AgentRole.RESPONDER, "", "{}")).id();
        pairA = store.agents().addPair(new AgentPair(0, "a", w, r1)).id();
        pairB = store.agents().addPair(new AgentPair(0, "b", w, r2)).id();
        runId = store.runs().create(new NewRun("star-agents", 0, "{}", 1, OptionalDouble.empty())).id();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void weightsAreRecordedPerRoundAndReadBackInRoundOrder() throws StoreException {
        store.runs().recordWeights(runId, new RoundWeights(1, Map.of(pairA, 0.6, pairB, 0.4)));
        store.runs().recordWeights(runId, new RoundWeights(0, Map.of(pairA, 0.5, pairB, 0.5)));

        assertThat(store.runs().weights(runId)).containsExactly(new RoundWeights(0, Map.of(pairA, 0.5, pairB, 0.5)),
                new RoundWeights(1, Map.of(pairA, 0.6, pairB, 0.4)));
        assertThat(store.runs().weights(runId + 1)).isEmpty();
    }

    @Test
    void recordingARoundAgainReplacesIt() throws StoreException {
        store.runs().recordWeights(runId, new RoundWeights(1, Map.of(pairA, 0.6, pairB, 0.4)));
        store.runs().recordWeights(runId, new RoundWeights(1, Map.of(pairA, 0.7)));

        assertThat(store.runs().weights(runId)).containsExactly(new RoundWeights(1, Map.of(pairA, 0.7)));
    }

    @Test
    void anUnknownPairIsRefusedAndAPairWithHistoryCannotBeDeleted() throws StoreException {
        assertThatThrownBy(() -> store.runs().recordWeights(runId, new RoundWeights(0, Map.of(999L, 1.0))))
                .isInstanceOf(StoreException.class);
        assertThat(store.runs().weights(runId)).isEmpty();
        store.runs().recordWeights(runId, new RoundWeights(0, Map.of(pairA, 1.0)));
        assertThatThrownBy(() -> store.agents().deletePair(pairA)).isInstanceOf(StoreException.class);
    }
}
