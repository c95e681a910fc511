package dev.sift.ui.common;

import dev.sift.app.LlmAccess;
import dev.sift.core.config.Credentials;
import dev.sift.core.dedup.SentenceEmbedder;
import dev.sift.core.llm.models.HubClient;
import dev.sift.core.llm.models.ModelsDirectory;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What feature view models get from the workbench, passed by constructor.
 *
 * @param debouncers makes a new debouncer for a search field
 * @param embedder the sentence-embedding model; may be slow to load, so call it off the UI thread
 * @param version this build's version, written into export manifests
 * @param llm access to model servers (connection tests, local server detection), made on first use
 * @param credentials the user's credentials file, where keys typed into the workbench are stored
 * @param models the local models folder (reading it is cheap; nothing is downloaded by asking for it)
 * @param hub the Hugging Face Hub client, made on first use; used only when the user asks for a download
 */
public record UiServices(
        UiJobRunner jobs,
        DialogService dialogs,
        Supplier<Debouncer> debouncers,
        Supplier<SentenceEmbedder> embedder,
        String version,
        Supplier<LlmAccess> llm,
        Credentials credentials,
        Supplier<ModelsDirectory> models,
        Supplier<HubClient> hub) {

    public UiServices {
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(dialogs, "dialogs");
        Objects.requireNonNull(debouncers, "debouncers");
        Objects.requireNonNull(embedder, "embedder");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(llm, "llm");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(hub, "hub");
    }
}
