package dev.sift.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RefusalFilterTest {

    @Test
    void defaultsCatchDisclaimersIgnoringCase() {
        RefusalFilter filter = RefusalFilter.withDefaults();
        assertThat(filter.phrases()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(filter.matches("As an AI Language Model, I have no body.")).isTrue();
        assertThat(filter.firstMatch("I'M SORRY, BUT I CANNOT do that")).contains("i'm sorry, but i cannot");
        assertThat(filter.matches("Paris is the capital of France.")).isFalse();
    }

    @Test
    void customListReplacesTheDefaults() {
        RefusalFilter filter = new RefusalFilter(List.of("Lorem IPSUM"));
        assertThat(filter.matches("... lorem ipsum ...")).isTrue();
        assertThat(filter.matches("As an AI language model")).isFalse();
    }
}
