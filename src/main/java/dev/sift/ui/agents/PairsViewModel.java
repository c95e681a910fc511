package dev.sift.ui.agents;

import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentPair;
import dev.sift.core.store.AgentStore;
import dev.sift.core.store.StoreException;
import dev.sift.ui.common.DialogService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The agent pairs of the open project: the list, adding a pair (instruction agent, response agent,
 * name) with the project's own checks, and deleting one.
 */
public final class PairsViewModel {

    /** Weights are not invented here: they exist once a Star-Agents run has sampled the pairs. */
    public static final String WEIGHTS_NOTE = "Current weights appear here with the Star-Agents feature,"
            + " once a run has sampled these pairs.";

    private final Supplier<Optional<AgentStore>> store;
    private final DialogService dialogs;
    private final Runnable changed;
    private final ObservableList<PairRow> rows = FXCollections.observableArrayList();
    private final ObservableList<Agent> agents = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<PairRow> selected = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Agent> instructionAgent = new SimpleObjectProperty<>();
    private final ObjectProperty<Agent> responseAgent = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    PairsViewModel(Supplier<Optional<AgentStore>> store, DialogService dialogs, Runnable changed) {
        this.store = store;
        this.dialogs = dialogs;
        this.changed = changed;
    }

    public ObservableList<PairRow> rows() {
        return rows;
    }

    /** The agents to choose from, by name. */
    public ObservableList<Agent> agents() {
        return agents;
    }

    public ReadOnlyObjectProperty<PairRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public void select(PairRow row) {
        selected.set(row);
    }

    public ObjectProperty<Agent> instructionAgentProperty() {
        return instructionAgent;
    }

    public ObjectProperty<Agent> responseAgentProperty() {
        return responseAgent;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** Why the last add or delete did not happen; empty after one that did. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Forgets choices made in the previous project (ids repeat across projects). */
    void forgetProject() {
        selected.set(null);
        instructionAgent.set(null);
        responseAgent.set(null);
        name.set("");
        error.set("");
    }

    /** Shows the pairs and offers the agents, keeping chosen agents that still exist. */
    void show(List<AgentPair> pairs, List<Agent> allAgents) {
        Map<Long, Agent> byId = allAgents.stream().collect(Collectors.toMap(Agent::id, Function.identity()));
        long selectedId = selected.get() == null ? 0 : selected.get().id();
        Agent instruction = instructionAgent.get() == null ? null : byId.get(instructionAgent.get().id());
        Agent response = responseAgent.get() == null ? null : byId.get(responseAgent.get().id());
        agents.setAll(allAgents);
        instructionAgent.set(instruction);
        responseAgent.set(response);
        rows.setAll(pairs.stream().map(p -> PairRow.of(p, byId)).toList());
        selected.set(rows.stream().filter(r -> r.id() == selectedId).findFirst().orElse(null));
    }

    /** Adds the pair from the chosen agents and name; the project checks names and agents. */
    public boolean add() {
        Optional<AgentStore> s = store.get();
        if (s.isEmpty()) {
            return false;
        }
        if (instructionAgent.get() == null || responseAgent.get() == null) {
            error.set("Choose an instruction agent and a response agent");
            return false;
        }
        try {
            s.get().addPair(new AgentPair(0, name.get().strip(), instructionAgent.get().id(), responseAgent.get().id()));
            name.set("");
            error.set("");
            changed.run();
            return true;
        } catch (StoreException e) {
            error.set(e.getMessage());
            return false;
        }
    }

    /** Deletes the selected pair after asking; refused once runs have used it. */
    public void deleteSelected() {
        PairRow row = selected.get();
        Optional<AgentStore> s = store.get();
        if (row == null || s.isEmpty() || !dialogs.confirm("Delete agent pair", "Delete the pair '" + row.name() + "'?")) {
            return;
        }
        try {
            s.get().deletePair(row.id());
            error.set("");
            changed.run();
        } catch (StoreException e) {
            error.set(e.getMessage());
        }
    }
}
