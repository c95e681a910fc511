package dev.sift.ui.common;

import javafx.beans.property.StringProperty;
import javafx.scene.control.TextField;

/** Text fields bound both ways to a view model's text. */
public final class BoundFields {

    private BoundFields() {}

    /** A field {@code columns} wide showing and editing {@code property}, released with {@code subscriptions}. */
    public static TextField text(String id, String accessibleText, StringProperty property, int columns,
            Subscriptions subscriptions) {
        var field = new TextField();
        field.setId(id);
        field.setAccessibleText(accessibleText);
        field.setPrefColumnCount(columns);
        field.setText(property.get());
        subscriptions.bindBidirectional(field.textProperty(), property);
        return field;
    }
}
