package dev.sift.core.config;

/**
 * A secret could not be found, read or stored. The message is safe to show and log: it names the key
 * reference, variable, entry or file, and never contains a secret value.
 */
public class SecretException extends Exception {

    public SecretException(String message) {
        super(message);
    }

    public SecretException(String message, Throwable cause) {
        super(message, cause);
    }
}
