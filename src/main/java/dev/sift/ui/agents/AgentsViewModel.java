package dev.sift.ui.agents;

import dev.sift.app.LlmAccess;
import dev.sift.core.config.Credentials;
import dev.sift.core.llm.models.HubClient;
import dev.sift.core.llm.models.ModelsDirectory;
import dev.sift.core.llm.models.SuggestedModels;
import dev.sift.core.model.Agent;
import dev.sift.core.model.Endpoint;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.DialogService;
import dev.sift.ui.common.UiJobRunner;
import dev.sift.ui.common.UiServices;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;

/**
 * The Agents screen: endpoints, agents and agent pairs of the open project, each in its own view
 * model. Any change reloads all three, since agents name their endpoints and pairs their agents.
 * Store calls are quick reads and writes of the local project file and run on the UI thread;
 * connection tests and server detection run in the background.
 */
public final class AgentsViewModel {

    private final WorkspaceState workspace;
    private final DialogService dialogs;
    private final EndpointsViewModel endpoints;
    private final AgentListViewModel agents;
    private final PairsViewModel pairs;
    private final ModelsViewModel models;
    private final BooleanBinding hasProject;
    private final InvalidationListener projectListener = obs -> projectChanged();

    public AgentsViewModel(WorkspaceState workspace, UiServices services) {
        this(workspace, services.jobs(), services.dialogs(), services.llm().get(), services.credentials(),
                services.models().get(), services.hub());
    }

    /**
     * @param modelsFolder the local models folder
     * @param hub the Hub client, made when the user first asks for a download or a listing
     */
    public AgentsViewModel(WorkspaceState workspace, UiJobRunner jobs, DialogService dialogs, LlmAccess llm,
            Credentials credentials, ModelsDirectory modelsFolder, Supplier<HubClient> hub) {
        this(workspace, jobs, dialogs, llm, credentials, modelsFolder, hub, llm::detect);
    }

    AgentsViewModel(WorkspaceState workspace, UiJobRunner jobs, DialogService dialogs, LlmAccess llm,
            Credentials credentials, ModelsDirectory modelsFolder, Supplier<HubClient> hub,
            EndpointsViewModel.ServerDetector detector) {
        this.workspace = workspace;
        this.dialogs = dialogs;
        endpoints = new EndpointsViewModel(() -> workspace.store().map(ProjectStore::endpoints), jobs, dialogs, llm,
                credentials, detector, this::reload);
        agents = new AgentListViewModel(() -> workspace.store().map(ProjectStore::agents), dialogs, this::modelsFor,
                this::selectedEndpointTarget, this::reload);
        pairs = new PairsViewModel(() -> workspace.store().map(ProjectStore::agents), dialogs, this::reload);
        models = new ModelsViewModel(modelsFolder, hub, SuggestedModels.all(), jobs, dialogs,
                endpoints::addLocalModel);
        hasProject = Bindings.isNotNull(workspace.projectProperty());
        workspace.projectProperty().addListener(projectListener);
        reload();
    }

    public EndpointsViewModel endpoints() {
        return endpoints;
    }

    public AgentListViewModel agents() {
        return agents;
    }

    public PairsViewModel pairs() {
        return pairs;
    }

    /** The local models folder: installed and suggested models, downloads. */
    public ModelsViewModel models() {
        return models;
    }

    public BooleanBinding hasProjectProperty() {
        return hasProject;
    }

    private void projectChanged() {
        endpoints.forgetProject();
        agents.forgetProject();
        pairs.forgetProject();
        reload();
    }

    /** Reads endpoints, agents and pairs again from the open project (or clears them without one). */
    public void reload() {
        Optional<ProjectStore> store = workspace.store();
        if (store.isEmpty()) {
            endpoints.show(List.of());
            agents.show(List.of(), List.of());
            pairs.show(List.of(), List.of());
            return;
        }
        try {
            List<Endpoint> endpointList = store.get().endpoints().list();
            List<Agent> agentList = store.get().agents().list();
            endpoints.show(endpointList);
            agents.show(agentList, endpointList);
            pairs.show(store.get().agents().listPairs(), agentList);
        } catch (StoreException e) {
            dialogs.showError("Could not read the project", e.getMessage());
        }
    }

    /** Models known for a target: an endpoint's own, or those of every endpoint of a group. */
    private List<String> modelsFor(AgentTarget target) {
        if (!target.isGroup()) {
            return endpoints.modelsOf(target.endpointId());
        }
        var models = new TreeSet<String>();
        endpoints.rows().stream().filter(r -> r.endpoint().group().equals(target.group()))
                .forEach(r -> models.addAll(endpoints.modelsOf(r.id())));
        return List.copyOf(models);
    }

    private AgentTarget selectedEndpointTarget() {
        EndpointRow row = endpoints.selectedProperty().get();
        return row == null ? null : AgentTarget.of(row.endpoint());
    }

    public void dispose() {
        workspace.projectProperty().removeListener(projectListener);
        hasProject.dispose();
    }
}
