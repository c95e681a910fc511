package dev.sift.cli.command;

import dev.sift.cli.CliJobs;
import dev.sift.core.model.Dataset;
import dev.sift.core.pipeline.CompareDatasetsJob;
import dev.sift.core.pipeline.CompareDatasetsSpec;
import dev.sift.core.pipeline.CompareDatasetsSummary;
import dev.sift.core.store.ProjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code sift compare}: other datasets' answers to the same instructions become candidates of the base samples. */
@Command(name = "compare", description = {
    "Add the answers other datasets give to the same instruction and input as candidates of the base samples,",
    "to review side by side. Matching ignores Unicode width forms, case and white space unless --exact.",
    "Re-running adds nothing twice."})
final class CompareCommand extends ProjectCommand {

    @Option(names = "--base", required = true, paramLabel = "NAME|ID", description = "The dataset whose samples get"
            + " candidates.")
    String base;

    @Option(names = "--with", required = true, paramLabel = "NAME|ID", description = "A dataset to take answers from"
            + " (repeatable).")
    List<String> with = new ArrayList<>();

    @Option(names = "--exact", description = "Match instruction and input exactly as stored.")
    boolean exact;

    @Override
    int run(ProjectStore store) throws Exception {
        Dataset baseDataset = dataset(store, base);
        var others = new ArrayList<Dataset>();
        for (String name : with) {
            others.add(dataset(store, name));
        }
        CompareDatasetsSpec compareSpec;
        try {
            compareSpec = new CompareDatasetsSpec(baseDataset, others, exact);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        CliJobs.Outcome<CompareDatasetsSummary> outcome = jobs().run(new CompareDatasetsJob(compareSpec, store));
        if (!outcome.ok()) {
            return fail(outcome);
        }
        report(outcome.value());
        return ok();
    }

    private void report(CompareDatasetsSummary s) {
        if (json) {
            var result = env().json().createObjectNode().put("kind", "compare").put("run", s.runId())
                    .put("base", base).put("baseSamples", s.baseSamples()).put("baseDuplicates", s.baseDuplicates())
                    .put("added", s.added()).put("match", exact ? "exact" : "normalized");
            var with = result.putArray("with");
            for (CompareDatasetsSummary.Other o : s.others()) {
                with.addObject().put("dataset", o.dataset()).put("records", o.records()).put("matched", o.matched())
                        .put("unmatched", o.unmatched()).put("noResponse", o.noResponse()).put("added", o.added())
                        .put("alreadyPresent", o.alreadyPresent());
            }
            printResult(result);
            return;
        }
        env().out().printf(Locale.ROOT, "Run %d: %,d candidates added to %,d samples of %s (%,d duplicates in the"
                + " base get each match)%n", s.runId(), s.added(), s.baseSamples(), base, s.baseDuplicates());
        for (CompareDatasetsSummary.Other o : s.others()) {
            env().out().printf(Locale.ROOT, "  %s: %,d of %,d records matched, %,d unmatched, %,d added, %,d already"
                    + " present, %,d without a response%n", o.dataset(), o.matched(), o.records(), o.unmatched(),
                    o.added(), o.alreadyPresent(), o.noResponse());
        }
    }
}
