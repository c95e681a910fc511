package dev.sift.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KeyRefTest {

    @Test
    void parsesEnvironmentAndCredentialReferences() {
        assertThat(KeyRef.parse("env:OPENAI_API_KEY")).isEqualTo(new KeyRef(KeyRef.Scheme.ENV, "OPENAI_API_KEY"));
        assertThat(KeyRef.parse(" cred:work.openai ")).isEqualTo(new KeyRef(KeyRef.Scheme.CRED, "work.openai"));
        assertThat(KeyRef.parse("ENV:HF_TOKEN").toString()).isEqualTo("env:HF_TOKEN");
        assertThat(KeyRef.parse("env:PROJECT_OPENAI_KEY_FOR_TEAM_2026")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk-proj-abcdefghijklmnop1234567890", "sk-ant-api03-xyz", "hf_abcdefghijklmnopqrstuvwx12",
            "AIzaSyA1234567890abcdefghijklmnop", "Bearer abc", "3f9c1b2a7d8e4f60a1b2c3d4e5f6a7b8",
            "cred:sk-proj-abcdefghijklmnop12345"})
    void refusesWhatLooksLikeARawKeyWithoutRepeatingIt(String text) {
        assertThatThrownBy(() -> KeyRef.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("env:NAME").hasMessageContaining("cred:NAME")
                .hasMessageContaining("never stores keys")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(text.strip()));
    }

    @Test
    void refusesOtherTextWithTheExpectedForm() {
        assertThatThrownBy(() -> KeyRef.parse("OPENAI_API_KEY"))
                .hasMessage("A key reference is env:NAME (an environment variable) or cred:NAME (an entry of your"
                        + " credentials file)");
        assertThatThrownBy(() -> KeyRef.parse("env:1BAD")).hasMessageStartingWith("The key reference needs a name");
        assertThatThrownBy(() -> KeyRef.parse("env:")).hasMessageStartingWith("The key reference needs a name");
    }

    @Test
    void resolvesEnvironmentReferencesFromTheGivenEnvironment() {
        Map<String, String> env = Map.of("MY_KEY", "secret-value", "BLANK", " ");
        assertThat(KeyRef.parse("env:MY_KEY").resolveFrom(env)).contains("secret-value");
        assertThat(KeyRef.parse("env:BLANK").resolveFrom(env)).isEmpty();
        assertThat(KeyRef.parse("env:MISSING").resolveFrom(env)).isEmpty();
        assertThat(KeyRef.parse("cred:MY_KEY").resolveFrom(env)).isEmpty();
    }
}
