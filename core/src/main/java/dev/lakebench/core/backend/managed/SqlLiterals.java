package dev.lakebench.core.backend.managed;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.sql.SqlLexer;
import dev.lakebench.core.sql.Token;
import dev.lakebench.core.store.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Values written into SQL as escaped literals, for a service that does not honour bound {@code params}: text in
 * single quotes with quotes doubled (standard-conforming strings, so backslashes are literal), numbers as
 * digits (non-finite floats as {@code 'NaN'}-style text), bytes as {@code decode('<hex>', 'hex')}, vectors as
 * {@code ARRAY[..]::FLOAT4[]}. The service's other clients send their values this way.
 */
final class SqlLiterals {

    private static final HexFormat HEX = HexFormat.of();

    private SqlLiterals() {}

    static String literal(Object v) {
        return switch (v) {
            case null -> "NULL";
            case String s -> quote(s);
            case Long l -> l.toString();
            case Integer i -> i.toString();
            case Short s -> s.toString();
            case Byte b -> b.toString();
            case Double d -> number(d);
            case Float f -> number(f.doubleValue());
            case BigDecimal d -> d.toPlainString();
            case BigInteger b -> b.toString();
            case Boolean b -> b ? "TRUE" : "FALSE";
            case byte[] b -> "decode('" + HEX.formatHex(b) + "', 'hex')";
            case UUID u -> quote(u.toString());
            case Temporal t -> quote(t.toString());
            case float[][] m -> {
                StringBuilder sb = new StringBuilder("ARRAY[");
                for (int i = 0; i < m.length; i++) {
                    sb.append(i == 0 ? "" : ",").append(array(m[i]));
                }
                yield sb.append("]::FLOAT4[][]").toString();
            }
            default -> {
                float[] f = Values.toFloats(v);
                if (f == null) {
                    throw new QueryError(
                            ErrorCode.QUERY_PARAMETER,
                            "A value of type " + v.getClass().getName() + " cannot be sent",
                            "Pass a string, number, boolean, byte[], float[] or null");
                }
                yield array(f) + "::FLOAT4[]";
            }
        };
    }

    /** {@code ARRAY[1.0,2.5]} (no cast). */
    static String array(float[] f) {
        StringBuilder sb = new StringBuilder(f.length * 10 + 8).append("ARRAY[");
        for (int i = 0; i < f.length; i++) {
            sb.append(i == 0 ? "" : ",").append(number(f[i]));
        }
        return sb.append(']').toString();
    }

    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String number(double d) {
        if (Double.isNaN(d)) {
            return "'NaN'::FLOAT8";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "'Infinity'::FLOAT8" : "'-Infinity'::FLOAT8";
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) + ".0" : Double.toString(d);
    }

    /** The statement text with every {@code $n} outside strings and comments replaced by the literal of its value. */
    static String inline(String sql, List<Object> params) {
        StringBuilder out = new StringBuilder(sql.length() + params.size() * 8);
        int last = 0;
        for (Token t : SqlLexer.tokenize(sql)) {
            if (t.kind() == Token.Kind.PARAMETER) {
                int n = t.parameterIndex();
                out.append(sql, last, t.start())
                        .append('(')
                        .append(literal(params.get(n - 1)))
                        .append(')');
                last = t.end();
            }
        }
        return out.append(sql, last, sql.length()).toString();
    }
}
