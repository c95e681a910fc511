package dev.sift.ui.runs;

import dev.sift.core.pipeline.AgentInstructSpec;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import dev.sift.core.store.StoreException;
import dev.sift.ui.common.UiServices;
import dev.sift.ui.WorkspaceState;
import java.util.OptionalLong;
import javafx.scene.Node;

/**
 * The AgentInstruct form of the Runs screen: {@link AgentInstructFormViewModel} shown by
 * {@link AgentInstructFormPane}. A launched run writes to a new dataset, which the workspace then lists.
 */
final class AgentInstructLaunchForm implements LaunchForm {

    private final WorkspaceState workspace;
    private final AgentInstructFormViewModel vm = new AgentInstructFormViewModel();
    private final AgentInstructFormPane pane;

    AgentInstructLaunchForm(WorkspaceState workspace, UiServices services, LaunchForm.Host host) {
        this.workspace = workspace;
        this.pane = new AgentInstructFormPane(vm, () -> host.launch(this), host::close);
    }

    @Override
    public String recipe() {
        return AgentInstructSpec.RECIPE;
    }

    @Override
    public String title() {
        return "AgentInstruct run…";
    }

    @Override
    public Node node() {
        return pane.node();
    }

    @Override
    public void load(ProjectStore store) {
        vm.load(store);
    }

    @Override
    public OptionalLong create(ProjectStore store) throws StoreException {
        var run = vm.create(store);
        if (run.isEmpty()) {
            return OptionalLong.empty();
        }
        workspace.refreshDatasets(); // the run's output dataset, empty until the run fills it
        return OptionalLong.of(run.map(Run::id).get());
    }

    @Override
    public void dispose() {
        pane.dispose();
    }
}
