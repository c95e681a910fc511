package dev.sift.ui.review;

import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.ReviewRows;
import dev.sift.ui.common.IndexList;
import dev.sift.ui.common.UiJobRunner;
import java.util.Optional;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Review table's rows: the loaded rows filtered and sorted into an {@code int[]} view (table position → row of
 * the loaded rows), the positions the table lists, the "N of M samples" status, and the rows' texts read a page at a
 * time as the table shows them.
 */
final class ReviewRowsInView {

    private final UiJobRunner jobs;
    private final IndexList positions = new IndexList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper textsVersion = new ReadOnlyIntegerWrapper();
    private int[] view = new int[0];
    private ReviewTexts texts;

    ReviewRowsInView(UiJobRunner jobs) {
        this.jobs = jobs;
    }

    /** Shows {@code view} of {@code data} (nothing when {@code data} is null), its texts read from {@code store}. */
    void show(ReviewRows data, int[] view, ProjectStore store) {
        close();
        if (data == null) {
            this.view = new int[0];
        } else {
            this.view = view;
            texts = new ReviewTexts(jobs, store, ReviewTexts.Source.of(data, view),
                    () -> textsVersion.set(textsVersion.get() + 1));
        }
        positions.reset(this.view.length);
        status.set(data == null ? "" : String.format("%,d of %,d samples", this.view.length, data.size()));
    }

    /** The table position of the sample, or -1 when it is not in view. */
    int positionOf(ReviewRows data, long sampleId) {
        for (int i = 0; sampleId > 0 && i < view.length; i++) {
            if (data.sampleId(view[i]) == sampleId) {
                return i;
            }
        }
        return -1;
    }

    int size() {
        return view.length;
    }

    int[] view() {
        return view.clone();
    }

    int rowAt(int position) {
        return view[position];
    }

    Optional<ReviewTexts.RowText> textAt(int position) {
        return texts == null ? Optional.empty() : texts.get(position);
    }

    IndexList positions() {
        return positions;
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty textsVersionProperty() {
        return textsVersion.getReadOnlyProperty();
    }

    /** Stops reading texts. */
    void close() {
        if (texts != null) {
            texts.close();
            texts = null;
        }
    }
}
