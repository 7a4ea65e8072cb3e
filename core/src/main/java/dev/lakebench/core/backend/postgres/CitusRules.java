package dev.lakebench.core.backend.postgres;

import dev.lakebench.core.sql.SqlLexer;
import dev.lakebench.core.sql.Token;
import dev.lakebench.core.store.Identifiers;
import java.util.ArrayList;
import java.util.List;

/**
 * What a statement needs to run the same on Citus as on a single server, and the per-query search settings:
 * <ul>
 *   <li>every {@code $N} carries an explicit cast from its value's type ({@code $1::real[]}): Citus plans a
 *       distributed query before binding, and untyped parameters fail there;</li>
 *   <li>search effort ({@code hnsw.ef_search}) is set with {@code SET LOCAL} in the query's own transaction, with
 *       {@code citus.propagate_set_commands = 'local'} so the workers see it: a session {@code SET} stays on the
 *       coordinator;</li>
 *   <li>tables are distributed with {@code create_distributed_table} on a key the user chooses (default
 *       {@code id}); Citus routes COPY rows to the shards itself.</li>
 * </ul>
 */
final class CitusRules {

    /** pgvector's cap on ef_search. */
    static final int MAX_EF_SEARCH = 1000;
    /** pgvector's default ef_search: below it, an HNSW scan returns fewer candidates than asked. */
    static final int MIN_EF_SEARCH = 40;

    private CitusRules() {}

    /** The statement with a cast after every bare {@code $N}, typed from the bound value. */
    static String castParameters(String sql, List<Object> params) {
        List<Token> tokens = SqlLexer.tokenize(sql);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            sb.append(t.text());
            if (t.kind() == Token.Kind.PARAMETER && !castFollows(tokens, i + 1)) {
                int n = t.parameterIndex();
                String type = n >= 1 && n <= params.size() ? sqlType(params.get(n - 1)) : null;
                if (type != null) {
                    sb.append("::").append(type);
                }
            }
        }
        return sb.toString();
    }

    private static boolean castFollows(List<Token> tokens, int i) {
        while (i < tokens.size() && tokens.get(i).isTrivia()) {
            i++;
        }
        return i < tokens.size() && tokens.get(i).is("::");
    }

    /** The PostgreSQL type of a bound value, null when the server must infer it (a null). */
    static String sqlType(Object v) {
        return switch (v) {
            case null -> null;
            case Long l -> "bigint";
            case Integer n -> "integer";
            case Short n -> "smallint";
            case Double d -> "double precision";
            case Float f -> "real";
            case Boolean b -> "boolean";
            case String s -> "text";
            case byte[] b -> "bytea";
            case float[] f -> "real[]";
            case float[][] m -> "real[]";
            case double[] d -> "real[]";
            case List<?> l -> "real[]";
            default -> null;
        };
    }

    /** The statements that set search effort for one query, to run inside its transaction before it. */
    static List<String> searchEffort(int limit, boolean citus, boolean iterativeScan) {
        List<String> out = new ArrayList<>();
        if (citus) {
            out.add("SET LOCAL citus.propagate_set_commands = 'local'");
        }
        out.add("SET LOCAL hnsw.ef_search = " + Math.max(MIN_EF_SEARCH, Math.min(MAX_EF_SEARCH, limit)));
        if (iterativeScan) {
            // with a WHERE filter an HNSW scan keeps searching until LIMIT rows pass it (pgvector 0.8)
            out.add("SET LOCAL hnsw.iterative_scan = strict_order");
        }
        return out;
    }

    /** Distributes a table over the workers on {@code key} (null: {@code id}). */
    static String distributeSql(String schema, String table, String key) {
        String k = key == null || key.isBlank() ? "id" : key;
        return "SELECT create_distributed_table('"
                + (Identifiers.quote(schema) + "." + Identifiers.quote(table)).replace("'", "''") + "', '"
                + k.replace("'", "''") + "')";
    }
}
