package dev.lakebench.core.backend.managed;

import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.client.ResultColumn;
import dev.lakebench.core.client.Row;
import dev.lakebench.core.client.RowCursor;
import dev.lakebench.core.sql.SqlStatement;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A managed result read one page at a time: a single SELECT without its own LIMIT/OFFSET is sent as
 * {@code <select> LIMIT n OFFSET k} for k = 0, n, 2n, .. until a page comes back short. Only the current page
 * is held. Without ORDER BY the pages follow the server's scan order, which is stable for a table nobody writes
 * meanwhile; an ORDER BY on a key makes them exact.
 */
final class PagedCursor implements RowCursor {

    private final ManagedBackend backend;
    private final QueryRequest request;
    private final List<SqlStatement> statements;
    private final String pagedSql;
    private final int pageRows;
    private List<ResultColumn> columns;
    private Iterator<Row> page;
    private long offset;
    private boolean last;
    private boolean closed;

    PagedCursor(ManagedBackend backend, QueryRequest request, int pageRows) {
        this.backend = backend;
        this.request = request;
        this.statements = SqlStatement.split(request.sql());
        this.pageRows = pageRows;
        this.pagedSql = pageable(statements) ? statements.get(0).text().strip() : null;
        fetch();
    }

    /** One SELECT with no LIMIT or OFFSET of its own. */
    static boolean pageable(List<SqlStatement> statements) {
        if (statements.size() != 1) {
            return false;
        }
        SqlStatement st = statements.get(0);
        return st.kind() == SqlStatement.Kind.SELECT && st.findTopLevel(0, "LIMIT", "OFFSET", "FETCH", "FOR") < 0;
    }

    private void fetch() {
        if (pagedSql == null) {
            var r = backend.execute(request);
            columns = r.columns();
            page = r.rows().iterator();
            last = true;
            return;
        }
        String sql = pagedSql.endsWith(";") ? pagedSql.substring(0, pagedSql.length() - 1) : pagedSql;
        AnswerReader.Answer a = backend.query(
                sql + " LIMIT " + pageRows + " OFFSET " + offset,
                request.params(),
                request.hasDefaultTimeout() ? null : request.timeout(),
                true,
                request.cancellation(),
                request.timeout(),
                statements);
        if (columns == null
                || columns.stream().anyMatch(c -> c.type() == null) && !a.rows().isEmpty()) {
            columns = a.columns();
        }
        page = a.rows().iterator();
        offset += a.rows().size();
        last = a.rows().size() < pageRows;
    }

    @Override
    public List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public boolean hasNext() {
        while (!closed && !page.hasNext() && !last) {
            fetch();
        }
        return !closed && page.hasNext();
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.next();
    }

    @Override
    public void close() {
        closed = true;
        page = List.<Row>of().iterator();
    }
}
