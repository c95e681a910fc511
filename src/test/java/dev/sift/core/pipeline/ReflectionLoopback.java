package dev.sift.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.core.llm.Usage;
import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentRole;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.SampleContent;
import dev.sift.core.reflection.ReflectionPrompts;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.ProjectStore;
import java.util.List;
import java.util.Map;

/**
 * A loopback OpenAI-compatible teacher scripted for Selective Reflection-Tuning over the tiny model's words, with a
 * four-sample dataset whose branches are known (student: the tiny model, template none, 64 tokens, IFD_ppl):
 * <ol>
 *   <li>"Write a poem" / "word0 word1" (ori 0.557, 0.602): Q ("Explain why…", "Describe photosynthesis") 0.857,
 *       0.701 is harder; QA's answer "word0 word1 word2 word3" gives 0.720, 0.645: <b>QA accepted</b>;</li>
 *   <li>"Describe photosynthesis" / "foo bar baz qux quux" (0.922, 0.898): Q ("word0 word1", "word0 word1") 0.367 is
 *       not harder; A's answer "word0 word1" gives 0.636, 0.590: <b>A accepted</b>;</li>
 *   <li>"Describe photosynthesis" / "word0 word1" (0.636, 0.590): Q not harder; A's "word0 word1 word2 word3" gives
 *       r-IFD 0.773: <b>dropped</b> (the original is kept under keepOriginal);</li>
 *   <li>"Write a poem" / "it is a very happy day ." (1.337, 0.690): the instruction reflection has no tags, twice,
 *       so Q is the original; A's "word0 word1" gives 0.557, 0.602: <b>A accepted</b>.</li>
 * </ol>
 * Every request the script does not know is answered 404. {@link #calls()} counts the requests that reached it.
 */
public final class ReflectionLoopback extends ScriptedChatLoopback {

    public static final int SAMPLES = 4;
    static final String EXPLAIN = "Explain why rivers flow downhill in detail";
    static final String DESCRIBE = "Describe photosynthesis";
    static final String POEM = "Write a poem";
    static final List<SampleContent> DATASET = List.of(SampleContent.single(POEM, "", "word0 word1"),
            SampleContent.single(DESCRIBE, "", "foo bar baz qux quux"),
            SampleContent.single(DESCRIBE, "", "word0 word1"),
            SampleContent.single(POEM, "", "it is a very happy day ."));

    private static final Map<String, String> SCRIPT = Map.of(
            "I|" + POEM + "|word0 word1", "1. Too vague.\n2. [New Instruction] " + EXPLAIN + " [End]\n\n3. "
                    + "[New Answer] " + DESCRIBE + " [End]",
            "R|" + POEM + "|word0 word1", "1. Short.\n2. [Better Answer] the cat [End]",
            "R|" + EXPLAIN + "|" + DESCRIBE, "1. Off topic.\n2. [Better Answer] word0 word1 word2 word3 [End]",
            "I|" + DESCRIBE + "|foo bar baz qux quux", "[New Instruction] word0 word1 [End] [New Answer] word0 word1 "
                    + "[End]",
            "R|" + DESCRIBE + "|foo bar baz qux quux", "[Better Answer] word0 word1 [End]",
            "R|word0 word1|word0 word1", "1. Fine.\n2. [Better Answer] word0 word1 [End]",
            "I|" + DESCRIBE + "|word0 word1", "[New Instruction] word0 word1 [End] [New Answer] word0 word1 [End]",
            "R|" + DESCRIBE + "|word0 word1", "[Better Answer] word0 word1 word2 word3 [End]",
            "I|" + POEM + "|it is a very happy day .", "I would rather not rewrite this instruction.",
            "R|" + POEM + "|it is a very happy day .", "[Better Answer] word0 word1 [End]");

    public ReflectionLoopback() {
        super(new Usage(40, 10));
    }

    /** Answers the next {@code count} requests with HTTP 400 (not retried). */
    public void failNext(int count) {
        failNextAny(count);
    }

    /** Chat requests that reached the server. */
    public int calls() {
        return totalCalls();
    }

    @Override
    protected String answer(JsonNode body, String raw) {
        try {
            JsonNode messages = body.path("messages");
            String system = messages.path(0).path("content").asText();
            String user = lastMessage(body);
            String instruction = between(user, "[Instruction]\n", "\n\n[The Start of ");
            String answer = between(user, "[The Start of Answer]\n", "\n\n[The End of Answer]");
            String kind = system.equals(ReflectionPrompts.INSTRUCTION_SYSTEM) ? "I" : "R";
            return SCRIPT.get(kind + "|" + instruction + "|" + answer);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    /** A project against the server at {@code baseUrl}: dataset "reflect" and the teacher agent "teacher". */
    public static void setUpProject(ProjectStore store, String baseUrl) throws Exception {
        store.datasets().importDataset(new NewDataset("reflect", "reflect.jsonl", DatasetFormat.ALPACA_JSONL), sink -> {
            for (int i = 0; i < DATASET.size(); i++) {
                sink.add(i, DATASET.get(i));
            }
        });
        long endpoint = addEndpoint(store, baseUrl);
        store.agents().add(new Agent(0, "teacher", endpoint, "", "teacher", AgentRole.TEACHER, "",
                "{\"temperature\":0,\"max_tokens\":256}"));
    }

    /** A run configuration over the tiny model in {@code modelFolder}, with extra fields (JSON members) appended. */
    public static String config(java.nio.file.Path modelFolder, String extra) {
        return "{\"dataset\":\"reflect\",\"teacher\":\"teacher\",\"student\":{\"model\":\""
                + modelFolder.toString().replace("\\", "\\\\") + "\"},\"template\":\"none\",\"maxLength\":64"
                + (extra.isEmpty() ? "" : "," + extra) + "}";
    }
}
