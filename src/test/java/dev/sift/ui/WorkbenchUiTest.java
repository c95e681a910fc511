package dev.sift.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.app.SiftContext;
import dev.sift.core.job.Job;
import dev.sift.core.job.JobContext;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.UiSettings;
import dev.sift.ui.testsupport.ScriptedDialogService;
import dev.sift.ui.testsupport.TestProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.service.query.NodeQuery;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The workbench end to end, headless: real window, real jobs, a scripted dialog service. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchUiTest {

    @TempDir
    Path dir;

    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private SiftContext context;
    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Path config = dir.resolve("config");
        context = new SiftContext(config);
        workbench = Workbench.open(stage, context, UiSettings.load(config), owner -> dialogs,
                List.of(dir.resolve("start.sift").toString()));
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(workbench::close);
        context.close();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Looks up in this test's main window only, never in a window left over from another test. */
    private NodeQuery find(FxRobot robot, String query) {
        return robot.from(stage.getScene().getRoot()).lookup(query);
    }

    private void click(FxRobot robot, String query) {
        robot.clickOn(find(robot, query).queryAs(Node.class));
    }

    private int rows(FxRobot robot) {
        return find(robot, "#sample-table").queryAs(TableView.class).getItems().size();
    }

    private void importFile(FxRobot robot, Path file) {
        dialogs.willOpen(file);
        click(robot, "#import-button");
        click(robot, "#confirm-import");
    }

    @Test
    void importsFiltersAndExportsADataset(FxRobot robot) throws Exception {
        dialogs.willSave(dir.resolve("curated"));
        click(robot, "#new-project");
        waitUntil(() -> workbench.workspace().store().map(s -> s.file().endsWith("curated.sift")).orElse(false));

        importFile(robot, TestProjects.repoFile("datasets/sample/sift-sample.json"));
        waitUntil(() -> rows(robot) > 50);
        int all = rows(robot);

        click(robot, "#sample-filter");
        robot.write("python");
        waitUntil(() -> rows(robot) < all);
        int matching = rows(robot);
        assertThat(matching).isPositive();
        assertThat(find(robot, "#sample-summary").queryAs(Label.class).getText())
                .isEqualTo(matching + " of " + all + " samples match");

        Path target = dir.resolve("python.json");
        dialogs.willSave(target);
        click(robot, "#export-button");
        robot.clickOn("#choose-export-target");
        robot.clickOn("#confirm-export");
        waitUntil(() -> Files.exists(target) && workbench.runningJobs().list().isEmpty());

        assertThat(new ObjectMapper().readTree(target.toFile()).size()).isEqualTo(matching);
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void aFailedImportShowsTheErrorAndLeavesTheTableAlone(FxRobot robot) throws Exception {
        importFile(robot, TestProjects.repoFile("datasets/formats/alpaca.jsonl"));
        waitUntil(() -> rows(robot) > 0);
        int before = rows(robot);
        Path broken = Files.writeString(dir.resolve("broken.jsonl"), "{\"instruction\": \"a\", \"output\": \"b\"}\n{oops\n");

        importFile(robot, broken);
        waitUntil(() -> !dialogs.errors().isEmpty());

        assertThat(dialogs.errors()).singleElement().asString().startsWith("Import failed: broken.jsonl");
        assertThat(rows(robot)).isEqualTo(before);
        assertThat(workbench.workspace().datasets()).hasSize(1);
    }

    @Test
    void theWindowCarriesTheSiftIconInThreeSizes() {
        assertThat(stage.getIcons()).hasSize(3).allSatisfy(icon -> assertThat(icon.isError()).isFalse());
    }

    @Test
    void navigationSwitchesScreens(FxRobot robot) {
        click(robot, "#nav-agents");
        assertThat(find(robot, "#screen-agents").tryQuery()).isPresent();
        assertThat(find(robot, "#screen-datasets").tryQuery()).isEmpty();
        assertThat(find(robot, "#endpoint-table").tryQuery()).isPresent();

        click(robot, "#nav-review");
        assertThat(find(robot, "#screen-review").tryQuery()).isPresent();
        assertThat(find(robot, "#review-table").tryQuery()).isPresent();

        click(robot, "#nav-runs");
        assertThat(find(robot, "#screen-runs").tryQuery()).isPresent();
        assertThat(find(robot, "#runs-table").tryQuery()).isPresent();

        click(robot, "#nav-insights");
        assertThat(find(robot, "#screen-insights").tryQuery()).isPresent();
        assertThat(find(robot, "#ifd-histogram").tryQuery()).isPresent();
        assertThat(find(robot, "#ifd-scatter").tryQuery()).isPresent();
        assertThat(find(robot, "#score-ifd").tryQuery()).isPresent();
        assertThat(find(robot, "#brief-experience").tryQuery()).isPresent();

        click(robot, "#nav-datasets");
        assertThat(find(robot, "#screen-datasets").tryQuery()).isPresent();
        assertThat(find(robot, "#import-button").tryQuery()).isPresent();
    }

    @Test
    void cancelInTheStatusBarCancelsARunningJob(FxRobot robot) throws Exception {
        var cancelled = new AtomicBoolean();
        robot.interact(() -> workbench.jobs().run(new Job<Void>() {
            @Override
            public String title() {
                return "Slow work";
            }

            @Override
            public Void run(JobContext job) throws Exception {
                for (int i = 0; i < 600; i++) {
                    job.checkCancelled();
                    job.progress(i, 600);
                    Thread.sleep(100);
                }
                return null;
            }
        }, JobCallbacks.<Void>onSuccess(v -> {}).onCancelled(() -> cancelled.set(true))));
        waitUntil(() -> find(robot, ".sift-status-job .button").tryQuery().isPresent());
        Button cancel = find(robot, ".sift-status-job .button").queryButton();
        assertThat(cancel.getAccessibleText()).isEqualTo("Cancel Slow work");

        robot.clickOn(cancel);
        waitUntil(cancelled::get);

        assertThat(workbench.runningJobs().list()).isEmpty();
        assertThat(find(robot, ".sift-status-job").tryQuery()).isEmpty();
    }
}
