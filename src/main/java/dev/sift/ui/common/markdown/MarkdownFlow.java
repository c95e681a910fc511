package dev.sift.ui.common.markdown;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Markdown rendered as JavaFX nodes: a {@link VBox} of blocks, each paragraph or heading a {@link TextFlow} of
 * {@link Text} runs. Raw HTML stays literal text and nothing is ever loaded: there is no web view (ADR 0014). The
 * look comes from the {@code md-*} style classes in {@code sift.css}. Tables are not parsed: a paragraph of lines
 * starting with '|' keeps its lines, in monospace.
 */
public final class MarkdownFlow {

    /** The style class of the rendered root. */
    public static final String ROOT = "markdown";
    public static final String PARAGRAPH = "md-paragraph";
    public static final String HEADING = "md-heading";
    public static final String CODE_BLOCK = "md-code-block";
    public static final String LIST = "md-list";
    public static final String LIST_ITEM = "md-list-item";
    public static final String LIST_MARKER = "md-list-marker";
    public static final String QUOTE = "md-blockquote";
    public static final String RULE = "md-rule";
    public static final String HTML = "md-html";
    /** A table, kept as its source lines (no table extension is parsed). */
    public static final String TABLE = "md-table";

    private static final Parser PARSER = Parser.builder().build();

    private MarkdownFlow() {}

    /** The markdown rendered as a vertical box of blocks; an empty text gives an empty box. */
    public static VBox render(String markdown) {
        var root = blocks(PARSER.parse(markdown == null ? "" : markdown), 0);
        root.getStyleClass().add(ROOT);
        return root;
    }

    /** A monospace, whitespace-keeping flow of literal text, as code blocks show. */
    public static TextFlow literal(String text, String... styleClasses) {
        var run = new Text(text);
        run.getStyleClass().addAll(InlineFlow.TEXT, InlineFlow.CODE);
        var flow = new TextFlow(run);
        flow.getStyleClass().addAll(styleClasses);
        return flow;
    }

    private static VBox blocks(org.commonmark.node.Node parent, int listDepth) {
        var box = new VBox();
        box.getStyleClass().add("md-blocks");
        var visitor = new BlockVisitor(box, listDepth);
        for (var child = parent.getFirstChild(); child != null; child = child.getNext()) {
            child.accept(visitor);
        }
        return box;
    }

    /** Adds one node per block of the visited level to {@code box}. */
    private static final class BlockVisitor extends AbstractVisitor {

        private final VBox box;
        private final int listDepth;

        BlockVisitor(VBox box, int listDepth) {
            this.box = box;
            this.listDepth = listDepth;
        }

        @Override
        public void visit(Document document) {
            visitChildren(document);
        }

        @Override
        public void visit(Paragraph paragraph) {
            box.getChildren().add(InlineFlow.looksLikeTable(paragraph)
                    ? InlineFlow.table(paragraph, PARAGRAPH, TABLE)
                    : InlineFlow.of(paragraph, List.of(), PARAGRAPH));
        }

        @Override
        public void visit(Heading heading) {
            String level = "md-h" + heading.getLevel();
            box.getChildren().add(InlineFlow.of(heading, List.of(level), HEADING, level));
        }

        @Override
        public void visit(FencedCodeBlock code) {
            box.getChildren().add(literal(stripFinalNewline(code.getLiteral()), CODE_BLOCK));
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            box.getChildren().add(literal(stripFinalNewline(code.getLiteral()), CODE_BLOCK));
        }

        @Override
        public void visit(HtmlBlock html) {
            var run = new Text(stripFinalNewline(html.getLiteral()));
            run.getStyleClass().addAll(InlineFlow.TEXT, HTML);
            var flow = new TextFlow(run);
            flow.getStyleClass().add(PARAGRAPH);
            box.getChildren().add(flow);
        }

        @Override
        public void visit(BlockQuote quote) {
            var inner = blocks(quote, listDepth);
            inner.getStyleClass().add(QUOTE);
            box.getChildren().add(inner);
        }

        @Override
        public void visit(ThematicBreak rule) {
            var line = new Region();
            line.getStyleClass().add(RULE);
            box.getChildren().add(line);
        }

        @Override
        public void visit(BulletList list) {
            box.getChildren().add(list(list, n -> listDepth % 2 == 0 ? "•" : "◦"));
        }

        @Override
        public void visit(OrderedList list) {
            int start = list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber();
            String delimiter = list.getMarkerDelimiter() == null ? "." : list.getMarkerDelimiter();
            box.getChildren().add(list(list, n -> (start + n) + delimiter));
        }

        private VBox list(ListBlock list, java.util.function.IntFunction<String> marker) {
            var items = new VBox();
            items.getStyleClass().addAll(LIST, list.isTight() ? "md-tight" : "md-loose");
            int n = 0;
            for (var item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof ListItem) {
                    var bullet = new Text(marker.apply(n++));
                    bullet.getStyleClass().addAll(InlineFlow.TEXT, LIST_MARKER);
                    var content = blocks(item, listDepth + 1);
                    HBox.setHgrow(content, Priority.ALWAYS);
                    var markerFlow = new TextFlow(bullet);
                    // never squeezed: a long item must wrap its own text, not break "13." over two lines
                    markerFlow.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                    var row = new HBox(6, markerFlow, content);
                    row.getStyleClass().add(LIST_ITEM);
                    items.getChildren().add(row);
                }
            }
            return items;
        }
    }

    private static String stripFinalNewline(String literal) {
        return literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
    }

    /** The nodes a rendered block is made of, depth first; for tests and look-ups. */
    public static List<Node> descendants(Node root) {
        var all = new java.util.ArrayList<Node>();
        collect(root, all);
        return all;
    }

    private static void collect(Node node, List<Node> into) {
        into.add(node);
        if (node instanceof javafx.scene.Parent) {
            for (Node child : ((javafx.scene.Parent) node).getChildrenUnmodifiable()) {
                collect(child, into);
            }
        }
    }
}
