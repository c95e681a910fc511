package dev.sift.ui.review;

import dev.sift.core.model.AgentPair;
import dev.sift.core.review.ReviewFilter;
import dev.sift.core.review.ScoreRange;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.ReviewRows;
import dev.sift.core.store.ReviewState;
import dev.sift.core.store.ScoreColumn;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.SubscribedView;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;

/**
 * The filter controls above the review table: full-text search, state, decided-by and origin choices, run id, a
 * min/max pair per score column, the disagreement and note toggles, Clear, and Copy filter (the filter in the
 * language of {@code sift decide --filter}). Every change rebuilds the view model's {@link ReviewFilter}.
 */
final class ReviewFilterBar extends SubscribedView {

    private static final String INVALID = "sift-field-invalid";

    private final ReviewViewModel vm;
    private final TextField search = new TextField();
    private final CheckComboBox<ReviewState> states = new CheckComboBox<>();
    private final CheckComboBox<ReviewRows.Maker> makers = new CheckComboBox<>();
    private final CheckComboBox<CandidateOrigin> origins = new CheckComboBox<>();
    private final CheckComboBox<AgentPair> pairs = new CheckComboBox<>();
    private final TextField run = new TextField();
    private final ToggleButton algorithmDisagrees = new ToggleButton("Algorithm ≠ curator");
    private final ToggleButton judgeDisagrees = new ToggleButton("Judge ≠ IFD");
    private final ToggleButton withNote = new ToggleButton("With note");
    private final FlowPane ranges = new FlowPane(12, 6);
    private final List<TextField[]> rangeFields = new ArrayList<>();
    private final Label copied = new Label();
    private final VBox root;

    ReviewFilterBar(ReviewViewModel vm) {
        this.vm = vm;
        search.setId("review-search");
        search.setPromptText("Search the text…");
        search.setAccessibleText("Search the samples' text");
        search.setPrefColumnCount(18);
        HBox.setHgrow(search, Priority.ALWAYS);
        choices(states, "review-states", "State", ReviewState.values());
        choices(makers, "review-makers", "By", ReviewRows.Maker.values());
        choices(origins, "review-origins", "Origin", CandidateOrigin.values());
        pairs.setId("review-pairs");
        pairs.setTitle("Agent pair");
        pairs.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(AgentPair pair) {
                return pair == null ? "" : pair.name();
            }

            @Override
            public AgentPair fromString(String string) {
                return null;
            }
        });
        pairs.getItems().setAll(vm.pairs());
        subscriptions.listen(vm.pairs(), (ListChangeListener<AgentPair>) change -> pairs.getItems().setAll(vm.pairs()));
        subscriptions.listen(pairs.getCheckModel().getCheckedItems(), (ListChangeListener<AgentPair>) change -> update());
        run.setId("review-run");
        run.setPromptText("run id");
        run.setPrefColumnCount(5);
        algorithmDisagrees.setId("review-disagree-algorithm");
        judgeDisagrees.setId("review-disagree-judge");
        withNote.setId("review-with-note");
        var clear = new Button("Clear");
        clear.setId("review-clear");
        clear.setOnAction(e -> clear());
        var copy = new Button("Copy filter");
        copy.setId("review-copy-filter");
        copy.setOnAction(e -> copy());
        copied.setId("review-filter-copied");
        copied.getStyleClass().add(SiftStyles.MUTED);
        var first = new HBox(8, search, states, makers, origins, pairs, run, clear, copy);
        first.setAlignment(Pos.CENTER_LEFT);
        ranges.setAlignment(Pos.CENTER_LEFT);
        var second = new HBox(12, algorithmDisagrees, judgeDisagrees, withNote, ranges);
        second.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(ranges, Priority.ALWAYS);
        copied.managedProperty().bind(copied.textProperty().isNotEmpty());
        copied.visibleProperty().bind(copied.managedProperty());
        root = new VBox(6, first, second, copied);
        root.getStyleClass().add(SiftStyles.TOOLBAR);

        search.setText(vm.searchTextProperty().get());
        subscriptions.bindBidirectional(search.textProperty(), vm.searchTextProperty());
        subscriptions.listen(run.textProperty(), (obs, old, now) -> update());
        for (ToggleButton t : List.of(algorithmDisagrees, judgeDisagrees, withNote)) {
            subscriptions.listen(t.selectedProperty(), (obs, old, now) -> update());
        }
        subscriptions.listen(vm.columns(), (ListChangeListener<ScoreColumn>) change -> rangeFields());
        rangeFields();
    }

    private <T extends Enum<T>> void choices(CheckComboBox<T> box, String id, String title, T[] values) {
        box.setId(id);
        box.setTitle(title);
        box.getItems().setAll(values);
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : value.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        });
        subscriptions.listen(box.getCheckModel().getCheckedItems(), (ListChangeListener<T>) change -> update());
    }

    private void rangeFields() {
        ranges.getChildren().clear();
        rangeFields.clear();
        for (ScoreColumn column : vm.columns()) {
            var min = rangeField("review-min-" + column.key(), "min");
            var max = rangeField("review-max-" + column.key(), "max");
            rangeFields.add(new TextField[] {min, max});
            var label = new Label(column.key());
            var group = new HBox(4, label, min, new Label("–"), max);
            group.setAlignment(Pos.CENTER_LEFT);
            group.setUserData(column.key());
            ranges.getChildren().add(group);
        }
        update();
    }

    private TextField rangeField(String id, String prompt) {
        var field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(4);
        field.textProperty().addListener((obs, old, now) -> update());
        return field;
    }

    /** Rebuilds the filter from the controls; a field that is not a number is marked and left out. */
    private void update() {
        List<ScoreRange> scoreRanges = new ArrayList<>();
        for (int i = 0; i < rangeFields.size() && i < vm.columns().size(); i++) {
            TextField[] f = rangeFields.get(i);
            double min = number(f[0], Double.NEGATIVE_INFINITY);
            double max = number(f[1], Double.POSITIVE_INFINITY);
            boolean bounded = !f[0].getText().isBlank() || !f[1].getText().isBlank();
            if (bounded && min <= max) { // false for NaN too
                scoreRanges.add(ScoreRange.between(vm.columns().get(i).key(), min, max));
            } else if (min > max) {
                f[1].getStyleClass().add(INVALID);
            }
        }
        double runId = number(run, 0);
        vm.filterProperty().set(ReviewFilter.all()
                .withRanges(scoreRanges)
                .withStates(set(states, ReviewState.class))
                .withMakers(set(makers, ReviewRows.Maker.class))
                .withOrigins(set(origins, CandidateOrigin.class))
                .withPairs(pairs.getCheckModel().getCheckedItems().stream().map(AgentPair::id)
                        .collect(java.util.stream.Collectors.toSet()))
                .withRun(runId >= 1 ? (long) runId : 0)
                .withDisagreements(algorithmDisagrees.isSelected(), judgeDisagrees.isSelected())
                .withNote(withNote.isSelected()));
        copied.setText("");
    }

    private static <T extends Enum<T>> Set<T> set(CheckComboBox<T> box, Class<T> type) {
        var out = EnumSet.noneOf(type);
        out.addAll(new HashSet<>(box.getCheckModel().getCheckedItems()));
        return out;
    }

    /** The field's number, {@code blank} when empty, NaN (and marked) when it is not a number. */
    private static double number(TextField field, double blank) {
        field.getStyleClass().removeAll(INVALID);
        String text = field.getText().strip();
        if (text.isEmpty()) {
            return blank;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            field.getStyleClass().add(INVALID);
            return Double.NaN;
        }
    }

    /** Empties every control: the whole dataset shows. */
    void clear() {
        search.clear();
        run.clear();
        for (CheckComboBox<?> box : List.of(states, makers, origins, pairs)) {
            box.getCheckModel().clearChecks();
        }
        List.of(algorithmDisagrees, judgeDisagrees, withNote).forEach(t -> t.setSelected(false));
        rangeFields.forEach(f -> {
            f[0].clear();
            f[1].clear();
        });
        update();
    }

    private void copy() {
        String expression = vm.filterExpression();
        var content = new ClipboardContent();
        content.putString(expression);
        Clipboard.getSystemClipboard().setContent(content);
        copied.setText(expression.isEmpty() ? "Copied an empty filter (every sample)."
                : "Copied: " + expression);
    }

    TextField searchField() {
        return search;
    }

    @Override
    public Node node() {
        return root;
    }
}
