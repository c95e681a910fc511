package dev.sift.ui.agents;

import dev.sift.core.model.Agent;
import dev.sift.core.model.Endpoint;
import dev.sift.core.store.AgentStore;
import dev.sift.core.store.StoreException;
import dev.sift.ui.common.DialogService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The agents of the open project: the table, and add / edit / delete through {@link AgentFormViewModel}. */
public final class AgentListViewModel {

    private final Supplier<Optional<AgentStore>> store;
    private final DialogService dialogs;
    private final Function<AgentTarget, List<String>> modelsFor;
    private final Supplier<AgentTarget> preferredTarget;
    private final Runnable changed;
    private final ObservableList<AgentRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AgentRow> selected = new ReadOnlyObjectWrapper<>();
    private List<AgentTarget> targets = List.of();

    /**
     * @param modelsFor the models known for an endpoint or group, offered in the form
     * @param preferredTarget the target a new agent starts with (the selected endpoint), or null
     */
    AgentListViewModel(Supplier<Optional<AgentStore>> store, DialogService dialogs,
            Function<AgentTarget, List<String>> modelsFor, Supplier<AgentTarget> preferredTarget, Runnable changed) {
        this.store = store;
        this.dialogs = dialogs;
        this.modelsFor = modelsFor;
        this.preferredTarget = preferredTarget;
        this.changed = changed;
    }

    public ObservableList<AgentRow> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<AgentRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public void select(AgentRow row) {
        selected.set(row);
    }

    /** Forgets the selection of the previous project (ids repeat across projects). */
    void forgetProject() {
        selected.set(null);
    }

    /** Shows the agents, naming their endpoints; every endpoint and every group becomes a target. */
    void show(List<Agent> agents, List<Endpoint> endpoints) {
        Map<Long, String> names = endpoints.stream().collect(Collectors.toMap(Endpoint::id, Endpoint::name));
        var all = new ArrayList<AgentTarget>();
        endpoints.forEach(e -> all.add(AgentTarget.of(e)));
        endpoints.stream().map(Endpoint::group).filter(g -> !g.isEmpty()).distinct().sorted()
                .forEach(g -> all.add(AgentTarget.ofGroup(g)));
        targets = List.copyOf(all);
        long selectedId = selected.get() == null ? 0 : selected.get().id();
        rows.setAll(agents.stream().map(a -> AgentRow.of(a, names)).toList());
        selected.set(rows.stream().filter(r -> r.id() == selectedId).findFirst().orElse(null));
    }

    /** The endpoints and groups an agent can run on. */
    public List<AgentTarget> targets() {
        return targets;
    }

    /** The form for a new agent; empty without a project. */
    public Optional<AgentFormViewModel> newAgent() {
        AgentTarget preferred = preferredTarget.get();
        AgentTarget initial = targets.stream().filter(t -> t.equals(preferred)).findFirst().orElse(null);
        return store.get().map(s -> new AgentFormViewModel(s, targets, initial, modelsFor, null, this::saved));
    }

    /** The form for the selected agent; empty when none is selected. */
    public Optional<AgentFormViewModel> editSelected() {
        AgentRow row = selected.get();
        return row == null ? Optional.empty()
                : store.get().map(s -> new AgentFormViewModel(s, targets, null, modelsFor, row.agent(), this::saved));
    }

    private void saved(Agent agent) {
        selected.set(AgentRow.of(agent, Map.of()));
        changed.run();
    }

    /** Deletes the selected agent after asking; the store refuses while a pair uses it. */
    public void deleteSelected() {
        AgentRow row = selected.get();
        Optional<AgentStore> s = store.get();
        if (row == null || s.isEmpty() || !dialogs.confirm("Delete agent", "Delete the agent '" + row.name() + "'?")) {
            return;
        }
        try {
            s.get().delete(row.id());
            changed.run();
        } catch (StoreException e) {
            dialogs.showError("Could not delete the agent", e.getMessage());
        }
    }
}
