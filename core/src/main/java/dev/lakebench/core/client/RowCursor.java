package dev.lakebench.core.client;

import java.util.Iterator;
import java.util.List;

/**
 * A result read row by row, so that memory stays flat however many rows there are. Close it when done (a
 * try-with-resources block); an open cursor holds an engine connection.
 */
public interface RowCursor extends Iterator<Row>, AutoCloseable {

    List<ResultColumn> columns();

    @Override
    void close();
}
