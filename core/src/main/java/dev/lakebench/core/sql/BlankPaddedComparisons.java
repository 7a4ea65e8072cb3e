package dev.lakebench.core.sql;

import dev.lakebench.core.schema.Column;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PostgreSQL compares character(n) values without their trailing spaces, and a string constant compared with one
 * is a character value too: {@code 'a'::char(3) = 'a  '} and {@code c = 'a  '} on a char(n) column are true. The
 * engine keeps char(n) values without trailing spaces (casts cut them, {@link CharacterWrites} stores them so),
 * so the rule drops the trailing spaces of a string constant or parameter compared with a cast to char(n) /
 * bpchar or with a char(n) column of a table the statement names, by a comparison operator or as an item of
 * {@code IN (..)}. Runs before {@link PostgresFunctions} rewrites those casts.
 */
final class BlankPaddedComparisons implements StatementPass {

    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=");
    private static final Pattern BLANK_PADDED = Pattern.compile("(CHAR|CHARACTER|BPCHAR)(\\(\\d+\\))?");

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        List<Token> sig = st.significant();
        boolean candidate = false;
        boolean charType = false;
        for (Token t : sig) {
            candidate |= t.kind() == Token.Kind.STRING && Literals.string(t).endsWith(" ")
                    || t.kind() == Token.Kind.PARAMETER;
            charType |= t.isWord("CHAR") || t.isWord("CHARACTER") || t.isWord("BPCHAR");
        }
        if (!candidate) {
            return st;
        }
        NamedTables tables = NamedTables.of(sig, ctx);
        // most statements with parameters name no char(n) column and cast to none: they are not parsed here
        if (!charType && tables.columns(Column::isBlankPadded).isEmpty()) {
            return st;
        }
        TextEdits edits = new TextEdits(st.text(), sig);
        boolean changed = false;
        for (Expr e : ExprWalk.all(sig)) {
            if (e.kind() == Expr.Kind.BINARY
                    && COMPARISONS.contains(e.op())
                    && e.children().size() == 2) {
                for (int side = 0; side < 2; side++) {
                    if (isBlankPadded(e.child(1 - side), tables)) {
                        changed |= unpadded(e.child(side), sig, edits);
                    }
                }
            } else if (isInList(e, sig) && isBlankPadded(e.child(0), tables)) {
                // x IN ('a ', ..) compares x with each item
                for (Expr item : e.child(1).children()) {
                    changed |= unpadded(item, sig, edits);
                }
            }
        }
        return changed ? new SqlStatement(edits.apply()) : st;
    }

    /**
     * A string constant or parameter compared with a character value is one too: its trailing spaces do not count.
     */
    private static boolean unpadded(Expr value, List<Token> sig, TextEdits edits) {
        Expr constant = value.unwrap();
        if (constant.kind() == Expr.Kind.PARAMETER) {
            return edits.replace(
                    constant.first(),
                    constant.last(),
                    "rtrim(CAST(" + edits.original(constant.first(), constant.last()) + " AS VARCHAR), ' ')");
        }
        if (constant.kind() == Expr.Kind.STRING
                && Literals.string(sig.get(constant.first())).endsWith(" ")) {
            String trimmed = Literals.string(sig.get(constant.first())).replaceFirst(" +$", "");
            return edits.replace(constant.first(), constant.last(), "'" + trimmed.replace("'", "''") + "'");
        }
        return false;
    }

    /** {@code x [NOT] IN (a, b, ..)} with a list of values (not a subquery). */
    private static boolean isInList(Expr e, List<Token> sig) {
        return e.kind() == Expr.Kind.OTHER
                && e.children().size() == 2
                && sig.get(e.child(1).first() - 1).isWord("IN")
                && e.child(1).kind() != Expr.Kind.SUBQUERY
                && sig.get(e.child(1).first()).is("(");
    }

    private static boolean isBlankPadded(Expr e, NamedTables tables) {
        Expr u = e.unwrap();
        return switch (u.kind()) {
            case CAST -> BLANK_PADDED.matcher(u.type().replace(" ", "")).matches();
            case COLUMN -> tables.anyColumn(u, Column::isBlankPadded);
            default -> false;
        };
    }
}
