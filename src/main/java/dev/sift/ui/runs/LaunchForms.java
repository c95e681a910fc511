package dev.sift.ui.runs;

import dev.sift.app.ReflectionRuns;
import dev.sift.app.StarAgentsRuns;
import dev.sift.core.model.Dataset;
import dev.sift.core.pipeline.AgentInstructSpec;
import dev.sift.core.pipeline.ReflectionSpec;
import dev.sift.core.pipeline.StarAgentsSpec;
import dev.sift.core.store.Run;
import dev.sift.core.store.StoreException;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.UiServices;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The recipes the Runs screen launches, in the order of its "New run" menu. A recipe joins by adding its form here. */
final class LaunchForms {

    private static final List<LaunchForm.Factory> ALL = List.of(
            LaunchForms::starAgents, LaunchForms::reflection, LaunchForms::agentInstruct);

    private LaunchForms() {}

    static List<LaunchForm.Factory> all() {
        return ALL;
    }

    /** The Star-Agents form: {@link StarAgentsFormViewModel} shown by {@link StarAgentsFormPane}. */
    static LaunchForm starAgents(WorkspaceState workspace, UiServices services, LaunchForm.Host host) {
        var vm = new StarAgentsFormViewModel(workspace.datasets());
        return new RecipeLaunchForm(StarAgentsSpec.RECIPE, "Star-Agents run…", host, vm::load,
                store -> onDataset(vm.spec(), vm.datasetProperty().get(),
                        (dataset, spec) -> StarAgentsRuns.create(store, dataset, spec)),
                (launch, close) -> new StarAgentsFormPane(vm, services.dialogs(), launch, close));
    }

    /** The reflection form: {@link ReflectionFormViewModel} shown by {@link ReflectionFormPane}. */
    static LaunchForm reflection(WorkspaceState workspace, UiServices services, LaunchForm.Host host) {
        var vm = new ReflectionFormViewModel(workspace.datasets());
        return new RecipeLaunchForm(ReflectionSpec.RECIPE, "Reflection run…", host, vm::load,
                store -> onDataset(vm.spec(), vm.datasetProperty().get(),
                        (dataset, spec) -> ReflectionRuns.create(store, dataset, spec)),
                (launch, close) -> new ReflectionFormPane(vm, services.dialogs(), launch, close));
    }

    /**
     * The AgentInstruct form: {@link AgentInstructFormViewModel} shown by {@link AgentInstructFormPane}. A launched run
     * writes to a new dataset, which the workspace then lists.
     */
    static LaunchForm agentInstruct(WorkspaceState workspace, UiServices services, LaunchForm.Host host) {
        var vm = new AgentInstructFormViewModel();
        return new RecipeLaunchForm(AgentInstructSpec.RECIPE, "AgentInstruct run…", host, vm::load, store -> {
            Optional<Run> run = vm.create(store);
            if (run.isEmpty()) {
                return OptionalLong.empty();
            }
            workspace.refreshDatasets(); // the run's output dataset, empty until the run fills it
            return OptionalLong.of(run.get().id());
        }, (launch, close) -> new AgentInstructFormPane(vm, launch, close));
    }

    /** Creates a run of a recipe that reads one dataset. */
    @FunctionalInterface
    private interface DatasetRunCreator<S> {
        Run create(long datasetId, S spec) throws StoreException;
    }

    private static <S> OptionalLong onDataset(Optional<S> spec, Dataset dataset, DatasetRunCreator<S> creator)
            throws StoreException {
        if (spec.isEmpty() || dataset == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(creator.create(dataset.id(), spec.get()).id());
    }
}
