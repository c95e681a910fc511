package dev.sift.core.judge;

import dev.sift.core.llm.ChatParameters;
import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.LlmException;
import dev.sift.core.model.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * An LLM used as a judge: single-answer grading from 1 to 10 with a rationale, and pairwise comparison
 * in both orders (ALGORITHMS.md §5.2). It always asks at temperature 0. When a reply lacks its score in
 * the required form, the judge is asked once more, in the same conversation, for the score alone; when
 * that fails too the item is flagged unparsed, never given a guessed score.
 */
public final class LlmJudge {

    /** The completion limit when the caller's parameters set none (§5.2: at most 1024). */
    public static final int DEFAULT_MAX_TOKENS = 1024;

    private final LlmClient client;
    private final String model;
    private final ChatParameters parameters;
    private final JudgePrompts prompts;

    /**
     * @param parameters the judge model's decoding parameters; the temperature is set to 0, and the
     *     completion limit to {@link #DEFAULT_MAX_TOKENS} when absent
     */
    public LlmJudge(LlmClient client, String model, ChatParameters parameters, JudgePrompts prompts) {
        this.client = Objects.requireNonNull(client, "client");
        this.model = Objects.requireNonNull(model, "model");
        ChatParameters zero = parameters.withTemperature(0);
        this.parameters = zero.maxTokens().isPresent() ? zero : zero.withMaxTokens(DEFAULT_MAX_TOKENS);
        this.prompts = Objects.requireNonNull(prompts, "prompts");
    }

    /** Grades one answer to one question. */
    public Grade grade(String question, String answer) throws LlmException {
        List<Message> prompt = prompts.single().render(Map.of("question", question, "answer", answer));
        Exchange<Double> exchange = ask(prompt, prompts.singleRepair(), LlmJudge::rating);
        OptionalDouble score = exchange.value().map(OptionalDouble::of).orElse(OptionalDouble.empty());
        return new Grade(score, ScoreParser.withoutRating(exchange.raw()),
                exchange.raw(), exchange.repair(), PromptTemplate.hash(prompt));
    }

    /** Compares m1's answer with m2's, once with m1 shown first and once with m2 shown first. */
    public PairwiseComparison compare(String question, String answerOfM1, String answerOfM2) throws LlmException {
        return new PairwiseComparison(judgeInOrder(question, answerOfM1, answerOfM2),
                judgeInOrder(question, answerOfM2, answerOfM1));
    }

    /** One pairwise judgement with {@code first} shown as Assistant 1 and {@code second} as Assistant 2. */
    public OrderedJudgement judgeInOrder(String question, String first, String second) throws LlmException {
        List<Message> prompt = prompts.pairwise().render(
                Map.of("question", question, "answer_1", first, "answer_2", second));
        Exchange<double[]> exchange = ask(prompt, prompts.pairwiseRepair(), ScoreParser::scorePair);
        return new OrderedJudgement(exchange.value().map(s -> new ScorePair(s[0], s[1])), exchange.raw(),
                exchange.repair(), PromptTemplate.hash(prompt));
    }

    private static Optional<Double> rating(String reply) {
        OptionalDouble rating = ScoreParser.rating(reply);
        return rating.isPresent() ? Optional.of(rating.getAsDouble()) : Optional.empty();
    }

    /** The first reply, the repair reply ("" when not needed), and the value read from one of them. */
    private record Exchange<T>(String raw, String repair, Optional<T> value) {}

    private <T> Exchange<T> ask(List<Message> prompt, String repairMessage, Function<String, Optional<T>> parser)
            throws LlmException {
        String raw = client.chat(new ChatRequest(model, prompt, parameters)).text();
        Optional<T> value = parser.apply(raw);
        if (value.isPresent()) {
            return new Exchange<>(raw, "", value);
        }
        List<Message> repair = new ArrayList<>(prompt);
        repair.add(new Message(Message.ASSISTANT, raw));
        repair.add(new Message(Message.USER, repairMessage));
        String repaired = client.chat(new ChatRequest(model, repair, parameters)).text();
        return new Exchange<>(raw, repaired, parser.apply(repaired));
    }
}
