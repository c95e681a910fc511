package dev.sift.core.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.core.llm.LlmException.Kind;
import dev.sift.core.llm.engine.EngineSettings;
import dev.sift.core.llm.engine.LlmEngine;
import dev.sift.core.llm.openai.HttpTimeouts;
import dev.sift.core.llm.openai.OpenAiCompatibleClient;
import dev.sift.core.llm.testing.ScriptedOpenAiServer;
import dev.sift.core.llm.testing.VllmTokenServer;
import dev.sift.core.model.Endpoint;
import dev.sift.core.scoring.CausalLmScorer;
import dev.sift.core.scoring.IfdOptions;
import dev.sift.core.scoring.IfdResult;
import dev.sift.core.scoring.IfdScorer;
import dev.sift.core.scoring.SpanMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * IFD through {@link EndpointScorer} over a loopback server scripted as vLLM equals IFD computed in memory from the
 * same tokenizer and the same per-token log-probs, in both span modes and with truncation.
 */
@Timeout(60)
class EndpointScorerIT {

    private static final int MAX_MODEL_LEN = 41;

    private static final String[][] SAMPLES = {
        {"Name a colour.", "", "Blue is a colour of the sky and the sea."},
        {"Translate to French", "good morning", "Bonjour, which is how a French speaker greets you."},
        {"Write a long story", "", "Once upon a time there was a small fox who lived at the edge of a very large "
                + "forest and every morning it walked down to the river to drink and look at the fish."},
        {"Say nothing", "", ""},
    };

    private ScriptedOpenAiServer server;
    private VllmTokenServer vllm;
    private LlmClient engine;

    @BeforeEach
    void start() {
        server = ScriptedOpenAiServer.start();
        vllm = VllmTokenServer.install(server, MAX_MODEL_LEN);
        Endpoint endpoint = Endpoint.openAi("gpu", server.baseUrl(), "");
        engine = LlmEngine.create(List.of(endpoint), e -> new OpenAiCompatibleClient(e.baseUrl(), Optional.empty(),
                e.name(), HttpTimeouts.of(Duration.ofSeconds(5))), EngineSettings.defaults());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void cherryV1ThroughTheEndpointEqualsTheInMemoryScoresAndSendsTheSameIds() {
        var remote = new EndpointScorer(engine, "gpu", "llama-7b");
        assertThat(remote.maxLength()).as("vLLM's window less the generated token").isEqualTo(MAX_MODEL_LEN - 1);
        IfdOptions options = IfdOptions.cherryV1().withMaxLength(remote.maxLength());
        var local = new InMemoryScorer();

        assertSameScores(new IfdScorer(remote, options), new IfdScorer(local, options));

        List<int[]> sent = new ArrayList<>();
        for (JsonNode body : vllm.completionBodies()) {
            assertThat(body.path("model").asText()).isEqualTo("llama-7b");
            assertThat(body.path("max_tokens").asInt()).isEqualTo(1);
            assertThat(body.path("prompt_logprobs").isInt()).isTrue();
            assertThat(body.path("prompt_logprobs").asInt()).isZero();
            for (JsonNode prompt : body.path("prompt")) {
                int[] ids = new int[prompt.size()];
                Arrays.setAll(ids, i -> prompt.get(i).asInt());
                assertThat(ids.length).isLessThanOrEqualTo(options.maxLength());
                sent.add(ids);
            }
        }
        assertThat(sent).as("exactly the token ids the in-memory model was given").usingElementComparator(
                Arrays::compare).containsExactlyInAnyOrderElementsOf(local.calls);
        assertThat(sent).as("the long story was cut to the window").anyMatch(ids -> ids.length == options.maxLength());
        assertThat(vllm.tokenizeBodies()).as("answers are encoded without BOS")
                .anyMatch(b -> !b.path("add_special_tokens").asBoolean(true))
                .allMatch(b -> b.path("model").asText().equals("llama-7b"));
    }

    @Test
    void referenceSpanModeAndResponseOnlyAlsoMatch() {
        var remote = new EndpointScorer(engine, "gpu", "llama-7b");
        IfdOptions reference = IfdOptions.cherryV1().withSpanMode(SpanMode.REFERENCE_COMPAT).withMaxLength(32);
        IfdOptions superfiltering = IfdOptions.superfiltering().withMaxLength(24);

        assertSameScores(new IfdScorer(remote, reference), new IfdScorer(new InMemoryScorer(), reference));
        assertSameScores(new IfdScorer(remote, superfiltering), new IfdScorer(new InMemoryScorer(), superfiltering));
    }

    @Test
    void aBatchIsOneRequestAndEmptySequencesAreNotSent() {
        var remote = new EndpointScorer(engine, "gpu", "llama-7b");
        int[] a = VllmTokenServer.encode("the cat sat on the mat", true);
        int[] b = VllmTokenServer.encode("a dog", true);

        List<double[]> nll = remote.tokenNll(List.of(a, new int[0], b));

        assertThat(vllm.completionBodies()).hasSize(1);
        assertThat(vllm.completionBodies().get(0).path("prompt")).hasSize(2);
        assertThat(nll.get(0)).containsExactly(new InMemoryScorer().tokenNll(a));
        assertThat(nll.get(1)).isEmpty();
        assertThat(nll.get(2)).containsExactly(new InMemoryScorer().tokenNll(b));
        assertThat(remote.name()).isEqualTo("endpoint gpu/llama-7b");
    }

    @Test
    void aServerWithoutTokenizeFailsUncheckedWithAClearUnsupportedMessage() {
        server.close();
        server = ScriptedOpenAiServer.start();
        VllmTokenServer.installWithoutTokenize(server);
        var client = new OpenAiCompatibleClient(server.baseUrl(), Optional.empty(), "llama.cpp box");
        var remote = new EndpointScorer(client, "box", "m");

        assertThatThrownBy(remote::maxLength)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("llama.cpp box at " + server.baseUrl() + ": cannot score token ids (it has no "
                        + "/tokenize endpoint); token-level scoring such as IFD needs a vLLM server")
                .hasMessageEndingWith("or score with an in-process model folder")
                .cause().isInstanceOfSatisfying(LlmException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED));
        assertThatThrownBy(() -> new IfdScorer(remote, IfdOptions.superfiltering()).score("a", "", "b"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot score token ids");
    }

    private static void assertSameScores(IfdScorer remote, IfdScorer local) {
        int scored = 0;
        for (String[] s : SAMPLES) {
            IfdResult expected = local.score(s[0], s[1], s[2]);
            IfdResult actual = remote.score(s[0], s[1], s[2]);
            assertThat(actual.skip()).as(s[0]).isEqualTo(expected.skip());
            assertThat(actual.conditionalNll()).as(s[0]).containsExactly(expected.conditionalNll());
            assertThat(actual.directNll()).as(s[0]).containsExactly(expected.directNll());
            assertThat(Double.compare(actual.ifdLoss(), expected.ifdLoss())).as(s[0] + ": IFD_loss").isZero();
            assertThat(Double.compare(actual.ifdPpl(), expected.ifdPpl())).as(s[0] + ": IFD_ppl").isZero();
            scored += expected.scored() ? 1 : 0;
        }
        assertThat(scored).as("samples with a score").isGreaterThanOrEqualTo(2);
    }

    /** The same toy tokenizer and model as the scripted server, in memory, recording the sequences it scores. */
    private static final class InMemoryScorer implements CausalLmScorer {
        final List<int[]> calls = new ArrayList<>();

        @Override
        public int[] encode(String text, boolean addBos) {
            return VllmTokenServer.encode(text, addBos);
        }

        @Override
        public double[] tokenNll(int[] ids) {
            calls.add(ids.clone());
            double[] nll = new double[ids.length];
            nll[0] = Double.NaN;
            for (int t = 1; t < ids.length; t++) {
                nll[t] = -VllmTokenServer.logprob(ids, t);
            }
            return nll;
        }

        @Override
        public int maxLength() {
            return MAX_MODEL_LEN - 1;
        }
    }
}
