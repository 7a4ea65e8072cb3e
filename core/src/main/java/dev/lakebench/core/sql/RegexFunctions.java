package dev.lakebench.core.sql;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * PostgreSQL's regular expression functions the engine has in another form, for literal patterns (the number of
 * capture groups decides the answer's shape):
 * <ul>
 *   <li>{@code regexp_match(s, p [, 'i'])}: the captures of the first match as a text array (the whole match when
 *       the pattern has no group), NULL without a match;</li>
 *   <li>{@code regexp_matches(s, p, 'g')}: one such array per match, as rows (the engine's
 *       {@code regexp_matches(s, p)} without flags stays its boolean test);</li>
 *   <li>{@code substring(s FROM p)}: the first group's match (the whole match without a group), NULL without a
 *       match.</li>
 * </ul>
 * A group the match skips is empty text, where PostgreSQL gives NULL.
 */
final class RegexFunctions implements StatementPass {

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        return CallRewrites.apply(
                st,
                t -> t.isWord("REGEXP_MATCH") || t.isWord("REGEXP_MATCHES") || t.isWord("SUBSTRING"),
                e -> true,
                RegexFunctions::rewrite);
    }

    private static boolean rewrite(Expr e, List<Token> sig, TextEdits edits) {
        return switch (e.simpleName()) {
            case "regexp_match" -> {
                int n = e.children().size();
                String flags = n == 3 ? literal(e.child(2), sig) : "";
                Integer groups = n >= 2 ? groups(e.child(1), sig) : null;
                if (groups == null || flags == null || !flags.matches("i?")) {
                    yield false;
                }
                String s = edits.original(e.child(0).first(), e.child(0).last());
                String p = edits.original(e.child(1).first(), e.child(1).last());
                String opt = flags.isEmpty() ? "" : ", 'i'";
                yield edits.replace(
                        e.first(),
                        e.last(),
                        "(CASE WHEN regexp_matches(" + s + ", " + p + opt + ") THEN " + captures(s, p, groups, opt)
                                + " END)");
            }
            case "regexp_matches" -> {
                if (e.children().size() != 3) {
                    yield false;
                }
                String flags = literal(e.child(2), sig);
                Integer groups = groups(e.child(1), sig);
                if (groups == null || flags == null || !flags.matches("g|gi|ig")) {
                    yield false;
                }
                String s = edits.original(e.child(0).first(), e.child(0).last());
                String p = edits.original(e.child(1).first(), e.child(1).last());
                String opt = flags.contains("i") ? ", 'i'" : "";
                yield edits.replace(
                        e.first(),
                        e.last(),
                        "unnest(list_transform(regexp_extract_all(" + s + ", " + p + ", 0" + opt + "), lambda lb_m: "
                                + captures("lb_m", p, groups, opt) + "))");
            }
            case "substring" -> substringFrom(e, sig, edits);
            default -> false;
        };
    }

    /** {@code [whole match]}, or {@code [group 1, .., group n]}. */
    private static String captures(String s, String p, int groups, String opt) {
        if (groups == 0) {
            return "[regexp_extract(" + s + ", " + p + ", 0" + opt + ")]";
        }
        StringBuilder sb = new StringBuilder("[");
        for (int g = 1; g <= groups; g++) {
            sb.append(g > 1 ? ", " : "")
                    .append("regexp_extract(")
                    .append(s)
                    .append(", ")
                    .append(p)
                    .append(", ")
                    .append(g)
                    .append(opt)
                    .append(')');
        }
        return sb.append(']').toString();
    }

    /** {@code substring(s FROM 'pattern')}: the FROM argument is a string, and there is no FOR. */
    private static boolean substringFrom(Expr e, List<Token> sig, TextEdits edits) {
        int open = e.first() + 1;
        if (open > e.last() || !sig.get(open).is("(")) {
            return false;
        }
        int from = -1;
        int depth = 0;
        for (int i = open + 1; i < e.last(); i++) {
            Token t = sig.get(i);
            if (t.is("(") || t.is("[")) {
                depth++;
            } else if (t.is(")") || t.is("]")) {
                depth--;
            } else if (depth == 0 && t.isWord("FOR")) {
                return false;
            } else if (depth == 0 && t.isWord("FROM")) {
                from = i;
            }
        }
        if (from < 0 || from + 2 != e.last() || sig.get(from + 1).kind() != Token.Kind.STRING) {
            return false;
        }
        Integer groups = groupCount(Literals.string(sig.get(from + 1)));
        if (groups == null) {
            return false;
        }
        String s = edits.original(open + 1, from - 1);
        String p = edits.original(from + 1, from + 1);
        return edits.replace(
                e.first(),
                e.last(),
                "(CASE WHEN regexp_matches(" + s + ", " + p + ") THEN regexp_extract(" + s + ", " + p + ", "
                        + (groups > 0 ? 1 : 0) + ") END)");
    }

    private static String literal(Expr e, List<Token> sig) {
        Expr u = e.unwrap();
        return u.kind() == Expr.Kind.STRING
                ? Literals.string(sig.get(u.first())).toLowerCase(Locale.ROOT)
                : null;
    }

    private static Integer groups(Expr e, List<Token> sig) {
        Expr u = e.unwrap();
        return u.kind() == Expr.Kind.STRING ? groupCount(Literals.string(sig.get(u.first()))) : null;
    }

    /** The capture groups of a pattern; null when Java cannot read it (the call is then left to the engine). */
    private static Integer groupCount(String pattern) {
        try {
            return Pattern.compile(pattern).matcher("").groupCount();
        } catch (PatternSyntaxException e) {
            return null;
        }
    }
}
