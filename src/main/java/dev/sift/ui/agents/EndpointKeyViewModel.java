package dev.sift.ui.agents;

import dev.sift.core.config.Credentials;
import dev.sift.core.config.Secret;
import dev.sift.core.config.SecretException;
import dev.sift.core.store.KeyRef;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;

/**
 * The API-key part of the endpoint form: no key, an environment variable ({@code env:NAME}), or a key
 * typed here and stored in the user's credentials file ({@code cred:NAME}). The project only ever
 * receives the reference; a stored key is only ever shown masked.
 */
public final class EndpointKeyViewModel {

    private final Credentials credentials;
    private final ObservableStringValue endpointName;
    private final ObjectProperty<KeySource> source = new SimpleObjectProperty<>(KeySource.NONE);
    private final StringProperty envVariable = new SimpleStringProperty("");
    private final StringProperty credentialName = new SimpleStringProperty("");
    private final StringProperty key = new SimpleStringProperty("");
    private final StringBinding storedKey;

    /** @param endpointName the endpoint's name, after which the credentials entry is named by default */
    EndpointKeyViewModel(Credentials credentials, ObservableStringValue endpointName, String keyRef) {
        this.credentials = credentials;
        this.endpointName = endpointName;
        if (keyRef.startsWith(KeyRef.Scheme.ENV.prefix())) {
            source.set(KeySource.ENVIRONMENT);
            envVariable.set(keyRef.substring(KeyRef.Scheme.ENV.prefix().length()));
        } else if (keyRef.startsWith(KeyRef.Scheme.CRED.prefix())) {
            source.set(KeySource.CREDENTIALS);
            credentialName.set(keyRef.substring(KeyRef.Scheme.CRED.prefix().length()));
        }
        storedKey = Bindings.createStringBinding(this::describeStoredKey, source, credentialName, endpointName);
    }

    public ObjectProperty<KeySource> keySourceProperty() {
        return source;
    }

    /** The environment variable holding the key (a leading {@code env:} is ignored). */
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

    /** For a credentials-file key: the stored key, masked, or where a typed key will go. */
    public StringBinding storedKeyProperty() {
        return storedKey;
    }

    /** The credentials entry the key goes to: the one typed, else one named after the endpoint. */
    public String effectiveCredentialName() {
        String typed = stripPrefix(credentialName.get(), KeyRef.Scheme.CRED);
        if (!typed.isEmpty()) {
            return typed;
        }
        String derived = endpointName.get().strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-")
                .replaceAll("^[-.]+|-+$", "");
        return derived.substring(0, Math.min(derived.length(), 64));
    }

    /** What is wrong with the key settings, if anything. Reads the credentials file. */
    Optional<String> problem() {
        switch (source.get()) {
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
                return stored(entry).isPresent() ? Optional.empty()
                        : Optional.of("Enter the API key to store in your credentials file");
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** Writes a typed key to the credentials file (nothing when none was typed) and returns the reference to store. */
    String storeKey() throws SecretException {
        return switch (source.get()) {
            case NONE -> "";
            case ENVIRONMENT -> KeyRef.Scheme.ENV.prefix() + stripPrefix(envVariable.get(), KeyRef.Scheme.ENV);
            case CREDENTIALS -> {
                if (!key.get().isBlank()) {
                    credentials.put(effectiveCredentialName(), Secret.of(key.get().strip()));
                }
                yield KeyRef.Scheme.CRED.prefix() + effectiveCredentialName();
            }
        };
    }

    private static Optional<String> refProblem(String ref) {
        try {
            KeyRef.parse(ref);
            return Optional.empty();
        } catch (IllegalArgumentException bad) {
            return Optional.of(bad.getMessage()); // never repeats the text, which may be a pasted key
        }
    }

    private Optional<Secret> stored(String entry) {
        try {
            return credentials.get(entry);
        } catch (SecretException e) {
            return Optional.empty();
        }
    }

    private String describeStoredKey() {
        String entry = effectiveCredentialName();
        if (source.get() != KeySource.CREDENTIALS || entry.isEmpty()
                || refProblem(KeyRef.Scheme.CRED.prefix() + entry).isPresent()) {
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

    void dispose() {
        storedKey.dispose();
        key.set("");
    }
}
