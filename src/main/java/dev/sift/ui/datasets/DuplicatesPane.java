package dev.sift.ui.datasets;

import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.SubscribedView;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Near duplicates: a threshold, a button that runs the scan, and the groups found, each member with
 * its similarity to the group's representative.
 */
final class DuplicatesPane extends SubscribedView {

    private final DuplicatesViewModel vm;
    private final TreeView<String> tree = new TreeView<>(new TreeItem<>("groups"));
    private final VBox root;

    DuplicatesPane(DuplicatesViewModel vm, ObservableBooleanValue hasDataset) {
        this.vm = vm;
        var factory = new SpinnerValueFactory.DoubleSpinnerValueFactory(0.5, 1.0, vm.thresholdProperty().get(), 0.01);
        var threshold = new Spinner<>(factory);
        threshold.setEditable(true);
        threshold.setPrefWidth(90);
        threshold.setAccessibleText("Similarity threshold");
        subscriptions.listen(factory.valueProperty(), (obs, old, value) -> vm.thresholdProperty().set(value));
        var find = new Button("Find near duplicates");
        find.setId("find-duplicates");
        find.setOnAction(e -> vm.findDuplicates());
        subscriptions.bind(find.disableProperty(), Bindings.not(hasDataset).or(vm.runningProperty()));
        var controls = new HBox(8, new Label("Similarity ≥"), threshold, find);
        controls.setAlignment(Pos.CENTER_LEFT);
        var summary = new Label();
        summary.setWrapText(true);
        summary.getStyleClass().add(SiftStyles.MUTED);
        subscriptions.bind(summary.textProperty(), vm.summaryProperty());
        tree.setShowRoot(false);
        tree.setId("duplicate-groups");
        VBox.setVgrow(tree, Priority.ALWAYS);
        root = new VBox(10, controls, summary, tree);
        root.getStyleClass().add(SiftStyles.CARD);
        subscriptions.listen(vm.groups(), change -> showGroups());
        showGroups();
    }

    private void showGroups() {
        var items = tree.getRoot().getChildren();
        items.clear();
        for (DuplicateGroupRow group : vm.groups()) {
            var item = new TreeItem<>(group.label());
            for (DuplicateGroupRow.Member member : group.members()) {
                item.getChildren().add(new TreeItem<>(member.label()));
            }
            items.add(item);
        }
    }

    @Override
    public Node node() {
        return root;
    }
}
