package dev.sift.ui.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.model.EndpointKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Agents screen, headless: a local endpoint's chat template set through the endpoint dialog, and a
 * model downloaded from a loopback Hub with one file unticked, then deleted.
 */
@ExtendWith(ApplicationExtension.class)
class ModelsAndTemplateUiTest {

    private static final String REPO = "acme/any-lm";

    @TempDir
    Path dir;

    private AgentsFixture fx;
    private LoopbackHub hub;
    private AgentsView view;

    @Start
    void start(Stage stage) throws Exception {
        fx = new AgentsFixture(dir);
        hub = new LoopbackHub(REPO)
                .file("README.md", "# any")
                .file("config.json", "{}")
                .file("tokenizer.json", "{\"model\":{}}")
                .file("tokenizer_config.json", "{\"chat_template\":\"<|im_start|>\"}")
                .file("onnx/model.onnx", "fake onnx graph bytes")
                .file("onnx/model_q4.onnx", "fake q4 bytes");
        fx.hubUrl = hub.baseUrl();
        view = new AgentsView(fx.viewModel());
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1200, 780));
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        robot.interact(view::dispose);
        hub.close();
        fx.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void choose(FxRobot robot, String comboBox, String text) {
        robot.clickOn(comboBox + " .arrow-button");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText(text))
                .queryAs(ListCell.class));
    }

    @Test
    void aLocalEndpointGetsItsChatTemplateFromTheDialog(FxRobot robot) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("bare-model"));
        robot.clickOn("#add-endpoint");
        robot.clickOn("#endpoint-name").write("offline");
        choose(robot, "#endpoint-kind", "In-process ONNX model");
        robot.clickOn("#endpoint-model-dir").write(folder.toString());
        ComboBox<?> template = robot.lookup("#endpoint-template").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(template.isDisabled()).isFalse();
        assertThat(((EndpointTemplateViewModel.Option) template.getValue()).label())
                .isEqualTo("Detect (none found — choose one)");

        robot.clickOn("#save-endpoint");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#endpoint-error").queryAs(Label.class).getText()).contains("name no chat template");
        assertThat(fx.store.endpoints().list()).isEmpty();

        choose(robot, "#endpoint-template", "llama3");
        robot.clickOn("#save-endpoint");
        waitUntil(() -> robot.lookup("#endpoint-dialog").tryQuery().isEmpty());
        var saved = fx.store.endpoints().findByName("offline").orElseThrow();
        assertThat(saved.kind()).isEqualTo(EndpointKind.LOCAL);
        assertThat(saved.chatTemplate()).isEqualTo("llama3");
    }

    @Test
    void downloadsATypedRepositoryWithoutAnUntickedFileThenDeletesIt(FxRobot robot) throws Exception {
        robot.clickOn("Local models");
        robot.clickOn("#hub-repo").write(REPO);
        robot.clickOn("#list-repo-files");
        waitUntil(() -> robot.lookup("#repo-files").queryListView().getItems().size() == 6);
        assertThat(robot.lookup("#repo-files-total").queryAs(Label.class).getText())
                .isEqualTo("4 of 6 files ticked · 67 B");

        ListCell<?> config = robot.lookup("#repo-files .list-cell").match(LabeledMatchers.hasText("config.json · 2 B"))
                .queryAs(ListCell.class);
        assertThat(((CheckBox) config.getGraphic()).isSelected()).isTrue();
        robot.clickOn(config.getGraphic());
        assertThat(robot.lookup("#repo-files-total").queryAs(Label.class).getText())
                .isEqualTo("3 of 6 files ticked · 65 B");

        robot.clickOn("#download-repo-files");
        TableView<?> installed = robot.lookup("#installed-models-table").queryAs(TableView.class);
        waitUntil(() -> installed.getItems().size() == 1);
        Path folder = fx.models.folderFor(REPO);
        assertThat(folder.resolve("tokenizer_config.json")).exists();
        assertThat(folder.resolve("config.json")).doesNotExist();
        assertThat(folder.resolve("onnx/model_q4.onnx")).doesNotExist();
        assertThat(hub.requests).noneMatch(r -> r.getUrl().encodedPath().endsWith("/config.json"));

        robot.clickOn(robot.lookup("#installed-models-table .table-row-cell")
                .match(n -> ((javafx.scene.control.TableRow<?>) n).getItem() != null).queryAs(Node.class));
        fx.dialogs.willAnswer(true);
        robot.clickOn("#delete-model");
        waitUntil(installed.getItems()::isEmpty);
        assertThat(fx.dialogs.questions()).singleElement().asString().contains(folder.toString());
        assertThat(folder).doesNotExist();
        assertThat(robot.lookup("#models-status").queryAs(Label.class).getText()).startsWith("Deleted ");
        assertThat(fx.dialogs.errors()).isEmpty();
    }
}
