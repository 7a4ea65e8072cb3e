package dev.lakebench.core.backend.local;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.QueryResult;
import dev.lakebench.core.client.TableError;
import dev.lakebench.core.index.TableListener;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.schema.TableSchema;
import dev.lakebench.core.sql.BoundSql;
import dev.lakebench.core.sql.Translation;
import dev.lakebench.core.sql.VectorWrites;
import dev.lakebench.core.store.EngineTypes;
import dev.lakebench.core.store.Identifiers;
import dev.lakebench.core.store.TableDef;
import dev.lakebench.core.store.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code CREATE TABLE} through SQL makes a real Lakebench table (catalog, view, vector logs) via
 * {@link Workspace#createTable}; column constraints the data table can keep (NOT NULL, DEFAULT, SERIAL, PRIMARY
 * KEY / UNIQUE) are added to it in the same transaction. {@code CREATE TABLE .. AS query} creates the table from
 * the query's columns and copies the rows, vectors included, into the new table's own logs.
 */
final class SqlTables implements TableListener {

    private final LocalBackend backend;
    private final Workspace ws;
    private final StatementRunner runner;

    SqlTables(LocalBackend backend, Workspace ws, StatementRunner runner) {
        this.backend = backend;
        this.ws = ws;
        this.runner = runner;
    }

    /** The sequence behind a SERIAL column. */
    static String serialSequence(String table, String column) {
        return "lb_meta." + Identifiers.quote("seq_" + table.toLowerCase(Locale.ROOT) + "$" + column.toLowerCase(Locale.ROOT));
    }

    QueryResult create(Connection c, Translation.CreateTable ct) throws SQLException {
        if (!prepare(ct.name(), ct.ifNotExists(), ct.orReplace())) {
            return StatementRunner.QueryResult0.EMPTY;
        }
        List<Column> cols = new ArrayList<>();
        for (Translation.ColumnDef d : ct.columns()) {
            cols.add(new Column(d.name(), d.type(), d.dimension(), d.engineType()));
        }
        TableSchema schema = new TableSchema(cols);
        ws.ddlLock().lock();
        TableDef def = null;
        try {
            StatementRunner.begin(c);
            try {
                def = ws.createTable(c, ct.name(), schema);
                if (ct.columns().stream().anyMatch(d -> d.notNull() || d.unique() || d.serial() || d.defaultSql() != null)) {
                    // the engine does not alter a table a view depends on: constrain it, then put the view back
                    StatementRunner.exec(c, "DROP VIEW " + def.view());
                    for (Translation.ColumnDef d : ct.columns()) {
                        constraints(c, def, d);
                    }
                    // indexes last: the engine cannot alter a table once an index depends on it
                    for (Translation.ColumnDef d : ct.columns()) {
                        if (d.unique()) {
                            StatementRunner.exec(c, "CREATE UNIQUE INDEX " + Identifiers.quote("uq_" + def.name() + "_" + d.name())
                                    + " ON " + def.dataTable() + " (" + Identifiers.quote(d.name()) + ")");
                        }
                    }
                    StatementRunner.exec(c, dev.lakebench.core.store.Catalog.viewSql(def));
                }
                StatementRunner.commit(c);
            } catch (SQLException | RuntimeException e) {
                StatementRunner.rollbackQuietly(c, e);
                if (def != null) {
                    ws.vectors().discard(def.vectorLogs().values());
                }
                throw e;
            }
            ws.catalog().publish(def.name(), def);
        } finally {
            ws.ddlLock().unlock();
        }
        return StatementRunner.QueryResult0.EMPTY;
    }

    private void constraints(Connection c, TableDef def, Translation.ColumnDef d) throws SQLException {
        String alter = "ALTER TABLE " + def.dataTable() + " ALTER COLUMN " + Identifiers.quote(d.name());
        if (d.serial()) {
            String seq = serialSequence(def.name(), d.name());
            StatementRunner.exec(c, "CREATE OR REPLACE SEQUENCE " + seq + " START 1");
            StatementRunner.exec(c, alter + " SET DEFAULT nextval('" + seq.replace("'", "''") + "')");
        } else if (d.defaultSql() != null) {
            StatementRunner.exec(c, alter + " SET DEFAULT " + d.defaultSql());
        }
        if (d.notNull()) {
            StatementRunner.exec(c, alter + " SET NOT NULL");
        }
    }

    /** Handles IF NOT EXISTS / OR REPLACE; false when there is nothing to do. */
    private boolean prepare(String name, boolean ifNotExists, boolean orReplace) {
        Identifiers.checkTableName(name);
        if (ws.catalog().table(name).isPresent()) {
            if (ifNotExists) {
                return false;
            }
            if (orReplace) {
                backend.dropTable(name, true);
            } else {
                throw new TableError(ErrorCode.TABLE_EXISTS, "Table \"" + name + "\" already exists",
                        "Drop it first, use CREATE TABLE IF NOT EXISTS, or insert into it");
            }
        }
        return true;
    }

    QueryResult createAs(Connection c, Translation.CreateTableAs cta, QueryRequest req) throws SQLException {
        if (!prepare(cta.name(), cta.ifNotExists(), cta.orReplace())) {
            return StatementRunner.QueryResult0.EMPTY;
        }
        ws.ddlLock().lock();
        TableDef def = null;
        QueryResult r;
        try (SlotResolver slots = runner.resolver(c, req, false)) {
            StatementRunner.begin(c);
            try {
                TableSchema schema = schemaOf(c, slots.bind(cta.query()));
                def = ws.createTable(c, cta.name(), schema);
                BoundSql insert = VectorWrites.insertSelect(def, cta.query(), List.of());
                BoundSql.Bound b = slots.bind(insert);
                r = runner.executor().runEngine(c, b.sql(), b.values(), req);
                runner.makeDurable(c, slots);
                StatementRunner.commit(c);
            } catch (SQLException | RuntimeException e) {
                StatementRunner.rollbackQuietly(c, e);
                runner.undo(slots);
                if (def != null) {
                    ws.vectors().discard(def.vectorLogs().values());
                }
                throw e;
            }
            TableDef published = StatementRunner.merge(def, slots.current(def));
            ws.catalog().publish(published.name(), published);
            backend.notifyWrite(published);
        } finally {
            ws.ddlLock().unlock();
        }
        return new QueryResult(List.of(), List.of(), r.updateCount(), Duration.ZERO);
    }

    /** Columns of a query's result, as a Lakebench schema (vector references become EMBEDDING columns). */
    private static TableSchema schemaOf(Connection c, BoundSql.Bound query) throws SQLException {
        List<Column> cols = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(query.sql())) {
            ResultSetMetaData md = ps.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String name = md.getColumnLabel(i);
                if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                    throw new QueryError(ErrorCode.QUERY_INVALID, "CREATE TABLE AS: the query returns two columns named \""
                            + name + "\"", "Give the columns distinct names with AS");
                }
                String engineType = md.getColumnTypeName(i);
                ColumnType t = EngineTypes.fromEngine(engineType);
                cols.add(new Column(name, t, 0, t == ColumnType.OTHER ? engineType : null));
            }
        }
        return new TableSchema(cols);
    }

    @Override
    public void afterDrop(TableDef table) {
        // SERIAL sequences of the table (the data table that used them is gone)
        try (Connection c = ws.engine().connect()) {
            List<String> names = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT sequence_name FROM duckdb_sequences()"
                    + " WHERE schema_name = 'lb_meta' AND starts_with(sequence_name, ?)")) {
                ps.setString(1, "seq_" + table.name().toLowerCase(Locale.ROOT) + "$");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
            }
            for (String n : names) {
                StatementRunner.exec(c, "DROP SEQUENCE IF EXISTS lb_meta." + Identifiers.quote(n));
            }
        } catch (SQLException | RuntimeException e) {
            // a leftover sequence is harmless: the next CREATE of this table replaces it
        }
    }
}
