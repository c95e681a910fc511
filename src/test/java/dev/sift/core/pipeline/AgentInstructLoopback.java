package dev.sift.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.core.llm.Usage;
import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentRole;
import dev.sift.core.store.NewSeedChunk;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SeedChunkKind;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback OpenAI-compatible server scripted for AgentInstruct by model, each answer derived from the request's
 * last message so it does not depend on the order of work: model {@code transformer} wraps a passage in
 * {@code <content>} tags, {@code generator} writes {@code <instruction>Q-hash</instruction>}, {@code suggester} two
 * {@code <suggestion>} blocks, {@code editor} {@code <instruction>E-hash</instruction>}, {@code responder} a plain
 * answer and {@code judge} a rating. It counts the calls per model and every request body answered successfully
 * more than once (a call paid twice).
 */
public final class AgentInstructLoopback extends ScriptedChatLoopback {

    private final Set<String> answered = ConcurrentHashMap.newKeySet();
    private final AtomicInteger repaid = new AtomicInteger();
    private volatile String generatorReply;

    public AgentInstructLoopback() {
        super(new Usage(20, 5));
    }

    /** From now on the generator answers this text (e.g. one without tags). */
    public void generatorReplies(String text) {
        generatorReply = text;
    }

    /** Successful answers given to a request body seen and answered before. */
    public int repaid() {
        return repaid.get();
    }

    @Override
    protected String answer(JsonNode body, String raw) {
        String h = Integer.toHexString((lastMessage(body) + body.path("seed").asText()).hashCode());
        String text = switch (body.path("model").asText()) {
            case "transformer" -> "<content>Transformed passage " + h + ".</content>";
            case "generator" -> generatorReply != null ? generatorReply : "<instruction>Q-" + h + "</instruction>";
            case "suggester" -> "<suggestion>S1-" + h + "</suggestion>\n<suggestion>S2-" + h + "</suggestion>";
            case "editor" -> "<instruction>E-" + h + "</instruction>";
            case "responder" -> "Answer " + h + ".";
            case "judge" -> "Helpful.\nRating: [[7]]";
            default -> null;
        };
        if (text != null && !answered.add(raw)) {
            repaid.incrementAndGet();
        }
        return text;
    }

    /** Three prose chunks (two documents) and one code chunk. */
    public static final List<NewSeedChunk> CHUNKS = List.of(
            new NewSeedChunk("bees.md", SeedChunkKind.MARKDOWN, "", 0, "# Bees\nA bee visits about fifty flowers "
                    + "on one trip and returns to the hive.", 20),
            new NewSeedChunk("bees.md", SeedChunkKind.MARKDOWN, "", 1, "Honey is made from nectar that bees "
                    + "store and dry in wax cells.", 16),
            new NewSeedChunk("rivers.txt", SeedChunkKind.TEXT, "", 0, "Rivers carry sediment to the sea; deltas "
                    + "form where the current slows.", 16),
            new NewSeedChunk("stack.py", SeedChunkKind.CODE, "python", 0, "class Stack:\n    def __init__(self):\n"
                    + "        self.items = []\n    def push(self, x):\n        self.items.append(x)\n", 30));

    /** A project with the seed collection {@code seeds}, the endpoint and one agent per role plus a judge. */
    public static void setUpProject(ProjectStore store, String baseUrl) throws Exception {
        store.seeds().importCollection("seeds", "{}", sink -> {
            for (NewSeedChunk c : CHUNKS) {
                sink.add(c);
            }
        });
        setUpAgents(store, baseUrl);
    }

    /** The endpoint {@code loopback} at {@code baseUrl} and one agent per role plus a judge, each named as its model. */
    public static void setUpAgents(ProjectStore store, String baseUrl) throws Exception {
        long endpoint = addEndpoint(store, baseUrl);
        for (String name : List.of("transformer", "generator", "suggester", "editor", "responder", "judge")) {
            store.agents().add(new Agent(0, name, endpoint, "", name, role(name), "", "{\"max_tokens\":64}"));
        }
    }

    private static AgentRole role(String name) {
        return switch (name) {
            case "transformer" -> AgentRole.TRANSFORMER;
            case "generator" -> AgentRole.GENERATOR;
            case "suggester" -> AgentRole.SUGGESTER;
            case "editor" -> AgentRole.EDITOR;
            case "judge" -> AgentRole.JUDGE;
            case "responder" -> AgentRole.RESPONDER;
            default -> AgentRole.TEACHER;
        };
    }

    /** A configuration over all four chunks with two prose skills and coding. */
    public static String config(String extra) {
        return "{\"seeds\":\"seeds\",\"skills\":{\"reading-comprehension\":2,\"fermi\":1,\"coding\":1},"
                + "\"agents\":{\"transformer\":\"transformer\",\"generator\":\"generator\",\"suggester\":\"suggester\","
                + "\"editor\":\"editor\",\"responder\":\"responder\"},\"transformationsPerChunk\":2,"
                + "\"instructionsPerContent\":2,\"rounds\":1,\"suggestions\":2,\"seed\":7,\"dataset\":\"ai-out\""
                + extra + "}";
    }
}
