package dev.sift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.llm.Usage;
import dev.sift.core.llm.testing.ScriptedOpenAiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sift judge pairwise-aggregate} on review files written by the test, and {@code sift judge grade}. */
class JudgeCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir.resolve("config"));
    }

    @AfterEach
    void tearDown() {
        cli.close();
    }

    @Test
    void aggregatesEachFileAndTheTotal() throws Exception {
        Path reviews = Files.createDirectory(dir.resolve("reviews"));
        // a: win (both orders favour m1), win (one favours m1, one ties), tie (disagree), lose
        write(reviews.resolve("a_reviews.json"), "a", new String[][] {
            {"[9.0, 7.0]", "[6.0, 8.0]"}, {"[8, 8]", "[5.0, 9.0]"}, {"[9.0, 7.0]", "[9.0, 7.0]"}, {"[3, 6]", "[8, 4]"}});
        // b: tie (both tie), and one item Cherry could not parse
        write(reviews.resolve("b_reviews.json"), "b", new String[][] {{"[7, 7]", "[7.0, 7.0]"}, {"[-1, -1]", "[8, 9]"}});
        Files.writeString(reviews.resolve("notes.txt"), "not a review file");

        CliRunner.Result table = cli.run("judge", "pairwise-aggregate", reviews.toString());
        CliRunner.Result json = cli.run("judge", "pairwise-aggregate", reviews.toString(), "--json");

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).containsPattern("a_reviews\\.json\\s+2\\s+1\\s+1\\s+4\\s+1\\.2500\\s+0\\s+50\\.0%")
                .containsPattern("b_reviews\\.json\\s+0\\s+1\\s+0\\s+1\\s+1\\.0000\\s+1\\s+0\\.0%")
                .containsPattern("total\\s+2\\s+2\\s+1\\s+5\\s+1\\.2000\\s+1\\s+40\\.0%");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode result = json.result();
        assertThat(result.path("files")).hasSize(2);
        assertThat(result.path("files").get(0).path("dataset").asText()).isEqualTo("a");
        JsonNode total = result.path("total");
        assertThat(total.path("win").asInt()).isEqualTo(2);
        assertThat(total.path("tie").asInt()).isEqualTo(2);
        assertThat(total.path("lose").asInt()).isEqualTo(1);
        assertThat(total.path("n").asInt()).isEqualTo(5);
        assertThat(total.path("unparsed").asInt()).isEqualTo(1);
        assertThat(total.path("winningScore").asDouble()).isEqualTo(1.2);
    }

    @Test
    void aMalformedFileIsNamedWithItsRecordAndField() throws Exception {
        Path reviews = Files.createDirectory(dir.resolve("bad"));
        write(reviews.resolve("x.json"), "x", new String[][] {{"[9.0, 7.0]", "[6.0, 8.0]"}, {"nine and seven", "[1, 2]"}});

        CliRunner.Result r = cli.run("judge", "pairwise-aggregate", reviews.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("x.json").contains("record 1").contains("'scores'");
    }

    @Test
    void gradesOneAnswerThroughAnAgent() {
        try (ScriptedOpenAiServer server = ScriptedOpenAiServer.start()) {
            String project = dir.resolve("p.sift").toString();
            assertThat(cli.run("new", project).exitCode()).isZero();
            assertThat(cli.run("endpoints", "add", "local", "-p", project, "--url", server.baseUrl()).exitCode()).isZero();
            CliRunner.Result agent = cli.run("agents", "add", "judge", "-p", project, "--endpoint", "local", "--model",
                    "judge-model", "--role", "judge");
            assertThat(agent.exitCode()).as(agent.err()).isZero();
            server.chatReply("Accurate and complete.\nRating: [[9]]", new Usage(80, 12));

            CliRunner.Result r = cli.run("judge", "grade", "-p", project, "--agent", "judge", "--question",
                    "What is 2+2?", "--answer", "4");

            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).isEqualTo("Score: 9\nAccurate and complete.\n");
            JsonNode body = server.takeJson();
            assertThat(body.path("temperature").asDouble()).isZero();
            assertThat(body.path("messages").get(1).path("content").asText()).contains("What is 2+2?")
                    .contains("[The Start of the Assistant's Answer]\n4\n");
        }
    }

    private static void write(Path file, String dataset, String[][] scores) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("Meta_Info").put("dataset_name", dataset);
        ArrayNode data = root.putArray("data");
        for (int i = 0; i < scores.length; i++) {
            data.addObject().put("text", "question " + i).put("Answer1", "m1").put("Answer2", "m2")
                    .put("review", scores[i][0] + " review").put("scores", scores[i][0])
                    .put("review_reverse", scores[i][1] + " review").put("scores_reverse", scores[i][1]);
        }
        Files.writeString(file, root.toString());
    }
}
