package dev.sift.ui.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.model.Sample;
import dev.sift.core.model.SampleContent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SamplePageCacheTest {

    private static final int ROWS = 200_000;
    private final long[] ids = LongStream.range(1000, 1000 + ROWS).toArray();
    private final List<int[]> reads = new ArrayList<>();
    private final SamplePageCache cache = new SamplePageCache(ids, (all, from, to) -> {
        reads.add(new int[] {from, to});
        var page = new ArrayList<Sample>();
        for (int i = from; i < to; i++) {
            page.add(new Sample(all[i], 1, i, SampleContent.single("row " + i, "", ""), "h"));
        }
        return page;
    });

    @Test
    void readsOnePageForRowsOnTheSamePage() {
        assertThat(cache.get(0)).get().extracting(Sample::id).isEqualTo(1000L);
        assertThat(cache.get(SamplePageCache.PAGE_SIZE - 1)).get().extracting(Sample::recordIndex)
                .isEqualTo(SamplePageCache.PAGE_SIZE - 1);

        assertThat(reads).hasSize(1);
        assertThat(reads.get(0)).containsExactly(0, SamplePageCache.PAGE_SIZE);
    }

    @Test
    void scrollingThrough200kRowsKeepsOnlyAFewPages() {
        for (int row = 0; row < ROWS; row += 97) {
            assertThat(cache.get(row)).isPresent();
        }
        assertThat(cache.get(ROWS - 1)).get().extracting(Sample::id).isEqualTo(1000L + ROWS - 1);

        assertThat(cache.pagesRead()).isEqualTo(ROWS / SamplePageCache.PAGE_SIZE);
        assertThat(cache.cachedPages()).isLessThanOrEqualTo(SamplePageCache.MAX_PAGES);
    }

    @Test
    void recentlyUsedPagesStayCached() {
        cache.get(0);
        for (int page = 1; page <= SamplePageCache.MAX_PAGES + 5; page++) {
            cache.get(page * SamplePageCache.PAGE_SIZE);
            cache.get(0);
        }
        assertThat(reads).filteredOn(r -> r[0] == 0).hasSize(1);
    }

    @Test
    void rowsOutOfRangeAreEmpty() {
        assertThat(cache.get(-1)).isEmpty();
        assertThat(cache.get(ROWS)).isEmpty();
        assertThat(reads).isEmpty();
    }
}
