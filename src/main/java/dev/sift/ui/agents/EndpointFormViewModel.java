package dev.sift.ui.agents;

import dev.sift.core.config.Credentials;
import dev.sift.core.config.SecretException;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import dev.sift.core.store.EndpointStore;
import dev.sift.core.store.StoreException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The form for adding or editing an endpoint. Checks every field before anything is written; a key
 * typed here goes into the user's credentials file (the project keeps only {@code cred:NAME}) and is
 * never shown again except masked.
 */
public final class EndpointFormViewModel {

    private final EndpointStore store;
    private final long id;
    private final List<String> knownModels;
    private final Consumer<Endpoint> saved;
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<EndpointKind> kind = new SimpleObjectProperty<>(EndpointKind.OPENAI);
    private final StringProperty baseUrl = new SimpleStringProperty("");
    private final StringProperty modelDir = new SimpleStringProperty("");
    private final StringProperty maxConcurrency = new SimpleStringProperty("8");
    private final StringProperty requestsPerMinute = new SimpleStringProperty("");
    private final StringProperty tokensPerMinute = new SimpleStringProperty("");
    private final StringProperty priceIn = new SimpleStringProperty("0");
    private final StringProperty priceOut = new SimpleStringProperty("0");
    private final StringProperty group = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final EndpointKeyViewModel apiKey;
    private final EndpointTemplateViewModel chatTemplate;

    private EndpointFormViewModel(EndpointStore store, Credentials credentials, Endpoint initial,
            List<String> knownModels, Consumer<Endpoint> saved) {
        this.store = store;
        this.id = initial == null ? 0 : initial.id();
        this.knownModels = List.copyOf(knownModels);
        this.saved = saved;
        if (initial != null) {
            fill(initial);
        }
        apiKey = new EndpointKeyViewModel(credentials, name, initial == null ? "" : initial.keyRef());
        chatTemplate = new EndpointTemplateViewModel(modelDir, initial == null ? "" : initial.chatTemplate());
    }

    /** An empty form for a new endpoint. */
    public static EndpointFormViewModel create(EndpointStore store, Credentials credentials, Consumer<Endpoint> saved) {
        return new EndpointFormViewModel(store, credentials, null, List.of(), saved);
    }

    /** The form filled with an existing endpoint. */
    public static EndpointFormViewModel edit(EndpointStore store, Credentials credentials, Endpoint endpoint,
            Consumer<Endpoint> saved) {
        return new EndpointFormViewModel(store, credentials, endpoint, List.of(), saved);
    }

    /** A new endpoint pre-filled from a detected server; its models are remembered once it is saved. */
    public static EndpointFormViewModel fromServer(EndpointStore store, Credentials credentials, ServerRow server,
            String suggestedName, Consumer<Endpoint> saved) {
        var form = new EndpointFormViewModel(store, credentials, null, server.server().models(), saved);
        form.name.set(suggestedName);
        form.baseUrl.set(server.baseUrl());
        return form;
    }

    /** A new LOCAL endpoint pre-filled with a downloaded model's folder. */
    public static EndpointFormViewModel fromModelFolder(EndpointStore store, Credentials credentials,
            String suggestedName, Path folder, Consumer<Endpoint> saved) {
        var form = new EndpointFormViewModel(store, credentials, null, List.of(), saved);
        form.name.set(suggestedName);
        form.kind.set(EndpointKind.LOCAL);
        form.modelDir.set(folder.toString());
        return form;
    }

    private void fill(Endpoint e) {
        name.set(e.name());
        kind.set(e.kind());
        baseUrl.set(e.baseUrl());
        modelDir.set(e.modelDir());
        maxConcurrency.set(Integer.toString(e.maxConcurrency()));
        requestsPerMinute.set(e.requestsPerMinute().isPresent() ? Integer.toString(e.requestsPerMinute().getAsInt()) : "");
        tokensPerMinute.set(e.tokensPerMinute().isPresent() ? Integer.toString(e.tokensPerMinute().getAsInt()) : "");
        priceIn.set(EndpointRow.price(e.priceInPerMillion()));
        priceOut.set(EndpointRow.price(e.priceOutPerMillion()));
        group.set(e.group());
    }

    public boolean isNew() {
        return id == 0;
    }

    public String title() {
        return isNew() ? "Add endpoint" : "Edit endpoint " + name.get();
    }

    /** Models the detected server listed, if the form came from one. */
    public List<String> knownModels() {
        return knownModels;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<EndpointKind> kindProperty() {
        return kind;
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    public StringProperty modelDirProperty() {
        return modelDir;
    }

    /** Where the API key comes from. */
    public EndpointKeyViewModel apiKey() {
        return apiKey;
    }

    /** The chat template of a LOCAL endpoint: detected from the folder or chosen by name. */
    public EndpointTemplateViewModel chatTemplate() {
        return chatTemplate;
    }

    public StringProperty maxConcurrencyProperty() {
        return maxConcurrency;
    }

    public StringProperty requestsPerMinuteProperty() {
        return requestsPerMinute;
    }

    public StringProperty tokensPerMinuteProperty() {
        return tokensPerMinute;
    }

    public StringProperty priceInProperty() {
        return priceIn;
    }

    public StringProperty priceOutProperty() {
        return priceOut;
    }

    public StringProperty groupProperty() {
        return group;
    }

    /** What is wrong with the form, one problem per line; empty when nothing is. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Every problem with the form, in field order; nothing is written. */
    public List<String> validate() {
        var problems = new ArrayList<String>();
        String n = name.get().strip();
        if (n.isEmpty()) {
            problems.add("Enter a name for the endpoint");
        } else if (nameTaken(n, problems)) {
            problems.add("An endpoint named '" + n + "' already exists; choose another name");
        }
        if (kind.get() == EndpointKind.OPENAI) {
            if (!FormChecks.isHttpUrl(baseUrl.get())) {
                problems.add("The base URL must start with http:// or https:// and name a host,"
                        + " e.g. http://127.0.0.1:8000/v1");
            }
        } else if (modelDir.get().isBlank()) {
            problems.add("Enter the folder of the ONNX model");
        } else {
            chatTemplate.problem().ifPresent(problems::add);
        }
        FormChecks.positiveInt(maxConcurrency.get(), "Max concurrency", false).ifPresent(problems::add);
        FormChecks.positiveInt(requestsPerMinute.get(), "Requests per minute", true).ifPresent(problems::add);
        FormChecks.positiveInt(tokensPerMinute.get(), "Tokens per minute", true).ifPresent(problems::add);
        FormChecks.price(priceIn.get(), "The input price").ifPresent(problems::add);
        FormChecks.price(priceOut.get(), "The output price").ifPresent(problems::add);
        apiKey.problem().ifPresent(problems::add);
        return problems;
    }

    /**
     * Checks the form and, when it is fine, stores the key (if one was typed) in the credentials file,
     * then adds or updates the endpoint. On any problem the form stays as it is and says why.
     *
     * @return whether the endpoint was saved
     */
    public boolean save() {
        List<String> problems = validate();
        if (!problems.isEmpty()) {
            error.set(String.join("\n", problems));
            return false;
        }
        try {
            String keyRef = apiKey.storeKey();
            Endpoint endpoint = new Endpoint(id, name.get().strip(), kind.get(),
                    kind.get() == EndpointKind.OPENAI ? baseUrl.get().strip() : "",
                    kind.get() == EndpointKind.LOCAL ? modelDir.get().strip() : "", keyRef,
                    Integer.parseInt(maxConcurrency.get().strip()), optionalInt(requestsPerMinute.get()),
                    optionalInt(tokensPerMinute.get()), FormChecks.parse(priceIn.get()),
                    FormChecks.parse(priceOut.get()), group.get().strip(),
                    kind.get() == EndpointKind.LOCAL ? chatTemplate.chosenId() : "");
            Endpoint stored = isNew() ? store.add(endpoint) : store.update(endpoint);
            apiKey.keyProperty().set("");
            error.set("");
            saved.accept(stored);
            return true;
        } catch (StoreException | SecretException e) {
            error.set(e.getMessage());
            return false;
        }
    }

    private boolean nameTaken(String n, List<String> problems) {
        try {
            return store.findByName(n).filter(other -> other.id() != id).isPresent();
        } catch (StoreException e) {
            problems.add(e.getMessage());
            return false;
        }
    }

    private static OptionalInt optionalInt(String text) {
        return text.isBlank() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(text.strip()));
    }

    public void dispose() {
        apiKey.dispose();
        chatTemplate.dispose();
    }
}
