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
import dev.lakebench.core.sql.CharacterWrites;
import dev.lakebench.core.sql.Translation;
import dev.lakebench.core.sql.VectorWrites;
import dev.lakebench.core.store.EngineTypes;
import dev.lakebench.core.store.Identifiers;
import dev.lakebench.core.store.SchemaChanges;
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
import java.util.concurrent.Semaphore;

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
        return "lb_meta."
                + Identifiers.quote("seq_" + table.toLowerCase(Locale.ROOT) + "$" + column.toLowerCase(Locale.ROOT));
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
                if (ct.columns().stream()
                        .anyMatch(d -> d.notNull() || d.unique() || d.serial() || d.defaultSql() != null)) {
                    // the engine does not alter a table a view depends on: constrain it, then put the view back
                    StatementRunner.exec(c, "DROP VIEW " + def.view());
                    for (Translation.ColumnDef d : ct.columns()) {
                        constraints(c, def, d);
                    }
                    // indexes last: the engine cannot alter a table once an index depends on it
                    for (Translation.ColumnDef d : ct.columns()) {
                        if (d.unique()) {
                            StatementRunner.exec(
                                    c,
                                    "CREATE UNIQUE INDEX " + Identifiers.quote("uq_" + def.name() + "_" + d.name())
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
            StatementRunner.exec(
                    c, alter + " SET DEFAULT " + CharacterWrites.assign(def.column(d.name()), d.defaultSql()));
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
                throw new TableError(
                        ErrorCode.TABLE_EXISTS,
                        "Table \"" + name + "\" already exists",
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
                TableSchema schema = schemaOf(c, slots.bind(cta.query()), cta.jsonbColumns(), cta.characterColumns());
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

    /**
     * Columns of a query's result, as a Lakebench schema (vector references become EMBEDDING columns). The engine
     * types json and jsonb alike, so the columns named in {@code jsonb} (lower case) are declared jsonb; those in
     * {@code character} keep the varchar(n) / char(n) type they copy.
     */
    private static TableSchema schemaOf(
            Connection c, BoundSql.Bound query, Set<String> jsonb, java.util.Map<String, String> character)
            throws SQLException {
        List<Column> cols = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(query.sql())) {
            ResultSetMetaData md = ps.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String name = md.getColumnLabel(i);
                if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                    throw new QueryError(
                            ErrorCode.QUERY_INVALID,
                            "CREATE TABLE AS: the query returns two columns named \"" + name + "\"",
                            "Give the columns distinct names with AS");
                }
                String engineType = md.getColumnTypeName(i);
                ColumnType t = EngineTypes.fromEngine(engineType);
                if (engineType.equalsIgnoreCase("JSON") && jsonb.contains(name.toLowerCase(Locale.ROOT))) {
                    cols.add(new Column(name, ColumnType.TEXT, 0, "JSONB"));
                    continue;
                }
                String declared = character.get(name.toLowerCase(Locale.ROOT));
                if (engineType.equalsIgnoreCase("VARCHAR") && declared != null) {
                    // a copied varchar(n) / char(n) column keeps its type, as in PostgreSQL
                    cols.add(new Column(name, ColumnType.TEXT, 0, declared));
                    continue;
                }
                cols.add(new Column(name, t, 0, t == ColumnType.OTHER ? engineType : null));
            }
        }
        return new TableSchema(cols);
    }

    /**
     * {@code ALTER TABLE} on a Lakebench table: each action in its own transaction under the table's write permit,
     * published when it commits. Dropping a column drops the indexes on it first; renaming an indexed column or a
     * table with indexes is refused (the index would have to be rebuilt under the new name).
     */
    QueryResult alter(Connection c, Translation.AlterTable at, StatementRunner.IndexCommands indexes)
            throws SQLException {
        String name = at.table().name();
        Semaphore permit = ws.tableLock(name);
        permit.acquireUninterruptibly();
        ws.ddlLock().lock();
        try {
            for (Translation.AlterAction action : at.actions()) {
                TableDef def = ws.catalog()
                        .table(name)
                        .orElseThrow(() -> ws.tableNotFound(at.table().name()));
                TableDef next = alter(c, def, action, indexes);
                if (next == def) {
                    continue;
                }
                if (!next.name().equals(def.name())) {
                    ws.catalog().publish(def.name(), null);
                    name = next.name();
                }
                ws.catalog().publish(next.name(), next);
                backend.notifyWrite(next);
            }
        } finally {
            ws.ddlLock().unlock();
            permit.release();
        }
        return StatementRunner.QueryResult0.EMPTY;
    }

    private TableDef alter(
            Connection c, TableDef def, Translation.AlterAction action, StatementRunner.IndexCommands indexes)
            throws SQLException {
        switch (action) {
            case Translation.AlterAction.AddColumn add -> {
                Translation.ColumnDef d = add.column();
                if (def.schema().column(d.name()).isPresent()) {
                    if (add.ifNotExists()) {
                        return def;
                    }
                    throw new QueryError(
                            ErrorCode.QUERY_INVALID,
                            "column \"" + d.name() + "\" of relation \"" + def.name() + "\" already exists",
                            "Choose another name, or write ADD COLUMN IF NOT EXISTS");
                }
                if (d.serial() || d.unique()) {
                    throw new QueryError(
                            ErrorCode.QUERY_INVALID,
                            "ADD COLUMN with SERIAL, UNIQUE or PRIMARY KEY is not supported by" + " the local engine",
                            "Declare such columns in CREATE TABLE, or add a plain column and fill it with UPDATE");
                }
                Column col = new Column(d.name(), d.type(), d.dimension(), d.engineType());
                return inTransaction(
                        c,
                        def,
                        () -> new SchemaChanges(c)
                                .addColumn(
                                        def,
                                        col,
                                        ws.createVectorLog(c, def.name(), col),
                                        d.defaultSql() == null ? null : CharacterWrites.assign(col, d.defaultSql()),
                                        d.notNull()));
            }
            case Translation.AlterAction.DropColumn drop -> {
                if (def.schema().column(drop.column()).isEmpty()) {
                    if (drop.ifExists()) {
                        return def;
                    }
                    throw missingColumn(def, drop.column());
                }
                if (def.schema().size() == 1) {
                    throw new QueryError(
                            ErrorCode.QUERY_INVALID,
                            "Cannot drop \"" + drop.column() + "\", the only column of table \"" + def.name() + "\"",
                            "Drop the table instead, or add another column first");
                }
                List<String> onColumn = new ArrayList<>();
                for (var ix : indexes.of(def)) {
                    for (String col : ix.column().split(",\\s*")) {
                        if (col.equalsIgnoreCase(drop.column())) {
                            onColumn.add(ix.name());
                        }
                    }
                }
                if (!onColumn.isEmpty()) {
                    indexes.drop(new Translation.DropIndex(onColumn, true, null));
                }
                return inTransaction(c, def, () -> new SchemaChanges(c).dropColumn(def, drop.column()));
            }
            case Translation.AlterAction.RenameColumn rename -> {
                if (def.schema().column(rename.from()).isEmpty()) {
                    throw missingColumn(def, rename.from());
                }
                if (def.schema().column(rename.to()).isPresent()) {
                    throw new QueryError(
                            ErrorCode.QUERY_INVALID,
                            "column \"" + rename.to() + "\" of relation \"" + def.name() + "\" already exists",
                            "Choose another name");
                }
                for (var ix : indexes.of(def)) {
                    for (String col : ix.column().split(",\\s*")) {
                        if (col.equalsIgnoreCase(rename.from())) {
                            throw new QueryError(
                                    ErrorCode.QUERY_INVALID,
                                    "Renaming column \"" + rename.from() + "\" of an index (\"" + ix.name()
                                            + "\") is not supported by the local engine",
                                    "Drop the index, rename the column, then create the index again");
                        }
                    }
                }
                return inTransaction(c, def, () -> new SchemaChanges(c).renameColumn(def, rename.from(), rename.to()));
            }
            case Translation.AlterAction.RenameTable rename -> {
                if (ws.catalog().table(rename.to()).isPresent()) {
                    throw new TableError(
                            ErrorCode.TABLE_EXISTS,
                            "Table \"" + rename.to() + "\" already exists",
                            "Choose another name, or drop that table first");
                }
                if (!indexes.of(def).isEmpty()) {
                    throw new QueryError(
                            ErrorCode.QUERY_INVALID,
                            "Renaming table \"" + def.name() + "\", which has indexes, is not"
                                    + " supported by the local engine",
                            "Drop its indexes, rename the table, then create them again");
                }
                return inTransaction(c, def, () -> new SchemaChanges(c).renameTable(def, rename.to()));
            }
            case Translation.AlterAction.AlterColumn alter -> {
                if (def.schema().column(alter.column()).isEmpty()) {
                    throw missingColumn(def, alter.column());
                }
                // a default written to a varchar(n) / char(n) column is checked as the values written to it are
                Column col = def.column(alter.column());
                String change = alter.change().startsWith("SET DEFAULT ")
                        ? "SET DEFAULT "
                                + CharacterWrites.assign(col, alter.change().substring("SET DEFAULT ".length()))
                        : alter.change();
                inTransaction(c, def, () -> new SchemaChanges(c).alterColumn(def, alter.column(), change));
                return def;
            }
        }
    }

    private interface Change {
        TableDef run() throws SQLException;
    }

    private TableDef inTransaction(Connection c, TableDef def, Change change) throws SQLException {
        StatementRunner.begin(c);
        try {
            TableDef next = change.run();
            StatementRunner.commit(c);
            return next;
        } catch (SQLException | RuntimeException e) {
            StatementRunner.rollbackQuietly(c, e);
            throw e;
        }
    }

    private static QueryError missingColumn(TableDef def, String column) {
        return new QueryError(
                ErrorCode.QUERY_INVALID,
                "column \"" + column + "\" of relation \"" + def.name() + "\" does not exist",
                "Columns: " + String.join(", ", def.schema().names()));
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
