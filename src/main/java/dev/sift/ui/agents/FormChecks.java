package dev.sift.ui.agents;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Checks of form fields; each returns the message to show, or empty when the text is fine. */
final class FormChecks {

    private FormChecks() {}

    /** An http or https URL naming a host. */
    static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text == null ? "" : text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A whole number of at least 1; when {@code optional}, empty text means "no limit". */
    static Optional<String> positiveInt(String text, String what, boolean optional) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() && optional) {
            return Optional.empty();
        }
        try {
            if (Integer.parseInt(t) >= 1) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return Optional.of(what + " must be a whole number of at least 1" + (optional ? ", or empty for no limit" : ""));
    }

    /** A price per million tokens: a number of 0 or more; empty means 0. */
    static Optional<String> price(String text, String what) {
        try {
            double value = parse(text);
            if (value >= 0 && Double.isFinite(value)) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return Optional.of(what + " per million tokens must be a number of 0 or more");
    }

    /** A decimal number; a comma is read as the decimal point; empty is 0. */
    static double parse(String text) {
        String t = text == null ? "" : text.strip().replace(',', '.');
        return t.isEmpty() ? 0 : Double.parseDouble(t);
    }
}
