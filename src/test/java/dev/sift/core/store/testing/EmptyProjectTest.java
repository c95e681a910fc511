package dev.sift.core.store.testing;

import dev.sift.core.store.StoreException;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test over a new, empty project in a temporary folder, created before each test and closed after it. */
public abstract class EmptyProjectTest {

    @TempDir
    protected Path dir;

    protected SqliteProjectStore store;

    @BeforeEach
    void createProject() throws StoreException {
        store = SqliteProjectStore.create(dir.resolve("p.sift"));
    }

    @AfterEach
    void closeProject() {
        store.close();
    }
}
