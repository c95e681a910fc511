package dev.sift.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sift.app.SiftContext;
import dev.sift.core.dataset.ImportJob;
import dev.sift.core.dataset.ImportRequest;
import dev.sift.core.job.testing.TestContext;
import dev.sift.core.model.Dataset;
import dev.sift.core.model.Sample;
import dev.sift.core.pipeline.CompareDatasetsJob;
import dev.sift.core.pipeline.CompareDatasetsSpec;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import dev.sift.ui.common.UiSettings;
import dev.sift.ui.testsupport.ScriptedDialogService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
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
 * Writes {@code review.png} beside {@code -Dsift.screenshot}: the Review screen on real data, the Alpaca-GPT4
 * sample compared with the original Alpaca records, one sample's two answers side by side with their differences.
 * Needs the team's shared datasets beside the repository ({@code -Dsift.datasets} points elsewhere).
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "sift.screenshot", matches = ".+")
class ReviewScreenshotUiTest {

    private static final Path DATASETS = Path.of(System.getProperty("sift.datasets",
            Path.of("..", "shared", "datasets").toString()), "alpaca");
    private static final Path GPT4 = DATASETS.resolve("alpaca_gpt4_en_demo_1k_llamafactory.json");
    private static final Path ALPACA = DATASETS.resolve("alpaca_union_17k_from_public_subsets.json");

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void reviewScreenOnAlpacaGpt4ComparedWithAlpaca(FxRobot robot) throws Exception {
        assumeTrue(Files.isRegularFile(GPT4) && Files.isRegularFile(ALPACA),
                "the shared Alpaca files are not present: skipping the review screenshot");
        Path project = dir.resolve("alpaca-review.sift");
        String instruction;
        try (ProjectStore store = SqliteProjectStore.create(project)) {
            new ImportJob(ImportRequest.of(GPT4), store).run(TestContext.running());
            new ImportJob(ImportRequest.of(ALPACA), store).run(TestContext.running());
            List<Dataset> datasets = store.datasets().list();
            new CompareDatasetsJob(new CompareDatasetsSpec(datasets.get(0), List.of(datasets.get(1)), false), store)
                    .run(TestContext.running());
            instruction = pick(store, datasets.get(0).id()).orElseThrow();
        }
        var context = new SiftContext(dir.resolve("config"));
        var workbench = new AtomicReference<Workbench>();
        robot.interact(() -> workbench.set(Workbench.open(stage, context, UiSettings.load(dir.resolve("config")),
                owner -> new ScriptedDialogService(), List.of(project.toString()))));

        robot.clickOn("#nav-review");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status(robot).contains(" of "));
        robot.clickOn("#review-search").write(instruction);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status(robot).startsWith("1 of "));
        robot.clickOn("#review-table");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup(".candidate-pane").queryAll().size() == 2);
        robot.clickOn(robot.lookup("#show-differences").queryAs(CheckBox.class));
        WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        Path target = Path.of(System.getProperty("sift.screenshot")).resolveSibling("review.png");
        snapshot(robot, target);

        // keep the GPT-4 answer of the sample shown, then look at the Export screen's preview of the curated set
        robot.type(javafx.scene.input.KeyCode.DIGIT1);
        robot.clickOn("#nav-export");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#export-preview")
                .queryAs(javafx.scene.control.TextArea.class).getText().contains("Generate"));
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        Path export = target.resolveSibling("export.png");
        snapshot(robot, export);
        robot.interact(() -> workbench.get().close());
        context.close();

        assertThat(target).isNotEmptyFile();
        assertThat(export).isNotEmptyFile();
    }

    private void snapshot(FxRobot robot, Path target) throws Exception {
        var image = new AtomicReference<WritableImage>();
        robot.interact(() -> image.set(stage.getScene().snapshot(null)));
        Files.createDirectories(target.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", target.toFile());
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#review-status").tryQueryAs(Label.class).map(Label::getText).orElse("");
    }

    /** A sample whose GPT-4 answer and Alpaca answer are both of a readable length and differ. */
    private static Optional<String> pick(ProjectStore store, long datasetId) throws Exception {
        long[] ids = store.samples().ids(SampleQuery.dataset(datasetId));
        for (Sample sample : store.samples().fetch(ids, 0, ids.length)) {
            String own = sample.content().output();
            for (Candidate c : store.candidates().listBySample(sample.id())) {
                if (c.origin() == CandidateOrigin.DATASET && sample.content().input().isEmpty()
                        && own.length() > 250 && own.length() < 700 && c.response().length() > 150
                        && c.response().length() < 500 && sample.content().instruction().length() < 70) {
                    return Optional.of(sample.content().instruction());
                }
            }
        }
        return Optional.empty();
    }
}
