package dev.lakebench.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A code carries its family; an error class reports only codes of its family (or a more general one). */
class ErrorFamilyTest {

    @Test
    void aClassRefusesACodeOfAnotherFamily() {
        assertThatThrownBy(() -> new TableError(ErrorCode.QUERY_INVALID, "x", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TableError cannot report QUERY_INVALID");
        assertThatThrownBy(() -> new IngestError(ErrorCode.TABLE_NOT_FOUND, "x", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthError(ErrorCode.TOKEN_MALFORMED, "x", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ManagedServiceError(ErrorCode.WORKSPACE_IO, "x", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMoreSpecificClassMayCarryAMoreGeneralCode() {
        assertThat(new QueryError(ErrorCode.COLUMN_NOT_FOUND, "x", "").code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND);
        assertThat(new TokenError(ErrorCode.AUTH_REJECTED, "x", "").code()).isEqualTo(ErrorCode.AUTH_REJECTED);
        assertThat(new IngestError(ErrorCode.SERVICE_UNAVAILABLE, "x", "").code())
                .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }

    @Test
    void everyCodeHasAFamilyAndTheFactoryMakesItsClass() {
        for (ErrorCode code : ErrorCode.values()) {
            ManagedServiceError e = ErrorFamily.create(code, "problem", "hint");
            assertThat(e.getClass()).as(code.name()).isEqualTo(code.family().errorClass());
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo("problem. hint");
        }
        assertThat(ErrorCode.QUERY_TIMEOUT.family()).isEqualTo(ErrorFamily.QUERY);
        assertThat(ErrorCode.COLUMN_NOT_FOUND.family()).isEqualTo(ErrorFamily.TABLE);
        assertThat(ErrorCode.INTERNAL.family()).isEqualTo(ErrorFamily.SERVICE);
    }
}
