package dev.sift.ui.review;

import static dev.sift.ui.testsupport.Waits.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.store.testing.InstructFixture;
import dev.sift.ui.testsupport.ScriptedDialogService;
import dev.sift.ui.testsupport.TestWorkbench;
import dev.sift.ui.testsupport.WorkbenchTest;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Review screen shows an AgentInstruct sample's provenance under its candidates, and nothing for other samples. */
class ProvenanceUiTest extends WorkbenchTest {

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) throws Exception {
        InstructFixture fixture = InstructFixture.create(dir);
        opened = TestWorkbench.open(stage, dir, new ScriptedDialogService(), fixture.file());
    }

    @Test
    void theProvenanceSectionOpensOnAGeneratedSampleAndHidesOnAnOrdinaryOne(FxRobot robot) throws Exception {
        opened.show(robot, "review");
        waitUntil(() -> opened.find(robot, "#review-status").queryAs(Label.class).getText().equals("5 of 5 samples"));
        waitUntil(() -> selectedPosition(robot) == 0);
        TitledPane provenance = opened.find(robot, "#provenance").queryAs(TitledPane.class);
        assertThat(provenance.isVisible()).as("the first sample is an ordinary one").isFalse();

        robot.type(KeyCode.J, 2);
        waitUntil(() -> selectedPosition(robot) == 2 && provenance.isVisible());
        assertThat(provenance.getText()).isEqualTo(
                "Provenance: AgentInstruct · reading-comprehension · inference · 2 rounds of refinement");
        assertThat(provenance.isExpanded()).isFalse();
        robot.clickOn(provenance.lookup(".title"));
        waitUntil(provenance::isExpanded);

        assertThat(opened.find(robot, "#provenance-seed").queryAs(Label.class).getText())
                .isEqualTo(InstructFixture.SEED);
        assertThat(opened.find(robot, "#provenance-content").queryAs(Label.class).getText())
                .isEqualTo(InstructFixture.DEBATE);
        VBox steps = opened.find(robot, "#provenance-steps").queryAs(VBox.class);
        assertThat(steps.getChildren()).hasSize(3);
        assertThat(texts(steps.getChildren().get(0))).containsExactly("Seed instruction",
                "→ What do spring tides depend on?");
        assertThat(texts(steps.getChildren().get(2))).containsExactly("Round 2", "• Require using Ben's point",
                "→ " + InstructFixture.REFINED);
        assertThat(texts(opened.find(robot, "#provenance-facts").query())).contains("Transformation", "debate",
                "Suggester", "critic");

        robot.type(KeyCode.K);
        waitUntil(() -> selectedPosition(robot) == 1 && provenance.getText().endsWith("· inference · unrefined"));
        assertThat(provenance.isExpanded()).as("the section stays open from sample to sample").isTrue();
        assertThat(opened.find(robot, "#provenance-steps").tryQuery()).as("no refinement to show").isEmpty();

        robot.type(KeyCode.K);
        waitUntil(() -> selectedPosition(robot) == 0 && !provenance.isVisible());
    }

    private static java.util.List<String> texts(Node parent) {
        return ((javafx.scene.Parent) parent).getChildrenUnmodifiable().stream().filter(Label.class::isInstance)
                .map(n -> ((Label) n).getText()).toList();
    }

    private int selectedPosition(FxRobot robot) {
        return opened.find(robot, "#review-table").queryAs(TableView.class).getSelectionModel().getSelectedIndex();
    }
}
