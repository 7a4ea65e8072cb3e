package dev.lakebench.app;

import java.util.Locale;
import java.util.function.Function;

/** Whether a window can be shown: on Linux and the BSDs that needs an X or Wayland display. */
final class Display {

    static final String NO_DISPLAY = "no display: use a command (lakebench --help)";

    private Display() {}

    static boolean available(Function<String, String> env) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        return !blank(env.apply("DISPLAY")) || !blank(env.apply("WAYLAND_DISPLAY"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
