package dev.sift.ui.datasets;

import dev.sift.core.store.SeedCollection;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** One line of the seed collection list. */
public record SeedCollectionRow(long id, String name, int documents, int chunks, int duplicates, String createdAt) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public static SeedCollectionRow of(SeedCollection collection, ZoneId zone) {
        return new SeedCollectionRow(collection.id(), collection.name(), collection.documents(), collection.chunks(),
                collection.duplicates(), WHEN.format(collection.createdAt().atZone(zone)));
    }
}
