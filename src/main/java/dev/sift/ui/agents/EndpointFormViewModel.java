package dev.sift.ui.agents;

import dev.sift.core.config.Credentials;
import dev.sift.core.config.Secret;
import dev.sift.core.config.SecretException;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import dev.sift.core.store.EndpointStore;
import dev.sift.core.store.KeyRef;
import dev.sift.core.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
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
    private final Credentials credentials;
    private final long id;
    private final List<String> knownModels;
    private final Consumer<Endpoint> saved;
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<EndpointKind> kind = new SimpleObjectProperty<>(EndpointKind.OPENAI);
    private final StringProperty baseUrl = new SimpleStringProperty("");
    private final StringProperty modelDir = new SimpleStringProperty("");
    private final ObjectProperty<KeySource> keySource = new SimpleObjectProperty<>(KeySource.NONE);
    private final StringProperty envVariable = new SimpleStringProperty("");
    private final StringProperty credentialName = new SimpleStringProperty("");
    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty maxConcurrency = new SimpleStringProperty("8");
    private final StringProperty requestsPerMinute = new SimpleStringProperty("");
    private final StringProperty tokensPerMinute = new SimpleStringProperty("");
    private final StringProperty priceIn = new SimpleStringProperty("0");
    private final StringProperty priceOut = new SimpleStringProperty("0");
    private final StringProperty group = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final StringBinding storedKey;

    private EndpointFormViewModel(EndpointStore store, Credentials credentials, Endpoint initial,
            List<String> knownModels, Consumer<Endpoint> saved) {
        this.store = store;
        this.credentials = credentials;
        this.id = initial == null ? 0 : initial.id();
        this.knownModels = List.copyOf(knownModels);
        this.saved = saved;
        if (initial != null) {
            fill(initial);
        }
        storedKey = Bindings.createStringBinding(this::describeStoredKey, keySource, credentialName, name);
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
        String ref = e.keyRef();
        if (ref.startsWith(KeyRef.Scheme.ENV.prefix())) {
            keySource.set(KeySource.ENVIRONMENT);
            envVariable.set(ref.substring(KeyRef.Scheme.ENV.prefix().length()));
        } else if (ref.startsWith(KeyRef.Scheme.CRED.prefix())) {
            keySource.set(KeySource.CREDENTIALS);
            credentialName.set(ref.substring(KeyRef.Scheme.CRED.prefix().length()));
        }
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

    public ObjectProperty<KeySource> keySourceProperty() {
        return keySource;
    }

    /** The environment variable holding the key (without {@code env:}). */
    public StringProperty envVariableProperty() {
        return envVariable;
    }

    /** The entry of the credentials file; empty means one named after the endpoint. */
    public StringProperty credentialNameProperty() {
        return credentialName;
    }

    /** The key typed by the user, to be written to the credentials file; cleared once saved. */
    public StringProperty keyProperty() {
        return key;
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

    /** For a credentials-file key: the stored key, masked, or that there is none yet. */
    public StringBinding storedKeyProperty() {
        return storedKey;
    }

    /** The credentials entry the key goes to: the one typed, else one named after the endpoint. */
    public String effectiveCredentialName() {
        String typed = stripPrefix(credentialName.get(), KeyRef.Scheme.CRED);
        if (!typed.isEmpty()) {
            return typed;
        }
        String derived = name.get().strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-")
                .replaceAll("^[-.]+|-+$", "");
        return derived.isEmpty() ? "" : derived.substring(0, Math.min(derived.length(), 64));
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
        }
        FormChecks.positiveInt(maxConcurrency.get(), "Max concurrency", false).ifPresent(problems::add);
        FormChecks.positiveInt(requestsPerMinute.get(), "Requests per minute", true).ifPresent(problems::add);
        FormChecks.positiveInt(tokensPerMinute.get(), "Tokens per minute", true).ifPresent(problems::add);
        FormChecks.price(priceIn.get(), "The input price").ifPresent(problems::add);
        FormChecks.price(priceOut.get(), "The output price").ifPresent(problems::add);
        keyProblem().ifPresent(problems::add);
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
            String keyRef = keyRef();
            if (keySource.get() == KeySource.CREDENTIALS && !key.get().isBlank()) {
                credentials.put(effectiveCredentialName(), Secret.of(key.get().strip()));
            }
            Endpoint endpoint = new Endpoint(id, name.get().strip(), kind.get(),
                    kind.get() == EndpointKind.OPENAI ? baseUrl.get().strip() : "",
                    kind.get() == EndpointKind.LOCAL ? modelDir.get().strip() : "", keyRef,
                    Integer.parseInt(maxConcurrency.get().strip()), optionalInt(requestsPerMinute.get()),
                    optionalInt(tokensPerMinute.get()), FormChecks.parse(priceIn.get()),
                    FormChecks.parse(priceOut.get()), group.get().strip());
            Endpoint stored = isNew() ? store.add(endpoint) : store.update(endpoint);
            key.set("");
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

    private Optional<String> keyProblem() {
        switch (keySource.get()) {
            case ENVIRONMENT -> {
                String variable = stripPrefix(envVariable.get(), KeyRef.Scheme.ENV);
                if (variable.isEmpty()) {
                    return Optional.of("Enter the environment variable that holds the key, e.g. OPENAI_API_KEY");
                }
                return refProblem(KeyRef.Scheme.ENV.prefix() + variable);
            }
            case CREDENTIALS -> {
                String entry = effectiveCredentialName();
                if (entry.isEmpty()) {
                    return Optional.of("Enter a name for the entry of your credentials file");
                }
                Optional<String> bad = refProblem(KeyRef.Scheme.CRED.prefix() + entry);
                if (bad.isPresent() || !key.get().isBlank()) {
                    return bad;
                }
                return storedSecret(entry).isPresent() ? Optional.empty()
                        : Optional.of("Enter the API key to store in your credentials file");
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static Optional<String> refProblem(String ref) {
        try {
            KeyRef.parse(ref);
            return Optional.empty();
        } catch (IllegalArgumentException bad) {
            return Optional.of(bad.getMessage()); // never repeats the text, which may be a pasted key
        }
    }

    private String keyRef() {
        return switch (keySource.get()) {
            case NONE -> "";
            case ENVIRONMENT -> KeyRef.Scheme.ENV.prefix() + stripPrefix(envVariable.get(), KeyRef.Scheme.ENV);
            case CREDENTIALS -> KeyRef.Scheme.CRED.prefix() + effectiveCredentialName();
        };
    }

    private Optional<Secret> storedSecret(String entry) {
        try {
            return credentials.get(entry);
        } catch (SecretException e) {
            return Optional.empty();
        }
    }

    private String describeStoredKey() {
        if (keySource.get() != KeySource.CREDENTIALS) {
            return "";
        }
        String entry = effectiveCredentialName();
        if (entry.isEmpty() || refProblem(KeyRef.Scheme.CRED.prefix() + entry).isPresent()) {
            return "";
        }
        try {
            return credentials.get(entry)
                    .map(secret -> "Stored key " + entry + ": " + secret.masked() + "; leave the field empty to keep it")
                    .orElse("The key will be stored as " + entry + " in " + credentials.file().getFileName()
                            + ", never in the project");
        } catch (SecretException e) {
            return e.getMessage();
        }
    }

    private static String stripPrefix(String text, KeyRef.Scheme scheme) {
        String t = text == null ? "" : text.strip();
        return t.regionMatches(true, 0, scheme.prefix(), 0, scheme.prefix().length())
                ? t.substring(scheme.prefix().length()).strip() : t;
    }

    private static OptionalInt optionalInt(String text) {
        return text.isBlank() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(text.strip()));
    }

    public void dispose() {
        storedKey.dispose();
        key.set("");
    }
}
