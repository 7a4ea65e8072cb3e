package dev.lakebench.core.sql;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.schema.ColumnType;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells what a {@code <#>} ranks: the searched column decides (EMBEDDING → cosine, EMBEDDING_2D → MaxSim, TEXT
 * → BM25, an {@code (embedding, text)::deeplake_hybrid_record} → hybrid), and the other side is the query — a
 * value fixed for the statement (parameter, literal, constant expression) or one that varies per row.
 */
final class SearchClassifier {

    private static final String HYBRID = "DEEPLAKE_HYBRID_RECORD";

    private final RewriteContext cx;
    private final QueryBlock block;

    SearchClassifier(RewriteContext cx, QueryBlock block) {
        this.cx = cx;
        this.block = block;
    }

    SearchExpr classify(Expr e) {
        Expr l = e.child(0).unwrap();
        Expr r = e.child(1).unwrap();
        if (isHybridRecord(l) || isHybridQuery(r)) {
            return hybrid(e, l, r);
        }
        Resolved lc = column(l);
        Resolved rc = column(r);
        Expr colExpr = l;
        Resolved col = lc;
        Expr other = r;
        Resolved otherCol = rc;
        if (col == null && rc != null && rc.column().type().isVector()) {
            colExpr = r;
            col = rc;
            other = l;
            otherCol = lc;
        }
        if (col == null && l.kind() == Expr.Kind.COLUMN) {
            List<String> searchable = cx.names.searchable(block);
            throw new QueryError(
                    ErrorCode.QUERY_INVALID,
                    "<#> needs a column of a Lakebench table on its left: " + cx.original(l.first(), l.last())
                            + " is not one"
                            + (searchable.isEmpty()
                                    ? ""
                                    : "; the columns it can search here are " + String.join(", ", searchable)),
                    searchable.isEmpty()
                            ? "Search an EMBEDDING column (cosine), an EMBEDDING_2D column (MaxSim) or a TEXT column (BM25),"
                                    + " e.g. embedding <#> $1"
                            : "Put one of them on the left, e.g. " + example(searchable) + " <#> $1");
        }
        if (col == null) {
            throw new QueryError(
                    ErrorCode.QUERY_INVALID,
                    "<#> needs a column of a Lakebench table on its left: " + cx.original(l.first(), l.last())
                            + " is not one",
                    "Search an EMBEDDING column (cosine), an EMBEDDING_2D column (MaxSim) or a TEXT column (BM25),"
                            + " e.g. embedding <#> $1");
        }
        SearchKind kind = kindOf(col);
        if (other.kind() == Expr.Kind.COLUMN || hasColumns(other)) {
            if (otherCol != null
                    && kind != SearchKind.TEXT
                    && otherCol.column().type() != col.column().type()) {
                throw new QueryError(
                        ErrorCode.QUERY_INVALID,
                        "<#> compares " + col.describe() + " with " + otherCol.describe() + ": the types differ",
                        "Compare columns of the same type");
            }
            return new SearchExpr(e, kind, colExpr, col, null, other, otherCol, null, null, null, null);
        }
        return new SearchExpr(e, kind, colExpr, col, operand(other, kind), null, null, null, null, null, null);
    }

    /** The name of the first embedding column among "name (TYPE)" entries, else of the first entry. */
    private static String example(List<String> searchable) {
        String pick = searchable.stream()
                .filter(c -> c.endsWith("(EMBEDDING)"))
                .findFirst()
                .orElse(searchable.get(0));
        return pick.substring(0, pick.lastIndexOf(" ("));
    }

    private static SearchKind kindOf(Resolved col) {
        return switch (col.column().type()) {
            case EMBEDDING -> SearchKind.VECTOR;
            case EMBEDDING_2D -> SearchKind.MULTI_VECTOR;
            case TEXT -> SearchKind.TEXT;
            default ->
                throw new QueryError(
                        ErrorCode.QUERY_INVALID,
                        "<#> cannot search " + col.describe() + ": it ranks EMBEDDING columns (cosine similarity),"
                                + " EMBEDDING_2D columns (MaxSim) and TEXT columns (BM25)",
                        "Search an embedding or text column, or filter this one with WHERE");
        };
    }

    private Resolved column(Expr x) {
        return x.kind() == Expr.Kind.COLUMN ? cx.resolve(x, block) : null;
    }

    /** True when the expression reads columns of the current row (outside subqueries). */
    private static boolean hasColumns(Expr x) {
        if (x.kind() == Expr.Kind.COLUMN) {
            return true;
        }
        if (x.kind() == Expr.Kind.SUBQUERY) {
            return false;
        }
        if (x.kind() == Expr.Kind.CALL && x.children().isEmpty()) {
            return false;
        }
        for (Expr c : x.children()) {
            if (hasColumns(c)) {
                return true;
            }
        }
        return false;
    }

    /** The query value of a search whose column has kind {@code kind}. */
    Operand operand(Expr x, SearchKind kind) {
        x = x.unwrap();
        if (x.kind() == Expr.Kind.PARAMETER) {
            return new Operand.Param(cx.sig.get(x.first()).parameterIndex());
        }
        if (x.kind() == Expr.Kind.CONSTANT && cx.sig.get(x.first()).isWord("NULL")) {
            return new Operand.Literal(null);
        }
        if (kind == SearchKind.TEXT && x.kind() == Expr.Kind.STRING) {
            return new Operand.Literal(Literals.string(cx.sig.get(x.first())));
        }
        if (kind == SearchKind.VECTOR || kind == SearchKind.MULTI_VECTOR) {
            Object v = Literals.vector(x, cx.sig);
            if (v != null) {
                return new Operand.Literal(v);
            }
        }
        String text = cx.original(x.first(), x.last());
        return new Operand.Expression(
                Dialect.nestedQuery(visibleCtes(x) + "SELECT (" + text + ")", cx.names.tables()), text);
    }

    /**
     * The CTEs a query value reads, as a WITH clause to put before it ("WITH q AS (..) "): the definitions of the
     * nearest WITH up to the last one the value names (a CTE may read the ones before it), never the one that holds
     * the search itself.
     */
    private String visibleCtes(Expr x) {
        Set<String> named = new HashSet<>();
        for (int i = x.first(); i <= x.last(); i++) {
            Token t = cx.sig.get(i);
            if (QualifiedName.isName(t)) {
                named.add(t.identifier().toLowerCase(Locale.ROOT));
            }
        }
        for (QueryBlock b = block; b != null; b = b.parent) {
            int last = -1;
            for (int i = 0; i < b.cteNames.size() && i < b.cteRanges.size(); i++) {
                int[] r = b.cteRanges.get(i);
                if (x.first() >= r[0] && x.last() <= r[1]) {
                    break; // the search sits in this CTE: only the ones before it are visible
                }
                if (named.contains(b.cteNames.get(i))) {
                    last = i;
                }
            }
            if (last >= 0) {
                StringBuilder sb = new StringBuilder("WITH ");
                if (b.withFirst + 1 < cx.sig.size()
                        && cx.sig.get(b.withFirst + 1).isWord("RECURSIVE")) {
                    sb.append("RECURSIVE ");
                }
                for (int i = 0; i <= last; i++) {
                    int[] r = b.cteRanges.get(i);
                    sb.append(i > 0 ? ", " : "").append(cx.original(r[0], r[1]));
                }
                return sb.append(' ').toString();
            }
        }
        return "";
    }

    private Operand weight(Expr x) {
        x = x.unwrap();
        if (x.kind() == Expr.Kind.PARAMETER) {
            return new Operand.Param(cx.sig.get(x.first()).parameterIndex());
        }
        Double d = Literals.number(x, cx.sig);
        if (d != null) {
            return new Operand.Literal(d);
        }
        String text = cx.original(x.first(), x.last());
        return new Operand.Expression(Dialect.nestedQuery("SELECT (" + text + ")", cx.names.tables()), text);
    }

    // ---- hybrid ----

    private static boolean isHybridRecord(Expr x) {
        return x.kind() == Expr.Kind.CAST && x.type().equals(HYBRID);
    }

    private static boolean isHybridQuery(Expr x) {
        return x.kind() == Expr.Kind.CALL && x.simpleName().equals("deeplake_hybrid_record") || isHybridRecord(x);
    }

    private SearchExpr hybrid(Expr e, Expr l, Expr r) {
        List<Expr> fields = rowItems(isHybridRecord(l) ? l.child(0).unwrap() : l);
        if (fields == null || fields.size() != 2) {
            throw new QueryError(
                    ErrorCode.QUERY_INVALID,
                    "The left side of a hybrid search must be (embedding_column, text_column)::deeplake_hybrid_record, got "
                            + cx.original(l.first(), l.last()),
                    "Write (embedding, text)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2)");
        }
        List<Expr> args;
        boolean function = r.kind() == Expr.Kind.CALL;
        if (function) {
            args = r.children();
        } else if (isHybridRecord(r)) {
            args = rowItems(r.child(0).unwrap());
        } else {
            args = null;
        }
        if (args == null || args.size() != 2 && args.size() != 4) {
            throw new QueryError(
                    ErrorCode.QUERY_INVALID,
                    "The right side of a hybrid search must be deeplake_hybrid_record(query_vector, query_text"
                            + "[, vector_weight, text_weight]), got " + cx.original(r.first(), r.last()),
                    "Pass 2 arguments (weights 0.5 / 0.5) or 4 (with the weights)");
        }
        int v = -1;
        int t = -1;
        Resolved[] cols = new Resolved[2];
        for (int i = 0; i < 2; i++) {
            Expr f = fields.get(i).unwrap();
            cols[i] = f.kind() == Expr.Kind.COLUMN ? cx.resolve(f, block) : null;
            if (cols[i] == null) {
                throw new QueryError(
                        ErrorCode.QUERY_INVALID,
                        "Hybrid search field " + cx.original(f.first(), f.last())
                                + " is not a column of a Lakebench table",
                        "Name an EMBEDDING column and a TEXT column");
            }
            switch (cols[i].column().type()) {
                case EMBEDDING, EMBEDDING_2D -> v = i;
                case TEXT -> t = i;
                default ->
                    throw new QueryError(
                            ErrorCode.QUERY_INVALID,
                            "Hybrid search cannot use " + cols[i].describe(),
                            "A hybrid record combines one EMBEDDING (or EMBEDDING_2D) column and one TEXT column");
            }
        }
        if (v < 0 || t < 0) {
            throw new QueryError(
                    ErrorCode.QUERY_INVALID,
                    "A hybrid record needs one EMBEDDING (or EMBEDDING_2D) column and one TEXT column, got "
                            + cols[0].describe() + " and " + cols[1].describe(),
                    "Write (embedding, text)::deeplake_hybrid_record");
        }
        double defaultWeight = function ? 0.5 : 1.0;
        Operand wv = args.size() == 4 ? weight(args.get(2 + v)) : new Operand.Literal(defaultWeight);
        Operand wt = args.size() == 4 ? weight(args.get(2 + t)) : new Operand.Literal(defaultWeight);
        Expr qv = args.get(v).unwrap();
        Expr qt = args.get(t).unwrap();
        if (hasColumns(qv) || hasColumns(qt)) {
            throw new QueryError(
                    ErrorCode.QUERY_INVALID,
                    "The queries of a hybrid search must be values (parameters or literals)",
                    "Pass the query vector and text as $1 and $2");
        }
        Expr vecField = fields.get(v).unwrap();
        return new SearchExpr(
                e,
                SearchKind.HYBRID,
                vecField,
                cols[v],
                operand(
                        qv,
                        cols[v].column().type() == ColumnType.EMBEDDING_2D
                                ? SearchKind.MULTI_VECTOR
                                : SearchKind.VECTOR),
                null,
                null,
                cols[t],
                operand(qt, SearchKind.TEXT),
                wv,
                wt);
    }

    private static List<Expr> rowItems(Expr x) {
        if (x.kind() == Expr.Kind.ROW) {
            return x.children();
        }
        return null;
    }
}
