package dev.sift.ui.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.app.SiftContext;
import dev.sift.core.llm.testing.ScriptedOpenAiServer;
import dev.sift.core.store.ProjectStore;
import dev.sift.ui.Workbench;
import dev.sift.ui.common.UiSettings;
import dev.sift.ui.testsupport.ScriptedDialogService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
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
import org.testfx.service.query.NodeQuery;
import org.testfx.util.WaitForAsyncUtils;

/** The Agents screen in the real workbench, headless, against a scripted model server on loopback. */
@ExtendWith(ApplicationExtension.class)
class AgentsUiTest {

    static final String KEY = "sk-ui-test-key-0123456789abcdefWXYZ";

    @TempDir
    Path dir;

    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private final ScriptedOpenAiServer server = ScriptedOpenAiServer.start();
    private SiftContext context;
    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Path config = dir.resolve("config");
        context = new SiftContext(config);
        workbench = Workbench.open(stage, context, UiSettings.load(config), owner -> dialogs,
                List.of(dir.resolve("agents.sift").toString()));
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(workbench::close);
        context.close();
        server.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** In the main window only. */
    private NodeQuery find(FxRobot robot, String query) {
        return robot.from(stage.getScene().getRoot()).lookup(query);
    }

    private int rows(FxRobot robot, String table) {
        return find(robot, table).queryAs(TableView.class).getItems().size();
    }

    private static void type(FxRobot robot, String field, String text) {
        robot.clickOn(field);
        robot.write(text);
    }

    /** Opens a combo box by its arrow (editable ones too) and clicks the item showing {@code text}. */
    private static void choose(FxRobot robot, String comboBox, String text) {
        robot.clickOn(comboBox + " .arrow-button");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText(text))
                .queryAs(ListCell.class));
    }

    /** The project database and its journal files. */
    private List<Path> projectFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("agents.sift")).toList();
        }
    }

    private ProjectStore store() {
        return workbench.workspace().store().orElseThrow();
    }

    @Test
    void addsAnEndpointTestsItAndDefinesAgentsAndAPair(FxRobot robot) throws Exception {
        server.models("vllm", "qwen2.5-7b", "smollm2", "llama-3.2-1b");
        robot.clickOn(find(robot, "#nav-agents").queryAs(Node.class));

        robot.clickOn(find(robot, "#add-endpoint").queryAs(Node.class));
        type(robot, "#endpoint-name", "local-vllm");
        type(robot, "#endpoint-url", server.baseUrl());
        choose(robot, "#endpoint-key-source", KeySource.CREDENTIALS.label());
        type(robot, "#endpoint-key", KEY);
        robot.clickOn("#save-endpoint");
        waitUntil(() -> rows(robot, "#endpoint-table") == 1);
        assertThat(store().endpoints().findByName("local-vllm").orElseThrow().keyRef()).isEqualTo("cred:local-vllm");

        robot.clickOn(find(robot, "#test-connection").queryAs(Node.class));
        Label status = find(robot, "#connection-status").queryAs(Label.class);
        waitUntil(() -> status.getText().startsWith("OK"));
        assertThat(status.getText()).matches("OK · \\d+ ms · 3 models");
        assertThat(find(robot, "#model-list").queryAs(ListView.class).getItems())
                .containsExactly("qwen2.5-7b", "smollm2", "llama-3.2-1b");
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);

        addAgent(robot, "responder", "smollm2", null);
        addAgent(robot, "rewriter", "qwen2.5-7b", "Instruction rewriter");
        TableView<?> agents = find(robot, "#agent-table").queryAs(TableView.class);
        assertThat(agents.getItems()).extracting(row -> ((AgentRow) row).name() + " " + ((AgentRow) row).model()
                + " " + ((AgentRow) row).role() + " " + ((AgentRow) row).target())
                .containsExactly("responder smollm2 Responder local-vllm",
                        "rewriter qwen2.5-7b Instruction rewriter local-vllm");

        choose(robot, "#pair-instruction", "rewriter");
        choose(robot, "#pair-response", "responder");
        type(robot, "#pair-name", "rewrite-then-answer");
        robot.clickOn(find(robot, "#add-pair").queryAs(Node.class));
        waitUntil(() -> rows(robot, "#pair-table") == 1);
        PairRow pair = (PairRow) find(robot, "#pair-table").queryAs(TableView.class).getItems().get(0);
        assertThat(pair.name() + ": " + pair.instructionAgent() + " → " + pair.responseAgent())
                .isEqualTo("rewrite-then-answer: rewriter → responder");
        assertThat(find(robot, "#weights-note").queryAs(Label.class).getText()).contains("Star-Agents");

        assertThat(Files.readString(context.configDir().resolve("credentials"))).contains(KEY);
        assertThat(projectFiles()).isNotEmpty().allSatisfy(file ->
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain(KEY));
        assertThat(dialogs.errors()).isEmpty();
    }

    private static void addAgent(FxRobot robot, String name, String model, String role) throws Exception {
        robot.clickOn("#add-agent");
        type(robot, "#agent-name", name);
        choose(robot, "#agent-model", model);
        if (role != null) {
            choose(robot, "#agent-role", role);
        }
        robot.clickOn("#save-agent");
        waitUntil(() -> robot.lookup("#agent-dialog").tryQuery().isEmpty());
    }

    @Test
    void anInvalidBaseUrlShowsTheMessageAndAddsNothing(FxRobot robot) throws Exception {
        robot.clickOn(find(robot, "#nav-agents").queryAs(Node.class));

        robot.clickOn(find(robot, "#add-endpoint").queryAs(Node.class));
        type(robot, "#endpoint-name", "broken");
        type(robot, "#endpoint-url", "localhost:8000/v1");
        robot.clickOn("#save-endpoint");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#endpoint-error").queryAs(Label.class).getText())
                .contains("The base URL must start with http:// or https://");
        assertThat(robot.lookup("#endpoint-dialog").tryQuery()).isPresent();
        robot.clickOn("#cancel-endpoint");
        waitUntil(() -> robot.lookup("#endpoint-dialog").tryQuery().isEmpty());
        assertThat(rows(robot, "#endpoint-table")).isZero();
        assertThat(store().endpoints().list()).isEmpty();
    }
}
