package dev.lakebench.core.backend.local;

import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.store.Catalog;
import dev.lakebench.core.store.Identifiers;
import dev.lakebench.core.store.TableDef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Deletes a dropped table's rows from the workspace's shared {@code thumbnails} table, in the drop's transaction.
 * A thumbnail names only its row's id and column ({@code file_id}, {@code column_name}), and ids given with column
 * data can repeat across tables: a thumbnail whose id is also a row of another table with an IMAGE column of the
 * same name is kept.
 */
final class DroppedTableThumbnails {

    private DroppedTableThumbnails() {}

    /** Deletes them; the thumbnails table when rows of it were deleted. */
    static Optional<TableDef> delete(Connection c, Catalog catalog, TableDef dropped) throws SQLException {
        Optional<TableDef> thumbs = catalog.table(TableDef.THUMBNAILS_TABLE);
        if (thumbs.isEmpty()
                || dropped.name().equalsIgnoreCase(TableDef.THUMBNAILS_TABLE)
                || dropped.schema().column("id").isEmpty()
                || thumbs.get().schema().column("file_id").isEmpty()
                || thumbs.get().schema().column("column_name").isEmpty()) {
            return Optional.empty();
        }
        long deleted = 0;
        for (Column image : imageColumns(dropped)) {
            StringBuilder sql = new StringBuilder("DELETE FROM ")
                    .append(thumbs.get().dataTable())
                    .append(" WHERE lower(column_name) = lower(?) AND file_id IN ")
                    .append(ids(dropped));
            for (TableDef other : catalog.tables()) {
                if (!other.name().equalsIgnoreCase(dropped.name())
                        && other.schema().column("id").isPresent()
                        && imageColumns(other).stream().anyMatch(o -> o.name().equalsIgnoreCase(image.name()))) {
                    sql.append(" AND file_id NOT IN ").append(ids(other));
                }
            }
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                ps.setString(1, image.name());
                deleted += ps.executeUpdate();
            }
        }
        return deleted > 0 ? thumbs : Optional.empty();
    }

    private static List<Column> imageColumns(TableDef table) {
        return table.schema().columns().stream()
                .filter(col -> col.type() == ColumnType.IMAGE)
                .toList();
    }

    private static String ids(TableDef table) {
        return "(SELECT CAST(" + Identifiers.quote("id") + " AS VARCHAR) FROM " + table.dataTable() + " WHERE "
                + Identifiers.quote("id") + " IS NOT NULL)";
    }
}
