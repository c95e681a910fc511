package dev.sift.core.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.sift.core.store.RefinementStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON forms of a pair's agents ({"role": "agent"}) and refinement steps ([{round, suggestions, instruction}]). */
final class InstructJson {

    private static final TypeReference<LinkedHashMap<String, String>> AGENTS = new TypeReference<>() {};
    private static final TypeReference<List<RefinementStep>> STEPS = new TypeReference<>() {};

    private InstructJson() {}

    static String writeAgents(Map<String, String> agents) {
        return write(agents);
    }

    static String writeSteps(List<RefinementStep> steps) {
        return write(steps);
    }

    static Map<String, String> readAgents(String json, long sampleId) {
        return read(json, AGENTS, "agents_json", sampleId);
    }

    static List<RefinementStep> readSteps(String json, long sampleId) {
        return read(json, STEPS, "steps_json", sampleId);
    }

    private static String write(Object value) {
        try {
            return MessagesJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and refinement steps always serialise", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type, String column, long sampleId) {
        try {
            return MessagesJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt " + column + " of the instruct pair of sample " + sampleId
                    + " in the project file: " + e.getOriginalMessage(), e);
        }
    }
}
