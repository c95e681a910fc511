package dev.sift.core.dataset;

import static dev.sift.core.dataset.ImportFixture.importFile;
import static dev.sift.core.dataset.ImportFixture.samples;
import static dev.sift.core.dataset.ImportFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.model.Dataset;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.Message;
import dev.sift.core.model.Sample;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.ProjectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Happy paths of every format, with small hand-written files. */
class ImportFormatsTest {

    @TempDir
    Path dir;

    private ProjectStore store;

    @BeforeEach
    void open() throws Exception {
        store = ImportFixture.newProject(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void alpacaJsonMapsFieldsAndSkipsExactDuplicates() throws Exception {
        Path file = write(dir, "tiny-alpaca.json", """
                [
                  {"instruction": "Name a primary colour.", "input": "", "output": "Red."},
                  {"instruction": "Translate to French.", "input": "Good morning", "output": "Bonjour", "system": "You translate.", "category": "translation"},
                  {"instruction": "Name a primary colour.", "input": "", "output": "Red."},
                  {"instruction": "What is 6 times 7?", "output": 42, "input": null, "extra": {"ignored": [1, 2]}}
                ]
                """);

        Dataset dataset = importFile(store, file);

        assertThat(dataset.name()).isEqualTo("tiny-alpaca");
        assertThat(dataset.format()).isEqualTo(DatasetFormat.ALPACA_JSON);
        assertThat(dataset.records()).isEqualTo(4);
        assertThat(dataset.samples()).isEqualTo(3);
        assertThat(dataset.duplicates()).isEqualTo(1);
        List<Sample> samples = samples(store, dataset);
        assertThat(samples).extracting(Sample::recordIndex).containsExactly(0, 1, 3);
        assertThat(samples.get(1).content())
                .isEqualTo(new SampleContent("You translate.", "Translate to French.", "Good morning", "Bonjour", List.of(), "translation"));
        assertThat(samples.get(2).content()).isEqualTo(SampleContent.single("What is 6 times 7?", "", "42"));
        assertThat(store.datasets().list()).containsExactly(dataset);
    }

    @Test
    void alpacaHistoryMakesAMultiTurnRecord() throws Exception {
        Path file = write(dir, "history.jsonl", """
                {"instruction": "And in winter?", "input": "Oslo", "output": "Cold and dark.", "system": "Be brief.", "history": [["Weather in summer?", "Mild."], ["Any rain?", "Some."]]}
                {"instruction": "Hello", "output": "Hi", "history": []}
                """);

        Dataset dataset = importFile(store, file);

        assertThat(dataset.format()).isEqualTo(DatasetFormat.ALPACA_JSONL);
        List<Sample> samples = samples(store, dataset);
        SampleContent multi = samples.get(0).content();
        assertThat(multi.system()).isEqualTo("Be brief.");
        assertThat(multi.instruction()).isEqualTo("Weather in summer?");
        assertThat(multi.output()).isEqualTo("Mild.");
        assertThat(multi.messages()).containsExactly(
                new Message("user", "Weather in summer?"), new Message("assistant", "Mild."),
                new Message("user", "Any rain?"), new Message("assistant", "Some."),
                new Message("user", "And in winter?\n\nOslo"), new Message("assistant", "Cold and dark."));
        assertThat(samples.get(1).content()).isEqualTo(SampleContent.single("Hello", "", "Hi"));
    }

    @Test
    void utf8ByteOrderMarkIsAccepted() throws Exception {
        Path file = dir.resolve("bom.jsonl");
        Files.write(file, ("\uFEFF{\"instruction\": \"Say hi.\", \"output\": \"Hi.\"}\n").getBytes(StandardCharsets.UTF_8));

        Dataset dataset = importFile(store, file);

        assertThat(samples(store, dataset)).extracting(Sample::content)
                .containsExactly(SampleContent.single("Say hi.", "", "Hi."));
    }

    @Test
    void shareGptMapsRolesSystemPromptsAndToolTurns() throws Exception {
        Path file = write(dir, "chats.json", """
                [
                  {"id": "a", "conversations": [{"from": "human", "value": "Capital of Peru?"}, {"from": "gpt", "value": "Lima."}]},
                  {"system": "You are terse.", "conversations": [
                    {"from": "system", "value": "Answer in English."},
                    {"from": "user", "value": "Hi"}, {"from": "assistant", "value": "Hello."},
                    {"from": "human", "value": "Bye"}, {"from": "chatgpt", "value": "Goodbye."}]},
                  {"tools": "[{\\"name\\": \\"clock\\"}]", "conversations": [
                    {"from": "human", "value": "What time is it?"},
                    {"from": "function_call", "value": "{\\"name\\": \\"clock\\"}"},
                    {"from": "observation", "value": "{\\"time\\": \\"10:00\\"}"},
                    {"from": "gpt", "value": "It is ten."}]},
                  {"conversations": [{"from": "human", "value": "Only a prompt."}]}
                ]
                """);

        Dataset dataset = importFile(store, file);

        assertThat(dataset.format()).isEqualTo(DatasetFormat.SHAREGPT);
        List<SampleContent> contents = samples(store, dataset).stream().map(Sample::content).toList();
        assertThat(contents.get(0)).isEqualTo(SampleContent.single("Capital of Peru?", "", "Lima."));
        SampleContent twoExchanges = contents.get(1);
        assertThat(twoExchanges.system()).isEqualTo("You are terse.\n\nAnswer in English.");
        assertThat(twoExchanges.instruction()).isEqualTo("Hi");
        assertThat(twoExchanges.output()).isEqualTo("Hello.");
        assertThat(twoExchanges.messages()).extracting(Message::role)
                .containsExactly("user", "assistant", "user", "assistant");
        SampleContent tools = contents.get(2);
        assertThat(tools.system()).isEqualTo("Tools:\n[{\"name\": \"clock\"}]");
        assertThat(tools.output()).isEqualTo("{\"name\": \"clock\"}");
        assertThat(tools.messages()).extracting(Message::role).containsExactly("user", "assistant", "tool", "assistant");
        assertThat(contents.get(3)).isEqualTo(SampleContent.single("Only a prompt.", "", ""));
    }

    @Test
    void messagesJsonlReadsEncodedStringsTextPartsAndToolCalls() throws Exception {
        Path file = write(dir, "chat.jsonl", """
                {"messages": [{"role": "system", "content": "Be kind."}, {"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"}]}
                {"messages": "[{\\"role\\": \\"user\\", \\"content\\": \\"Encoded?\\"}, {\\"role\\": \\"assistant\\", \\"content\\": \\"Yes.\\"}]"}
                {"messages": [{"role": "user", "content": [{"type": "text", "text": "Part one."}, {"type": "text", "text": "Part two."}]}, {"role": "assistant", "content": [{"type": "text", "text": "Both read."}]}]}
                {"messages": [{"role": "user", "content": "Weather?"}, {"role": "assistant", "content": null, "tool_calls": [{"id": "1", "function": {"name": "weather"}}]}, {"role": "tool", "content": "Sunny"}, {"role": "assistant", "content": "It is sunny."}]}
                {"messages": [{"role": "user", "content": "One"}, {"role": "assistant", "content": "1"}, {"role": "user", "content": "Two"}, {"role": "assistant", "content": "2"}], "label": true}
                """);

        Dataset dataset = importFile(store, file);

        assertThat(dataset.format()).isEqualTo(DatasetFormat.MESSAGES_JSONL);
        List<SampleContent> contents = samples(store, dataset).stream().map(Sample::content).toList();
        assertThat(contents.get(0)).isEqualTo(new SampleContent("Be kind.", "Hi", "", "Hello!", List.of(), ""));
        assertThat(contents.get(1)).isEqualTo(SampleContent.single("Encoded?", "", "Yes."));
        assertThat(contents.get(2)).isEqualTo(SampleContent.single("Part one.\nPart two.", "", "Both read."));
        SampleContent toolUse = contents.get(3);
        assertThat(toolUse.output()).isEqualTo("[{\"id\":\"1\",\"function\":{\"name\":\"weather\"}}]");
        assertThat(toolUse.messages()).extracting(Message::role).containsExactly("user", "assistant", "tool", "assistant");
        assertThat(contents.get(4).messages()).hasSize(4);
        assertThat(contents.get(4).output()).isEqualTo("1");
    }

    @Test
    void messagesMayBeAJsonArrayOfRecords() throws Exception {
        Path file = write(dir, "chat-array.json", """
                [{"messages": [{"role": "user", "content": "Ping"}, {"role": "assistant", "content": "Pong"}]},
                 {"messages": [{"role": "user", "content": "Ding"}]}]
                """);

        Dataset dataset = importFile(store, file);

        assertThat(dataset.format()).isEqualTo(DatasetFormat.MESSAGES_JSONL);
        assertThat(samples(store, dataset)).extracting(Sample::content).containsExactly(
                SampleContent.single("Ping", "", "Pong"), SampleContent.single("Ding", "", ""));
    }

    @Test
    void dollyMapsContextAndResponse() throws Exception {
        Path file = write(dir, "dolly-like.jsonl", """
                {"instruction": "Who wrote the note?", "context": "The note was signed by Ada.", "response": "Ada.", "category": "closed_qa"}
                {"instruction": "Suggest a name for a cat.", "context": "", "response": "Pixel.", "category": "brainstorming"}
                """);

        Dataset dataset = importFile(store, file);

        assertThat(dataset.format()).isEqualTo(DatasetFormat.DOLLY);
        assertThat(samples(store, dataset)).extracting(Sample::content).containsExactly(
                new SampleContent("", "Who wrote the note?", "The note was signed by Ada.", "Ada.", List.of(), "closed_qa"),
                new SampleContent("", "Suggest a name for a cat.", "", "Pixel.", List.of(), "brainstorming"));
    }

    @Test
    void csvUsesTheColumnMapping() throws Exception {
        Path file = write(dir, "qa.csv", """
                question,notes,answer,topic
                "What is 2+2?",ignored,4,math
                "Write a haiku
                about rain.",,"Soft rain on the roof,
                ""drip"", says the gutter.",poetry
                """);
        var mapping = new CsvMapping("question", "", "answer", "", "topic");
        var request = new ImportRequest(file, Optional.empty(), Optional.of("My QA"), mapping);

        Dataset dataset = new ImportJob(request, store).run(new RecordingContext());

        assertThat(dataset.name()).isEqualTo("My QA");
        assertThat(dataset.format()).isEqualTo(DatasetFormat.CSV);
        assertThat(samples(store, dataset)).extracting(Sample::content).containsExactly(
                new SampleContent("", "What is 2+2?", "", "4", List.of(), "math"),
                new SampleContent("", "Write a haiku\nabout rain.", "", "Soft rain on the roof,\n\"drip\", says the gutter.", List.of(), "poetry"));
    }

    @Test
    void takenNamesGetANumber() throws Exception {
        Path file = write(dir, "same.jsonl", "{\"instruction\": \"Hi\"}\n");

        Dataset first = importFile(store, file);
        Dataset second = importFile(store, file);
        Dataset third = importFile(store, file);

        assertThat(List.of(first.name(), second.name(), third.name())).containsExactly("same", "same (2)", "same (3)");
    }

    @Test
    void reportsProgressInBytesAndRecordCounts() throws Exception {
        var lines = new StringBuilder();
        for (int i = 0; i < 25_000; i++) {
            lines.append("{\"instruction\": \"Count to ").append(i).append(".\", \"output\": \"Done.\"}\n");
        }
        Path file = write(dir, "counting.jsonl", lines.toString());
        var context = new RecordingContext();

        Dataset dataset = new ImportJob(ImportRequest.of(file), store).run(context);

        long size = Files.size(file);
        assertThat(dataset.records()).isEqualTo(25_000);
        assertThat(context.progress).isNotEmpty().allSatisfy(p -> assertThat(p[1]).isEqualTo(size));
        assertThat(context.progress.get(context.progress.size() - 1)[0]).isEqualTo(size);
        assertThat(context.messages).contains("10,000 records", "20,000 records", "25,000 records");
    }
}
