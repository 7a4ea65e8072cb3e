package dev.lakebench.app.cli;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Table names as SQL spells them: a name printed for a person is quoted when SQL would not read it back as
 * written (upper case, punctuation, a reserved word), so that it can be pasted into a query or given to a
 * command as it is; and a command that takes a table name takes the quoted spelling too.
 */
final class SqlNames {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    /** PostgreSQL's reserved words (those that cannot name a table, or only in some places). */
    private static final Set<String> RESERVED = Set.of(
            "all",
            "analyse",
            "analyze",
            "and",
            "any",
            "array",
            "as",
            "asc",
            "asymmetric",
            "authorization",
            "binary",
            "both",
            "case",
            "cast",
            "check",
            "collate",
            "collation",
            "column",
            "concurrently",
            "constraint",
            "create",
            "cross",
            "current_catalog",
            "current_date",
            "current_role",
            "current_schema",
            "current_time",
            "current_timestamp",
            "current_user",
            "default",
            "deferrable",
            "desc",
            "distinct",
            "do",
            "else",
            "end",
            "except",
            "false",
            "fetch",
            "for",
            "foreign",
            "freeze",
            "from",
            "full",
            "grant",
            "group",
            "having",
            "ilike",
            "in",
            "initially",
            "inner",
            "intersect",
            "into",
            "is",
            "isnull",
            "join",
            "lateral",
            "leading",
            "left",
            "like",
            "limit",
            "localtime",
            "localtimestamp",
            "natural",
            "not",
            "notnull",
            "null",
            "offset",
            "on",
            "only",
            "or",
            "order",
            "outer",
            "overlaps",
            "placing",
            "primary",
            "references",
            "returning",
            "right",
            "select",
            "session_user",
            "similar",
            "some",
            "symmetric",
            "system_user",
            "table",
            "tablesample",
            "then",
            "to",
            "trailing",
            "true",
            "union",
            "unique",
            "user",
            "using",
            "variadic",
            "verbose",
            "when",
            "where",
            "window",
            "with");

    private SqlNames() {}

    /** {@code name} as SQL reads it back: unchanged when plain, else in double quotes ({@code "a,b"}). */
    static String quoted(String name) {
        if (PLAIN.matcher(name).matches() && !RESERVED.contains(name)) {
            return name;
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A table name as given on the command line: {@code "a,b"} (quoted as SQL writes it) is the name a,b. */
    static String unquoted(String given) {
        if (given != null && given.length() >= 2 && given.startsWith("\"") && given.endsWith("\"")) {
            return given.substring(1, given.length() - 1).replace("\"\"", "\"");
        }
        return given;
    }
}
