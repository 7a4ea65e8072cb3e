package dev.lakebench.core.embed;

import dev.lakebench.core.store.Workspace;
import dev.lakebench.natives.engine.EngineException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Which model made each vector column ({@code lb_meta.embedding_columns}, in the workspace's database), so that
 * a query, a backfill or the workbench embeds text with the model that matches the column. Rows of dropped
 * tables or columns are ignored when read and replaced when the column is made again.
 */
public final class EmbeddingCatalog {

    /**
     * One vector column made by a model from source columns (the first non-null of them per row), with the
     * prompts its texts were read with ({@code prompts} null for columns recorded before prompts were: the
     * model's own prompts then apply).
     */
    public record Entry(
            String table, String column, List<String> sources, String model, int dimension, Prompts prompts) {

        public Entry(String table, String column, List<String> sources, String model, int dimension) {
            this(table, column, sources, model, dimension, null);
        }
    }

    private final Workspace workspace;

    public EmbeddingCatalog(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Engines whose catalog table was brought up to date in this process (the check runs once per engine). */
    private static final Set<Object> CURRENT =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private void ensure(Connection c) throws SQLException {
        if (CURRENT.contains(workspace.engine())) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute(
                    "CREATE TABLE IF NOT EXISTS lb_meta.embedding_columns (table_name VARCHAR NOT NULL, column_name VARCHAR NOT NULL,"
                            + " source_columns VARCHAR NOT NULL, model VARCHAR NOT NULL, dimension INTEGER NOT NULL,"
                            + " query_prompt VARCHAR, document_prompt VARCHAR)");
            // catalogs written before prompts were recorded: their rows keep null prompts
            st.execute("ALTER TABLE lb_meta.embedding_columns ADD COLUMN IF NOT EXISTS query_prompt VARCHAR");
            st.execute("ALTER TABLE lb_meta.embedding_columns ADD COLUMN IF NOT EXISTS document_prompt VARCHAR");
        }
        CURRENT.add(workspace.engine());
    }

    public void record(Entry e) {
        try (Connection c = workspace.engine().connect()) {
            ensure(c);
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement(
                            "DELETE FROM lb_meta.embedding_columns WHERE lower(table_name) = ? AND lower(column_name) = ?");
                    PreparedStatement ins =
                            c.prepareStatement("INSERT INTO lb_meta.embedding_columns (table_name, column_name,"
                                    + " source_columns, model, dimension, query_prompt, document_prompt)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                del.setString(1, e.table().toLowerCase(Locale.ROOT));
                del.setString(2, e.column().toLowerCase(Locale.ROOT));
                del.executeUpdate();
                ins.setString(1, e.table());
                ins.setString(2, e.column());
                ins.setString(3, String.join("\n", e.sources()));
                ins.setString(4, e.model());
                ins.setInt(5, e.dimension());
                ins.setString(6, e.prompts() == null ? null : e.prompts().query());
                ins.setString(7, e.prompts() == null ? null : e.prompts().document());
                ins.executeUpdate();
                c.commit();
            } catch (SQLException ex) {
                c.rollback();
                throw ex;
            }
        } catch (SQLException ex) {
            throw EngineException.from(ex);
        }
    }

    /** The model that made {@code table.column}, if a model did and the column still holds vectors of its size. */
    public Optional<Entry> find(String table, String column) {
        for (Entry e : list(table)) {
            if (e.column().equalsIgnoreCase(column)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The model-made vector columns of {@code table} that still exist. */
    public List<Entry> list(String table) {
        List<Entry> out = new ArrayList<>();
        var def = workspace.catalog().table(table);
        if (def.isEmpty()) {
            return out;
        }
        try (Connection c = workspace.engine().connect()) {
            ensure(c);
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT table_name, column_name, source_columns, model, dimension,"
                            + " query_prompt, document_prompt"
                            + " FROM lb_meta.embedding_columns WHERE lower(table_name) = ?")) {
                ps.setString(1, table.toLowerCase(Locale.ROOT));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Entry e = new Entry(
                                rs.getString(1),
                                rs.getString(2),
                                List.of(rs.getString(3).split("\n")),
                                rs.getString(4),
                                rs.getInt(5),
                                rs.getString(6) == null && rs.getString(7) == null
                                        ? null
                                        : new Prompts(rs.getString(6), rs.getString(7)));
                        var col = def.get().schema().column(e.column());
                        if (col.isPresent()
                                && col.get().type().isVector()
                                && (col.get().dimension() == e.dimension()
                                        || col.get().dimension() == 0)) {
                            out.add(e);
                        }
                    }
                }
            }
        } catch (SQLException ex) {
            throw EngineException.from(ex);
        }
        return out;
    }
}
