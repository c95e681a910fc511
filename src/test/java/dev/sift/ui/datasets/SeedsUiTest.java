package dev.sift.ui.datasets;

import static dev.sift.ui.testsupport.Waits.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import dev.sift.ui.testsupport.ScriptedDialogService;
import dev.sift.ui.testsupport.TestWorkbench;
import dev.sift.ui.testsupport.WorkbenchTest;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Datasets screen's "Seed documents" section: import a folder as a collection, then delete it. */
class SeedsUiTest extends WorkbenchTest {

    @TempDir
    Path dir;

    private final ScriptedDialogService dialogs = new ScriptedDialogService();

    @Start
    void start(Stage stage) throws Exception {
        Path project;
        try (ProjectStore store = SqliteProjectStore.create(dir.resolve("seeds.sift"))) {
            project = store.file();
        }
        opened = TestWorkbench.open(stage, dir, dialogs, project);
    }

    private void click(FxRobot robot, String query) {
        robot.clickOn(opened.find(robot, query).queryAs(Node.class));
    }

    private void replaceText(FxRobot robot, String query, String text) {
        TextField field = opened.find(robot, query).queryAs(TextField.class);
        robot.interact(field::clear);
        robot.clickOn(field).write(text);
    }

    @Test
    void importsAFolderOfSeedsWithChosenChunkingAndDeletesIt(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ListView<SeedCollectionRow> list = opened.find(robot, "#seed-list").queryAs(ListView.class);
        assertThat(list.getItems()).isEmpty();

        click(robot, "#import-seeds-button");
        assertThat(opened.find(robot, "#confirm-seed-import").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(opened.find(robot, "#seed-import-error").queryAs(Label.class).getText())
                .isEqualTo("Add seed files or folders.");
        dialogs.willChooseFolder(Path.of("datasets/seeds").toAbsolutePath());
        click(robot, "#add-seed-folder");
        replaceText(robot, "#seed-name", "samples");
        replaceText(robot, "#seed-chunk-tokens", "96");
        replaceText(robot, "#seed-overlap", "500");
        assertThat(opened.find(robot, "#confirm-seed-import").queryAs(Button.class).isDisabled()).isTrue();
        replaceText(robot, "#seed-overlap", "12");
        click(robot, "#confirm-seed-import");

        waitUntil(() -> list.getItems().size() == 1);
        SeedCollectionRow row = list.getItems().get(0);
        assertThat(row.name()).isEqualTo("samples");
        assertThat(row.documents()).isEqualTo(8);
        assertThat(opened.find(robot, "#confirm-seed-import").tryQuery()).as("the options close").isEmpty();
        assertThat(opened.find(robot, "#seeds-message").queryAs(Label.class).getText())
                .startsWith("Imported seeds samples: 8 documents");
        ProjectStore store = opened.workspace().store().orElseThrow();
        assertThat(store.seeds().findCollection("samples").orElseThrow().settingsJson()).contains("\"chunkTokens\":96");

        robot.clickOn(robot.from(list).lookup(".list-cell").queryAs(Node.class));
        dialogs.willAnswer(true);
        click(robot, "#delete-seeds-button");

        waitUntil(() -> list.getItems().isEmpty());
        assertThat(store.seeds().listCollections()).isEmpty();
        assertThat(dialogs.errors()).isEmpty();
    }
}
