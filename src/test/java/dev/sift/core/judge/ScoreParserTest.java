package dev.sift.core.judge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScoreParserTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            The answer is accurate.\\nRating: [[8]]     | 8
            Good depth. Rating: [[7.5]]                | 7.5
            [[10]] because it is complete              | 10
            rating: 6                                  | 6
            Rating: [4] - too short                    | 4
            Rating: [[ 3 ]]                            | 3
            """)
    void readsRatings(String reply, double expected) {
        assertThat(ScoreParser.rating(reply.replace("\\n", "\n"))).hasValue(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I think it is quite good.", "Rating: [[eleven]]", "Rating: [[11]]", "8/10", ""})
    void refusesToGuessARating(String reply) {
        assertThat(ScoreParser.rating(reply)).isEmpty();
    }

    @Test
    void rationaleIsTheReplyWithoutItsRating() {
        assertThat(ScoreParser.withoutRating("Clear and correct.\nRating: [[9]]")).isEqualTo("Clear and correct.");
        assertThat(ScoreParser.withoutRating("No score here")).isEqualTo("No score here");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            8 6\\nAssistant 1 explains more.    | 8   | 6
            9.0, 8.5\\nBoth are good.           | 9.0 | 8.5
            7,8                                 | 7   | 8
            \\n  10   3  \\nexplanation         | 10  | 3
            """)
    void readsTheTwoScoresOnTheFirstLine(String reply, double first, double second) {
        assertThat(ScoreParser.scorePair(reply.replace("\\n", "\n")))
                .hasValueSatisfying(s -> assertThat(s).containsExactly(first, second));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Assistant 1: 8, Assistant 2: 6", "8 6 7", "8", "Both answers are fine.\n8 6", "8f 6",
        "-1 -1", "NaN 3", "", "12 3"})
    void refusesAnythingButExactlyTwoScores(String reply) {
        assertThat(ScoreParser.scorePair(reply)).isEmpty();
    }
}
