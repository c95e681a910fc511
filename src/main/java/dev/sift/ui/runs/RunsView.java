package dev.sift.ui.runs;

import dev.sift.core.pipeline.StarAgentsSpec;
import dev.sift.core.store.RunEvent;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.FxRepeater;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.Subscriptions;
import dev.sift.ui.common.UiServices;
import dev.sift.ui.common.View;
import dev.sift.ui.common.weights.WeightsChartPane;
import dev.sift.ui.common.weights.WeightsModel;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The Runs screen: every run of the project with its status, progress, tokens and cost, and the selected run's log,
 * refreshed every two seconds while the screen is shown. The "New run" menu opens a recipe's launch form (see
 * {@link LaunchForms}) above the table; launched and resumed runs wait in the screen's queue while another of them
 * runs. One-shot recipes (scoring, selection, comparison) are launched from the screens and commands that own them.
 */
public final class RunsView implements View {

    static final Duration REFRESH = Duration.seconds(2);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final RunsViewModel vm;
    private final Subscriptions subscriptions = new Subscriptions();
    private final FxRepeater repeater;
    private final VBox root;

    private final List<LaunchForm> forms = new ArrayList<>();
    private final VBox formSlot = new VBox();
    private final HBox logAndWeights;
    private final VBox weightsSlot = new VBox();
    private final WorkspaceState workspace;
    private final WeightsModel weights;
    private WeightsChartPane weightsPane;
    private long weightsRunId;

    public RunsView(WorkspaceState workspace, UiServices services) {
        this.workspace = workspace;
        this.weights = new WeightsModel(services.jobs());
        this.vm = new RunsViewModel(workspace, services.jobs(), services.llm());
        var title = new Label("Runs");
        title.getStyleClass().add(SiftStyles.SECTION_TITLE);
        var refresh = new Button("Refresh");
        refresh.setId("runs-refresh");
        refresh.setOnAction(e -> vm.refresh());
        var message = new Label();
        message.setId("runs-message");
        message.getStyleClass().add(SiftStyles.MUTED);
        var newRun = new MenuButton("New run");
        newRun.setId("runs-new");
        var resume = new Button("Resume");
        resume.setId("runs-resume");
        resume.setDisable(true);
        resume.setOnAction(e -> vm.resumeSelected());
        var queued = new Label();
        queued.setId("runs-queue");
        queued.getStyleClass().add(SiftStyles.MUTED);
        var launched = new Label();
        launched.setId("runs-launch-status");
        launched.getStyleClass().add(SiftStyles.MUTED);
        var toolbar = new HBox(12, title, refresh, newRun, resume, message, launched, queued);
        // the buttons keep their words; a long message gives way (it ends in an ellipsis) instead
        for (var control : List.<Region>of(title, refresh, newRun, resume)) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
        message.setMinWidth(0);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add(SiftStyles.TOOLBAR);

        var table = new TableView<>(vm.runs());
        table.setId("runs-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("#", r -> Long.toString(r.id()), 50));
        table.getColumns().add(column("Recipe", RunRow::recipe, 140));
        table.getColumns().add(column("Dataset", RunRow::dataset, 160));
        table.getColumns().add(column("Status", RunRow::status, 90));
        table.getColumns().add(column("Progress", RunRow::progress, 110));
        table.getColumns().add(column("Tokens", RunRow::tokens, 90));
        table.getColumns().add(column("Cost", RunRow::cost, 110));
        table.getColumns().add(column("Started", RunRow::started, 150));
        table.getColumns().add(column("Finished", RunRow::finished, 150));

        var log = new ListView<>(vm.events());
        log.setId("runs-log");
        log.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(RunEvent event, boolean empty) {
                super.updateItem(event, empty);
                setText(empty || event == null ? null
                        : TIME.format(event.at()) + "  " + event.kind() + "  " + event.message());
            }
        });
        log.setPlaceholder(new Label("Select a run to see its log."));
        // a selected star-agents run shows its weights chart beside the log (see showWeights)
        weightsSlot.setId("runs-weights");
        logAndWeights = new HBox(8, log);
        HBox.setHgrow(log, Priority.ALWAYS);
        HBox.setHgrow(weightsSlot, Priority.ALWAYS);
        var split = new SplitPane(table, logAndWeights);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        var host = new LaunchForm.Host() {
            @Override
            public void launch(LaunchForm form) {
                if (vm.launch(form)) {
                    showForm(null);
                }
            }

            @Override
            public void close() {
                showForm(null);
            }
        };
        for (LaunchForm.Factory factory : LaunchForms.all()) {
            LaunchForm form = factory.create(workspace, services, host);
            forms.add(form);
            var item = new MenuItem(form.title());
            item.setId("runs-new-" + form.recipe());
            item.setOnAction(e -> {
                workspace.store().ifPresent(form::load);
                showForm(form);
            });
            newRun.getItems().add(item);
        }
        showForm(null);
        root = new VBox(10, toolbar, formSlot, split);
        Runnable updateResume = () -> resume.setDisable(!vm.canResume(vm.selectedProperty().get()));
        subscriptions.listen(vm.selectedProperty(), (obs, old, row) -> {
            updateResume.run();
            showWeights(row);
        });
        subscriptions.listen(vm.runs(), change -> updateResume.run());
        subscriptions.listen(vm.queue().queued(), change -> {
            queued.setText(vm.queue().queued().isEmpty() ? "" : "Queued: " + vm.queue().queued().stream()
                    .map(id -> "run " + id).collect(Collectors.joining(", ")));
            updateResume.run();
        });
        subscriptions.bind(launched.textProperty(), vm.launchStatusProperty());

        subscriptions.listen(table.getSelectionModel().selectedItemProperty(),
                (obs, old, row) -> vm.selectedProperty().set(row));
        subscriptions.listen(vm.selectedProperty(), (obs, old, row) -> {
            if (table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
            }
        });
        subscriptions.listen(vm.events(), change -> {
            if (!vm.events().isEmpty()) {
                log.scrollTo(vm.events().size() - 1);
            }
        });
        subscriptions.bind(message.textProperty(), vm.messageProperty());
        repeater = new FxRepeater(REFRESH, vm::refresh);
        repeater.start();
    }

    /** Shows one recipe's form above the table, or none. */
    private void showForm(LaunchForm form) {
        formSlot.getChildren().setAll(form == null ? List.of() : List.of(form.node()));
        formSlot.setVisible(form != null);
        formSlot.setManaged(form != null);
    }

    /**
     * Beside the log of a selected star-agents run: its pair weights per round, the entropy, wins and draws, following
     * the run while it runs. Re-selecting the same run (the table refreshes every two seconds) keeps the chart.
     */
    private void showWeights(RunRow row) {
        if (row == null) {
            return; // the table drops its selection for a moment each time the runs are re-read: keep the chart
        }
        long runId = StarAgentsSpec.RECIPE.equals(row.recipe()) ? row.id() : 0;
        if (runId == weightsRunId) {
            return;
        }
        weightsRunId = runId;
        if (weightsPane != null) {
            weightsPane.dispose();
            weightsPane = null;
        }
        logAndWeights.getChildren().remove(weightsSlot);
        weightsSlot.getChildren().clear();
        weights.clear();
        if (runId != 0 && workspace.store().isPresent()) {
            weights.load(workspace.store().get(), runId);
            weightsPane = new WeightsChartPane(weights);
            weightsSlot.getChildren().add(weightsPane.node());
            logAndWeights.getChildren().add(weightsSlot);
        }
    }

    private static TableColumn<RunRow, String> column(String name, Function<RunRow, String> value, double width) {
        var column = new TableColumn<RunRow, String>(name);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        repeater.stop();
        if (weightsPane != null) {
            weightsPane.dispose();
        }
        forms.forEach(LaunchForm::dispose);
        subscriptions.dispose();
        vm.dispose();
    }
}
