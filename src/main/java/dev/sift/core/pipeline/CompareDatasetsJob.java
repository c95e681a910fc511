package dev.sift.core.pipeline;

import dev.sift.core.job.Job;
import dev.sift.core.job.JobContext;
import dev.sift.core.model.Dataset;
import dev.sift.core.model.Message;
import dev.sift.core.model.Sample;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.NewCandidate;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * "Compare datasets": aligns the samples of a base dataset with the records of other datasets that ask the same
 * thing (same instruction and input, see {@link CompareKeys}), and adds each other record's answer to the matching
 * base samples as a candidate (origin {@link CandidateOrigin#DATASET}, source = the other dataset's name), so that the
 * review can put the two answers side by side.
 *
 * <p>Both sides are streamed from the store; only a map from the base samples' 128-bit keys to their ids is held.
 * When several base samples share a key (duplicates in the base), the candidate is added to <em>every</em> one of
 * them, so that whichever the curator keeps has the alternative; the summary counts them. A multi-turn record
 * answers with its last assistant turn; a record without an answer (no assistant turn, or an empty output) is
 * skipped and counted.
 *
 * <p>Idempotent: a candidate is not added when the base sample already has a DATASET candidate from the same source
 * with the same response, so re-running adds nothing twice. Each candidate is its own transaction, so a cancelled
 * comparison keeps what it added and a re-run completes it. The comparison is recorded as a run (recipe
 * {@value CompareDatasetsSpec#RECIPE}) whose candidates carry its id.
 */
public final class CompareDatasetsJob implements Job<CompareDatasetsSummary> {

    private static final int CHECK_EVERY = 256;

    private final CompareDatasetsSpec spec;
    private final ProjectStore store;

    public CompareDatasetsJob(CompareDatasetsSpec spec, ProjectStore store) {
        this.spec = spec;
        this.store = store;
    }

    @Override
    public String title() {
        return "Compare " + spec.base().name() + " with "
                + String.join(", ", spec.others().stream().map(Dataset::name).toList());
    }

    @Override
    public CompareDatasetsSummary run(JobContext context) throws Exception {
        var run = RunRecorder.newRun(CompareDatasetsSpec.RECIPE, spec.base().id(), spec.toConfigJson(), 0);
        return new RunRecorder(store).record(run, title() + (spec.exact() ? " (exact match)" : ""),
                runId -> compare(context, runId), CompareDatasetsJob::describe);
    }

    private CompareDatasetsSummary compare(JobContext context, long runId) throws Exception {
        CompareKeys keys = new CompareKeys(spec.exact());
        context.message("Reading the keys of " + spec.base().name());
        Map<CompareKeys.Key, long[]> base = new HashMap<>();
        long[] counts = {0, 0};
        store.samples().<Exception>forEach(SampleQuery.dataset(spec.base().id()), sample -> {
            SampleContent c = sample.content();
            long[] ids = base.merge(keys.of(c.instruction(), c.input()), new long[] {sample.id()}, CompareDatasetsJob::append);
            if (ids.length > 1) {
                counts[1]++;
            }
            if (++counts[0] % CHECK_EVERY == 0) {
                context.checkCancelled();
            }
        });
        long total = spec.others().stream().mapToLong(Dataset::samples).sum();
        long[] done = {0};
        var results = new ArrayList<CompareDatasetsSummary.Other>();
        for (Dataset other : spec.others()) {
            context.message("Matching " + other.name());
            var tally = new long[6];
            store.samples().<Exception>forEach(SampleQuery.dataset(other.id()), record -> {
                match(runId, other, keys, base, record, tally);
                if (++done[0] % CHECK_EVERY == 0) {
                    context.checkCancelled();
                    context.progress(done[0], total);
                }
            });
            results.add(new CompareDatasetsSummary.Other(other.name(), tally[0], tally[1], tally[2], tally[3],
                    tally[4], tally[5]));
        }
        context.progress(done[0], total);
        var summary = new CompareDatasetsSummary(runId, counts[0], counts[1], results);
        context.message(describe(summary));
        return summary;
    }

    /** tally: records, matched, unmatched, no response, added, already present. */
    private void match(long runId, Dataset other, CompareKeys keys, Map<CompareKeys.Key, long[]> base, Sample record,
            long[] tally) throws Exception {
        tally[0]++;
        SampleContent c = record.content();
        long[] targets = base.get(keys.of(c.instruction(), c.input()));
        if (targets == null) {
            tally[2]++;
            return;
        }
        tally[1]++;
        Optional<String> response = response(c);
        if (response.isEmpty()) {
            tally[3]++;
            return;
        }
        for (long sampleId : targets) {
            if (alreadyHas(sampleId, other.name(), response.get())) {
                tally[5]++;
                continue;
            }
            store.candidates().add(new NewCandidate(sampleId, runId, 0, CandidateOrigin.DATASET, OptionalInt.empty(),
                    c.instruction(), c.input(), response.get(), other.name()));
            tally[4]++;
        }
    }

    /** The record's answer: its output, or the last assistant turn of a conversation; empty when it has none. */
    static Optional<String> response(SampleContent content) {
        if (!content.isMultiTurn()) {
            return content.output().isEmpty() ? Optional.empty() : Optional.of(content.output());
        }
        List<Message> turns = content.messages();
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).role().equals(Message.ASSISTANT)) {
                return Optional.of(turns.get(i).content());
            }
        }
        return Optional.empty();
    }

    private boolean alreadyHas(long sampleId, String source, String response) throws Exception {
        for (Candidate c : store.candidates().listBySample(sampleId)) {
            if (c.origin() == CandidateOrigin.DATASET && c.source().equals(source) && c.response().equals(response)) {
                return true;
            }
        }
        return false;
    }

    private static long[] append(long[] ids, long[] more) {
        long[] all = Arrays.copyOf(ids, ids.length + more.length);
        System.arraycopy(more, 0, all, ids.length, more.length);
        return all;
    }

    static String describe(CompareDatasetsSummary s) {
        var parts = new ArrayList<String>();
        for (CompareDatasetsSummary.Other o : s.others()) {
            parts.add(String.format(java.util.Locale.ROOT, "%s: %d of %d matched, %d added, %d already present,"
                    + " %d without a response", o.dataset(), o.matched(), o.records(), o.added(), o.alreadyPresent(),
                    o.noResponse()));
        }
        return String.join("; ", parts) + " (" + s.baseDuplicates() + " duplicates in the base)";
    }
}
