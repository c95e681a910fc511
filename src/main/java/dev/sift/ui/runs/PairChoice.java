package dev.sift.ui.runs;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** One agent pair in the launch form: whether the run may draw it, and whether its rewriter is skipped. */
public final class PairChoice extends NamedChoice {

    private final BooleanProperty responseOnly = new SimpleBooleanProperty();

    /** @param description the pair's agents, e.g. "rewriter → good" */
    public PairChoice(String name, String description) {
        super(name, description);
    }

    /** The seed instruction is kept and only the pair's response agent is asked. */
    public BooleanProperty responseOnlyProperty() {
        return responseOnly;
    }
}
