package dev.sift.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.cli.CliJobs;
import dev.sift.cli.ExitCodes;
import dev.sift.core.llm.EndpointScorer;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.local.OnnxCausalLm;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import dev.sift.core.pipeline.ScoreIfdJob;
import dev.sift.core.pipeline.ScoreIfdSpec;
import dev.sift.core.pipeline.ScoreIfdSummary;
import dev.sift.core.scoring.CausalLmScorer;
import dev.sift.core.scoring.IfdOptions;
import dev.sift.core.scoring.Percentiles;
import dev.sift.core.scoring.PromptTemplate;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Score;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code sift score <metric>}: scores saved per sample, resumable. */
@Command(name = "score", description = "Score the samples of a dataset.", subcommands = ScoreCommand.Ifd.class)
final class ScoreCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "ifd", description = {
        "Score the Instruction-Following Difficulty of every sample with a local ONNX causal LM, or with a",
        "model served by a vLLM endpoint of the project (--endpoint NAME --model ID).",
        "Each score is saved at once with its per-token losses; a rerun skips samples already scored",
        "with the same model and settings, so Ctrl-C loses nothing."})
    static final class Ifd extends ProjectCommand {

        @Option(names = {"-d", "--dataset"}, required = true, paramLabel = "NAME|ID", description = "The dataset.")
        String dataset;

        @Option(names = "--model", required = true, paramLabel = "FOLDER|ID",
                description = {"Folder with model.onnx, tokenizer.json and config.json;",
                    "with --endpoint, the id of the model the server serves."})
        String model;

        @Option(names = "--endpoint", paramLabel = "NAME",
                description = "Score on this endpoint of the project (vLLM: /tokenize and prompt_logprobs) "
                        + "instead of in process.")
        String endpoint;

        @Option(names = "--mode", defaultValue = "cherry-v1", paramLabel = "MODE",
                description = "cherry-v1, superfiltering or reflection (default ${DEFAULT-VALUE}).")
        String mode;

        @Option(names = "--template", paramLabel = "NAME",
                description = "alpaca, wiz, wiz-cherry-v1, vicuna or none (default: the mode's).")
        String template;

        @Option(names = "--max-length", paramLabel = "N",
                description = "Scoring window in tokens (default: the mode's, at most the model's window).")
        Integer maxLength;

        @Option(names = "--batch", defaultValue = "" + ScoreIfdSpec.DEFAULT_BATCH_SIZE, paramLabel = "N",
                description = {"Samples scored together in one forward pass, shortest first (default ${DEFAULT-VALUE}).",
                    "Larger is faster up to a point and takes more memory; scores do not change."})
        int batch;

        @Override
        int run(ProjectStore store) throws Exception {
            long datasetId = dataset(store, dataset).id();
            if (batch < 1) {
                throw new ParameterException(spec.commandLine(), "--batch must be at least 1");
            }
            if (endpoint != null) {
                CausalLmScorer scorer = new EndpointScorer(endpointClient(store), endpoint, model);
                return score(store, datasetId, scorer, scorer.name());
            }
            try (OnnxCausalLm lm = OnnxCausalLm.open(Path.of(model))) {
                return score(store, datasetId, lm, model);
            }
        }

        private LlmClient endpointClient(ProjectStore store) throws Exception {
            Endpoint target = store.endpoints().findByName(endpoint).orElseThrow(() ->
                    new ParameterException(spec.commandLine(), "No endpoint '" + endpoint + "'; see 'sift endpoints "
                            + "list'"));
            if (target.kind() != EndpointKind.OPENAI) {
                throw new ParameterException(spec.commandLine(), "Endpoint '" + endpoint + "' is an in-process "
                        + "model; score with --model " + target.modelDir() + " instead");
            }
            return env().context().llm().forScoring(store, target);
        }

        /** @param modelRecord what the run's configuration says scored: the folder, or the endpoint scorer's name */
        private int score(ProjectStore store, long datasetId, CausalLmScorer scorer, String modelRecord)
                throws Exception {
            IfdOptions options = options(scorer.maxLength());
            var ifdSpec = new ScoreIfdSpec(modelRecord, mode, options, batch);
            long runId = ScoreIfdJob.createRun(store, datasetId, ifdSpec).id();
            CliJobs.Outcome<ScoreIfdSummary> outcome = jobs().run(new ScoreIfdJob(runId, store, scorer));
            if (!outcome.ok()) {
                env().err().println("sift score ifd: " + outcome.failure() + " (run it again to resume)");
                return outcome.exitCode();
            }
            report(outcome.value(), store.scores().list(datasetId, ScoreIfdSpec.METRIC, scorer.name(),
                    ifdSpec.scoreKey()), ifdSpec);
            return ExitCodes.OK;
        }

        private IfdOptions options(int window) {
            IfdOptions options = switch (mode) {
                case "cherry-v1" -> IfdOptions.cherryV1();
                case "superfiltering" -> IfdOptions.superfiltering();
                case "reflection" -> IfdOptions.reflection();
                default -> throw new ParameterException(spec.commandLine(),
                        "Unknown --mode '" + mode + "'; use cherry-v1, superfiltering or reflection");
            };
            if (template != null) {
                try {
                    options = options.withTemplate(
                            PromptTemplate.valueOf(template.toUpperCase(Locale.ROOT).replace('-', '_')));
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(),
                            "Unknown --template '" + template + "'; use alpaca, wiz, wiz-cherry-v1, vicuna or none");
                }
            }
            int length = maxLength != null ? maxLength : Math.min(options.maxLength(), window);
            if (length < 2 || length > window) {
                throw new ParameterException(spec.commandLine(),
                        "--max-length must be between 2 and the model's window of " + window);
            }
            return options.withMaxLength(length);
        }

        private void report(ScoreIfdSummary s, List<Score> scores, ScoreIfdSpec ifdSpec) {
            double[] values = scores.stream().mapToDouble(Score::value).filter(Double::isFinite).toArray();
            double[] p = {Double.NaN, Double.NaN, Double.NaN};
            if (values.length > 0) {
                p = new double[] {Percentiles.linear(values, 10), Percentiles.linear(values, 50),
                    Percentiles.linear(values, 90)};
            }
            if (json) {
                ObjectNode result = env().json().createObjectNode().put("kind", "score-ifd").put("run", s.runId())
                        .put("status", s.status().id()).put("total", s.total()).put("alreadyDone", s.alreadyDone())
                        .put("scored", s.scored()).put("unscorable", s.unscorable()).put("settings", ifdSpec.scoreKey())
                        .put("withScore", values.length);
                if (values.length > 0) {
                    result.put("p10", p[0]).put("p50", p[1]).put("p90", p[2]);
                }
                printResult(result);
                return;
            }
            env().out().printf(Locale.ROOT, "Run %d %s: %,d scored, %,d not scorable, %,d already done of %,d (%s)%n",
                    s.runId(), s.status().id(), s.scored(), s.unscorable(), s.alreadyDone(), s.total(),
                    ifdSpec.scoreKey());
            if (values.length > 0) {
                env().out().printf(Locale.ROOT, "IFD of %,d scored samples: p10 %.4f  p50 %.4f  p90 %.4f%n",
                        values.length, p[0], p[1], p[2]);
            }
        }
    }

}
