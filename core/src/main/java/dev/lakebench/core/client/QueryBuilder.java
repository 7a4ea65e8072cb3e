package dev.lakebench.core.client;

import dev.lakebench.core.client.spi.EngineServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Fluent SELECT on one table, in the seed's shape: {@code select(..).where(..).orderBy(..).limit(..).offset(..)
 * .execute()}. Each step only offers the calls that may follow it. Values given to {@code where} are bound as
 * parameters ({@code $1, $2, ...} numbered across all where calls), never written into the SQL text.
 */
public final class QueryBuilder implements FluentQuery.SelectStep {

    private final Client client;
    private final String table;
    private final List<String> columns = new ArrayList<>();
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();
    private String orderBy;
    private Long limit;
    private Long offset;

    QueryBuilder(Client client, String table) {
        this.client = client;
        this.table = EngineServices.get().checkTableName(table);
    }

    @Override
    public FluentQuery.WhereStep select(String... cols) {
        for (String c : cols) {
            if (c == null || c.isBlank()) {
                throw new IllegalArgumentException("select() takes non-empty column names or expressions");
            }
            columns.add(c);
        }
        return this;
    }

    @Override
    public FluentQuery.WhereStep where(String condition, Object... values) {
        if (condition == null || condition.isBlank()) {
            throw new IllegalArgumentException("where() needs a condition");
        }
        params.addAll(Arrays.asList(values == null ? new Object[] {null} : values));
        int highest = EngineServices.get().highestParameter(condition);
        if (highest > params.size()) {
            throw new IllegalArgumentException(
                    "where(\"" + condition + "\") uses $" + highest + " but only " + params.size()
                            + " values were given so far; number placeholders across all where() calls ($1, $2, ...)");
        }
        conditions.add(condition);
        return this;
    }

    @Override
    public FluentQuery.LimitStep orderBy(String clause) {
        if (clause == null || clause.isBlank()) {
            throw new IllegalArgumentException("orderBy() needs a clause");
        }
        this.orderBy = clause;
        return this;
    }

    @Override
    public FluentQuery.OffsetStep limit(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + n);
        }
        this.limit = n;
        return this;
    }

    @Override
    public FluentQuery.ExecuteStep offset(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + n);
        }
        this.offset = n;
        return this;
    }

    @Override
    public String sql() {
        StringBuilder sb = new StringBuilder("SELECT ");
        sb.append(
                columns.isEmpty()
                        ? "*"
                        : String.join(
                                ", ", columns.stream().map(QueryBuilder::ended).toList()));
        sb.append(" FROM ").append(EngineServices.get().quoteIdentifier(table));
        for (int i = 0; i < conditions.size(); i++) {
            sb.append(i == 0 ? " WHERE (" : " AND (")
                    .append(ended(conditions.get(i)))
                    .append(')');
        }
        if (orderBy != null) {
            sb.append(" ORDER BY ").append(ended(orderBy));
        }
        if (limit != null) {
            sb.append(" LIMIT ").append(limit);
        }
        if (offset != null) {
            sb.append(" OFFSET ").append(offset);
        }
        return sb.toString();
    }

    /**
     * A fragment that ends its line when it holds a {@code --} comment, so that the comment does not swallow what the
     * builder writes after it (a closing bracket, {@code LIMIT}).
     */
    private static String ended(String fragment) {
        return fragment.contains("--") ? fragment + "\n" : fragment;
    }

    @Override
    public List<Object> params() {
        return Collections.unmodifiableList(params);
    }

    @Override
    public List<Row> execute() {
        return client.execute(QueryRequest.of(sql(), params)).rows();
    }

    @Override
    public List<Row> execute(Duration timeout) {
        return client.execute(QueryRequest.of(sql(), params).timeout(timeout)).rows();
    }
}
