package dev.lakebench.core.sql;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.store.EngineTypes;
import dev.lakebench.core.store.TableDef;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A string literal without a type takes the type its context asks for in PostgreSQL, so {@code '{a,b}'} is an
 * array where an array goes: a value an INSERT writes to an array column (VALUES rows, the items of its SELECT),
 * a comparison with an array column or an array cast ({@code tags = '{a,b}'}, {@code xs @> '{2}'}, also the
 * {@code col = '{..}'} of UPDATE SET and ON CONFLICT DO UPDATE SET), and the operand of {@code x = ANY('{..}')} /
 * {@code x <> ALL('{..}')}, an array of the left operand's type. The engine reads such a literal as text, so it
 * is spelled as the typed array ({@link ArrayLiteral}), and text that is no array literal fails as PostgreSQL's
 * does. Where the written form does not tell x's type (a parameter, a function's result) {@code x = ANY('{..}')}
 * is {@code x IN ('..', ..)}, whose untyped constants the engine reads as x's type, as PostgreSQL reads the
 * elements. A vector, bounding box or point column compared with a literal in braces reads it as its float
 * array; its engine list text ({@code '[1,2]'}) is left as it was. Vector writes keep their own path
 * ({@link VectorWriteRule}).
 */
final class ArrayLiteralTypes implements StatementPass {

    /**
     * Operators whose operands PostgreSQL resolves to one type, so a literal takes the array type of the other
     * ({@code tags || '{x}'} concatenates two arrays; {@code tags || 'x'} is a malformed array literal there).
     */
    private static final Set<String> SAME_TYPE = Set.of("=", "<>", "!=", "<", ">", "<=", ">=", "@>", "<@", "&&", "||");

    @Override
    public SqlStatement apply(SqlStatement st, PassContext ctx) {
        List<Token> sig = st.significant();
        if (sig.stream().noneMatch(t -> t.kind() == Token.Kind.STRING)) {
            return st;
        }
        NamedTables tables = NamedTables.of(sig, ctx);
        // only an array column, ANY / SOME / ALL, an array cast or a float column and braces give a literal an
        // array type
        if (!tables.anyTableColumn(ArrayLiteralTypes::isArray)
                && !st.hasWord("ANY", "SOME", "ALL")
                && sig.stream().noneMatch(t -> t.is("]"))
                && !(tables.anyTableColumn(c -> floatArray(c) != null)
                        && sig.stream().anyMatch(ArrayLiteral::writtenAsOne))) {
            return st;
        }
        TextEdits edits = new TextEdits(st.text(), sig);
        boolean changed = false;
        if (st.kind() == SqlStatement.Kind.INSERT) {
            changed = insert(new ParsedStatement(st), ctx, edits);
        }
        for (Expr e : ExprWalk.all(sig)) {
            if (e.kind() == Expr.Kind.BINARY && SAME_TYPE.contains(e.op())) {
                changed |= compared(e, 0, sig, tables, edits);
                changed |= compared(e, 1, sig, tables, edits);
            }
        }
        return changed ? new SqlStatement(edits.apply()) : st;
    }

    /** The values of {@code INSERT INTO t [(cols)] VALUES (..), .. | SELECT ..} for t's array columns. */
    private static boolean insert(ParsedStatement p, PassContext ctx, TextEdits edits) {
        List<Token> sig = p.sig;
        int into = 0;
        while (into < sig.size() && !sig.get(into).isWord("INTO")) {
            into++;
        }
        QualifiedName name = into + 1 < sig.size() ? QualifiedName.read(sig, into + 1) : null;
        Optional<TableDef> def = name == null || name.parts().size() > 2
                ? Optional.empty()
                : ctx.tables().apply(name.name());
        if (def.isEmpty()
                || def.get().schema().columns().stream().noneMatch(c -> isArray(c) || floatArray(c) != null)) {
            return false;
        }
        if (!(DmlScope.of(p, def.get()) instanceof DmlScope.Insert s) || s.byName() || s.defaults()) {
            return false;
        }
        boolean changed = false;
        int at = s.sourceFirst();
        if (at < s.sourceEnd() && sig.get(at).isWord("VALUES")) {
            for (int open = at + 1; open < s.sourceEnd() && sig.get(open).is("("); open = p.match[open] + 2) {
                changed |= row(p.exprs.list(open + 1, p.match[open]), s.targets(), sig, edits);
                if (p.match[open] + 1 >= s.sourceEnd()
                        || !sig.get(p.match[open] + 1).is(",")) {
                    break;
                }
            }
            return changed;
        }
        for (QueryBlock b : s.block().children()) {
            if (b.from == at) {
                changed |= selected(b, s.targets(), sig, edits);
            }
        }
        return changed;
    }

    /** The items of a SELECT, or of every branch of a set operation. */
    private static boolean selected(QueryBlock b, List<Column> targets, List<Token> sig, TextEdits edits) {
        if (!b.items.isEmpty()) {
            return row(b.items.stream().map(QueryBlock.Item::expr).toList(), targets, sig, edits);
        }
        boolean changed = false;
        for (QueryBlock c : b.children()) {
            changed |= selected(c, targets, sig, edits);
        }
        return changed;
    }

    private static boolean row(List<Expr> values, List<Column> targets, List<Token> sig, TextEdits edits) {
        boolean changed = false;
        for (int i = 0; i < values.size() && i < targets.size(); i++) {
            if (values.get(i) != null && isArray(targets.get(i))) {
                changed |= typed(values.get(i), EngineTypes.of(targets.get(i)), sig, edits);
            } else if (values.get(i) != null
                    && floatArray(targets.get(i)) != null
                    && values.get(i).unwrap().kind() == Expr.Kind.STRING
                    && ArrayLiteral.writtenAsOne(sig.get(values.get(i).unwrap().first()))
                    && sig.get(values.get(i).unwrap().first()).text().startsWith("'{")) {
                // a vector written as PostgreSQL's array text: a float list, so that rows of one VALUES list
                // written as ARRAY[..] and as '{..}' have one type
                changed |= typed(values.get(i), floatArray(targets.get(i)), sig, edits);
            }
        }
        return changed;
    }

    /**
     * {@code literal op other} with the literal on {@code side}: it takes other's array type, or is the array of
     * {@code other op ANY(literal)}.
     */
    private static boolean compared(Expr e, int side, List<Token> sig, NamedTables tables, TextEdits edits) {
        Expr literal = e.child(side);
        Expr other = e.child(1 - side);
        Expr u = literal.unwrap();
        if (u.kind() == Expr.Kind.CALL
                && u.children().size() == 1
                && Set.of("any", "some", "all").contains(u.simpleName())
                && u.name().size() == 1) {
            String element = scalarType(other, sig, tables, edits);
            return element != null
                    ? typed(u.child(0), element + "[]", sig, edits)
                    : side == 1 && membership(e, u, sig, edits);
        }
        String type = arrayType(other, tables, edits);
        if (type == null) {
            type = other.unwrap().kind() == Expr.Kind.COLUMN
                            && u.kind() == Expr.Kind.STRING
                            && ArrayLiteral.writtenAsOne(sig.get(u.first()))
                    ? tables.column(other.unwrap())
                            .map(ArrayLiteralTypes::floatArray)
                            .orElse(null)
                    : null;
        }
        return type != null && typed(literal, type, sig, edits);
    }

    /**
     * {@code x = ANY('{..}')} / {@code x <> ALL('{..}')} as {@code x [NOT] IN ('..', ..)} where x's type is not
     * written: the constants are read as x's type, and NULL elements answer NULL as in PostgreSQL. Sub-arrays'
     * elements count too; an empty array is false for ANY, true for ALL.
     */
    private static boolean membership(Expr e, Expr quantifier, List<Token> sig, TextEdits edits) {
        Expr value = quantifier.child(0).unwrap();
        boolean any = !quantifier.simpleName().equals("all");
        if (value.kind() != Expr.Kind.STRING
                || edits.isCovered(e.first())
                || !(any ? e.op().equals("=") : e.op().equals("<>") || e.op().equals("!="))) {
            return false;
        }
        ArrayLiteral array = ArrayLiteral.parse(Literals.string(sig.get(value.first())));
        Expr x = e.child(0);
        String left = edits.original(x.first(), x.last());
        String test = array.elements().isEmpty()
                ? left + (any ? " IS NULL AND FALSE" : " IS NULL OR TRUE")
                : left + (any ? " IN (" : " NOT IN (") + array.constants() + ")";
        return edits.replace(e.first(), e.last(), "(" + test + ")");
    }

    /** Spells a string literal as an array of {@code type}. */
    private static boolean typed(Expr value, String type, List<Token> sig, TextEdits edits) {
        Expr u = value.unwrap();
        if (u.kind() != Expr.Kind.STRING || edits.isCovered(u.first())) {
            return false;
        }
        return edits.replace(
                u.first(),
                u.last(),
                ArrayLiteral.parse(Literals.string(sig.get(u.first()))).cast(type));
    }

    /** The array type of an array column or an array cast, else null. */
    private static String arrayType(Expr e, NamedTables tables, TextEdits edits) {
        Expr u = e.unwrap();
        if (u.kind() == Expr.Kind.COLUMN) {
            return tables.column(u)
                    .filter(ArrayLiteralTypes::isArray)
                    .map(EngineTypes::of)
                    .orElse(null);
        }
        if (u instanceof Expr.Cast c && ArrayLiteral.isArrayType(c.type())) {
            return edits.original(c.typeFirst(), c.typeLast());
        }
        return null;
    }

    /**
     * The type of the left operand of {@code = ANY(literal)}, as far as its written form tells: a string, number or
     * boolean constant, a column of a named table, a cast. Null otherwise (the literal is left to the engine).
     */
    private static String scalarType(Expr e, List<Token> sig, NamedTables tables, TextEdits edits) {
        Expr u = e.unwrap();
        if (u.kind() == Expr.Kind.UNARY && u.op().equals("-")) {
            u = u.child(0).unwrap();
        }
        return switch (u.kind()) {
            case STRING -> "VARCHAR";
            case NUMBER -> numberType(sig.get(u.first()).text());
            case CONSTANT -> sig.get(u.first()).isWord("NULL") ? null : "BOOLEAN";
            case COLUMN ->
                tables.column(u)
                        .filter(c -> !c.type().isVector() && c.type() != ColumnType.FILE && !isArrayOrList(c))
                        .map(EngineTypes::of)
                        .orElse(null);
            case CAST ->
                u instanceof Expr.Cast c && !ArrayLiteral.isArrayType(c.type())
                        ? edits.original(c.typeFirst(), c.typeLast())
                        : null;
            default -> null;
        };
    }

    /** PostgreSQL's type of a numeric constant: integer or bigint; else numeric, compared by value as a double. */
    private static String numberType(String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                long v = Long.parseLong(text);
                return v <= Integer.MAX_VALUE ? "INTEGER" : "BIGINT";
            } catch (NumberFormatException e) {
                return "DOUBLE";
            }
        }
        return "DOUBLE";
    }

    /** The float array a vector, bounding box or point column is read as in an expression, else null. */
    private static String floatArray(Column c) {
        return switch (c.type().storage()) {
            case VECTOR, FLOAT_LIST -> "FLOAT[]";
            case MULTI_VECTOR -> "FLOAT[][]";
            default -> null;
        };
    }

    private static boolean isArrayOrList(Column c) {
        return ArrayLiteral.isArrayType(EngineTypes.of(c));
    }

    /**
     * An array column made by SQL ({@code text[]}, {@code int[]}): vectors are written through their logs, and
     * bounding boxes and points keep the engine's list text they took before.
     */
    private static boolean isArray(Column c) {
        return c.type() == ColumnType.OTHER && ArrayLiteral.isArrayType(c.engineType());
    }
}
