package dev.sift.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.store.ReviewRows;
import dev.sift.core.store.ScoreColumn;
import dev.sift.core.store.ScoreGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreOrderTest {

    private static ReviewRows rows(double... ifd) {
        long[] ids = new long[ifd.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i + 1;
        }
        var column = ScoreColumn.value("ifd", new ScoreGroup("ifd", "m", "t", ifd.length));
        var b = new ReviewRows.Builder(ids, new long[ifd.length], List.of(column));
        for (int i = 0; i < ifd.length; i++) {
            b.score(0, i, ifd[i]);
        }
        return b.build();
    }

    @Test
    void ordersByScoreWithNegativesAndTiesInRowOrderAndMissingLast() {
        ReviewRows rows = rows(0.5, Double.NaN, -2, 1.5, -0.25, 0.5, Double.POSITIVE_INFINITY);

        assertThat(ScoreOrder.sort(rows, 0, new int[] {0, 1, 2, 3, 4, 5, 6}, true))
                .containsExactly(2, 4, 0, 5, 3, 6, 1);
        assertThat(ScoreOrder.sort(rows, 0, new int[] {0, 1, 2, 3, 4, 5, 6}, false))
                .containsExactly(6, 3, 0, 5, 4, 2, 1);
    }

    @Test
    void sortsOnlyTheRowsInView() {
        ReviewRows rows = rows(3, 1, 2);

        assertThat(ScoreOrder.sort(rows, 0, new int[] {0, 2}, true)).containsExactly(2, 0);
    }
}
