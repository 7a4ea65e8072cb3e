package dev.lakebench.core.backend.postgres;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.sql.SqlStatement;
import dev.lakebench.core.sql.Token;
import dev.lakebench.core.store.Identifiers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The dialect rules for PostgreSQL, one per search kind; everything else passes through unchanged (pg_deeplake's
 * SQL is PostgreSQL's):
 * <ul>
 *   <li>vector: {@code emb <#> q} becomes {@code 1 - (emb::vector(d) <=> q::vector(d))}, and an ORDER BY on it
 *       {@code emb::vector(d) <=> q::vector(d)} ascending, which the HNSW expression index serves. {@code <#>}
 *       never reaches the server: in pgvector it is the negative inner product.</li>
 *   <li>BM25: with pg_search its score ({@code paradedb.score(id)}, matching by {@code @@@}); without it
 *       {@code lakebench.bm25(..)}, a plain-SQL BM25 for small tables. Ranked either way only matching rows come
 *       back, as in pg_deeplake.</li>
 *   <li>MaxSim on an EMBEDDING_2D column: {@code lakebench.maxsim(col, q::real[])}, exact and without an
 *       index (small tables).</li>
 *   <li>hybrid: one statement: both top-k lists, softmax per list (clamped at 700), weights, a full join.</li>
 *   <li>{@code col @> s} and {@code contains(col, s)} on text: {@code strpos(col, s) > 0} (pg_trgm indexes it).</li>
 * </ul>
 */
final class SearchTranslator {

    /**
     * A translated statement; {@code vectorLimit} is the LIMIT of a ranked vector search (null when none), and
     * {@code filtered} whether that search has a WHERE to pass.
     */
    record Result(String sql, boolean ranked, String vectorLimit, boolean filtered) {

        Result(String sql, boolean ranked, String vectorLimit) {
            this(sql, ranked, vectorLimit, false);
        }
    }

    private record TableRef(
            String schema, String name, String alias, TableSchema columns, int fromToken, int endToken) {
        String qualified() {
            return Identifiers.quote(schema) + "." + Identifiers.quote(name);
        }

        String ref() {
            return alias != null ? Identifiers.quote(alias) : qualified();
        }
    }

    private record Operand(int from, int to) {}

    private record ColumnRef(TableRef table, Column column, String text) {}

    /** One {@code <#>} found: its tokens, kind, and the pieces of its translation. */
    private record Search(
            int from,
            int to,
            ColumnType kind,
            ColumnRef col,
            String query,
            String score,
            String distance,
            String match,
            ColumnRef text,
            String textQuery,
            String wv,
            String wt) {}

    private final String schema;
    private final Function<String, Optional<TableSchema>> tables;
    private final Capabilities caps;

    SearchTranslator(String schema, Function<String, Optional<TableSchema>> tables, Capabilities caps) {
        this.schema = schema;
        this.tables = tables;
        this.caps = caps;
    }

    static boolean mayNeedTranslation(SqlStatement st) {
        for (Token t : st.significant()) {
            if (t.is("<#>")
                    || t.is("@>")
                    || t.isWord("contains")
                    || t.isWord("BM25_SIMILARITY")
                    || t.isWord("deeplake_hybrid_record")) {
                return true;
            }
        }
        return false;
    }

    Result translate(SqlStatement st) {
        if (!mayNeedTranslation(st)) {
            return new Result(st.text(), false, null);
        }
        TokenView v = new TokenView(st.text(), st.significant());
        for (Token t : v.sig) {
            if (t.isWord("BM25_SIMILARITY")) {
                throw new QueryError(
                        ErrorCode.QUERY_INVALID,
                        "BM25_SIMILARITY() is not a function of this dialect",
                        "Rank text with the <#> operator: ORDER BY text_col <#> 'query' DESC");
            }
        }
        List<TableRef> refs = tableRefs(v);
        List<Search> searches = new ArrayList<>();
        TreeMap<Integer, String[]> edits = new TreeMap<>(); // token from -> {to, replacement}
        for (int i = 0; i < v.size(); i++) {
            Token t = v.get(i);
            if (t.is("<#>")) {
                Search s = search(v, refs, i);
                searches.add(s);
                edits.put(s.from(), new String[] {String.valueOf(s.to()), s.score()});
                i = s.to();
            } else if (t.is("@>")) {
                Operand l = left(v, i);
                ColumnRef c = column(v, refs, l);
                if (c != null && c.column().type() == ColumnType.TEXT) {
                    Operand r = right(v, i);
                    edits.put(l.from(), new String[] {
                        String.valueOf(r.to()), "(strpos(" + c.text() + ", " + v.source(r.from(), r.to()) + ") > 0)"
                    });
                    i = r.to();
                }
            } else if (t.isWord("contains")
                    && i + 1 < v.size()
                    && v.get(i + 1).is("(")
                    && (i == 0 || !v.get(i - 1).is("."))) {
                int close = v.match[i + 1];
                int comma = -1;
                for (int j = i + 2; j < close; j++) {
                    if (v.get(j).is(",") && v.depth[j] == v.depth[i + 1] + 1) {
                        comma = j;
                        break;
                    }
                }
                if (comma > 0) {
                    edits.put(i, new String[] {
                        String.valueOf(close),
                        "(strpos(" + v.source(i + 2, comma - 1) + ", " + v.source(comma + 1, close - 1) + ") > 0)"
                    });
                    i = close;
                }
            }
        }
        Search hybrid =
                searches.stream().filter(s -> s.kind() == null).findFirst().orElse(null);
        if (hybrid != null) {
            return new Result(hybridStatement(v, refs, hybrid, searches), true, null);
        }
        boolean ranked = false;
        String vectorLimit = null;
        List<String> filters = new ArrayList<>();
        if (st.kind() == SqlStatement.Kind.SELECT) {
            Map<String, Search> aliases = selectAliases(v, searches);
            int order = orderBy(v);
            if (order >= 0) {
                int end = clauseEnd(v, order + 2);
                int start = order + 2;
                for (int j = order + 2; j <= end; j++) {
                    if (j == end || v.get(j).is(",") && v.depth[j] == 0) {
                        Search s = orderItem(v, start, j - 1, aliases, searches);
                        if (s != null) {
                            ranked = true;
                            int body = itemBodyEnd(v, start, j - 1);
                            boolean desc = body < j - 1 && v.get(body + 1).isWord("DESC");
                            if (s.kind() == ColumnType.EMBEDDING) {
                                // the index serves distance ascending: most similar first is DESC on the score
                                for (int k = start; k <= j - 1; k++) {
                                    edits.remove(k);
                                }
                                int nulls =
                                        body < j - 1 && (v.get(body + 1).isWord("ASC") || desc) ? body + 2 : body + 1;
                                String rest = nulls <= j - 1 ? " " + v.source(nulls, j - 1) : "";
                                edits.put(start, new String[] {
                                    String.valueOf(j - 1), s.distance() + (desc ? "" : " DESC") + rest
                                });
                                vectorLimit = limitText(v);
                            } else if (s.match() != null && desc) {
                                filters.add(s.match());
                            } else if (s.kind() == ColumnType.EMBEDDING_2D && desc && body + 1 == j - 1) {
                                // documents without a non-zero row score NULL: last, as in the local engine
                                // (PostgreSQL puts NULLs first in a descending order)
                                edits.put(body + 1, new String[] {String.valueOf(body + 1), "DESC NULLS LAST"});
                            }
                        }
                        start = j + 1;
                    }
                }
            }
        }
        String sql = apply(v, edits);
        if (!filters.isEmpty()) {
            sql = addFilter(
                    new TokenView(sql, dev.lakebench.core.sql.SqlLexer.significant(sql)),
                    String.join(" AND ", filters));
        }
        return new Result(sql, ranked, vectorLimit, vectorLimit != null && v.findTopLevel(0, "WHERE") >= 0);
    }

    // ---- one <#> ----

    private Search search(TokenView v, List<TableRef> refs, int op) {
        Operand l = left(v, op);
        Operand r = right(v, op);
        if (v.get(l.to()).isWord("deeplake_hybrid_record") || v.get(r.from()).isWord("deeplake_hybrid_record")) {
            return hybrid(v, refs, l, r);
        }
        ColumnRef c = column(v, refs, l);
        if (c == null) {
            ColumnRef other = column(v, refs, r);
            if (other != null && other.column().type().isVector()) {
                c = other;
                Operand tmp = l;
                l = r;
                r = tmp;
            }
        }
        if (c == null) {
            throw new QueryError(
                    ErrorCode.QUERY_INVALID,
                    "<#> needs a column of a Lakebench table on its left: " + v.source(l.from(), l.to())
                            + " is not one",
                    "Search an EMBEDDING column (cosine) or a TEXT column (BM25), e.g. embedding <#> $1");
        }
        String q = v.source(r.from(), r.to());
        int from = Math.min(l.from(), r.from());
        int to = Math.max(l.to(), r.to());
        return switch (c.column().type()) {
            case EMBEDDING -> {
                caps.require(
                        Capabilities.VECTOR, "Vector search on \"" + c.column().name() + "\"");
                String dist = distance(c, q);
                yield new Search(
                        from, to, ColumnType.EMBEDDING, c, q, "(1 - " + dist + ")", dist, null, null, null, null, null);
            }
            case TEXT -> {
                String[] bm = bm25(c, q);
                yield new Search(from, to, ColumnType.TEXT, c, q, bm[0], null, bm[1], null, null, null, null);
            }
            case EMBEDDING_2D -> {
                String score = PgHelpers.SCHEMA + ".maxsim(" + c.text() + ", (" + q + ")::real[])";
                yield new Search(from, to, ColumnType.EMBEDDING_2D, c, q, score, null, null, null, null, null, null);
            }
            default ->
                throw new QueryError(
                        ErrorCode.QUERY_INVALID,
                        "<#> cannot search the " + c.column().type() + " column \""
                                + c.column().name()
                                + "\": it ranks EMBEDDING columns (cosine similarity) and TEXT columns (BM25)",
                        "Search an embedding or text column, or filter this one with WHERE");
        };
    }

    /** {@code (col::vector(d) <=> (q)::vector(d))}: cosine distance in pgvector. */
    static String distance(String columnText, int dim, String query) {
        String type = dim > 0 ? "vector(" + dim + ")" : "vector";
        return "(" + columnText + "::" + type + " <=> (" + query + ")::" + type + ")";
    }

    private static String distance(ColumnRef c, String q) {
        return distance(c.text(), c.column().dimension(), q);
    }

    /** The BM25 score and the matching condition of a text column against a query. */
    private String[] bm25(ColumnRef c, String q) {
        if (caps.has(Capabilities.PG_SEARCH)) {
            Column key = c.table()
                    .columns()
                    .column("id")
                    .orElseThrow(
                            () -> new QueryError(
                                    ErrorCode.QUERY_INVALID,
                                    "BM25 through pg_search needs a unique key column \"id\" in table \""
                                            + c.table().name() + "\"",
                                    "Ingest the table with an id column (files get one), or drop pg_search to use the small-scale fallback"));
            String keyRef = c.table().ref() + "." + Identifiers.quote(key.name());
            return new String[] {"paradedb.score(" + keyRef + ")", "(" + c.text() + " @@@ (" + q + ")::text)"};
        }
        String score = PgHelpers.SCHEMA + ".bm25(" + c.text() + ", (" + q + ")::text, '"
                + c.table().qualified().replace("'", "''") + "'::regclass, '"
                + c.column().name().replace("'", "''") + "')";
        return new String[] {
            score,
            "(" + PgHelpers.SCHEMA + ".words(" + c.text() + ") && " + PgHelpers.SCHEMA + ".words((" + q + ")::text))"
        };
    }

    private Search hybrid(TokenView v, List<TableRef> refs, Operand l, Operand r) {
        Operand rec = v.get(l.to()).isWord("deeplake_hybrid_record") ? l : r;
        Operand fn = rec == l ? r : l;
        // (emb, text)::deeplake_hybrid_record
        int open = rec.from();
        if (!v.get(open).is("(") || v.match[open] < 0) {
            throw badHybrid(v, rec);
        }
        List<Operand> cols = args(v, open);
        if (!v.get(fn.from()).isWord("deeplake_hybrid_record")
                || fn.from() + 1 > fn.to()
                || !v.get(fn.from() + 1).is("(")) {
            throw new QueryError(
                    ErrorCode.QUERY_INVALID,
                    "Hybrid search compares the record with deeplake_hybrid_record(query_vector, query_text[, vector_weight, text_weight])",
                    "Write (emb, text)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2, 0.7, 0.3)");
        }
        List<Operand> a = args(v, fn.from() + 1);
        if (cols.size() != 2 || (a.size() != 2 && a.size() != 4)) {
            throw badHybrid(v, rec);
        }
        ColumnRef e = column(v, refs, cols.get(0));
        ColumnRef t = column(v, refs, cols.get(1));
        if (e == null
                || t == null
                || e.column().type() != ColumnType.EMBEDDING
                || t.column().type() != ColumnType.TEXT) {
            throw new QueryError(
                    ErrorCode.QUERY_INVALID,
                    "A hybrid record pairs an EMBEDDING column with a TEXT column: " + v.source(rec.from(), rec.to())
                            + " does not",
                    "Write (embedding_col, text_col)::deeplake_hybrid_record");
        }
        caps.require(Capabilities.VECTOR, "Hybrid search on \"" + e.column().name() + "\"");
        String q = v.source(a.get(0).from(), a.get(0).to());
        String tq = v.source(a.get(1).from(), a.get(1).to());
        String wv = a.size() == 4 ? v.source(a.get(2).from(), a.get(2).to()) : "0.5";
        String wt = a.size() == 4 ? v.source(a.get(3).from(), a.get(3).to()) : "0.5";
        return new Search(
                Math.min(l.from(), r.from()),
                Math.max(l.to(), r.to()),
                null,
                e,
                q,
                null,
                distance(e, q),
                null,
                t,
                tq,
                wv,
                wt);
    }

    private static QueryError badHybrid(TokenView v, Operand o) {
        return new QueryError(
                ErrorCode.QUERY_INVALID,
                "Not a hybrid record: " + v.source(o.from(), o.to()),
                "Write (embedding_col, text_col)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2[, 0.5, 0.5])");
    }

    /**
     * One statement for a hybrid top-k: each side's top-k (k = LIMIT + OFFSET) under the statement's WHERE, softmax
     * per list of the clamped scores (max subtracted first: same values, no overflow), weighted, summed over a full
     * join, joined back to the table by row address.
     */
    private String hybridStatement(TokenView v, List<TableRef> refs, Search h, List<Search> searches) {
        if (searches.size() > 1 || refs.size() != 1) {
            throw new QueryError(
                    ErrorCode.QUERY_INVALID,
                    "A hybrid search runs on one table, alone in its statement",
                    "SELECT ... FROM t WHERE ... ORDER BY (emb, text)::deeplake_hybrid_record <#> deeplake_hybrid_record($1, $2) DESC LIMIT k");
        }
        TableRef t = refs.get(0);
        String limit = limitText(v);
        if (limit == null) {
            throw new QueryError(
                    ErrorCode.QUERY_INVALID,
                    "A hybrid search needs a LIMIT: each side fetches that many rows",
                    "Add LIMIT k to the statement");
        }
        int off = v.findTopLevel(0, "OFFSET");
        String k = off >= 0 ? "(" + limit + ") + (" + v.source(off + 1, off + 1) + ")" : limit;
        int where = v.findTopLevel(0, "WHERE");
        String filter = where < 0 ? null : v.source(where + 1, clauseEnd(v, where + 1) - 1);
        String from = t.qualified() + (t.alias() != null ? " " + Identifiers.quote(t.alias()) : "");
        String ref = t.ref();
        String[] bm = bm25(h.text(), h.textQuery());
        String cte = "lb_v AS (SELECT " + ref + ".ctid AS lb_k, 1 - " + h.distance() + " AS lb_s FROM " + from
                + (filter == null ? "" : " WHERE " + filter) + " ORDER BY " + h.distance() + " LIMIT " + k + "), "
                + "lb_t AS (SELECT " + ref + ".ctid AS lb_k, " + bm[0] + " AS lb_s FROM " + from + " WHERE " + bm[1]
                + (filter == null ? "" : " AND (" + filter + ")") + " ORDER BY 2 DESC LIMIT " + k + "), "
                + "lb_h AS (SELECT coalesce(v.lb_k, t.lb_k) AS lb_k, coalesce((" + h.wv()
                + ") * v.lb_p, 0) + coalesce(("
                + h.wt() + ") * t.lb_p, 0) AS lb_score FROM " + softmax("lb_v") + " v FULL JOIN " + softmax("lb_t")
                + " t ON v.lb_k = t.lb_k)";
        TreeMap<Integer, String[]> edits = new TreeMap<>();
        edits.put(h.from(), new String[] {String.valueOf(h.to()), "lb_h.lb_score"});
        edits.put(t.endToken(), new String[] {
            String.valueOf(t.endToken()),
            v.source(t.endToken(), t.endToken()) + " JOIN lb_h ON " + ref + ".ctid = lb_h.lb_k"
        });
        String body = apply(v, edits);
        if (v.get(0).isWord("WITH")) {
            int after = v.get(0).end();
            return body.substring(0, after) + " " + cte + "," + body.substring(after);
        }
        return "WITH " + cte + " " + body;
    }

    private static String softmax(String list) {
        return "(SELECT lb_k, exp(least(lb_s, 700) - lb_m) / sum(exp(least(lb_s, 700) - lb_m)) OVER () AS lb_p FROM (SELECT lb_k, lb_s,"
                + " max(least(lb_s, 700)) OVER () AS lb_m FROM " + list + ") x)";
    }

    // ---- operands and names ----

    private static Operand left(TokenView v, int op) {
        int j = op - 1;
        if (j < 0) {
            throw new QueryError(
                    ErrorCode.QUERY_SYNTAX,
                    "Operator " + v.get(op).text() + " has no left operand",
                    "Write col <#> query");
        }
        int end = j;
        // strip casts backwards: ...)::name or x::name[]
        while (j >= 2
                && (v.get(j).kind() == Token.Kind.WORD
                        || v.get(j).is("]")
                        || v.get(j).is(")"))
                && castBefore(v, j)) {
            j = castStart(v, j) - 2;
        }
        if (v.get(j).is(")") || v.get(j).is("]")) {
            j = v.match[j];
            if (j > 0 && v.isName(j - 1) && v.get(j).is("(")) {
                j--;
            }
        } else {
            while (j >= 2 && v.get(j - 1).is(".") && v.isName(j - 2)) {
                j -= 2;
            }
        }
        return new Operand(j, end);
    }

    private static boolean castBefore(TokenView v, int j) {
        int s = castStart(v, j);
        return s >= 2 && v.get(s - 1).is("::");
    }

    /** For a type name ending at {@code j} (with [] suffixes), the index of its first word. */
    private static int castStart(TokenView v, int j) {
        while (j >= 1 && v.get(j).is("]") && v.get(j - 1).is("[")) {
            j -= 2;
        }
        if (j >= 0 && v.get(j).is(")") && v.match[j] > 0) {
            j = v.match[j] - 1;
        }
        return j;
    }

    private static Operand right(TokenView v, int op) {
        int i = op + 1;
        if (i >= v.size()) {
            throw new QueryError(
                    ErrorCode.QUERY_SYNTAX,
                    "Operator " + v.get(op).text() + " has no right operand",
                    "Write col <#> query");
        }
        int end;
        Token t = v.get(i);
        if (t.is("(") || t.is("[")) {
            end = v.match[i];
        } else if (t.isWord("ARRAY") && i + 1 < v.size() && v.get(i + 1).is("[")) {
            end = v.match[i + 1];
        } else if (v.isName(i) && i + 1 < v.size() && v.get(i + 1).is("(")) {
            end = v.match[i + 1];
        } else if (t.is("-") || t.is("+")) {
            end = i + 1;
        } else {
            end = i;
            while (end + 2 < v.size() && v.get(end + 1).is(".") && v.isName(end + 2)) {
                end += 2;
            }
        }
        int after = v.skipCasts(end + 1);
        return new Operand(i, after - 1);
    }

    private static List<Operand> args(TokenView v, int open) {
        int close = v.match[open];
        List<Operand> out = new ArrayList<>();
        int start = open + 1;
        for (int j = open + 1; j <= close; j++) {
            if (j == close || v.get(j).is(",") && v.depth[j] == v.depth[open] + 1) {
                if (j > start) {
                    out.add(new Operand(start, j - 1));
                }
                start = j + 1;
            }
        }
        return out;
    }

    /** The column an operand names ({@code col}, {@code t.col}), or null when it is not a plain column. */
    private static ColumnRef column(TokenView v, List<TableRef> refs, Operand o) {
        int to = o.to();
        if (to - o.from() > 2) {
            return null;
        }
        if (!v.isName(to)) {
            return null;
        }
        String name = v.get(to).identifier();
        String qual = to - o.from() == 2 && v.get(o.from() + 1).is(".")
                ? v.get(o.from()).identifier()
                : null;
        if (to != o.from() && qual == null) {
            return null;
        }
        for (TableRef r : refs) {
            if (qual != null && !qual.equalsIgnoreCase(r.alias() != null ? r.alias() : r.name())) {
                continue;
            }
            Optional<Column> c = findColumn(r.columns(), name);
            if (c.isPresent()) {
                return new ColumnRef(
                        r, c.get(), r.ref() + "." + Identifiers.quote(c.get().name()));
            }
        }
        return null;
    }

    private static Optional<Column> findColumn(TableSchema s, String name) {
        Optional<Column> exact = s.column(name);
        if (exact.isPresent()) {
            return exact;
        }
        return s.columns().stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Tables named after FROM and JOIN (at any depth) that exist in the workspace, with their aliases. */
    private List<TableRef> tableRefs(TokenView v) {
        List<TableRef> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!(v.get(i).isWord("FROM")
                    || v.get(i).isWord("JOIN")
                    || v.get(i).isWord("UPDATE")
                    || v.get(i).is(",") && inFromList(v, i))) {
                continue;
            }
            int j = i + 1;
            if (!v.isName(j)) {
                continue;
            }
            String sch = schema;
            String name = v.get(j).identifier();
            if (j + 2 < v.size() && v.get(j + 1).is(".") && v.isName(j + 2)) {
                sch = name;
                name = v.get(j + 2).identifier();
                j += 2;
            }
            if (j + 1 < v.size() && v.get(j + 1).is("(")) {
                continue; // a function in FROM
            }
            int end = j;
            String alias = null;
            if (j + 2 < v.size() && v.get(j + 1).isWord("AS") && v.isName(j + 2)) {
                alias = v.get(j + 2).identifier();
                end = j + 2;
            } else if (j + 1 < v.size() && v.isName(j + 1)) {
                alias = v.get(j + 1).identifier();
                end = j + 1;
            }
            if (!sch.equals(schema)) {
                continue;
            }
            Optional<TableSchema> cols = tables.apply(name);
            if (cols.isPresent()) {
                out.add(new TableRef(sch, name, alias, cols.get(), i + 1, end));
            }
        }
        return out;
    }

    private static boolean inFromList(TokenView v, int comma) {
        for (int j = comma - 1; j >= 0; j--) {
            if (v.depth[j] != v.depth[comma]) {
                if (v.depth[j] < v.depth[comma]) {
                    return false;
                }
                continue;
            }
            if (v.get(j).isWord("FROM")) {
                return true;
            }
            if (TokenView.isClauseWord(v.get(j)) && !v.get(j).isWord("AS")) {
                return false;
            }
        }
        return false;
    }

    // ---- clauses ----

    private static Map<String, Search> selectAliases(TokenView v, List<Search> searches) {
        Map<String, Search> out = new HashMap<>();
        int sel = v.findTopLevel(0, "SELECT");
        int from = sel < 0 ? -1 : v.findTopLevel(sel + 1, "FROM");
        if (sel < 0) {
            return out;
        }
        int end = from < 0 ? v.size() : from;
        int start = sel + 1;
        for (int j = sel + 1; j <= end; j++) {
            if (j == end || v.get(j).is(",") && v.depth[j] == 0) {
                int last = j - 1;
                if (last > start && v.isName(last)) {
                    Token prev = v.get(last - 1);
                    boolean alias = prev.isWord("AS")
                            || prev.is(")")
                            || prev.kind() == Token.Kind.WORD
                            || prev.kind() == Token.Kind.QUOTED_IDENTIFIER
                            || prev.kind() == Token.Kind.PARAMETER
                            || prev.kind() == Token.Kind.STRING
                            || prev.kind() == Token.Kind.NUMBER;
                    if (alias) {
                        for (Search s : searches) {
                            if (s.from() >= start && s.to() < last) {
                                out.put(v.get(last).identifier().toLowerCase(Locale.ROOT), s);
                            }
                        }
                    }
                }
                start = j + 1;
            }
        }
        return out;
    }

    private static int orderBy(TokenView v) {
        for (int i = 0; i + 1 < v.size(); i++) {
            if (v.depth[i] == 0 && v.get(i).isWord("ORDER") && v.get(i + 1).isWord("BY")) {
                return i;
            }
        }
        return -1;
    }

    /** The token index where the clause starting at {@code from} ends (exclusive). */
    private static int clauseEnd(TokenView v, int from) {
        for (int i = from; i < v.size(); i++) {
            Token t = v.get(i);
            if (v.depth[i] == 0
                    && (t.isWord("GROUP")
                            || t.isWord("HAVING")
                            || t.isWord("WINDOW")
                            || t.isWord("ORDER")
                            || t.isWord("LIMIT")
                            || t.isWord("OFFSET")
                            || t.isWord("FETCH")
                            || t.isWord("UNION")
                            || t.isWord("INTERSECT")
                            || t.isWord("EXCEPT")
                            || t.isWord("FOR")
                            || t.is(";"))) {
                return i;
            }
        }
        return v.size();
    }

    /** The last token of an ORDER BY item without ASC/DESC and NULLS FIRST/LAST. */
    private static int itemBodyEnd(TokenView v, int from, int to) {
        int e = to;
        if (e - 1 >= from && v.get(e - 1).isWord("NULLS")) {
            e -= 2;
        }
        if (e >= from && (v.get(e).isWord("ASC") || v.get(e).isWord("DESC"))) {
            e--;
        }
        return e;
    }

    private static Search orderItem(TokenView v, int from, int to, Map<String, Search> aliases, List<Search> searches) {
        int body = itemBodyEnd(v, from, to);
        if (body == from && v.isName(from)) {
            return aliases.get(v.get(from).identifier().toLowerCase(Locale.ROOT));
        }
        int f = from;
        int b = body;
        while (v.get(f).is("(") && v.match[f] == b) {
            f++;
            b--;
        }
        for (Search s : searches) {
            if (s.from() == f && s.to() == b) {
                return s;
            }
        }
        return null;
    }

    private static String limitText(TokenView v) {
        int l = v.findTopLevel(0, "LIMIT");
        if (l < 0 || l + 1 >= v.size() || v.get(l + 1).isWord("ALL")) {
            return null;
        }
        return v.source(l + 1, l + 1);
    }

    /** Adds {@code cond} to the top-level WHERE (ANDed, with the existing condition kept whole). */
    static String addFilter(TokenView v, String cond) {
        int where = v.findTopLevel(0, "WHERE");
        if (where >= 0) {
            int end = clauseEnd(v, where + 1);
            int endChar = end < v.size() ? v.get(end).start() : v.text.length();
            String before = v.text.substring(0, v.get(where).end());
            String existing = v.text.substring(v.get(where).end(), endChar).strip();
            return before + " " + cond + " AND (" + existing + ") " + v.text.substring(endChar);
        }
        int sel = v.findTopLevel(0, "SELECT");
        int at = clauseEnd(v, Math.max(sel, 0) + 1);
        int atChar = at < v.size() ? v.get(at).start() : v.text.length();
        return v.text.substring(0, atChar).stripTrailing() + " WHERE " + cond + " " + v.text.substring(atChar);
    }

    private static String apply(TokenView v, TreeMap<Integer, String[]> edits) {
        StringBuilder sb = new StringBuilder();
        int pos = 0;
        for (var e : edits.entrySet()) {
            int from = e.getKey();
            int to = Integer.parseInt(e.getValue()[0]);
            int fromChar = v.get(from).start();
            if (fromChar < pos) {
                continue;
            }
            sb.append(v.text, pos, fromChar).append(e.getValue()[1]);
            pos = v.get(to).end();
        }
        return sb.append(v.text.substring(pos)).toString();
    }
}
