package dev.sift.core.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns an endpoint's key reference into the key. Projects store only references, never keys:
 * {@code env:NAME} reads the environment variable NAME, {@code cred:NAME} the entry NAME of the
 * user's {@link Credentials} file. An empty reference means the endpoint needs no key.
 *
 * <p>Threading: thread-safe (the environment map is copied; the credentials file is read on each
 * call, so edits take effect without a restart). Blocking: {@code cred:} references read a small file.
 */
public final class SecretResolver {

    public static final String ENV = "env:";
    public static final String CRED = "cred:";

    private static final int MAX_NAME = 64;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern REF_LIKE = Pattern.compile("[a-z]{1,10}:[A-Za-z0-9_.-]{1,64}");

    private final Map<String, String> environment;
    private final Credentials credentials;

    /**
     * @param environment variables to resolve {@code env:} references from; {@link System#getenv()}
     *     in production, a plain map in tests
     */
    public SecretResolver(Map<String, String> environment, Credentials credentials) {
        this.environment = Map.copyOf(environment);
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /** The process environment and the credentials file at its default location. */
    public static SecretResolver system() {
        return new SecretResolver(System.getenv(), Credentials.atDefaultLocation());
    }

    /**
     * The key a reference points to; empty for an empty reference (no key needed).
     *
     * @throws SecretException naming the reference when it is malformed, the variable is not set, the
     *     entry is missing, or the credentials file cannot be read or is open to other users
     */
    public Optional<Secret> resolve(String keyRef) throws SecretException {
        Objects.requireNonNull(keyRef, "keyRef");
        String ref = keyRef.strip();
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        if (ref.startsWith(ENV)) {
            String name = name(ref, ENV);
            String value = environment.get(name);
            if (value == null || value.isBlank()) {
                throw new SecretException("environment variable " + name + " (key reference " + ref + ") is not set");
            }
            return Optional.of(Secret.of(value.strip()));
        }
        if (ref.startsWith(CRED)) {
            String name = name(ref, CRED);
            Optional<Secret> secret = credentials.get(name);
            if (secret.isEmpty()) {
                throw new SecretException("no entry " + name + " in the credentials file " + credentials.file()
                        + " (key reference " + ref + "); add a line " + name + "=<key> to it");
            }
            return secret;
        }
        throw new SecretException(unknown(ref));
    }

    /** Like {@link #resolve} but a key is required: an empty reference is an error too. */
    public Secret require(String keyRef, String forWhat) throws SecretException {
        return resolve(keyRef).orElseThrow(() -> new SecretException(forWhat + " needs a key, but no key reference"
                + " is set; use env:NAME or cred:NAME"));
    }

    private static String name(String ref, String scheme) throws SecretException {
        String name = ref.substring(scheme.length());
        if (name.length() > MAX_NAME) {
            throw new SecretException("key reference " + scheme + "… has a name of " + name.length()
                    + " characters (not shown in case it is a key itself); names are at most " + MAX_NAME);
        }
        if (!NAME.matcher(name).matches()) {
            throw new SecretException("malformed key reference " + (REF_LIKE.matcher(ref).matches() ? ref : scheme + "…")
                    + ": after " + scheme + " comes a name of letters, digits, '_', '.' or '-'");
        }
        return name;
    }

    /** A reference that may be a key pasted in by mistake is not echoed. */
    private static String unknown(String ref) {
        String shown = REF_LIKE.matcher(ref).matches()
                ? ref
                : "(" + ref.length() + " characters, not shown in case it is a key itself)";
        return "unknown key reference " + shown + ": use env:NAME for an environment variable or cred:NAME for an"
                + " entry of the credentials file; never the key itself";
    }
}
