package dev.sift.ui.runs;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** Something a launch form lists by name with a description, which the run uses while it is selected. */
public abstract class NamedChoice {

    private final String name;
    private final String description;
    private final BooleanProperty selected = new SimpleBooleanProperty(false);

    NamedChoice(String name, String description) {
        this.name = name;
        this.description = description;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }
}
