package dev.sift.ui.common;

import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

/**
 * A list cell of three lines: the item's name, then two muted lines of facts about it (e.g. its size, then where it
 * came from); its accessible text reads the three. The cell fits the list's width, long lines are ellipsized.
 *
 * @param <T> the listed item
 */
public final class FactsCell<T> extends ListCell<T> {

    private final Function<T, String> nameOf;
    private final Function<T, String> factsOf;
    private final Function<T, String> provenanceOf;
    private final Label name = new Label();
    private final Label facts = new Label();
    private final Label provenance = new Label();
    private final VBox box = new VBox(2, name, facts, provenance);

    public FactsCell(Function<T, String> name, Function<T, String> facts, Function<T, String> provenance) {
        this.nameOf = name;
        this.factsOf = facts;
        this.provenanceOf = provenance;
        this.name.getStyleClass().add(SiftStyles.STAT_VALUE);
        this.facts.getStyleClass().add(SiftStyles.MUTED);
        this.provenance.getStyleClass().add(SiftStyles.MUTED);
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        name.setText(nameOf.apply(item));
        facts.setText(factsOf.apply(item));
        provenance.setText(provenanceOf.apply(item));
        setAccessibleText(name.getText() + ", " + facts.getText() + ", " + provenance.getText());
        setGraphic(box);
    }
}
