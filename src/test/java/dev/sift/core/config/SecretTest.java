package dev.sift.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void neverPrintsItsValue() {
        Secret key = Secret.of("sk-proj-abcdefghijklmnop1234");

        assertThat(key.toString()).isEqualTo("****");
        assertThat("key=" + key).isEqualTo("key=****");
        assertThat(key.reveal()).isEqualTo("sk-proj-abcdefghijklmnop1234");
    }

    @Test
    void masksItselfShowingTheLastFourCharacters() {
        assertThat(Secret.of("sk-proj-abcdefghijklmnop1234").masked()).isEqualTo("****1234");
        assertThat(Secret.of("short-key").masked()).isEqualTo("****");
    }

    @Test
    void isNeverEmpty() {
        assertThatThrownBy(() -> Secret.of("")).isInstanceOf(IllegalArgumentException.class);
    }
}
