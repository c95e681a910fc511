package dev.sift.core.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.pipeline.StarAgentsSpec.ScorerRef;
import dev.sift.core.scoring.DirectMode;
import dev.sift.core.scoring.IfdOptions;
import dev.sift.core.scoring.PromptTemplate;
import dev.sift.core.scoring.SpanMode;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The fields of a recipe's JSON configuration, read and written the same way by every recipe: errors name the field
 * ("field 'k' must be a whole number") and {@link #read} puts the source (the file, or "run N") in front.
 */
final class SpecFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SpecFields() {
    }

    /**
     * Reads the JSON object {@code json} with {@code reader}, after checking it names only {@code fields}.
     *
     * @throws IllegalArgumentException naming {@code source} and the field when it is not a valid configuration
     */
    static <T> T read(String json, String source, Set<String> fields, Function<JsonNode, T> reader) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": must be a JSON object");
        }
        try {
            for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
                String name = names.next();
                require(fields.contains(name), name, "is not a known field; known: " + new TreeSet<>(fields));
            }
            return reader.apply(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** A new, empty object to write a configuration into. */
    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** @throws IllegalArgumentException "field '{@code field}' {@code problem}" unless {@code ok} */
    static void require(boolean ok, String field, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("field '" + field + "' " + problem);
        }
    }

    /** A name or id, e.g. of a dataset: a string or a whole number, as text. */
    static String nameOrId(JsonNode root, String field, String problem) {
        require(root.path(field).isTextual() || root.path(field).isIntegralNumber(), field, problem);
        return root.path(field).asText();
    }

    /** A whole number, or {@code fallback} when the field is left out. */
    static int integer(JsonNode root, String field, int fallback) {
        JsonNode node = root.path(field);
        if (node.isMissingNode()) {
            return fallback;
        }
        require(node.isInt(), field, "must be a whole number");
        return node.asInt();
    }

    /** A whole number, or empty when the field is left out or null. */
    static OptionalInt optionalInteger(JsonNode root, String field) {
        JsonNode node = root.path(field);
        require(node.isMissingNode() || node.isNull() || node.isInt(), field, "must be a whole number");
        return node.isInt() ? OptionalInt.of(node.asInt()) : OptionalInt.empty();
    }

    /** A number, or {@code fallback} when the field is left out. */
    static double number(JsonNode root, String field, double fallback) {
        JsonNode node = root.path(field);
        if (node.isMissingNode()) {
            return fallback;
        }
        require(node.isNumber(), field, "must be a number");
        return node.asDouble();
    }

    /** A number, or empty when the field is left out or null. */
    static OptionalDouble optionalNumber(JsonNode root, String field) {
        JsonNode node = root.path(field);
        require(node.isMissingNode() || node.isNull() || node.isNumber(), field, "must be a number");
        return node.isNumber() ? OptionalDouble.of(node.asDouble()) : OptionalDouble.empty();
    }

    /** {@code true} or {@code false}; false when the field is left out. */
    static boolean bool(JsonNode root, String field) {
        JsonNode node = root.path(field);
        require(node.isMissingNode() || node.isBoolean(), field, "must be true or false");
        return node.asBoolean(false);
    }

    /** A string, or empty when the field is left out, null or blank. */
    static Optional<String> text(JsonNode root, String field) {
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull() || node.asText().isBlank()) {
            return Optional.empty();
        }
        require(node.isTextual(), field, "must be a string");
        return Optional.of(node.asText());
    }

    /** The seed every draw of a run is derived from; 0 when left out. */
    static long seed(JsonNode root) {
        return root.path("seed").asLong(0);
    }

    /** The spending cap ({@code budget}), or empty. */
    static OptionalDouble budget(JsonNode root) {
        return optionalNumber(root, "budget");
    }

    /** Items in flight at once ({@code concurrency}); 1 when left out. */
    static int concurrency(JsonNode root) {
        return integer(root, "concurrency", 1);
    }

    /** Writes the spending cap, when there is one, and the concurrency. */
    static void writeLimits(ObjectNode root, OptionalDouble budgetUsd, int concurrency) {
        budgetUsd.ifPresent(b -> root.put("budget", b));
        root.put("concurrency", concurrency);
    }

    /** A constant of {@code type} by name, case and dashes aside. */
    static <E extends Enum<E>> E constant(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + field + "': unknown value '" + value + "'; choose one of "
                    + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }

    /** A scorer: {@code {"model": FOLDER}} or {@code {"endpoint": NAME, "model": ID}}. */
    static ScorerRef scorer(JsonNode root, String field) {
        JsonNode node = root.path(field);
        require(node.isObject(), field, "must be an object: {\"model\": FOLDER} or {\"endpoint\": NAME, \"model\": ID}");
        String model = node.path("model").asText("");
        if (node.hasNonNull("endpoint")) {
            require(!model.isBlank(), field + ".model", "must name the endpoint's model");
            return new ScorerRef("", node.get("endpoint").asText(), model);
        }
        require(!model.isBlank(), field + ".model", "must name a local model folder (or give 'endpoint')");
        return ScorerRef.local(model);
    }

    /** Writes a scorer in the shape {@link #scorer} reads. */
    static void writeScorer(ObjectNode node, ScorerRef ref) {
        if (ref.isLocal()) {
            node.put("model", ref.modelDir());
        } else {
            node.put("endpoint", ref.endpoint()).put("model", ref.model());
        }
    }

    /** The {@code ifd} object: the Superfiltering settings with a 512-token window, where it leaves them out. */
    static IfdOptions ifd(JsonNode root) {
        JsonNode node = root.path("ifd");
        require(node.isMissingNode() || node.isObject(), "ifd", "must be an object");
        IfdOptions base = IfdOptions.superfiltering().withMaxLength(512);
        JsonNode header = node.path("headerTokens");
        return new IfdOptions(
                constant(PromptTemplate.class, node.path("template").asText(base.template().name()), "ifd.template"),
                constant(SpanMode.class, node.path("spanMode").asText(base.spanMode().name()), "ifd.spanMode"),
                constant(DirectMode.class, node.path("directMode").asText(base.directMode().name()), "ifd.directMode"),
                integer(node, "maxLength", base.maxLength()), header.isInt() ? OptionalInt.of(header.asInt())
                        : OptionalInt.empty());
    }

    /** Writes the {@code ifd} object in the shape {@link #ifd} reads. */
    static void writeIfd(ObjectNode root, IfdOptions ifd) {
        ObjectNode o = root.putObject("ifd");
        o.put("template", ifd.template().name()).put("directMode", ifd.directMode().name())
                .put("spanMode", ifd.spanMode().name()).put("maxLength", ifd.maxLength());
        ifd.headerTokens().ifPresent(h -> o.put("headerTokens", h));
    }
}
