package dev.lakebench.core.backend.local;

import dev.lakebench.core.client.ResultColumn;
import dev.lakebench.core.client.TableInfo;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.store.Identifiers;
import dev.lakebench.core.store.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Plain engine tables of the public schema: those SQL created under a name a Lakebench table cannot have
 * ({@code CREATE TABLE "a,b" (x INT)}) or with clauses a Lakebench table does not keep. They answer queries like any
 * table, so they are listed and described beside Lakebench tables (without vector logs, indexes or a file ledger),
 * as a PostgreSQL workspace lists every table of its schema.
 */
final class EngineTables {

    private EngineTables() {}

    /** The names of the public schema's tables that are not Lakebench tables, by name. */
    static List<String> names(Workspace ws) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ws.engine().connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = 'main' AND table_catalog = current_database() ORDER BY 1")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (!name.toLowerCase(Locale.ROOT).startsWith("_lb_")
                        && ws.catalog().table(name).isEmpty()) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    /** The engine table named exactly {@code table} (its columns and row count), when there is one. */
    static Optional<TableInfo> describe(Workspace ws, String table) throws SQLException {
        if (!names(ws).contains(table)) {
            return Optional.empty();
        }
        String name = Identifiers.quote(table);
        List<Column> columns = new ArrayList<>();
        long rows;
        try (Connection c = ws.engine().connect()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + name + " LIMIT 0");
                    ResultSet rs = ps.executeQuery()) {
                for (ResultColumn col : new RowDecoder(rs.getMetaData(), ws.vectors()).columns()) {
                    columns.add(new Column(
                            col.name(), col.type(), 0, col.type() == ColumnType.OTHER ? col.engineType() : null));
                }
            }
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM " + name)) {
                rs.next();
                rows = rs.getLong(1);
            }
        }
        return Optional.of(new TableInfo(table, new TableSchema(columns), rows, List.of()));
    }
}
