package dev.lakebench.core.sql;

import dev.lakebench.core.schema.Column;
import java.util.List;

/**
 * How a value is assigned to a character varying(n) or character(n) column, as PostgreSQL assigns it: a value
 * longer than n is refused ({@code value too long for type character varying(n)}) unless what is beyond n is
 * spaces, which are cut. A character(n) value is stored without its trailing spaces: they are padding in
 * PostgreSQL, which comparisons, length() and casts to text do not see. The engine's text has no length, so the
 * check is a macro around the value, expanded in place by the engine: a volatile value ({@code random()}) is
 * evaluated for the check and again for what is stored.
 */
public final class CharacterWrites {

    private static final String TEXT = "CAST(v AS VARCHAR)";

    /** Macros created once per workspace, next to {@link VectorWrites#MACROS}. */
    public static final List<String> MACROS = List.of(
            "CREATE OR REPLACE MACRO lb_meta.lb_varchar(v, n) AS " + checked("", "character varying"),
            "CREATE OR REPLACE MACRO lb_meta.lb_char(v, n) AS "
                    + checked(" AND NOT ends_with(" + TEXT + ", ' ')", "character"));

    private CharacterWrites() {}

    /**
     * A value that fits is kept as it is (the byte length, known without reading the text, settles most); only a
     * longer one is read again. A character(n) value also loses its trailing spaces.
     */
    private static String checked(String keptIf, String type) {
        String cutValue = "left(" + TEXT + ", n)";
        return "CASE WHEN v IS NULL OR (strlen(" + TEXT + ") <= n OR length(" + TEXT + ") <= n)" + keptIf + " THEN "
                + TEXT + " WHEN rtrim(substr(" + TEXT + ", n + 1), ' ') = '' THEN "
                + (keptIf.isEmpty() ? cutValue : "rtrim(" + cutValue + ", ' ')")
                + " ELSE error('value too long for type "
                + type + "(' || n || ')') END";
    }

    /** True when writes to {@code c} are checked (a declared length). */
    static boolean checks(Column c) {
        return c.maxLength() > 0;
    }

    /**
     * {@code valueSql} (a value written, or a column default) as column {@code c} stores it: unchanged for a
     * column without a declared length.
     */
    public static String assign(Column c, String valueSql) {
        return checks(c) ? open(c) + valueSql + close(c) : valueSql;
    }

    /** The text before a value assigned to {@code c} (which {@link #checks}). */
    static String open(Column c) {
        return (c.isBlankPadded() ? "lb_meta.lb_char((" : "lb_meta.lb_varchar((");
    }

    /** The text after a value assigned to {@code c} (which {@link #checks}). */
    static String close(Column c) {
        return "), " + c.maxLength() + ")";
    }
}
