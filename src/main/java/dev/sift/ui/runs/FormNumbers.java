package dev.sift.ui.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** Numbers typed into a launch form, written into its configuration JSON. */
final class FormNumbers {

    private FormNumbers() {}

    /**
     * Puts {@code text} as a whole number or a decimal when it is one, else as the text itself, so the configuration's
     * validation names the field ("must be a whole number").
     */
    static void put(ObjectNode root, String field, String text) {
        String value = text == null ? "" : text.trim();
        try {
            BigDecimal n = new BigDecimal(value);
            if (n.scale() <= 0 && n.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                root.put(field, n.intValueExact());
            } else if (n.scale() <= 0) {
                root.put(field, n.longValue());
            } else {
                root.put(field, n.doubleValue());
            }
        } catch (NumberFormatException | ArithmeticException e) {
            root.put(field, value);
        }
    }
}
