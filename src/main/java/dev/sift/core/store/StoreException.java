package dev.sift.core.store;

/** A project file could not be read or written. The message is safe to show to a user. */
public class StoreException extends Exception {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
