package dev.sift.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.DecidedBy;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.NewCandidate;
import dev.sift.core.store.NewDecision;
import dev.sift.core.store.NewReviewAction;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import dev.sift.ui.Workbench;
import dev.sift.ui.testsupport.ScriptedDialogService;
import dev.sift.ui.testsupport.TestProjects;
import dev.sift.ui.testsupport.TestWorkbench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Decisions in the project, then the Export screen: the preview shows the curated records, Export writes them. */
@ExtendWith(ApplicationExtension.class)
class ExportUiTest {

    @TempDir
    static Path dir;

    private TestWorkbench opened;
    private Workbench workbench;
    private Stage stage;
    private final ScriptedDialogService dialogs = new ScriptedDialogService();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path project = curatedProject();
        opened = TestWorkbench.open(stage, dir, dialogs, project);
        workbench = opened.workbench();
    }

    /** Six samples: the first kept as it is, the second with another dataset's answer, the third rejected. */
    private static Path curatedProject() throws Exception {
        try (ProjectStore store = TestProjects.withSamples(dir, "fruit", 6)) {
            long[] ids = store.samples().ids(SampleQuery.all());
            long better = store.candidates().add(new NewCandidate(ids[1], 0, 0, CandidateOrigin.DATASET,
                    OptionalInt.empty(), "Task 1 about pears", "", "Pears are sweet.", "gpt4")).id();
            store.review().record(NewReviewAction.of("choose", "curate", List.of(
                    new NewDecision(ids[0], 0, DecisionAction.CHOOSE, DecidedBy.CURATOR, 0, ""),
                    new NewDecision(ids[1], better, DecisionAction.CHOOSE, DecidedBy.CURATOR, 0, ""),
                    new NewDecision(ids[2], 0, DecisionAction.REJECT, DecidedBy.CURATOR, 0, ""))));
            return dir.resolve("fruit.sift");
        }
    }

    @AfterEach
    void stop(FxRobot robot) {
        opened.close(robot);
    }

    @Test
    void previewsAndExportsTheAcceptedSamples(FxRobot robot) throws Exception {
        robot.clickOn(node(robot, "#nav-export"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.from(stage.getScene().getRoot()).lookup("#export-preview").tryQuery().isPresent()
                        && ((TextArea) node(robot, "#export-preview")).getText().contains("Pears are sweet."));
        String preview = ((TextArea) node(robot, "#export-preview")).getText();
        assertThat(preview).contains("Answer 0").doesNotContain("Answer 2");

        Path target = dir.resolve("fruit-curated.json");
        dialogs.willSave(target);
        robot.clickOn(node(robot, "#export-choose-target"));
        robot.clickOn(node(robot, "#export-run"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> ((Label) node(robot, "#export-result")).getText().startsWith("Exported"));

        assertThat(((Label) node(robot, "#export-result")).getText())
                .startsWith("Exported 2 records to fruit-curated.json (left out 1 rejected and 3 undecided)");
        var records = new ObjectMapper().readTree(target.toFile());
        assertThat(records).hasSize(2);
        assertThat(records.get(1).path("output").asText()).isEqualTo("Pears are sweet.");
        assertThat(Files.readString(target).strip()).isEqualTo(preview.strip());
        assertThat(Files.exists(dir.resolve("fruit-curated.json.manifest.json"))).isTrue();
    }

    private Node node(FxRobot robot, String query) {
        return robot.from(stage.getScene().getRoot()).lookup(query).queryAs(Node.class);
    }
}
