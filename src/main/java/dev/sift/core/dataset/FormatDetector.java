package dev.sift.core.dataset;

import dev.sift.core.model.DatasetFormat;
import java.nio.file.Path;

/** Guesses a file's record layout from its extension and its first record. */
public final class FormatDetector {

    private FormatDetector() {}

    /**
     * @throws ImportException when the file cannot be read or matches no known layout; the message
     *     says what was seen and suggests choosing a format
     */
    public static DatasetFormat detect(Path file) throws ImportException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
