package dev.sift.app;

import dev.sift.core.job.JobCancelledException;
import dev.sift.core.llm.EndpointScorer;
import dev.sift.core.llm.cache.Redaction;
import dev.sift.core.llm.local.OnnxCausalLm;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import dev.sift.core.pipeline.StarAgentsSpec;
import dev.sift.core.scoring.CausalLmScorer;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.RunStatus;
import dev.sift.core.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The scorers a recipe's run opens on its job's thread, from the scorer references of its configuration: a model
 * folder is opened in process (once, however many fields name it), an endpoint becomes an {@link EndpointScorer}
 * over the scoring engine. {@link #close()} closes what was opened. {@link #openForRun} records a run whose scorers
 * could not be opened as failed.
 */
final class RunScorers implements AutoCloseable {

    private final ProjectStore store;
    private final Supplier<LlmAccess> llm;
    private final Map<String, CausalLmScorer> opened = new LinkedHashMap<>();

    RunScorers(ProjectStore store, Supplier<LlmAccess> llm) {
        this.store = store;
        this.llm = llm;
    }

    /**
     * Opens the scorer {@code ref} names; {@code field} names it in errors.
     *
     * @throws IllegalArgumentException naming the field when the folder cannot be opened or the endpoint is unknown
     */
    CausalLmScorer open(StarAgentsSpec.ScorerRef ref, String field) throws Exception {
        if (ref.isLocal()) {
            CausalLmScorer lm = opened.get(ref.modelDir());
            if (lm == null) {
                try {
                    lm = OnnxCausalLm.open(Path.of(ref.modelDir()));
                } catch (IOException | RuntimeException e) {
                    throw new IllegalArgumentException("field '" + field + ".model': cannot open " + ref.modelDir()
                            + ": " + e.getMessage(), e);
                }
                opened.put(ref.modelDir(), lm);
            }
            return lm;
        }
        Endpoint endpoint = store.endpoints().findByName(ref.endpoint()).orElseThrow(() ->
                new IllegalArgumentException("field '" + field + ".endpoint': no endpoint '" + ref.endpoint() + "'"));
        if (endpoint.kind() != EndpointKind.OPENAI) {
            throw new IllegalArgumentException("field '" + field + ".endpoint': '" + ref.endpoint()
                    + "' is an in-process model; give its folder as 'model' instead");
        }
        return new EndpointScorer(llm.get().forScoring(store, endpoint), ref.endpoint(), ref.model());
    }

    /**
     * Opens what {@code opening} asks for; when that fails (short of a cancel), records run {@code runId} as failed
     * before it started, so it can be resumed once the cause is fixed, and rethrows.
     */
    <T> T openForRun(long runId, Opening<T> opening) throws Exception {
        try {
            return opening.open(this);
        } catch (JobCancelledException e) {
            throw e;
        } catch (Exception e) {
            failBeforeStart(store, runId, e);
            throw e;
        }
    }

    /** What a run opens with its scorers: one scorer, a recipe's setup of several. */
    @FunctionalInterface
    interface Opening<T> {
        T open(RunScorers scorers) throws Exception;
    }

    /** Records a run that could not start as failed, so the Runs screen and {@code sift runs} say why. */
    static void failBeforeStart(ProjectStore store, long runId, Exception e) {
        try {
            String reason = Redaction.redact(String.valueOf(e.getMessage()));
            store.runs().setStatus(runId, RunStatus.FAILED, reason);
            store.runs().appendEvent(runId, RunStatus.FAILED.id(), "failed: " + reason, "");
        } catch (StoreException again) {
            e.addSuppressed(again);
        }
    }

    @Override
    public void close() {
        for (CausalLmScorer scorer : opened.values()) {
            if (scorer instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing a model folder cannot lose data
                }
            }
        }
        opened.clear();
    }
}
