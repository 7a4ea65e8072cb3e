package dev.lakebench.core.sql;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.store.Identifiers;
import dev.lakebench.core.store.TableDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Rewrites the dialect constructs of one statement into engine SQL, block by block: {@code <#>} becomes either
 * a pushed-down top-k search (the block's table joined to pre-computed hits) or a per-row scoring function,
 * {@code @>} on text becomes {@code contains}, domain-type casts and {@code decode(.., 'hex')} become engine
 * functions, and the unsupported forms fail with errors that name the fix.
 */
final class StatementRewriter {

    /** The score column a pushed-down search adds to its table. */
    static final String SCORE_COLUMN = "_lb_score";

    private final SqlStatement st;
    final List<Token> sig;
    final int[] match;
    final BlockParser parser;
    final ExprParser exprs;
    final TextEdits edits;
    private final Function<String, Optional<TableDef>> tables;
    final List<Slot> slots = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    private final Map<String, TableDef> referenced = new LinkedHashMap<>();
    /** Select items that are a column as written: their vectors are decoded from the result, not turned into arrays. */
    private final java.util.Set<Expr> bareItems = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** Set when the statement is a single top-k search an index may answer alone. */
    Translation.IndexOnly indexOnly;

    StatementRewriter(SqlStatement st, Function<String, Optional<TableDef>> tables) {
        this.st = st;
        this.sig = st.significant();
        this.match = Brackets.match(sig);
        this.parser = new BlockParser(sig, match);
        this.exprs = parser.expressions();
        this.edits = new TextEdits(st.text(), sig);
        this.tables = tables;
    }

    SqlStatement statement() {
        return st;
    }

    Function<String, Optional<TableDef>> tables() {
        return tables;
    }

    /** Registers a slot and returns its placeholder. */
    String slot(Slot s) {
        slots.add(s);
        return BoundSql.placeholder(slots.size() - 1);
    }

    BoundSql result() {
        return new BoundSql(edits.apply(), slots);
    }

    /** A Lakebench table addressed by a FROM name (unqualified or main.), or null. */
    TableDef lakebenchTable(Relation r, QueryBlock scope) {
        if (r.kind != Relation.Kind.TABLE || scope.isCte(r.tableName())) {
            return null;
        }
        String schema = r.schema();
        if (schema != null && !schema.equalsIgnoreCase("main") || r.name.size() > 3) {
            return null;
        }
        return tables.apply(r.tableName()).orElse(null);
    }

    /** Remembers every Lakebench table the blocks read, for resolving columns that reach a block indirectly. */
    void collectTables(QueryBlock b) {
        for (Relation r : b.relations) {
            TableDef def = lakebenchTable(r, b);
            if (def != null) {
                referenced.putIfAbsent(def.name().toLowerCase(Locale.ROOT), def);
            }
        }
        for (QueryBlock c : b.children) {
            collectTables(c);
        }
    }

    void addReferenced(TableDef def) {
        referenced.putIfAbsent(def.name().toLowerCase(Locale.ROOT), def);
    }

    /** Rewrites a block tree: top-k pushdown where it applies, then every expression, then nested blocks. */
    void rewrite(QueryBlock b) {
        if (edits.isCovered(Math.min(b.from, sig.size() - 1))) {
            return;
        }
        searchOrderDefaultsToBestFirst(b);
        for (QueryBlock.Item item : b.items) {
            if (item.expr().kind == Expr.Kind.COLUMN) {
                bareItems.add(item.expr());
            }
        }
        TopK plan = planTopK(b);
        for (Expr e : b.expressions) {
            visit(e, b, plan);
        }
        if (plan != null) {
            finishTopK(b, plan);
        }
        for (QueryBlock c : List.copyOf(b.children)) {
            rewrite(c);
        }
    }

    /**
     * pg_deeplake's rule: {@code ORDER BY <search>} without ASC or DESC returns the most similar rows first (its
     * index hands rows out best-first), so the missing direction is DESC. A written ASC stays ascending.
     */
    private void searchOrderDefaultsToBestFirst(QueryBlock b) {
        for (int i = 0; i < b.order.size(); i++) {
            QueryBlock.Order o = b.order.get(i);
            if (o.explicit() || o.expr().kind == Expr.Kind.OTHER || edits.isCovered(o.expr().first)) {
                continue;
            }
            if (orderTarget(b, o.expr()).isBinary("<#>")) {
                edits.insertAfter(o.expr().last, " DESC");
                b.order.set(i, new QueryBlock.Order(o.expr(), true, true, o.first(), o.last()));
            }
        }
    }

    /** What an ORDER BY item sorts by: the select item it names by alias or position, else itself. */
    private Expr orderTarget(QueryBlock b, Expr e) {
        Expr target = e.unwrap();
        if (target.kind == Expr.Kind.COLUMN && target.name.size() == 1) {
            QueryBlock.Item item = b.itemByAlias(target.name.get(0));
            if (item != null) {
                return item.expr().unwrap();
            }
        } else if (target.kind == Expr.Kind.NUMBER) {
            Double n = Literals.number(target, sig);
            if (n != null && n >= 1 && n <= b.items.size() && n == Math.floor(n)) {
                return b.items.get(n.intValue() - 1).expr().unwrap();
            }
        }
        return target;
    }

    // ---- expressions ----

    void visit(Expr e, QueryBlock b, TopK plan) {
        if (edits.isCovered(e.first)) {
            return;
        }
        switch (e.kind) {
            case BINARY -> {
                if (e.op.equals("<#>")) {
                    search(e, b, plan);
                    return;
                }
                if (e.op.equals("@>")) {
                    contains(e, b);
                }
            }
            case CALL -> call(e);
            case CAST -> cast(e);
            case COLUMN -> {
                if (!bareItems.contains(e) && statement().kind() == SqlStatement.Kind.SELECT) {
                    vectorValue(e, b);
                }
            }
            case SUBQUERY -> {
                return;
            }
            default -> {
                // children below
            }
        }
        for (Expr c : e.children) {
            visit(c, b, plan);
        }
    }

    private void call(Expr e) {
        String name = e.simpleName();
        switch (name) {
            case "bm25_similarity" -> throw new QueryError(ErrorCode.QUERY_INVALID,
                    "BM25_SIMILARITY() is not a function in Lakebench SQL",
                    "Rank text with the <#> operator: SELECT *, text <#> 'query' AS score FROM t ORDER BY score DESC LIMIT 10");
            case "deeplake_hybrid_record" -> throw new QueryError(ErrorCode.QUERY_INVALID,
                    "deeplake_hybrid_record(...) is only valid on the right of <#>",
                    "Write (embedding, text)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2[, w_vector, w_text])");
            case "decode" -> decode(e);
            default -> {
                // engine function
            }
        }
    }

    /** PostgreSQL's {@code decode(text, 'hex' | 'base64')} is the engine's {@code unhex} / {@code from_base64}. */
    private void decode(Expr e) {
        if (e.children.size() != 2 || e.child(1).kind != Expr.Kind.STRING) {
            return;
        }
        String format = Literals.string(sig.get(e.child(1).first)).toLowerCase(Locale.ROOT);
        String fn = switch (format) {
            case "hex" -> "unhex";
            case "base64" -> "from_base64";
            default -> throw new QueryError(ErrorCode.QUERY_INVALID, "decode() format '" + format + "' is not supported",
                    "Use decode(text, 'hex') or decode(text, 'base64')");
        };
        int nameToken = e.first + (e.name.size() - 1) * 2;
        edits.replace(nameToken, nameToken, fn);
        // drop ", 'hex'"
        edits.replace(e.child(0).last + 1, e.child(1).last, "");
    }

    private void cast(Expr e) {
        if (e.type.equals("DEEPLAKE_HYBRID_RECORD")) {
            throw new QueryError(ErrorCode.QUERY_INVALID, "A deeplake_hybrid_record is only valid with <#>",
                    "Write (embedding, text)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2[, w_vector, w_text])");
        }
        String engine = DomainTypes.engineType(e.type);
        if (engine != null) {
            edits.replace(e.typeFirst, e.typeLast, engine);
        }
    }

    /**
     * A vector column used as a value (compared, subscripted, passed to an array function) holds a reference to the
     * vector log: read it as the array it stands for, FLOAT[] or FLOAT[][].
     */
    private void vectorValue(Expr e, QueryBlock b) {
        Resolved r;
        try {
            r = resolve(e, b);
        } catch (QueryError ambiguous) {
            return; // the engine reports it
        }
        if (r == null || !r.column().type().isVector()) {
            return;
        }
        boolean multi = r.column().type() == ColumnType.EMBEDDING_2D;
        String col = edits.original(e.first, e.last);
        edits.replace(e.first, e.last, "CAST(lb_vector_text(struct_extract(" + col + ", '" + (multi ? "lb_mvec" : "lb_vec")
                + "'), '" + (multi ? "m" : "v") + "') AS FLOAT[]" + (multi ? "[]" : "") + ")");
    }

    /** {@code text @> 'kw'}: containment of a keyword, the engine's {@code contains}; other operands keep {@code @>}. */
    private void contains(Expr e, QueryBlock b) {
        Expr l = e.child(0).unwrap();
        boolean text = l.kind == Expr.Kind.STRING;
        if (l.kind == Expr.Kind.COLUMN) {
            Resolved r = resolve(l, b);
            text = r != null && r.column().type().storage() == ColumnType.Storage.TEXT;
        }
        if (!text) {
            return;
        }
        int op = e.child(0).last + 1;
        edits.insertBefore(e.first, "contains(");
        edits.replace(op, op, ",");
        edits.insertAfter(e.last, ")");
    }

    // ---- <#> ----

    private void search(Expr e, QueryBlock b, TopK plan) {
        SearchExpr s = new SearchClassifier(this, b).classify(e);
        if (plan != null && plan.matches(s)) {
            edits.replace(e.first, e.last, Identifiers.quote(SCORE_COLUMN));
            return;
        }
        perRow(s, e);
    }

    private void perRow(SearchExpr s, Expr e) {
        String col = edits.original(s.columnExpr().first, s.columnExpr().last);
        String replacement = switch (s.kind()) {
            case VECTOR -> {
                if (s.constantQuery()) {
                    yield "lb_cosine(struct_extract(" + col + ", 'lb_vec'), "
                            + slot(new Slot.VectorQuery(s.column().table(), s.column().column(), s.query())) + ")";
                }
                if (s.perRowColumn() != null && s.perRowColumn().column().type() == ColumnType.EMBEDDING) {
                    yield "lb_cosine_refs(struct_extract(" + col + ", 'lb_vec'), struct_extract("
                            + edits.original(s.perRow().first, s.perRow().last) + ", 'lb_vec'))";
                }
                yield "lb_cosine_text(struct_extract(" + col + ", 'lb_vec'), CAST((" + edits.apply(s.perRow().first, s.perRow().last)
                        + ") AS VARCHAR))";
            }
            case MULTI_VECTOR -> {
                if (s.constantQuery()) {
                    yield "lb_maxsim(struct_extract(" + col + ", 'lb_mvec'), "
                            + slot(new Slot.MultiVectorQuery(s.column().table(), s.column().column(), s.query())) + ")";
                }
                if (s.perRowColumn() != null && s.perRowColumn().column().type() == ColumnType.EMBEDDING_2D) {
                    yield "lb_maxsim_refs(struct_extract(" + col + ", 'lb_mvec'), struct_extract("
                            + edits.original(s.perRow().first, s.perRow().last) + ", 'lb_mvec'))";
                }
                yield "lb_maxsim_text(struct_extract(" + col + ", 'lb_mvec'), CAST((" + edits.apply(s.perRow().first, s.perRow().last)
                        + ") AS VARCHAR))";
            }
            case TEXT -> {
                if (!s.constantQuery()) {
                    throw new QueryError(ErrorCode.QUERY_INVALID,
                            "The BM25 query of " + s.column().describe() + " must be one value for the whole statement, got "
                                    + edits.original(s.perRow().first, s.perRow().last),
                            "Pass the query text as a parameter ($1) or a string literal");
                }
                yield "lb_bm25(" + col + ", " + slot(new Slot.TextQuery(s.column().table(), s.column().column(), s.query())) + ")";
            }
            case HYBRID -> throw new QueryError(ErrorCode.QUERY_INVALID,
                    "A hybrid score is a merge of two ranked lists, so it needs ORDER BY <hybrid> DESC LIMIT k on table \""
                            + s.column().table().name() + "\" (no joins, grouping or DISTINCT in that SELECT)",
                    "Write SELECT *, (embedding, text)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2) AS score"
                            + " FROM t ORDER BY score DESC LIMIT 10");
        };
        edits.replace(e.first, e.last, replacement);
        notes.add("per-row score: " + edits.original(e.first, e.last) + " computed exactly for each row (no index: not a"
                + " top-k ORDER BY ... DESC LIMIT k of one table)");
    }

    // ---- column resolution ----

    /** Resolves a column reference to a Lakebench column in scope; null when it names something else. */
    Resolved resolve(Expr col, QueryBlock b) {
        List<String> parts = col.name;
        String c = parts.get(parts.size() - 1);
        if (c.equals("*")) {
            return null;
        }
        if (parts.size() >= 3) {
            TableDef def = tables.apply(parts.get(parts.size() - 2)).orElse(null);
            return def == null ? null : def.schema().column(c).map(x -> new Resolved(def, x, null)).orElse(null);
        }
        if (parts.size() == 2) {
            String q = parts.get(0);
            for (QueryBlock s = b; s != null; s = s.parent) {
                for (Relation r : s.relations) {
                    if (r.exposes(q)) {
                        TableDef def = lakebenchTable(r, s);
                        if (def != null) {
                            return def.schema().column(c).map(x -> new Resolved(def, x, r)).orElse(null);
                        }
                        return global(c, col);
                    }
                }
            }
            TableDef def = tables.apply(q).orElse(null);
            if (def != null) {
                return def.schema().column(c).map(x -> new Resolved(def, x, null)).orElse(null);
            }
            return null;
        }
        for (QueryBlock s = b; s != null; s = s.parent) {
            List<Resolved> found = new ArrayList<>();
            for (Relation r : s.relations) {
                TableDef def = lakebenchTable(r, s);
                if (def != null) {
                    def.schema().column(c).ifPresent(x -> found.add(new Resolved(def, x, r)));
                }
            }
            if (found.size() == 1) {
                return found.get(0);
            }
            if (found.size() > 1) {
                throw ambiguous(c, found);
            }
        }
        return global(c, col);
    }

    private Resolved global(String c, Expr col) {
        List<Resolved> found = new ArrayList<>();
        for (TableDef def : referenced.values()) {
            def.schema().column(c).ifPresent(x -> found.add(new Resolved(def, x, null)));
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.size() > 1) {
            throw ambiguous(c, found);
        }
        return null;
    }

    private static QueryError ambiguous(String c, List<Resolved> found) {
        List<String> names = new ArrayList<>();
        for (Resolved r : found) {
            names.add(r.table().name());
        }
        return new QueryError(ErrorCode.QUERY_INVALID, "Column \"" + c + "\" is ambiguous: tables " + String.join(", ", names)
                + " all have it", "Qualify it with the table name or alias, e.g. " + names.get(0) + "." + c);
    }

    // ---- top-k pushdown ----

    /** The search a block can push down: {@code SELECT .. FROM t [WHERE ..] ORDER BY <search> DESC LIMIT k}. */
    record TopK(SearchExpr search, Relation relation, TableDef table) {

        boolean matches(SearchExpr s) {
            SearchExpr p = search;
            return s.kind() == p.kind() && p.column().sameColumn(s.column()) && s.constantQuery()
                    && String.valueOf(s.query()).equals(String.valueOf(p.query()))
                    && (p.kind() != SearchKind.HYBRID || p.textColumn().sameColumn(s.textColumn())
                    && String.valueOf(s.textQuery()).equals(String.valueOf(p.textQuery()))
                    && String.valueOf(s.vectorWeight()).equals(String.valueOf(p.vectorWeight()))
                    && String.valueOf(s.textWeight()).equals(String.valueOf(p.textWeight())));
        }
    }

    private TopK planTopK(QueryBlock b) {
        if (!b.simpleSelect || b.distinct || b.aggregates || b.joins || b.relations.size() != 1 || b.order.isEmpty()
                || b.limit == null || !b.order.get(0).descending()) {
            return null;
        }
        Relation r = b.relations.get(0);
        TableDef def = lakebenchTable(r, b);
        if (def == null || !isCount(b.limit) || b.offset != null && !isCount(b.offset)) {
            return null;
        }
        Expr target = b.order.get(0).expr().unwrap();
        if (target.kind == Expr.Kind.COLUMN && target.name.size() == 1 && def.schema().column(target.name.get(0)).isEmpty()) {
            QueryBlock.Item item = b.itemByAlias(target.name.get(0));
            target = item == null ? target : item.expr().unwrap();
        } else if (target.kind == Expr.Kind.NUMBER) {
            Double n = Literals.number(target, sig);
            if (n != null && n >= 1 && n <= b.items.size() && n == Math.floor(n)) {
                target = b.items.get(n.intValue() - 1).expr().unwrap();
            }
        }
        if (!target.isBinary("<#>")) {
            return null;
        }
        SearchExpr s = new SearchClassifier(this, b).classify(target);
        if (!s.constantQuery() || s.column().relation() != r || s.kind() == SearchKind.HYBRID && s.textColumn().relation() != r) {
            return null;
        }
        if (b.where != null && referencesItemAlias(b.where, b, def)) {
            return null;
        }
        return new TopK(s, r, def);
    }

    private boolean isCount(Expr e) {
        Expr u = e.unwrap();
        return u.kind == Expr.Kind.NUMBER || u.kind == Expr.Kind.PARAMETER;
    }

    /** True when a WHERE uses a select-list alias (the engine allows that), which a filter on the table cannot see. */
    private boolean referencesItemAlias(Expr e, QueryBlock b, TableDef def) {
        if (e.kind == Expr.Kind.COLUMN && e.name.size() == 1 && b.itemByAlias(e.name.get(0)) != null
                && def.schema().column(e.name.get(0)).isEmpty()) {
            return true;
        }
        if (e.kind == Expr.Kind.SUBQUERY) {
            return false;
        }
        for (Expr c : e.children) {
            if (referencesItemAlias(c, b, def)) {
                return true;
            }
        }
        return false;
    }

    private void finishTopK(QueryBlock b, TopK plan) {
        SearchExpr s = plan.search();
        Relation r = plan.relation();
        String alias = r.alias != null ? r.alias : r.tableName();
        BoundSql filter = null;
        if (b.where != null) {
            filter = new BoundSql(edits.apply(b.where.first, b.where.last), slots);
        }
        Operand limit = countOperand(b.limit);
        Operand offset = b.offset == null ? null : countOperand(b.offset);
        java.util.List<SearchSpec.Predicate> predicates = null;
        if (b.where != null) {
            predicates = new java.util.ArrayList<>();
            if (!predicates(b.where, b, plan, predicates)) {
                predicates = null;
            }
        }
        SearchSpec spec = new SearchSpec(plan.table(), alias, s.kind(), s.column().column(), s.query(),
                s.textColumn() == null ? null : s.textColumn().column(), s.textQuery(), s.vectorWeight(), s.textWeight(),
                limit, offset, filter, predicates, edits.original(s.expr().first, s.expr().last));
        String hits = slot(new Slot.Hits(spec));
        StringBuilder sb = new StringBuilder("(SELECT ");
        for (Column c : plan.table().schema().columns()) {
            sb.append("\"_lb_d\".").append(Identifiers.quote(c.name())).append(", ");
        }
        sb.append("\"_lb_h\".\"score\" AS ").append(Identifiers.quote(SCORE_COLUMN)).append(" FROM ")
                .append(plan.table().dataTable()).append(" AS \"_lb_d\" JOIN lb_hits(").append(hits)
                .append(") AS \"_lb_h\" ON \"_lb_d\".\"_lb_key\" = \"_lb_h\".\"key\"")
                // pg_deeplake ranks only documents that contain a query term
                .append(s.kind() == SearchKind.TEXT ? " WHERE \"_lb_h\".\"score\" > 0)" : ")");
        if (r.alias == null) {
            sb.append(" AS ").append(Identifiers.quote(alias));
        }
        edits.replace(r.first, r.last, sb.toString());
        for (QueryBlock.Item item : b.items) {
            Expr e = item.expr();
            boolean star = e.kind == Expr.Kind.STAR
                    || e.kind == Expr.Kind.COLUMN && e.name.size() == 2 && e.name.get(1).equals("*") && r.exposes(e.name.get(0));
            if (star) {
                excludeScore(e);
            }
        }
        notes.add("top-k search: " + spec.display() + " on table \"" + plan.table().name() + "\""
                + (filter != null ? ", WHERE applied as a filter before ranking" : ""));
        indexOnly = indexOnly(b, plan, slots.size() - 1, limit, offset);
    }

    /**
     * A statement that is nothing but the search ({@code SELECT cols, <search> AS s FROM t ORDER BY s DESC LIMIT
     * k}, no WHERE) can be answered from the hits plus column values an index keeps; any other shape, null.
     */
    private Translation.IndexOnly indexOnly(QueryBlock b, TopK plan, int hitsSlot, Operand limit, Operand offset) {
        if (b.parent != null || statement().kind() != SqlStatement.Kind.SELECT || b.where != null || b.order.size() != 1
                || !b.children.isEmpty()) {
            return null;
        }
        java.util.List<Translation.Output> outputs = new java.util.ArrayList<>();
        for (QueryBlock.Item item : b.items) {
            Expr e = item.expr().unwrap();
            if (e.kind == Expr.Kind.STAR || e.kind == Expr.Kind.COLUMN && e.name.size() == 2 && e.name.get(1).equals("*")
                    && plan.relation().exposes(e.name.get(0))) {
                for (Column c : plan.table().schema().columns()) {
                    outputs.add(new Translation.Output(c.name(), c.name()));
                }
            } else if (e.kind == Expr.Kind.COLUMN && (e.name.size() == 1 || e.name.size() == 2 && plan.relation().exposes(e.name.get(0)))
                    && plan.table().schema().column(e.name.get(e.name.size() - 1)).isPresent()) {
                String col = plan.table().schema().column(e.name.get(e.name.size() - 1)).orElseThrow().name();
                outputs.add(new Translation.Output(item.alias() != null ? item.alias() : e.name.get(e.name.size() - 1), col));
            } else if (e.isBinary("<#>") && item.alias() != null && plan.matches(new SearchClassifier(this, b).classify(e))) {
                outputs.add(new Translation.Output(item.alias(), null));
            } else {
                return null;
            }
        }
        notes.add("index-only: when a ready index of \"" + plan.table().name() + "\" keeps "
                + outputs.stream().filter(o -> o.column() != null).map(Translation.Output::column).toList()
                + " as doc values, the rows come from the index without reading the table");
        return new Translation.IndexOnly(hitsSlot, plan.table(), outputs, limit, offset, plan.search().kind() == SearchKind.TEXT);
    }

    /** Adds the conditions of a conjunction of simple column conditions; false when the WHERE is anything else. */
    private boolean predicates(Expr e, QueryBlock b, TopK plan, java.util.List<SearchSpec.Predicate> out) {
        e = e.unwrap();
        if (e.isBinary("AND")) {
            return predicates(e.child(0), b, plan, out) && predicates(e.child(1), b, plan, out);
        }
        String op = null;
        Expr col = null;
        Expr val = null;
        if (e.kind == Expr.Kind.BINARY && java.util.Set.of("=", "<", "<=", ">", ">=", "@>").contains(e.op)) {
            op = e.op.equals("@>") ? "contains" : e.op;
            col = e.child(0).unwrap();
            val = e.child(1).unwrap();
            if (col.kind != Expr.Kind.COLUMN && !op.equals("contains")) {
                Expr t = col;
                col = val;
                val = t;
                op = switch (op) {
                    case "<" -> ">";
                    case "<=" -> ">=";
                    case ">" -> "<";
                    case ">=" -> "<=";
                    default -> op;
                };
            }
        } else if (e.kind == Expr.Kind.CALL && e.simpleName().equals("contains") && e.children.size() == 2) {
            op = "contains";
            col = e.child(0).unwrap();
            val = e.child(1).unwrap();
        }
        if (op == null || col.kind != Expr.Kind.COLUMN) {
            return false;
        }
        Resolved r = resolve(col, b);
        if (r == null || r.relation() != plan.relation()) {
            return false;
        }
        Operand value = switch (val.kind) {
            case PARAMETER -> new Operand.Param(sig.get(val.first).parameterIndex());
            case STRING -> new Operand.Literal(Literals.string(sig.get(val.first)));
            default -> {
                Double d = Literals.number(val, sig);
                yield d == null ? null : new Operand.Literal(d);
            }
        };
        if (value == null) {
            return false;
        }
        out.add(new SearchSpec.Predicate(r.column(), op, value));
        return true;
    }

    private Operand countOperand(Expr e) {
        Expr u = e.unwrap();
        if (u.kind == Expr.Kind.PARAMETER) {
            return new Operand.Param(sig.get(u.first).parameterIndex());
        }
        return new Operand.Literal(Literals.number(u, sig));
    }

    /** {@code *} would show the score column; exclude it (merging into an existing EXCLUDE list). */
    private void excludeScore(Expr star) {
        int after = star.last + 1;
        if (after < sig.size() && sig.get(after).isWord("EXCLUDE") && after + 1 < sig.size() && sig.get(after + 1).is("(")) {
            edits.insertAfter(after + 1, Identifiers.quote(SCORE_COLUMN) + ", ");
            return;
        }
        if (after < sig.size() && sig.get(after).isWord("EXCLUDE")) {
            // EXCLUDE col (single name)
            edits.replace(after, after + 1, "EXCLUDE (" + Identifiers.quote(SCORE_COLUMN) + ", " + edits.original(after + 1, after + 1) + ")");
            return;
        }
        edits.insertAfter(star.last, " EXCLUDE (" + Identifiers.quote(SCORE_COLUMN) + ")");
    }
}
