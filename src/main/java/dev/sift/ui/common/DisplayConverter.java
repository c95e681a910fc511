package dev.sift.ui.common;

import java.util.function.Function;
import javafx.util.StringConverter;

/** A converter for choice boxes and combo boxes that only shows values: each as its label, nothing parsed back. */
public final class DisplayConverter {

    private DisplayConverter() {}

    /** Shows each value as {@code label.apply(value)}, and null as the empty string. */
    public static <T> StringConverter<T> of(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
