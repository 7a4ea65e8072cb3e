package dev.lakebench.core.sql;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL's string functions the engine lacks or spells differently:
 * <ul>
 *   <li>{@code format(fmt, ..)} with a literal format: PostgreSQL's {@code %s}, {@code %I}, {@code %L}, {@code %%},
 *       argument positions ({@code %1$s}) and widths ({@code %-10s}) become a concatenation (the engine's
 *       {@code format} has another syntax and returns {@code %s} as it is);</li>
 *   <li>{@code quote_ident}, {@code quote_literal}, {@code quote_nullable} and {@code initcap}, computed by
 *       Lakebench's engine functions.</li>
 * </ul>
 * Arguments are the engine's text of the value; a boolean the written form shows prints {@code t} / {@code f}
 * ({@link BooleanText} runs first).
 */
final class StringFunctions implements StatementPass {

    private static final Set<String> NAMES =
            Set.of("format", "quote_ident", "quote_literal", "quote_nullable", "initcap");

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        return CallRewrites.apply(st, NAMES, e -> true, StringFunctions::rewrite);
    }

    private static boolean rewrite(Expr e, List<Token> sig, TextEdits edits) {
        int n = e.children().size();
        List<String> args = new ArrayList<>();
        for (Expr c : e.children()) {
            args.add(edits.original(c.first(), c.last()));
        }
        return switch (e.simpleName()) {
            case "format" -> {
                Expr f = n == 0 ? null : e.child(0).unwrap();
                if (f == null || f.kind() != Expr.Kind.STRING) {
                    yield false;
                }
                String format = Literals.string(sig.get(f.first()));
                yield edits.replace(e.first(), e.last(), format(format, args.subList(1, n)));
            }
            case "quote_ident" ->
                n == 1 && edits.replace(e.first(), e.last(), "lb_quote_ident(" + text(args.get(0)) + ")");
            case "quote_literal" ->
                n == 1 && edits.replace(e.first(), e.last(), "lb_quote_literal(" + text(args.get(0)) + ")");
            case "quote_nullable" ->
                n == 1
                        && edits.replace(
                                e.first(), e.last(), "coalesce(lb_quote_literal(" + text(args.get(0)) + "), 'NULL')");
            case "initcap" -> n == 1 && edits.replace(e.first(), e.last(), "lb_initcap(" + text(args.get(0)) + ")");
            default -> false;
        };
    }

    private static String text(String expr) {
        return "CAST(" + expr + " AS VARCHAR)";
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** The format as a concatenation of its text and its arguments, formatted as PostgreSQL's format() does. */
    static String format(String format, List<String> args) {
        List<String> pieces = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int next = 0;
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i++);
            if (c != '%') {
                literal.append(c);
                continue;
            }
            if (i < format.length() && format.charAt(i) == '%') {
                literal.append('%');
                i++;
                continue;
            }
            int spec = i;
            int position = -1;
            int digits = i;
            while (digits < format.length() && Character.isDigit(format.charAt(digits))) {
                digits++;
            }
            if (digits > i && digits < format.length() && format.charAt(digits) == '$') {
                position = Integer.parseInt(format.substring(i, digits)) - 1;
                i = digits + 1;
            }
            boolean left = i < format.length() && format.charAt(i) == '-';
            if (left) {
                i++;
            }
            int widthStart = i;
            while (i < format.length() && Character.isDigit(format.charAt(i))) {
                i++;
            }
            int width = i > widthStart ? Integer.parseInt(format.substring(widthStart, i)) : 0;
            char type = i < format.length() ? format.charAt(i++) : ' ';
            if (type != 's' && type != 'I' && type != 'L') {
                throw new QueryError(
                        ErrorCode.QUERY_INVALID,
                        "format() conversion \"%" + format.substring(spec, Math.min(i, format.length()))
                                + "\" is not supported",
                        "Use %s, %I, %L or %%, with an optional position (%1$s) and width (%-10s)");
            }
            int arg = position >= 0 ? position : next;
            next = arg + 1;
            if (arg >= args.size()) {
                throw new QueryError(
                        ErrorCode.QUERY_INVALID,
                        "format() has too few arguments for its format '" + format + "'",
                        "Give one argument per %s, %I or %L (or number them: %1$s)");
            }
            String value = text(args.get(arg));
            String formatted = switch (type) {
                case 'I' -> "lb_quote_ident(" + value + ")";
                case 'L' -> "coalesce(lb_quote_literal(" + value + "), 'NULL')";
                default -> "coalesce(" + value + ", '')";
            };
            if (width > 0) {
                formatted = (left ? "rpad(" : "lpad(") + formatted + ", CAST(greatest(" + width + ", length("
                        + formatted + ")) AS INTEGER), ' ')";
            }
            if (!literal.isEmpty()) {
                pieces.add(quote(literal.toString()));
                literal.setLength(0);
            }
            pieces.add(formatted);
        }
        if (!literal.isEmpty() || pieces.isEmpty()) {
            pieces.add(quote(literal.toString()));
        }
        return pieces.size() == 1 ? "(" + pieces.get(0) + ")" : "(" + String.join(" || ", pieces) + ")";
    }
}
