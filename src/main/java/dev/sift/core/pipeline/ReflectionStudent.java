package dev.sift.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.reflection.ReflectionVersion;
import dev.sift.core.reflection.StudentStats;
import dev.sift.core.scoring.CausalLmScorer;
import dev.sift.core.scoring.IfdOptions;
import dev.sift.core.scoring.IfdResult;
import dev.sift.core.scoring.IfdScorer;
import dev.sift.core.scoring.ReverseIfd;
import dev.sift.core.scoring.ReverseIfdResult;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.NewScore;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Score;
import dev.sift.core.store.StoreException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The student statistics of Selective Reflection-Tuning (ALGORITHMS.md §4.4): IFD and r-IFD of one version of a
 * sample with the student scorer, saved as two scores of its candidate. {@value #IFD} is written as the IFD job writes
 * it (value IFD_loss; details with IFD_ppl, the four means and the settings; the per-token losses) and {@value #RIFD}
 * likewise (value r-IFD_loss; details with {@code rifd_ppl}); both details name the version ({@code ori}, {@code Q},
 * {@code A}, {@code QA}). So both variants are kept, and the rule can be re-applied offline.
 */
final class ReflectionStudent {

    static final String IFD = ScoreIfdSpec.METRIC;
    static final String RIFD = "rifd";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProjectStore store;
    private final CausalLmScorer scorer;
    private final IfdScorer ifd;
    private final ReverseIfd rifd;
    private final IfdOptions options;
    private final ReflectionSpec.Variant variant;

    /** @param options the run's settings; the window is capped at the scorer's own */
    ReflectionStudent(ProjectStore store, CausalLmScorer scorer, IfdOptions options, ReflectionSpec.Variant variant) {
        this.store = store;
        this.scorer = scorer;
        this.options = options.withMaxLength(Math.min(options.maxLength(), scorer.maxLength()));
        this.ifd = new IfdScorer(scorer, this.options);
        this.rifd = new ReverseIfd(scorer, this.options);
        this.variant = variant;
    }

    /** The settings key the scores are saved under. */
    String key() {
        return ScoreIfdSpec.key(options);
    }

    String scorerName() {
        return scorer.name();
    }

    /** Scores a version, saves both scores and returns them in the run's variant. */
    StudentStats score(Candidate c, ReflectionVersion version) throws StoreException {
        // scorers are thread-safe (CausalLmScorer): an in-process model runs one call at a time by itself, and a
        // remote student scores several samples at once
        IfdResult forward = ifd.score(c.instruction(), c.input(), c.response());
        ReverseIfdResult reverse = rifd.score(c.instruction(), c.input(), c.response());
        ObjectNode fd = (ObjectNode) read(ScoreIfdJob.details(forward));
        fd.put("version", version.label());
        ObjectNode rd = JSON.createObjectNode();
        put(rd, "rifd_loss", reverse.rifdLoss());
        put(rd, "rifd_ppl", reverse.rifdPpl());
        put(rd, "conditional_loss", reverse.conditionalLoss());
        put(rd, "direct_loss", reverse.directLoss());
        put(rd, "conditional_ppl", reverse.conditionalPpl());
        put(rd, "direct_ppl", reverse.directPpl());
        rd.put("skip", lower(reverse.skip().name())).put("span_mode", lower(options.spanMode().name()))
                .put("template", lower(options.template().name())).put("version", version.label());
        store.scores().saveAll(List.of(
                new NewScore(c.id(), IFD, forward.ifdLoss(), scorer.name(), key(), options.maxLength(),
                        forward.conditionalNll(), forward.directNll(), fd.toString()),
                new NewScore(c.id(), RIFD, reverse.rifdLoss(), scorer.name(), key(), options.maxLength(),
                        reverse.conditionalNll(), reverse.directNll(), rd.toString())));
        return variant == ReflectionSpec.Variant.PPL ? new StudentStats(forward.ifdPpl(), reverse.rifdPpl())
                : new StudentStats(forward.ifdLoss(), reverse.rifdLoss());
    }

    /** A saved score in {@code variant}: the value for loss, the details' {@code <metric>_ppl} for ppl; NaN if none. */
    static double valueOf(Score score, ReflectionSpec.Variant variant) {
        if (variant == ReflectionSpec.Variant.LOSS) {
            return score.value();
        }
        JsonNode node = read(score.detailsJson()).path(score.metric() + "_ppl");
        return node.isNumber() ? node.doubleValue() : Double.NaN;
    }

    private static JsonNode read(String json) {
        try {
            return json.isBlank() ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static void put(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
