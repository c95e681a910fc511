package dev.sift.ui.runs;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** One agent pair in the launch form: whether the run may draw it, and whether its rewriter is skipped. */
public final class PairChoice {

    private final String name;
    private final String description;
    private final BooleanProperty selected = new SimpleBooleanProperty();
    private final BooleanProperty responseOnly = new SimpleBooleanProperty();

    /** @param description the pair's agents, e.g. "rewriter → good" */
    public PairChoice(String name, String description) {
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

    /** The seed instruction is kept and only the pair's response agent is asked. */
    public BooleanProperty responseOnlyProperty() {
        return responseOnly;
    }
}
