package dev.lakebench.core.sql;

import java.util.Locale;
import java.util.Set;

/** Words that end or structure an expression rather than name something. */
final class Keywords {

    private Keywords() {}

    /** Words that cannot start or continue an operand: clause keywords, logical and predicate keywords. */
    private static final Set<String> RESERVED = Set.of(
            "SELECT",
            "FROM",
            "WHERE",
            "GROUP",
            "BY",
            "HAVING",
            "ORDER",
            "LIMIT",
            "OFFSET",
            "FETCH",
            "UNION",
            "INTERSECT",
            "EXCEPT",
            "ALL",
            "DISTINCT",
            "ON",
            "USING",
            "JOIN",
            "INNER",
            "LEFT",
            "RIGHT",
            "FULL",
            "OUTER",
            "CROSS",
            "NATURAL",
            "LATERAL",
            "POSITIONAL",
            "ASOF",
            "ANTI",
            "SEMI",
            "AS",
            "AND",
            "OR",
            "NOT",
            "IS",
            "IN",
            "LIKE",
            "ILIKE",
            "SIMILAR",
            "GLOB",
            "BETWEEN",
            "WHEN",
            "THEN",
            "ELSE",
            "END",
            "ASC",
            "DESC",
            "NULLS",
            "WITH",
            "RECURSIVE",
            "VALUES",
            "SET",
            "INTO",
            "RETURNING",
            "QUALIFY",
            "WINDOW",
            "OVER",
            "PARTITION",
            "FILTER",
            "ESCAPE",
            "COLLATE",
            "ISNULL",
            "NOTNULL",
            "EXCLUDE",
            "REPLACE",
            "RENAME",
            "DO",
            "CONFLICT",
            "DEFAULT",
            "TO",
            "SAMPLE",
            "TABLESAMPLE",
            "PIVOT",
            "UNPIVOT",
            "ROWS",
            "RANGE",
            "GROUPS",
            "PRECEDING",
            "FOLLOWING",
            "UNBOUNDED",
            "CURRENT",
            "FOR",
            "INSERT",
            "UPDATE",
            "DELETE",
            "CREATE",
            "DROP",
            "ALTER",
            "TABLE",
            "INDEX");

    static boolean isReserved(Token t) {
        return t.kind() == Token.Kind.WORD && RESERVED.contains(t.upper());
    }

    static boolean isReserved(String word) {
        return RESERVED.contains(word.toUpperCase(Locale.ROOT));
    }

    /** Words that may follow the first word of a multi-word type name. */
    static final Set<String> TYPE_CONTINUATIONS =
            Set.of("PRECISION", "VARYING", "WITH", "WITHOUT", "TIME", "ZONE", "LOCAL");

    /** Statement keywords that begin a query inside parentheses. */
    static boolean startsQuery(Token t) {
        return t.isWord("SELECT")
                || t.isWord("WITH")
                || t.isWord("VALUES")
                || t.isWord("FROM")
                || t.isWord("TABLE")
                || t.isWord("SUMMARIZE")
                || t.isWord("DESCRIBE")
                || t.isWord("PIVOT")
                || t.isWord("UNPIVOT");
    }
}
