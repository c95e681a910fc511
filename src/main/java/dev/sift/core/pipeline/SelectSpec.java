package dev.sift.core.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The configuration of an IFD selection run (ALGORITHMS.md §3.1 Phase 3, §3.4).
 *
 * @param method which rule
 * @param rate the fraction to select (what it is a fraction of depends on the method); or empty with {@code count}
 * @param count how many to select at most; or empty with {@code rate}
 * @param refusalFilter drop samples whose response matches the refusal blacklist first (WizardLM*)
 * @param diverse Superfiltering.D: narrow the selection down to this many with facility location on sentence
 *     embeddings; empty for none
 * @param scorer the scorer whose IFD scores are used; empty for the dataset's largest group
 * @param scoreKey the settings key of those scores; empty with an empty scorer
 */
public record SelectSpec(
        Method method, OptionalDouble rate, OptionalInt count, boolean refusalFilter, OptionalInt diverse,
        String scorer, String scoreKey) {

    /** The selection rules. */
    public enum Method {
        /** Cherry v1: IFD_loss &le; 1, n relative to the kept pool. */
        CHERRY_V1("select-cherry"),
        /** Cherry v2: IFD_loss &le; 1, n relative to all samples. */
        CHERRY_V2("select-cherry"),
        /** Superfiltering: IFD_ppl &lt; 1, n relative to all samples. */
        SUPERFILTERING("select-superfilter");

        private final String recipe;

        Method(String recipe) {
            this.recipe = recipe;
        }

        /** The recipe id of a run of this method. */
        public String recipe() {
            return recipe;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public SelectSpec {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(count, "count");
        Objects.requireNonNull(diverse, "diverse");
        scorer = Objects.requireNonNullElse(scorer, "");
        scoreKey = Objects.requireNonNullElse(scoreKey, "");
        if (rate.isPresent() == count.isPresent()) {
            throw new IllegalArgumentException("give either a rate or a count");
        }
        if (rate.isPresent() && !(rate.getAsDouble() >= 0 && rate.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("the rate must be between 0 and 1");
        }
        if (count.isPresent() && count.getAsInt() < 0 || diverse.isPresent() && diverse.getAsInt() < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** A rate selection with no filter, no diversity pass, on the dataset's largest score group. */
    public static SelectSpec ofRate(Method method, double rate) {
        return new SelectSpec(method, OptionalDouble.of(rate), OptionalInt.empty(), false, OptionalInt.empty(), "", "");
    }

    public String toConfigJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("method", method.name());
        rate.ifPresent(r -> root.put("rate", r));
        count.ifPresent(c -> root.put("count", c));
        root.put("refusalFilter", refusalFilter);
        diverse.ifPresent(d -> root.put("diverse", d));
        root.put("scorer", scorer).put("scoreKey", scoreKey);
        return root.toString();
    }

    public static SelectSpec fromConfigJson(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            return new SelectSpec(Method.valueOf(root.path("method").asText()),
                    root.has("rate") ? OptionalDouble.of(root.get("rate").asDouble()) : OptionalDouble.empty(),
                    root.has("count") ? OptionalInt.of(root.get("count").asInt()) : OptionalInt.empty(),
                    root.path("refusalFilter").asBoolean(),
                    root.has("diverse") ? OptionalInt.of(root.get("diverse").asInt()) : OptionalInt.empty(),
                    root.path("scorer").asText(), root.path("scoreKey").asText());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a selection configuration: " + e.getMessage(), e);
        }
    }
}
