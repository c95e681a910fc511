package dev.sift.ui.runs;

import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.SubscribedView;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * What every recipe's launch form pane shows the same way around its own grid of settings: the title above it, and
 * below it the estimate, the problem that keeps the form from launching, and the Launch and Close buttons. Their ids
 * start with the form's prefix ({@code sa-estimate}, {@code rf-problem}, {@code ai-launch}, …); Launch is enabled
 * while the {@link RecipeFormViewModel} has no problem.
 */
abstract class RecipeFormPane extends SubscribedView {

    private VBox root;

    /** An empty grid of labelled rows. */
    static GridPane grid() {
        var grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        return grid;
    }

    /**
     * Lays the form out around {@code grid}; called once by the pane's constructor.
     *
     * @param id the form's id, e.g. {@code star-agents-form}
     * @param prefix the start of its controls' ids, e.g. {@code sa}
     * @return the estimate line, for a pane that lets it wrap
     */
    final Label layOut(String id, String prefix, String title, GridPane grid, RecipeFormViewModel<?> vm,
            Runnable launch, Runnable close) {
        var heading = new Label(title);
        heading.getStyleClass().add(SiftStyles.SECTION_TITLE);
        var problem = new Label();
        problem.setId(prefix + "-problem");
        problem.getStyleClass().add(SiftStyles.FORM_ERROR);
        problem.setWrapText(true);
        subscriptions.bind(problem.textProperty(), vm.problemProperty());
        var estimate = new Label();
        estimate.setId(prefix + "-estimate");
        estimate.getStyleClass().add(SiftStyles.MUTED);
        subscriptions.bind(estimate.textProperty(), vm.estimateProperty());
        var go = new Button("Launch");
        go.setId(prefix + "-launch");
        go.disableProperty().bind(Bindings.isNotEmpty(vm.problemProperty()));
        subscriptions.onDispose(() -> go.disableProperty().unbind());
        go.setOnAction(e -> launch.run());
        var cancel = new Button("Close");
        cancel.setId(prefix + "-close");
        cancel.setOnAction(e -> close.run());
        root = new VBox(8, heading, grid, estimate, problem, new HBox(8, go, cancel));
        root.setId(id);
        root.getStyleClass().add(SiftStyles.FORM);
        return estimate;
    }

    @Override
    public Node node() {
        return root;
    }
}
