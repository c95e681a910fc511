package dev.sift.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.config.Credentials;
import dev.sift.core.config.SecretResolver;
import dev.sift.core.job.testing.TestContext;
import dev.sift.core.llm.cache.CacheMode;
import dev.sift.core.llm.engine.CostMeter;
import dev.sift.core.llm.engine.EngineSettings;
import dev.sift.core.pipeline.StarAgentsSpec;
import dev.sift.core.store.NewRun;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import dev.sift.core.store.RunStatus;
import dev.sift.ui.testsupport.TestProjects;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StarAgentsRunsTest {

    @TempDir
    Path dir;

    @Test
    void aScorerThatCannotOpenFailsTheRunNamingTheFieldSoItCanBeResumedLater() throws Exception {
        try (ProjectStore store = TestProjects.withSamples(dir, "seed", 2);
                var llm = new LlmAccess(new SecretResolver(Map.of(), new Credentials(dir.resolve("credentials"))),
                        EngineSettings.defaults())) {
            var spec = StarAgentsSpec.fromJson("{\"dataset\":\"seed\",\"pairs\":[\"p\"],\"k\":1,"
                    + "\"smallScorer\":{\"model\":\"" + dir.resolve("missing").toString().replace("\\", "\\\\")
                    + "\"},\"largeScorer\":{\"endpoint\":\"none\",\"model\":\"big\"}}", "test");
            long runId = StarAgentsRuns.create(store, store.datasets().list().get(0).id(), spec).id();

            var job = StarAgentsRuns.job(store, runId, () -> llm, CacheMode.ON, new CostMeter());
            assertThatThrownBy(() -> job.run(TestContext.running())).hasMessageContaining("field 'smallScorer.model'");

            Run run = store.runs().find(runId).orElseThrow();
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(StarAgentsRuns.specOf(store, runId)).isEqualTo(spec);
        }
    }

    @Test
    void onlyAStarAgentsRunHasASpec() throws Exception {
        try (ProjectStore store = TestProjects.withSamples(dir, "seed", 1)) {
            long other = store.runs().create(new NewRun("score-ifd", 0, "{}", 0, OptionalDouble.empty())).id();
            assertThatThrownBy(() -> StarAgentsRuns.specOf(store, other)).hasMessage("Run " + other
                    + " is a score-ifd run");
            assertThatThrownBy(() -> StarAgentsRuns.specOf(store, 999)).hasMessage("No run 999");
        }
    }
}
