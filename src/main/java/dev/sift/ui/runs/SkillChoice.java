package dev.sift.ui.runs;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A skill in the AgentInstruct form: whether the run uses it, and its mix weight as typed. */
public final class SkillChoice {

    private final String name;
    private final String description;
    private final BooleanProperty selected = new SimpleBooleanProperty(false);
    private final StringProperty weight = new SimpleStringProperty("1");

    public SkillChoice(String name, String description) {
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

    public StringProperty weightProperty() {
        return weight;
    }
}
