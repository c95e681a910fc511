package dev.sift.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.model.Sample;
import dev.sift.core.model.SampleContent;
import dev.sift.core.review.CandidateDetail;
import dev.sift.core.review.SampleDetail;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.ReviewState;
import dev.sift.core.store.Score;
import dev.sift.ui.common.SiftStyles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.shape.Path;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The side-by-side candidate panes alone in a window, showing a sample built by hand. */
@ExtendWith(ApplicationExtension.class)
class CandidatesPaneUiTest {

    private static final String ORIGINAL = "Rain falls when clouds cool.\n\n```python\ndef rain():\n    return  'wet'\n```\n";
    private static final String REWRITE = "Rain falls when warm clouds cool down.\n\n<script>alert('boo')</script>\n";

    private CandidatesPane pane;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(
                getClass().getResource("/atlantafx/base/theme/primer-light.css").toExternalForm());
        pane = new CandidatesPane();
        var scene = new Scene((javafx.scene.Parent) pane.node(), 1200, 600);
        scene.getStylesheets().add(getClass().getResource(SiftStyles.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void threeCandidatesShowNumberedPanesWithTheirMakersBadgesAndTheCurrentMarker(FxRobot robot) {
        show(robot, sample(3));

        assertThat(robot.lookup(".candidate-pane").queryAllAs(Node.class)).hasSize(3);
        assertThat(texts(robot, ".candidate-number")).containsExactly("1", "2", "3");
        assertThat(texts(robot, ".candidate-made-by"))
                .containsExactly("original", "pair writer→answerer", "dataset alpaca-gpt4");
        assertThat(robot.lookup(".candidate-current").queryAllAs(Node.class)).extracting(Node::getId)
                .containsExactly("candidate-2");
        assertThat(texts(robot, ".candidate-current-marker")).containsExactly("✓ current");
        assertThat(texts(robot, ".score-badge")).containsExactly("ifd 0.532 · ppl 0.871", "judge 4.000");
        assertThat(robot.lookup(".score-badge").queryAs(Label.class).getTooltip().getText())
                .isEqualTo("scored by tiny\ntemplate alpaca\nwindow 512 tokens");
        assertThat(texts(robot, ".candidate-tokens")).hasSize(3).allMatch(t -> t.matches("~\\d+ tokens"));
    }

    @Test
    void markdownIsRenderedWithCodeBlocksAndRawHtmlStaysLiteral(FxRobot robot) {
        show(robot, sample(3));

        assertThat(runs(robot, ".md-code-block .md-code")).containsExactly("def rain():\n    return  'wet'");
        assertThat(runs(robot, ".md-text")).contains("<script>alert('boo')</script>");
    }

    @Test
    void aRewrittenInstructionIsShownOnlyOnItsPane(FxRobot robot) {
        show(robot, sample(3));

        Node prompt = robot.lookup(".candidate-prompt").query();
        assertThat(robot.from(robot.lookup("#candidate-3").queryParent()).lookup(".candidate-prompt").queryAllAs(Node.class))
                .containsExactly(prompt);
        assertThat(robot.from(prompt).lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("Instruction (differs from the original)", "Explain rain to a child.");
    }

    @Test
    void showingDifferencesMarksAddedAndRemovedWordsOutsideTheOriginal(FxRobot robot) {
        show(robot, sample(3));
        assertThat(robot.lookup(".diff-added").queryAllAs(Node.class)).isEmpty();

        robot.clickOn("#show-differences");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#show-differences").queryAs(CheckBox.class).isSelected()).isTrue();
        Node second = robot.lookup("#candidate-2").query();
        List<String> added = robot.from(second).lookup(".diff-added").queryAllAs(Text.class).stream()
                .map(Text::getText).collect(Collectors.toList());
        assertThat(added.get(0)).isEqualTo("warm ");
        assertThat(added).anySatisfy(text -> assertThat(text).contains("<script>alert('boo')</script>"));
        assertThat(robot.from(second).lookup(".diff-removed").queryAllAs(Text.class))
                .isNotEmpty().allSatisfy(text -> assertThat(text.isStrikethrough()).isTrue());
        assertThat(robot.from(second).lookup(".diff-highlight-added").queryAs(Path.class).getElements()).isNotEmpty();
        assertThat(robot.from(second).lookup(".diff-highlight-removed").queryAs(Path.class).getElements())
                .isNotEmpty();
        assertThat(robot.from(robot.lookup("#candidate-1").queryParent()).lookup(".diff-flow").queryAllAs(Node.class)).isEmpty();
        assertThat(robot.from(robot.lookup("#candidate-1").queryParent()).lookup(".md-code-block").queryAllAs(Node.class))
                .hasSize(1);

        robot.clickOn("#show-differences");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".diff-added").queryAllAs(Node.class)).isEmpty();
    }

    @Test
    void scrollingOnePaneScrollsTheOthers(FxRobot robot) {
        show(robot, sample(3));
        List<ScrollPane> bodies = new ArrayList<>(robot.lookup(".candidate-body").queryAllAs(ScrollPane.class));
        assertThat(bodies).hasSize(3);

        robot.interact(() -> bodies.get(1).setVvalue(0.4));
        assertThat(bodies).allSatisfy(body -> assertThat(body.getVvalue()).isEqualTo(0.4));

        robot.moveTo(bodies.get(2)).scroll(3, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        double moved = bodies.get(2).getVvalue();
        assertThat(moved).isNotEqualTo(0.4);
        assertThat(bodies).allSatisfy(body -> assertThat(body.getVvalue()).isEqualTo(moved));
    }

    @Test
    void moreThanSixCandidatesScrollSidewaysAndStayNumbered(FxRobot robot) {
        show(robot, sample(8));

        assertThat(texts(robot, ".candidate-number")).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
        ScrollPane row = robot.lookup("#candidates-scroll").queryAs(ScrollPane.class);
        assertThat(row.isFitToWidth()).isFalse();
        assertThat(row.getContent().getLayoutBounds().getWidth()).isGreaterThan(row.getViewportBounds().getWidth());
    }

    @Test
    void nullClearsThePanes(FxRobot robot) {
        show(robot, sample(3));
        show(robot, null);

        assertThat(robot.lookup(".candidate-pane").queryAllAs(Node.class)).isEmpty();
        assertThat(robot.lookup("#show-differences").queryAs(CheckBox.class).isDisabled()).isTrue();
    }

    private void show(FxRobot robot, SampleDetail detail) {
        robot.interact(() -> pane.show(detail));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The original, a pair's rewrite (kept, scored) and a dataset answer with a rewritten instruction; more copies. */
    private static SampleDetail sample(int candidates) {
        var content = SampleContent.single("Explain rain.", "", ORIGINAL);
        var sample = new Sample(7, 1, 0, content, "hash");
        var details = new ArrayList<CandidateDetail>();
        details.add(new CandidateDetail(0, CandidateOrigin.ORIGINAL, "original", "Explain rain.", "", ORIGINAL,
                List.of(), false));
        details.add(new CandidateDetail(11, CandidateOrigin.GENERATED, "pair writer→answerer", "Explain rain.", "",
                REWRITE + "\n" + filler(), List.of(score(11, "ifd", 0.5321, "{\"ifd_ppl\":0.8712}"),
                        score(11, "judge", 4, "")), true));
        for (int i = 2; i < candidates; i++) {
            details.add(new CandidateDetail(10 + i, CandidateOrigin.DATASET, "dataset alpaca-gpt4",
                    "Explain rain to a child.", "", "Water drops fall.\n\n" + filler(), List.of(), false));
        }
        return new SampleDetail(sample, details, ReviewState.CHOSEN, 11, Optional.empty(), Optional.empty());
    }

    private static Score score(long candidate, String metric, double value, String details) {
        return new Score(candidate * 10, candidate, 7, metric, value, "tiny", "alpaca", 512, details, Instant.EPOCH);
    }

    private static String filler() {
        return "A long paragraph about clouds and water that goes on. ".repeat(40) + "\n\n- one\n- two\n";
    }

    private static List<String> texts(FxRobot robot, String query) {
        return robot.lookup(query).queryAllAs(Label.class).stream().map(Label::getText).collect(Collectors.toList());
    }

    private static List<String> runs(FxRobot robot, String query) {
        return robot.lookup(query).queryAllAs(Text.class).stream().map(Text::getText).collect(Collectors.toList());
    }
}
