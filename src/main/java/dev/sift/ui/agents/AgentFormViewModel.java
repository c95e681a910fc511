package dev.sift.ui.agents;

import dev.sift.core.llm.ChatParametersJson;
import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentRole;
import dev.sift.core.store.AgentStore;
import dev.sift.core.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The form for adding or editing an agent: the endpoint (or group) it runs on, the model (offered
 * from the last connection test of that endpoint, or typed), its role, system prompt and decoding
 * parameters, which are checked as they are typed.
 */
public final class AgentFormViewModel {

    static final String DEFAULT_PARAMETERS = "{\"temperature\": 0.7, \"max_tokens\": 1024}";

    private final AgentStore store;
    private final long id;
    private final Function<AgentTarget, List<String>> modelsFor;
    private final Consumer<Agent> saved;
    private final ObservableList<AgentTarget> targets;
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<AgentTarget> target = new SimpleObjectProperty<>();
    private final StringProperty model = new SimpleStringProperty("");
    private final ObjectProperty<AgentRole> role = new SimpleObjectProperty<>(AgentRole.RESPONDER);
    private final StringProperty systemPrompt = new SimpleStringProperty("");
    private final StringProperty parameters = new SimpleStringProperty(DEFAULT_PARAMETERS);
    private final ReadOnlyStringWrapper parametersError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ChangeListener<AgentTarget> targetListener = (obs, old, t) -> offerModels(t);
    private final ChangeListener<String> parametersListener = (obs, old, json) -> checkParameters();

    /**
     * @param targets the endpoints and groups to choose from
     * @param initialTarget preselected for a new agent (the selected endpoint); may be null
     * @param modelsFor the models known for a target
     * @param existing the agent to edit, or null for a new one
     */
    public AgentFormViewModel(AgentStore store, List<AgentTarget> targets, AgentTarget initialTarget,
            Function<AgentTarget, List<String>> modelsFor, Agent existing, Consumer<Agent> saved) {
        this.store = store;
        this.id = existing == null ? 0 : existing.id();
        this.modelsFor = modelsFor;
        this.saved = saved;
        this.targets = FXCollections.observableArrayList(targets);
        target.addListener(targetListener);
        parameters.addListener(parametersListener);
        if (existing == null) {
            target.set(initialTarget != null ? initialTarget : targets.isEmpty() ? null : targets.get(0));
        } else {
            name.set(existing.name());
            target.set(targets.stream().filter(t -> t.isTargetOf(existing)).findFirst().orElse(null));
            model.set(existing.model());
            role.set(existing.role());
            systemPrompt.set(existing.systemPrompt());
            parameters.set(existing.parametersJson());
        }
        offerModels(target.get());
    }

    public boolean isNew() {
        return id == 0;
    }

    public String title() {
        return isNew() ? "Add agent" : "Edit agent " + name.get();
    }

    public ObservableList<AgentTarget> targets() {
        return targets;
    }

    /** The models of the chosen target from its last connection test; the model field also takes any text. */
    public ObservableList<String> models() {
        return models;
    }

    public List<AgentRole> roles() {
        return List.of(AgentRole.values());
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<AgentTarget> targetProperty() {
        return target;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public ObjectProperty<AgentRole> roleProperty() {
        return role;
    }

    public StringProperty systemPromptProperty() {
        return systemPrompt;
    }

    public StringProperty parametersProperty() {
        return parameters;
    }

    /** What is wrong with the decoding parameters as typed; empty when they are fine. */
    public ReadOnlyStringProperty parametersErrorProperty() {
        return parametersError.getReadOnlyProperty();
    }

    /** What kept the last save from happening, one problem per line. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    private void offerModels(AgentTarget t) {
        models.setAll(t == null ? List.of() : modelsFor.apply(t));
        if (model.get().isBlank() && !models.isEmpty()) {
            model.set(models.get(0));
        }
    }

    private void checkParameters() {
        try {
            ChatParametersJson.fromJson(parameters.get());
            parametersError.set("");
        } catch (IllegalArgumentException e) {
            parametersError.set(e.getMessage());
        }
    }

    /** Every problem with the form; nothing is written. */
    public List<String> validate() {
        var problems = new ArrayList<String>();
        String n = name.get().strip();
        if (n.isEmpty()) {
            problems.add("Enter a name for the agent");
        } else {
            try {
                if (store.findByName(n).filter(other -> other.id() != id).isPresent()) {
                    problems.add("An agent named '" + n + "' already exists; choose another name");
                }
            } catch (StoreException e) {
                problems.add(e.getMessage());
            }
        }
        if (target.get() == null) {
            problems.add(targets.isEmpty() ? "Add an endpoint first: an agent runs on one"
                    : "Choose the endpoint or group the agent runs on");
        }
        if (model.get() == null || model.get().isBlank()) {
            problems.add("Enter the model, or test the endpoint's connection to choose from its models");
        }
        checkParameters();
        if (!parametersError.get().isEmpty()) {
            problems.add(parametersError.get());
        }
        return problems;
    }

    /**
     * Adds or updates the agent when the form is fine; otherwise, or when the project refuses it,
     * says why and keeps the form.
     *
     * @return whether the agent was saved
     */
    public boolean save() {
        List<String> problems = validate();
        if (!problems.isEmpty()) {
            error.set(String.join("\n", problems));
            return false;
        }
        AgentTarget t = target.get();
        String json = parameters.get().isBlank() ? "{}" : parameters.get().strip();
        var agent = new Agent(id, name.get().strip(), t.endpointId(), t.group(), model.get().strip(), role.get(),
                systemPrompt.get(), json);
        try {
            Agent stored = isNew() ? store.add(agent) : store.update(agent);
            error.set("");
            saved.accept(stored);
            return true;
        } catch (StoreException e) {
            error.set(e.getMessage());
            return false;
        }
    }

    public void dispose() {
        target.removeListener(targetListener);
        parameters.removeListener(parametersListener);
    }
}
