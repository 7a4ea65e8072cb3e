package dev.lakebench.core.sql;

import java.util.List;
import java.util.stream.Stream;

/**
 * The passes every statement goes through before the dialect translates it, in order. Each is a small rule over
 * the statement text (see {@link StatementPass}); a new SQL-level rule is one more entry here.
 */
public final class StatementPasses {

    private static final List<StatementPass> PASSES = List.of(
            new UnicodeEscapes(),
            new AtAsName(),
            new OverlapsPredicate(),
            new PublicSchema(),
            new InformationSchema(),
            new ValuesColumns(),
            new ColumnNames(),
            new PgTypeof(),
            new JsonbPaths(),
            new JsonbReturning(),
            new BlankPaddedComparisons(),
            new ArrayLiteralTypes(),
            new PostgresFunctions(),
            new FormattingFunctions(),
            new BooleanText(),
            new StringFunctions(),
            new RegexFunctions(),
            new ArrayCardinality(),
            new FunctionSpellings(),
            new PostgresMacros(),
            new IntervalDivision(),
            new MultiArrayUnnest(),
            new PostgresOperators(),
            new ArrayConcat(),
            new PatternMatching(),
            new ForeignSchemaTables(),
            new CopyFrom(),
            new ByteaFunctions(),
            new DateDifference(),
            new JsonbFunctions(),
            new JsonbLiterals(),
            new NumericPrecision(),
            new JsonArrows());

    /** Macros the passes' SQL calls, created once per workspace next to {@link CharacterWrites#MACROS}. */
    public static final List<String> MACROS =
            Stream.of(PgTypeof.MACROS, ArrayConcat.MACROS).flatMap(List::stream).toList();

    private StatementPasses() {}

    public static SqlStatement apply(SqlStatement st, PassContext ctx) {
        SqlStatement out = st;
        for (StatementPass p : PASSES) {
            out = p.apply(out, ctx);
        }
        return out;
    }
}
