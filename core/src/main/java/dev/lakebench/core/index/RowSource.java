package dev.lakebench.core.index;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Runs a query of the current statement's connection (same transaction, same snapshot) and hands each row over. */
@FunctionalInterface
public interface RowSource {

    @FunctionalInterface
    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    void query(String sql, List<Object> values, RowHandler handler) throws SQLException;
}
