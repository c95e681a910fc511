package dev.sift.ui.agents;

import dev.sift.app.LlmAccess;
import dev.sift.core.config.Credentials;
import dev.sift.core.config.SecretResolver;
import dev.sift.core.llm.engine.EngineSettings;
import dev.sift.core.llm.models.HubClient;
import dev.sift.core.llm.models.ModelsDirectory;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.testsupport.ImmediateUiJobRunner;
import dev.sift.ui.testsupport.ScriptedDialogService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real project in a temporary folder, a credentials file beside it, model access whose environment
 * is a plain map, and synchronous jobs and scripted dialogs: what the Agents view-model tests share.
 */
final class AgentsFixture implements AutoCloseable {

    static final String ENV_KEY = "sk-env-key-0123456789abcdef";

    final Path dir;
    final ImmediateUiJobRunner jobs = new ImmediateUiJobRunner();
    final ScriptedDialogService dialogs = new ScriptedDialogService();
    final WorkspaceState workspace = new WorkspaceState();
    final Credentials credentials;
    final LlmAccess llm;
    final ProjectStore store;
    /** An empty models folder of this test's own. */
    final ModelsDirectory models;
    String hubUrl = "http://127.0.0.1:9";

    AgentsFixture(Path dir) throws Exception {
        this.dir = dir;
        credentials = new Credentials(dir.resolve("config").resolve("credentials"));
        llm = new LlmAccess(new SecretResolver(Map.of("TEST_API_KEY", ENV_KEY), credentials), EngineSettings.defaults());
        store = SqliteProjectStore.create(dir.resolve("project.sift"));
        models = new ModelsDirectory(dir.resolve("models"));
        workspace.open(store);
    }

    AgentsViewModel viewModel() {
        return new AgentsViewModel(workspace, jobs, dialogs, llm, credentials, models, this::hub);
    }

    AgentsViewModel viewModel(EndpointsViewModel.ServerDetector detector) {
        return new AgentsViewModel(workspace, jobs, dialogs, llm, credentials, models, this::hub, detector);
    }

    /** The Hub the view models reach: a closed loopback port unless a test set {@link #hubUrl}. */
    private HubClient hub() {
        return HubClient.create(hubUrl, Map.of());
    }

    /** Whether any file of the project (the database and its journal files) contains {@code text}. */
    boolean projectFilesContain(String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().startsWith("project.sift")).toList();
        }
        for (Path file : files) {
            if (indexOf(Files.readAllBytes(file), needle) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() {
        workspace.close();
    }
}
