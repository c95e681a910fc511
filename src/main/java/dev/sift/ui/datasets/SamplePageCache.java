package dev.sift.ui.datasets;

import dev.sift.core.model.Sample;
import dev.sift.core.store.StoreException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Samples of one query by row index, read from the store a page at a time and kept in a small
 * least-recently-used cache, so that scrolling through 200k rows holds only a few pages in memory.
 */
final class SamplePageCache {

    static final int PAGE_SIZE = 200;
    static final int MAX_PAGES = 32;

    /** Reads rows {@code from} (inclusive) to {@code to} (exclusive) of the query. */
    @FunctionalInterface
    interface PageReader {
        List<Sample> read(long[] ids, int from, int to) throws StoreException;
    }

    private final PageReader reader;
    private final long[] ids;
    private final Map<Integer, List<Sample>> pages = new LinkedHashMap<>(MAX_PAGES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<Sample>> eldest) {
            return size() > MAX_PAGES;
        }
    };
    private int pagesRead;

    SamplePageCache(long[] ids, PageReader reader) {
        this.ids = ids;
        this.reader = reader;
    }

    int size() {
        return ids.length;
    }

    /** The sample at {@code row}; empty when out of range, deleted meanwhile, or unreadable. */
    Optional<Sample> get(int row) {
        if (row < 0 || row >= ids.length) {
            return Optional.empty();
        }
        int page = row / PAGE_SIZE;
        List<Sample> samples = pages.get(page);
        if (samples == null) {
            samples = load(page);
            pages.put(page, samples);
        }
        int offset = row - page * PAGE_SIZE;
        if (offset < samples.size() && samples.get(offset).id() == ids[row]) {
            return Optional.of(samples.get(offset));
        }
        long id = ids[row];
        return samples.stream().filter(s -> s.id() == id).findFirst();
    }

    private List<Sample> load(int page) {
        int from = page * PAGE_SIZE;
        int to = Math.min(ids.length, from + PAGE_SIZE);
        pagesRead++;
        try {
            return reader.read(ids, from, to);
        } catch (StoreException e) {
            return List.of();
        }
    }

    /** How many pages were read from the store, for tests. */
    int pagesRead() {
        return pagesRead;
    }

    int cachedPages() {
        return pages.size();
    }
}
