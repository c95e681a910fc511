package dev.sift.ui.datasets;

import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.SubscribedView;
import dev.sift.ui.common.UiServices;
import dev.sift.ui.common.View;
import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.event.EventHandler;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Datasets screen: a toolbar (import, export), the dataset list with the seed document collections below it,
 * the sample table with the selected sample below it, and statistics and near duplicates beside it. Files dropped anywhere on
 * the screen are offered for import.
 */
public final class DatasetsView extends SubscribedView {

    private final DatasetsViewModel vm;
    private final BorderPane root = new BorderPane();
    private final VBox top = new VBox(8);
    private ImportOptionsPane importOptions;
    private SeedImportPane seedImport;

    public DatasetsView(WorkspaceState workspace, UiServices services) {
        this(new DatasetsViewModel(workspace, services));
    }

    DatasetsView(DatasetsViewModel vm) {
        this.vm = vm;
        subscriptions.onDispose(vm::dispose); // the first registered, so the last released
        root.getStyleClass().add(SiftStyles.DATASETS);
        top.getChildren().add(toolbar());
        root.setTop(top);
        root.setCenter(body());
        bind();
    }

    private HBox toolbar() {
        var importButton = new Button("Import…");
        importButton.setId("import-button");
        importButton.setAccessibleText("Import a dataset file");
        importButton.setOnAction(e -> vm.chooseFileToImport());
        subscriptions.bind(importButton.disableProperty(), Bindings.not(vm.hasProjectProperty()));
        var exportButton = new Button("Export…");
        exportButton.setId("export-button");
        exportButton.setAccessibleText("Export the selected dataset");
        exportButton.setOnAction(e -> openExport());
        subscriptions.bind(exportButton.disableProperty(), Bindings.not(vm.hasDatasetProperty()));
        var compareButton = new Button("Compare…");
        compareButton.setId("compare-button");
        compareButton.setAccessibleText("Add other datasets' answers to the same instructions as candidates");
        compareButton.setOnAction(e -> openCompare());
        subscriptions.bind(compareButton.disableProperty(), Bindings.not(vm.hasDatasetProperty()));
        var hint = new Label("or drop files here");
        hint.getStyleClass().add(SiftStyles.MUTED);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var message = new Label();
        message.setId("datasets-message");
        subscriptions.bind(message.textProperty(), vm.messageProperty());
        var bar = new HBox(10, importButton, hint, exportButton, compareButton, spacer, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(SiftStyles.TOOLBAR);
        return bar;
    }

    private SplitPane body() {
        var datasets = new DatasetListPane(vm);
        var table = new SamplesTablePane(vm.samples());
        var detail = new SampleDetailPane(vm.samples());
        var stats = new StatsPane(vm.stats());
        var duplicates = new DuplicatesPane(vm.duplicates(), vm.hasDatasetProperty());
        var seeds = new SeedsPane(vm.seeds());
        for (View child : List.of(datasets, table, detail, stats, duplicates, seeds)) {
            subscriptions.onDispose(child::dispose);
        }
        var center = new SplitPane(table.node(), detail.node());
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.62);
        var tabs = new TabPane(new Tab("Statistics", stats.node()), new Tab("Near duplicates", duplicates.node()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        var left = new SplitPane(datasets.node(), seeds.node());
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.6);
        var split = new SplitPane(left, center, tabs);
        split.setDividerPositions(0.22, 0.72);
        SplitPane.setResizableWithParent(left, false);
        return split;
    }

    private void bind() {
        subscriptions.listen(vm.pendingImportProperty(), (obs, old, options) -> showImportOptions(options));
        subscriptions.listen(vm.seeds().pendingImportProperty(), (obs, old, options) -> showSeedImport(options));
        EventHandler<DragEvent> over = this::dragOver;
        EventHandler<DragEvent> exited = e -> root.getStyleClass().remove(SiftStyles.DROP_TARGET);
        EventHandler<DragEvent> dropped = this::dropped;
        root.addEventHandler(DragEvent.DRAG_OVER, over);
        root.addEventHandler(DragEvent.DRAG_EXITED, exited);
        root.addEventHandler(DragEvent.DRAG_DROPPED, dropped);
        subscriptions.onDispose(() -> {
            root.removeEventHandler(DragEvent.DRAG_OVER, over);
            root.removeEventHandler(DragEvent.DRAG_EXITED, exited);
            root.removeEventHandler(DragEvent.DRAG_DROPPED, dropped);
            showImportOptions(null);
            showSeedImport(null);
        });
    }

    private void dragOver(DragEvent event) {
        if (event.getDragboard().hasFiles()) {
            event.acceptTransferModes(TransferMode.COPY);
            if (!root.getStyleClass().contains(SiftStyles.DROP_TARGET)) {
                root.getStyleClass().add(SiftStyles.DROP_TARGET);
            }
        }
        event.consume();
    }

    /** Offers the dropped files for import; package-private so tests can drop without a real drag. */
    void dropped(DragEvent event) {
        root.getStyleClass().remove(SiftStyles.DROP_TARGET);
        boolean hasFiles = event.getDragboard().hasFiles();
        if (hasFiles) {
            vm.dropFiles(event.getDragboard().getFiles().stream().map(File::toPath).toList());
        }
        event.setDropCompleted(hasFiles);
        event.consume();
    }

    private void showImportOptions(ImportOptionsViewModel options) {
        if (importOptions != null) {
            top.getChildren().remove(importOptions.node());
            importOptions.dispose();
            importOptions = null;
        }
        if (options != null) {
            importOptions = new ImportOptionsPane(options, vm::confirmImport, vm::cancelImport);
            top.getChildren().add(importOptions.node());
        }
    }

    private void showSeedImport(SeedImportViewModel options) {
        if (seedImport != null) {
            top.getChildren().remove(seedImport.node());
            seedImport.dispose();
            seedImport = null;
        }
        if (options != null) {
            seedImport = new SeedImportPane(options, vm.seeds());
            top.getChildren().add(seedImport.node());
        }
    }

    private void openExport() {
        vm.newExport().ifPresent(export -> new ExportDialog(root.getScene().getWindow(), export).showAndWait());
    }

    private void openCompare() {
        vm.newCompare().ifPresent(compare -> new CompareDialog(root.getScene().getWindow(), compare).showAndWait());
    }

    @Override
    public Node node() {
        return root;
    }
}
