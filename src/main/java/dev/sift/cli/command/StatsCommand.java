package dev.sift.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.model.Dataset;
import dev.sift.core.stats.HistogramBin;
import dev.sift.core.stats.LengthStats;
import dev.sift.core.store.DuplicateScan;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.StoreException;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "stats", description = "Counts, length percentiles (characters) and duplicates per dataset.")
final class StatsCommand extends ProjectCommand {

    private static final int BINS = 20;

    @Option(names = {"-d", "--dataset"}, paramLabel = "NAME|ID", description = "One dataset. Default: every dataset.")
    String dataset;

    @Override
    int run(ProjectStore store) throws StoreException {
        List<Dataset> datasets = dataset == null ? store.datasets().list() : List.of(dataset(store, dataset));
        ArrayNode all = env().json().createArrayNode();
        for (Dataset d : datasets) {
            LengthStats lengths = LengthStats.of(store.samples().characterCounts(SampleQuery.dataset(d.id())), BINS);
            Optional<DuplicateScan> scan = store.duplicates().latest(d.id());
            if (json) {
                all.add(toJson(d, lengths, scan));
            } else {
                print(d, lengths, scan);
            }
        }
        if (json) {
            ObjectNode result = env().json().createObjectNode();
            result.set("datasets", all);
            printResult(result);
        } else if (datasets.isEmpty()) {
            env().out().println("No datasets yet.");
        }
        return ok();
    }

    private void print(Dataset d, LengthStats s, Optional<DuplicateScan> scan) {
        var out = env().out();
        out.printf("%s (%s, %,d samples from %,d records)%n", d.name(), d.format().id(), d.samples(), d.records());
        out.printf("  exact duplicates skipped: %,d%n", d.duplicates());
        out.printf("  length (chars): min %,d  p25 %,d  median %,d  p75 %,d  p90 %,d  p99 %,d  max %,d  mean %,.0f%n",
                s.min(), s.p25(), s.median(), s.p75(), s.p90(), s.p99(), s.max(), s.mean());
        if (scan.isPresent()) {
            int members = scan.get().groups().stream().mapToInt(g -> g.members().size()).sum();
            out.printf("  near duplicates (cosine >= %.2f, %s): %,d groups, %,d samples%n",
                    scan.get().threshold(), scan.get().model(), scan.get().groups().size(), members);
        } else {
            out.println("  near duplicates: not scanned yet (sift dedup)");
        }
        long peak = s.histogram().stream().mapToLong(HistogramBin::count).max().orElse(1);
        for (HistogramBin bin : s.histogram()) {
            int bar = (int) Math.round(40.0 * bin.count() / Math.max(1, peak));
            out.printf("  %8.0f-%-8.0f %s %,d%n", bin.from(), bin.to(), "#".repeat(bar), bin.count());
        }
    }

    private ObjectNode toJson(Dataset d, LengthStats s, Optional<DuplicateScan> scan) {
        ObjectNode node = toJson(d);
        ObjectNode lengths = node.putObject("lengthChars");
        lengths.put("min", s.min()).put("p25", s.p25()).put("median", s.median()).put("p75", s.p75());
        lengths.put("p90", s.p90()).put("p99", s.p99()).put("max", s.max()).put("mean", s.mean());
        ArrayNode histogram = lengths.putArray("histogram");
        s.histogram().forEach(b -> histogram.addObject().put("from", b.from()).put("to", b.to()).put("count", b.count()));
        scan.ifPresent(sc -> {
            ObjectNode near = node.putObject("nearDuplicates");
            near.put("model", sc.model()).put("threshold", sc.threshold()).put("groups", sc.groups().size());
            near.put("samples", sc.groups().stream().mapToInt(g -> g.members().size()).sum());
        });
        return node;
    }
}
