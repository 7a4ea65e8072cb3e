package dev.lakebench.core.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.schema.Column;
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

    @ParameterizedTest
    @CsvSource({
        "character varying(3), TEXT, VARCHAR(3), varchar(3)",
        "character(4), TEXT, CHAR(4), char(4)",
        "character varying, TEXT, TEXT, varchar",
        "text, TEXT, TEXT, text",
        "character varying(3)[], OTHER, CHARACTER VARYING(3)[],"
    })
    void characterColumnsKeepTheirDeclaredType(String formatted, ColumnType type, String typeName, String sqlType) {
        Column c = PgColumnTypes.fromCatalog("c", formatted, formatted.startsWith("text") ? "text" : "varchar", null);
        assertThat(c.type()).isEqualTo(type);
        assertThat(c.typeName())
                .as("shown (a varchar without a length is text)")
                .isEqualTo(typeName);
        if (type == ColumnType.TEXT) {
            assertThat(PgColumnTypes.sqlType(c)).as("created as").isEqualTo(sqlType);
        }
    }
}
