package dev.sift.ui.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentRole;
import dev.sift.core.model.Endpoint;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairsViewModelTest {

    @TempDir
    Path dir;

    private AgentsFixture fx;
    private AgentsViewModel vm;
    private Agent rewriter;
    private Agent responder;

    @BeforeEach
    void open() throws Exception {
        fx = new AgentsFixture(dir);
        Endpoint e = fx.store.endpoints().add(Endpoint.openAi("vllm", "http://127.0.0.1:9/v1", ""));
        rewriter = fx.store.agents().add(new Agent(0, "rewriter", e.id(), "", "m", AgentRole.INSTRUCTION_REWRITER, "", "{}"));
        responder = fx.store.agents().add(new Agent(0, "responder", e.id(), "", "m", AgentRole.RESPONDER, "", "{}"));
        vm = fx.viewModel();
    }

    @AfterEach
    void close() {
        vm.dispose();
        fx.close();
    }

    private PairsViewModel pairs() {
        return vm.pairs();
    }

    private boolean add(Agent instruction, Agent response, String name) {
        pairs().instructionAgentProperty().set(instruction);
        pairs().responseAgentProperty().set(response);
        pairs().nameProperty().set(name);
        return pairs().add();
    }

    @Test
    void offersTheProjectsAgents() {
        assertThat(pairs().agents()).extracting(Agent::name).containsExactly("responder", "rewriter");
    }

    @Test
    void addsAPairAndListsItWithItsAgents() {
        assertThat(add(rewriter, responder, "rw+resp")).isTrue();

        assertThat(pairs().rows()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("rw+resp");
            assertThat(row.instructionAgent()).isEqualTo("rewriter");
            assertThat(row.responseAgent()).isEqualTo("responder");
        });
        assertThat(pairs().nameProperty().get()).isEmpty();
        assertThat(pairs().errorProperty().get()).isEmpty();
        assertThat(pairs().instructionAgentProperty().get()).isEqualTo(rewriter);
    }

    @Test
    void theStoresChecksAreShown() {
        assertThat(add(rewriter, rewriter, "same")).isFalse();
        assertThat(pairs().errorProperty().get()).startsWith("Pair 'same' needs two different agents");

        assertThat(add(rewriter, responder, " ")).isFalse();
        assertThat(pairs().errorProperty().get()).isEqualTo("An agent pair needs a name");

        assertThat(add(rewriter, responder, "first")).isTrue();
        assertThat(add(rewriter, responder, "second")).isFalse();
        assertThat(pairs().errorProperty().get()).isEqualTo("Pair 'first' already joins these two agents");
        assertThat(pairs().rows()).hasSize(1);
    }

    @Test
    void bothAgentsMustBeChosen() {
        assertThat(add(rewriter, null, "half")).isFalse();

        assertThat(pairs().errorProperty().get()).isEqualTo("Choose an instruction agent and a response agent");
    }

    @Test
    void deletesTheSelectedPair() {
        add(rewriter, responder, "p");
        pairs().select(pairs().rows().get(0));

        pairs().deleteSelected();

        assertThat(pairs().rows()).isEmpty();
    }

    @Test
    void weightsAreNotInvented() {
        assertThat(PairsViewModel.WEIGHTS_NOTE).contains("Star-Agents").doesNotContainPattern("\\d");
    }
}
