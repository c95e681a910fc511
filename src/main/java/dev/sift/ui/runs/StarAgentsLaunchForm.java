package dev.sift.ui.runs;

import dev.sift.app.StarAgentsRuns;
import dev.sift.core.pipeline.StarAgentsSpec;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.UiServices;
import java.util.OptionalLong;
import javafx.scene.Node;

/** The Star-Agents form of the Runs screen: {@link StarAgentsFormViewModel} shown by {@link StarAgentsFormPane}. */
final class StarAgentsLaunchForm implements LaunchForm {

    private final StarAgentsFormViewModel vm;
    private final StarAgentsFormPane pane;

    StarAgentsLaunchForm(WorkspaceState workspace, UiServices services, LaunchForm.Host host) {
        this.vm = new StarAgentsFormViewModel(workspace.datasets());
        this.pane = new StarAgentsFormPane(vm, services.dialogs(), () -> host.launch(this), host::close);
    }

    @Override
    public String recipe() {
        return StarAgentsSpec.RECIPE;
    }

    @Override
    public String title() {
        return "Star-Agents run…";
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
        var spec = vm.spec();
        if (spec.isEmpty() || vm.datasetProperty().get() == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(StarAgentsRuns.create(store, vm.datasetProperty().get().id(), spec.get()).id());
    }

    @Override
    public void dispose() {
        pane.dispose();
    }
}
