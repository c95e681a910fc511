package dev.sift.ui.common;

import dev.sift.core.dedup.SentenceEmbedder;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What feature view models get from the workbench, passed by constructor.
 *
 * @param debouncers makes a new debouncer for a search field
 * @param embedder the sentence-embedding model; may be slow to load, so call it off the UI thread
 * @param version this build's version, written into export manifests
 */
public record UiServices(
        UiJobRunner jobs,
        DialogService dialogs,
        Supplier<Debouncer> debouncers,
        Supplier<SentenceEmbedder> embedder,
        String version) {

    public UiServices {
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(dialogs, "dialogs");
        Objects.requireNonNull(debouncers, "debouncers");
        Objects.requireNonNull(embedder, "embedder");
        Objects.requireNonNull(version, "version");
    }
}
