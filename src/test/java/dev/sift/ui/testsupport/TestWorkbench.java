package dev.sift.ui.testsupport;

import dev.sift.app.SiftContext;
import dev.sift.ui.Workbench;
import dev.sift.ui.common.DialogService;
import dev.sift.ui.common.UiSettings;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

/**
 * The real workbench opened on a project file for a UI test, with its own configuration folder under {@code dir} and
 * a scripted dialog service; {@link #close} shuts both down.
 */
public record TestWorkbench(SiftContext context, Workbench workbench) {

    public static TestWorkbench open(Stage stage, Path dir, DialogService dialogs, Path project) {
        var context = new SiftContext(dir.resolve("config"));
        var workbench = Workbench.open(stage, context, UiSettings.load(dir.resolve("config")), owner -> dialogs,
                List.of(project.toString()));
        return new TestWorkbench(context, workbench);
    }

    public void close(FxRobot robot) {
        robot.interact(workbench::close);
        context.close();
    }
}
