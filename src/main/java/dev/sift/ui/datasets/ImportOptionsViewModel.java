package dev.sift.ui.datasets;

import dev.sift.core.dataset.CsvMapping;
import dev.sift.core.dataset.ImportRequest;
import dev.sift.core.model.DatasetFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Options for importing one or more files: format (detected or chosen), dataset name (one file
 * only) and, for CSV, which columns hold which fields.
 */
public final class ImportOptionsViewModel {

    private final List<Path> files;
    private final ObjectProperty<FormatChoice> format = new SimpleObjectProperty<>(FormatChoice.AUTO);
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty instructionColumn = new SimpleStringProperty();
    private final StringProperty inputColumn = new SimpleStringProperty();
    private final StringProperty outputColumn = new SimpleStringProperty();
    private final StringProperty systemColumn = new SimpleStringProperty();
    private final StringProperty categoryColumn = new SimpleStringProperty();
    private final BooleanBinding csv;
    private final BooleanBinding valid;

    public ImportOptionsViewModel(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("nothing to import");
        }
        this.files = List.copyOf(files);
        if (files.size() == 1) {
            name.set(baseName(files.get(0)));
        }
        CsvMapping defaults = CsvMapping.defaults();
        instructionColumn.set(defaults.instruction());
        inputColumn.set(defaults.input());
        outputColumn.set(defaults.output());
        systemColumn.set(defaults.system());
        categoryColumn.set(defaults.category());
        boolean csvFiles = this.files.stream().allMatch(f -> f.toString().toLowerCase(Locale.ROOT).endsWith(".csv"));
        csv = Bindings.createBooleanBinding(() -> format.get().format().map(DatasetFormat.CSV::equals).orElse(csvFiles),
                format);
        valid = Bindings.createBooleanBinding(() -> (!isSingleFile() || !name.get().isBlank())
                        && (!csv.get() || !instructionColumn.get().isBlank()),
                name, csv, instructionColumn);
    }

    public List<Path> files() {
        return files;
    }

    /** The name field applies only when one file is imported; several files are named after themselves. */
    public boolean isSingleFile() {
        return files.size() == 1;
    }

    public String description() {
        return isSingleFile() ? files.get(0).getFileName().toString() : files.size() + " files";
    }

    public List<FormatChoice> formats() {
        return FormatChoice.all();
    }

    public ObjectProperty<FormatChoice> formatProperty() {
        return format;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty instructionColumnProperty() {
        return instructionColumn;
    }

    public StringProperty inputColumnProperty() {
        return inputColumn;
    }

    public StringProperty outputColumnProperty() {
        return outputColumn;
    }

    public StringProperty systemColumnProperty() {
        return systemColumn;
    }

    public StringProperty categoryColumnProperty() {
        return categoryColumn;
    }

    /** True when the CSV column mapping applies. */
    public BooleanBinding csvProperty() {
        return csv;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** One request per file. */
    public List<ImportRequest> requests() {
        var mapping = new CsvMapping(instructionColumn.get(), inputColumn.get(), outputColumn.get(), systemColumn.get(),
                categoryColumn.get());
        Optional<String> datasetName = isSingleFile() ? Optional.of(name.get().strip()) : Optional.empty();
        return files.stream().map(f -> new ImportRequest(f, format.get().format(), datasetName, mapping)).toList();
    }

    public void dispose() {
        csv.dispose();
        valid.dispose();
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
