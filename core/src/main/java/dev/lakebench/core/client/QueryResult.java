package dev.lakebench.core.client;

import java.time.Duration;
import java.util.List;

/**
 * A fully read result: columns, rows, how long it took, and for statements without rows how many rows they
 * changed (-1 when unknown).
 */
public record QueryResult(List<ResultColumn> columns, List<Row> rows, long updateCount, Duration elapsed) {

    public QueryResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public List<String> columnNames() {
        return columns.stream().map(ResultColumn::name).toList();
    }
}
