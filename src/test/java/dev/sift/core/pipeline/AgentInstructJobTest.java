package dev.sift.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.agentinstruct.SkillLibrary;
import dev.sift.core.job.testing.TestContext;
import dev.sift.core.llm.cache.CacheMode;
import dev.sift.core.llm.cache.CachingLlmClient;
import dev.sift.core.llm.openai.OpenAiCompatibleClient;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.Sample;
import dev.sift.core.store.InstructPair;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.RunEvent;
import dev.sift.core.store.RunStatus;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AgentInstruct on a scripted loopback endpoint: every pair lands in the new dataset with complete provenance, the
 * job's message counts each flow, and a run stopped by failures resumes to the end without paying any call twice.
 */
class AgentInstructJobTest {

    @TempDir
    Path dir;

    AgentInstructLoopback server;
    ProjectStore store;

    @BeforeEach
    void start() throws Exception {
        server = new AgentInstructLoopback();
        store = SqliteProjectStore.create(dir.resolve("p.sift"));
        AgentInstructLoopback.setUpProject(store, server.baseUrl());
    }

    @AfterEach
    void stop() {
        store.close();
        server.close();
    }

    long newRun(String extra) throws Exception {
        var spec = AgentInstructSpec.fromJson(AgentInstructLoopback.config(extra), "run.json");
        return AgentInstructJob.createRun(store, spec, SkillLibrary.builtIn()).id();
    }

    AgentInstructJob job(long runId) throws Exception {
        return new AgentInstructJob(runId, store, new AgentInstructSetup(
                ScriptedChatLoopback.cachedClients(store, runId), Optional.empty()));
    }

    @Test
    void everyPairIsAddedToTheNewDatasetWithCompleteProvenance() throws Exception {
        long runId = newRun("");
        var context = TestContext.running();

        AgentInstructSummary summary = job(runId).run(context);

        assertThat(summary.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(summary.slots()).isEqualTo(16);
        assertThat(summary.slotsDone()).isEqualTo(16);
        assertThat(summary.pairs()).isEqualTo(16);
        long datasetId = store.datasets().findByName("ai-out").orElseThrow().id();
        assertThat(summary.datasetId()).isEqualTo(datasetId);
        long[] ids = store.samples().ids(SampleQuery.dataset(datasetId));
        assertThat(ids).hasSize(16);
        List<InstructPair> pairs = store.instruct().pairs(runId);
        assertThat(pairs).hasSize(16);
        for (Sample sample : store.samples().fetch(ids, 0, ids.length)) {
            var p = store.instruct().provenance(sample.id()).orElseThrow();
            var pv = p.pair().provenance();
            assertThat(pv.skill()).isIn("reading-comprehension", "fermi", "coding");
            assertThat(SkillLibrary.builtIn().find(pv.skill()).orElseThrow().type(pv.instructionType())).isPresent();
            assertThat(pv.refinementRound()).isEqualTo(1);
            assertThat(pv.agents()).containsEntry("generator", "generator").containsEntry("suggester", "suggester")
                    .containsEntry("editor", "editor").containsEntry("responder", "responder");
            assertThat(pv.steps()).hasSize(2);
            assertThat(pv.steps().get(1).suggestions()).hasSize(2);
            assertThat(pv.steps().get(1).instruction()).startsWith("E-");
            assertThat(sample.content().instruction()).contains(pv.steps().get(1).instruction());
            assertThat(sample.content().output()).startsWith("Answer ");
            assertThat(sample.content().category()).isEqualTo(pv.skill() + "/" + pv.instructionType());
            assertThat(p.content().runId()).isEqualTo(runId);
            assertThat(p.seed()).isPresent();
            boolean identity = p.content().transformation().equals("identity");
            assertThat(pv.agents().containsKey("transformer")).isEqualTo(!identity);
            assertThat(p.content().text()).isEqualTo(identity ? p.seed().get().text()
                    : p.content().text()).isNotBlank();
        }
        assertThat(context.messages).anyMatch(m -> m.matches("transformed \\d+ · instructions 16 · refined 32 · "
                + "answered 16 · pairs 16"));
        List<RunEvent> flow = store.runs().events(runId, 0, 1000).stream().filter(e -> e.kind().equals("flow"))
                .toList();
        assertThat(flow).hasSize(16);
        assertThat(flow.get(0).message()).contains("chunk ", " pair", "transformed");
        assertThat(store.runs().find(runId).orElseThrow().doneItems()).isEqualTo(16);
        assertThat(server.calls("generator")).isEqualTo(16);
        assertThat(server.calls("editor")).isEqualTo(32);
        assertThat(server.repaid()).isZero();
    }

    @Test
    void theRunsInstructionTypesSpreadOverTheTaxonomy() throws Exception {
        long runId = newRun("");
        job(runId).run(TestContext.running());

        var rcTypes = store.instruct().pairs(runId).stream().filter(p -> p.provenance().skill()
                .equals("reading-comprehension")).map(p -> p.provenance().instructionType()).toList();
        assertThat(Set.copyOf(rcTypes)).as("no type twice before the taxonomy is used up").hasSameSizeAs(rcTypes);
    }

    @Test
    void aRunStoppedByFailuresResumesWithoutPayingAnyCallTwice() throws Exception {
        long runId = newRun(",\"emit\":\"all\"");
        server.failNext("responder", 3);

        AgentInstructSummary first = job(runId).run(TestContext.running());

        assertThat(first.status()).isEqualTo(RunStatus.STOPPED);
        assertThat(first.stopReason()).contains("resume to retry");
        assertThat(store.runs().events(runId, 0, 1000)).anyMatch(e -> e.kind().equals("item_failed"));
        int pairsBefore = store.instruct().pairs(runId).size();

        AgentInstructSummary second = job(runId).run(TestContext.running());

        assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(second.slotsDone()).isEqualTo(16);
        // emit all: the seed instruction and both variants of the one round, each answered
        assertThat(second.pairs()).isEqualTo(48).isGreaterThan(pairsBefore);
        assertThat(server.repaid()).as("no answered request is sent again").isZero();
        int calls = server.totalCalls();

        AgentInstructSummary third = job(runId).run(TestContext.running());

        assertThat(third.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(server.totalCalls()).as("a finished run asks nothing").isEqualTo(calls);
        assertThat(store.instruct().pairs(runId)).hasSize(48);
        Set<Integer> rounds = store.instruct().pairs(runId).stream().map(p -> p.provenance().refinementRound())
                .collect(Collectors.toSet());
        assertThat(rounds).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void aCancelledRunResumesToTheSamePairsAsAnUninterruptedOne() throws Exception {
        long runId = newRun("");
        assertThatThrownBy(() -> job(runId).run(TestContext.cancelledAfter(5)))
                .isInstanceOf(dev.sift.core.job.JobCancelledException.class);
        assertThat(store.runs().find(runId).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
        int partial = store.instruct().pairs(runId).size();
        assertThat(partial).isBetween(5, 15);

        AgentInstructSummary resumed = job(runId).run(TestContext.running());

        assertThat(resumed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(resumed.pairs()).isEqualTo(16);
        // cancelling interrupts the worker: the one call in flight then is abandoned unanswered, every answered one
        // comes from the cache
        assertThat(server.repaid()).isLessThanOrEqualTo(1);
        assertThat(store.runs().events(runId, 0, 1000)).anyMatch(e -> e.kind().equals("resumed"));
        var resumedKeys = store.instruct().pairs(runId).stream().map(p -> p.provenance().contentId() + "/"
                + p.provenance().instructionType()).collect(Collectors.toSet());

        // the same configuration in a fresh project gives the same plan: the same contents and types
        try (var other = SqliteProjectStore.create(dir.resolve("q.sift"))) {
            AgentInstructLoopback.setUpProject(other, server.baseUrl());
            var spec = AgentInstructSpec.fromJson(AgentInstructLoopback.config(""), "run.json");
            long again = AgentInstructJob.createRun(other, spec, SkillLibrary.builtIn()).id();
            Endpoint endpoint = other.endpoints().findByName("loopback").orElseThrow();
            var http = new OpenAiCompatibleClient(endpoint.baseUrl(), Optional.empty(), endpoint.name());
            new AgentInstructJob(again, other, new AgentInstructSetup(agent -> new CachingLlmClient(http,
                    other.llmCalls(), endpoint, again, CacheMode.ON), Optional.empty())).run(TestContext.running());
            var freshKeys = other.instruct().pairs(again).stream().map(p -> p.provenance().contentId() + "/"
                    + p.provenance().instructionType()).collect(Collectors.toSet());
            assertThat(freshKeys).isEqualTo(resumedKeys);
        }
    }

    @Test
    void maxPairsStopsTheRunAndUnreadableAnswersAreLoggedNotFatal() throws Exception {
        long capped = newRun(",\"maxPairs\":5");

        AgentInstructSummary summary = job(capped).run(TestContext.running());

        assertThat(summary.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(summary.pairs()).isEqualTo(5);
        assertThat(store.runs().events(capped, 0, 1000)).anyMatch(e -> e.message().contains("reached maxPairs"));

        server.generatorReplies("I cannot follow the format.");
        // another seed, so no request of the first run is answered from the cache
        var spec = AgentInstructSpec.fromJson(AgentInstructLoopback.config("").replace("ai-out", "ai-two")
                .replace("\"seed\":7", "\"seed\":8"), "r.json");
        long runId = AgentInstructJob.createRun(store, spec, SkillLibrary.builtIn()).id();
        AgentInstructSummary broken = job(runId).run(TestContext.running());

        assertThat(broken.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(broken.pairs()).isZero();
        assertThat(broken.stages()).contains("unreadable 16");
        assertThat(store.runs().events(runId, 0, 1000)).filteredOn(e -> e.kind().equals("flow"))
                .allMatch(e -> e.message().contains("without an <instruction>"));
    }

    @Test
    void theJudgeAndTheIfdScorerScoreEveryPair() throws Exception {
        Path tiny = Path.of(getClass().getResource("/dev/sift/core/llm/local/tiny/model.onnx").toURI()).getParent();
        long runId = newRun(",\"judge\":\"judge\",\"maxPairs\":4,\"ifdScorer\":{\"model\":\""
                + tiny.toString().replace("\\", "\\\\") + "\"},\"ifd\":{\"template\":\"none\",\"maxLength\":64}");
        AgentInstructSummary summary;
        try (var model = dev.sift.core.llm.local.OnnxCausalLm.open(tiny)) {
            summary = new AgentInstructJob(runId, store, new AgentInstructSetup(
                    ScriptedChatLoopback.cachedClients(store, runId), Optional.of(model))).run(TestContext.running());
        }

        assertThat(summary.pairs()).isEqualTo(4);
        assertThat(summary.stages()).contains("judged 4", "IFD 4");
        for (InstructPair pair : store.instruct().pairs(runId)) {
            var metrics = store.scores().listBySample(pair.sampleId()).stream().map(s -> s.metric()).toList();
            assertThat(metrics).containsExactlyInAnyOrder("judge", "ifd");
            assertThat(store.scores().listBySample(pair.sampleId())).filteredOn(s -> s.metric().equals("judge"))
                    .singleElement().satisfies(s -> assertThat(s.value()).isEqualTo(7.0));
        }
        assertThat(server.calls("judge")).isEqualTo(4);
    }

    @Test
    void aRunWhoseAgentWasDeletedSinceFailsSayingWhy() throws Exception {
        long runId = newRun("");
        long editor = store.agents().findByName("editor").orElseThrow().id();
        store.agents().delete(editor);

        assertThatThrownBy(() -> job(runId).run(TestContext.running()))
                .hasMessageContaining("field 'agents.editor': there is no agent 'editor'");
        assertThat(store.runs().find(runId).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
        assertThat(store.runs().find(runId).orElseThrow().error()).contains("agents.editor");
    }

    @Test
    void configurationErrorsNameTheField() throws Exception {
        assertThatThrownBy(() -> AgentInstructSpec.fromJson(AgentInstructLoopback.config(",\"rounds\":-1"), "r.json"))
                .hasMessage("r.json: field 'rounds' must not be negative");
        assertThatThrownBy(() -> AgentInstructSpec.fromJson(AgentInstructLoopback.config(",\"emit\":\"some\""),
                "r.json")).hasMessageContaining("field 'emit' must be 'final' or 'all'");
        assertThatThrownBy(() -> AgentInstructSpec.fromJson("{\"seeds\":\"s\",\"skills\":[\"fermi\"],"
                + "\"agents\":{\"generator\":\"g\",\"responder\":\"r\"}}", "r.json"))
                .hasMessage("r.json: field 'agents.transformer' must name the agent of this role");
        assertThatThrownBy(() -> newRun(",\"skillz\":1")).hasMessageContaining("field 'skillz' is not a known field");
        var unknownSkill = AgentInstructSpec.fromJson(AgentInstructLoopback.config("").replace("\"fermi\"",
                "\"fermii\""), "r.json");
        assertThatThrownBy(() -> AgentInstructJob.createRun(store, unknownSkill, SkillLibrary.builtIn()))
                .hasMessageStartingWith("field 'skills': there is no skill 'fermii'");
        var noSeeds = AgentInstructSpec.fromJson(AgentInstructLoopback.config("").replace("\"seeds\":\"seeds\"",
                "\"seeds\":\"nope\""), "r.json");
        assertThatThrownBy(() -> AgentInstructJob.createRun(store, noSeeds, SkillLibrary.builtIn()))
                .hasMessageStartingWith("field 'seeds': there is no seed collection 'nope'");
        var noAgent = AgentInstructSpec.fromJson(AgentInstructLoopback.config("").replace("\"editor\":\"editor\"",
                "\"editor\":\"nobody\""), "r.json");
        assertThatThrownBy(() -> AgentInstructJob.createRun(store, noAgent, SkillLibrary.builtIn()))
                .hasMessageStartingWith("field 'agents.editor': there is no agent 'nobody'");
        var onlyTools = AgentInstructSpec.fromJson(AgentInstructLoopback.config("").replace(
                "{\"reading-comprehension\":2,\"fermi\":1,\"coding\":1}", "{\"tool-use\":1,\"fermi\":0}"), "r.json");
        store.seeds().importCollection("prose", "{}", sink -> sink.add(AgentInstructLoopback.CHUNKS.get(0)));
        var prose = AgentInstructSpec.fromJson(onlyTools.toConfigJson().replace("\"seeds\":\"seeds\"",
                "\"seeds\":\"prose\""), "r.json");
        assertThatThrownBy(() -> AgentInstructJob.createRun(store, prose, SkillLibrary.builtIn()))
                .hasMessage("field 'skills': none of [tool-use, fermi] takes the collection's chunks (markdown)");
        newRun("");
        assertThatThrownBy(() -> newRun("")).hasMessageStartingWith("field 'dataset': there is a dataset 'ai-out'");
        assertThat(new ObjectMapper().readTree(store.runs().list().get(0).configJson()).path("skillDefinitions")
                .path("fermi").asText()).contains("\"name\": \"fermi\"");
    }
}
