package dev.lakebench.app.ui.ingest;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The table name the wizard proposes for dropped files: the dropped folder's name (the first folder when several
 * things were dropped; the common folder of several files; a single file's name without its extension), made a
 * valid table name: accents dropped, lower case, anything but letters, digits and '_' turned into '_', a leading
 * digit prefixed, at most 63 characters.
 */
final class TableNames {

    static final int MAX = 63;

    private TableNames() {}

    /** {@code isFolder} answers from what was already read (no file system access on the UI thread). */
    static String suggest(List<Path> dropped, Predicate<Path> isFolder) {
        if (dropped.isEmpty()) {
            return "files";
        }
        String base = null;
        for (Path p : dropped) {
            if (isFolder.test(p)) {
                base = name(p);
                break;
            }
        }
        if (base == null) {
            Path parent = dropped.get(0).getParent();
            boolean shared = dropped.size() > 1
                    && parent != null
                    && dropped.stream().allMatch(p -> parent.equals(p.getParent()));
            base = shared ? name(parent) : name(dropped.get(0)).replaceAll("\\.[^.]*$", "");
        }
        return sanitise(base);
    }

    private static String name(Path p) {
        Path n = p.getFileName();
        return n == null ? "files" : n.toString();
    }

    /** A valid table name made from any text. */
    static String sanitise(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String name = plain.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]+", "_")
                .replaceAll("_+", "_")
                .replaceAll("^_+|_+$", "");
        if (name.isEmpty()) {
            return "files";
        }
        if (!Character.isLetter(name.charAt(0))) {
            name = "files_" + name;
        }
        return name.length() > MAX ? name.substring(0, MAX).replaceAll("_+$", "") : name;
    }

    /** {@code name}, or {@code name_2}, {@code name_3}… when it is taken (compared without case). */
    static String unique(String name, Collection<String> taken) {
        String candidate = name;
        for (int i = 2; isTaken(candidate, taken); i++) {
            String suffix = "_" + i;
            candidate =
                    (name.length() + suffix.length() > MAX ? name.substring(0, MAX - suffix.length()) : name) + suffix;
        }
        return candidate;
    }

    private static boolean isTaken(String name, Collection<String> taken) {
        return taken.stream().anyMatch(t -> t.equalsIgnoreCase(name));
    }
}
