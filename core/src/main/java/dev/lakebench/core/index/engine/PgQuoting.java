package dev.lakebench.core.index.engine;

import java.util.Set;

/**
 * PostgreSQL's quoting of text for SQL: {@code quote_ident} (double quotes unless the name is a lower-case
 * identifier that is no keyword, as PostgreSQL would read it back unchanged), {@code quote_literal} (single quotes
 * doubled; with a backslash, PostgreSQL's {@code E'..'} form with backslashes doubled), and {@code initcap}.
 */
final class PgQuoting {

    /** PostgreSQL's keywords that are not unreserved: a name spelled as one of them must be quoted. */
    private static final Set<String> KEYWORDS = Set.of(
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
            "between",
            "bigint",
            "binary",
            "bit",
            "boolean",
            "both",
            "case",
            "cast",
            "char",
            "character",
            "check",
            "coalesce",
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
            "dec",
            "decimal",
            "default",
            "deferrable",
            "desc",
            "distinct",
            "do",
            "else",
            "end",
            "except",
            "exists",
            "extract",
            "false",
            "fetch",
            "float",
            "for",
            "foreign",
            "freeze",
            "from",
            "full",
            "grant",
            "greatest",
            "group",
            "grouping",
            "having",
            "ilike",
            "in",
            "initially",
            "inner",
            "inout",
            "int",
            "integer",
            "intersect",
            "interval",
            "into",
            "is",
            "isnull",
            "join",
            "lateral",
            "leading",
            "least",
            "left",
            "like",
            "limit",
            "localtime",
            "localtimestamp",
            "national",
            "natural",
            "nchar",
            "none",
            "normalize",
            "not",
            "notnull",
            "null",
            "nullif",
            "numeric",
            "offset",
            "on",
            "only",
            "or",
            "order",
            "out",
            "outer",
            "overlaps",
            "overlay",
            "placing",
            "position",
            "precision",
            "primary",
            "real",
            "references",
            "returning",
            "right",
            "row",
            "select",
            "session_user",
            "setof",
            "similar",
            "smallint",
            "some",
            "substring",
            "symmetric",
            "table",
            "tablesample",
            "then",
            "time",
            "timestamp",
            "to",
            "trailing",
            "treat",
            "trim",
            "true",
            "union",
            "unique",
            "user",
            "using",
            "values",
            "varchar",
            "variadic",
            "verbose",
            "when",
            "where",
            "window",
            "with");

    private PgQuoting() {}

    static String ident(String name) {
        boolean plain = !name.isEmpty()
                && (Character.isLowerCase(name.charAt(0)) || name.charAt(0) == '_')
                && name.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$')
                && name.chars().allMatch(c -> c < 128)
                && !KEYWORDS.contains(name);
        return plain ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String literal(String text) {
        String quoted = "'" + text.replace("'", "''").replace("\\", "\\\\") + "'";
        return text.indexOf('\\') >= 0 ? "E" + quoted : quoted;
    }

    /** The first letter of each word upper-case, the others lower-case; words are runs of letters and digits. */
    static String initcap(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            sb.appendCodePoint(inWord ? Character.toLowerCase(c) : Character.toUpperCase(c));
            inWord = Character.isLetterOrDigit(c);
            i += Character.charCount(c);
        }
        return sb.toString();
    }
}
