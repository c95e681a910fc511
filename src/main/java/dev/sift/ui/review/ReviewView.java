package dev.sift.ui.review;

import dev.sift.core.review.BulkRule;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.SubscribedView;
import dev.sift.ui.common.UiServices;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Review screen: the filter bar, the action bar (bulk actions, undo and redo with what they would do, the count
 * in view), the sample table over the side-by-side candidates of the current sample, and the keyboard shortcuts with
 * their overlay.
 */
public final class ReviewView extends SubscribedView {

    private final ReviewViewModel vm;
    private final StackPane root = new StackPane();

    public ReviewView(WorkspaceState workspace, UiServices services) {
        this.vm = new ReviewViewModel(workspace, services.jobs(), services.debouncers().get(), services.dialogs(),
                new FxReviewDialogs(() -> root.getScene() == null ? null : root.getScene().getWindow()));
        var filterBar = new ReviewFilterBar(vm);
        var table = new ReviewTable(vm);
        var candidates = new CandidatesPane();
        var overlay = new ShortcutOverlay();
        var split = new SplitPane(table.node(), candidates.node());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        VBox.setVgrow(split, Priority.ALWAYS);
        var content = new VBox(8, filterBar.node(), actionBar(), split);
        content.getStyleClass().add("sift-review");
        root.getChildren().addAll(content, overlay.node());

        var keys = new ReviewKeys(vm, overlay, filterBar.searchField(), table.table());
        subscriptions.listen(root.sceneProperty(), (obs, old, scene) -> keys.attach(scene));
        keys.attach(root.getScene());
        subscriptions.listen(vm.detailProperty(), (obs, old, detail) -> candidates.show(detail));
        candidates.show(vm.detailProperty().get());
        subscriptions.onDispose(() -> keys.attach(null));
        subscriptions.onDispose(filterBar::dispose);
        subscriptions.onDispose(table::dispose);
        subscriptions.onDispose(candidates::dispose);
        subscriptions.onDispose(overlay::dispose);
        subscriptions.onDispose(vm::dispose);
    }

    private HBox actionBar() {
        var bulk = new MenuButton("Bulk on the filter");
        bulk.setId("review-bulk");
        for (BulkRule rule : BulkRule.values()) {
            var item = new MenuItem(Character.toUpperCase(rule.words().charAt(0)) + rule.words().substring(1) + "…");
            item.setId("review-bulk-" + rule.id());
            item.setOnAction(e -> vm.commands().bulk(rule));
            bulk.getItems().add(item);
        }
        var undo = new Button();
        undo.setId("review-undo");
        undo.setOnAction(e -> vm.commands().undo());
        subscriptions.bind(undo.textProperty(), vm.commands().undoLabelProperty());
        subscriptions.bind(undo.disableProperty(), vm.commands().canUndoProperty().not());
        var redo = new Button();
        redo.setId("review-redo");
        redo.setOnAction(e -> vm.commands().redo());
        subscriptions.bind(redo.textProperty(), vm.commands().redoLabelProperty());
        subscriptions.bind(redo.disableProperty(), vm.commands().canRedoProperty().not());
        for (Button b : new Button[] {undo, redo}) {
            b.setMaxWidth(320);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setFocusTraversable(false);
        }
        bulk.setFocusTraversable(false);
        var message = new Label();
        message.setId("review-message");
        message.getStyleClass().add(SiftStyles.MUTED);
        subscriptions.bind(message.textProperty(), vm.messageProperty());
        var status = new Label();
        status.setId("review-status");
        status.setMinWidth(Region.USE_PREF_SIZE);
        subscriptions.bind(status.textProperty(), vm.statusProperty());
        var hint = new Label("? shortcuts");
        hint.getStyleClass().add(SiftStyles.MUTED);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var bar = new HBox(10, bulk, undo, redo, message, spacer, status, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    @Override
    public Node node() {
        return root;
    }
}
