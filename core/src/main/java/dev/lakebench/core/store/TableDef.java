package dev.lakebench.core.store;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.TableSchema;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A table as the catalog knows it: its name, its user-visible columns and the vector log of each vector column.
 * Rows live in {@code lb_data.<name>} with two extra columns, {@code _lb_key} (stable row key) and
 * {@code _lb_ver} (bumped on every change; indexes catch up by it); users see the view {@code main.<name>}.
 */
public record TableDef(String name, TableSchema schema, Map<String, Integer> vectorLogs) {

    public static final String KEY_COLUMN = "_lb_key";
    public static final String VERSION_COLUMN = "_lb_ver";
    public static final String DATA_SCHEMA = "lb_data";
    public static final String META_SCHEMA = "lb_meta";
    /** The workspace's shared thumbnails table: written by ingest, queryable by name, left out of table listings. */
    public static final String THUMBNAILS_TABLE = "thumbnails";

    public TableDef {
        vectorLogs = Map.copyOf(vectorLogs);
    }

    public OptionalInt vectorLog(String column) {
        Integer id = vectorLogs.get(column.toLowerCase(Locale.ROOT));
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** {@code lb_data."name"} */
    public String dataTable() {
        return DATA_SCHEMA + "." + Identifiers.quote(name);
    }

    /** {@code main."name"} */
    public String view() {
        return "main." + Identifiers.quote(name);
    }

    /** The sequence that hands out row keys and versions. */
    public String sequence() {
        return META_SCHEMA + "." + Identifiers.quote("seq_" + name.toLowerCase(Locale.ROOT));
    }

    public Column column(String name) {
        return schema.column(name).orElseThrow();
    }
}
