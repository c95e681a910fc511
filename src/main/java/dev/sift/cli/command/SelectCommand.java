package dev.sift.cli.command;

import dev.sift.app.SiftContext;
import dev.sift.cli.CliJobs;
import dev.sift.cli.ExitCodes;
import dev.sift.core.dedup.MiniLmEmbedder;
import dev.sift.core.llm.local.OnnxCausalLm;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.pipeline.BriefExperienceJob;
import dev.sift.core.pipeline.BriefExperienceSpec;
import dev.sift.core.pipeline.BriefExperienceSummary;
import dev.sift.core.pipeline.SelectJob;
import dev.sift.core.pipeline.SelectSpec;
import dev.sift.core.pipeline.SelectSummary;
import dev.sift.core.scoring.PromptTemplate;
import dev.sift.core.store.ProjectStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code sift select <method>}: choose samples by saved scores; every sample gets a choose or reject decision. */
@Command(name = "select", description = "Choose samples of a dataset by their scores.",
        subcommands = {SelectCommand.Cherry.class, SelectCommand.Superfilter.class, SelectCommand.Brief.class})
final class SelectCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** How many to select. */
    static final class Amount {
        @Option(names = "--rate", required = true, paramLabel = "R", description = "The fraction to select (0-1).")
        Double rate;

        @Option(names = "--count", required = true, paramLabel = "N", description = "How many to select at most.")
        Integer count;
    }

    /** The options of every selection method. */
    abstract static class Selection extends ProjectCommand {

        @Option(names = {"-d", "--dataset"}, required = true, paramLabel = "NAME|ID", description = "The dataset.")
        String dataset;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Amount amount;

        @Option(names = "--refusal-filter", description = "Reject refusals and AI disclaimers first (WizardLM*).")
        boolean refusalFilter;

        @Option(names = "--scorer", paramLabel = "NAME", description = "Use the IFD scores of this model"
                + " (default: the dataset's largest group of IFD scores).")
        String scorer;

        abstract SelectSpec.Method method();

        OptionalInt diverse() {
            return OptionalInt.empty();
        }

        @Override
        int run(ProjectStore store) throws Exception {
            long datasetId = dataset(store, dataset).id();
            var selectSpec = new SelectSpec(method(),
                    amount.rate != null ? OptionalDouble.of(amount.rate) : OptionalDouble.empty(),
                    amount.count != null ? OptionalInt.of(amount.count) : OptionalInt.empty(), refusalFilter,
                    diverse(), scorer, "");
            long runId = SelectJob.createRun(store, datasetId, selectSpec).id();
            CliJobs.Outcome<SelectSummary> outcome = jobs().run(
                    new SelectJob(runId, store, diverse().isPresent() ? new MiniLmEmbedder() : null));
            if (!outcome.ok()) {
                return fail(outcome);
            }
            report(outcome.value());
            return ExitCodes.OK;
        }

        private void report(SelectSummary s) {
            if (json) {
                var result = env().json().createObjectNode().put("kind", "select").put("run", s.runId())
                        .put("method", method().name().toLowerCase(Locale.ROOT)).put("total", s.total())
                        .put("kept", s.kept()).put("selected", s.selected()).put("rejected", s.total() - s.selected())
                        .put("metric", s.metric()).put("scorer", s.scorer()).put("settings", s.scoreKey());
                if (Double.isFinite(s.threshold())) {
                    result.put("threshold", s.threshold());
                }
                printResult(result);
                return;
            }
            env().out().printf(Locale.ROOT, "Run %d: selected %,d of %,d samples (%,d kept by the IFD rule),"
                    + " rejected %,d%n", s.runId(), s.selected(), s.total(), s.kept(), s.total() - s.selected());
            env().out().printf(Locale.ROOT, "Threshold: %s >= %.4f (scores of %s, %s)%n", s.metric(), s.threshold(),
                    s.scorer(), s.scoreKey());
        }
    }

    @Command(name = "cherry", description = {
        "Cherry LLM: drop IFD > 1 (and unscorable), take the top by IFD_loss.",
        "v1 takes the rate of the kept pool; --v2 takes it of all samples."})
    static final class Cherry extends Selection {

        @Option(names = "--v2", description = "Cherry v2: the rate is of all samples.")
        boolean v2;

        @Override
        SelectSpec.Method method() {
            return v2 ? SelectSpec.Method.CHERRY_V2 : SelectSpec.Method.CHERRY_V1;
        }
    }

    @Command(name = "superfilter", description = {
        "Superfiltering: keep IFD_ppl < 1, take the top by IFD_ppl (the rate is of all samples).",
        "--diverse N then narrows the selection to N with facility location on MiniLM embeddings."})
    static final class Superfilter extends Selection {

        @Option(names = "--diverse", paramLabel = "N", description = "Superfiltering.D: keep N diverse samples.")
        Integer diverseCount;

        @Override
        SelectSpec.Method method() {
            return SelectSpec.Method.SUPERFILTERING;
        }

        @Override
        OptionalInt diverse() {
            return diverseCount == null ? OptionalInt.empty() : OptionalInt.of(diverseCount);
        }
    }

    @Command(name = "brief", description = {
        "Cherry's brief experience: k-means on the instruction embeddings, then evenly spaced samples from each",
        "cluster's middle prompt-perplexity band, written to a file for your own pre-experience fine-tune.",
        "Embeddings come from the bundled sentence model (MiniLM), stored and reused; the paper's mean last",
        "hidden state of the scorer is not available. Decisions are not changed."})
    static final class Brief extends ProjectCommand {

        @Option(names = {"-d", "--dataset"}, required = true, paramLabel = "NAME|ID", description = "The dataset.")
        String dataset;

        @Option(names = "--model", required = true, paramLabel = "FOLDER",
                description = "Scoring model folder with model.onnx, tokenizer.json and config.json.")
        Path model;

        @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "The file to write.")
        Path out;

        @Option(names = {"-f", "--format"}, defaultValue = "alpaca-json", converter = FormatConverter.class,
                description = "alpaca-json, alpaca-jsonl, sharegpt or messages-jsonl (default ${DEFAULT-VALUE}).")
        DatasetFormat format;

        @Option(names = "--clusters", defaultValue = "100", paramLabel = "K",
                description = "Clusters of the k-means (default ${DEFAULT-VALUE}).")
        int clusters;

        @Option(names = "--per-cluster", defaultValue = "10", paramLabel = "N",
                description = "Samples per cluster (default ${DEFAULT-VALUE}).")
        int perCluster;

        @Option(names = "--band", defaultValue = "25,75", split = ",", paramLabel = "LOW,HIGH",
                description = "Perplexity percentile band within each cluster (default ${DEFAULT-VALUE}).")
        List<Double> band;

        @Option(names = "--seed", defaultValue = "0", description = "k-means seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--template", defaultValue = "alpaca", paramLabel = "NAME",
                description = "Prompt template: alpaca, wiz, wiz-cherry-v1, vicuna or none (default ${DEFAULT-VALUE}).")
        String template;

        @Override
        int run(ProjectStore store) throws Exception {
            long datasetId = dataset(store, dataset).id();
            BriefExperienceSpec briefSpec = briefSpec(datasetId);
            try (OnnxCausalLm lm = OnnxCausalLm.open(model)) {
                CliJobs.Outcome<BriefExperienceSummary> outcome = jobs().run(new BriefExperienceJob(briefSpec, store,
                        lm, new MiniLmEmbedder(), SiftContext.version()));
                if (!outcome.ok()) {
                    return fail(outcome);
                }
                report(outcome.value());
                return ExitCodes.OK;
            }
        }

        private BriefExperienceSpec briefSpec(long datasetId) {
            if (band.size() != 2) {
                throw new ParameterException(spec.commandLine(), "--band takes two percentiles, such as 25,75");
            }
            PromptTemplate promptTemplate;
            try {
                promptTemplate = PromptTemplate.valueOf(template.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(),
                        "Unknown --template '" + template + "'; use alpaca, wiz, wiz-cherry-v1, vicuna or none");
            }
            try {
                return new BriefExperienceSpec(datasetId, format, out, clusters, perCluster, band.get(0), band.get(1),
                        seed, promptTemplate);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        private void report(BriefExperienceSummary s) {
            if (json) {
                var result = env().json().createObjectNode().put("kind", "select-brief").put("run", s.runId())
                        .put("total", s.samples())
                        .put("skipped", s.skipped()).put("clusters", s.clusters()).put("picked", s.picked())
                        .put("file", s.file().toString()).put("manifest", s.manifest().toString())
                        .put("embeddings", s.embeddingModel()).put("embedded", s.embedded());
                s.pickedIds().forEach(result.putArray("sampleIds")::add);
                printResult(result);
                return;
            }
            env().out().printf(Locale.ROOT, "run %d: picked %d samples from %d clusters into %s%n", s.runId(),
                    s.picked(), s.clusters(), s.file());
            env().out().printf(Locale.ROOT, "Embeddings: %s (%,d computed, the rest stored); %,d of %,d samples"
                    + " without a prompt perplexity left out%n", s.embeddingModel(), s.embedded(), s.skipped(),
                    s.samples());
        }
    }
}
