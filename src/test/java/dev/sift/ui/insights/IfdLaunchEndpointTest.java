package dev.sift.ui.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.app.LlmAccess;
import dev.sift.core.config.Credentials;
import dev.sift.core.config.SecretResolver;
import dev.sift.core.llm.engine.EngineSettings;
import dev.sift.core.llm.testing.ScriptedOpenAiServer;
import dev.sift.core.llm.testing.VllmTokenServer;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.testsupport.ImmediateUiJobRunner;
import dev.sift.ui.testsupport.ScriptedDialogService;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** "Score IFD…" with the "endpoint + model" scorer, against a loopback server scripted as vLLM. */
@Timeout(60)
class IfdLaunchEndpointTest {

    private static final String[][] RECORDS = {
        {"the cat sat", "", "the cat sat on the mat ."},
        {"the dog ran", "over the hill", "the dog ran over the hill and sat ."},
        {"we see the moon", "", "we see the old moon every night ."},
        {"they like fish", "", ""},
    };

    @TempDir
    Path dir;

    private final WorkspaceState workspace = new WorkspaceState();
    private final ImmediateUiJobRunner jobs = new ImmediateUiJobRunner();
    private final ScriptedDialogService dialogs = new ScriptedDialogService();
    private ScriptedOpenAiServer server;
    private ProjectStore store;
    private InsightsViewModel insights;
    private IfdLaunchViewModel launch;

    @BeforeEach
    void open() throws Exception {
        server = ScriptedOpenAiServer.start();
        store = SqliteProjectStore.create(dir.resolve("p.sift"));
        store.datasets().importDataset(new NewDataset("tiny", "t.jsonl", DatasetFormat.ALPACA_JSONL), sink -> {
            for (int i = 0; i < RECORDS.length; i++) {
                sink.add(i, SampleContent.single(RECORDS[i][0], RECORDS[i][1], RECORDS[i][2]));
            }
        });
        store.endpoints().add(Endpoint.openAi("vllm", server.baseUrl(), ""));
        store.endpoints().add(new Endpoint(0, "in-process", EndpointKind.LOCAL, "", dir.toString(), "", 1,
                OptionalInt.empty(), OptionalInt.empty(), 0, 0, ""));
        workspace.open(store);
        insights = new InsightsViewModel(workspace, jobs);
        var llm = new LlmAccess(new SecretResolver(Map.of(), new Credentials(dir.resolve("credentials"))),
                EngineSettings.defaults());
        launch = new IfdLaunchViewModel(workspace, jobs, dialogs, insights, () -> llm);
    }

    @AfterEach
    void close() {
        launch.dispose();
        insights.dispose();
        workspace.close();
        server.close();
    }

    @Test
    void offersTheOpenAiEndpointsAndPicksTheOnlyOne() {
        assertThat(launch.scorerProperty().get()).isEqualTo(IfdLaunchScorer.MODEL_FOLDER);
        assertThat(launch.endpoints()).containsExactly("vllm");
        assertThat(launch.endpointProperty().get()).isEqualTo("vllm");
    }

    @Test
    void needsAModelIdBeforeScoringOnAnEndpoint() {
        assertThat(launch.canScoreProperty().get()).as("a folder is asked for on launch").isTrue();
        launch.scorerProperty().set(IfdLaunchScorer.ENDPOINT);
        assertThat(launch.canScoreProperty().get()).isFalse();
        launch.remoteModelProperty().set("  ");
        assertThat(launch.canScoreProperty().get()).isFalse();
        launch.remoteModelProperty().set("llama-7b");
        assertThat(launch.canScoreProperty().get()).isTrue();
        launch.endpointProperty().set(null);
        assertThat(launch.canScoreProperty().get()).isFalse();
    }

    @Test
    void scoresOnTheEndpointWithoutAskingForAFolderAndGroupsByTheRemoteScorer() {
        VllmTokenServer vllm = VllmTokenServer.install(server, 2049);
        launch.scorerProperty().set(IfdLaunchScorer.ENDPOINT);
        launch.remoteModelProperty().set("llama-7b");
        launch.modeProperty().set(IfdMode.SUPERFILTERING);

        launch.scoreIfd();

        assertThat(dialogs.errors()).isEmpty();
        assertThat(jobs.visibleJobs()).containsExactly("Score IFD with endpoint vllm/llama-7b");
        assertThat(launch.statusProperty().get()).startsWith("Run ").contains("3 scored, 1 not scorable");
        assertThat(insights.groups()).singleElement().satisfies(group -> {
            assertThat(group.scorer()).isEqualTo("endpoint vllm/llama-7b");
            assertThat(group.template()).isEqualTo("none/response_only/concatenate/1024");
        });
        assertThat(vllm.completionBodies()).isNotEmpty();
        assertThat(launch.runningProperty().get()).isFalse();
    }

    @Test
    void anEndpointThatCannotScoreTokensIsReportedAndNothingIsSaved() {
        VllmTokenServer.installWithoutTokenize(server);
        launch.scorerProperty().set(IfdLaunchScorer.ENDPOINT);
        launch.remoteModelProperty().set("m");

        launch.scoreIfd();

        assertThat(dialogs.errors()).singleElement().asString().startsWith("Scoring IFD failed: ")
                .contains("cannot score token ids (it has no /tokenize endpoint)").contains("vLLM");
        assertThat(launch.canScoreProperty().get()).isTrue();
        assertThat(insights.groups()).isEmpty();
    }

    @Test
    void anEndpointRemovedMeanwhileIsReported() throws Exception {
        launch.scorerProperty().set(IfdLaunchScorer.ENDPOINT);
        launch.remoteModelProperty().set("m");
        launch.endpointProperty().set("gone");

        launch.scoreIfd();

        assertThat(dialogs.errors()).containsExactly(
                "Score IFD: There is no OpenAI-compatible endpoint named 'gone' in this project.");
        assertThat(jobs.visibleJobs()).isEmpty();
    }
}
