package dev.sift.ui.testsupport;

import dev.sift.app.SiftContext;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import dev.sift.ui.Workbench;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.DialogService;
import dev.sift.ui.common.UiSettings;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.service.query.NodeQuery;

/**
 * The real workbench opened on a project file for a UI test, with its own configuration folder under {@code dir} and
 * a scripted dialog service; {@link #close} shuts both down.
 */
public record TestWorkbench(SiftContext context, Workbench workbench, Stage stage) {

    /** Fills a new project's store before the workbench opens it. */
    @FunctionalInterface
    public interface ProjectSetup {
        void setUp(ProjectStore store) throws Exception;
    }

    public static TestWorkbench open(Stage stage, Path dir, DialogService dialogs, Path project) {
        var context = new SiftContext(dir.resolve("config"));
        var workbench = Workbench.open(stage, context, UiSettings.load(dir.resolve("config")), owner -> dialogs,
                List.of(project.toString()));
        return new TestWorkbench(context, workbench, stage);
    }

    /** Creates the project {@code file} in {@code dir}, sets it up and closes it, then opens the workbench on it. */
    public static TestWorkbench openNew(Stage stage, Path dir, DialogService dialogs, String file, ProjectSetup setup)
            throws Exception {
        Path project = dir.resolve(file);
        try (ProjectStore store = SqliteProjectStore.create(project)) {
            setup.setUp(store);
        }
        return open(stage, dir, dialogs, project);
    }

    /** The workbench's shared state: the open project, its datasets, the selected one. */
    public WorkspaceState workspace() {
        return workbench.workspace();
    }

    /** Clicks the navigation entry of a screen: "runs", "insights", "review", "datasets", … */
    public void show(FxRobot robot, String screen) {
        robot.clickOn(find(robot, "#nav-" + screen).queryAs(Node.class));
    }

    /** Looks {@code query} up in the workbench's window. */
    public NodeQuery find(FxRobot robot, String query) {
        return robot.from(stage.getScene().getRoot()).lookup(query);
    }

    public void close(FxRobot robot) {
        robot.interact(workbench::close);
        context.close();
    }
}
