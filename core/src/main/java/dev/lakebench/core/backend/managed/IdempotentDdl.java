package dev.lakebench.core.backend.managed;

import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.sql.SqlStatement;
import dev.lakebench.core.sql.Token;
import java.util.List;
import java.util.Locale;

/**
 * The service answers {@code CREATE INDEX IF NOT EXISTS} on an existing index and {@code ADD COLUMN IF NOT EXISTS}
 * on an existing column with an "already exists" error (status 500) where PostgreSQL would do nothing. Statements
 * that asked for IF NOT EXISTS get the no-op they asked for.
 */
final class IdempotentDdl {

    private IdempotentDdl() {}

    static boolean alreadyExists(ManagedServiceError e) {
        return e.problem().toLowerCase(Locale.ROOT).contains("already exists");
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
