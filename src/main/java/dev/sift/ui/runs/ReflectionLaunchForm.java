package dev.sift.ui.runs;

import dev.sift.app.ReflectionRuns;
import dev.sift.core.pipeline.ReflectionSpec;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.UiServices;
import java.util.OptionalLong;
import javafx.scene.Node;

/** The reflection form of the Runs screen: {@link ReflectionFormViewModel} shown by {@link ReflectionFormPane}. */
final class ReflectionLaunchForm implements LaunchForm {

    private final ReflectionFormViewModel vm;
    private final ReflectionFormPane pane;

    ReflectionLaunchForm(WorkspaceState workspace, UiServices services, LaunchForm.Host host) {
        this.vm = new ReflectionFormViewModel(workspace.datasets());
        this.pane = new ReflectionFormPane(vm, services.dialogs(), () -> host.launch(this), host::close);
    }

    @Override
    public String recipe() {
        return ReflectionSpec.RECIPE;
    }

    @Override
    public String title() {
        return "Reflection run…";
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
        return OptionalLong.of(ReflectionRuns.create(store, vm.datasetProperty().get().id(), spec.get()).id());
    }

    @Override
    public void dispose() {
        pane.dispose();
    }
}
