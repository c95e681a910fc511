package dev.sift.ui.datasets;

import dev.sift.core.seeds.ChunkSettings;
import dev.sift.core.seeds.SeedImportRequest;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Options of a pending seed import: the files and folders to read, the collection's name and how to cut the documents
 * (chunk tokens, overlap, the JSONL text field). {@link #errorProperty()} says what is missing or wrong, empty when the
 * import can start.
 */
public final class SeedImportViewModel {

    private final ObservableList<Path> paths = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty chunkTokens = new SimpleStringProperty("" + ChunkSettings.DEFAULT_CHUNK_TOKENS);
    private final StringProperty overlap = new SimpleStringProperty("" + ChunkSettings.DEFAULT_OVERLAP);
    private final StringProperty field = new SimpleStringProperty(ChunkSettings.DEFAULT_FIELD);
    private final StringBinding error;

    public SeedImportViewModel() {
        error = Bindings.createStringBinding(this::problem, paths, name, chunkTokens, overlap, field);
    }

    /** Files and folders to read, in order; adding one already there does nothing. */
    public ObservableList<Path> paths() {
        return paths;
    }

    public void add(Path path) {
        if (!paths.contains(path)) {
            paths.add(path);
            if (name.get().isBlank()) {
                name.set(String.valueOf(path.getFileName()).replaceFirst("\\.[^.]*$", ""));
            }
        }
    }

    public void remove(Path path) {
        paths.remove(path);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty chunkTokensProperty() {
        return chunkTokens;
    }

    public StringProperty overlapProperty() {
        return overlap;
    }

    public StringProperty fieldProperty() {
        return field;
    }

    /** What stops the import, or empty text when it can start. */
    public StringBinding errorProperty() {
        return error;
    }

    /** The request, or empty while the options are incomplete or out of range. */
    public Optional<SeedImportRequest> request() {
        if (!problem().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SeedImportRequest(name.get(), paths, settings().orElseThrow()));
    }

    private String problem() {
        if (paths.isEmpty()) {
            return "Add seed files or folders.";
        }
        if (name.get().isBlank()) {
            return "Name the collection.";
        }
        try {
            settings();
            return "";
        } catch (NumberFormatException e) {
            return "Chunk tokens and overlap must be whole numbers.";
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            return Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
        }
    }

    private Optional<ChunkSettings> settings() {
        return Optional.of(new ChunkSettings(Integer.parseInt(chunkTokens.get().strip()),
                Integer.parseInt(overlap.get().strip()), field.get().strip()));
    }

    public void dispose() {
        error.dispose();
    }
}
