package dev.sift.ui.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A scorer in the launch form: a local model folder, or an OpenAI-compatible endpoint (by name) and a model id on it.
 * An endpoint, when chosen, wins over the folder.
 */
public final class ScorerChoice {

    private final StringProperty folder = new SimpleStringProperty("");
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final StringProperty model = new SimpleStringProperty("");

    public StringProperty folderProperty() {
        return folder;
    }

    /** The endpoint's name, or empty for the model folder. */
    public StringProperty endpointProperty() {
        return endpoint;
    }

    public StringProperty modelProperty() {
        return model;
    }

    /** Writes the configuration's scorer object: {@code {"model": FOLDER}} or {@code {"endpoint", "model"}}. */
    void writeTo(ObjectNode node) {
        String e = text(endpoint.get());
        if (e.isEmpty()) {
            node.put("model", text(folder.get()));
        } else {
            node.put("endpoint", e).put("model", text(model.get()));
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }
}
