package dev.sift.core.pipeline;

import dev.sift.core.llm.local.OnnxCausalLm;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the job tests of the recipes that score with the tiny in-process model share: the model, opened once per
 * class, a fresh scripted loopback server per test, and projects in a temporary folder, set up against that server
 * and closed after the test.
 *
 * @param <L> the recipe's loopback server
 */
abstract class LoopbackJobTest<L extends ScriptedChatLoopback> {

    /** Sets up a project against the loopback server at {@code baseUrl}. */
    @FunctionalInterface
    interface ProjectSetUp {
        void setUp(ProjectStore store, String baseUrl) throws Exception;
    }

    static OnnxCausalLm tiny;
    static Path tinyFolder;

    @TempDir
    Path dir;

    L server;
    final List<ProjectStore> opened = new ArrayList<>();

    private final Supplier<L> servers;
    private final ProjectSetUp projectSetUp;

    LoopbackJobTest(Supplier<L> servers, ProjectSetUp projectSetUp) {
        this.servers = servers;
        this.projectSetUp = projectSetUp;
    }

    @BeforeAll
    static void openModel() throws Exception {
        tinyFolder = Path.of(LoopbackJobTest.class.getResource("/dev/sift/core/llm/local/tiny/model.onnx").toURI())
                .getParent();
        tiny = OnnxCausalLm.open(tinyFolder);
    }

    @AfterAll
    static void closeModel() {
        tiny.close();
    }

    @BeforeEach
    void start() {
        server = servers.get();
    }

    @AfterEach
    void stop() {
        opened.forEach(ProjectStore::close);
        server.close();
    }

    /** A new project {@code name}, set up against this test's server. */
    ProjectStore project(String name) throws Exception {
        ProjectStore store = SqliteProjectStore.create(dir.resolve(name + ".sift"));
        opened.add(store);
        projectSetUp.setUp(store, server.baseUrl());
        return store;
    }
}
