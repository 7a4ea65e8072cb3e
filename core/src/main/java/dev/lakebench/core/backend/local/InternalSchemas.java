package dev.lakebench.core.backend.local;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.sql.SqlStatement;
import dev.lakebench.core.sql.Token;
import dev.lakebench.core.store.TableDef;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps the workspace's internal schemas read-only to user SQL: the catalog ({@code lb_meta}) and the stored
 * rows behind the table views ({@code lb_data}) change only through Lakebench, which keeps them consistent
 * with the vector logs and indexes. A statement that names one of them may only read.
 */
final class InternalSchemas {

    private static final Set<String> INTERNAL = Set.of(TableDef.META_SCHEMA, TableDef.DATA_SCHEMA);
    private static final Set<String> WRITES = Set.of(
            "INSERT",
            "UPDATE",
            "DELETE",
            "MERGE",
            "COPY",
            "CREATE",
            "DROP",
            "ALTER",
            "TRUNCATE",
            "ATTACH",
            "DETACH",
            "USE",
            "COMMENT",
            "IMPORT",
            "EXPORT",
            "VACUUM",
            "CHECKPOINT",
            "LOAD");

    private InternalSchemas() {}

    /** Throws a QueryError when {@code st} would change an internal schema. */
    static void checkWritable(SqlStatement st) {
        String named = null;
        boolean writes = st.kind() != SqlStatement.Kind.SELECT;
        for (Token t : st.significant()) {
            if (t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.QUOTED_IDENTIFIER) {
                String id = t.identifier().toLowerCase(Locale.ROOT);
                if (INTERNAL.contains(id)) {
                    named = id;
                }
                writes |= t.kind() == Token.Kind.WORD && WRITES.contains(t.upper());
            }
        }
        if (named != null && writes) {
            throw new QueryError(
                    ErrorCode.QUERY_INVALID,
                    "Schema " + named + " belongs to Lakebench and is read-only to SQL",
                    "Change tables through their names (INSERT, UPDATE, DELETE, DROP TABLE t) or ingest; "
                            + "SELECT from " + named + " to inspect it");
        }
    }
}
