package dev.sift.ui.datasets;

import dev.sift.core.model.Dataset;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** One line of the dataset list. */
public record DatasetRow(long id, String name, String format, int samples, int duplicatesSkipped, String importedAt) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public static DatasetRow of(Dataset dataset, ZoneId zone) {
        return new DatasetRow(dataset.id(), dataset.name(), dataset.format().label(), dataset.samples(),
                dataset.duplicates(), WHEN.format(dataset.importedAt().atZone(zone)));
    }
}
