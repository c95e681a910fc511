package dev.sift.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/** The workbench's stylesheet parses without an error: a broken rule silently drops every rule after it. */
class StylesheetTest {

    @Test
    void siftCssHasNoParseErrors() throws Exception {
        CssParser.errorsProperty().clear();

        Stylesheet sheet = new CssParser().parse(getClass().getResource(SiftStyles.STYLESHEET));

        assertThat(CssParser.errorsProperty()).extracting(Object::toString).isEmpty();
        assertThat(sheet.getRules()).hasSizeGreaterThan(40);
    }
}
