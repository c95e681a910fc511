package dev.sift.core.agentinstruct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.llm.Usage;
import dev.sift.core.llm.openai.OpenAiCompatibleClient;
import dev.sift.core.llm.testing.ScriptedOpenAiServer;
import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentRole;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each flow on a scripted loopback endpoint sends exactly the prompts its skill file defines. The expected messages
 * are built here from the skill file's raw JSON (lines joined, placeholders replaced by plain string replacement),
 * independently of the reader and renderer under test.
 */
class FlowsLoopbackTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Usage USAGE = new Usage(10, 5);

    ScriptedOpenAiServer server;
    OpenAiCompatibleClient client;
    final SkillLibrary library = SkillLibrary.builtIn();
    final SeedText seed = new SeedText("Bees visit about 50 flowers per trip.", "bees.md", "markdown", "");

    @BeforeEach
    void start() {
        server = ScriptedOpenAiServer.start();
        client = new OpenAiCompatibleClient(server.baseUrl(), java.util.Optional.empty(), "loopback");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    SkillAgent agent(String name) {
        return new SkillAgent(new Agent(1, name, 1, "", name + "-model", AgentRole.TEACHER, "agent's own system",
                "{\"max_tokens\":64}"), client);
    }

    /** The raw skill file of a built-in. */
    static JsonNode file(String skill) throws Exception {
        try (InputStream in = SkillLibrary.class.getResourceAsStream("skills/" + skill + ".json")) {
            return JSON.readTree(in);
        }
    }

    /** A prompt text of the raw file with the values put in. */
    static String expected(JsonNode text, Map<String, String> values) {
        String out;
        if (text.isArray()) {
            List<String> lines = new ArrayList<>();
            text.forEach(l -> lines.add(l.asText()));
            out = String.join("\n", lines);
        } else {
            out = text.asText();
        }
        for (var e : values.entrySet()) {
            out = out.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        return out;
    }

    /** Asserts the next request's messages are (system, user) as expected and its model is the agent's. */
    void assertSent(String model, String system, String user) {
        JsonNode body = server.takeJson();
        assertThat(body.path("model").asText()).isEqualTo(model);
        JsonNode messages = body.path("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).path("content").asText()).isEqualTo(system);
        assertThat(messages.get(1).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(1).path("content").asText()).isEqualTo(user);
        assertThat(body.path("seed").isIntegralNumber()).as("a per-unit seed is sent").isTrue();
    }

    @Test
    void theTransformationSendsItsTransformersPromptAndReturnsTheContent() throws Exception {
        Skill rc = library.find("reading-comprehension").orElseThrow();
        server.chatReply("<content>Ann: Bees are busy.\nBo: Fifty flowers, really?</content>", USAGE);

        String content = new ContentTransformation(agent("transformer")).transform(rc,
                rc.transformation("debate").orElseThrow(), seed, 1);

        assertThat(content).isEqualTo("Ann: Bees are busy.\nBo: Fifty flowers, really?");
        JsonNode debate = null;
        for (JsonNode t : file("reading-comprehension").path("transformations")) {
            if (t.path("name").asText().equals("debate")) {
                debate = t;
            }
        }
        Map<String, String> values = Map.of("seed", seed.text(), "source", "bees.md", "kind", "markdown",
                "language", "", "skill", "reading-comprehension");
        assertSent("transformer-model", expected(debate.path("system"), values), expected(debate.path("prompt"),
                values));
    }

    @Test
    void theIdentityTransformationAsksNobody() throws Exception {
        Skill rc = library.find("reading-comprehension").orElseThrow();

        String content = new ContentTransformation(agent("transformer")).transform(rc,
                rc.transformation("identity").orElseThrow(), seed, 1);

        assertThat(content).isEqualTo(seed.text());
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void theGeneratorIsAskedForTheDrawnTypeAndItsInstructionIsTakenFromTheTags() throws Exception {
        Skill fermi = library.find("fermi").orElseThrow();
        InstructionType type = fermi.type("count-of-things").orElseThrow();
        server.chatReply("Sure.\n<instruction>How many bees live in Paris?</instruction>\nDone.", USAGE);

        String instruction = new InstructionGeneration(agent("generator")).generate(fermi, "identity", "CONTENT",
                type, 3);

        assertThat(instruction).isEqualTo("How many bees live in Paris?");
        JsonNode g = file("fermi").path("generator");
        Map<String, String> values = Map.of("content", "CONTENT", "type", "count-of-things", "type_description",
                type.description(), "type_example", type.example(), "skill", "fermi", "transformation", "identity");
        assertSent("generator-model", expected(g.path("system"), values), expected(g.path("prompt"), values));
    }

    @Test
    void aTypeWithoutAnExampleSaysSo() throws Exception {
        Skill fermi = library.find("fermi").orElseThrow();
        InstructionType type = fermi.type("rate-or-flow").orElseThrow();
        assertThat(type.example()).isEmpty();
        server.chatReply("<instruction>How much water flows?</instruction>", USAGE);

        new InstructionGeneration(agent("generator")).generate(fermi, "identity", "C", type, 3);

        assertThat(server.takeJson().path("messages").get(1).path("content").asText())
                .contains("Example of the kind: (no example given)");
    }

    @Test
    void eachRefinementRoundAsksTheSuggesterOnceAndTheEditorOncePerSuggestion() throws Exception {
        Skill fermi = library.find("fermi").orElseThrow();
        server.chatReply("<suggestion>Use a city</suggestion><suggestion>Ask for a range</suggestion>"
                + "<suggestion>ignored third</suggestion>", USAGE);
        server.chatReply("<instruction>Q1a</instruction>", USAGE);
        server.chatReply("<instruction>Q1b</instruction>", USAGE);
        server.chatReply("<suggestion>Add a year</suggestion><suggestion>Add a unit</suggestion>", USAGE);
        server.chatReply("<instruction>Q2a</instruction>", USAGE);
        server.chatReply("<instruction>Q2b</instruction>", USAGE);

        RefinedInstruction refined = new InstructionRefinement(agent("suggester"), agent("editor"), 2, 2)
                .refine(fermi, "CONTENT", "rate-or-flow", "Q0", 9);

        assertThat(server.requestCount()).isEqualTo(6);
        JsonNode r = file("fermi").path("refinement");
        String goals = String.join("\n", fermi.refinement().goals().stream().map(g -> "- " + g).toList());
        Map<String, String> round1 = Map.of("content", "CONTENT", "instruction", "Q0", "goals", goals, "count", "2",
                "type", "rate-or-flow", "skill", "fermi");
        assertSent("suggester-model", expected(r.path("suggester").path("system"), round1),
                expected(r.path("suggester").path("prompt"), round1));
        for (String suggestion : List.of("Use a city", "Ask for a range")) {
            var values = new java.util.HashMap<>(round1);
            values.put("suggestion", suggestion);
            assertSent("editor-model", expected(r.path("editor").path("system"), values),
                    expected(r.path("editor").path("prompt"), values));
        }
        String chosen = refined.chain().get(1).instruction();
        assertThat(chosen).isIn("Q1a", "Q1b");
        JsonNode second = server.takeJson();
        assertThat(second.path("messages").get(1).path("content").asText()).contains(chosen);
        assertThat(refined.chain()).extracting(ChainStep::round).containsExactly(0, 1, 2);
        assertThat(refined.chain().get(1).suggestions()).containsExactly("Use a city", "Ask for a range");
        assertThat(refined.emitted(Emit.FINAL)).singleElement().satisfies(e -> {
            assertThat(e.round()).isEqualTo(2);
            assertThat(e.instruction()).isIn("Q2a", "Q2b");
            assertThat(e.steps()).hasSize(3);
        });
        assertThat(refined.emitted(Emit.ALL)).extracting(RefinedInstruction.Emitted::instruction)
                .containsExactly("Q0", "Q1a", "Q1b", "Q2a", "Q2b");
    }

    @Test
    void theResponderIsAskedWithTheResponsePromptWhichBecomesThePair() throws Exception {
        Skill tools = library.find("tool-use").orElseThrow();
        server.chatReply("  Which city do you mean?  ", USAGE);

        Answer answer = new ResponseGeneration(agent("responder")).respond(tools, "[{\"name\":\"weather\"}]",
                "missing-parameter-ask-user", "What's the weather?", 4);

        JsonNode p = file("tool-use").path("response");
        Map<String, String> values = Map.of("content", "[{\"name\":\"weather\"}]", "instruction",
                "What's the weather?", "type", "missing-parameter-ask-user", "skill", "tool-use");
        assertSent("responder-model", expected(p.path("system"), values), expected(p.path("prompt"), values));
        assertThat(answer.text()).isEqualTo("Which city do you mean?");
        assertThat(answer.system()).isEqualTo(expected(p.path("system"), values));
        assertThat(answer.prompt()).isEqualTo("What's the weather?");
    }

    @Test
    void aSkillWithoutASystemPromptUsesTheAgentsOwn() throws Exception {
        Skill tiny = SkillReader.read(SkillReaderTest.minimal().toString(), "tiny.json");
        server.chatReply("<suggestion>x</suggestion>", USAGE);
        server.chatReply("<instruction>y</instruction>", USAGE);

        new InstructionRefinement(agent("suggester"), agent("editor"), 1, 1).refine(tiny, "C", "a", "I", 1);

        assertSent("suggester-model", "agent's own system", "Improve I in 1 ways toward - harder");
    }

    @Test
    void anAnswerInTheWrongFormatFailsWithAClearMessage() {
        Skill fermi = library.find("fermi").orElseThrow();
        server.chatReply("How many bees live in Paris?", USAGE);

        assertThatThrownBy(() -> new InstructionGeneration(agent("generator")).generate(fermi, "identity", "C",
                fermi.taxonomy().get(0), 1)).isInstanceOf(AgentOutputException.class)
                .hasMessage("the generator of skill 'fermi' answered without an <instruction>…</instruction> block: "
                        + "\"How many bees live in Paris?\"");
    }
}
