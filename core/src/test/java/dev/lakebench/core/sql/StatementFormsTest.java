package dev.lakebench.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakebench.core.client.QueryError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Statements the backend carries out itself (DROP TABLE, transactions) and the SQL a dataset view reads. */
class StatementFormsTest {

    @Test
    void dropTableNamesEveryTable() {
        assertThat(DropTables.parse(new SqlStatement("DROP TABLE IF EXISTS a, main.\"B c\", public.d")))
                .isEqualTo(new DropTables(java.util.List.of("a", "B c", "d"), true));
        assertThat(DropTables.parse(new SqlStatement("drop table t")))
                .isEqualTo(new DropTables(java.util.List.of("t"), false));
    }

    @ParameterizedTest
    @CsvSource({
        "BEGIN,BEGIN",
        "start transaction,BEGIN",
        "COMMIT,COMMIT",
        "end,COMMIT",
        "ROLLBACK,ROLLBACK",
        "abort,ROLLBACK"
    })
    void transactionStatements(String sql, TransactionControl expected) {
        assertThat(new SqlStatement(sql).kind()).isEqualTo(SqlStatement.Kind.TRANSACTION);
        assertThat(TransactionControl.of(new SqlStatement(sql))).isEqualTo(expected);
    }

    @Test
    void aDatasetViewWithoutFromReadsTheViewItNarrows() {
        String all = "SELECT * FROM \"ep\"";
        assertThat(DatasetSql.narrow(all, "ep", "SELECT a, b WHERE c < 100 ORDER BY a"))
                .isEqualTo("SELECT a, b  FROM (SELECT * FROM \"ep\") AS \"ep\" WHERE c < 100 ORDER BY a");
        assertThat(DatasetSql.narrow(all, "ep", "SELECT a"))
                .isEqualTo("SELECT a FROM (SELECT * FROM \"ep\") AS \"ep\" ");
        assertThat(DatasetSql.narrow(all, "ep", "SELECT a FROM other")).isEqualTo("SELECT a FROM other");
    }

    @Test
    void aDatasetCountsReadsOneRowAndShufflesOverItsOwnSql() {
        String all = DatasetSql.table("e\"p");
        assertThat(all).isEqualTo("SELECT * FROM \"e\"\"p\"");
        assertThat(DatasetSql.count(all)).isEqualTo("SELECT count(*) AS n FROM (" + all + ") AS q");
        assertThat(DatasetSql.row(all, 41)).isEqualTo("SELECT * FROM (" + all + ") AS q LIMIT 1 OFFSET 41");
        assertThat(DatasetSql.shuffled(all, 7))
                .isEqualTo("SELECT * EXCLUDE (_lb_shuffle_n) FROM (SELECT *, row_number() OVER () AS _lb_shuffle_n"
                        + " FROM (" + all + ") AS q) AS s ORDER BY hash(_lb_shuffle_n, 7::BIGINT), _lb_shuffle_n");
    }

    @Test
    void aDatasetViewMustBeASelect() {
        assertThatThrownBy(() -> DatasetSql.narrow("SELECT 1", "t", "DELETE FROM t"))
                .isInstanceOf(QueryError.class)
                .hasMessageContaining("A dataset view must be a SELECT");
    }
}
