package dev.sift.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.app.LlmAccess;
import dev.sift.cli.CliJobs;
import dev.sift.cli.ExitCodes;
import dev.sift.core.job.Job;
import dev.sift.core.llm.cache.CacheMode;
import dev.sift.core.llm.engine.CostMeter;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The flow every resumable recipe's {@code sift run <recipe>} command shares: {@code --config FILE} reads a
 * configuration (errors name the file and field) and stores a new run, {@code --resume RUN} checks that the run is of
 * this recipe; then the run's job runs with the money spent on the progress line, a failure says how to resume, and
 * the command reports the summary. A recipe's command adds only its configuration, its run and its report.
 *
 * @param <S> the recipe's configuration
 * @param <R> the summary its job returns
 */
abstract class RecipeRunCommand<S, R> extends ProjectCommand {

    private final SpecReader<S> specOf;
    private final SpecParser<S> fromJson;
    private final JobFactory<R> jobs;

    @Option(names = "--config", paramLabel = "FILE", description = "The run's configuration (JSON); not with --resume.")
    Path config;

    @Option(names = "--resume", paramLabel = "RUN", description = "Continue this run with its stored configuration.")
    Long resume;

    /**
     * @param specOf the stored configuration of a run, {@link IllegalArgumentException} when there is no such run or
     *     it is of another recipe
     * @param fromJson reads a configuration, {@link IllegalArgumentException} naming the source and field when it is
     *     not valid
     * @param jobs the job that runs (or resumes) a run to its end
     */
    RecipeRunCommand(SpecReader<S> specOf, SpecParser<S> fromJson, JobFactory<R> jobs) {
        this.specOf = specOf;
        this.fromJson = fromJson;
        this.jobs = jobs;
    }

    /** Reads the stored configuration of a run. */
    @FunctionalInterface
    interface SpecReader<S> {
        S specOf(ProjectStore store, long runId) throws Exception;
    }

    /** Reads a configuration from its JSON; {@code source} names it in errors. */
    @FunctionalInterface
    interface SpecParser<S> {
        S fromJson(String json, String source);
    }

    /** Makes the job of one stored run, adding what it spends to {@code meter}. */
    @FunctionalInterface
    interface JobFactory<R> {
        Job<R> job(ProjectStore store, long runId, Supplier<LlmAccess> llm, CacheMode cache, CostMeter meter);
    }

    @Override
    final int run(ProjectStore store) throws Exception {
        long runId = resume != null ? checkResume(store, resume) : create(store, readConfig());
        var meter = new CostMeter();
        CacheMode cache = noCache() ? CacheMode.OFF : CacheMode.ON;
        Job<R> job = jobs.job(store, runId, () -> env().context().llm(), cache, meter);
        CliJobs.Outcome<R> outcome = jobs(() -> String.format(Locale.ROOT, "%,d tokens  %.4f spent",
                meter.total().tokens(), meter.total().cost())).run(job);
        if (!outcome.ok()) {
            env().err().println("sift run " + spec.name() + ": " + outcome.failure()
                    + " (resume with: sift runs resume " + runId + ")");
            return outcome.exitCode();
        }
        report(store, outcome.value(), meter);
        return ExitCodes.OK;
    }

    /** Whether {@code --no-cache} was given; each recipe words the option for the models it calls. */
    abstract boolean noCache();

    /**
     * Stores a new run of {@code config} and returns its id; a configuration that does not fit the project is a
     * usage error.
     */
    abstract long create(ProjectStore store, S config) throws Exception;

    /** Reports the summary of a run that ended well; {@code meter} holds what this command spent. */
    abstract void report(ProjectStore store, R summary, CostMeter meter) throws Exception;

    /** An error in the command's arguments, reported with its usage. */
    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Adds what a run has spent in all, for the JSON result. */
    static ObjectNode putSpent(ObjectNode result, Run run) {
        return result.put("cost", run.costUsd()).put("tokensIn", run.tokensIn()).put("tokensOut", run.tokensOut());
    }

    /** The money and tokens spent, this time and in all, as the summary line ends. */
    static String spent(CostMeter meter, Run run) {
        return String.format(Locale.ROOT, "spent %.4f this time (%,d tokens), %.4f in all", meter.total().cost(),
                meter.total().tokens(), run.costUsd());
    }

    /** Says why a run stopped before its end, if it did, and how to continue it. */
    void printStopped(long runId, String stopReason) {
        if (!stopReason.isEmpty()) {
            env().out().println("Stopped: " + stopReason + " (continue with: sift runs resume " + runId + ")");
        }
    }

    private long checkResume(ProjectStore store, long runId) throws Exception {
        try {
            specOf.specOf(store, runId);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        return runId;
    }

    private S readConfig() {
        if (config == null) {
            throw usage("Missing --config FILE (or --resume RUN)");
        }
        try {
            return fromJson.fromJson(Files.readString(config), config.toString());
        } catch (IOException e) {
            throw usage("Cannot read " + config + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }
}
