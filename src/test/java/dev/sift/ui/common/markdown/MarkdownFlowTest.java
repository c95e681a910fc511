package dev.sift.ui.common.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.Test;

/** The markdown tree mapped to nodes; JavaFX nodes are built without a running toolkit. */
class MarkdownFlowTest {

    @Test
    void aParagraphKeepsEmphasisStrongAndInlineCodeAsStyledRuns() {
        VBox root = MarkdownFlow.render("Plain *soft* and **bold** with `x = 1`.");

        assertThat(root.getStyleClass()).contains(MarkdownFlow.ROOT);
        TextFlow paragraph = (TextFlow) root.getChildren().get(0);
        assertThat(paragraph.getStyleClass()).contains(MarkdownFlow.PARAGRAPH);
        assertThat(runs(paragraph)).extracting(Text::getText)
                .containsExactly("Plain ", "soft", " and ", "bold", " with ", "x = 1", ".");
        assertThat(runs(paragraph).get(1).getStyleClass()).contains("md-em");
        assertThat(runs(paragraph).get(3).getStyleClass()).contains("md-strong");
        assertThat(runs(paragraph).get(5).getStyleClass()).contains("md-code");
        assertThat(runs(paragraph)).allSatisfy(run -> assertThat(run.getStyleClass()).contains("md-text"));
    }

    @Test
    void nestedSpansCarryEveryStyle() {
        Text run = runs(MarkdownFlow.render("***both***")).get(0);

        assertThat(run.getStyleClass()).contains("md-em", "md-strong");
    }

    @Test
    void headingsCarryTheirLevel() {
        VBox root = MarkdownFlow.render("# Title\n\n### Small");

        assertThat(root.getChildren()).hasSize(2);
        assertThat(root.getChildren().get(0).getStyleClass()).contains(MarkdownFlow.HEADING, "md-h1");
        assertThat(runs(root.getChildren().get(1)).get(0).getStyleClass()).contains("md-h3");
        assertThat(text(root)).isEqualTo("TitleSmall");
    }

    @Test
    void codeBlocksKeepTheirWhitespaceInOneMonospaceRun() {
        VBox root = MarkdownFlow.render("```python\ndef f():\n    return  1\n```\n\n    indented\n      more\n");

        assertThat(root.getChildren()).hasSize(2).allSatisfy(
                block -> assertThat(block.getStyleClass()).contains(MarkdownFlow.CODE_BLOCK));
        assertThat(runs(root.getChildren().get(0))).singleElement().satisfies(run -> {
            assertThat(run.getText()).isEqualTo("def f():\n    return  1");
            assertThat(run.getStyleClass()).contains("md-code");
        });
        assertThat(runs(root.getChildren().get(1)).get(0).getText()).isEqualTo("indented\n  more");
    }

    @Test
    void listsHaveMarkersAndNest() {
        VBox root = MarkdownFlow.render("- one\n- two\n  - inner\n\n3. three\n4. four\n");

        assertThat(root.getChildren()).hasSize(2);
        assertThat(markers(root.getChildren().get(0))).containsExactly("•", "•", "◦");
        assertThat(markers(root.getChildren().get(1))).containsExactly("3.", "4.");
        HBox first = (HBox) ((VBox) root.getChildren().get(0)).getChildren().get(0);
        assertThat(first.getStyleClass()).contains(MarkdownFlow.LIST_ITEM);
        assertThat(text(first)).isEqualTo("•one");
    }

    @Test
    void quotesRulesAndBreaks() {
        VBox root = MarkdownFlow.render("> quoted\n> line\n\n---\n\nhard  \nbreak");

        assertThat(root.getChildren().get(0).getStyleClass()).contains(MarkdownFlow.QUOTE);
        assertThat(text(root.getChildren().get(0))).isEqualTo("quoted line");
        assertThat(root.getChildren().get(1)).isInstanceOf(Region.class);
        assertThat(root.getChildren().get(1).getStyleClass()).contains(MarkdownFlow.RULE);
        assertThat(text(root.getChildren().get(2))).isEqualTo("hard\nbreak");
    }

    @Test
    void rawHtmlIsLiteralText() {
        VBox root = MarkdownFlow.render("<script>alert('x')</script>\n\nText with <b>inline</b> tags.");

        assertThat(text(root.getChildren().get(0))).isEqualTo("<script>alert('x')</script>");
        assertThat(runs(root.getChildren().get(0)).get(0).getStyleClass()).contains(MarkdownFlow.HTML);
        assertThat(text(root.getChildren().get(1))).isEqualTo("Text with <b>inline</b> tags.");
    }

    @Test
    void linksAreTextWithTheirTargetShown() {
        VBox root = MarkdownFlow.render("See [the docs](https://example.org/docs) or <https://example.org>.");

        List<Text> runs = runs(root);
        assertThat(text(root)).isEqualTo("See the docs (https://example.org/docs) or https://example.org.");
        assertThat(runs.get(1).getStyleClass()).contains("md-link");
        assertThat(runs.get(2).getStyleClass()).contains("md-link-target");
    }

    @Test
    void tablesKeepTheirSourceLinesInMonospace() {
        VBox root = MarkdownFlow.render("| a | b |\n|---|---|\n| 1 | 2 |\n\n| not\na table");

        assertThat(root.getChildren().get(0).getStyleClass()).contains(MarkdownFlow.TABLE);
        assertThat(text(root.getChildren().get(0))).isEqualTo("| a | b |\n|---|---|\n| 1 | 2 |");
        assertThat(runs(root.getChildren().get(0))).allSatisfy(r -> assertThat(r.getStyleClass()).contains("md-code"));
        assertThat(root.getChildren().get(1).getStyleClass()).doesNotContain(MarkdownFlow.TABLE);
        assertThat(text(root.getChildren().get(1))).isEqualTo("| not a table");
    }

    @Test
    void emptyOrMissingTextRendersNothing() {
        assertThat(MarkdownFlow.render("").getChildren()).isEmpty();
        assertThat(MarkdownFlow.render(null).getChildren()).isEmpty();
    }

    private static List<Text> runs(Node root) {
        return MarkdownFlow.descendants(root).stream().filter(Text.class::isInstance).map(Text.class::cast)
                .collect(Collectors.toList());
    }

    private static List<String> markers(Node list) {
        return runs(list).stream().filter(t -> t.getStyleClass().contains(MarkdownFlow.LIST_MARKER))
                .map(Text::getText).collect(Collectors.toList());
    }

    private static String text(Node root) {
        return runs(root).stream().map(Text::getText).collect(Collectors.joining());
    }
}
