package dev.sift.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.model.Message;
import dev.sift.core.model.Sample;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.DecidedBy;
import dev.sift.core.store.Decision;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.Run;
import dev.sift.core.store.RunStatus;
import dev.sift.core.store.Score;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PreferencePairsTest {

    private static final Sample SAMPLE = new Sample(7, 1, 0, SampleContent.single("Name a colour", "warm", "Red"), "h");
    private static final Candidate GPT4 = candidate(11, CandidateOrigin.DATASET, "Orange, like a sunset.");
    private static final Candidate PAIR = candidate(12, CandidateOrigin.GENERATED, "Yellow");
    private static final Candidate SAME = candidate(13, CandidateOrigin.GENERATED, "Red");

    @Test
    void aCuratorsChoiceIsPreferredToEveryOtherCandidate() {
        List<PreferencePair> pairs = PreferencePairs.of(SAMPLE, decision(11, DecisionAction.CHOOSE, DecidedBy.CURATOR),
                List.of(GPT4, PAIR), List.of(), Optional.empty());

        assertThat(pairs).extracting(PreferencePair::rejected).containsExactly("Red", "Yellow");
        assertThat(pairs).extracting(PreferencePair::rejectedCandidate).containsExactly(0L, 12L);
        assertThat(pairs).allSatisfy(p -> {
            assertThat(p.prompt()).isEqualTo("Name a colour\n\nwarm");
            assertThat(p.chosen()).isEqualTo("Orange, like a sunset.");
            assertThat(p.chosenCandidate()).isEqualTo(11);
            assertThat(p.chosenBy()).isEqualTo("curator");
            assertThat(p.sampleId()).isEqualTo(7);
        });
    }

    @Test
    void keepingTheRecordItselfPairsItAgainstTheOthersAndSkipsEqualAnswers() {
        List<PreferencePair> pairs = PreferencePairs.of(SAMPLE, decision(0, DecisionAction.CHOOSE, DecidedBy.CURATOR),
                List.of(GPT4, SAME), List.of(), Optional.empty());

        assertThat(pairs).singleElement().satisfies(p -> {
            assertThat(p.chosen()).isEqualTo("Red");
            assertThat(p.rejected()).isEqualTo("Orange, like a sunset.");
            assertThat(p.chosenCandidate()).isZero();
        });
    }

    @Test
    void anAlgorithmPrefersItsChoiceOnlyToCandidatesWithALowerScoreInItsMetric() {
        Candidate original = candidate(10, CandidateOrigin.ORIGINAL, "Red");
        List<Score> scores = List.of(score(10, 0.9, "m"), score(11, 0.5, "m"), score(12, 0.95, "m"),
                score(12, 0.1, "other-model"));
        Optional<DecisionMetric> metric = DecisionMetric.of(run("select-cherry", "{}"));

        List<PreferencePair> pairs = PreferencePairs.of(SAMPLE, decision(10, DecisionAction.CHOOSE,
                DecidedBy.ALGORITHM), List.of(original, GPT4, PAIR), scores, metric);

        assertThat(pairs).extracting(PreferencePair::rejectedCandidate).containsExactly(11L);
        assertThat(pairs.get(0).chosenBy()).isEqualTo("algorithm");
    }

    @Test
    void superfilteringDecisionsCompareIfdPplFromTheDetails() {
        Candidate original = candidate(10, CandidateOrigin.ORIGINAL, "Red");
        List<Score> scores = List.of(score(10, 0.2, "m", "{\"ifd_ppl\":0.8}"), score(11, 0.9, "m", "{\"ifd_ppl\":0.3}"),
                score(12, 0.1, "m", "{\"ifd_ppl\":0.95}"));

        List<PreferencePair> pairs = PreferencePairs.of(SAMPLE, decision(10, DecisionAction.CHOOSE,
                DecidedBy.ALGORITHM), List.of(original, GPT4, PAIR), scores,
                DecisionMetric.of(run("select-superfilter", "{\"scorer\":\"m\",\"scoreKey\":\"\"}")));

        assertThat(pairs).extracting(PreferencePair::rejectedCandidate).containsExactly(11L);
    }

    @Test
    void anAlgorithmWithoutAScoreForItsChoicePrefersItToAllOthers() {
        List<PreferencePair> unknownRecipe = PreferencePairs.of(SAMPLE, decision(11, DecisionAction.CHOOSE,
                DecidedBy.ALGORITHM), List.of(GPT4, PAIR), List.of(score(12, 0.99, "m")),
                DecisionMetric.of(run("some-judge", "{}")));
        List<PreferencePair> unscored = PreferencePairs.of(SAMPLE, decision(11, DecisionAction.CHOOSE,
                DecidedBy.ALGORITHM), List.of(GPT4, PAIR), List.of(score(12, 0.99, "m")),
                DecisionMetric.of(run("select-cherry", "{}")));

        assertThat(unknownRecipe).extracting(PreferencePair::rejectedCandidate).containsExactly(0L, 12L);
        assertThat(unscored).extracting(PreferencePair::rejectedCandidate).containsExactly(0L, 12L);
    }

    @Test
    void rejectedAndMultiTurnSamplesGiveNoPairs() {
        Sample chat = new Sample(8, 1, 1, new SampleContent("", "Hi", "", "Hello", List.of(
                new Message(Message.USER, "Hi"), new Message(Message.ASSISTANT, "Hello")), ""), "h2");

        assertThat(PreferencePairs.of(SAMPLE, decision(11, DecisionAction.REJECT, DecidedBy.CURATOR),
                List.of(GPT4, PAIR), List.of(), Optional.empty())).isEmpty();
        assertThat(PreferencePairs.of(chat, decision(0, DecisionAction.CHOOSE, DecidedBy.CURATOR),
                List.of(GPT4), List.of(), Optional.empty())).isEmpty();
    }

    @Test
    void thePromptLeavesOutAnEmptyInput() {
        assertThat(PreferencePair.prompt("Say hi", "")).isEqualTo("Say hi");
        assertThat(PreferencePair.prompt("Translate", "Hallo")).isEqualTo("Translate\n\nHallo");
    }

    private static Candidate candidate(long id, CandidateOrigin origin, String response) {
        return new Candidate(id, 7, 0, 0, origin, OptionalInt.empty(), "Name a colour", "warm", response, Instant.EPOCH,
                "");
    }

    private static Decision decision(long candidateId, DecisionAction action, DecidedBy by) {
        return new Decision(1, 7, candidateId, action, by, by == DecidedBy.ALGORITHM ? 3 : 0, "", Instant.EPOCH,
                Optional.empty());
    }

    private static Score score(long candidateId, double value, String scorer) {
        return score(candidateId, value, scorer, "");
    }

    private static Score score(long candidateId, double value, String scorer, String details) {
        return new Score(candidateId * 10, candidateId, 7, "ifd", value, scorer, "alpaca", 512, details, Instant.EPOCH);
    }

    private static Run run(String recipe, String config) {
        return new Run(3, recipe, 1, config, 0, RunStatus.SUCCEEDED, Instant.EPOCH, Optional.empty(), Optional.empty(),
                0, 0, 0, 0, 0, OptionalDouble.empty(), "");
    }
}
