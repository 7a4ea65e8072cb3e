package dev.lakebench.core.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.schema.ColumnType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Result column types from the driver's type names; a sequence-filled column is named after its serial type. */
class PgColumnTypesTest {

    @ParameterizedTest
    @CsvSource({
        "int4, INT32",
        "serial, INT32",
        "smallserial, INT32",
        "int8, INT64",
        "bigserial, INT64",
        "numeric, OTHER",
        "jsonb, TEXT",
        "float8, FLOAT64"
    })
    void resultTypeFollowsTheDriversTypeName(String pgType, ColumnType expected) {
        assertThat(PgColumnTypes.resultType(pgType)).isEqualTo(expected);
    }
}
