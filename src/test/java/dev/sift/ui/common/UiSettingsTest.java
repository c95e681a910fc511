package dev.sift.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UiSettingsTest {

    @TempDir
    Path dir;

    @Test
    void savesAndLoadsEverySetting() {
        var settings = UiSettings.load(dir);
        settings.addRecentProject(dir.resolve("a.sift"));
        settings.addRecentProject(dir.resolve("b.sift"));
        settings.setTheme(UiSettings.Theme.DARK);
        settings.setWindow(new WindowBounds(10, 20, 1000, 700, false));
        settings.setLastFolder(dir);
        settings.save();

        var loaded = UiSettings.load(dir);

        assertThat(loaded.recentProjects()).containsExactly(dir.resolve("b.sift"), dir.resolve("a.sift"));
        assertThat(loaded.theme()).isEqualTo(UiSettings.Theme.DARK);
        assertThat(loaded.window()).isEqualTo(new WindowBounds(10, 20, 1000, 700, false));
        assertThat(loaded.lastFolder()).contains(dir);
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void keepsTenRecentProjectsWithoutRepeats() {
        var settings = UiSettings.load(dir);
        for (int i = 0; i < 15; i++) {
            settings.addRecentProject(dir.resolve("p" + i + ".sift"));
        }
        settings.addRecentProject(dir.resolve("p10.sift"));

        assertThat(settings.recentProjects()).hasSize(UiSettings.MAX_RECENT).startsWith(dir.resolve("p10.sift"))
                .doesNotHaveDuplicates();
    }

    @Test
    void anUnreadableFileGivesTheDefaults() throws Exception {
        Files.writeString(dir.resolve(UiSettings.FILE_NAME), "{ not json");

        var settings = UiSettings.load(dir);

        assertThat(settings.recentProjects()).isEmpty();
        assertThat(settings.theme()).isEqualTo(UiSettings.Theme.LIGHT);
        assertThat(settings.window()).isEqualTo(WindowBounds.DEFAULT);
    }
}
