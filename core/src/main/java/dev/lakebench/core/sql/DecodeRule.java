package dev.lakebench.core.sql;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import java.util.Locale;

/** PostgreSQL's {@code decode(text, 'hex' | 'base64')} is the engine's {@code unhex} / {@code from_base64}. */
final class DecodeRule implements ExprRule {

    @Override
    public boolean apply(Expr e, QueryBlock b, RewriteContext cx, TopKPlanner.TopK plan) {
        if (e.kind() != Expr.Kind.CALL
                || !e.simpleName().equals("decode")
                || e.children().size() != 2
                || e.child(1).kind() != Expr.Kind.STRING) {
            return true;
        }
        String format = Literals.string(cx.sig.get(e.child(1).first())).toLowerCase(Locale.ROOT);
        String fn = switch (format) {
            case "hex" -> "unhex";
            case "base64" -> "from_base64";
            default ->
                throw new QueryError(
                        ErrorCode.QUERY_INVALID,
                        "decode() format '" + format + "' is not supported",
                        "Use decode(text, 'hex') or decode(text, 'base64')");
        };
        int nameToken = e.first() + (e.name().size() - 1) * 2;
        cx.edits.replace(nameToken, nameToken, fn);
        // drop ", 'hex'"
        cx.edits.replace(e.child(0).last() + 1, e.child(1).last(), "");
        return true;
    }
}
