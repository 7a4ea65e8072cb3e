package dev.lakebench.core.sql;

import dev.lakebench.core.store.TableDef;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The pg_deeplake dialect: turns one statement of Postgres-flavoured SQL into engine SQL or a backend command
 * (see {@link Translation}). Statements without dialect constructs pass through unchanged, apart from the
 * dense renumbering of {@code $N} that {@link BoundSql#bind} does for every statement.
 */
public final class Dialect {

    /** Words whose presence means a statement may need rewriting (function names, domain types in casts). */
    private static final Set<String> TRIGGERS = Set.of(
            "DECODE",
            "BM25_SIMILARITY",
            "DEEPLAKE_HYBRID_RECORD",
            "IMAGE",
            "VIDEO",
            "SEGMENT_MASK",
            "BINARY_MASK",
            "MESH",
            "MEDICAL",
            "POLYGON",
            "FILE",
            "FILE_ID",
            "EMBEDDING",
            "EMBEDDING_2D",
            "BOUNDING_BOX",
            "POINT",
            "CLASS_LABEL",
            "INT32",
            "INT64",
            "FLOAT32",
            "FLOAT64",
            "BOOL",
            "BINARY",
            "JSONB");

    private Dialect() {}

    /** Translates one statement; {@code tables} looks up Lakebench tables by name. */
    public static Translation translate(SqlStatement written, Function<String, Optional<TableDef>> tables) {
        return translate(written, tables, IndexedColumns.NONE);
    }

    /**
     * Translates one statement; {@code tables} looks up Lakebench tables by name, {@code indexed} tells which of
     * their text columns have an exact_text index (equalities on them become key lookups).
     */
    public static Translation translate(
            SqlStatement written, Function<String, Optional<TableDef>> tables, IndexedColumns indexed) {
        SqlStatement st = StatementPasses.apply(written, new PassContext(tables));
        return switch (st.kind()) {
            case EXPLAIN -> explain(st, tables, indexed);
            case SELECT -> query(st, tables, indexed);
            case INSERT, UPDATE, DELETE, TRUNCATE -> DmlDialect.translate(st, tables);
            case CREATE_TABLE -> {
                Translation t = DdlParser.createTable(st, written, tables);
                yield t != null ? t : generic(st, tables);
            }
            case CREATE_INDEX -> {
                Translation t = DdlParser.createIndex(st, tables);
                yield t != null ? t : generic(st, tables);
            }
            case DROP_INDEX -> DdlParser.dropIndex(st);
            case ALTER_TABLE -> {
                Translation t = AlterTableParser.parse(st, tables);
                yield t != null ? t : generic(st, tables);
            }
            default -> generic(st, tables);
        };
    }

    static boolean needsRewrite(List<Token> sig) {
        for (Token t : sig) {
            if (t.kind() == Token.Kind.OPERATOR
                    && (t.text().equals("<#>") || t.text().equals("@>"))) {
                return true;
            }
            if (t.kind() == Token.Kind.WORD && TRIGGERS.contains(t.upper())) {
                return true;
            }
        }
        return false;
    }

    /** True when the statement names a vector column of a Lakebench table it reads (array operators may apply). */
    static boolean mentionsVectorColumn(List<Token> sig, Function<String, Optional<TableDef>> tables) {
        Set<String> vectorColumns = new HashSet<>();
        for (Token t : sig) {
            if (t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.QUOTED_IDENTIFIER) {
                tables.apply(t.identifier())
                        .ifPresent(def -> def.schema().columns().stream()
                                .filter(c -> c.type().isVector())
                                .forEach(c -> vectorColumns.add(c.name().toLowerCase(Locale.ROOT))));
            }
        }
        if (vectorColumns.isEmpty()) {
            return false;
        }
        for (Token t : sig) {
            if ((t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.QUOTED_IDENTIFIER)
                    && vectorColumns.contains(t.identifier().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static Translation query(SqlStatement st, Function<String, Optional<TableDef>> tables) {
        return query(st, tables, IndexedColumns.NONE);
    }

    private static Translation query(
            SqlStatement st, Function<String, Optional<TableDef>> tables, IndexedColumns indexed) {
        if (!needsRewrite(st.significant())
                && !mentionsVectorColumn(st.significant(), tables)
                && !KeyLookupRule.mentionsIndexedColumn(st.significant(), tables, indexed)) {
            return new Translation.Engine(BoundSql.plain(st.text()), null, List.of());
        }
        ParsedStatement parsed = new ParsedStatement(st);
        QueryBlock root = parsed.blocks.query(0, parsed.sig.size(), null);
        return StatementRewriter.rewrite(parsed, root, new NameScope(tables, root), null, indexed);
    }

    /** Any other statement: nested queries and expressions are rewritten, the rest is the engine's. */
    static Translation generic(SqlStatement st, Function<String, Optional<TableDef>> tables) {
        if (!needsRewrite(st.significant())) {
            return new Translation.Engine(BoundSql.plain(st.text()), null, List.of());
        }
        ParsedStatement parsed = new ParsedStatement(st);
        List<Token> sig = parsed.sig;
        QueryBlock root = new QueryBlock(0, sig.size(), null);
        int q = -1;
        for (int i = 0; i < sig.size(); i++) {
            if (sig.get(i).is("(") || sig.get(i).is("[") || sig.get(i).is("{")) {
                i = parsed.match[i];
            } else if (Keywords.startsQuery(sig.get(i)) && !sig.get(i).isWord("TABLE")) {
                q = i;
                break;
            }
        }
        root.expressions.addAll(parsed.exprs.parts(0, q < 0 ? sig.size() : q));
        parsed.blocks.subqueries(root);
        if (q >= 0) {
            parsed.blocks.query(q, sig.size(), root);
        }
        return StatementRewriter.rewrite(parsed, root, new NameScope(tables, root), null);
    }

    private static Translation explain(
            SqlStatement st, Function<String, Optional<TableDef>> tables, IndexedColumns indexed) {
        List<Token> sig = st.significant();
        int at = 1;
        boolean analyze = false;
        while (at < sig.size() && (sig.get(at).isWord("ANALYZE") || sig.get(at).isWord("VERBOSE"))) {
            analyze |= sig.get(at).isWord("ANALYZE");
            at++;
        }
        if (at < sig.size() && sig.get(at).is("(")) {
            // EXPLAIN (ANALYZE, FORMAT ...) statement
            String opts =
                    st.text().substring(sig.get(at).start(), sig.get(at).end()).toUpperCase(Locale.ROOT);
            int close = Brackets.match(sig)[at];
            for (int i = at; i <= close; i++) {
                analyze |= sig.get(i).isWord("ANALYZE");
            }
            at = close + 1;
            if (opts.isEmpty()) {
                return generic(st, tables);
            }
        }
        if (at >= sig.size()) {
            return generic(st, tables);
        }
        SqlStatement inner = new SqlStatement(st.text().substring(sig.get(at).start()));
        return new Translation.Explain(translate(inner, tables, indexed), analyze);
    }

    /** Rewrites a query that is part of another statement (CTAS, constant operands) into its own bound SQL. */
    static BoundSql nestedQuery(String sql, Function<String, Optional<TableDef>> tables) {
        SqlStatement st = StatementPasses.apply(new SqlStatement(sql), new PassContext(tables));
        Translation t = query(st, tables);
        return ((Translation.Engine) t).sql();
    }
}
