package dev.sift.ui;

import java.net.URL;
import javafx.application.Application;

/**
 * Switches the AtlantaFX Primer user-agent stylesheet; {@code sift.css} follows through its colour
 * tokens. The stylesheets are loaded by resource path rather than through AtlantaFX's theme classes:
 * atlantafx-base 2.1.0 is compiled for Java 21, and the project's baseline is Java 17, so its
 * classes must not be loaded (its CSS resources are version-independent).
 */
final class Themes {

    static final String LIGHT = "/atlantafx/base/theme/primer-light.css";
    static final String DARK = "/atlantafx/base/theme/primer-dark.css";

    private Themes() {}

    static void apply(boolean dark) {
        URL css = Themes.class.getResource(dark ? DARK : LIGHT);
        if (css != null) {
            Application.setUserAgentStylesheet(css.toExternalForm());
        }
    }
}
