package dev.sift.core.review.bench;

import dev.sift.core.job.JobCancelledException;
import dev.sift.core.job.JobContext;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.DecidedBy;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.NewCandidate;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.NewDecision;
import dev.sift.core.store.NewReviewAction;
import dev.sift.core.store.NewRun;
import dev.sift.core.store.NewScore;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.StoreException;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * The review benchmark's project: {@code samples} imported records of made-up words, each with its original and two
 * generated candidates, IFD scores on the originals, an algorithm's decisions on every other sample and curator
 * actions of 100 decisions each on a few thousand. Deterministic for a size; written to a side file and moved into
 * place when complete, so an existing file is always a whole one and is reused.
 */
public final class ReviewBenchProject {

    /** The dataset's name and the IFD scores' scorer and settings. */
    public static final String DATASET = "review-bench";
    public static final String SCORER = "bench-scorer";
    public static final String SETTINGS = "alpaca/cherry_v1/concatenate/512";

    private static final int CHUNK = 10_000;
    private static final int CURATOR_ACTION = 100;
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "ta", "shi", "ve", "do", "pa", "zen",
        "bor", "qui", "fel", "gra", "sto", "lum", "tri", "wen", "yo"};
    private static final String[] COMMON = {"rain", "river", "garden", "explain", "write", "list", "summary",
        "poem", "recipe", "history", "code", "python", "travel", "music", "science"};

    private final int samples;
    private final int curatorDecisions;
    private final String[] vocabulary;

    public ReviewBenchProject(int samples, int curatorDecisions) {
        if (samples < 2 || curatorDecisions < 0 || curatorDecisions > samples) {
            throw new IllegalArgumentException("samples must be at least 2 and curator decisions within 0..samples");
        }
        this.samples = samples;
        this.curatorDecisions = curatorDecisions;
        this.vocabulary = vocabulary();
    }

    /** True when {@code file} exists: it is then reused as it is. */
    public static boolean exists(Path file) {
        return Files.isRegularFile(file);
    }

    /** Writes the project to {@code file} (replacing a partial one from an interrupted attempt). */
    public void generate(Path file, JobContext context) throws StoreException, IOException, JobCancelledException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(partial.resolveSibling(partial.getFileName() + suffix));
        }
        try (ProjectStore store = SqliteProjectStore.create(partial)) {
            fill(store, context);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private void fill(ProjectStore store, JobContext context) throws StoreException, JobCancelledException {
        long total = 5L * samples;
        context.message(String.format(Locale.ROOT, "Generating %,d samples x 3 candidates", samples));
        long dataset = store.datasets().importDataset(new NewDataset(DATASET, DATASET + ".jsonl",
                DatasetFormat.ALPACA_JSONL), sink -> {
                    for (int i = 0; i < samples; i++) {
                        sink.add(i, content(i));
                    }
                }).id();
        context.progress(samples, total);
        long[] ids = store.samples().ids(SampleQuery.dataset(dataset));
        long generation = store.runs().create(new NewRun("generate-responses", dataset, "{}", 0,
                OptionalDouble.empty())).id();
        long selection = store.runs().create(new NewRun("select", dataset, "{}", 0, OptionalDouble.empty())).id();
        long[] originals = new long[ids.length];
        long[] firstGenerated = new long[ids.length];
        for (int from = 0; from < ids.length; from += CHUNK) {
            context.checkCancelled();
            int to = Math.min(ids.length, from + CHUNK);
            addCandidates(store, ids, from, to, generation, originals, firstGenerated);
            context.progress(samples + 3L * to, total);
        }
        decide(store, ids, originals, firstGenerated, selection, context);
        context.progress(total, total);
    }

    private void addCandidates(ProjectStore store, long[] ids, int from, int to, long run, long[] originals,
            long[] firstGenerated) throws StoreException {
        List<NewCandidate> batch = new ArrayList<>(3 * (to - from));
        for (int i = from; i < to; i++) {
            SampleContent c = content(i);
            batch.add(new NewCandidate(ids[i], 0, 0, CandidateOrigin.ORIGINAL, OptionalInt.empty(), c.instruction(),
                    c.input(), c.output()));
            batch.add(NewCandidate.generated(ids[i], run, c.instruction(), c.input(), sentence(i * 7L + 1, 20, 40)));
            batch.add(NewCandidate.generated(ids[i], run, c.instruction(), c.input(), sentence(i * 7L + 2, 20, 40)));
        }
        long[] added = store.candidates().addAll(batch);
        List<NewScore> scores = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            originals[i] = added[3 * (i - from)];
            firstGenerated[i] = added[3 * (i - from) + 1];
            double ifd = ifd(i);
            scores.add(new NewScore(originals[i], "ifd", ifd, SCORER, SETTINGS, 512, null, null,
                    String.format(Locale.ROOT, "{\"ifd_ppl\":%.6f}", ifd * 0.9)));
        }
        store.scores().saveAll(scores);
    }

    /** The algorithm decides every other sample (keep when IFD < 1 and above the median); the curator a few. */
    private void decide(ProjectStore store, long[] ids, long[] originals, long[] generated, long run,
            JobContext context)
            throws StoreException, JobCancelledException {
        List<NewDecision> algorithm = new ArrayList<>();
        for (int i = 0; i < ids.length; i += 2) {
            double ifd = ifd(i);
            boolean keep = ifd < 1 && ifd >= 0.6;
            algorithm.add(NewDecision.byAlgorithm(ids[i], originals[i], keep ? DecisionAction.CHOOSE
                    : DecisionAction.REJECT, run, String.format(Locale.ROOT, "IFD %.3f", ifd)));
        }
        store.decisions().addAll(algorithm);
        int step = Math.max(1, ids.length / Math.max(1, curatorDecisions));
        List<NewDecision> action = new ArrayList<>();
        for (int k = 0, i = 0; k < curatorDecisions && i < ids.length; k++, i += step) {
            context.checkCancelled();
            DecisionAction what = k % 3 == 2 ? DecisionAction.REJECT : DecisionAction.CHOOSE;
            action.add(new NewDecision(ids[i], k % 3 == 1 ? generated[i] : originals[i], what, DecidedBy.CURATOR,
                    0, "bench"));
            if (action.size() == CURATOR_ACTION) {
                store.review().record(NewReviewAction.of("bulk-keep", "bench action", action));
                action.clear();
            }
        }
        if (!action.isEmpty()) {
            store.review().record(NewReviewAction.of("bulk-keep", "bench action", action));
        }
    }

    /** IFD values around 0.75, about one in ten above 1. */
    static double ifd(int i) {
        SplittableRandom r = new SplittableRandom(31L * i + 5);
        return Math.max(0.05, 0.75 + 0.2 * gaussian(r));
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    SampleContent content(int i) {
        return SampleContent.single(sentence(i * 7L, 8, 16), "", sentence(i * 7L + 3, 20, 40));
    }

    private String sentence(long seed, int minWords, int maxWords) {
        SplittableRandom r = new SplittableRandom(seed);
        int words = minWords + r.nextInt(maxWords - minWords + 1);
        StringBuilder s = new StringBuilder(words * 7);
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                s.append(' ');
            }
            s.append(vocabulary[(int) Math.min(vocabulary.length - 1, Math.abs(r.nextLong() % vocabulary.length))]);
        }
        return s.append('.').toString();
    }

    /** The common words first, then 3,000 made-up ones, so that search terms hit a realistic share of rows. */
    private static String[] vocabulary() {
        SplittableRandom r = new SplittableRandom(42);
        String[] words = new String[COMMON.length + 3000];
        System.arraycopy(COMMON, 0, words, 0, COMMON.length);
        for (int w = COMMON.length; w < words.length; w++) {
            int parts = 2 + r.nextInt(2);
            StringBuilder b = new StringBuilder();
            for (int p = 0; p < parts; p++) {
                b.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
            }
            words[w] = b.toString();
        }
        return words;
    }
}
