package dev.lakebench.core.ingest.formats;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Column names made from dataset feature names: letters, digits and underscores, unique ignoring case. */
final class ColumnNames {

    private final Set<String> taken = new HashSet<>();

    static String sanitize(String raw) {
        String s = raw.replaceAll("[^A-Za-z0-9_]", "_");
        return s.isEmpty() ? "_" : s;
    }

    /** The sanitized name, suffixed with _2, _3, ... when an earlier column already has it. */
    String unique(String raw) {
        String base = sanitize(raw);
        String name = base;
        for (int i = 2; !taken.add(name.toLowerCase(Locale.ROOT)); i++) {
            name = base + "_" + i;
        }
        return name;
    }
}
