package dev.sift.core.llm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sift.core.llm.ChatParameters;
import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.ChatResponse;
import dev.sift.core.llm.Choice;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.ScoreRequest;
import dev.sift.core.llm.ScoreResult;
import dev.sift.core.llm.TokenLogprob;
import dev.sift.core.llm.Usage;
import dev.sift.core.model.Message;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalLlmClientTest {

    private static OnnxCausalLm lm;
    private static LocalLlmClient plain;

    @BeforeAll
    static void open() throws IOException {
        lm = OnnxCausalLm.open(TinyModel.folder(), 1);
        plain = new LocalLlmClient(lm, Optional.of(ChatTemplate.PLAIN));
    }

    @AfterAll
    static void close() {
        plain.close();
    }

    private static ChatRequest ask(String model, String text, ChatParameters parameters) {
        return new ChatRequest(model, List.of(new Message(Message.USER, text)), parameters);
    }

    private static ChatRequest ask(String text, ChatParameters parameters) {
        return ask("tiny", text, parameters);
    }

    @Test
    void servesTheFolderAsItsOnlyModel() {
        assertThat(plain.models()).containsExactly("tiny");
    }

    @Test
    void greedyChatReturnsWhatTheModelGeneratesForTheRenderedPrompt() throws LlmException {
        ChatResponse response = plain.chat(ask("the cat", ChatParameters.defaults()));

        GenerationResult direct = lm.generate(lm.encode("the cat", true), GenerationSettings.greedy(20));
        assertThat(response.text()).isEqualTo(direct.text()).isEqualTo("is very big .");
        assertThat(response.choices().get(0).finishReason()).isEqualTo("stop");
        assertThat(response.usage()).isEqualTo(new Usage(3, 4));
        assertThat(response.model()).isEqualTo("tiny");
    }

    @Test
    void aTemplateNamedAfterAnAtOverridesTheDefault() throws LlmException {
        List<Message> messages = List.of(new Message(Message.SYSTEM, "the sun"), new Message(Message.USER, "a dog"));
        ChatRequest request = new ChatRequest("tiny@vicuna", messages, ChatParameters.defaults().withMaxTokens(6));

        String rendered = ChatTemplate.VICUNA.render(messages, true);
        GenerationResult direct = lm.generate(lm.encode(rendered, true), GenerationSettings.greedy(6));
        assertThat(plain.chat(request).text()).isEqualTo(direct.text());
        assertThat(rendered).isEqualTo("the sun USER: a dog ASSISTANT:");
    }

    @Test
    void withoutATemplateTheErrorSaysHowToChooseOne() {
        LocalLlmClient undetected = new LocalLlmClient(lm, Optional.empty());

        assertThatThrownBy(() -> undetected.chat(ask("the cat", ChatParameters.defaults())))
                .isInstanceOfSatisfying(LlmException.class,
                        e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.PERMANENT))
                .hasMessageContaining("'tiny@chatml'")
                .hasMessageContaining("plain");
        assertThatThrownBy(() -> undetected.chat(ask("tiny@zephyr", "the cat", ChatParameters.defaults())))
                .hasMessageContaining("unknown chat template 'zephyr'");
    }

    @Test
    void maxTokensEndsWithFinishReasonLength() throws LlmException {
        ChatResponse response = plain.chat(ask("the cat", ChatParameters.defaults().withMaxTokens(2)));

        assertThat(response.choices().get(0)).isEqualTo(new Choice("is very", "length", List.of()));
        assertThat(response.usage().completionTokens()).isEqualTo(2);
    }

    @Test
    void stopStringsCutTheTextAndStopGeneration() throws LlmException {
        ChatResponse response = plain.chat(ask("the cat", ChatParameters.defaults().withStop(List.of("big"))));

        assertThat(response.choices().get(0).text()).isEqualTo("is very ");
        assertThat(response.choices().get(0).finishReason()).isEqualTo("stop");
    }

    @Test
    void streamedDeltasAddUpToTheFinalText() throws LlmException {
        for (ChatParameters parameters : List.of(ChatParameters.defaults(),
                ChatParameters.defaults().withStop(List.of("big")), ChatParameters.defaults().withStop(List.of("ve")),
                ChatParameters.defaults().withMaxTokens(12).withTemperature(1).withSeed(3).withN(2))) {
            List<StringBuilder> streamed = List.of(new StringBuilder(), new StringBuilder());
            List<String> deltas = new ArrayList<>();
            ChatResponse response = plain.stream(ask("the cat", parameters), (index, text) -> {
                streamed.get(index).append(text);
                deltas.add(text);
            });

            for (int i = 0; i < response.choices().size(); i++) {
                assertThat(streamed.get(i).toString()).as("%s", parameters).isEqualTo(response.choices().get(i).text());
            }
            assertThat(deltas).doesNotContain("");
            assertThat(response).isEqualTo(plain.chat(ask("the cat", parameters)));
        }
    }

    @Test
    void streamingSendsTextAsItIsGenerated() throws LlmException {
        List<String> deltas = new ArrayList<>();
        plain.stream(ask("the cat", ChatParameters.defaults()), (index, text) -> deltas.add(text));

        assertThat(deltas).hasSizeGreaterThan(1);
        assertThat(deltas.get(0)).isEqualTo("is");
    }

    @Test
    void seededSamplingIsReproducibleAndChoiceIUsesSeedPlusI() throws LlmException {
        ChatParameters twoFrom42 = ChatParameters.defaults().withMaxTokens(10).withTemperature(1.0).withSeed(42).withN(2);
        ChatResponse first = plain.chat(ask("the cat", twoFrom42));

        assertThat(plain.chat(ask("the cat", twoFrom42))).isEqualTo(first);
        ChatResponse from43 = plain.chat(ask("the cat", twoFrom42.withN(1).withSeed(43)));
        assertThat(first.choices().get(1)).isEqualTo(from43.choices().get(0));
        GenerationResult direct = lm.generate(lm.encode("the cat", true), GenerationSettings.sampling(10, 1.0, 1.0, 42));
        assertThat(first.text()).isEqualTo(direct.text());
        assertThat(first.usage().promptTokens()).isEqualTo(3);
    }

    @Test
    void logprobsAreThoseOfTheGeneratedTokens() throws LlmException {
        ChatResponse response = plain.chat(ask("the cat", ChatParameters.defaults().withLogprobs(0)));

        GenerationResult direct = lm.generate(lm.encode("the cat", true), GenerationSettings.greedy(20));
        List<TokenLogprob> logprobs = response.choices().get(0).logprobs();
        assertThat(logprobs).extracting(TokenLogprob::token).containsExactly("is", "very", "big", ".");
        for (int k = 0; k < logprobs.size(); k++) {
            assertThat(logprobs.get(k).logprob()).isCloseTo(direct.logProbs()[k], within(1e-9));
        }
    }

    @Test
    void scoreEqualsTheTeacherForcedNllOfTheContinuationTokens() throws LlmException {
        ScoreResult result = plain.score(new ScoreRequest("tiny", "the cat", "sat on the mat ."));

        int[] prompt = lm.encode("the cat", true);
        int[] continuation = lm.encode("sat on the mat .", false);
        int[] ids = Arrays.copyOf(prompt, prompt.length + continuation.length);
        System.arraycopy(continuation, 0, ids, prompt.length, continuation.length);
        double[] nll = lm.tokenNll(ids);
        assertThat(result.promptTokens()).isEqualTo(3);
        assertThat(result.model()).isEqualTo("tiny");
        assertThat(result.continuationTokens()).extracting(TokenLogprob::token)
                .containsExactly("sat", "on", "the", "mat", ".");
        for (int k = 0; k < continuation.length; k++) {
            assertThat(result.continuationTokens().get(k).logprob()).isEqualTo(-nll[prompt.length + k]);
        }
        assertThat(plain.score(new ScoreRequest("tiny", "the cat", "")).continuationTokens()).isEmpty();
    }

    @Test
    void anInterruptedThreadFailsTransientAndKeepsItsFlag() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> plain.chat(ask("the cat", ChatParameters.defaults())))
                    .isInstanceOfSatisfying(LlmException.class, e -> {
                        assertThat(e.kind()).isEqualTo(LlmException.Kind.TRANSIENT);
                        assertThat(e.getCause()).isInstanceOf(InterruptedException.class);
                    });
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void anInterruptDuringGenerationStopsItBetweenTokens() {
        List<String> deltas = new ArrayList<>();
        try {
            assertThatThrownBy(() -> plain.stream(ask("the cat", ChatParameters.defaults()), (index, text) -> {
                deltas.add(text);
                Thread.currentThread().interrupt();
            })).isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.isTransient()).isTrue());
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(deltas).containsExactly("is");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aPromptThatFillsTheContextWindowIsRefused() {
        String longText = String.join(" ", java.util.Collections.nCopies(70, "cat"));

        assertThatThrownBy(() -> plain.chat(ask(longText, ChatParameters.defaults())))
                .hasMessageContaining("context window of 64");
    }
}
