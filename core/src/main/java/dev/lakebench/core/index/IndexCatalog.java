package dev.lakebench.core.index;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Index declarations, kept in the engine ({@code lb_meta.indexes}) next to the table catalog. The index
 * directories are derived data: they can always be rebuilt from a declaration and its table.
 */
final class IndexCatalog {

    private IndexCatalog() {}

    /** Made on first use: a workspace without indexes opens without setting up the object mapper. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    static void ensure(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS lb_meta.indexes (name VARCHAR NOT NULL, table_name VARCHAR NOT NULL,"
                    + " columns VARCHAR NOT NULL, type VARCHAR NOT NULL, options VARCHAR, uid VARCHAR NOT NULL,"
                    + " created_at TIMESTAMP)");
        }
    }

    static List<IndexDefinition> load(Connection c) throws SQLException {
        List<IndexDefinition> out = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT name, table_name, columns, type, options, uid FROM lb_meta.indexes ORDER BY created_at, name")) {
            while (rs.next()) {
                out.add(new IndexDefinition(
                        rs.getString(1),
                        rs.getString(2),
                        Arrays.asList(rs.getString(3).split(",")),
                        IndexType.valueOf(rs.getString(4)),
                        options(rs.getString(5)),
                        rs.getString(6)));
            }
        }
        return out;
    }

    private static Map<String, String> options(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return Json.MAPPER.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (Exception e) {
            return Map.of();
        }
    }

    static void insert(Connection c, IndexDefinition d) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO lb_meta.indexes VALUES (?, ?, ?, ?, ?, ?, now()::TIMESTAMP)")) {
            ps.setString(1, d.name());
            ps.setString(2, d.table());
            ps.setString(3, String.join(",", d.columns()));
            ps.setString(4, d.type().name());
            ps.setString(5, Json.MAPPER.writeValueAsString(d.options()));
            ps.setString(6, d.uid());
            ps.executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void delete(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM lb_meta.indexes WHERE lower(name) = lower(?)")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
    }
}
