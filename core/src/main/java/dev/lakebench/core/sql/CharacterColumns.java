package dev.lakebench.core.sql;

import dev.lakebench.core.schema.Column;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of a {@code CREATE TABLE .. AS} query that copy a varchar(n) / char(n) column, so that the new
 * column keeps the declared type, as in PostgreSQL (the engine types them all VARCHAR). Read from the written
 * form: {@code *} and a column named as it is in the tables the query names (where every such column has the same
 * declared type), and a cast to one of the types.
 */
final class CharacterColumns {

    private static final Pattern CAST =
            Pattern.compile("(VARCHAR|CHARACTERVARYING|CHAR|CHARACTER|BPCHAR)(?:\\((\\d+)\\))?");

    private CharacterColumns() {}

    /** Result column name (lower case) to the declared type ({@code VARCHAR(3)}, {@code CHAR(4)}, {@code VARCHAR}). */
    static Map<String, String> of(String query, PassContext ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        QueryOutput output = QueryOutput.of(query, ctx).orElse(null);
        if (output == null) {
            return out;
        }
        NamedTables tables = output.tables();
        for (QueryBlock.Item item : output.items()) {
            Expr e = item.expr().unwrap();
            if (QueryOutput.isStar(e)) {
                for (String name : tables.columns(Column::isCharacter)) {
                    String declared = declared(tables.all(name));
                    if (declared != null) {
                        out.put(name.toLowerCase(Locale.ROOT), declared);
                    }
                }
            } else if (e.kind() == Expr.Kind.COLUMN) {
                String declared = declared(tables.all(e.name().get(e.name().size() - 1)));
                if (declared != null) {
                    out.put(output.name(item, e), declared);
                }
            } else if (e.kind() == Expr.Kind.CAST) {
                String declared = cast(e.type().replace(" ", ""));
                if (declared != null) {
                    out.put(output.name(item, e), declared);
                }
            }
        }
        return out;
    }

    /**
     * The declared type of a cast to varchar(n) / varchar / char(n) / char (written as the engine catalog keeps it),
     * or null; {@code type} is upper case, spaces removed.
     */
    private static String cast(String type) {
        Matcher m = CAST.matcher(type);
        if (!m.matches()) {
            return null;
        }
        boolean varying = m.group(1).equals("VARCHAR") || m.group(1).equals("CHARACTERVARYING");
        if (varying) {
            return m.group(2) == null ? "VARCHAR" : "VARCHAR(" + m.group(2) + ")";
        }
        if (m.group(2) == null) {
            return m.group(1).equals("BPCHAR") ? null : "CHAR(1)"; // bpchar alone has no length
        }
        return "CHAR(" + m.group(2) + ")";
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
