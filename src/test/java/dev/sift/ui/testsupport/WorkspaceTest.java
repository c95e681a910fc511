package dev.sift.ui.testsupport;

import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import dev.sift.ui.WorkspaceState;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A view model test on a project of its own folder, opened in a {@link WorkspaceState} (the test's
 * {@code @BeforeEach} calls {@link #openProject}), with jobs that run at once; the project is closed after each test.
 */
public abstract class WorkspaceTest {

    @TempDir
    protected Path dir;

    protected final WorkspaceState workspace = new WorkspaceState();
    protected final ImmediateUiJobRunner jobs = new ImmediateUiJobRunner();
    protected ProjectStore store;

    /** Opens {@code project} in the workspace. */
    protected final void openProject(ProjectStore project) throws StoreException {
        store = project;
        workspace.open(project);
    }

    @AfterEach
    final void closeProject() throws Exception {
        workspace.close();
        store.close();
    }
}
