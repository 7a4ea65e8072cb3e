package dev.lakebench.core.sql;

import dev.lakebench.core.schema.Column;
import java.util.List;

/**
 * How a value is assigned to a character varying(n) or character(n) column, as PostgreSQL assigns it: a value
 * longer than n is refused ({@code value too long for type character varying(n)}) unless what is beyond n is
 * spaces, which are cut. A character(n) value is stored without its trailing spaces: they are padding in
 * PostgreSQL, which comparisons, length() and casts to text do not see. The engine's text has no length, so the
 * check is a macro around the value, expanded in place by the engine, which names the value several times: a value
 * whose written form calls a volatile function ({@code nextval(..)::text}) goes through the {@code _once} form,
 * which computes it once and checks it in a lambda (slower, so not used for every value). A column default cannot
 * hold a lambda, so a volatile default is still computed for the check and again for the value.
 */
public final class CharacterWrites {

    private static final String TEXT = "CAST(v AS VARCHAR)";
    private static final String BLANK_PADDED = " AND NOT ends_with(%s, ' ')";

    /** Macros created once per workspace, next to {@link VectorWrites#MACROS}. */
    public static final List<String> MACROS = List.of(
            "CREATE OR REPLACE MACRO lb_meta.lb_varchar(v, n) AS " + checked("v", TEXT, "", "character varying"),
            "CREATE OR REPLACE MACRO lb_meta.lb_char(v, n) AS "
                    + checked("v", TEXT, BLANK_PADDED.formatted(TEXT), "character"),
            "CREATE OR REPLACE MACRO lb_meta.lb_varchar_once(v, n) AS "
                    + once(checked("x", "x", "", "character varying")),
            "CREATE OR REPLACE MACRO lb_meta.lb_char_once(v, n) AS "
                    + once(checked("x", "x", BLANK_PADDED.formatted("x"), "character")));

    private CharacterWrites() {}

    /**
     * A value that fits is kept as it is (the byte length, known without reading the text, settles most); only a
     * longer one is read again. A character(n) value also loses its trailing spaces.
     */
    private static String checked(String value, String text, String keptIf, String type) {
        String cutValue = "left(" + text + ", n)";
        return "CASE WHEN " + value + " IS NULL OR (strlen(" + text + ") <= n OR length(" + text + ") <= n)" + keptIf
                + " THEN " + text + " WHEN rtrim(substr(" + text + ", n + 1), ' ') = '' THEN "
                + (keptIf.isEmpty() ? cutValue : "rtrim(" + cutValue + ", ' ')")
                + " ELSE error('value too long for type "
                + type + "(' || n || ')') END";
    }

    /** {@code check} (over {@code x}) applied to the value's text computed once. */
    private static String once(String check) {
        return "list_transform([" + TEXT + "], lambda x: " + check + ")[1]";
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
        // a column default keeps the plain form: the engine refuses a lambda in DEFAULT
        return checks(c) ? open(c, false) + valueSql + close(c) : valueSql;
    }

    /**
     * The text before a value assigned to {@code c} (which {@link #checks}); {@code once} when the value must be
     * computed once (see {@link VolatileCalls}).
     */
    static String open(Column c, boolean once) {
        return (c.isBlankPadded() ? "lb_meta.lb_char" : "lb_meta.lb_varchar") + (once ? "_once((" : "((");
    }

    /** The text after a value assigned to {@code c} (which {@link #checks}). */
    static String close(Column c) {
        return "), " + c.maxLength() + ")";
    }
}
