package dev.sift.ui.agents;

import dev.sift.core.llm.local.ChatTemplate;
import dev.sift.core.llm.local.ChatTemplates;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The chat template choice of a LOCAL endpoint: "Detect", which says what the model folder's files name
 * ("Detect (found: chatml)" or "Detect (none found — choose one)"), or one template by name. Detection is
 * read again whenever the model folder changes (two small JSON files). UI thread only.
 */
public final class EndpointTemplateViewModel {

    /** One entry of the choice box; {@code id} is empty for "detect". */
    public record Option(String id, String label) {
        boolean detects() {
            return id.isEmpty();
        }
    }

    private final StringProperty modelDir;
    private final ObservableList<Option> options = FXCollections.observableArrayList();
    private final ObjectProperty<Option> selected = new SimpleObjectProperty<>();
    private final ChangeListener<String> folderListener = (obs, old, folder) -> detect();
    private Optional<ChatTemplate> detected = Optional.empty();

    /** @param initial the stored template name, empty for detect */
    EndpointTemplateViewModel(StringProperty modelDir, String initial) {
        this.modelDir = modelDir;
        options.add(detectOption());
        for (ChatTemplate template : ChatTemplate.values()) {
            options.add(new Option(template.id(), template.id()));
        }
        detect();
        selected.set(options.stream().filter(o -> o.id().equalsIgnoreCase(initial.strip())).findFirst()
                .orElse(options.get(0)));
        modelDir.addListener(folderListener);
    }

    /** "Detect (…)" first, then every template name. */
    public ObservableList<Option> options() {
        return options;
    }

    public ObjectProperty<Option> selectedProperty() {
        return selected;
    }

    /** Chooses a template by name, or "detect" for an empty name. */
    public void choose(String id) {
        options.stream().filter(o -> o.id().equalsIgnoreCase(id.strip())).findFirst().ifPresent(selected::set);
    }

    /** What the model folder's files name, if anything. */
    public Optional<ChatTemplate> detected() {
        return detected;
    }

    /** The name to store: empty for "detect". */
    public String chosenId() {
        Option option = selected.get();
        return option == null ? "" : option.id();
    }

    /** Why the choice cannot be saved: "detect" with a folder whose files name no template. */
    public Optional<String> problem() {
        if (chosenId().isEmpty() && detected.isEmpty() && !modelDir.get().isBlank()) {
            return Optional.of("The model folder's tokenizer_config.json and config.json name no chat template"
                    + " Sift knows; choose one (" + ChatTemplate.names() + ")");
        }
        return Optional.empty();
    }

    /** Reads the folder again and relabels "Detect", keeping the choice. */
    void detect() {
        detected = detectIn(modelDir.get());
        boolean detecting = selected.get() == null || selected.get().detects();
        options.set(0, detectOption());
        if (detecting) {
            selected.set(options.get(0));
        }
    }

    private Option detectOption() {
        return new Option("", detected.map(t -> "Detect (found: " + t.id() + ")")
                .orElse("Detect (none found — choose one)"));
    }

    private static Optional<ChatTemplate> detectIn(String folder) {
        if (folder == null || folder.isBlank()) {
            return Optional.empty();
        }
        try {
            return ChatTemplates.detect(Path.of(folder.strip()));
        } catch (IOException | InvalidPathException e) {
            return Optional.empty(); // a folder being typed, or a broken config: the user chooses by name
        }
    }

    void dispose() {
        modelDir.removeListener(folderListener);
    }
}
