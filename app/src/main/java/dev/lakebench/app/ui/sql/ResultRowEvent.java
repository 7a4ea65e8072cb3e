package dev.lakebench.app.ui.sql;

import dev.lakebench.core.client.ResultColumn;
import dev.lakebench.core.client.Row;
import java.util.List;
import javafx.event.Event;
import javafx.event.EventType;

/**
 * What a result's context menu asks of the window (it bubbles up from the results table to the tab that holds
 * it): find rows similar to a row with a vector, or show the result as a thumbnail grid.
 */
public final class ResultRowEvent extends Event {

    public static final EventType<ResultRowEvent> ANY = new EventType<>(Event.ANY, "RESULT_ROW");
    public static final EventType<ResultRowEvent> FIND_SIMILAR = new EventType<>(ANY, "RESULT_FIND_SIMILAR");
    public static final EventType<ResultRowEvent> SHOW_AS_GRID = new EventType<>(ANY, "RESULT_SHOW_AS_GRID");

    private final transient ResultViewModel result;
    private final transient String table;
    private final transient Row row;

    ResultRowEvent(EventType<ResultRowEvent> type, ResultViewModel result, String table, Row row) {
        super(type);
        this.result = result;
        this.table = table;
        this.row = row;
    }

    public ResultViewModel result() {
        return result;
    }

    /** The table the result reads (null when the statement reads several or none). */
    public String table() {
        return table;
    }

    /** The row asked about (the selected one), null for {@link #SHOW_AS_GRID}. */
    public Row row() {
        return row;
    }

    public List<ResultColumn> columns() {
        return result.columns();
    }
}
