package dev.lakebench.core.sql;

import java.math.BigDecimal;
import java.util.List;

/**
 * PostgreSQL's NUMERIC without a precision keeps the digits it is given; the engine's NUMERIC is DECIMAL(18,3).
 * A NUMERIC or DECIMAL type written without a precision (in a column definition, a cast, ADD COLUMN) becomes
 * {@link #UNCONSTRAINED}: 28 digits before the point and 10 after, exact in sums. Values of that type are read
 * back without trailing zeros, so {@code 123.456789} stays {@code 123.456789} and a sum of 0.1 and 0.2 is 0.3.
 */
final class NumericPrecision implements StatementPass {

    /** The engine type standing for an unconstrained NUMERIC (also how results recognise it). */
    public static final String UNCONSTRAINED = "DECIMAL(38,10)";

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        List<Token> sig = st.significant();
        TextEdits edits = null;
        for (int i = 0; i < sig.size(); i++) {
            Token t = sig.get(i);
            if (!(t.isWord("NUMERIC") || t.isWord("DECIMAL"))) {
                continue;
            }
            boolean call = i + 1 < sig.size()
                    && (sig.get(i + 1).is("(") || sig.get(i + 1).is("."));
            boolean qualified = i > 0 && sig.get(i - 1).is(".");
            if (!call && !qualified && isTypePosition(sig, i)) {
                edits = edits == null ? new TextEdits(st.text(), sig) : edits;
                edits.replace(i, i, literalType(sig, i));
            }
        }
        return edits == null ? st : new SqlStatement(edits.apply());
    }

    /**
     * The type of {@code <literal>::numeric}: a constant keeps the scale it is written with, as in PostgreSQL
     * ({@code 1.50::numeric} is 1.50), so its decimals are the type's scale (up to 10); anything else is
     * {@link #UNCONSTRAINED}.
     */
    private static String literalType(List<Token> sig, int i) {
        if (i < 2 || !sig.get(i - 1).is("::")) {
            return UNCONSTRAINED;
        }
        Token value = sig.get(i - 2);
        String text = value.kind() == Token.Kind.NUMBER
                ? value.text()
                : value.kind() == Token.Kind.STRING ? Literals.string(value).strip() : null;
        if (text == null || i >= 3 && (sig.get(i - 3).is(".") || sig.get(i - 3).is("::"))) {
            return UNCONSTRAINED;
        }
        try {
            BigDecimal d = new BigDecimal(text.replace("_", ""));
            int scale = Math.max(0, d.scale());
            int integerDigits = Math.max(1, d.precision() - d.scale());
            if (scale > 10 || integerDigits + scale > 38) {
                return UNCONSTRAINED;
            }
            return "DECIMAL(" + Math.max(28 + scale, integerDigits + scale) + "," + scale + ")";
        } catch (NumberFormatException e) {
            return UNCONSTRAINED;
        }
    }

    /** True when token {@code at} is inside the parentheses of {@code CAST(..)} / {@code TRY_CAST(..)} (not a column alias). */
    private static boolean insideCast(List<Token> sig, int at) {
        int depth = 0;
        for (int i = at - 1; i > 0; i--) {
            if (sig.get(i).is(")")) {
                depth++;
            } else if (sig.get(i).is("(")) {
                if (depth == 0) {
                    return sig.get(i - 1).isWord("CAST") || sig.get(i - 1).isWord("TRY_CAST");
                }
                depth--;
            }
        }
        return false;
    }

    /** After {@code ::}, after {@code AS} in a CAST, or after a column name in a table definition. */
    private static boolean isTypePosition(List<Token> sig, int i) {
        if (i == 0) {
            return false;
        }
        Token prev = sig.get(i - 1);
        if (prev.is("::")) {
            return true;
        }
        if (prev.isWord("AS")) {
            return insideCast(sig, i - 1);
        }
        boolean definesColumns = false;
        for (Token t : sig) {
            if (t.isWord("CREATE") || t.isWord("ALTER")) {
                definesColumns = true;
            }
            if (Keywords.startsQuery(t) && !t.isWord("TABLE")) {
                break;
            }
        }
        return definesColumns && (prev.kind() == Token.Kind.WORD || prev.kind() == Token.Kind.QUOTED_IDENTIFIER);
    }
}
