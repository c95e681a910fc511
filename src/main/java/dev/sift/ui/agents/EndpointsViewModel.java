package dev.sift.ui.agents;

import dev.sift.app.LlmAccess;
import dev.sift.app.LlmAccess.ConnectionCheck;
import dev.sift.core.config.Credentials;
import dev.sift.core.llm.openai.DetectedServer;
import dev.sift.core.llm.openai.ServerKind;
import dev.sift.core.model.Endpoint;
import dev.sift.core.store.EndpointStore;
import dev.sift.core.store.StoreException;
import dev.sift.ui.common.DialogService;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.QueryJob;
import dev.sift.ui.common.UiJobRunner;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The endpoints of the open project: the table, add / edit / delete, a connection test of the
 * selected endpoint and detection of local model servers. Connection tests and detection run in the
 * background; their results are kept per endpoint for this screen's lifetime, and the agent form
 * offers the models they listed. UI thread only.
 */
public final class EndpointsViewModel {

    /** Finds model servers on this machine; blocks. */
    @FunctionalInterface
    public interface ServerDetector {
        List<DetectedServer> detect() throws InterruptedException;
    }

    private final Supplier<Optional<EndpointStore>> store;
    private final UiJobRunner jobs;
    private final DialogService dialogs;
    private final LlmAccess llm;
    private final Credentials credentials;
    private final ServerDetector detector;
    private final Runnable changed;
    private final ObservableList<EndpointRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<EndpointRow> selected = new ReadOnlyObjectWrapper<>();
    private final Map<Long, ConnectionCheck> checks = new HashMap<>();
    private final Map<Long, List<String>> detectedModels = new HashMap<>();
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper connectionStatus = new ReadOnlyStringWrapper("");
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ObservableList<ServerRow> detected = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper detecting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper detectMessage = new ReadOnlyStringWrapper("");
    private long testingId;

    EndpointsViewModel(Supplier<Optional<EndpointStore>> store, UiJobRunner jobs, DialogService dialogs, LlmAccess llm,
            Credentials credentials, ServerDetector detector, Runnable changed) {
        this.store = store;
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.llm = llm;
        this.credentials = credentials;
        this.detector = detector;
        this.changed = changed;
    }

    public ObservableList<EndpointRow> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<EndpointRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public void select(EndpointRow row) {
        selected.set(row);
        showConnection();
    }

    /** Shows the given endpoints (from the project), keeping the selection by id. */
    void show(List<Endpoint> endpoints) {
        long selectedId = selected.get() == null ? 0 : selected.get().id();
        rows.setAll(endpoints.stream().map(EndpointRow::new).toList());
        select(rows.stream().filter(r -> r.id() == selectedId).findFirst().orElse(null));
    }

    /** Forgets what belonged to the previous project: selection and connection tests (ids repeat across projects). */
    void forgetProject() {
        selected.set(null);
        checks.clear();
        detectedModels.clear();
        showConnection();
    }

    /** The form for a new endpoint; empty without a project. */
    public Optional<EndpointFormViewModel> newEndpoint() {
        return store.get().map(s -> EndpointFormViewModel.create(s, credentials, this::saved));
    }

    /** The form for the selected endpoint; empty when none is selected. */
    public Optional<EndpointFormViewModel> editSelected() {
        EndpointRow row = selected.get();
        return row == null ? Optional.empty()
                : store.get().map(s -> EndpointFormViewModel.edit(s, credentials, row.endpoint(), this::saved));
    }

    /** A new endpoint pre-filled from a detected server. */
    public Optional<EndpointFormViewModel> addDetected(ServerRow server) {
        return store.get().map(s -> EndpointFormViewModel.fromServer(s, credentials, server, freeName(server), e -> {
            detectedModels.put(e.id(), server.server().models());
            saved(e);
        }));
    }

    /** A new LOCAL endpoint pre-filled with a model folder; empty without a project. */
    public Optional<EndpointFormViewModel> addLocalModel(String suggestedName, Path folder) {
        return store.get().map(s -> EndpointFormViewModel.fromModelFolder(s, credentials, freeName(suggestedName),
                folder, this::saved));
    }

    private void saved(Endpoint endpoint) {
        selected.set(new EndpointRow(endpoint));
        changed.run();
    }

    /** Deletes the selected endpoint after asking; the store refuses while an agent uses it. */
    public void deleteSelected() {
        EndpointRow row = selected.get();
        Optional<EndpointStore> s = store.get();
        if (row == null || s.isEmpty()
                || !dialogs.confirm("Delete endpoint", "Delete the endpoint '" + row.name() + "'?")) {
            return;
        }
        try {
            s.get().delete(row.id());
            checks.remove(row.id());
            changed.run();
        } catch (StoreException e) {
            dialogs.showError("Could not delete the endpoint", e.getMessage());
        }
    }

    /** Lists the selected endpoint's models in the background and times it. */
    public void testConnection() {
        EndpointRow row = selected.get();
        if (row == null || testing.get()) {
            return;
        }
        Endpoint endpoint = row.endpoint();
        testingId = endpoint.id();
        testing.set(true);
        showConnection();
        jobs.run(QueryJob.of("Test connection to " + endpoint.name(), context -> llm.check(endpoint)),
                JobCallbacks.<ConnectionCheck>onSuccess(check -> checks.put(endpoint.id(), check))
                        .onFailure(reason -> checks.put(endpoint.id(), new ConnectionCheck(false, 0, List.of(), reason)))
                        .onFinished(() -> {
                            testingId = 0;
                            testing.set(false);
                            showConnection();
                        }));
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    /** The selected endpoint's last connection test: "OK · 142 ms · 3 models", or what went wrong. */
    public ReadOnlyStringProperty connectionStatusProperty() {
        return connectionStatus.getReadOnlyProperty();
    }

    /** The models the selected endpoint listed in its last connection test. */
    public ObservableList<String> models() {
        return models;
    }

    private void showConnection() {
        EndpointRow row = selected.get();
        ConnectionCheck check = row == null ? null : checks.get(row.id());
        if (row == null) {
            connectionStatus.set("Select an endpoint to test its connection.");
        } else if (testingId == row.id()) {
            connectionStatus.set("Testing " + row.name() + "…");
        } else if (check == null) {
            connectionStatus.set(row.name() + " has not been tested yet.");
        } else {
            connectionStatus.set(describe(check));
        }
        models.setAll(check == null || testingId == row.id() ? List.of() : check.models());
    }

    static String describe(ConnectionCheck check) {
        if (!check.ok()) {
            return "Failed · " + check.error();
        }
        int n = check.models().size();
        return "OK · " + check.latencyMillis() + " ms · " + n + (n == 1 ? " model" : " models");
    }

    /** Models known for an endpoint: from its last successful test, else from the server detection that added it. */
    public List<String> modelsOf(long endpointId) {
        ConnectionCheck check = checks.get(endpointId);
        if (check != null && check.ok()) {
            return check.models();
        }
        return detectedModels.getOrDefault(endpointId, List.of());
    }

    /** Probes the usual local ports in the background and lists the servers that answered. */
    public void detect() {
        if (detecting.get()) {
            return;
        }
        detecting.set(true);
        detectMessage.set("Looking for model servers on this machine…");
        jobs.run(QueryJob.of("Detect local model servers", context -> detector.detect()),
                JobCallbacks.<List<DetectedServer>>onSuccess(found -> {
                    detected.setAll(found.stream().map(ServerRow::new).toList());
                    detectMessage.set(found.isEmpty() ? "No model server answered on the usual local ports."
                            : "Found " + found.size() + (found.size() == 1 ? " server." : " servers."));
                })
                        .onFailure(reason -> detectMessage.set("Detection failed: " + reason))
                        .onCancelled(() -> detectMessage.set("Detection cancelled."))
                        .onFinished(() -> detecting.set(false)));
    }

    public ObservableList<ServerRow> detected() {
        return detected;
    }

    public ReadOnlyBooleanProperty detectingProperty() {
        return detecting.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detectMessageProperty() {
        return detectMessage.getReadOnlyProperty();
    }

    /** "ollama", or "ollama-2" when taken. */
    private String freeName(ServerRow server) {
        ServerKind kind = server.server().kind();
        return freeName(kind == ServerKind.UNKNOWN ? "local" : kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** {@code base}, or {@code base-2} (then -3, …) when an endpoint already has that name. */
    private String freeName(String base) {
        String candidate = base;
        for (int i = 2; nameTaken(candidate); i++) {
            candidate = base + "-" + i;
        }
        return candidate;
    }

    private boolean nameTaken(String name) {
        return rows.stream().anyMatch(r -> r.name().equalsIgnoreCase(name));
    }
}
