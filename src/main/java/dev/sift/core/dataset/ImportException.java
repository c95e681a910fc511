package dev.sift.core.dataset;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A source file could not be imported. The message names the file, where in it (line or record),
 * the field when one is at fault, and what was expected, e.g.
 * {@code "alpaca.json, record 12 (line 40): field 'instruction' must be a string, found a number"}.
 */
public final class ImportException extends Exception {

    private final Path file;
    private final String location;
    private final String field;

    /**
     * @param location e.g. "line 40" or "record 12 (line 40)"; empty when the whole file is at fault
     * @param field the field at fault, or empty
     * @param problem what is wrong and what was expected
     */
    public ImportException(Path file, String location, String field, String problem) {
        super(format(file, location, field, problem));
        this.file = file;
        this.location = location;
        this.field = field;
    }

    public ImportException(Path file, String location, String field, String problem, Throwable cause) {
        this(file, location, field, problem);
        initCause(cause);
    }

    private static String format(Path file, String location, String field, String problem) {
        var text = new StringBuilder(String.valueOf(file.getFileName()));
        if (!location.isEmpty()) {
            text.append(", ").append(location);
        }
        text.append(": ");
        if (!field.isEmpty()) {
            text.append("field '").append(field).append("' ");
        }
        return text.append(problem).toString();
    }

    public Path file() {
        return file;
    }

    public String location() {
        return location;
    }

    public Optional<String> field() {
        return field.isEmpty() ? Optional.empty() : Optional.of(field);
    }
}
