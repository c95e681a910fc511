package dev.sift.ui.common.markdown;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;

/**
 * The inline content of a paragraph or heading as a {@link TextFlow}: one {@link Text} run per piece of text, each
 * carrying the style classes of the spans it sits in (strong, emphasis, link, heading level).
 */
final class InlineFlow extends AbstractVisitor {

    /** Every run of rendered text has this class. */
    static final String TEXT = "md-text";
    static final String STRONG = "md-strong";
    static final String EMPHASIS = "md-em";
    static final String CODE = "md-code";
    static final String LINK = "md-link";
    static final String LINK_TARGET = "md-link-target";

    private final TextFlow flow = new TextFlow();
    private final List<String> styles = new ArrayList<>();
    private final String softBreak;

    private InlineFlow(List<String> baseStyles, String softBreak) {
        styles.addAll(baseStyles);
        this.softBreak = softBreak;
    }

    /** The flow of {@code block}'s inline children, each run styled with {@code runStyles} too. */
    static TextFlow of(Node block, List<String> runStyles, String... flowStyles) {
        var inline = new InlineFlow(runStyles, " ");
        inline.visitChildren(block);
        inline.flow.getStyleClass().addAll(flowStyles);
        return inline.flow;
    }

    /**
     * The flow of a paragraph whose every line starts with '|', a table this renderer does not parse: kept line by
     * line in monospace, as its source text.
     */
    static TextFlow table(Node paragraph, String... flowStyles) {
        var inline = new InlineFlow(List.of(CODE), "\n");
        inline.visitChildren(paragraph);
        inline.flow.getStyleClass().addAll(flowStyles);
        return inline.flow;
    }

    /** Whether {@code paragraph} has several lines and each starts with '|'. */
    static boolean looksLikeTable(Node paragraph) {
        boolean lineStart = true;
        int lines = 0;
        for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
            if (lineStart) {
                if (!(child instanceof org.commonmark.node.Text
                        && ((org.commonmark.node.Text) child).getLiteral().startsWith("|"))) {
                    return false;
                }
                lines++;
            }
            lineStart = child instanceof SoftLineBreak || child instanceof HardLineBreak;
        }
        return lines > 1;
    }

    @Override
    public void visit(org.commonmark.node.Text text) {
        add(text.getLiteral());
    }

    @Override
    public void visit(Code code) {
        add(code.getLiteral(), CODE);
    }

    @Override
    public void visit(Emphasis emphasis) {
        within(EMPHASIS, emphasis);
    }

    @Override
    public void visit(StrongEmphasis strong) {
        within(STRONG, strong);
    }

    @Override
    public void visit(Link link) {
        within(LINK, link);
        String target = link.getDestination();
        if (target != null && !target.isEmpty() && !target.equals(plainText(link))) {
            add(" (" + target + ")", LINK_TARGET);
        }
    }

    @Override
    public void visit(Image image) {
        add("[image: " + plainText(image) + " " + image.getDestination() + "]", LINK_TARGET);
    }

    @Override
    public void visit(HtmlInline html) {
        add(html.getLiteral(), MarkdownFlow.HTML);
    }

    @Override
    public void visit(SoftLineBreak lineBreak) {
        add(softBreak);
    }

    @Override
    public void visit(HardLineBreak hardBreak) {
        add("\n");
    }

    private void within(String style, Node span) {
        styles.add(style);
        visitChildren(span);
        styles.remove(styles.size() - 1);
    }

    private void add(String literal, String... extra) {
        var run = new Text(literal);
        run.getStyleClass().add(TEXT);
        run.getStyleClass().addAll(styles);
        run.getStyleClass().addAll(extra);
        flow.getChildren().add(run);
    }

    private static String plainText(Node node) {
        var text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString();
    }
}
