import java.io.File;
import javafx.css.Stylesheet;

/**
 * Build step: writes the binary form ({@code .bss}) of each given stylesheet beside it. JavaFX loads a
 * {@code name.bss} found beside a {@code name.css} instead of parsing the text, which cost the workbench's first
 * frame most of a second of CPU. Run by the app build as a source file:
 * {@code java -cp JAVAFX_JARS BinaryStylesheets A.css B.css ...}.
 */
public final class BinaryStylesheets {

    private BinaryStylesheets() {}

    public static void main(String[] args) throws Exception {
        for (String name : args) {
            File css = new File(name);
            if (!name.endsWith(".css") || !css.isFile()) {
                throw new IllegalArgumentException("not a stylesheet: " + name);
            }
            Stylesheet.convertToBinary(css, new File(name.substring(0, name.length() - 4) + ".bss"));
        }
    }
}
