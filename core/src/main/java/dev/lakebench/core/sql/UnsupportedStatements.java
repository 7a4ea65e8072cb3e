package dev.lakebench.core.sql;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PostgreSQL statements the local engine does not run, refused before the engine sees them with what to write
 * instead; and {@code CREATE EXTENSION} of the dialect itself, which is built in and so does nothing.
 */
public final class UnsupportedStatements {

    private static final String PREPARED =
            "send the statement with its values bound to $1, $2 ... (client.query(sql, values), or lakebench query SQL"
                    + " --param JSON)";

    /** Leading words of statements that have no local meaning, with what to do instead. */
    private static final Map<String, String> STATEMENTS = Map.ofEntries(
            Map.entry("LISTEN", "poll the table instead; the local engine has no notification channels"),
            Map.entry("NOTIFY", "poll the table instead; the local engine has no notification channels"),
            Map.entry("UNLISTEN", "poll the table instead; the local engine has no notification channels"),
            Map.entry("GRANT", "the local workspace has one user: control access with the folder's permissions"),
            Map.entry("REVOKE", "the local workspace has one user: control access with the folder's permissions"),
            Map.entry(
                    "REINDEX",
                    "drop and create the index again (DROP INDEX name; CREATE INDEX ... USING deeplake_index)"),
            Map.entry("CLUSTER", "order rows in queries with ORDER BY"),
            Map.entry("LOCK", "writes to one table are serialised by Lakebench; remove the LOCK"),
            Map.entry("DO", "run the statements one by one, or from the Java SDK"),
            Map.entry("PREPARE", PREPARED),
            Map.entry("EXECUTE", PREPARED),
            Map.entry("DEALLOCATE", PREPARED));

    private static final List<String> BUILT_IN_EXTENSIONS = List.of("pg_deeplake", "deeplake", "vector", "plpgsql");

    private UnsupportedStatements() {}

    /** True when the statement does nothing locally (CREATE EXTENSION of the built-in dialect). */
    public static boolean isNoOp(SqlStatement st) {
        List<Token> sig = st.significant();
        int at = extensionName(sig);
        return at >= 0 && BUILT_IN_EXTENSIONS.contains(sig.get(at).identifier().toLowerCase(Locale.ROOT));
    }

    /** Throws when the statement is one the local engine does not run. */
    public static void check(SqlStatement st) {
        List<Token> sig = st.significant();
        if (sig.isEmpty()) {
            return;
        }
        String first = sig.get(0).upper();
        String instead = STATEMENTS.get(first);
        if (instead != null) {
            throw unsupported(first, instead);
        }
        int ext = extensionName(sig);
        if (ext >= 0 && !isNoOp(st)) {
            throw unsupported(
                    "CREATE EXTENSION " + sig.get(ext).identifier(),
                    "the local engine has no PostgreSQL extensions; pg_deeplake's search operators are built in");
        }
        if (first.equals("CREATE")) {
            for (int i = 1; i < Math.min(sig.size(), 4); i++) {
                String w = sig.get(i).upper();
                if (w.equals("FUNCTION")
                        || w.equals("PROCEDURE")
                        || w.equals("TRIGGER")
                        || w.equals("POLICY")
                        || w.equals("RULE")
                        || w.equals("PUBLICATION")
                        || w.equals("SUBSCRIPTION")
                        || w.equals("ROLE")
                        || w.equals("USER")
                        || w.equals("DOMAIN")
                        || w.equals("OPERATOR")) {
                    throw unsupported(
                            "CREATE " + w,
                            w.equals("FUNCTION") || w.equals("PROCEDURE")
                                    ? "write the expression in the query, or a macro: CREATE MACRO name(a) AS a * 2"
                                    : "do it in the application; the local engine keeps tables, views, sequences and indexes");
                }
            }
        }
    }

    /** Index of the extension name in {@code CREATE EXTENSION [IF NOT EXISTS] name}, or -1. */
    private static int extensionName(List<Token> sig) {
        if (sig.size() < 3 || !sig.get(0).isWord("CREATE") || !sig.get(1).isWord("EXTENSION")) {
            return -1;
        }
        int at = 2;
        if (at + 2 < sig.size()
                && sig.get(at).isWord("IF")
                && sig.get(at + 1).isWord("NOT")
                && sig.get(at + 2).isWord("EXISTS")) {
            at += 3;
        }
        return at < sig.size() && QualifiedName.isName(sig.get(at)) ? at : -1;
    }

    static QueryError unsupported(String construct, String instead) {
        return new QueryError(ErrorCode.QUERY_INVALID, construct + " is not supported by the local engine", instead);
    }
}
