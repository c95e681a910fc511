package dev.sift.ui.review;

import dev.sift.core.review.SampleDetail;
import dev.sift.core.store.ProjectStore;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.QueryJob;
import dev.sift.ui.common.UiJobRunner;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The detail of the Review screen's current sample, read off the UI thread. Each {@linkplain #begin() change of the
 * current row} supersedes the reads before it, whose answers are then dropped; a failure is always reported.
 */
final class ReviewDetail {

    private final UiJobRunner jobs;
    private final ReadOnlyObjectWrapper<SampleDetail> detail = new ReadOnlyObjectWrapper<>();
    private long generation;

    ReviewDetail(UiJobRunner jobs) {
        this.jobs = jobs;
    }

    /** Drops the answers of the reads started so far; returns the ticket of the read for the new current row. */
    long begin() {
        return ++generation;
    }

    /** Shows no detail. */
    void clear() {
        detail.set(null);
    }

    /** Reads the sample's detail; shows it and hands it to {@code arrived} while {@code ticket} is the latest. */
    void read(long ticket, ProjectStore store, long sampleId, Consumer<SampleDetail> arrived, Consumer<String> failed) {
        jobs.query(QueryJob.of("Sample detail", ctx -> SampleDetail.load(store, sampleId)),
                JobCallbacks.<SampleDetail>onSuccess(d -> {
                    if (ticket == generation) {
                        detail.set(d);
                        arrived.accept(d);
                    }
                }).onFailure(failed));
    }

    ReadOnlyObjectProperty<SampleDetail> property() {
        return detail.getReadOnlyProperty();
    }
}
