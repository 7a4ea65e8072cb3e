package dev.lakebench.core.sql;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The items a query outputs, read from its written form, with the tables it names: what CREATE TABLE .. AS reads
 * to keep a declared type the engine does not have (jsonb, varchar(n), char(n)).
 */
final class QueryOutput {

    private final List<Token> sig;
    private final BlockParser parser;
    private final QueryBlock block;
    private final NamedTables tables;

    private QueryOutput(List<Token> sig, BlockParser parser, QueryBlock block, NamedTables tables) {
        this.sig = sig;
        this.parser = parser;
        this.block = block;
        this.tables = tables;
    }

    /** The query's output, or empty when the text is no query. */
    static Optional<QueryOutput> of(String query, PassContext ctx) {
        List<Token> sig = new SqlStatement(query).significant();
        if (sig.isEmpty()) {
            return Optional.empty();
        }
        BlockParser parser = new BlockParser(sig, Brackets.match(sig));
        QueryBlock block = ColumnNames.output(parser.query(0, sig.size(), null), sig);
        return block == null
                ? Optional.empty()
                : Optional.of(new QueryOutput(sig, parser, block, NamedTables.of(sig, ctx)));
    }

    List<QueryBlock.Item> items() {
        return block.items;
    }

    NamedTables tables() {
        return tables;
    }

    List<Token> significant() {
        return sig;
    }

    /** {@code *} or {@code t.*}: every column of the named tables. */
    static boolean isStar(Expr e) {
        return e.kind() == Expr.Kind.STAR
                || e.kind() == Expr.Kind.COLUMN
                        && e.name().get(e.name().size() - 1).equals("*");
    }

    /** The name the engine gives the item's result column, lower case. */
    String name(QueryBlock.Item item, Expr e) {
        String name = item.alias() != null
                ? item.alias()
                : ColumnNames.name(e, parser, sig).name();
        return name.toLowerCase(Locale.ROOT);
    }
}
