package dev.sift.core.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.store.Run;
import dev.sift.core.store.Score;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The score an algorithm's decision ranked candidates by, higher being better: IFD (the score's value) for Cherry
 * selections, IFD_ppl (from the score's details) for Superfiltering, of the scorer and settings the run was
 * configured with (any, when it named none). Runs of other recipes have no known metric.
 *
 * @param scorer the scorer whose scores count, or empty for any
 * @param template the scores' settings key, or empty for any
 */
record DecisionMetric(String metric, String detailsField, String scorer, String template) {

    /** The metric of IFD scores (as saved by the IFD scoring job). */
    static final String IFD = "ifd";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The metric the run's decisions followed, if it is known. */
    static Optional<DecisionMetric> of(Run run) {
        String field = switch (run.recipe()) {
            case "select-cherry" -> "";
            case "select-superfilter" -> "ifd_ppl";
            default -> null;
        };
        if (field == null) {
            return Optional.empty();
        }
        JsonNode config = read(run.configJson());
        return Optional.of(new DecisionMetric(IFD, field, config.path("scorer").asText(""),
                config.path("scoreKey").asText("")));
    }

    /** The candidate's value in this metric: its first matching score with a number, else empty. */
    OptionalDouble of(long candidateId, List<Score> scores) {
        return scoreOf(candidateId, scores).map(s -> OptionalDouble.of(value(s))).orElse(OptionalDouble.empty());
    }

    /** The candidate's first matching score with a number. */
    Optional<Score> scoreOf(long candidateId, List<Score> scores) {
        return scores.stream().filter(s -> s.candidateId() == candidateId && matches(s))
                .filter(s -> Double.isFinite(value(s))).findFirst();
    }

    /** The same metric narrowed to the scorer and settings of {@code score}, so that values compare like for like. */
    DecisionMetric sameGroupAs(Score score) {
        return new DecisionMetric(metric, detailsField, score.scorer(), score.template());
    }

    private double value(Score s) {
        return detailsField.isEmpty() ? s.value() : read(s.detailsJson()).path(detailsField).asDouble(Double.NaN);
    }

    private boolean matches(Score s) {
        return s.metric().equals(metric) && (scorer.isEmpty() || s.scorer().equals(scorer))
                && (template.isEmpty() || s.template().equals(template));
    }

    private static JsonNode read(String json) {
        if (json == null || json.isEmpty()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
