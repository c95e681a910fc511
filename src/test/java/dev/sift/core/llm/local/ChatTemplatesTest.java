package dev.sift.core.llm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatTemplatesTest {

    @TempDir
    Path folder;

    private void tokenizerConfig(String json) throws IOException {
        Files.writeString(folder.resolve("tokenizer_config.json"), json);
    }

    private void config(String modelType) throws IOException {
        Files.writeString(folder.resolve("config.json"), "{\"model_type\": \"" + modelType + "\"}");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            {% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %} => CHATML
            {{ bos_token }}{% for m in messages %}{{ '<|start_header_id|>' + m['role'] + '<|end_header_id|>\\n\\n' }}{% endfor %} => LLAMA3
            {{ bos_token }}{% for m in messages %}{% if m['role'] == 'user' %}{{ '[INST] ' + m['content'] + ' [/INST]' }}{% endif %}{% endfor %} => MISTRAL
            {% for message in messages %}{% if message['role'] == 'user' %}{{'<|user|>\\n' + message['content'] + '<|end|>\\n'}}{% endif %}{% endfor %} => PHI3
            {{ bos_token }}{% for message in messages %}{{ '<start_of_turn>' + role + '\\n' }}{% endfor %} => GEMMA
            {{ system }} {% for m in messages %}{% if m['role'] == 'user' %}USER: {{ m['content'] }} {% else %}ASSISTANT: {% endif %}{% endfor %} => VICUNA
            {% for m in messages %}### Instruction:\\n{{ m['content'] }}\\n\\n### Response:\\n{% endfor %} => ALPACA
            """)
    void detectsTheFamilyFromItsTemplateMarkers(String template, ChatTemplate expected) throws IOException {
        tokenizerConfig("{\"chat_template\": \"" + template.replace("\"", "\\\"") + "\"}");

        assertThat(ChatTemplates.detect(folder)).contains(expected);
    }

    @Test
    void readsTheDefaultOfANamedTemplateList() throws IOException {
        tokenizerConfig("""
                {"chat_template": [
                  {"name": "tool_use", "template": "{{ '[INST]' }}"},
                  {"name": "default", "template": "{{ '<|im_start|>' }}"}]}""");

        assertThat(ChatTemplates.detect(folder)).contains(ChatTemplate.CHATML);
    }

    @Test
    void fallsBackToTheModelTypeWhenTheTokenizerConfigHasNoTemplate() throws IOException {
        tokenizerConfig("{\"bos_token\": \"<bos>\"}");
        config("gemma2");

        assertThat(ChatTemplates.detect(folder)).contains(ChatTemplate.GEMMA);
    }

    @Test
    void anUnknownFamilyIsNotGuessed() throws IOException {
        tokenizerConfig("{\"chat_template\": \"{% for m in messages %}{{ m.content }}{% endfor %}\"}");
        config("llama");

        assertThat(ChatTemplates.detect(folder)).isEmpty();
        assertThatThrownBy(() -> ChatTemplates.choose(folder, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot tell the chat template")
                .hasMessageContaining("choose one of chatml, llama3");
    }

    @Test
    void aNamedTemplateOverridesDetection() throws IOException {
        tokenizerConfig("{\"chat_template\": \"<|im_start|>\"}");

        assertThat(ChatTemplates.choose(folder, "Alpaca")).isEqualTo(ChatTemplate.ALPACA);
        assertThat(ChatTemplates.choose(folder, "")).isEqualTo(ChatTemplate.CHATML);
        assertThatThrownBy(() -> ChatTemplates.choose(folder, "zephyr"))
                .hasMessage("Unknown chat template 'zephyr'; choose one of " + ChatTemplate.names());
    }

    @Test
    void theTinyTestModelHasNoTemplate() throws IOException {
        assertThat(ChatTemplates.detect(TinyModel.folder())).isEmpty();
    }
}
