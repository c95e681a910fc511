package dev.sift.core.review;

import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.ScoreColumn;
import dev.sift.core.store.ScoreGroup;
import dev.sift.core.store.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The score columns the review shows by default: for each known metric the group (scorer and settings) with the most
 * scores over the datasets, plus IFD ppl read from the IFD scores' details.
 */
public final class ReviewColumns {

    /** Metrics in the order their columns appear, with the column key of each. */
    static final List<String> METRICS = List.of("ifd", "rifd", "judge");

    private ReviewColumns() {}

    public static List<ScoreColumn> defaults(ProjectStore store, long[] datasetIds) throws StoreException {
        var columns = new ArrayList<ScoreColumn>();
        for (String metric : METRICS) {
            Map<List<String>, Long> counts = new HashMap<>();
            for (long datasetId : datasetIds) {
                for (ScoreGroup g : store.scores().groups(datasetId, metric)) {
                    counts.merge(List.of(g.scorer(), g.template()), g.count(), Long::sum);
                }
            }
            counts.entrySet().stream().max(Map.Entry.<List<String>, Long>comparingByValue()
                            .thenComparing(e -> e.getKey().toString()))
                    .ifPresent(best -> {
                        var group = new ScoreGroup(metric, best.getKey().get(0), best.getKey().get(1), best.getValue());
                        columns.add(ScoreColumn.value(metric, group));
                        if (metric.equals("ifd")) {
                            columns.add(new ScoreColumn("ifd_ppl", group, "ifd_ppl"));
                        }
                    });
        }
        return columns;
    }
}
