package dev.sift.core.dataset;

import static dev.sift.core.dataset.ImportFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.model.DatasetFormat;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FormatDetectorTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            alpaca.json      | [{"instruction": "a", "input": "", "output": "b"}]              | ALPACA_JSON
            alpaca.jsonl     | {"instruction": "a", "output": "b"}                             | ALPACA_JSONL
            alpaca.txt       | {"output": "b", "input": "c"}                                   | ALPACA_JSONL
            history.json     | [{"history": [["a", "b"]], "instruction": "c"}]                 | ALPACA_JSON
            share.json       | [{"id": "x", "conversations": [{"from": "human", "value": "a"}]}] | SHAREGPT
            share.jsonl      | {"conversations": []}                                           | SHAREGPT
            chat.jsonl       | {"messages": [{"role": "user", "content": "a"}]}                | MESSAGES_JSONL
            chat.json        | [{"messages": "[]", "label": true}]                             | MESSAGES_JSONL
            dolly.jsonl      | {"instruction": "a", "context": "", "response": "b", "category": "c"} | DOLLY
            dolly.json       | [{"response": "b", "instruction": "a"}]                        | DOLLY
            data.csv         | instruction,output                                              | CSV
            DATA.CSV         | prompt,completion                                               | CSV
            """)
    void detectsTheFormatFromExtensionAndFirstRecordKeys(String name, String content, DatasetFormat expected)
            throws Exception {
        Path file = write(dir, name, content + "\n");

        assertThat(FormatDetector.detect(file)).isEqualTo(expected);
    }

    @Test
    void onlyTheFirstRecordIsRead() throws Exception {
        Path file = write(dir, "first.jsonl", "{\"instruction\": \"a\"}\nthis line is never parsed\n");

        assertThat(FormatDetector.detect(file)).isEqualTo(DatasetFormat.ALPACA_JSONL);
    }

    @Test
    void unknownKeysAreNamedAndTheFormatsListed() throws Exception {
        Path file = write(dir, "odd.jsonl", "{\"prompt\": \"a\", \"completion\": \"b\"}\n");

        assertThatThrownBy(() -> FormatDetector.detect(file))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("odd.jsonl, line 1: cannot tell the format: the first record has fields prompt, completion")
                .hasMessageContaining("Alpaca JSON (alpaca-json)")
                .hasMessageContaining("ShareGPT (sharegpt)")
                .hasMessageContaining("CSV (csv)");
    }

    @Test
    void aMissingFileIsReported() {
        Path file = dir.resolve("nowhere.json");

        assertThatThrownBy(() -> FormatDetector.detect(file))
                .isInstanceOf(ImportException.class)
                .hasMessage("nowhere.json: does not exist");
    }
}
