package dev.sift.core.llm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.app.LlmAccess;
import dev.sift.core.config.Credentials;
import dev.sift.core.config.SecretResolver;
import dev.sift.core.llm.ChatParameters;
import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.engine.EngineSettings;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import dev.sift.core.model.Message;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A LOCAL endpoint's chosen chat template, reached through {@link LlmAccess}: it wins over detection (the
 * tiny model's folder names none), and a {@code @template} on the request's model still overrides it.
 */
class EndpointChatTemplateTest {

    @TempDir
    Path dir;

    private LlmAccess access;

    @BeforeEach
    void setUp() {
        access = new LlmAccess(new SecretResolver(Map.of(), new Credentials(dir.resolve("credentials"))),
                EngineSettings.defaults());
    }

    @AfterEach
    void tearDown() {
        access.close();
    }

    private static Endpoint tiny(String template) {
        return new Endpoint(0, "offline", EndpointKind.LOCAL, "", TinyModel.folder().toString(), "", 1,
                OptionalInt.empty(), OptionalInt.empty(), 0, 0, "", template);
    }

    private static ChatRequest ask(String model) {
        return new ChatRequest(model, List.of(new Message(Message.USER, "the cat")), ChatParameters.defaults());
    }

    @Test
    void theEndpointsTemplateIsUsedWhenTheModelNamesNone() throws Exception {
        assertThat(access.directClient(tiny("plain")).chat(ask("tiny")).text()).isEqualTo("is very big .");
    }

    @Test
    void withoutATemplateAndNothingDetectedTheCallSaysWhereToChooseOne() throws Exception {
        assertThatThrownBy(() -> access.directClient(tiny("")).chat(ask("tiny"))).isInstanceOf(LlmException.class)
                .hasMessageContaining("endpoint's chat template").hasMessageContaining("chatml");
    }

    @Test
    void aTemplateAfterAnAtInTheModelStillOverridesTheEndpoints() throws Exception {
        String overridden = access.directClient(tiny("chatml")).chat(ask("tiny@plain")).text();

        assertThat(overridden).isEqualTo("is very big .");
    }

    @Test
    void anUnknownStoredTemplateFailsTheCheckNamingTheChoices() {
        LlmAccess.ConnectionCheck check = access.check(tiny("jinja"));

        assertThat(check.ok()).isFalse();
        assertThat(check.error()).contains("offline").contains("jinja").contains("llama3");
    }
}
