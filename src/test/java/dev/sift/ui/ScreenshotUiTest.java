package dev.sift.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.app.SiftContext;
import dev.sift.ui.common.UiSettings;
import dev.sift.ui.testsupport.ScriptedDialogService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes a PNG of the Datasets screen on the sample project, for the documentation. Runs only with
 * {@code -Dsift.screenshot=docs/screenshots/datasets.png}.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "sift.screenshot", matches = ".+")
class ScreenshotUiTest {

    @TempDir
    Path config;

    private Stage stage;
    private Workbench workbench;
    private SiftContext context;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = new SiftContext(config);
        workbench = Workbench.open(stage, context, UiSettings.load(config), owner -> new ScriptedDialogService(), List.of());
    }

    @Test
    void datasetsScreenOnTheSampleProject(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> workbench.workspace().selectedDataset().isPresent()
                && workbench.runningJobs().list().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<Integer> table = robot.from(stage.getScene().getRoot()).lookup("#sample-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        robot.interact(() -> table.getSelectionModel().select(2));
        WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS); // let the chart and layout settle
        WaitForAsyncUtils.waitForFxEvents();

        var image = new AtomicReference<WritableImage>();
        robot.interact(() -> image.set(stage.getScene().snapshot(null)));
        Path target = Path.of(System.getProperty("sift.screenshot"));
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", target.toFile());
        robot.interact(workbench::close);
        context.close();

        assertThat(target).isNotEmptyFile();
    }
}
