package dev.sift.ui.review;

import dev.sift.core.model.Sample;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.QueryJob;
import dev.sift.ui.common.UiJobRunner;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The texts of the review table's visible rows (instruction and shown response), read off the UI thread a page of
 * {@value #PAGE_SIZE} rows at a time and kept in a small least-recently-used cache, so that 200k rows never have
 * their texts in memory at once. A page that arrives calls {@code onPage} so the table can redraw.
 */
final class ReviewTexts {

    static final int PAGE_SIZE = 200;
    static final int MAX_PAGES = 16;

    /** What a table row shows of a sample's text. */
    record RowText(String instruction, String response) {}

    /** The sample and shown candidate at each position of the view. */
    interface Source {
        long sampleId(int position);

        long shownCandidate(int position);

        int size();

        /** The positions of {@code view} over {@code rows}. */
        static Source of(dev.sift.core.store.ReviewRows rows, int[] view) {
            return new Source() {
                @Override
                public long sampleId(int position) {
                    return rows.sampleId(view[position]);
                }

                @Override
                public long shownCandidate(int position) {
                    return rows.shownCandidate(view[position]);
                }

                @Override
                public int size() {
                    return view.length;
                }
            };
        }
    }

    private final UiJobRunner jobs;
    private final ProjectStore store;
    private final Source source;
    private final Runnable onPage;
    private final Set<Integer> pending = new HashSet<>();
    private final Map<Integer, Map<Long, RowText>> pages = new LinkedHashMap<>(MAX_PAGES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Map<Long, RowText>> eldest) {
            return size() > MAX_PAGES;
        }
    };
    private boolean closed;

    ReviewTexts(UiJobRunner jobs, ProjectStore store, Source source, Runnable onPage) {
        this.jobs = jobs;
        this.store = store;
        this.source = source;
        this.onPage = onPage;
    }

    /** The text at {@code position}; empty while its page is on its way (it is requested then). */
    Optional<RowText> get(int position) {
        if (store == null || position < 0 || position >= source.size()) {
            return Optional.empty();
        }
        int page = position / PAGE_SIZE;
        Map<Long, RowText> texts = pages.get(page);
        if (texts == null) {
            request(page);
            texts = pages.get(page);
        }
        return texts == null ? Optional.empty() : Optional.ofNullable(texts.get(source.sampleId(position)));
    }

    private void request(int page) {
        if (!pending.add(page)) {
            return;
        }
        int from = page * PAGE_SIZE;
        int to = Math.min(source.size(), from + PAGE_SIZE);
        long[] ids = new long[to - from];
        long[] shown = new long[to - from];
        for (int i = from; i < to; i++) {
            ids[i - from] = source.sampleId(i);
            shown[i - from] = source.shownCandidate(i);
        }
        jobs.query(QueryJob.of("Review texts", ctx -> read(ids, shown)),
                JobCallbacks.<Map<Long, RowText>>onSuccess(texts -> {
                    if (!closed) {
                        pages.put(page, texts);
                        onPage.run();
                    }
                }).onFinished(() -> pending.remove(page)));
    }

    private Map<Long, RowText> read(long[] ids, long[] shown) throws StoreException {
        Map<Long, RowText> out = new HashMap<>();
        List<Sample> samples = store.samples().fetch(ids, 0, ids.length);
        Map<Long, Sample> byId = new HashMap<>();
        samples.forEach(s -> byId.put(s.id(), s));
        for (int i = 0; i < ids.length; i++) {
            Sample s = byId.get(ids[i]);
            if (s == null) {
                continue;
            }
            String response = s.content().output();
            if (shown[i] != 0) {
                response = shownResponse(ids[i], shown[i]).orElse(response);
            }
            out.put(ids[i], new RowText(oneLine(s.content().instruction()), oneLine(response)));
        }
        return out;
    }

    private Optional<String> shownResponse(long sampleId, long candidateId) throws StoreException {
        return store.candidates().listBySample(sampleId).stream().filter(c -> c.id() == candidateId).map(Candidate::response).findFirst();
    }

    /** The first 300 characters on one line. */
    static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    int cachedPages() {
        return pages.size();
    }

    /** Drops late pages: the view they belong to is gone. */
    void close() {
        closed = true;
        pages.clear();
    }
}
