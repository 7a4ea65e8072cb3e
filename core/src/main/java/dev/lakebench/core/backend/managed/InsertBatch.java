package dev.lakebench.core.backend.managed;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.store.Identifiers;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One remote ingest batch as a single parameterised statement that is applied at most once:
 *
 * <pre>
 * WITH "_lb_batch" AS (INSERT INTO "_lb_ingest_batches" (batch_id, table_name, row_count)
 *                      VALUES ($1::TEXT, $2::TEXT, $3::INT8) ON CONFLICT (batch_id) DO NOTHING RETURNING batch_id)
 * INSERT INTO "t" ("a", "img", "emb")
 * SELECT * FROM (VALUES ($4::TEXT, decode($5, 'hex')::IMAGE, $6::FLOAT4[]), (...)) AS v("a", "img", "emb")
 * WHERE EXISTS (SELECT 1 FROM "_lb_batch")
 * </pre>
 *
 * The ledger row and the data rows commit together (one statement is one transaction), so sending the same
 * batch id again — after a lost answer, or on a resumed ingest — inserts nothing the second time.
 */
record InsertBatch(String sql, List<Object> params, int rows) {

    static final String LEDGER = "_lb_ingest_batches";
    static final String LEDGER_DDL = "CREATE TABLE IF NOT EXISTS " + Identifiers.quote(LEDGER)
            + " (batch_id TEXT PRIMARY KEY, table_name TEXT NOT NULL, row_count BIGINT NOT NULL,"
            + " committed_at TIMESTAMPTZ NOT NULL DEFAULT now())";
    /** The ledger where plain tables are refused: a deeplake table, without constraints (no ON CONFLICT). */
    static final String DEEPLAKE_LEDGER = "_lb_ingest_ledger";

    static final String DEEPLAKE_LEDGER_DDL = "CREATE TABLE IF NOT EXISTS " + Identifiers.quote(DEEPLAKE_LEDGER)
            + " (batch_id TEXT, table_name TEXT, row_count INT8) USING deeplake";

    /** Where batch ids are recorded and how a repeat is recognised. */
    enum Ledger {
        /** A plain table with a primary key: {@code ON CONFLICT (batch_id) DO NOTHING}. */
        HEAP,
        /** A deeplake table without constraints: the id is inserted only {@code WHERE NOT EXISTS} already. */
        DEEPLAKE
    }

    static final String MARK = "_lb_batch";
    /** PostgreSQL's limit on bind parameters in one statement. */
    static final int MAX_PARAMS = 65_535;

    private static final HexFormat HEX = HexFormat.of();

    /** Rows follow {@code schema}'s column order; columns that are null in every row are left out. */
    static InsertBatch build(String table, TableSchema schema, List<Object[]> rows, String batchId) {
        return build(table, schema, rows, batchId, Ledger.HEAP, false);
    }

    /**
     * A batch for the given ledger; {@code inline} writes values as escaped literals (no bind parameters) for a
     * service that does not honour {@code params}.
     */
    static InsertBatch build(
            String table, TableSchema schema, List<Object[]> rows, String batchId, Ledger ledger, boolean inline) {
        List<Integer> used = new ArrayList<>();
        for (int c = 0; c < schema.size(); c++) {
            for (Object[] r : rows) {
                if (r[c] != null) {
                    used.add(c);
                    break;
                }
            }
        }
        if (used.isEmpty()) {
            used.add(0);
        }
        StringBuilder names = new StringBuilder();
        for (int c : used) {
            if (!names.isEmpty()) {
                names.append(", ");
            }
            names.append(Identifiers.quote(schema.get(c).name()));
        }
        List<Object> params = new ArrayList<>(3 + rows.size() * used.size());
        params.add(batchId);
        params.add(table);
        params.add((long) rows.size());
        StringBuilder sql = new StringBuilder(64 + rows.size() * used.size() * 24);
        String id = inline ? SqlLiterals.quote(batchId) : "$1";
        String tableValue = inline ? SqlLiterals.quote(table) : "$2";
        String count = inline ? Long.toString(rows.size()) : "$3";
        sql.append("WITH ")
                .append(Identifiers.quote(MARK))
                .append(" AS (INSERT INTO ")
                .append(Identifiers.quote(ledger == Ledger.HEAP ? LEDGER : DEEPLAKE_LEDGER))
                .append(" (batch_id, table_name, row_count) ");
        if (ledger == Ledger.HEAP) {
            sql.append("VALUES (")
                    .append(id)
                    .append("::TEXT, ")
                    .append(tableValue)
                    .append("::TEXT, ")
                    .append(count)
                    .append("::INT8) ON CONFLICT (batch_id) DO NOTHING");
        } else {
            sql.append("SELECT ")
                    .append(id)
                    .append("::TEXT, ")
                    .append(tableValue)
                    .append("::TEXT, ")
                    .append(count)
                    .append("::INT8 WHERE NOT EXISTS (SELECT 1 FROM ")
                    .append(Identifiers.quote(DEEPLAKE_LEDGER))
                    .append(" WHERE batch_id = ")
                    .append(id)
                    .append("::TEXT)");
        }
        sql.append(" RETURNING batch_id) INSERT INTO ")
                .append(Identifiers.quote(table))
                .append(" (")
                .append(names)
                .append(") SELECT * FROM (VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            sql.append(r == 0 ? "(" : ", (");
            Object[] row = rows.get(r);
            for (int k = 0; k < used.size(); k++) {
                int c = used.get(k);
                if (k > 0) {
                    sql.append(", ");
                }
                Column col = schema.get(c);
                Object v = row[c];
                Object bound = v instanceof byte[] b ? HEX.formatHex(b) : v;
                if (inline) {
                    sql.append(PgTypes.cast(col, SqlLiterals.literal(bound)));
                } else {
                    params.add(bound);
                    sql.append(PgTypes.placeholder(col, params.size()));
                }
            }
            sql.append(')');
        }
        sql.append(") AS v(")
                .append(names)
                .append(") WHERE EXISTS (SELECT 1 FROM ")
                .append(Identifiers.quote(MARK))
                .append(')');
        return new InsertBatch(sql.toString(), inline ? List.of() : params, rows.size());
    }

    /** Approximate bytes a row adds to the request body (hex doubles bytes; a float takes ~11 JSON characters). */
    static long estimate(Object[] row) {
        long n = 0;
        for (Object v : row) {
            n += 24
                    + switch (v) {
                        case null -> 4;
                        case String s -> s.length() + 2L;
                        case byte[] b -> 2L * b.length + 2;
                        case float[] f -> 11L * f.length;
                        case float[][] m -> {
                            long k = 0;
                            for (float[] f : m) {
                                k += 11L * f.length + 2;
                            }
                            yield k;
                        }
                        default -> 12;
                    };
        }
        return n;
    }

    /** The most rows one statement can carry for a table of {@code width} columns. */
    static int maxRows(int width) {
        return (MAX_PARAMS - 3) / Math.max(1, width);
    }
}
