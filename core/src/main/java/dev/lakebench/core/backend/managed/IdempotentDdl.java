package dev.lakebench.core.backend.managed;

import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.sql.SqlStatement;
import dev.lakebench.core.sql.Token;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The service answers {@code CREATE INDEX IF NOT EXISTS} on an existing index and {@code ADD COLUMN IF NOT EXISTS}
 * on an existing column with an "already exists" error (status 500) where PostgreSQL would do nothing, and a
 * concurrent creation of the same object fails with a duplicate key in the system catalog. Statements that asked
 * for IF NOT EXISTS get the no-op they asked for.
 */
final class IdempotentDdl {

    private IdempotentDdl() {}

    /**
     * Two sessions creating the same object at once: PostgreSQL lets the loser's IF NOT EXISTS through its check and
     * then fails it on the system catalog's unique index ({@code pg_type_typname_nsp_index},
     * {@code pg_class_relname_nsp_index}). The object exists all the same.
     */
    private static final Pattern CATALOG_RACE =
            Pattern.compile("duplicate key value violates unique constraint \"?pg_[a-z_]+_index");

    static boolean alreadyExists(ManagedServiceError e) {
        String p = e.problem().toLowerCase(Locale.ROOT);
        return p.contains("already exists") || CATALOG_RACE.matcher(p).find();
    }

    /** True when every statement said IF NOT EXISTS and the error says the object is already there. */
    static boolean alreadyDone(List<SqlStatement> statements, ManagedServiceError e) {
        return alreadyExists(e) && !statements.isEmpty() && statements.stream().allMatch(IdempotentDdl::ifNotExists);
    }

    private static boolean ifNotExists(SqlStatement st) {
        List<Token> sig = st.significant();
        for (int i = 0; i + 2 < sig.size(); i++) {
            if (sig.get(i).isWord("IF")
                    && sig.get(i + 1).isWord("NOT")
                    && sig.get(i + 2).isWord("EXISTS")) {
                return true;
            }
        }
        return false;
    }
}
