package dev.sift.ui.review;

import static dev.sift.ui.testsupport.Waits.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.store.Candidate;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.DecidedBy;
import dev.sift.core.store.Decision;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.ProjectStore;
import dev.sift.ui.testsupport.ScriptedDialogService;
import dev.sift.ui.testsupport.TestWorkbench;
import dev.sift.ui.testsupport.WorkbenchTest;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The Review screen on a project with generated candidates, scores and a selection run's decisions, driven from the
 * keyboard: every step is checked in the project's decisions.
 */
class ReviewUiTest extends WorkbenchTest {

    @TempDir
    static Path dir;

    private static int projects;

    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private ReviewFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        fixture = ReviewFixture.create(dir, "review" + ++projects);
        Path project = fixture.store.file();
        fixture.store.close();
        opened = TestWorkbench.open(stage, dir, dialogs, project);
    }

    @Test
    void aCuratorReviewsFromTheKeyboard(FxRobot robot) throws Exception {
        openReview(robot);

        robot.type(KeyCode.J);
        waitUntil(() -> selectedPosition(robot) == 1);
        robot.type(KeyCode.K);
        waitUntil(() -> selectedPosition(robot) == 0);
        robot.type(KeyCode.J, 4);
        waitUntil(() -> selectedPosition(robot) == 4);

        robot.type(KeyCode.DIGIT2);
        waitUntil(() -> current(4).filter(d -> d.decidedBy() == DecidedBy.CURATOR
                && d.action() == DecisionAction.CHOOSE && d.candidateId() == fixture.generated[4]).isPresent());
        waitUntil(() -> undoText(robot).equals("Undo choose candidate 2 of sample " + fixture.samples[4]));

        robot.type(KeyCode.E);
        waitUntil(() -> robot.lookup("#review-edit-response").tryQuery().isPresent());
        TextArea response = robot.lookup("#review-edit-response").queryAs(TextArea.class);
        assertThat(response.getText()).as("prefilled from the shown candidate").isEqualTo("Better answer 4");
        waitUntil(response::isFocused);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        typeKeys(robot, "curated answer");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> current(4).filter(d -> d.action() == DecisionAction.EDIT).isPresent());
        Candidate edited = store().candidates().listBySample(fixture.samples[4]).stream()
                .filter(c -> c.origin() == CandidateOrigin.CURATOR).findFirst().orElseThrow();
        assertThat(edited.response()).isEqualTo("curated answer");
        assertThat(current(4).orElseThrow().candidateId()).isEqualTo(edited.id());

        robot.type(KeyCode.U);
        waitUntil(() -> current(4).filter(d -> d.action() == DecisionAction.CHOOSE).isPresent());
        waitUntil(() -> opened.find(robot, "#review-redo").queryAs(Button.class).getText()
                .equals("Redo edit sample " + fixture.samples[4]));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> current(4).filter(d -> d.action() == DecisionAction.EDIT).isPresent());

        robot.type(KeyCode.R);
        waitUntil(() -> current(4).filter(d -> d.action() == DecisionAction.REJECT).isPresent());
        waitUntil(() -> undoText(robot).equals("Undo reject sample " + fixture.samples[4]));
        assertThat(selectedPosition(robot)).as("the selection stays on the sample").isEqualTo(4);

        Node overlay = opened.find(robot, "#shortcut-overlay").query();
        assertThat(overlay.isVisible()).isFalse();
        robot.press(KeyCode.SHIFT, KeyCode.SLASH).release(KeyCode.SLASH, KeyCode.SHIFT);
        waitUntil(overlay::isVisible);
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !overlay.isVisible());

        exportsWhatTheReviewKept(robot);
    }

    /**
     * After the keyboard session: the algorithm's picks hold for samples 0, 1 and 3, sample 2 is rejected by the
     * algorithm, 4 by the curator, 5 is undecided. The Export screen writes exactly the three kept samples, with the
     * candidate each keeps, and one preference pair for each (the kept candidate against the other one).
     */
    private void exportsWhatTheReviewKept(FxRobot robot) throws Exception {
        Path file = dir.resolve("curated-" + projects + ".json");
        Path pairs = dir.resolve("pairs-" + projects + ".jsonl");
        opened.show(robot, "export");
        waitUntil(() -> opened.find(robot, "#export-run").tryQuery().isPresent());
        dialogs.willSave(file).willSave(pairs);
        robot.clickOn(opened.find(robot, "#export-choose-target").queryAs(Node.class));
        robot.clickOn(opened.find(robot, "#export-choose-pairs").queryAs(Node.class));
        waitUntil(() -> opened.find(robot, "#export-preview").queryAs(TextArea.class).getText()
                .contains("Better answer 0"));
        robot.clickOn(opened.find(robot, "#export-run").queryAs(Node.class));
        waitUntil(() -> java.nio.file.Files.exists(pairs) && java.nio.file.Files.exists(file));

        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var records = json.readTree(file.toFile());
        assertThat(records).extracting(r -> r.path("output").asText())
                .containsExactly("Better answer 0", "Better answer 1", "Answer 3");
        assertThat(java.nio.file.Files.readAllLines(pairs)).hasSize(3).extracting(line -> {
            var pair = json.readTree(line);
            return pair.path("chosen").asText() + " > " + pair.path("rejected").asText();
        }).containsExactly("Better answer 0 > Answer 0", "Better answer 1 > Answer 1", "Answer 3 > Better answer 3");
    }

    @Test
    void aSearchNarrowsTheTableAndTheAlgorithmsChoicesAreAcceptedForIt(FxRobot robot) throws Exception {
        openReview(robot);

        robot.type(KeyCode.SLASH);
        waitUntil(() -> opened.find(robot, "#review-search").query().isFocused());
        robot.write("apples");
        waitUntil(() -> status(robot).equals("3 of 6 samples"));
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !opened.find(robot, "#review-search").query().isFocused());
        robot.type(KeyCode.J);
        waitUntil(() -> selectedPosition(robot) == 1);

        robot.clickOn(opened.find(robot, "#review-bulk").queryAs(Node.class));
        robot.clickOn(robot.lookup("#review-bulk-accept-algorithm").queryAs(Node.class));
        waitUntil(() -> current(0).filter(d -> d.decidedBy() == DecidedBy.CURATOR).isPresent()
                && current(2).filter(d -> d.decidedBy() == DecidedBy.CURATOR).isPresent());

        assertThat(dialogs.questions()).containsExactly(
                "Accept the algorithm's choice for 2 samples? 1 has none and is left alone. You can undo it.");
        assertThat(current(0).orElseThrow().candidateId()).isEqualTo(fixture.generated[0]);
        assertThat(current(2).orElseThrow().action()).isEqualTo(DecisionAction.REJECT);
        assertThat(current(4)).as("sample 4 has no algorithm decision: left alone").isEmpty();
        assertThat(current(1).orElseThrow().decidedBy()).as("outside the search").isEqualTo(DecidedBy.ALGORITHM);
        waitUntil(() -> undoText(robot).equals("Undo Accept the algorithm's choice for 2 samples"));
    }

    @Test
    void headersSortAndScoreFieldsFilter(FxRobot robot) throws Exception {
        openReview(robot);

        robot.clickOn(header(robot, "ifd"));
        robot.clickOn(header(robot, "ifd"));
        waitUntil(() -> selectedPosition(robot) == 4); // sample 0 (IFD 0.1) stays current, now second to last
        robot.clickOn(opened.find(robot, "#review-min-ifd").queryAs(Node.class));
        robot.write("1");
        waitUntil(() -> status(robot).equals("1 of 6 samples"));
        assertThat(selectedPosition(robot)).isZero();
        robot.clickOn(opened.find(robot, "#review-clear").queryAs(Node.class));
        waitUntil(() -> status(robot).equals("6 of 6 samples"));
    }

    private Node header(FxRobot robot, String title) {
        return robot.from(opened.find(robot, "#review-table").queryAs(Node.class)).lookup(".column-header .label")
                .match((Label l) -> l.getText().equals(title)).query();
    }

    /** Types lower-case words key by key, as a person does (the dialog is its own window). */
    private static void typeKeys(FxRobot robot, String text) {
        for (char c : text.toCharArray()) {
            robot.type(c == ' ' ? KeyCode.SPACE : KeyCode.getKeyCode(String.valueOf(Character.toUpperCase(c))));
        }
    }

    private void openReview(FxRobot robot) throws Exception {
        opened.show(robot, "review");
        waitUntil(() -> status(robot).equals("6 of 6 samples"));
        waitUntil(() -> selectedPosition(robot) == 0);
    }

    private ProjectStore store() {
        return opened.workspace().store().orElseThrow();
    }

    private Optional<Decision> current(int sample) throws Exception {
        return store().decisions().current(fixture.samples[sample]);
    }

    private String status(FxRobot robot) {
        return opened.find(robot, "#review-status").queryAs(Label.class).getText();
    }

    private String undoText(FxRobot robot) {
        return opened.find(robot, "#review-undo").queryAs(Button.class).getText();
    }

    private int selectedPosition(FxRobot robot) {
        return opened.find(robot, "#review-table").queryAs(TableView.class).getSelectionModel().getSelectedIndex();
    }
}
