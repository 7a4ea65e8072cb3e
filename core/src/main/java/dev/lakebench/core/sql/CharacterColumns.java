package dev.lakebench.core.sql;

import dev.lakebench.core.schema.Column;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of a {@code CREATE TABLE .. AS} query that copy a varchar(n) / char(n) column, so that the new
 * column keeps the declared type, as in PostgreSQL (the engine types them all VARCHAR). Read from the written
 * form: {@code *} and a column named as it is in the tables the query names (where every such column has the same
 * declared type).
 */
final class CharacterColumns {

    private CharacterColumns() {}

    /** Result column name (lower case) to the declared type ({@code VARCHAR(3)}, {@code CHAR(4)}, {@code VARCHAR}). */
    static Map<String, String> of(String query, PassContext ctx) {
        SqlStatement st = new SqlStatement(query);
        List<Token> sig = st.significant();
        Map<String, String> out = new LinkedHashMap<>();
        if (sig.isEmpty()) {
            return out;
        }
        BlockParser parser = new BlockParser(sig, Brackets.match(sig));
        QueryBlock block = ColumnNames.output(parser.query(0, sig.size(), null), sig);
        if (block == null) {
            return out;
        }
        NamedTables tables = NamedTables.of(sig, ctx);
        for (QueryBlock.Item item : block.items) {
            Expr e = item.expr().unwrap();
            if (e.kind() == Expr.Kind.STAR
                    || e.kind() == Expr.Kind.COLUMN
                            && e.name().get(e.name().size() - 1).equals("*")) {
                for (String name : tables.columns(Column::isCharacter)) {
                    String declared = declared(tables.all(name));
                    if (declared != null) {
                        out.put(name.toLowerCase(Locale.ROOT), declared);
                    }
                }
            } else if (e.kind() == Expr.Kind.COLUMN) {
                String declared = declared(tables.all(e.name().get(e.name().size() - 1)));
                if (declared != null) {
                    String name = item.alias() != null
                            ? item.alias()
                            : ColumnNames.name(e, parser, sig).name();
                    out.put(name.toLowerCase(Locale.ROOT), declared);
                }
            }
        }
        return out;
    }

    /** The declared type all these columns share, or null. */
    private static String declared(List<Column> columns) {
        if (columns.isEmpty() || !columns.stream().allMatch(Column::isCharacter)) {
            return null;
        }
        String first = columns.get(0).engineType();
        return columns.stream().allMatch(c -> c.engineType().equals(first)) ? first : null;
    }
}
