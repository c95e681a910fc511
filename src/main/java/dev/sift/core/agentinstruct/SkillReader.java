package dev.sift.core.agentinstruct;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and checks a skill file (JSON; the format is in docs/agentinstruct.md). Every problem is a
 * {@link SkillException} naming the file and the field's JSON path: a missing or mistyped field, an unknown field,
 * a placeholder a prompt may not use or a required one it lacks, a seed kind other than text, markdown or code, and a
 * transformation or instruction type named twice.
 */
public final class SkillReader {

    /** What each prompt may use, and what its user message must use. */
    enum Slot {
        TRANSFORMATION(Set.of("seed", "source", "kind", "language", "skill"), Set.of("seed")),
        GENERATOR(Set.of("content", "type", "type_description", "type_example", "skill", "transformation"),
                Set.of("type")),
        SUGGESTER(Set.of("content", "instruction", "goals", "count", "type", "skill"), Set.of("instruction")),
        EDITOR(Set.of("content", "instruction", "suggestion", "goals", "type", "skill"),
                Set.of("instruction", "suggestion")),
        RESPONSE(Set.of("content", "instruction", "type", "skill"), Set.of("instruction"));

        final Set<String> allowed;
        final Set<String> required;

        Slot(Set<String> allowed, Set<String> required) {
            this.allowed = allowed;
            this.required = required;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("name", "description", "seedKinds", "transformations",
            "generator", "taxonomy", "refinement", "response");

    private final String source;

    private SkillReader(String source) {
        this.source = source;
    }

    /**
     * Reads a skill from its JSON text; {@code source} names the file in messages.
     *
     * @throws SkillException naming the source and the field when the skill is not valid
     */
    public static Skill read(String json, String source) {
        return new SkillReader(source).parse(json);
    }

    private Skill parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SkillException(source, "", "is not JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new SkillException(source, "", "must hold one JSON object");
        }
        known(root, "", FIELDS);
        String name = text(root, "name", "name");
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new SkillException(source, "name", "must be lower-case letters, digits and dashes, e.g. 'fermi'");
        }
        Set<String> kinds = new LinkedHashSet<>();
        JsonNode k = array(root, "seedKinds", "seedKinds");
        for (int i = 0; i < k.size(); i++) {
            String kind = k.get(i).asText("");
            if (!k.get(i).isTextual() || !Skill.SEED_KINDS.contains(kind)) {
                throw new SkillException(source, "seedKinds[" + i + "]", "must be one of "
                        + new TreeSet<>(Skill.SEED_KINDS));
            }
            kinds.add(kind);
        }
        return new Skill(name, optionalText(root, "description", "description"), kinds,
                transformations(array(root, "transformations", "transformations")),
                prompt(root.path("generator"), "generator", Slot.GENERATOR),
                taxonomy(array(root, "taxonomy", "taxonomy")), refinement(root.path("refinement")),
                prompt(root.path("response"), "response", Slot.RESPONSE), source, json);
    }

    private List<Transformation> transformations(JsonNode node) {
        List<Transformation> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "transformations[" + i + "]";
            JsonNode t = object(node.get(i), at);
            known(t, at + ".", Set.of("name", "description", "system", "prompt", "identity"));
            String name = text(t, "name", at + ".name");
            if (!names.add(name)) {
                throw new SkillException(source, at + ".name", "names '" + name + "' a second time");
            }
            boolean identity = t.path("identity").asBoolean(false) || (Transformation.IDENTITY.equals(name)
                    && !t.has("prompt"));
            if (identity && t.has("prompt")) {
                throw new SkillException(source, at + ".prompt", "must be left out of an identity transformation");
            }
            Optional<SkillPrompt> prompt = identity ? Optional.empty() : Optional.of(prompt(t, at,
                    Slot.TRANSFORMATION));
            out.add(new Transformation(name, optionalText(t, "description", at + ".description"), prompt));
        }
        return out;
    }

    private List<InstructionType> taxonomy(JsonNode node) {
        List<InstructionType> out = new ArrayList<>();
        Set<String> types = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "taxonomy[" + i + "]";
            JsonNode t = object(node.get(i), at);
            known(t, at + ".", Set.of("type", "description", "example"));
            String type = text(t, "type", at + ".type");
            if (!types.add(type)) {
                throw new SkillException(source, at + ".type", "names the type '" + type + "' a second time");
            }
            out.add(new InstructionType(type, text(t, "description", at + ".description"),
                    optionalText(t, "example", at + ".example")));
        }
        return out;
    }

    private Refinement refinement(JsonNode node) {
        object(node, "refinement");
        known(node, "refinement.", Set.of("goals", "suggester", "editor"));
        JsonNode g = array(node, "goals", "refinement.goals");
        List<String> goals = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            if (!g.get(i).isTextual() || g.get(i).asText().isBlank()) {
                throw new SkillException(source, "refinement.goals[" + i + "]", "must be a non-empty string");
            }
            goals.add(g.get(i).asText());
        }
        return new Refinement(goals, prompt(node.path("suggester"), "refinement.suggester", Slot.SUGGESTER),
                prompt(node.path("editor"), "refinement.editor", Slot.EDITOR));
    }

    /** A prompt object ({@code system}, {@code prompt}), its placeholders checked against the slot. */
    private SkillPrompt prompt(JsonNode node, String at, Slot slot) {
        object(node, at);
        if (slot != Slot.TRANSFORMATION) {
            known(node, at + ".", Set.of("system", "prompt"));
        }
        String system = node.has("system") ? promptText(node.get("system"), at + ".system") : "";
        String prompt = promptText(node.path("prompt"), at + ".prompt");
        placeholders(system, at + ".system", slot);
        placeholders(prompt, at + ".prompt", slot);
        Set<String> used = Placeholders.names(prompt);
        for (String required : new TreeSet<>(slot.required)) {
            if (!used.contains(required)) {
                throw new SkillException(source, at + ".prompt", "must use the placeholder {{" + required + "}}");
            }
        }
        return new SkillPrompt(system, prompt);
    }

    /** A prompt's text: a string, or an array of strings joined by new lines (easier to write in JSON). */
    private String promptText(JsonNode node, String at) {
        if (node.isMissingNode() || node.isNull()) {
            throw new SkillException(source, at, "is missing");
        }
        String text;
        if (node.isArray()) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                if (!node.get(i).isTextual()) {
                    throw new SkillException(source, at + "[" + i + "]", "must be a string");
                }
                lines.add(node.get(i).asText());
            }
            text = String.join("\n", lines);
        } else if (node.isTextual()) {
            text = node.asText();
        } else {
            throw new SkillException(source, at, "must be a string or an array of lines");
        }
        if (text.isBlank() && !at.endsWith(".system")) {
            throw new SkillException(source, at, "must not be empty");
        }
        return text;
    }

    private void placeholders(String template, String at, Slot slot) {
        for (String name : Placeholders.names(template)) {
            if (!slot.allowed.contains(name)) {
                throw new SkillException(source, at, "uses the unknown placeholder {{" + name + "}}; this prompt "
                        + "may use " + new TreeSet<>(slot.allowed));
            }
        }
    }

    private void known(JsonNode node, String prefix, Set<String> fields) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!fields.contains(name)) {
                throw new SkillException(source, prefix + name, "is not a known field; known: "
                        + new TreeSet<>(fields));
            }
        }
    }

    private JsonNode object(JsonNode node, String at) {
        if (node == null || node.isMissingNode()) {
            throw new SkillException(source, at, "is missing");
        }
        if (!node.isObject()) {
            throw new SkillException(source, at, "must be an object");
        }
        return node;
    }

    private JsonNode array(JsonNode parent, String name, String at) {
        JsonNode node = parent.path(name);
        if (node.isMissingNode()) {
            throw new SkillException(source, at, "is missing");
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new SkillException(source, at, "must be a non-empty array");
        }
        return node;
    }

    private String text(JsonNode parent, String name, String at) {
        JsonNode node = parent.path(name);
        if (node.isMissingNode() || node.isNull()) {
            throw new SkillException(source, at, "is missing");
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new SkillException(source, at, "must be a non-empty string");
        }
        return node.asText();
    }

    private String optionalText(JsonNode parent, String name, String at) {
        JsonNode node = parent.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            throw new SkillException(source, at, "must be a string");
        }
        return node.asText();
    }
}
