package dev.sift.core.llm.engine;

import static dev.sift.core.llm.engine.Endpoints.priced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sift.core.llm.ChatParameters;
import dev.sift.core.llm.ChatRequest;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostEstimatorTest {

    /** 2 per million prompt tokens, 8 per million completion tokens. */
    private final Endpoint api = priced("api", 2.0, 8.0);

    private static ChatRequest request(int promptChars, ChatParameters parameters) {
        return new ChatRequest("m", List.of(new Message(Message.SYSTEM, "s".repeat(promptChars / 2)),
                new Message(Message.USER, "u".repeat(promptChars - promptChars / 2))), parameters);
    }

    @Test
    void estimatesARunFromCountsAndCharacters() {
        CostEstimate estimate = new CostEstimator().estimate(api, 1000, 4_000_000, 200);

        assertThat(estimate.calls()).isEqualTo(1000);
        assertThat(estimate.promptTokens()).isEqualTo(1_000_000);
        assertThat(estimate.completionTokens()).isEqualTo(200_000);
        assertThat(estimate.tokens()).isEqualTo(1_200_000);
        assertThat(estimate.cost()).isCloseTo(2.0 + 1.6, within(1e-9));
    }

    @Test
    void takesTheOutputOfEachRequestFromItsMaxTokensTimesN() {
        var requests = List.of(
                request(400, ChatParameters.defaults().withMaxTokens(100)),
                request(800, ChatParameters.defaults().withMaxTokens(50).withN(3)),
                request(4, ChatParameters.defaults()));

        CostEstimate estimate = new CostEstimator(new TokenEstimator(4.0, 256)).estimate(api, requests);

        assertThat(estimate).isEqualTo(new CostEstimate(3, 100 + 200 + 1, 100 + 150 + 256, api.cost(301, 506)));
    }

    @Test
    void usesTheGivenExpectedOutputAndCharactersPerTokenWhenAsked() {
        var requests = List.of(request(300, ChatParameters.defaults().withMaxTokens(4000)),
                request(300, ChatParameters.defaults().withN(2)));

        CostEstimate estimate = new CostEstimator(new TokenEstimator(3.0, 512)).estimate(api, requests, 80);

        assertThat(estimate.promptTokens()).isEqualTo(200);
        assertThat(estimate.completionTokens()).isEqualTo(80 + 160);
        assertThat(estimate.plus(estimate).calls()).isEqualTo(4);
    }

    @Test
    void roundsPartialTokensUp() {
        assertThat(TokenEstimator.DEFAULT.tokens("abcde")).isEqualTo(2);
        assertThat(TokenEstimator.DEFAULT.tokens("")).isZero();
    }
}
