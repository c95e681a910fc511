package dev.sift.ui.runs;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A skill in the AgentInstruct form: whether the run uses it, and its mix weight as typed. */
public final class SkillChoice extends NamedChoice {

    private final StringProperty weight = new SimpleStringProperty("1");

    public SkillChoice(String name, String description) {
        super(name, description);
    }

    public StringProperty weightProperty() {
        return weight;
    }
}
