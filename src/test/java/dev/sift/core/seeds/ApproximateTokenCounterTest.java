package dev.sift.core.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApproximateTokenCounterTest {

    private final TokenCounter counter = new ApproximateTokenCounter();

    @Test
    void wordsCountOnePerStartedFourCharactersAndPunctuationOneEach() {
        assertThat(counter.count("")).isZero();
        assertThat(counter.count("  \n\t ")).isZero();
        assertThat(counter.count("the")).isEqualTo(1);
        assertThat(counter.count("word")).isEqualTo(1);
        assertThat(counter.count("tokenizer")).isEqualTo(3);
        assertThat(counter.count("Hello, world!")).isEqualTo(2 + 1 + 2 + 1);
        assertThat(counter.count("a_b(c);")).isEqualTo(1 + 1 + 1 + 1 + 1);
        assertThat(counter.count("x  ->  y")).isEqualTo(4);
    }

    @Test
    void ideographsCountOneEach() {
        assertThat(counter.count("東京は大きい")).isEqualTo(6);
        assertThat(counter.count("カタカナ")).isEqualTo(4);
    }

    @Test
    void countingIsAdditiveAcrossWhiteSpace() {
        String a = "Rivers carve valleys over thousands of years.";
        String b = "Glaciers, slower still, carve fjords.";
        assertThat(counter.count(a + "\n\n" + b)).isEqualTo(counter.count(a) + counter.count(b));
    }
}
