package dev.sift.core.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.model.Dataset;
import java.util.List;
import java.util.Objects;

/**
 * What "compare datasets" aligns: the base dataset whose samples receive candidates, and the other datasets whose
 * answers to the same instruction and input become those candidates.
 *
 * @param base the dataset whose samples get candidates
 * @param others the datasets to take answers from, at least one, none of them the base, no repeats
 * @param exact match instruction and input exactly as stored, instead of normalised ({@link CompareKeys})
 */
public record CompareDatasetsSpec(Dataset base, List<Dataset> others, boolean exact) {

    /** The recipe id of the run a comparison records. */
    public static final String RECIPE = "compare-datasets";

    public CompareDatasetsSpec {
        Objects.requireNonNull(base, "base");
        others = List.copyOf(others);
        if (others.isEmpty()) {
            throw new IllegalArgumentException("name at least one dataset to compare with");
        }
        if (others.stream().anyMatch(d -> d.id() == base.id())) {
            throw new IllegalArgumentException("dataset \"" + base.name() + "\" cannot be compared with itself");
        }
        if (others.stream().map(Dataset::id).distinct().count() != others.size()) {
            throw new IllegalArgumentException("each dataset to compare with may be named once");
        }
    }

    /** The run's configuration: dataset ids and names, and the matching mode. */
    public String toConfigJson() {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("base", base.name()).put("baseId", base.id());
        ArrayNode with = root.putArray("with");
        ArrayNode withIds = root.putArray("withIds");
        for (Dataset d : others) {
            with.add(d.name());
            withIds.add(d.id());
        }
        root.put("match", exact ? "exact" : "normalized");
        return root.toString();
    }
}
