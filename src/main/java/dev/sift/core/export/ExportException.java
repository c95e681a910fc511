package dev.sift.core.export;

/** An export could not be written. The message is safe to show to a user. */
public class ExportException extends Exception {
    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
