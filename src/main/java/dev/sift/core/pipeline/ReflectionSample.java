package dev.sift.core.pipeline;

import dev.sift.core.llm.LlmException;
import dev.sift.core.model.Sample;
import dev.sift.core.model.SampleContent;
import dev.sift.core.reflection.ReferenceCompat;
import dev.sift.core.reflection.ReflectionSelection;
import dev.sift.core.reflection.ReflectionTeacher;
import dev.sift.core.reflection.ReflectionVersion;
import dev.sift.core.reflection.StudentStats;
import dev.sift.core.scoring.CausalLmScorer;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.NewCandidate;
import dev.sift.core.store.NewDecision;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The work on one sample: the three reflections Q, A and QA (each saved as a candidate as soon as the teacher has
 * answered, its source naming the version), the student's IFD and r-IFD of all four versions, and the selection rule's
 * outcome recorded as the sample's decision: the kept version chosen, or a rejection of the original when nothing is
 * kept, with the reason either way. A sample redone after a crash reuses the reflections this run already saved, so
 * nothing is asked twice. The original is the sample's stored original candidate, created when it has none.
 */
final class ReflectionSample {

    private final ProjectStore store;
    private final long runId;
    private final ReflectionSpec spec;
    private final ReflectionTeacher teacher;
    private final ReflectionStudent student;
    private final CausalLmScorer tokenizer;

    ReflectionSample(ProjectStore store, long runId, ReflectionSpec spec, ReflectionTeacher teacher,
            ReflectionStudent student, CausalLmScorer tokenizer) {
        this.store = store;
        this.runId = runId;
        this.spec = spec;
        this.teacher = teacher;
        this.student = student;
        this.tokenizer = tokenizer;
    }

    /** Reflects, scores and decides one sample; returns the selection's outcome. */
    ReflectionSelection.Choice process(Sample sample) throws LlmException, StoreException {
        List<Candidate> stored = store.candidates().listBySample(sample.id());
        Map<ReflectionVersion, Candidate> versions = new EnumMap<>(ReflectionVersion.class);
        for (Candidate c : stored) {
            if (c.origin() == CandidateOrigin.ORIGINAL && !versions.containsKey(ReflectionVersion.ORIGINAL)) {
                versions.put(ReflectionVersion.ORIGINAL, c);
            } else if (c.origin() == CandidateOrigin.REFLECTION && c.runId() == runId) {
                ReflectionVersion.ofSource(c.source()).ifPresent(v -> versions.putIfAbsent(v, c));
            }
        }
        SampleContent content = sample.content();
        Candidate ori = versions.get(ReflectionVersion.ORIGINAL);
        if (ori == null) {
            ori = add(sample.id(), CandidateOrigin.ORIGINAL, content.instruction(), content.input(), content.output(),
                    "");
            versions.put(ReflectionVersion.ORIGINAL, ori);
        }
        Candidate q = versions.get(ReflectionVersion.Q);
        if (q == null) {
            var r = teacher.reflectInstruction(ori.instruction(), ori.input(), prepared(ori));
            q = save(sample.id(), ReflectionVersion.Q, r);
            versions.put(ReflectionVersion.Q, q);
        }
        if (!versions.containsKey(ReflectionVersion.A)) {
            var r = teacher.reflectResponse(ori.instruction(), ori.input(), prepared(ori));
            versions.put(ReflectionVersion.A, save(sample.id(), ReflectionVersion.A, r));
        }
        if (!versions.containsKey(ReflectionVersion.QA)) {
            var r = teacher.reflectResponse(q.instruction(), q.input(), prepared(q));
            versions.put(ReflectionVersion.QA, save(sample.id(), ReflectionVersion.QA, r));
        }
        Map<ReflectionVersion, StudentStats> stats = new EnumMap<>(ReflectionVersion.class);
        for (var e : versions.entrySet()) {
            stats.put(e.getKey(), student.score(e.getValue(), e.getKey()));
        }
        ReflectionSelection.Choice choice = ReflectionSelection.select(stats, spec.keepQOnly(), spec.keepOriginal());
        NewDecision decision = choice.version()
                .map(v -> NewDecision.byAlgorithm(sample.id(), versions.get(v).id(), DecisionAction.CHOOSE, runId,
                        choice.reason()))
                .orElseGet(() -> NewDecision.byAlgorithm(sample.id(), versions.get(ReflectionVersion.ORIGINAL).id(),
                        DecisionAction.REJECT, runId, choice.reason()));
        store.decisions().addAll(List.of(decision));
        return choice;
    }

    /** The response the teacher sees: trimmed as the reference trims it in compatibility mode. */
    private String prepared(Candidate c) {
        return spec.referenceCompat()
                ? ReferenceCompat.trimOutput(tokenizer, c.instruction(), c.input(), c.response(), spec.maxLength())
                : c.response();
    }

    private Candidate save(long sampleId, ReflectionVersion version, ReflectionTeacher.Reflected r)
            throws StoreException {
        if (!r.fellBack().isEmpty()) {
            store.runs().appendEvent(runId, "teacher_fallback", "sample " + sampleId + ", " + version.label() + ": "
                    + String.join(" and ", r.fellBack()) + " kept from the original after " + r.attempts()
                    + " teacher calls", "{\"sample_id\":" + sampleId + ",\"version\":\"" + version.label()
                    + "\",\"attempts\":" + r.attempts() + "}");
        }
        return add(sampleId, CandidateOrigin.REFLECTION, r.instruction(), r.input(), r.response(), version.label());
    }

    private Candidate add(long sampleId, CandidateOrigin origin, String instruction, String input, String response,
            String source) throws StoreException {
        return store.candidates().add(new NewCandidate(sampleId, origin == CandidateOrigin.ORIGINAL ? 0 : runId, 0,
                origin, OptionalInt.empty(), instruction, input, response, source));
    }
}
