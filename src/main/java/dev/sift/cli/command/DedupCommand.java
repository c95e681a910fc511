package dev.sift.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.cli.CliJobs;
import dev.sift.core.dedup.DedupJob;
import dev.sift.core.dedup.DedupRequest;
import dev.sift.core.model.Dataset;
import dev.sift.core.model.Sample;
import dev.sift.core.store.DuplicateGroup;
import dev.sift.core.store.DuplicateScan;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "dedup", description = {
    "Find near-duplicate samples by sentence-embedding cosine similarity (bundled model, offline).",
    "Embeddings are kept in the project, so a second scan only embeds new samples."})
final class DedupCommand extends ProjectCommand {

    @Option(names = {"-d", "--dataset"}, required = true, paramLabel = "NAME|ID", description = "The dataset to scan.")
    String dataset;

    @Option(names = {"-t", "--threshold"}, defaultValue = "" + DedupRequest.DEFAULT_THRESHOLD,
            description = "Cosine similarity at or above which samples are near duplicates (default ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--show", defaultValue = "10", description = "Groups to print (default ${DEFAULT-VALUE}).")
    int show;

    @Override
    int run(ProjectStore store) throws StoreException {
        Dataset d = dataset(store, dataset);
        var request = new DedupRequest(d.id(), threshold);
        CliJobs.Outcome<DuplicateScan> outcome = jobs().run(new DedupJob(request, store, env().context().embedder()));
        if (!outcome.ok()) {
            return fail(outcome);
        }
        DuplicateScan scan = outcome.value();
        if (json) {
            printResult(toJson(scan));
            return ok();
        }
        int members = scan.groups().stream().mapToInt(g -> g.members().size()).sum();
        env().out().printf("%s: %,d near-duplicate groups (%,d samples) at cosine >= %.2f%n",
                d.name(), scan.groups().size(), members, threshold);
        for (DuplicateGroup group : scan.groups().subList(0, Math.min(show, scan.groups().size()))) {
            printGroup(store, group);
        }
        return ok();
    }

    private void printGroup(ProjectStore store, DuplicateGroup group) throws StoreException {
        long[] ids = group.members().stream().mapToLong(DuplicateGroup.Member::sampleId).toArray();
        List<Sample> samples = store.samples().fetch(ids, 0, ids.length);
        env().out().println();
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            String label = i == 0 ? "   keep " : String.format("  %.3f ", group.members().get(i).similarity());
            env().out().println(label + "#" + (s.recordIndex() + 1) + "  " + oneLine(s.content().instruction()));
        }
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 100 ? flat.substring(0, 99) + "…" : flat;
    }

    private ObjectNode toJson(DuplicateScan scan) {
        ObjectNode node = env().json().createObjectNode();
        node.put("dataset", scan.datasetId()).put("model", scan.model()).put("threshold", scan.threshold());
        ArrayNode groups = node.putArray("groups");
        for (DuplicateGroup group : scan.groups()) {
            ArrayNode members = groups.addArray();
            group.members().forEach(m -> members.addObject().put("sample", m.sampleId()).put("similarity", m.similarity()));
        }
        return node;
    }
}
