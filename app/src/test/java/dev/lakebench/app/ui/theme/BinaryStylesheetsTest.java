package dev.lakebench.app.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Declaration;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/**
 * Every stylesheet of the themes comes with its binary form beside it (made by the build), which JavaFX loads
 * instead of parsing the text at start-up, and that form holds the same rules as the text.
 */
class BinaryStylesheetsTest {

    @Test
    void eachThemeStylesheetHasABinaryFormWithTheSameRules() throws Exception {
        for (Theme theme : Theme.values()) {
            for (String css : theme.stylesheets()) {
                assertThat(css).endsWith(".css");
                URL bss =
                        URI.create(css.substring(0, css.length() - 4) + ".bss").toURL();
                Stylesheet binary = Stylesheet.loadBinary(bss);
                assertThat(binary).as("binary form of " + css).isNotNull();
                Stylesheet text = new CssParser().parse(URI.create(css).toURL());
                assertThat(summary(binary.getRules())).as(css).isEqualTo(summary(text.getRules()));
                assertThat(text.getRules()).isNotEmpty();
            }
        }
    }

    /**
     * Each rule's selectors and its declarations' properties (a value's text differs between the two forms where it
     * holds an array, so values are left to JavaFX's own conversion).
     */
    private static List<String> summary(List<Rule> rules) {
        return rules.stream()
                .map(r -> r.getSelectors() + " { "
                        + r.getDeclarations().stream()
                                .map(BinaryStylesheetsTest::declaration)
                                .toList()
                        + " }")
                .toList();
    }

    private static String declaration(Declaration d) {
        return d.getProperty() + (d.isImportant() ? " !important" : "");
    }
}
