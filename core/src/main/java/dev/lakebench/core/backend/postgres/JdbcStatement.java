package dev.lakebench.core.backend.postgres;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.sql.SqlLexer;
import dev.lakebench.core.sql.Token;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement in JDBC form: {@code $N} placeholders become {@code ?} (a placeholder used twice is bound twice),
 * operators with {@code ?} (jsonb's) are escaped for the driver, and values are bound by their Java type
 * ({@code float[]} as {@code real[]}, {@code byte[]} as {@code bytea}). Values are always bound, never spliced.
 */
record JdbcStatement(String sql, List<Integer> order) {

    static JdbcStatement of(String dollarSql) {
        StringBuilder sb = new StringBuilder();
        List<Integer> order = new ArrayList<>();
        for (Token t : SqlLexer.tokenize(dollarSql)) {
            if (t.kind() == Token.Kind.PARAMETER) {
                sb.append('?');
                order.add(t.parameterIndex());
            } else if (t.kind() == Token.Kind.OPERATOR && t.text().indexOf('?') >= 0) {
                sb.append(t.text().replace("?", "??"));
            } else {
                sb.append(t.text());
            }
        }
        return new JdbcStatement(sb.toString(), List.copyOf(order));
    }

    PreparedStatement prepare(Connection c, List<Object> params, int resultSetType) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql, resultSetType, ResultSet.CONCUR_READ_ONLY);
        try {
            bind(c, ps, params);
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
        return ps;
    }

    void bind(Connection c, PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < order.size(); i++) {
            int n = order.get(i);
            if (n < 1 || n > params.size()) {
                throw new QueryError(
                        ErrorCode.QUERY_PARAMETER,
                        "The statement uses $" + n + " but " + params.size() + " parameters were given",
                        "Pass one value per placeholder, in order ($1 first)");
            }
            setValue(c, ps, i + 1, params.get(n - 1));
        }
    }

    static void setValue(Connection c, PreparedStatement ps, int i, Object v) throws SQLException {
        switch (v) {
            case null -> ps.setNull(i, Types.NULL);
            case Long l -> ps.setLong(i, l);
            case Integer n -> ps.setInt(i, n);
            case Short n -> ps.setShort(i, n);
            case Double d -> ps.setDouble(i, d);
            case Float f -> ps.setFloat(i, f);
            case Boolean b -> ps.setBoolean(i, b);
            case String s -> ps.setString(i, s);
            case byte[] b -> ps.setBytes(i, b);
            case float[] f -> ps.setArray(i, c.createArrayOf("float4", boxed(f)));
            case float[][] m -> {
                Float[][] out = new Float[m.length][];
                for (int k = 0; k < m.length; k++) {
                    out[k] = boxed(m[k]);
                }
                ps.setArray(i, c.createArrayOf("float4", out));
            }
            case double[] d -> {
                Float[] out = new Float[d.length];
                for (int k = 0; k < d.length; k++) {
                    out[k] = (float) d[k];
                }
                ps.setArray(i, c.createArrayOf("float4", out));
            }
            case List<?> list
            when list.stream().allMatch(x -> x instanceof Number) -> {
                Float[] out = new Float[list.size()];
                for (int k = 0; k < out.length; k++) {
                    out[k] = ((Number) list.get(k)).floatValue();
                }
                ps.setArray(i, c.createArrayOf("float4", out));
            }
            default -> ps.setObject(i, v);
        }
    }

    static Float[] boxed(float[] f) {
        Float[] out = new Float[f.length];
        for (int k = 0; k < f.length; k++) {
            out[k] = f[k];
        }
        return out;
    }
}
